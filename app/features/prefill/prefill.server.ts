/**
 * Answer once (issue 22): what a supplier submits feeds its profile, and a
 * questionnaire it opens for the first time offers the profile's answers for
 * every question it asks that is the same (or mapped) question. Offered
 * answers stay apart from the answers until the supplier confirms or changes
 * each, and nothing is submitted while one the supplier sees is unconfirmed.
 */
import type { Types } from "mongoose";
import { Model } from "survey-core";
import { Agreement } from "#models/agreement.server";
import {
  Assessment,
  EDITABLE_STATUSES,
  storeReusedAnswers,
  type AssessmentData,
  type ReusedAnswer,
} from "#models/assessment.server";
import { keptAnswers } from "#models/supplier-profile.server";
import { todayIso } from "#models/today";
import { proposeAnswers, questionIdentity, type QuestionIdentity } from "#questionnaires/question-identity";
import type { RequirementCategory, TemplateFile } from "#questionnaires/types";
import type { RiskRating } from "#app/scoring/types";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { ownedEvidenceIds } from "#app/features/evidence/evidence.server";
import { answerableQuestions, referencedEvidenceIds } from "#app/features/assessments/answers.server";
import { askedTemplateFor } from "#app/features/assessments/survey-model.server";
import { catalogueForVersion } from "#app/features/questionnaires/questionnaire.server";
import { keepAnswers } from "#app/features/profile/keep.server";
import { DEFAULT_POLICY, policyOf } from "#app/features/reassessment/reassessment";
import { fittingProposals } from "./proposals.server";
import { cadenceMonths, isStale } from "./stale";

type StoredAssessment = AssessmentData & { _id: Types.ObjectId };

/** The identity of every top-level question of the template as asked, with the catalogue it was sent with. */
export async function askedIdentities(template: TemplateFile, catalogueVersion: string): Promise<QuestionIdentity[]> {
  const requirements = await catalogueForVersion(catalogueVersion);
  const categories = new Map<string, RequirementCategory>(requirements.map((r) => [r.id, r.category]));
  return [...answerableQuestions(template).values()].map((el) =>
    questionIdentity(el as Record<string, unknown>, (id) => categories.get(id)),
  );
}

function answered(value: unknown): boolean {
  return !(value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0));
}

/**
 * Keeps every answered question of a submitted assessment in the supplier's
 * profile, as given (or confirmed) at the moment of submission.
 */
export async function feedProfileFromSubmission(user: CurrentUser, submitted: StoredAssessment) {
  const template = await askedTemplateFor(submitted);
  const identities = await askedIdentities(template, submitted.catalogueVersion);
  const answers = submitted.answers ?? {};
  const entries = identities
    .filter((i) => answered(answers[i.name]))
    .map((identity) => ({
      identity,
      value: answers[identity.name],
    }));
  return keepAnswers(
    {
      orgId: String(submitted.supplierOrgId),
      templateId: submitted.templateId,
      templateVersion: submitted.templateVersion,
      by: { userId: user.id, name: user.name },
      source: { kind: "submission", assessmentId: String(submitted._id) },
      at: submitted.submittedAt ? new Date(submitted.submittedAt) : new Date(),
    },
    entries,
  );
}

/** The proposals for an assessment now: from its supplier's own profile, fitting its template, for unanswered questions. */
export async function proposalsFor(assessment: StoredAssessment): Promise<Record<string, ReusedAnswer>> {
  const template = await askedTemplateFor(assessment);
  const [identities, kept] = await Promise.all([
    askedIdentities(template, assessment.catalogueVersion),
    keptAnswers(String(assessment.supplierOrgId)),
  ]);
  const proposals = proposeAnswers(identities, kept);
  const referenced = referencedEvidenceIds(Object.fromEntries(proposals.map((p) => [p.name, p.answer.value])));
  const owned = referenced.length
    ? await ownedEvidenceIds(referenced, String(assessment.supplierOrgId))
    : new Set<string>();
  const reused: Record<string, ReusedAnswer> = {};
  for (const p of fittingProposals(template, proposals, assessment.answers ?? {}, owned)) {
    reused[p.name] = {
      profileAnswerId: p.answer.id,
      value: p.value,
      lastConfirmedAt: p.answer.confirmedAt,
      match: p.match,
      state: "pending",
      decidedAt: null,
    };
  }
  return reused;
}

