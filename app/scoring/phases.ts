/**
 * Phase gates: who may receive each stage of a staged disclosure. A supplier
 * is cleared only when every condition holds; the reasons name each one that
 * does not, so the discloser sees exactly what stands in the way.
 */
import { STATUS_LABELS, requirementName } from "./status";
import {
  INFO_CLASSES,
  type AgreementInput,
  type ChainResult,
  type InfoClass,
  type PhaseClearance,
  type RequirementStatus,
  type ScoringResult,
} from "./types";

/** Effective status per requirement id on a supplier's latest approved assessment. */
export type ApprovedStatuses = Readonly<Record<string, RequirementStatus>>;

/** The statuses a phase gate reads, from a scoring result. */
export function approvedStatusesOf(result: Pick<ScoringResult, "requirements">): ApprovedStatuses {
  return Object.fromEntries(result.requirements.map((requirement) => [requirement.requirementId, requirement.status]));
}

function classRank(infoClass: InfoClass): number {
  const rank = INFO_CLASSES.indexOf(infoClass);
  if (rank < 0) throw new Error(`Unknown information class ${JSON.stringify(infoClass)}`);
  return rank;
}

/**
 * One clearance per (phase, chain supplier), phases and suppliers in the
 * agreement's order. `results` holds each supplier's latest approved
 * assessment, or null / no entry when it has none.
 */
export function clearPhases(
  agreement: AgreementInput,
  results: ReadonlyMap<string, ApprovedStatuses | null>,
  chain: ChainResult,
  /** requirement id → title (from the agreement's pinned catalogue), so a reason names "FD-ACC-02 Multi-factor authentication" */
  titles: ReadonlyMap<string, string>,
): PhaseClearance[] {
  const nameOf = (id: string) => requirementName(id, titles.get(id));
  const linkById = new Map(chain.links.map((link) => [link.supplierId, link]));
  const suppliers = [...new Map(agreement.chain.map((link) => [link.supplierId, link])).values()];
  const clearances: PhaseClearance[] = [];

  for (const phase of agreement.phases) {
    for (const supplier of suppliers) {
      const blockers: string[] = [];
      const statuses = results.get(supplier.supplierId) ?? null;
      if (statuses === null) {
        blockers.push("No approved assessment.");
      } else {
        for (const id of phase.requiredRequirementIds) {
          const status = statuses[id];
          if (status === undefined) blockers.push(`${nameOf(id)} was not assessed on the latest approved assessment.`);
          else if (status !== "met")
            blockers.push(`${nameOf(id)} is ${STATUS_LABELS[status]}; the phase requires it met.`);
        }
      }
      if (phase.permittedSupplierIds.length > 0 && !phase.permittedSupplierIds.includes(supplier.supplierId)) {
        blockers.push("Not a permitted recipient of this phase.");
      }
      const tooHigh = phase.classes.filter((infoClass) => classRank(infoClass) > classRank(supplier.maxClass));
      if (tooHigh.length > 0) {
        blockers.push(
          `The phase opens ${tooHigh.join(", ")} information; the supplier may receive at most ${supplier.maxClass}.`,
        );
      }
      const link = linkById.get(supplier.supplierId);
      if (!link) blockers.push("Not in the composed chain.");
      else if (!link.ok) blockers.push(`Chain link fails: ${link.reasons.join(" ")}`);

      const required =
        phase.requiredRequirementIds.length > 0
          ? phase.requiredRequirementIds.map(nameOf).join(", ")
          : "no requirement";
      clearances.push({
        phaseId: phase.id,
        supplierId: supplier.supplierId,
        cleared: blockers.length === 0,
        reasons:
          blockers.length > 0
            ? blockers
            : [
                `Cleared: ${required} met on the latest approved assessment; ` +
                  `${
                    phase.permittedSupplierIds.length > 0
                      ? "a permitted recipient"
                      : "any chain supplier may receive it"
                  }; ` +
                  `classes ${phase.classes.join(", ") || "none"} within ${supplier.maxClass}; chain link ok.`,
              ],
      });
    }
  }
  return clearances;
}
