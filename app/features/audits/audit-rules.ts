import type { RequirementStatus } from "#app/scoring/types";
import { daysOverdue } from "#app/features/lifecycle/deadlines";

/**
 * What an open audit finding does to a supplier's verdict on the requirement
 * it names: a major finding makes it not met, a minor one at most partially
 * met. A result already worse stays as it is. Pure: the compliance view and
 * the phase gates use it alike.
 */
export type FindingSeverityCap = "major" | "minor";

/** Shared by the pages and the server (the models' lists, which pages cannot import). */
export const OUTCOMES = ["satisfactory", "findings", "unsatisfactory"] as const;
export const SEVERITIES = ["major", "minor"] as const;
export const SCOPE_MAX = 2000;
export const SUMMARY_MAX = 4000;
export const DESCRIPTION_MAX = 2000;
export const RESPONSE_MAX = 4000;
export const NOTE_MAX = 2000;

const RANK: Record<RequirementStatus, number> = { met: 3, partially_met: 2, not_met: 1, not_answered: 0 };

export function capByFinding(status: RequirementStatus, severity: FindingSeverityCap): RequirementStatus {
  const cap: RequirementStatus = severity === "major" ? "not_met" : "partially_met";
  return RANK[status] > RANK[cap] ? cap : status;
}

/** The strongest open finding per requirement of one supplier (major wins over minor). */
export function strongestFindings(
  findings: readonly { requirementId: string; severity: FindingSeverityCap }[],
): Map<string, FindingSeverityCap> {
  const out = new Map<string, FindingSeverityCap>();
  for (const f of findings) if (out.get(f.requirementId) !== "major") out.set(f.requirementId, f.severity);
  return out;
}

export type FindingState = "open" | "overdue" | "closed";

/** A finding is overdue once its due date has passed everywhere on earth while it is still open. */
export function findingState(f: { status: "open" | "closed"; dueDate: string }, now: Date): FindingState {
  if (f.status === "closed") return "closed";
  return daysOverdue(f.dueDate, now) > 0 ? "overdue" : "open";
}
