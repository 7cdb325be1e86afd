import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ListTable } from "#app/components/list-table";
import { AssessmentStatusBadge, DueDate } from "#app/components/status";
import { requireUser } from "#app/features/accounts/auth.server";
import { supplierAssessmentRows } from "#app/features/assessments/supplier-list.server";

export const meta: MetaFunction = () => [{ title: "My assessments · Flowdown" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "supplier" });
  const rows = await supplierAssessmentRows(user.orgId);
  return { orgName: user.org.name, rows };
}

export default function SupplierDashboard() {
  const { orgName, rows } = useLoaderData<typeof loader>();
  const open = rows.filter((r) => ["invited", "in_progress", "remediation_requested"].includes(r.status));
  return (
    <>
      <div className="page-head">
        <h1>My assessments</h1>
        <span className="muted">{orgName}</span>
      </div>
      {rows.length === 0 ? (
        <p className="empty">
          No security questionnaires have been sent to {orgName} yet. When a client invites you, the questionnaire
          appears here.
        </p>
      ) : (
        <>
          <div className="stats">
            <div className="stat">
              <div className="value">{open.length}</div>
              <div className="label">To answer</div>
            </div>
            <div className="stat">
              <div className="value">{rows.filter((r) => r.overdue).length}</div>
              <div className="label">Overdue</div>
            </div>
            <div className="stat">
              <div className="value">{rows.filter((r) => r.status === "remediation_requested").length}</div>
              <div className="label">Remediation requests</div>
            </div>
          </div>
          <ListTable
            rows={rows}
            rowKey={(r) => r.id}
            columns={[
              {
                header: "Questionnaire",
                cell: (r) => (
                  <>
                    <Link to={`/supplier/assessments/${r.id}`}>{r.title}</Link>
                    {r.reassessment ? (
                      <div className="small">
                        <span className="badge info">re-assessment</span> pre-filled with your last approved answers:
                        confirm or change them. Why now: {r.reassessment.join("; ")}
                      </div>
                    ) : null}
                  </>
                ),
              },
              {
                header: "Client and agreement",
                cell: (r) => (
                  <>
                    {r.client}
                    <div className="muted">{r.agreement}</div>
                  </>
                ),
              },
              { header: "Status", cell: (r) => <AssessmentStatusBadge status={r.status} /> },
              {
                header: "Due",
                cell: (r) => <DueDate date={r.dueDate} overdue={r.overdue} />,
              },
              {
                header: "Answered",
                cell: (r) => (
                  <>
                    <span className="progress" aria-hidden="true">
                      <span style={{ width: `${r.progress}%` }} />
                    </span>
                    {r.progress}%
                  </>
                ),
              },
            ]}
          />
        </>
      )}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
