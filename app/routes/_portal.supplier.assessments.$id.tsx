import {
  data,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { titleOf } from "#app/i18n/meta";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import surveyStyles from "survey-core/survey-core.fontless.min.css";
import { z } from "zod";
import { Questionnaire } from "#app/features/assessments/questionnaire";
import { AssessmentStatusBadge } from "#app/components/status";
import { getAssessmentFor } from "#app/features/assessments/assessments.server";
import { prefillOnFirstOpen } from "#app/features/prefill/prefill.server";
import { questionnairePage } from "#app/features/assessments/questionnaire-page.server";
import { requireUser } from "#app/features/accounts/auth.server";
import { notFound } from "#app/lib/http.server";
import { isRefusal, sayErrors } from "#app/lib/refusal.server";
import { say, t as tServer } from "#app/i18n/messages.server";
import { useFormat, useT } from "#app/i18n/react";
import { submitAssessment } from "#app/features/assessments/submission.server";
import { answerRemediationUpload } from "#app/features/review/review.server";
import { receiveEvidence } from "#app/features/evidence/uploads.server";
import { saveQuestionnaireLanguage } from "#app/features/questionnaires/language.server";
import { isLanguageCode } from "#questionnaires/languages";
import { ErrorList } from "#app/components/forms";
import { REVIEW_LIMITS } from "#app/features/review/review-limits";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveyStyles }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data?.title ? `${data.title} · Flowdown` : titleOf(matches, "common.nav.questionnaires") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "supplier" });
  const assessment = await getAssessmentFor(user, params.id ?? "");
  if (!assessment) notFound();
  // the first open of an assessment still to answer offers the supplier's profile answers (once)
  return questionnairePage(user, await prefillOnFirstOpen(assessment), request);
}

const IntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("submit") }),
  z.object({ intent: z.literal("language"), language: z.string().refine(isLanguageCode, "supplier.unknownLanguage") }),
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
      { kind: "error", error: say(error.said), fields: upload.fields, errors: sayErrors(error.fieldErrors) },
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
  if (!parsed.success) return data({ kind: "error", error: tServer("supplier.unknownAction") }, { status: 400 });
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
    case "unconfirmed":
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
  const t = useT();
  const format = useFormat();
  const openItems = d.remediation.filter((r) => r.status === "open");
  return (
    <>
      {actionData?.kind === "remediation-answered" ? (
        <p className="flash">{t("supplier.assessment.remediationSent")}</p>
      ) : null}
      <div className="page-head">
        <h1>{d.title}</h1>
        <AssessmentStatusBadge status={d.status} />
      </div>
      <p className="muted">
        {t("supplier.assessment.under", { agreement: d.agreement, due: format.day(d.dueDate) })}
        {d.submittedAt ? ` · ${t("supplier.assessment.submittedAt", { at: format.moment(d.submittedAt) })}` : ""}
        {d.subcontractors ? (
          <>
            {" · "}
            <Link to={d.subcontractors.href}>
              {t("supplier.subcontractorsFor", { reference: d.subcontractors.reference })}
            </Link>
          </>
        ) : null}
      </p>
      {d.editable ? (
        <p className="notice">
          {t.rich("supplier.assessment.editableNotice", {
            count: d.certifications,
            link: (chunks) => <Link to="/supplier/certifications">{chunks}</Link>,
          })}
        </p>
      ) : (
        <p className="notice">{t("supplier.assessment.readOnly")}</p>
      )}
      <p className="small">
        <Link to={`/supplier/assessments/${d.id}/workbook`}>{t("workbook.page.link")}</Link>
      </p>
      {d.status === "remediation_requested" && openItems.length ? (
        <Form method="post" encType="multipart/form-data" className="card form-section" data-testid="remediation-form">
          <h2>{t("supplier.assessment.remediationHeading")}</h2>
          <p className="muted">{t("supplier.assessment.remediationIntro")}</p>
          {actionData?.error ? (
            <p className="form-error" role="alert">
              {actionData.error}
            </p>
          ) : null}
          {openItems.map((r) => (
            <fieldset key={r.key} className="phase">
              <legend>
                {t("supplier.assessment.remediationItem", { requirement: r.requirementId, due: format.day(r.dueDate) })}
              </legend>
              <p>{r.description}</p>
              <div className="field">
                <label htmlFor={`response.${r.key}`}>{t("supplier.assessment.yourAnswer")}</label>
                <textarea
                  id={`response.${r.key}`}
                  name={`response.${r.key}`}
                  rows={3}
                  maxLength={REVIEW_LIMITS.remediationResponse}
                  defaultValue={actionData?.fields?.[`response.${r.key}`] ?? ""}
                  aria-invalid={responseErrors(r.key) ? true : undefined}
                  aria-describedby={responseErrors(r.key) ? `response.${r.key}-error` : undefined}
                />
                <small className="muted">{t("supplier.atMost", { max: REVIEW_LIMITS.remediationResponse })}</small>
                <ErrorList id={`response.${r.key}-error`} errors={responseErrors(r.key)} />
              </div>
              <div className="field">
                <label htmlFor={`evidence.${r.key}`}>{t("supplier.assessment.evidenceOptional")}</label>
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
            {navigation.state === "submitting"
              ? t("supplier.assessment.sending")
              : t("supplier.assessment.sendRemediation")}
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
        reused={d.reused}
      />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
