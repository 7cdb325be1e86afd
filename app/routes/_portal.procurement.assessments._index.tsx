import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { AssessmentStatusBadge } from "#app/components/status";
import { requireUser } from "#app/utils/auth.server";
import { Agreement } from "#models/agreement.server";
import { Assessment } from "#models/assessment.server";
import { todayIso } from "#models/dates";
import { Organization } from "#models/organization.server";

export const meta: MetaFunction = () => [{ title: "Assessments · Flowdown" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  const assessments = await Assessment.find({ ownerOrgId: user.orgId }, { answers: 0, result: 0, history: 0 }).sort({ updatedAt: -1 }).limit(200).lean();
  const [orgs, agreements] = await Promise.all([
    Organization.find({ _id: { $in: assessments.map((a) => a.supplierOrgId) } }, { name: 1 }).lean(),
    Agreement.find({ _id: { $in: assessments.map((a) => a.agreementId) } }, { reference: 1 }).lean(),
  ]);
  const orgName = new Map(orgs.map((o) => [String(o._id), o.name]));
  const ref = new Map(agreements.map((a) => [String(a._id), a.reference]));
  const today = todayIso();
  return {
    assessments: assessments.map((a) => ({
      id: String(a._id),
      supplier: orgName.get(String(a.supplierOrgId)) ?? "",
      agreement: ref.get(String(a.agreementId)) ?? "",
      status: a.status,
      dueDate: a.dueDate,
      overdue: a.dueDate < today && ["invited", "in_progress"].includes(a.status),
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