/**
 * The first time the supplier opens an assessment it can still answer, the
 * profile's answers are offered, once (when it has any to offer): stored on the assessment by a change
 * of its own revision, so two first opens at once store one set and a save
 * in between makes the loser look again. Returns the assessment as stored now.
 */
export async function prefillOnFirstOpen(assessment: StoredAssessment): Promise<StoredAssessment> {
  let current = assessment;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (current.reusedAt || !EDITABLE_STATUSES.includes(current.status)) return current;
    const reused = await proposalsFor(current);
    // nothing to offer: nothing stored, so the page's revision stays, and a later open offers what the profile gains
    if (Object.keys(reused).length === 0) return current;
    await storeReusedAnswers(String(current._id), { revision: current.revision, status: current.status }, reused);
    const fresh = await Assessment.findById(current._id).lean<StoredAssessment>();
    if (!fresh) return current;
    current = fresh;
  }
  return current;
}

/** The rating the agreement's cadence is taken from: the supplier's last approved one under it. */
async function lastApprovedRating(agreementId: Types.ObjectId, supplierOrgId: Types.ObjectId) {
  const last = await Assessment.findOne(
    { agreementId, supplierOrgId, status: "approved" },
    { approvedResult: 1, result: 1 },
  )
    .sort({ updatedAt: -1 })
    .lean();
  return ((last?.approvedResult ?? last?.result)?.rating as RiskRating | undefined) ?? null;
}

export interface ReusedView {
  name: string;
  value: unknown;
  lastConfirmedAt: string;
  match: "same" | "mapped";
  state: ReusedAnswer["state"];
  stale: boolean;
}

/** The offered answers as the supplier's page shows them, each said stale or not today. */
export async function reusedForPage(assessment: StoredAssessment): Promise<{ months: number; items: ReusedView[] }> {
  const entries = Object.entries(assessment.reused ?? {});
  const agreement = await Agreement.findById(assessment.agreementId, { reassessment: 1 }).lean();
  const rating = entries.length ? await lastApprovedRating(assessment.agreementId, assessment.supplierOrgId) : null;
  const months = cadenceMonths(agreement ? policyOf(agreement) : DEFAULT_POLICY, rating);
  const today = todayIso();
  return {
    months,
    items: entries.map(([name, r]) => ({
      name,
      value: r.value,
      lastConfirmedAt: new Date(r.lastConfirmedAt).toISOString(),
      match: r.match,
      state: r.state,
      stale: isStale(r.lastConfirmedAt, months, today),
    })),
  };
}

/** Offered answers still waiting for the supplier, among the questions it sees with its answers. */
export function unconfirmedVisible(
  template: TemplateFile,
  assessment: Pick<AssessmentData, "answers" | "reused">,
): { name: string; title: string; page: string }[] {
  const pending = Object.entries(assessment.reused ?? {}).filter(([, r]) => r.state === "pending");
  if (!pending.length) return [];
  const model = new Model(template.survey);
  model.data = assessment.answers ?? {};
  const out: { name: string; title: string; page: string }[] = [];
  for (const [name] of pending) {
    const q = model.getQuestionByName(name);
    if (!q || !q.isVisible || (q.page && !q.page.isVisible)) continue;
    out.push({
      name,
      title: q.processedTitle || q.title || name,
      page: (q.page as { title?: string } | undefined)?.title || q.page?.name || "",
    });
  }
  return out;
}

/** How many answers were reused, and how many of them confirmed and changed. */
export function reuseCounts(assessment: Pick<AssessmentData, "reused">) {
  const all = Object.values(assessment.reused ?? {});
  return {
    reused: all.length,
    confirmed: all.filter((r) => r.state === "confirmed").length,
    changed: all.filter((r) => r.state === "changed").length,
    pending: all.filter((r) => r.state === "pending").length,
  };
}

/** For the reviewer: each reused answer of the questions the supplier answered. */
export function reusedForReview(assessment: Pick<AssessmentData, "reused">, titleOf: (name: string) => string) {
  return Object.entries(assessment.reused ?? {})
    .filter(([, r]) => r.state !== "pending")
    .map(([name, r]) => ({
      name,
      title: titleOf(name),
      lastConfirmedAt: new Date(r.lastConfirmedAt).toISOString(),
      state: r.state as "confirmed" | "changed",
      match: r.match,
    }));
}
