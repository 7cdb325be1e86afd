import mongoose, { type Types } from "mongoose";
import { Agreement } from "#models/agreement.server";
import { syncAssessmentRow } from "#models/assessment-row.server";
import { Assessment, unscoredSummary, type AssessmentData } from "#models/assessment.server";
import { OPEN_STATUSES, type AssessmentStatus } from "#models/assessment-status";
import { recordAudit } from "#models/audit-event.server";
import { createInvitation, Invitation, revokeInvitation } from "#models/invitation.server";
import { Organization } from "#models/organization.server";
import { pinCatalogue, pinTemplate } from "#models/questionnaire-version.server";
import { loadCatalogue } from "#questionnaires/loader";
import { tailorQuestions, type Tailoring } from "#questionnaires/tailor";
import type { TemplateFile } from "#questionnaires/types";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { publicOrigin } from "#app/lib/env.server";
import { clientIp } from "#app/lib/http.server";
import { sendMail } from "#app/lib/mail.server";
import { trusted } from "#app/lib/ids.server";
import { findSendableTemplate } from "#app/features/questionnaires/questionnaire-import.server";
import { agreementLifecycle } from "#app/features/lifecycle/lifecycle.server";
import { localeOfRecipient } from "#app/features/accounts/locale.server";
import { formatDay } from "#app/i18n/format";
import { currentLocale, t, tIn } from "#app/i18n/messages.server";

export function actorOf(user: CurrentUser | Sender) {
  return "actor" in user ? user.actor : { id: user.id, email: user.email, orgId: user.orgId };
}

/**
 * Who sends a questionnaire: a signed-in user of procurement, or an
 * organisation's API token acting for it (the REST API). The same use case
 * serves both; only what the history, the audit trail and the invitation
 * name differs.
 */
export interface Sender {
  /** the user; null for an API token */
  userId: string | null;
  /** the name the assessment's history shows */
  name: string;
  orgId: string;
  org: { name: string };
  /** what the audit trail names */
  actor: { id: string; email: string; orgId: string };
  /** the user an invitation records as its maker: the sender, or the token's creator */
  invitedBy: string;
}

function asSender(who: CurrentUser | Sender): Sender {
  if ("actor" in who) return who;
  return { userId: who.id, name: who.name, orgId: who.orgId, org: who.org, actor: actorOf(who), invitedBy: who.id };
}

export interface SendInput {
  agreementId: string;
  supplierOrgId: string;
  templateId: string;
  dueDate: string;
  emails: string[];
  /** send even though the supplier has an open questionnaire under the agreement */
  sendAnother?: boolean;
}

/** The assessments a user's organisation may see: its own as supplier, or those it sent. */
export function assessmentScope(user: { role: string; orgId: string }): Record<string, unknown> | null {
  if (user.role === "supplier") return { supplierOrgId: user.orgId };
  if (user.role === "procurement") return { ownerOrgId: user.orgId };
  return null;
}

export async function getAssessmentFor(user: { role: string; orgId: string }, id: string) {
  const scope = assessmentScope(user);
  if (!scope || !mongoose.isValidObjectId(id)) return null;
  return Assessment.findOne({ _id: id, ...scope }).lean<AssessmentData & { _id: Types.ObjectId }>();
}

async function inviteMail(
  request: Request,
  to: string,
  token: string,
  ctx: { supplierName: string; agreementRef: string; dueDate: string; senderOrg: string; assessmentId: string },
) {
  const link = `${publicOrigin(request)}/invite/${token}`;
  // in the recipient's language; an address with no account yet is written to in the sender's
  const locale = await localeOfRecipient(to, currentLocale());
  await sendMail({
    to,
    subject: tIn(locale, "assessments.mail.invitation.subject", { sender: ctx.senderOrg, agreement: ctx.agreementRef }),
    text: tIn(locale, "assessments.mail.invitation.body", {
      sender: ctx.senderOrg,
      supplier: ctx.supplierName,
      agreement: ctx.agreementRef,
      link,
      due: formatDay(locale, ctx.dueDate),
    }),
    kind: "invitation",
    relatedType: "assessment",
    relatedId: ctx.assessmentId,
  });
}

/**
 * What a questionnaire sent under this agreement asks: the questions of the
 * agreement's requirements and what they depend on, the identification, and
 * the chain facts every agreement needs from each supplier (its breach
 * window adds up the notification hours along the chain; its permitted
 * jurisdictions are checked against every tier's data locations).
 */
export function tailoringFor(
  agreement: { requirements: { requirementId: string }[] },
  template: TemplateFile,
): Tailoring {
  return tailorQuestions(template.survey, {
    requirementIds: agreement.requirements.map((r) => r.requirementId),
    facts: ["notifyHours", "dataLocations"],
  });
}

export type SendResult =
  | { ok: true; assessmentId: string }
  | { ok: false; errors: Record<string, string[]>; open?: { id: string; status: AssessmentStatus; dueDate: string } };

