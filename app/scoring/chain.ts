/**
 * The subcontractor chain. A breach found at tier 2 travels up every tier
 * before the discloser hears of it, so notification times add up along the
 * path; and information reaches every tier, so every tier's locations count.
 */
import {
  DEFAULT_COUNTRY_FIELD,
  DEFAULT_MECHANISM_FIELD,
  describeLocation,
  isLocationAcceptable,
  judgeLocation,
  readLocations,
  type DataLocation,
} from "./jurisdictions";
import { listOf, said, type Reason, type Said, type SaidValue } from "./said";
import { answerOf, indexTemplate, type IndexedQuestion } from "./template";
import type { TemplateFile } from "#questionnaires/types";
import type { AgreementInput, ChainLinkInput, ChainLinkResult, ChainResult, SupplierChainFacts } from "./types";

function readHours(value: unknown): number[] {
  if (Array.isArray(value)) return value.flatMap(readHours); // one answer per panel
  const number =
    typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
  return Number.isFinite(number) && number >= 0 ? [number] : [];
}

function locationsFrom(questions: readonly IndexedQuestion[], answers: Record<string, unknown>): DataLocation[] {
  const seen = new Set<string>();
  const locations: DataLocation[] = [];
  for (const question of questions) {
    const rule = question.meta.judge;
    const countryField = rule.kind === "jurisdictions" ? rule.countryField : DEFAULT_COUNTRY_FIELD;
    const mechanismField = rule.kind === "jurisdictions" ? rule.mechanismField : DEFAULT_MECHANISM_FIELD;
    for (const location of readLocations(answerOf(question, answers), countryField, mechanismField)) {
      const key = `${location.country}|${location.transferMechanism ?? ""}`;
      if (seen.has(key)) continue;
      seen.add(key);
      locations.push(location);
    }
  }
  return locations;
}

/**
 * The supplier's notification time and data locations, read from the
 * questions marked with a chain fact. Several notifyHours answers: the
 * slowest counts.
 */
export function extractChainFacts(
  template: TemplateFile,
  answers: Record<string, unknown>,
  supplierId: string,
): SupplierChainFacts {
  const index = indexTemplate(template);
  const hours = (index.byFact.get("notifyHours") ?? []).flatMap((question) => readHours(answerOf(question, answers)));
  return {
    supplierId,
    notifyHours: hours.length > 0 ? Math.max(...hours) : null,
    locations: locationsFrom(index.byFact.get("dataLocations") ?? [], answers),
  };
}

/**
 * Locations for the risk rating: the dataLocations fact questions, or, in a
 * template that marks none, every question judged by the jurisdictions rule.
 */
export function readSupplierLocations(template: TemplateFile, answers: Record<string, unknown>): DataLocation[] {
  const index = indexTemplate(template);
  const marked = index.byFact.get("dataLocations");
  const questions =
    marked && marked.length > 0 ? marked : index.questions.filter((q) => q.meta.judge.kind === "jurisdictions");
  return locationsFrom(questions, answers);
}

type Path = { path: string[]; broken: Said | null };

/** Hours as the reasons show them: to two decimals at most. */
function hoursOf(value: number): number {
  return Number.isInteger(value) ? value : Math.round(value * 100) / 100;
}

function firstById(chain: readonly ChainLinkInput[]): Map<string, ChainLinkInput> {
  const byId = new Map<string, ChainLinkInput>();
  for (const link of chain) if (!byId.has(link.supplierId)) byId.set(link.supplierId, link);
  return byId;
}

/** From the supplier up to tier 1; broken says why the walk could not reach the recipient. */
function pathToRecipient(supplierId: string, byId: ReadonlyMap<string, ChainLinkInput>): Path {
  const path: string[] = [];
  let current = byId.get(supplierId);
  while (current) {
    if (path.includes(current.supplierId)) {
      return {
        path,
        broken: said("chain.path.loops", { supplier: current.supplierName || current.supplierId }),
      };
    }
    path.push(current.supplierId);
    const parentId = current.parentSupplierId;
    if (parentId === null) return { path, broken: null };
    const parent = byId.get(parentId);
    if (!parent)
      return {
        path,
        broken: said("chain.path.unknownParent", {
          supplier: current.supplierName || current.supplierId,
          parent: parentId,
        }),
      };
    current = parent;
  }
  return { path, broken: said("chain.path.unknownSupplier", { supplier: supplierId }) };
}

