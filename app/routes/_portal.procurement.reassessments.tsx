import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { titleOf } from "#app/i18n/meta";
import { useLoaderData } from "@remix-run/react";
import { IncidentTable, ReassessmentTable } from "#app/features/reassessment/reassessment-view";
import { requireUser } from "#app/features/accounts/auth.server";
import { reassessmentOverview } from "#app/features/reassessment/reassessment-overview.server";
import { useT } from "#app/i18n/react";

export const meta: MetaFunction = ({ matches }) => [{ title: titleOf(matches, "common.nav.reassessments") }];

/** Every supplier's next re-assessment across the organisation's agreements, most urgent first, and the incidents reported. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  return reassessmentOverview(user);
}

export default function ReassessmentsPage() {
  const { rows, incidents } = useLoaderData<typeof loader>();
  const t = useT();
  const urgent = rows.filter((r) => r.plan.state === "due" || r.plan.state === "overdue").length;
  return (
    <>
      <div className="page-head">
        <h1>{t("reassessment.page.title")}</h1>
      </div>
      <p className="muted">
        {t("reassessment.page.intro")}
        {urgent ? ` ${t("reassessment.page.urgent", { count: urgent })}` : ""}
      </p>
      <section className="card form-section">
        <ReassessmentTable rows={rows} assessmentHref={(id) => `/procurement/assessments/${id}`} />
      </section>
      <section className="card form-section">
        <h2>{t("reassessment.page.incidentsHeading")}</h2>
        <IncidentTable incidents={incidents} showSupplier />
      </section>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
