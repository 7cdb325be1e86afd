/**
 * Phase gates: who may receive each stage of a staged disclosure. A supplier
 * is cleared only when every condition holds; the reasons name each one that
 * does not, so the discloser sees exactly what stands in the way.
 */
import { listOf, requirementRef, said, type Reason, type SaidValue } from "./said";
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

/** The link's reasons one after another, as one text: "A. B. C." */
function sentences(reasons: readonly Reason[]): SaidValue {
  if (reasons.length === 0) return "";
  return reasons.slice(1).reduce<SaidValue>((before, next) => said("chain.then", { before, next }), reasons[0]);
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
  const nameOf = (id: string) => requirementRef(id, titles.get(id));
  const classOf = (infoClass: string) => said("chain.phase.class", { level: infoClass });
  const linkById = new Map(chain.links.map((link) => [link.supplierId, link]));
  const suppliers = [...new Map(agreement.chain.map((link) => [link.supplierId, link])).values()];
  const clearances: PhaseClearance[] = [];

  for (const phase of agreement.phases) {
    for (const supplier of suppliers) {
      const blockers: Reason[] = [];
      const statuses = results.get(supplier.supplierId) ?? null;
      if (statuses === null) {
        blockers.push(said("chain.phase.noApproved"));
      } else {
        for (const id of phase.requiredRequirementIds) {
          const status = statuses[id];
          if (status === undefined) blockers.push(said("chain.phase.notAssessed", { requirement: nameOf(id) }));
          else if (status !== "met")
            blockers.push(
              said("chain.phase.notMet", { requirement: nameOf(id), status: said(`scoring.status.${status}`) }),
            );
        }
      }
      if (phase.permittedSupplierIds.length > 0 && !phase.permittedSupplierIds.includes(supplier.supplierId)) {
        blockers.push(said("chain.phase.notPermitted"));
      }
      const tooHigh = phase.classes.filter((infoClass) => classRank(infoClass) > classRank(supplier.maxClass));
      if (tooHigh.length > 0) {
        blockers.push(
          said("chain.phase.classTooHigh", {
            classes: listOf(tooHigh.map(classOf), "unit"),
            max: classOf(supplier.maxClass),
          }),
        );
      }
      const link = linkById.get(supplier.supplierId);
      if (!link) blockers.push(said("chain.phase.notInChain"));
      else if (!link.ok) blockers.push(said("chain.phase.linkFails", { reasons: sentences(link.reasons) }));

      const required =
        phase.requiredRequirementIds.length > 0
          ? listOf(phase.requiredRequirementIds.map(nameOf), "unit")
          : said("chain.phase.noRequirement");
      clearances.push({
        phaseId: phase.id,
        supplierId: supplier.supplierId,
        cleared: blockers.length === 0,
        reasons:
          blockers.length > 0
            ? blockers
            : [
                said("chain.phase.cleared", {
                  required,
                  permitted: phase.permittedSupplierIds.length > 0 ? "yes" : "no",
                  classes: phase.classes.length > 0 ? listOf(phase.classes.map(classOf), "unit") : said("chain.none"),
                  max: classOf(supplier.maxClass),
                }),
              ],
      });
    }
  }
  return clearances;
}