/** A path whose tiers are not 1, 2, 3... from the top is mis-recorded: the link cannot be trusted as ok. */
function tierMismatch(path: readonly string[], byId: ReadonlyMap<string, ChainLinkInput>): Said | null {
  const tiers = path.map((id) => byId.get(id)!.tier);
  const expected = path.map((_, i) => path.length - i);
  if (tiers.every((tier, i) => tier === expected[i])) return null;
  const listed = path.map((id, i) =>
    said("chain.link.tierOf", { supplier: byId.get(id)!.supplierName || id, tier: tiers[i] }),
  );
  return said("chain.link.tierMismatch", { listed: listOf(listed, "unit"), expected: listOf(expected, "unit") });
}

/** Structural problems of the chain as messages; empty when the chain is well formed. */
export function validateChainStructure(chain: readonly ChainLinkInput[]): Reason[] {
  const errors: Reason[] = [];
  const byId = firstById(chain);
  const counted = new Set<string>();
  for (const link of chain) {
    const label = link.supplierName ? `${link.supplierName} (${link.supplierId})` : link.supplierId;
    if (!link.supplierId) {
      errors.push(said("chain.structure.noSupplier"));
      continue;
    }
    if (counted.has(link.supplierId)) {
      errors.push(said("chain.structure.duplicate", { supplier: label }));
      continue;
    }
    counted.add(link.supplierId);
    if (!Number.isInteger(link.tier) || link.tier < 1) {
      errors.push(said("chain.structure.tierNotWhole", { supplier: label, tier: String(link.tier) }));
      continue;
    }
    if (link.parentSupplierId === null) {
      if (link.tier !== 1) errors.push(said("chain.structure.directNotTier1", { supplier: label, tier: link.tier }));
      continue;
    }
    if (link.parentSupplierId === link.supplierId) {
      errors.push(said("chain.structure.worksForItself", { supplier: label }));
      continue;
    }
    const parent = byId.get(link.parentSupplierId);
    if (!parent) {
      errors.push(said("chain.structure.unknownParent", { supplier: label, parent: link.parentSupplierId }));
      continue;
    }
    if (link.tier !== parent.tier + 1) {
      errors.push(
        said("chain.structure.tierSkips", {
          supplier: label,
          tier: link.tier,
          parent: parent.supplierName || parent.supplierId,
          parentTier: parent.tier,
          expected: parent.tier + 1,
        }),
      );
    }
  }
  errors.push(...findCycles(chain, byId));
  return errors;
}

/** Each cycle reported once, starting from the member that comes first in the chain. */
function findCycles(chain: readonly ChainLinkInput[], byId: ReadonlyMap<string, ChainLinkInput>): Said[] {
  const reported = new Set<string>();
  const errors: Said[] = [];
  for (const link of chain) {
    const seen: string[] = [];
    let current: ChainLinkInput | undefined = link;
    while (current && !seen.includes(current.supplierId)) {
      seen.push(current.supplierId);
      current = current.parentSupplierId === null ? undefined : byId.get(current.parentSupplierId);
    }
    if (!current) continue;
    const cycle = seen.slice(seen.indexOf(current.supplierId));
    if (cycle.length < 2 || cycle.some((id) => reported.has(id))) continue; // self-loops are reported by the caller's checks
    cycle.forEach((id) => reported.add(id));
    const names = cycle.map((id) => byId.get(id)?.supplierName || id);
    errors.push(said("chain.structure.cycle", { cycle: [...names, names[0]].join(" → ") }));
  }
  return errors;
}

