import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { utcMinute } from "#app/components/time";
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ListTable, type Column } from "#app/components/list-table";
import { BarChart } from "#app/components/charts";
import { Pager } from "#app/components/pager";
import { useT } from "#app/i18n/react";
import { AssessmentStatusBadge, DueDate, RatingBadge } from "#app/components/status";
import { requireUser } from "#app/features/accounts/auth.server";
import { dashboardPage, parseDashboardQuery } from "#app/features/review/dashboard.server";
import { ASSESSMENT_STATUSES } from "#app/features/assessments/statuses";
import { REVIEW_LIMITS } from "#app/features/review/review-limits";

export const meta: MetaFunction = () => [{ title: "Procurement · Flowdown" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  const q = parseDashboardQuery(new URL(request.url));
  const { supplierCount, agreements, ...page } = await dashboardPage(user.orgId, q);
  return { orgName: user.org.name, q, page, supplierCount, agreements };
}

type DashboardQuery = ReturnType<typeof parseDashboardQuery>;

/**
 * A sortable column: its header is a link that sorts by it (or reverses the order), and the
 * header cell says how the table is sorted now (`aria-sort` belongs on the column header, not on the link).
 */
function sortable(
  params: URLSearchParams,
  q: Pick<DashboardQuery, "sort" | "dir">,
  field: DashboardQuery["sort"],
  label: string,
): Pick<Column<unknown>, "header" | "headerProps"> {
  const active = q.sort === field;
  const ascending = q.dir === "asc";
  const next = new URLSearchParams(params);
  next.set("sort", field);
  next.set("dir", active && ascending ? "desc" : "asc");
  next.delete("page");
  return {
    header: (
      <Link to={`?${next}`}>
        {label}
        {active ? <span aria-hidden="true">{ascending ? " ▲" : " ▼"}</span> : null}
      </Link>
    ),
    headerProps: { "aria-sort": active ? (ascending ? "ascending" : "descending") : "none" },
  };
}

export default function ProcurementDashboard() {
  const t = useT();
  const { orgName, q, page, supplierCount, agreements } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const csv = new URLSearchParams(params);
  csv.delete("page");
  return (
    <>
      <div className="page-head">
        <h1>Procurement dashboard</h1>
        <span className="muted">{orgName}</span>
      </div>
      <div className="stats">
        <div className="stat">
          <div className="value">{supplierCount}</div>
          <div className="label">
            Suppliers assessed (<Link to="/procurement/suppliers">all suppliers</Link>)
          </div>
        </div>
        <div className="stat">
          <div className="value">{page.total}</div>
          <div className="label">Assessments shown</div>
        </div>
        <div className="stat">
          <div className="value">{page.statusCounts.submitted + page.statusCounts.under_review}</div>
          <div className="label">Waiting for review</div>
        </div>
      </div>
      <div className="charts">
        <BarChart
          title="Risk rating"
          data={[
            { label: "Critical", value: page.ratingCounts.critical },
            { label: "High", value: page.ratingCounts.high },
            { label: "Medium", value: page.ratingCounts.medium },
            { label: "Low", value: page.ratingCounts.low },
            { label: "Not scored yet", value: page.ratingCounts.unscored },
          ]}
          colours={["var(--bad)", "var(--warn)", "var(--info)", "var(--ok)", "#9aa4b2"]}
        />
        <BarChart
          title="Status"
          data={ASSESSMENT_STATUSES.map((s) => ({
            label: t(`labels.assessmentStatus.${s}`),
            value: page.statusCounts[s],
          }))}
        />
      </div>
      <Form method="get" className="filters" role="search">
        <input
          type="search"
          name="q"
          maxLength={REVIEW_LIMITS.search}
          defaultValue={q.q ?? ""}
          placeholder="Supplier name starts with…"
          aria-label="Search suppliers"
        />
        <select name="agreement" defaultValue={q.agreement ?? ""} aria-label="Agreement">
          <option value="">All agreements</option>
          {agreements.map((a) => (
            <option key={a.id} value={a.id}>
              {a.reference}
            </option>
          ))}
        </select>
        <select name="status" defaultValue={q.status ?? ""} aria-label="Status">
          <option value="">Any status</option>
          {ASSESSMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`labels.assessmentStatus.${s}`)}
            </option>
          ))}
        </select>
        <select name="rating" defaultValue={q.rating ?? ""} aria-label="Rating">
          <option value="">Any rating</option>
          {["critical", "high", "medium", "low"].map((r) => (
            <option key={r} value={r}>
              {r[0].toUpperCase() + r.slice(1)}
            </option>
          ))}
        </select>
        <label className="check inline">
          <input type="checkbox" name="overdue" value="1" defaultChecked={q.overdue === "1"} /> Overdue only
        </label>
        <input type="hidden" name="sort" value={q.sort} />
        <input type="hidden" name="dir" value={q.dir} />
        <button type="submit" disabled={navigation.state === "loading"}>
          {navigation.state === "loading" ? "Filtering…" : "Filter"}
        </button>
        <Link to="/procurement" className="button secondary">
          Clear
        </Link>
        <a className="button secondary" href={`/procurement/assessments.csv?${csv}`} download>
          Export CSV
        </a>
        <Link className="button" to="/procurement/assessments/new">
          Send a questionnaire
        </Link>
      </Form>
      <ListTable
        data-testid="dashboard-table"
        rows={page.rows}
        rowKey={(r) => r.id}
        empty={
          page.total === 0 && !params.toString()
            ? "No assessments have been sent yet."
            : "Nothing matches these filters."
        }
        columns={[
          {
            ...sortable(params, q, "supplier", "Supplier"),
            cell: (r) => <Link to={`/procurement/assessments/${r.id}`}>{r.supplier}</Link>,
          },
          { header: "Agreement", cell: (r) => r.agreement },
          {
            header: "Status",
            cell: (r) => (
              <>
                <AssessmentStatusBadge status={r.status} />
                {r.needsReview ? (
                  <span className="badge warn" title="The current result differs from the one approved">
                    needs review
                  </span>
                ) : null}
              </>
            ),
          },
          {
            ...sortable(params, q, "score", "Score"),
            cell: (r) =>
              r.score === null ? (
                <span className="muted">–</span>
              ) : (
                <span title={r.scoredAt ? `Scored ${utcMinute(r.scoredAt)}` : undefined}>{r.score}</span>
              ),
          },
          {
            header: "Rating",
            cell: (r) => (r.rating ? <RatingBadge rating={r.rating} /> : <span className="muted">–</span>),
          },
          {
            ...sortable(params, q, "due", "Due"),
            cell: (r) => <DueDate date={r.dueDate} overdue={r.overdue} />,
          },
        ]}
      />
      <Pager page={q.page} pages={page.pages} label="Pages">
        <span className="muted">
          Page {q.page} of {page.pages}
        </span>
      </Pager>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
