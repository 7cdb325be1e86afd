import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ListTable } from "#app/components/list-table";
import { AssessmentStatusBadge, DueDate } from "#app/components/status";
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
      <ListTable
        rows={assessments}
        rowKey={(a) => a.id}
        empty="No questionnaires sent yet."
        columns={[
          { header: "Supplier", cell: (a) => <Link to={`/procurement/assessments/${a.id}`}>{a.supplier}</Link> },
          { header: "Agreement", cell: (a) => a.agreement },
          { header: "Status", cell: (a) => <AssessmentStatusBadge status={a.status} /> },
          {
            header: "Due",
            cell: (a) => <DueDate date={a.dueDate} overdue={a.overdue} />,
          },
        ]}
      />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