function composeLink(
  link: ChainLinkInput,
  agreement: AgreementInput,
  byId: ReadonlyMap<string, ChainLinkInput>,
  factsById: ReadonlyMap<string, SupplierChainFacts>,
): ChainLinkResult {
  const { path, broken } = pathToRecipient(link.supplierId, byId);
  const nameOf = (id: string): string => byId.get(id)?.supplierName || id;
  const reasons: Reason[] = [];
  const base = {
    supplierId: link.supplierId,
    supplierName: link.supplierName,
    tier: link.tier,
    parentSupplierId: link.parentSupplierId,
    path,
  };

  if (broken) {
    reasons.push(said("chain.link.noPath", { why: broken }));
    return {
      ...base,
      composedNotifyHours: null,
      notifyOk: false,
      locationViolations: [],
      locationsCovered: [],
      locationOk: false,
      ok: false,
      reasons,
    };
  }
  const tierProblem = tierMismatch(path, byId);
  if (tierProblem) reasons.push(tierProblem);

  // notification: the recipient's own time plus every supplier's on the way up
  const window = agreement.breachWindowHours;
  const unanswered = path.filter((id) => factsById.get(id)?.notifyHours == null);
  let composedNotifyHours: number | null = null;
  let notifyOk = false;
  if (unanswered.length > 0) {
    reasons.push(said("chain.notify.unanswered", { suppliers: listOf(unanswered.map(nameOf), "unit") }));
  } else {
    const parts = path.map((id) => ({ id, hours: factsById.get(id)!.notifyHours as number }));
    composedNotifyHours = agreement.recipientNotifyHours + parts.reduce((sum, part) => sum + part.hours, 0);
    notifyOk = composedNotifyHours <= window;
    // "24 h (recipient) + 24 h (A) + 12 h (B)": each term added to the sum before it
    let sum: SaidValue = said("chain.notify.recipient", { hours: hoursOf(agreement.recipientNotifyHours) });
    for (const part of [...parts].reverse())
      sum = said("chain.notify.plus", {
        sum,
        part: said("chain.notify.part", { hours: hoursOf(part.hours), supplier: nameOf(part.id) }),
      });
    reasons.push(
      said("chain.notify.total", {
        sum,
        total: hoursOf(composedNotifyHours),
        within: notifyOk ? "yes" : "no",
        window: hoursOf(window),
      }),
    );
  }

  // location: every tier the information passes through must keep it where the agreement allows
  const locationViolations: ChainLinkResult["locationViolations"] = [];
  const locationsCovered: NonNullable<ChainLinkResult["locationsCovered"]> = [];
  const silent: string[] = [];
  for (const id of path) {
    const facts = factsById.get(id);
    if (!facts || facts.locations.length === 0) {
      silent.push(id);
      continue;
    }
    for (const location of facts.locations) {
      const verdict = judgeLocation(location, agreement);
      if (verdict.kind === "covered") {
        locationsCovered.push({ supplierId: id, country: location.country, mechanism: verdict.mechanism });
      }
      if (isLocationAcceptable(verdict)) continue;
      locationViolations.push({ supplierId: id, country: location.country });
      reasons.push(
        said("chain.locations.outside", {
          supplier: nameOf(id),
          detail: describeLocation(location, verdict, agreement),
        }),
      );
    }
  }
  if (silent.length > 0)
    reasons.push(said("chain.locations.unanswered", { suppliers: listOf(silent.map(nameOf), "unit") }));
  const locationOk = locationViolations.length === 0 && silent.length === 0;
  if (locationOk && locationsCovered.length === 0) {
    reasons.push(said("chain.locations.allPermitted"));
  } else if (locationOk) {
    const covered = locationsCovered.map((c) =>
      said("chain.locations.coveredBy", { country: c.country, supplier: nameOf(c.supplierId), mechanism: c.mechanism }),
    );
    reasons.push(said("chain.locations.covered", { covered: listOf(covered, "unit") }));
  }

  const ok = tierProblem === null && notifyOk && locationOk;
  return { ...base, composedNotifyHours, notifyOk, locationViolations, locationsCovered, locationOk, ok, reasons };
}

/**
 * Composes the chain from each supplier's facts (from its latest assessment;
 * a supplier without facts counts as not answered). Structural errors make
 * the chain fail, but every link that can still be computed is.
 */
export function composeChain(agreement: AgreementInput, facts: readonly SupplierChainFacts[]): ChainResult {
  const factsById = new Map<string, SupplierChainFacts>();
  for (const entry of facts) {
    if (factsById.has(entry.supplierId)) throw new Error(`Chain facts given twice for supplier ${entry.supplierId}`);
    factsById.set(entry.supplierId, entry); // facts for suppliers no longer in the chain are simply not used
  }
  const errors = validateChainStructure(agreement.chain);
  const byId = firstById(agreement.chain);
  const links = [...byId.values()].map((link) => composeLink(link, agreement, byId, factsById));
  return {
    breachWindowHours: agreement.breachWindowHours,
    links,
    ok: errors.length === 0 && links.every((link) => link.ok),
    errors,
  };
}
