import type { Types } from "mongoose";
import { isUnanswered } from "#app/scoring/template";
import { getTemplate, loadCatalogue } from "#questionnaires/loader";
import { questionIdentity } from "#questionnaires/question-identity";
import { answerableQuestions } from "#app/features/assessments/answers.server";
import { keepAnswers } from "#app/features/profile/keep.server";
import { addDaysIso } from "#app/scoring/dates";
import { recordAudit } from "#models/audit-event.server";
import { ProfileGrant } from "#models/profile-grant.server";
import { todayIso } from "#models/today";

/**
 * A demo supplier's profile (issue 22): the answers of its submitted demo
 * questionnaire, kept as a submission keeps them, so its profile page and a
 * profile shared with a customer show something on a first start.
 */
export async function seedDemoProfile(input: {
  supplierOrgId: Types.ObjectId;
  assessmentId: Types.ObjectId;
  templateId: string;
  templateVersion: string;
  answers: Record<string, unknown>;
  by: string;
}): Promise<number> {
  const template = getTemplate(input.templateId);
  if (!template) return 0;
  const catalogue = loadCatalogue();
  const questions = answerableQuestions(template);
  const entries = Object.entries(input.answers).flatMap(([name, value]) => {
    const el = questions.get(name);
    if (!el || isUnanswered(value)) return [];
    const element = el as unknown as Parameters<typeof questionIdentity>[0];
    return [{ identity: questionIdentity(element, (id) => catalogue.byId.get(id)?.category), value }];
  });
  await keepAnswers(
    {
      orgId: String(input.supplierOrgId),
      templateId: input.templateId,
      templateVersion: input.templateVersion,
      by: { userId: null, name: input.by },
      source: { kind: "submission", assessmentId: String(input.assessmentId) },
      at: new Date(),
    },
    entries,
  );
  return entries.length;
}

/**
 * Kestrel, the approved demo supplier, shares its whole profile with the demo
 * recipient for a year, so procurement's profile page shows a shared profile
 * on a first start. Once: nothing when Kestrel has granted it anything before.
 */
export async function seedDemoGrant(input: {
  supplierOrgId: Types.ObjectId;
  recipientOrgId: Types.ObjectId;
  by: string;
}): Promise<number> {
  if (await ProfileGrant.exists({ supplierOrgId: input.supplierOrgId, recipientOrgId: input.recipientOrgId })) return 0;
  const today = todayIso();
  const lastDay = addDaysIso(today, 365);
  const grant = await ProfileGrant.create({
    supplierOrgId: input.supplierOrgId,
    recipientOrgId: input.recipientOrgId,
    allSections: true,
    sections: [],
    // through the last day, as the sharing form grants
    expiresAt: new Date(`${addDaysIso(lastDay, 1)}T00:00:00.000Z`),
    createdBy: { userId: null, name: input.by },
    createdAt: new Date(),
    revokedAt: null,
    revokedBy: null,
  });
  await recordAudit({
    action: "profile.grant",
    targetType: "organization",
    targetId: String(input.supplierOrgId),
    details: {
      grantId: String(grant._id),
      recipientOrgId: String(input.recipientOrgId),
      sections: "all",
      expiresOn: lastDay,
      source: "demo data",
    },
  });
  return 1;
}
