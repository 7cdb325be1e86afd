/**
 * What a result was computed from, and whether it still holds.
 *
 * A score is a pure function of its inputs (DOMAIN.md 'Scoring'), so a stored
 * result stays true exactly as long as its inputs do: the scoring rules, the
 * agreement's revision, the pinned template and catalogue, the answers and
 * overrides (by digest), the supplier's certificates, and the
 * evaluation date. The date enters the rules only through comparisons with
 * the certificates' and the agreement's dates, so a result computed on one
 * day holds until the next day on which one of those comparisons can flip
 * (`validUntil`), not merely until midnight.
 */
import { addDaysIso, compareDates } from "./dates";
import { dateRef, listOf, requirementRef, said, type Said } from "./said";
import type { RequirementStatus, ScoringResult } from "./types";

/**
 * Changes whenever a change to the engine can change a stored result, so
 * results computed by older rules are re-scored once after an upgrade.
 */
export const SCORING_RULES_VERSION = "2026-12-06.1";

export interface CertificateStamp {
  id: string;
  /** when the certificate was last written (ms); a replaced certificate gets a new id */
  updatedMs: number;
  issueDate: string;
  expiryDate: string;
}

export interface BasisInputs {
  agreementRevision: number;
  agreementEffectiveDate: string;
  agreementEndDate: string;
  templateVersion: string;
  catalogueVersion: string;
  /** a digest of the answers and the overrides (a status change alone changes no score) */
  answersDigest: string;
  certificates: CertificateStamp[];
  evaluationDate: string;
}

/** What a stored result was computed from (kept with the result, and in its row for the lists). */
export interface ScoreBasis {
  rules: string;
  agreementRevision: number;
  templateVersion: string;
  catalogueVersion: string;
  answersDigest: string;
  /** "id@updatedMs", sorted: the certificate set as it was */
  certificates: string[];
  evaluationDate: string;
  /** the first day on which the same inputs may score differently; null when no date can change it */
  validUntil: string | null;
  /** one string naming all of the above except the day: equal keys, equal results */
  key: string;
}

function certificateSet(certificates: readonly CertificateStamp[]): string[] {
  return certificates.map((c) => `${c.id}@${c.updatedMs}`).sort();
}

/**
 * The window of days around `evaluationDate` on which every comparison with
 * one of `dates` gives the same answer: a date d compared as "before", "on"
 * or "after" changes its answer on d and on d+1. `start` is the latest such
 * day on or before the evaluation date ("" when none), `next` the first
 * after it (null when none).
 */
export function dateWindow(evaluationDate: string, dates: readonly string[]): { start: string; next: string | null } {
  let start = "";
  let next: string | null = null;
  for (const date of dates) {
    for (const boundary of [date, addDaysIso(date, 1)]) {
      if (compareDates(boundary, evaluationDate) > 0) {
        if (next === null || compareDates(boundary, next) < 0) next = boundary;
      } else if (start === "" || compareDates(boundary, start) > 0) start = boundary;
    }
  }
  return { start, next };
}

function isoDates(values: readonly string[]): string[] {
  return values.filter((v) => /^\d{4}-\d{2}-\d{2}$/.test(v));
}

export function scoreBasis(inputs: BasisInputs): ScoreBasis {
  const dates = isoDates([
    inputs.agreementEffectiveDate,
    inputs.agreementEndDate,
    ...inputs.certificates.flatMap((c) => [c.issueDate, c.expiryDate]),
  ]);
  const certificates = certificateSet(inputs.certificates);
  const window = dateWindow(inputs.evaluationDate, dates);
  const base = {
    rules: SCORING_RULES_VERSION,
    agreementRevision: inputs.agreementRevision,
    templateVersion: inputs.templateVersion,
    catalogueVersion: inputs.catalogueVersion,
    answersDigest: inputs.answersDigest,
    certificates,
  };
  const key = [
    base.rules,
    `agreement r${base.agreementRevision}`,
    base.templateVersion,
    base.catalogueVersion,
    `answers ${base.answersDigest}`,
    certificates.join(",") || "no certificates",
    `dates from ${window.start || "the start"}`,
  ].join("|");
  return {
    ...base,
    evaluationDate: inputs.evaluationDate,
    validUntil: window.next,
    key,
  };
}

