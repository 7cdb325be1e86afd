import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { AssessmentStatusBadge } from "#app/components/status";
import { requireUser } from "#app/features/accounts/auth.server";
import { orderedRows } from "#app/features/review/dashboard.server";
import { orgReadModel } from "#app/features/assessments/read-model.server";
import { todayIso } from "#models/today";

export const meta: MetaFunction = () => [{ title: "Assessments · Flowdown" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  const rows = orderedRows(await orgReadModel(user.orgId), { sort: "updated", dir: "desc" }).slice(0, 200);
  const today = todayIso();
  return {
    assessments: rows.map((a) => ({
      id: a.id,
      supplier: a.supplierName,
      agreement: a.agreementRef,
      status: a.status,
      dueDate: a.dueDate,
      overdue: a.dueDate < today && ["invited", "in_progress", "remediation_requested"].includes(a.status),
    })),
  };
}

export default function AssessmentsPage() {
  const { assessments } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-head">
        <h1>Assessments</h1>
        <Link className="button" to="/procurement/assessments/new">
          Send a questionnaire
        </Link>
      </div>
      {assessments.length === 0 ? (
        <p className="empty">No questionnaires sent yet.</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th>Supplier</th>
              <th>Agreement</th>
              <th>Status</th>
              <th>Due</th>
            </tr>
          </thead>
          <tbody>
            {assessments.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link to={`/procurement/assessments/${a.id}`}>{a.supplier}</Link>
                </td>
                <td>{a.agreement}</td>
                <td>
                  <AssessmentStatusBadge status={a.status} />
                </td>
                <td>
                  {a.dueDate} {a.overdue ? <span className="badge bad">overdue</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
