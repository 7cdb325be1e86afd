/**
 * Reviewer overrides: they change the result that counts, never the computed
 * one, and only with a written justification.
 */
import { momentRef, said } from "./said";
import { statusWord } from "./status";
import { STATUSES, type OverrideInput, type RequirementResult } from "./types";

export const MIN_JUSTIFICATION_LENGTH = 10;

/** Throws when an override cannot be accepted; the engine never drops one silently. */
export function validateOverride(override: OverrideInput, applicableIds: ReadonlySet<string>): void {
  const justification = typeof override.justification === "string" ? override.justification.trim() : "";
  if (justification.length < MIN_JUSTIFICATION_LENGTH) {
    throw new Error(
      `Override of ${override.requirementId} needs a written justification of at least ${MIN_JUSTIFICATION_LENGTH} characters`,
    );
  }
  if (!STATUSES.includes(override.status)) {
    throw new Error(`Override of ${override.requirementId} has an unknown status ${JSON.stringify(override.status)}`);
  }
  if (!applicableIds.has(override.requirementId)) {
    throw new Error(`Override of ${override.requirementId}, which is not a requirement of this agreement`);
  }
}

/**
 * One override per requirement counts: the latest by `at` (ISO timestamps
 * sort as text); on an exact tie the later entry in the list.
 */
export function latestOverrides(overrides: readonly OverrideInput[]): Map<string, OverrideInput> {
  const latest = new Map<string, OverrideInput>();
  for (const override of overrides) {
    const current = latest.get(override.requirementId);
    if (!current || override.at >= current.at) latest.set(override.requirementId, override);
  }
  return latest;
}

export function applyOverride(result: RequirementResult, override: OverrideInput | undefined): RequirementResult {
  if (!override) return result;
  const reason = said("scoring.override", {
    by: override.by,
    at: momentRef(override.at),
    computed: statusWord(result.computedStatus),
    status: statusWord(override.status),
    justification: override.justification.trim(),
  });
  return { ...result, status: override.status, override, reasons: [reason, ...result.reasons] };
}