/** Why a result had to be computed again, in the reader's words. */
export function basisChanges(before: ScoreBasis | null | undefined, after: ScoreBasis): Said[] {
  if (!before) return [said("chain.basis.first")];
  const out: Said[] = [];
  if (before.rules !== after.rules) out.push(said("chain.basis.rules"));
  if (before.agreementRevision !== after.agreementRevision)
    out.push(said("chain.basis.agreement", { from: before.agreementRevision, to: after.agreementRevision }));
  if (before.templateVersion !== after.templateVersion) out.push(said("chain.basis.template"));
  if (before.catalogueVersion !== after.catalogueVersion) out.push(said("chain.basis.catalogue"));
  if (before.answersDigest !== after.answersDigest) out.push(said("chain.basis.answers"));
  const was = new Map(before.certificates.map((c) => [c.split("@")[0], c]));
  const now = new Map(after.certificates.map((c) => [c.split("@")[0], c]));
  const added = [...now.keys()].filter((id) => !was.has(id)).length;
  const removed = [...was.keys()].filter((id) => !now.has(id)).length;
  const changed = [...now.keys()].filter((id) => was.has(id) && was.get(id) !== now.get(id)).length;
  if (added) out.push(said("chain.basis.certificatesAdded", { count: added }));
  if (removed) out.push(said("chain.basis.certificatesRemoved", { count: removed }));
  if (changed) out.push(said("chain.basis.certificatesChanged", { count: changed }));
  if (out.length === 0 && before.evaluationDate !== after.evaluationDate)
    out.push(said("chain.basis.datePassed", { date: dateRef(after.evaluationDate) }));
  return out;
}

/** A status inside a sentence ("not met"), in the reader's language. */
function statusWord(status: RequirementStatus): Said {
  return said(`scoring.status.${status}`);
}

export interface ResultChange {
  requirementId: string;
  title: string;
  from: RequirementStatus | null;
  to: RequirementStatus | null;
}

export interface ResultDifference {
  requirements: ResultChange[];
  score: { from: number; to: number } | null;
  rating: { from: string; to: string } | null;
  knockOuts: { from: string[]; to: string[] } | null;
}

/** What differs between two results of one assessment, requirement by requirement (effective statuses). */
export function resultDifference(before: ScoringResult | null | undefined, after: ScoringResult): ResultDifference {
  const was = new Map((before?.requirements ?? []).map((r) => [r.requirementId, r]));
  const requirements: ResultChange[] = [];
  for (const r of after.requirements) {
    const old = was.get(r.requirementId);
    if (!old || old.status !== r.status)
      requirements.push({ requirementId: r.requirementId, title: r.title, from: old?.status ?? null, to: r.status });
    was.delete(r.requirementId);
  }
  for (const old of was.values())
    requirements.push({ requirementId: old.requirementId, title: old.title, from: old.status, to: null });
  const knockFrom = [...(before?.knockOutsFailed ?? [])].sort();
  const knockTo = [...after.knockOutsFailed].sort();
  return {
    requirements,
    score: before && before.score !== after.score ? { from: before.score, to: after.score } : null,
    rating: before && before.rating !== after.rating ? { from: before.rating, to: after.rating } : null,
    knockOuts: before && knockFrom.join() !== knockTo.join() ? { from: knockFrom, to: knockTo } : null,
  };
}

export function isMaterial(difference: ResultDifference): boolean {
  return difference.requirements.length > 0 || difference.rating !== null || difference.knockOuts !== null;
}

/** The difference as sentences a reviewer reads (messages, said in the reader's language). */
export function describeDifference(difference: ResultDifference): Said[] {
  const out: Said[] = [];
  for (const r of difference.requirements) {
    const requirement = requirementRef(r.requirementId, r.title);
    if (r.from === null) out.push(said("chain.change.added", { requirement, status: statusWord(r.to!) }));
    else if (r.to === null) out.push(said("chain.change.removed", { requirement, status: statusWord(r.from) }));
    else out.push(said("chain.change.status", { requirement, from: statusWord(r.from), to: statusWord(r.to) }));
  }
  if (difference.score) out.push(said("chain.change.score", { from: difference.score.from, to: difference.score.to }));
  if (difference.rating)
    out.push(said("chain.change.rating", { from: difference.rating.from, to: difference.rating.to }));
  if (difference.knockOuts) {
    const list = (ids: string[]) => (ids.length ? listOf(ids, "unit") : said("chain.none"));
    out.push(
      said("chain.change.knockOuts", { from: list(difference.knockOuts.from), to: list(difference.knockOuts.to) }),
    );
  }
  return out;
}
