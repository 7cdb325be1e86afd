import type { Types } from "mongoose";
import { isUnanswered } from "#app/scoring/template";
import { getTemplate, loadCatalogue } from "#questionnaires/loader";
import { questionIdentity } from "#questionnaires/question-identity";
import { answerableQuestions } from "#app/features/assessments/answers.server";
import { keepAnswers } from "#app/features/profile/keep.server";

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
