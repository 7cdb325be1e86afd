import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ReportVersions } from "#app/components/report-versions";
import { reportActionFor } from "#app/utils/report-actions.server";
import { reportVersions } from "#app/utils/reports.server";
import { IncidentTable, ReassessmentTable } from "#app/components/reassessment-view";
import { incidentViews } from "#app/utils/incidents.server";
import { agreementReassessments } from "#app/utils/reassessment.server";
import { AgreementDetails } from "#app/components/agreement-view";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { agreementView } from "#app/utils/agreements.server";
import { agreementCompliance } from "#app/utils/compliance.server";
import { ComplianceView } from "#app/components/compliance-view";
import { requireUser } from "#app/utils/auth.server";
import { notFound } from "#app/utils/http.server";
import { getAgreementFor } from "#models/agreement.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.agreement.reference ?? "Agreement"} · Flowdown` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "discloser" });
  const agreement = await getAgreementFor(user, params.id ?? "");
  if (!agreement) notFound();
  const [view, compliance, reports, reassessments] = await Promise.all([agreementView(agreement), agreementCompliance(agreement), reportVersions("agreement", agreement._id), agreementReassessments(agreement)]);
  const incidents = await incidentViews({ agreementId: agreement._id }, new Map(compliance.suppliers.map((s) => [s.id, s.name])));
  return { agreement: view, compliance, reports, reassessments, incidents };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "discloser" });
  const agreement = await getAgreementFor(user, params.id ?? "");
  if (!agreement) notFound();
  const outcome = await reportActionFor(user, request, { kind: "agreement", id: String(agreement._id) });
  if (!outcome.ok) return data({ errors: outcome.errors }, { status: outcome.status });
  return redirect(`/discloser/agreements/${String(agreement._id)}?report=${outcome.version}#reports-heading`);
}

export default function DiscloserAgreementPage() {
  const { agreement, compliance, reports, reassessments, incidents } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <>
      {params.get("report") ? <p className="flash">Report version {params.get("report")} generated and stored.</p> : null}
      <h1>
        {agreement.reference}: {agreement.title}
      </h1>
      <p className="small">
        <Link to={`/discloser/agreements/${agreement.id}/audit`}>Audit trail</Link>
      </p>
      <ComplianceView v={compliance} recipient={agreement.recipient} />
      <ReportVersions title="Flow-down compliance report" versions={reports} canGenerate error={actionData?.errors?.report} />
      <section className="card form-section">
        <h2>Re-assessments</h2>
        <ReassessmentTable rows={reassessments} assessmentHref={undefined} />
        <h2>Incidents</h2>
        <IncidentTable incidents={incidents} />
      </section>
      <h2>The agreement</h2>
      <AgreementDetails a={agreement} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
