/**
 * When an answer offered from the supplier's profile is older than the
 * agreement wants its answers to be: its re-assessment cadence for the
 * supplier's last approved rating, else the policy's shortest cadence (a
 * supplier not yet rated is held to the strictest). Pure: today is an input.
 */
import type { RiskRating } from "#app/scoring/types";
import { addMonthsIso, isoDateOf } from "#app/scoring/dates";
import type { ReassessmentPolicy } from "#app/features/reassessment/reassessment";

export function cadenceMonths(policy: Pick<ReassessmentPolicy, "months">, rating: RiskRating | null): number {
  return rating ? policy.months[rating] : Math.min(...Object.values(policy.months));
}

/** Whether an answer last confirmed at `lastConfirmedAt` is older than `months` on `today` (ISO date). */
export function isStale(lastConfirmedAt: Date | string, months: number, today: string): boolean {
  return addMonthsIso(isoDateOf(new Date(lastConfirmedAt)), months) < today;
}
