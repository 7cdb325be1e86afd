import { z } from "zod";
import { Agreement, listAgreementsFor } from "#models/agreement.server";
import { catalogueFor, questionnaireText, templateTitleIn } from "#questionnaires/loader";
import { currentLocale, t } from "#app/i18n/messages.server";
import { isObject, titleOf } from "#questionnaires/survey-walk";
import type { ChainFactName } from "#questionnaires/tailor";
import { addDaysIso, isIsoDate } from "#app/scoring/dates";
import { todayIso } from "#models/today";
import { Organization } from "#models/organization.server";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { trusted } from "#app/lib/ids.server";
import { agreementLifecycles } from "#app/features/lifecycle/lifecycle.server";
import { findSendableTemplate, listSendableTemplates } from "#app/features/questionnaires/questionnaire-import.server";
import { tooLong } from "#app/lib/text-limits";
import { tailoringFor } from "./assessments.server";
import { RECIPIENTS_FIELD_MAX, RECIPIENTS_MAX } from "./send-limits";

const objectId = (message: string) => z.string().regex(/^[0-9a-f]{24}$/, message);

export const SendSchema = z.object({
  agreementId: objectId("assessments.send.chooseAgreement"),
  supplierOrgId: objectId("assessments.send.chooseSupplier"),
  templateId: z.string().min(1, "assessments.send.chooseQuestionnaire").max(60),
  dueDate: z
    .string()
    .refine(isIsoDate, "assessments.send.dateFormat")
    .refine((d) => d >= todayIso(), "assessments.send.dueInPast"),
  emails: z
    .string()
    .max(RECIPIENTS_FIELD_MAX, tooLong("The list of addresses", RECIPIENTS_FIELD_MAX))
    .transform((s) => [
      ...new Set(
        s
          .split(/[\s,;]+/)
          .map((e) => e.trim().toLowerCase())
          .filter(Boolean),
      ),
    ])
    .pipe(
      z
        .array(z.email("assessments.send.invalidAddress"))
        .min(1, "assessments.send.atLeastOne")
        .max(RECIPIENTS_MAX, "assessments.send.atMost"),
    ),
  // a checkbox: ticked is "on"; anything else means the sender did not insist
  sendAnother: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});

/** The send form's choices: the user's agreements with their chains' suppliers, and the questionnaires to send. */
export async function sendFormPage(user: CurrentUser) {
  const listed = await listAgreementsFor(user);
  // nothing new is sent under an agreement that has ended: the form does not offer it
  const lives = await agreementLifecycles(listed.map((a) => a._id));
  const agreements = listed.filter((a) => lives.get(String(a._id))?.state === "active");
  const supplierIds = agreements.flatMap((a) => a.chain.map((l) => l.supplierOrgId));
  const orgs = await Organization.find(
    { _id: trusted({ $in: supplierIds }) },
    { name: 1, contactEmail: 1, managedBy: 1 },
  ).lean();
  // suppliers in the user's directory: their profile page (shared or not) is there to look at before sending
  const inDirectory = new Set(
    orgs.filter((o) => (o.managedBy ?? []).some((id) => String(id) === user.orgId)).map((o) => String(o._id)),
  );
  const name = new Map(orgs.map((o) => [String(o._id), o.name]));
  const contact = new Map(orgs.map((o) => [String(o._id), o.contactEmail ?? ""]));
  return {
    agreements: agreements.map((a) => ({
      id: String(a._id),
      label: `${a.reference}: ${a.title}`,
      suppliers: a.chain.map((l) => ({
        id: String(l.supplierOrgId),
        name: t("assessments.send.supplierOption", {
          name: name.get(String(l.supplierOrgId)) ?? t("assessments.send.unknownSupplier"),
          tier: l.tier,
        }),
        contactEmail: contact.get(String(l.supplierOrgId)) ?? "",
        profile: inDirectory.has(String(l.supplierOrgId))
          ? `/procurement/suppliers/${String(l.supplierOrgId)}/profile`
          : null,
      })),
    })),
    templates: (await listSendableTemplates()).map((t) => ({
      id: t.id,
      title: templateTitleIn(t.title, currentLocale()),
      version: t.version,
      covered: t.coveredRequirementIds,
    })),
    defaultDue: addDaysIso(todayIso(), 21),
  };
}

export const PreviewSchema = z.object({
  agreementId: objectId("assessments.send.chooseAgreement"),
  templateId: z.string().min(1, "assessments.send.chooseQuestionnaire").max(60),
});

export interface SendPreview {
  /** every question is asked: the questionnaire maps nothing to the agreement, or all of it serves it */
  all: boolean;
  questions: number;
  required: number;
  pages: string[];
  templateQuestions: number;
  templatePages: number;
  /** the agreement's requirements the questionnaire asks about, with how many questions each */
  requirements: { id: string; title: string; questions: number }[];
  /** the agreement's requirements no question of this questionnaire judges */
  uncovered: { id: string; title: string; byCertificates: boolean }[];
  /** questions asked for another reason than a requirement of their own */
  alsoAsked: { condition: number; fact: number; identification: number; facts: ChainFactName[] };
}

/**
 * What a questionnaire sent under the agreement would ask, before it is sent;
 * null when the agreement is not the user's or the questionnaire unknown.
 */
export async function sendPreview(
  user: CurrentUser,
  input: z.infer<typeof PreviewSchema>,
): Promise<SendPreview | null> {
  const [agreement, template] = await Promise.all([
    Agreement.findOne({ _id: input.agreementId, recipientOrgId: user.orgId }, { requirements: 1 }).lean(),
    findSendableTemplate(input.templateId),
  ]);
  if (!agreement || !template) return null;
  const t = tailoringFor(agreement, template);
  const catalogue = catalogueFor(currentLocale()).byId;
  const title = (id: string) => catalogue.get(id)?.title ?? id;
  const asked = new Set(t.questions.map((q) => q.pageName));
  const pages = (Array.isArray(template.survey.pages) ? template.survey.pages : [])
    .filter(isObject)
    .filter((p) => asked.has(String(p.name)))
    // in the reader's language where the questionnaire's translations have the page's title
    .map((p) => questionnaireText(p.title, currentLocale()) ?? titleOf(p, String(p.name)));
  const count = (reason: string) => t.questions.filter((q) => q.reason === reason).length;
  return {
    all: t.all,
    questions: t.questions.length,
    required: t.questions.filter((q) => q.isRequired).length,
    pages,
    templateQuestions: t.templateQuestionCount,
    templatePages: t.templatePageCount,
    requirements: t.byRequirement
      .filter((r) => r.judged)
      .map((r) => ({ id: r.requirementId, title: title(r.requirementId), questions: r.questions })),
    uncovered: t.byRequirement
      .filter((r) => !r.judged)
      .map((r) => ({
        id: r.requirementId,
        title: title(r.requirementId),
        byCertificates: catalogue.get(r.requirementId)?.judgedByCertification === true,
      })),
    alsoAsked: {
      condition: count("condition"),
      fact: count("fact"),
      identification: count("identification"),
      facts: [...new Set(t.questions.filter((q) => q.reason === "fact").flatMap((q) => q.facts))],
    },
  };
}
