import { Assessment, saveAnswers } from "#models/assessment.server";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { ownedEvidenceIds } from "#app/features/evidence/evidence.server";
import { isObjectId } from "#app/lib/ids.server";
import { checkAnswerChanges, referencedEvidenceIds, type AnswerChanges } from "./answers.server";
import { askedTemplateFor } from "./survey-model.server";

/** The supplier's own assessment that an autosave writes to, or null (the route's 404). */
export async function answerableAssessment(user: CurrentUser, id: string) {
  if (!isObjectId(id)) return null;
  return Assessment.findOne(
    { _id: id, supplierOrgId: user.orgId },
    { templateId: 1, templateVersion: 1, askedQuestions: 1, revision: 1, status: 1 },
  ).lean();
}

type Answerable = NonNullable<Awaited<ReturnType<typeof answerableAssessment>>>;

/**
 * Saves a batch of changed answers against the revision the page started
 * from: answers the questionnaire does not ask, or evidence that is not the
 * supplier's own, are refused as a whole ("invalid"); otherwise what
 * saveAnswers says (saved, closed, conflict, missing).
 */
export async function saveAnswerChanges(
  user: CurrentUser,
  assessment: Answerable,
  input: { baseRevision: number; changes: AnswerChanges },
) {
  const template = await askedTemplateFor(assessment);
  const referenced = referencedEvidenceIds(input.changes);
  const owned = referenced.length ? await ownedEvidenceIds(referenced, user.orgId) : new Set<string>();
  const checked = checkAnswerChanges(template, input.changes, owned);
  if (!checked.ok) return { kind: "invalid" as const, errors: checked.errors };
  return saveAnswers({
    assessmentId: String(assessment._id),
    supplierOrgId: user.orgId,
    baseRevision: input.baseRevision,
    set: checked.set,
    unset: checked.unset,
    by: { userId: user.id, name: user.name },
    seen: { revision: assessment.revision, status: assessment.status },
  });
}
