import type { Types } from "mongoose";
import { Agreement } from "#models/agreement.server";
import { EDITABLE_STATUSES, type AssessmentData } from "#models/assessment.server";
import { Certification } from "#models/certification.server";
import { QUESTIONNAIRE_LANGUAGES } from "#questionnaires/languages";
import { surveyLanguages } from "#questionnaires/localise";
import { templateTitleIn } from "#questionnaires/loader";
import { currentLocale } from "#app/i18n/messages.server";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { questionnaireLanguageFor } from "#app/features/questionnaires/language.server";
import { askedTemplateFor } from "./survey-model.server";
import { reusedForPage } from "#app/features/prefill/prefill.server";

/** Everything the supplier's questionnaire page shows: the survey, the answers so far, remediation asked for. */
export async function questionnairePage(
  user: CurrentUser,
  assessment: AssessmentData & { _id: Types.ObjectId },
  request: Request,
) {
  const [template, agreement, certifications, reused] = await Promise.all([
    askedTemplateFor(assessment),
    Agreement.findById(assessment.agreementId, { reference: 1, title: 1, glossary: 1, chain: 1 }).lean(),
    Certification.countDocuments({ supplierOrgId: user.orgId }),
    reusedForPage(assessment),
  ]);
  // a template pinned before translations existed offers English only
  const languages =
    "languages" in template
      ? (template.languages as string[])
      : surveyLanguages(
          template.survey,
          QUESTIONNAIRE_LANGUAGES.map((l) => l.code),
        );
  return {
    id: String(assessment._id),
    title: templateTitleIn(template.title, currentLocale()),
    survey: template.survey,
    answers: assessment.answers ?? {},
    revision: assessment.revision,
    /** answers offered from the supplier's profile, with the agreement's cadence they are judged stale by */
    reused,
    status: assessment.status,
    editable: EDITABLE_STATUSES.includes(assessment.status),
    dueDate: assessment.dueDate,
    agreement: agreement ? `${agreement.reference}: ${agreement.title}` : "",
    /** where the supplier declares its subcontractors under this agreement, while it is in the chain */
    subcontractors:
      agreement && agreement.chain.some((l) => String(l.supplierOrgId) === user.orgId)
        ? { href: `/supplier/agreements/${String(agreement._id)}/subcontractors`, reference: agreement.reference }
        : null,
    certifications,
    language: await questionnaireLanguageFor(request, user.id, languages),
    languages: QUESTIONNAIRE_LANGUAGES.filter((l) => languages.includes(l.code)).map((l) => ({
      code: l.code,
      name: l.name,
    })),
    glossary: (agreement?.glossary ?? []).map((g) => ({ term: { ...g.term }, definition: { ...g.definition } })),
    submittedAt: assessment.submittedAt ? new Date(assessment.submittedAt).toISOString() : null,
    remediation: (assessment.remediation ?? []).map((r) => ({
      key: r.key,
      requirementId: r.requirementId,
      description: r.description,
      dueDate: r.dueDate,
      status: r.status,
      response: r.response,
    })),
  };
}
