/**
 * The overall 0–100 score: weighted mean of requirement values, then the
 * knock-out cap.
 *
 * `capped` means "a knock-out failed, so the cap is in force": it is true
 * even when the weighted score was already at or below the cap (the number
 * did not move, but the result is still limited by the failure), so a reader
 * can tell a capped 35 from an honest 35.
 */
import { STATUSES, type RequirementStatus } from "./types";

export const KNOCKOUT_CAP = 40;

export const STATUS_VALUES: Record<RequirementStatus, number> = {
  met: 1,
  partially_met: 0.5,
  not_met: 0,
  not_answered: 0,
};

export interface ScoredRequirement {
  requirementId: string;
  weight: number;
  knockOut: boolean;
  status: RequirementStatus;
}

export interface ScoreOutcome {
  score: number;
  /** the weighted score before the cap */
  uncappedScore: number;
  knockOutsFailed: string[];
  capped: boolean;
}

export function isFailingStatus(status: RequirementStatus): boolean {
  return status === "not_met" || status === "not_answered";
}

export function computeScore(requirements: readonly ScoredRequirement[]): ScoreOutcome {
  let weighted = 0;
  let total = 0;
  for (const requirement of requirements) {
    const weight = Number.isFinite(requirement.weight) && requirement.weight > 0 ? requirement.weight : 0;
    weighted += weight * STATUS_VALUES[requirement.status];
    total += weight;
  }
  const uncappedScore = total > 0 ? Math.round((100 * weighted) / total) : 0;
  const knockOutsFailed = requirements
    .filter((r) => r.knockOut && isFailingStatus(r.status))
    .map((r) => r.requirementId);
  const capped = knockOutsFailed.length > 0;
  return {
    score: capped ? Math.min(uncappedScore, KNOCKOUT_CAP) : uncappedScore,
    uncappedScore,
    knockOutsFailed,
    capped,
  };
}

export function countStatuses(statuses: readonly RequirementStatus[]): Record<RequirementStatus, number> {
  const counts = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<RequirementStatus, number>;
  for (const status of statuses) counts[status] += 1;
  return counts;
}
