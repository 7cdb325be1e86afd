import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { titleOf } from "#app/i18n/meta";
import { Link, useLoaderData } from "@remix-run/react";
import { ListTable } from "#app/components/list-table";
import { AssessmentStatusBadge, DueDate } from "#app/components/status";
import { requireUser } from "#app/features/accounts/auth.server";
import { supplierAssessmentRows } from "#app/features/assessments/supplier-list.server";
import { supplierChainAgreements } from "#app/features/subcontractors/subcontractors.server";
import { useFormat, useT } from "#app/i18n/react";

export const meta: MetaFunction = ({ matches }) => [{ title: titleOf(matches, "common.nav.myAssessments") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "supplier" });
  const [rows, agreements] = await Promise.all([supplierAssessmentRows(user.orgId), supplierChainAgreements(user)]);
  return { orgName: user.org.name, rows, agreements };
}

export default function SupplierDashboard() {
  const { orgName, rows, agreements } = useLoaderData<typeof loader>();
  const t = useT();
  const format = useFormat();
  const open = rows.filter((r) => ["invited", "in_progress", "remediation_requested"].includes(r.status));
  return (
    <>
      <div className="page-head">
        <h1>{t("supplier.dashboard.title")}</h1>
        <span className="muted">{orgName}</span>
      </div>
      {rows.length === 0 ? (
        <p className="empty">{t("supplier.dashboard.empty", { org: orgName })}</p>
      ) : (
        <>
          <div className="stats">
            <div className="stat">
              <div className="value">{open.length}</div>
              <div className="label">{t("supplier.dashboard.toAnswer")}</div>
            </div>
            <div className="stat">
              <div className="value">{rows.filter((r) => r.overdue).length}</div>
              <div className="label">{t("supplier.dashboard.overdue")}</div>
            </div>
            <div className="stat">
              <div className="value">{rows.filter((r) => r.status === "remediation_requested").length}</div>
              <div className="label">{t("supplier.dashboard.remediationRequests")}</div>
            </div>
          </div>
          <ListTable
            rows={rows}
            rowKey={(r) => r.id}
            columns={[
              {
                header: t("supplier.dashboard.col.questionnaire"),
                cell: (r) => (
                  <>
                    <Link to={`/supplier/assessments/${r.id}`}>{r.title}</Link>
                    {r.reassessment ? (
                      <div className="small">
                        {t.rich("supplier.dashboard.reassessment", {
                          badge: (chunks) => <span className="badge info">{chunks}</span>,
                          reasons: r.reassessment.join("; "),
                        })}
                      </div>
                    ) : null}
                  </>
                ),
              },
              {
                header: t("supplier.dashboard.col.client"),
                cell: (r) => (
                  <>
                    {r.client}
                    <div className="muted">{r.agreement}</div>
                  </>
                ),
              },
              { header: t("supplier.dashboard.col.status"), cell: (r) => <AssessmentStatusBadge status={r.status} /> },
              {
                header: t("supplier.dashboard.col.due"),
                cell: (r) => <DueDate date={r.dueDate} overdue={r.overdue} />,
              },
              {
                header: t("supplier.dashboard.col.answered"),
                cell: (r) => (
                  <>
                    <span className="progress" aria-hidden="true">
                      <span style={{ width: `${r.progress}%` }} />
                    </span>
                    {format.percent(r.progress)}
                  </>
                ),
              },
            ]}
          />
        </>
      )}
      {agreements.length ? (
        <section className="card form-section" aria-labelledby="subcontractors-heading">
          <h2 id="subcontractors-heading">{t("supplier.dashboard.subcontractorsHeading")}</h2>
          <p className="muted">{t("supplier.dashboard.subcontractorsIntro")}</p>
          <ul>
            {agreements.map((a) => (
              <li key={a.id}>
                <Link to={`/supplier/agreements/${a.id}/subcontractors`}>
                  {t("supplier.subcontractorsFor", { reference: a.reference })}
                </Link>{" "}
                <span className="muted">{a.title}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