/** Creates the assessment and one invitation per recipient, and e-mails them. */
export async function sendAssessment(
  who: CurrentUser | Sender,
  input: SendInput,
  request: Request,
): Promise<SendResult> {
  const user = asSender(who);
  const agreement = await Agreement.findOne({ _id: input.agreementId, recipientOrgId: user.orgId }).lean();
  if (!agreement) return { ok: false, errors: { agreementId: [t("assessments.send.chooseYourAgreement")] } };
  // nothing new is asked under an agreement that has ended (in survival or archived)
  const life = await agreementLifecycle(agreement._id);
  if (life.state !== "active" && life.end) {
    const date = formatDay(currentLocale(), life.end.effectiveDate);
    return {
      ok: false,
      errors: {
        agreementId: [
          t(life.state === "archived" ? "lifecycle.refuse.sendArchived" : "lifecycle.refuse.sendEnded", { date }),
        ],
      },
    };
  }
  if (!agreement.chain.some((l) => String(l.supplierOrgId) === input.supplierOrgId)) {
    return { ok: false, errors: { supplierOrgId: [t("assessments.send.chooseChainSupplier")] } };
  }
  const template = await findSendableTemplate(input.templateId);
  if (!template) return { ok: false, errors: { templateId: [t("assessments.send.chooseQuestionnaire")] } };
  const supplier = await Organization.findById(input.supplierOrgId, { name: 1 }).lean();
  if (!input.sendAnother) {
    // a second questionnaire beside an open one is usually a mistake: say so, and let the sender insist
    const open = await Assessment.findOne(
      { agreementId: agreement._id, supplierOrgId: input.supplierOrgId, status: trusted({ $in: OPEN_STATUSES }) },
      { status: 1, dueDate: 1 },
    )
      .sort({ createdAt: -1 })
      .lean();
    if (open) {
      return {
        ok: false,
        errors: {
          supplierOrgId: [
            t("assessments.send.alreadyOpen", {
              supplier: supplier?.name ?? t("assessments.send.thisSupplier"),
              agreement: agreement.reference,
              status: open.status,
              due: formatDay(currentLocale(), open.dueDate),
            }),
          ],
        },
        open: { id: String(open._id), status: open.status, dueDate: open.dueDate },
      };
    }
  }
  const catalogue = loadCatalogue();
  const [templateVersion, catalogueVersion] = await Promise.all([pinTemplate(template), pinCatalogue(catalogue)]);
  // pinned like the template: a later agreement edit does not change what the supplier is being asked
  const tailoring = tailoringFor(agreement, template);
  const assessment = await Assessment.create({
    agreementId: agreement._id,
    supplierOrgId: input.supplierOrgId,
    ownerOrgId: user.orgId,
    templateId: template.id,
    templateVersion,
    catalogueVersion,
    askedQuestions: tailoring.asked,
    status: "invited",
    history: [{ from: null, to: "invited", at: new Date(), byUserId: user.userId, byName: user.name, comment: "" }],
    dueDate: input.dueDate,
    answers: {},
    revision: 0,
    summary: unscoredSummary(supplier?.name ?? "", agreement.reference),
  });
  const assessmentId = String(assessment._id);
  await syncAssessmentRow(assessment._id);
  await recordAudit({
    action: "assessment.create",
    actor: actorOf(user),
    targetType: "assessment",
    targetId: assessmentId,
    details: {
      agreement: agreement.reference,
      supplier: supplier?.name ?? "",
      template: templateVersion,
      asked: tailoring.all
        ? "every question"
        : `${tailoring.questions.length} of ${tailoring.templateQuestionCount} questions`,
    },
    ip: clientIp(request),
  });
  for (const email of input.emails) {
    await inviteRecipient(user, request, {
      assessmentId,
      supplierOrgId: input.supplierOrgId,
      email,
      supplierName: supplier?.name ?? "",
      agreementRef: agreement.reference,
      dueDate: input.dueDate,
    });
  }
  return { ok: true, assessmentId };
}

export async function inviteRecipient(
  who: CurrentUser | Sender,
  request: Request,
  ctx: {
    assessmentId: string;
    supplierOrgId: string;
    email: string;
    supplierName: string;
    agreementRef: string;
    dueDate: string;
  },
) {
  const user = asSender(who);
  const { token, invitation } = await createInvitation({
    assessmentId: ctx.assessmentId,
    supplierOrgId: ctx.supplierOrgId,
    ownerOrgId: user.orgId,
    email: ctx.email,
    createdBy: user.invitedBy,
  });
  await recordAudit({
    action: "invitation.create",
    actor: actorOf(user),
    targetType: "assessment",
    targetId: ctx.assessmentId,
    details: { email: ctx.email, invitation: String(invitation._id) },
    ip: clientIp(request),
  });
  await inviteMail(request, ctx.email, token, { ...ctx, senderOrg: user.org.name });
  return invitation;
}

/** Revokes an active invitation and sends a fresh one to the same address. */
export async function resendInvitation(user: CurrentUser, request: Request, invitationId: string): Promise<boolean> {
  if (!mongoose.isValidObjectId(invitationId)) return false;
  const old = await Invitation.findOne({ _id: invitationId, ownerOrgId: user.orgId }).lean();
  if (!old) return false;
  if (old.status === "active") await revokeInvitation(String(old._id), user.orgId);
  const assessment = await Assessment.findById(old.assessmentId, { agreementId: 1, dueDate: 1 }).lean();
  const agreement = assessment ? await Agreement.findById(assessment.agreementId, { reference: 1 }).lean() : null;
  const supplier = await Organization.findById(old.supplierOrgId, { name: 1 }).lean();
  await inviteRecipient(user, request, {
    assessmentId: String(old.assessmentId),
    supplierOrgId: String(old.supplierOrgId),
    email: old.email,
    supplierName: supplier?.name ?? "",
    agreementRef: agreement?.reference ?? "",
    dueDate: assessment?.dueDate ?? "",
  });
  return true;
}
