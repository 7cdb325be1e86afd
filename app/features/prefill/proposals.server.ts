/**
 * Which of the profile's proposals a questionnaire may offer: only questions
 * it asks and that have no answer yet (a re-assessment pre-filled from its
 * approved answers keeps those), each value still fitting this template (a
 * choice it still has, a type it still takes) and referring only to evidence
 * the supplier owns. Pure: the supplier's evidence is an input.
 */
import type { Proposal } from "#questionnaires/question-identity";
import type { TemplateFile } from "#questionnaires/types";
import { checkAnswerChanges } from "#app/features/assessments/answers.server";

export interface FittingProposal extends Proposal {
  /** the value as this questionnaire stores it (e.g. a number typed as text becomes a number) */
  value: unknown;
}

export function fittingProposals(
  template: TemplateFile,
  proposals: readonly Proposal[],
  answers: Record<string, unknown>,
  ownedEvidence: Set<string>,
): FittingProposal[] {
  const out: FittingProposal[] = [];
  for (const p of proposals) {
    const stored = answers[p.name];
    if (stored !== undefined && stored !== null && stored !== "") continue;
    const checked = checkAnswerChanges(template, { [p.name]: p.answer.value }, ownedEvidence);
    if (!checked.ok || !(p.name in checked.set)) continue;
    out.push({ ...p, value: checked.set[p.name] });
  }
  return out;
}
