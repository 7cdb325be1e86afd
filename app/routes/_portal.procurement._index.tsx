import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { titleOf } from "#app/i18n/meta";
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ListTable, type Column } from "#app/components/list-table";
import { BarChart } from "#app/components/charts";
import { Pager } from "#app/components/pager";
import { useFormat, useT } from "#app/i18n/react";
import { AssessmentStatusBadge, DueDate, RatingBadge } from "#app/components/status";
import { requireUser } from "#app/features/accounts/auth.server";
import { dashboardPage, parseDashboardQuery } from "#app/features/review/dashboard.server";
import { ASSESSMENT_STATUSES } from "#app/features/assessments/statuses";
import { REVIEW_LIMITS } from "#app/features/review/review-limits";

export const meta: MetaFunction = ({ matches }) => [{ title: titleOf(matches, "labels.role.procurement") }];

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
  const format = useFormat();
  const { orgName, q, page, supplierCount, agreements } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const csv = new URLSearchParams(params);
  csv.delete("page");
  return (
    <>
      <div className="page-head">
        <h1>{t("dashboard.title")}</h1>
        <span className="muted">{orgName}</span>
      </div>
      <div className="stats">
        <div className="stat">
          <div className="value">{supplierCount}</div>
          <div className="label">
            {t.rich("dashboard.stats.suppliersAssessed", {
              link: (chunks) => <Link to="/procurement/suppliers">{chunks}</Link>,
            })}
          </div>
        </div>
        <div className="stat">
          <div className="value">{page.total}</div>
          <div className="label">{t("dashboard.stats.assessmentsShown")}</div>
        </div>
        <div className="stat">
          <div className="value">{page.statusCounts.submitted + page.statusCounts.under_review}</div>
          <div className="label">{t("dashboard.stats.waitingForReview")}</div>
        </div>
      </div>
      <div className="charts">
        <BarChart
          title={t("dashboard.chart.rating")}
          data={[
            { label: t("dashboard.rating.critical"), value: page.ratingCounts.critical },
            { label: t("dashboard.rating.high"), value: page.ratingCounts.high },
            { label: t("dashboard.rating.medium"), value: page.ratingCounts.medium },
            { label: t("dashboard.rating.low"), value: page.ratingCounts.low },
            { label: t("dashboard.rating.unscored"), value: page.ratingCounts.unscored },
          ]}
          colours={["var(--bad)", "var(--warn)", "var(--info)", "var(--ok)", "#9aa4b2"]}
        />
        <BarChart
          title={t("dashboard.chart.status")}
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
          placeholder={t("dashboard.filter.searchPlaceholder")}
          aria-label={t("dashboard.filter.searchLabel")}
        />
        <select name="agreement" defaultValue={q.agreement ?? ""} aria-label={t("dashboard.filter.agreement")}>
          <option value="">{t("dashboard.filter.allAgreements")}</option>
          {agreements.map((a) => (
            <option key={a.id} value={a.id}>
              {a.reference}
            </option>
          ))}
        </select>
        <select name="status" defaultValue={q.status ?? ""} aria-label={t("dashboard.filter.status")}>
          <option value="">{t("dashboard.filter.anyStatus")}</option>
          {ASSESSMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`labels.assessmentStatus.${s}`)}
            </option>
          ))}
        </select>
        <select name="rating" defaultValue={q.rating ?? ""} aria-label={t("dashboard.filter.rating")}>
          <option value="">{t("dashboard.filter.anyRating")}</option>
          {(["critical", "high", "medium", "low"] as const).map((r) => (
            <option key={r} value={r}>
              {t(`dashboard.rating.${r}`)}
            </option>
          ))}
        </select>
        <label className="check inline">
          <input type="checkbox" name="overdue" value="1" defaultChecked={q.overdue === "1"} />{" "}
          {t("dashboard.filter.overdueOnly")}
        </label>
        <input type="hidden" name="sort" value={q.sort} />
        <input type="hidden" name="dir" value={q.dir} />
        <button type="submit" disabled={navigation.state === "loading"}>
          {navigation.state === "loading" ? t("dashboard.filter.filtering") : t("dashboard.filter.filter")}
        </button>
        <Link to="/procurement" className="button secondary">
          {t("dashboard.filter.clear")}
        </Link>
        <a className="button secondary" href={`/procurement/assessments.csv?${csv}`} download>
          {t("dashboard.exportCsv")}
        </a>
        <Link className="button" to="/procurement/assessments/new">
          {t("dashboard.sendQuestionnaire")}
        </Link>
      </Form>
      <ListTable
        data-testid="dashboard-table"
        rows={page.rows}
        rowKey={(r) => r.id}
        empty={page.total === 0 && !params.toString() ? t("dashboard.empty.noneSent") : t("dashboard.empty.noMatch")}
        columns={[
          {
            ...sortable(params, q, "supplier", t("dashboard.column.supplier")),
            cell: (r) => <Link to={`/procurement/assessments/${r.id}`}>{r.supplier}</Link>,
          },
          { header: t("dashboard.column.agreement"), cell: (r) => r.agreement },
          {
            header: t("dashboard.column.status"),
            cell: (r) => (
              <>
                <AssessmentStatusBadge status={r.status} />
                {r.needsReview ? (
                  <span className="badge warn" title={t("dashboard.needsReviewTitle")}>
                    {t("dashboard.needsReview")}
                  </span>
                ) : null}
              </>
            ),
          },
          {
            ...sortable(params, q, "score", t("dashboard.column.score")),
            cell: (r) =>
              r.score === null ? (
                <span className="muted">–</span>
              ) : (
                <span title={r.scoredAt ? t("dashboard.scoredAt", { moment: format.moment(r.scoredAt) }) : undefined}>
                  {r.score}
                </span>
              ),
          },
          {
            header: t("dashboard.column.rating"),
            cell: (r) => (r.rating ? <RatingBadge rating={r.rating} /> : <span className="muted">–</span>),
          },
          {
            ...sortable(params, q, "due", t("dashboard.column.due")),
            cell: (r) => <DueDate date={r.dueDate} overdue={r.overdue} />,
          },
        ]}
      />
      <Pager page={q.page} pages={page.pages} label={t("dashboard.pages")}>
        <span className="muted">
          {t("dashboard.pageOf", { page: format.number(q.page), pages: format.number(page.pages) })}
        </span>
      </Pager>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
