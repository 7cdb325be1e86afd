import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AssessmentStatusBadge } from "#app/components/status";
import { requireUser } from "#app/features/accounts/auth.server";
import { recentAssessments } from "#app/features/review/dashboard.server";

export const meta: MetaFunction = () => [{ title: "Assessments · Flowdown" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  return { assessments: await recentAssessments(user.orgId) };
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

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
