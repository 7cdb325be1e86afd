import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ListTable } from "#app/components/list-table";
import { AssessmentStatusBadge, DueDate } from "#app/components/status";
import { requireUser } from "#app/features/accounts/auth.server";
import { recentAssessments } from "#app/features/review/dashboard.server";
import { rootMessage as pageTitle } from "#app/i18n/meta";
import { useT } from "#app/i18n/react";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "assessments.list.metaTitle") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  return { assessments: await recentAssessments(user.orgId) };
}

export default function AssessmentsPage() {
  const t = useT();
  const { assessments } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-head">
        <h1>{t("assessments.list.title")}</h1>
        <Link className="button" to="/procurement/assessments/new">
          {t("assessments.list.send")}
        </Link>
      </div>
      <ListTable
        rows={assessments}
        rowKey={(a) => a.id}
        empty={t("assessments.list.empty")}
        columns={[
          {
            header: t("assessments.list.supplier"),
            cell: (a) => <Link to={`/procurement/assessments/${a.id}`}>{a.supplier}</Link>,
          },
          { header: t("assessments.list.agreement"), cell: (a) => a.agreement },
          { header: t("assessments.list.status"), cell: (a) => <AssessmentStatusBadge status={a.status} /> },
          {
            header: t("assessments.list.due"),
            cell: (a) => <DueDate date={a.dueDate} overdue={a.overdue} />,
          },
        ]}
      />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
