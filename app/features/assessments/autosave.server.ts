import { Assessment, saveAnswers, type AssessmentStatus } from "#models/assessment.server";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { ownedEvidenceIds } from "#app/features/evidence/evidence.server";
import { isObjectId } from "#app/lib/ids.server";
import { checkAnswerChanges, referencedEvidenceIds, type AnswerChanges } from "./answers.server";
import { askedTemplateFor } from "./survey-model.server";
import { sameAnswer } from "#app/features/profile/keep.server";

/** What an autosave needs to know about the assessment it writes to. */
export interface Answerable {
  _id: string;
  supplierOrgId: string;
  templateId: string;
  templateVersion: string;
  askedQuestions?: string[];
  revision: number;
  status: AssessmentStatus;
  /** the values offered from the supplier's profile, by question (stored with a revision of their own) */
  reused?: Record<string, unknown>;
}

/**
 * A supplier saves every few seconds while it answers, so this process keeps
 * what each save would otherwise read again: the facts fixed when the
 * questionnaire was sent (whose it is, which template and questions) and the
 * last revision it saw with the status at that revision. Every status change
 * takes a revision of its own, so a revision's status never changes; a save
 * from another revision reads the assessment afresh, and the write itself
 * checks revision and status (saveAnswers), so a stale entry refuses, never
 * overwrites.
 */
const MAX_KEPT = 5_000;
const kept = new Map<string, Answerable>();

function keep(a: Answerable): void {
  kept.delete(a._id);
  if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
  kept.set(a._id, a);
}

async function readAnswerable(orgId: string, id: string): Promise<Answerable | null> {
  const doc = await Assessment.findOne(
    { _id: id, supplierOrgId: orgId },
    { supplierOrgId: 1, templateId: 1, templateVersion: 1, askedQuestions: 1, revision: 1, status: 1, reused: 1 },
  ).lean();
  if (!doc) return null;
  const found: Answerable = {
    _id: String(doc._id),
    supplierOrgId: String(doc.supplierOrgId),
    templateId: doc.templateId,
    templateVersion: doc.templateVersion,
    askedQuestions: doc.askedQuestions,
    revision: doc.revision,
    status: doc.status,
    reused: Object.fromEntries(Object.entries(doc.reused ?? {}).map(([name, r]) => [name, r.value])),
  };
  keep(found);
  return found;
}

/** The supplier's own assessment that an autosave writes to, or null (the route's 404). */
export async function answerableAssessment(user: CurrentUser, id: string): Promise<Answerable | null> {
  if (!isObjectId(id)) return null;
  const hit = kept.get(id);
  // only the supplier organisation it was sent to: another organisation's user reads (and gets nothing)
  if (hit && hit.supplierOrgId === user.orgId) return hit;
  return readAnswerable(user.orgId, id);
}

/**
 * What a save says of the answers offered from the profile: the offered value
 * saved is confirmed, anything else (another value, a cleared answer) changed.
 */
function reusedStates(
  reused: Record<string, unknown>,
  checked: { set: Record<string, unknown>; unset: string[] },
): Record<string, "confirmed" | "changed"> {
  const out: Record<string, "confirmed" | "changed"> = {};
  for (const [name, value] of Object.entries(checked.set))
    if (Object.hasOwn(reused, name)) out[name] = sameAnswer(value, reused[name]) ? "confirmed" : "changed";
  for (const name of checked.unset) if (Object.hasOwn(reused, name)) out[name] = "changed";
  return out;
}

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
  // what this process knew is of another revision (a save through another instance, a submission):
  // read the assessment now rather than refuse a save that may well be current
  const seen =
    assessment.revision === input.baseRevision
      ? assessment
      : ((await readAnswerable(user.orgId, assessment._id)) ?? assessment);
  const result = await saveAnswers({
    assessmentId: assessment._id,
    supplierOrgId: user.orgId,
    baseRevision: input.baseRevision,
    set: checked.set,
    unset: checked.unset,
    by: { userId: user.id, name: user.name },
    seen: { revision: seen.revision, status: seen.status },
    reusedStates: reusedStates(seen.reused ?? {}, checked),
  });
  if (result.kind === "saved") keep({ ...seen, revision: result.revision, status: result.status });
  else kept.delete(assessment._id);
  return result;
}
