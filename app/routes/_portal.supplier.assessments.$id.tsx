import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import surveyStyles from "survey-core/survey-core.fontless.min.css";
import { z } from "zod";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { Questionnaire } from "#app/components/questionnaire";
import { AssessmentStatusBadge } from "#app/components/status";
import { getAssessmentFor } from "#app/utils/assessments.server";
import { requireUser } from "#app/utils/auth.server";
import { notFound } from "#app/utils/http.server";
import { templateForAssessment } from "#app/utils/questionnaire.server";
import { submitAssessment } from "#app/utils/submission.server";
import { Agreement } from "#models/agreement.server";
import { EDITABLE_STATUSES } from "#models/assessment-status";
import { Certification } from "#models/certification.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveyStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Questionnaire"} · Flowdown` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "supplier" });
  const assessment = await getAssessmentFor(user, params.id ?? "");
  if (!assessment) notFound();
  const [template, agreement, certifications] = await Promise.all([
    templateForAssessment(assessment),
    Agreement.findById(assessment.agreementId, { reference: 1, title: 1 }).lean(),
    Certification.countDocuments({ supplierOrgId: user.orgId }),
  ]);
  return {
    id: String(assessment._id),
    title: template.title,
    survey: template.survey,
    answers: assessment.answers ?? {},
    revision: assessment.revision,
    status: assessment.status,
    editable: EDITABLE_STATUSES.includes(assessment.status),
    dueDate: assessment.dueDate,
    agreement: agreement ? `${agreement.reference}: ${agreement.title}` : "",
    certifications,
    submittedAt: assessment.submittedAt ? new Date(assessment.submittedAt).toISOString() : null,
  };
}

const SubmitSchema = z.object({ intent: z.literal("submit") });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "supplier" });
  const parsed = SubmitSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ kind: "error", error: "Unknown action" }, { status: 400 });
  const result = await submitAssessment(user, params.id ?? "", request);
  switch (result.kind) {
    case "missing":
      notFound();
      break;
    case "incomplete":
      return data(result, { status: 400 });
    default:
      return result;
  }
}

export default function SupplierAssessmentPage() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-head">
        <h1>{d.title}</h1>
        <AssessmentStatusBadge status={d.status} />
      </div>
      <p className="muted">
        Under {d.agreement} · due {d.dueDate}
        {d.submittedAt ? ` · submitted ${d.submittedAt.slice(0, 16).replace("T", " ")} UTC` : ""}
      </p>
      {d.editable ? (
        <p className="notice">
          Answers save as you type. Certificates (e.g. ISO/IEC 27001) are kept once for your organisation:{" "}
          <Link to="/supplier/certifications">{d.certifications ? `${d.certifications} on file, add or update` : "add your certificates"}</Link>.
        </p>
      ) : (
        <p className="notice">This questionnaire has been submitted. Your answers are shown read-only.</p>
      )}
      <Questionnaire key={`${d.id}:${d.status}`} assessmentId={d.id} survey={d.survey} answers={d.answers} revision={d.revision} editable={d.editable} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
