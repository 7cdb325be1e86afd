import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ListTable } from "#app/components/list-table";
import { AssessmentStatusBadge, DueDate } from "#app/components/status";
import { requireUser } from "#app/features/accounts/auth.server";
import { supplierAssessmentRows } from "#app/features/assessments/supplier-list.server";
import { supplierChainAgreements } from "#app/features/subcontractors/subcontractors.server";

export const meta: MetaFunction = () => [{ title: "My assessments · Flowdown" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "supplier" });
  const [rows, agreements] = await Promise.all([supplierAssessmentRows(user.orgId), supplierChainAgreements(user)]);
  return { orgName: user.org.name, rows, agreements };
}

export default function SupplierDashboard() {
  const { orgName, rows, agreements } = useLoaderData<typeof loader>();
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
      {agreements.length ? (
        <section className="card form-section" aria-labelledby="subcontractors-heading">
          <h2 id="subcontractors-heading">Your subcontractors</h2>
          <p className="muted">
            Name the companies you pass each agreement's information to: your client adds them to the chain.
          </p>
          <ul>
            {agreements.map((a) => (
              <li key={a.id}>
                <Link to={`/supplier/agreements/${a.id}/subcontractors`}>Subcontractors for {a.reference}</Link>{" "}
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
