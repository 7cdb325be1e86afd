import { utcMinute } from "#app/components/time";
import {
  data,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import surveyStyles from "survey-core/survey-core.fontless.min.css";
import { z } from "zod";
import { Questionnaire } from "#app/features/assessments/questionnaire";
import { AssessmentStatusBadge } from "#app/components/status";
import { getAssessmentFor } from "#app/features/assessments/assessments.server";
import { questionnairePage } from "#app/features/assessments/questionnaire-page.server";
import { requireUser } from "#app/features/accounts/auth.server";
import { notFound } from "#app/lib/http.server";
import { isRefusal } from "#app/lib/refusal.server";
import { submitAssessment } from "#app/features/assessments/submission.server";
import { answerRemediationUpload } from "#app/features/review/review.server";
import { receiveEvidence } from "#app/features/evidence/uploads.server";
import { saveQuestionnaireLanguage } from "#app/features/questionnaires/language.server";
import { isLanguageCode } from "#questionnaires/languages";
import { ErrorList } from "#app/components/forms";
import { limitHint } from "#app/lib/text-limits";
import { REVIEW_LIMITS } from "#app/features/review/review-limits";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveyStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? "Questionnaire"} · Flowdown` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "supplier" });
  const assessment = await getAssessmentFor(user, params.id ?? "");
  if (!assessment) notFound();
  return questionnairePage(user, assessment, request);
}

const IntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("submit") }),
  z.object({ intent: z.literal("language"), language: z.string().refine(isLanguageCode, "Unknown language") }),
]);

async function remediationAction(request: Request, user: Awaited<ReturnType<typeof requireUser>>, id: string) {
  const assessment = await getAssessmentFor(user, id);
  if (!assessment) notFound();
  const upload = await receiveEvidence(request, { ownerOrgId: user.orgId, uploadedBy: user.id, assessmentId: id });
  try {
    await answerRemediationUpload(user, assessment, upload, request);
  } catch (error) {
    if (!isRefusal(error)) throw error;
    return data(
      { kind: "error", error: error.message, fields: upload.fields, errors: error.fieldErrors },
      { status: error.status },
    );
  }
  return { kind: "remediation-answered" };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "supplier" });
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data"))
    return remediationAction(request, user, params.id ?? "");
  const parsed = IntentSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ kind: "error", error: "Unknown action" }, { status: 400 });
  if (parsed.data.intent === "language") {
    // the assessment must be the user's own, like every other action here
    if (!(await getAssessmentFor(user, params.id ?? ""))) notFound();
    await saveQuestionnaireLanguage(user.id, parsed.data.language as Parameters<typeof saveQuestionnaireLanguage>[1]);
    return { kind: "language-saved", language: parsed.data.language };
  }
  const result = await submitAssessment(user, params.id ?? "", request);
  switch (result.kind) {
    case "missing":
      notFound();
      break;
    case "incomplete":
    case "remediation-open":
      return data(result, { status: 400 });
    default:
      return result;
  }
}

export default function SupplierAssessmentPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as
    | { kind: string; error?: string; fields?: Record<string, string>; errors?: Record<string, string[]> }
    | undefined;
  const responseErrors = (key: string) => actionData?.errors?.[`response.${key}`];
  const navigation = useNavigation();
  const openItems = d.remediation.filter((r) => r.status === "open");
  return (
    <>
      {actionData?.kind === "remediation-answered" ? (
        <p className="flash">
          Your remediation answers were sent; the questionnaire is back with your client for review.
        </p>
      ) : null}
      <div className="page-head">
        <h1>{d.title}</h1>
        <AssessmentStatusBadge status={d.status} />
      </div>
      <p className="muted">
        Under {d.agreement} · due {d.dueDate}
        {d.submittedAt ? ` · submitted ${utcMinute(d.submittedAt)}` : ""}
        {d.subcontractors ? (
          <>
            {" · "}
            <Link to={d.subcontractors.href}>Subcontractors for {d.subcontractors.reference}</Link>
          </>
        ) : null}
      </p>
      {d.editable ? (
        <p className="notice">
          Answers save as you type. Certificates (e.g. ISO/IEC 27001) are kept once for your organisation:{" "}
          <Link to="/supplier/certifications">
            {d.certifications ? `${d.certifications} on file, add or update` : "add your certificates"}
          </Link>
          .
        </p>
      ) : (
        <p className="notice">This questionnaire has been submitted. Your answers are shown read-only.</p>
      )}
      {d.status === "remediation_requested" && openItems.length ? (
        <Form method="post" encType="multipart/form-data" className="card form-section" data-testid="remediation-form">
          <h2>Remediation requested</h2>
          <p className="muted">
            Answer each item, attach evidence where it helps, and send. You may also change your answers below first.
          </p>
          {actionData?.error ? (
            <p className="form-error" role="alert">
              {actionData.error}
            </p>
          ) : null}
          {openItems.map((r) => (
            <fieldset key={r.key} className="phase">
              <legend>
                {r.requirementId} · due {r.dueDate}
              </legend>
              <p>{r.description}</p>
              <div className="field">
                <label htmlFor={`response.${r.key}`}>Your answer</label>
                <textarea
                  id={`response.${r.key}`}
                  name={`response.${r.key}`}
                  rows={3}
                  maxLength={REVIEW_LIMITS.remediationResponse}
                  defaultValue={actionData?.fields?.[`response.${r.key}`] ?? ""}
                  aria-invalid={responseErrors(r.key) ? true : undefined}
                  aria-describedby={responseErrors(r.key) ? `response.${r.key}-error` : undefined}
                />
                <small className="muted">{limitHint(REVIEW_LIMITS.remediationResponse)}</small>
                <ErrorList id={`response.${r.key}-error`} errors={responseErrors(r.key)} />
              </div>
              <div className="field">
                <label htmlFor={`evidence.${r.key}`}>Evidence (optional)</label>
                <input
                  id={`evidence.${r.key}`}
                  name={`evidence.${r.key}`}
                  type="file"
                  multiple
                  accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.txt"
                />
              </div>
            </fieldset>
          ))}
          <button type="submit" disabled={navigation.state !== "idle"}>
            {navigation.state === "submitting" ? "Sending…" : "Send remediation answers"}
          </button>
        </Form>
      ) : null}
      <Questionnaire
        key={`${d.id}:${d.status}`}
        assessmentId={d.id}
        survey={d.survey}
        answers={d.answers}
        revision={d.revision}
        editable={d.editable}
        language={d.language}
        languages={d.languages}
        glossary={d.glossary}
      />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
