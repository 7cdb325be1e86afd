/**
 * The agreement's breach-notification budget, one model for the form and the
 * server. The window is what the disclosing party is promised: from detection
 * at any tier to the disclosing party being told. Every link uses part of it:
 * each supplier tells the party it works for within its own hours (the
 * flow-down requirement's parameter), and the recipient tells the disclosing
 * party within its own. A breach at the deepest tier travels up every tier,
 * so recipient + supplier hours × deepest tier must fit the window, as
 * `composeChain` in app/scoring checks against the suppliers' answers.
 *
 * Pure and browser-safe: the form shows the budget live with it and
 * parseAgreementForm refuses with it.
 */

/** The requirement parameter every supplier commits to: notify the party it works for within N hours. */
export const SUPPLIER_NOTIFY_PARAM = "notifyWithinHours";

/** The window's upper bound in the form (and so the widest window a remedy may suggest). */
export const MAX_WINDOW_HOURS = 720;

export type BreachField = "breachWindowHours" | "recipientNotifyHours" | "supplierHours";

export interface BreachInput {
  windowHours: number;
  recipientHours: number;
  /** each supplier's own hours; null when the agreement does not include the requirement (the window alone counts) */
  supplierHours: number | null;
  /** the deepest tier of the chain; 0 for an empty chain, which is counted as one tier */
  deepestTier: number;
  /** the requirement's id, for the wording ("FD-INC-01") */
  requirementId: string;
}

export interface BreachBudget {
  windowHours: number;
  /** recipient first, then tier 1, tier 2 … */
  parts: { label: string; hours: number }[];
  /** the tiers counted: the deepest tier, at least 1 */
  tiers: number;
  /** true when the chain has no supplier yet and one tier is assumed */
  assumedTier: boolean;
  /** hours used by the recipient and (when set) every tier */
  totalHours: number;
  fits: boolean;
  /** what is wrong, beside the field it belongs to; empty when everything fits */
  problems: { field: BreachField; message: string }[];
}

const h = (n: number) => `${n} h`;
const tiersWord = (n: number) => `${n} tier${n === 1 ? "" : "s"}`;

function orList(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

/** The values that would fit, each changing one of the three while the other two stay as typed. */
function remedies(input: BreachInput, tiers: number): string {
  const { windowHours: w, recipientHours: r } = input;
  const s = input.supplierHours ?? 0;
  const options: string[] = [];
  const supplierShare = input.supplierHours === null ? 0 : s * tiers;
  const recipientMax = input.supplierHours === null ? w - 1 : w - supplierShare;
  if (recipientMax >= 1 && recipientMax < r) options.push(`the recipient's own time at most ${h(recipientMax)}`);
  if (input.supplierHours !== null && r < w) {
    const supplierMax = Math.floor((w - r) / tiers);
    if (supplierMax >= 1 && supplierMax < s) options.push(`each supplier's time at most ${h(supplierMax)}`);
  }
  const windowMin = input.supplierHours === null ? r + 1 : r + supplierShare;
  if (windowMin <= MAX_WINDOW_HOURS && windowMin > w) options.push(`a window of at least ${h(windowMin)}`);
  return options.length > 0
    ? `It would fit with ${orList(options)}.`
    : "Shorten the recipient's or the suppliers' time: no window the form allows fits these values.";
}

/** The composed budget and what contradicts it. */
export function composeBreachBudget(input: BreachInput): BreachBudget {
  const { windowHours: w, recipientHours: r, supplierHours: s, requirementId } = input;
  const tiers = Math.max(1, input.deepestTier);
  const parts = [{ label: "Recipient", hours: r }];
  if (s !== null) for (let tier = 1; tier <= tiers; tier++) parts.push({ label: `tier ${tier}`, hours: s });
  const totalHours = parts.reduce((sum, part) => sum + part.hours, 0);
  const problems: BreachBudget["problems"] = [];

  if (r >= w) {
    problems.push({
      field: "recipientNotifyHours",
      message:
        `The recipient's own ${h(r)} ${r === w ? "take the whole" : "are longer than the"} ${h(w)} window, ` +
        `leaving no time for its suppliers to tell it. ${remedies(input, tiers)}`,
    });
  }
  if (s !== null && s > w) {
    problems.push({
      field: "supplierHours",
      message: `Each supplier's ${h(s)} under ${requirementId} are longer than the whole chain's ${h(w)} window. ${remedies(
        input,
        tiers,
      )}`,
    });
  }
  if (problems.length === 0 && s !== null && totalHours > w) {
    problems.push({
      field: "supplierHours",
      message:
        `Recipient ${h(r)} + ${tiersWord(tiers)} × ${h(s)} = ${h(totalHours)}, more than the ${h(w)} window: ` +
        `a chain in which every supplier met ${requirementId} would still break it. ${remedies(input, tiers)}`,
    });
  }
  return {
    windowHours: w,
    parts,
    tiers,
    assumedTier: input.deepestTier < 1,
    totalHours,
    fits: problems.length === 0,
    problems,
  };
}

/** One line for the form: "Recipient 24 h + tier 1 24 h + tier 2 24 h = 72 h of the 72 h window." */
export function describeBreachBudget(budget: BreachBudget, requirementId: string): string {
  const { parts, totalHours, windowHours: w } = budget;
  if (parts.length === 1) {
    const left = w - totalHours;
    return (
      `Recipient ${h(totalHours)} of the ${h(w)} window` +
      (left > 0 ? `, leaving ${h(left)} for the suppliers` : "") +
      `. ${requirementId ? `${requirementId} is not part of this agreement, so no` : "No"} supplier is held to its own time.`
    );
  }
  const sum = parts.map((p) => `${p.label} ${h(p.hours)}`).join(" + ");
  const spare = w - totalHours;
  return (
    `${sum} = ${h(totalHours)} of the ${h(w)} window` +
    (spare > 0 ? ` (${h(spare)} to spare)` : spare < 0 ? ` (${h(-spare)} too many)` : "") +
    "." +
    (budget.assumedTier ? " The chain has no supplier yet: one tier is counted." : "")
  );
}

type Values = Record<string, string | string[]>;

/** A whole number of hours as typed, or null while it is not one. */
export function typedHours(raw: string | string[] | undefined): number | null {
  const text = (Array.isArray(raw) ? (raw[0] ?? "") : (raw ?? "")).trim();
  return /^\d{1,6}$/.test(text) ? Number(text) : null;
}

/** The deepest tier among the chain rows that name a supplier; 0 when none does. */
export function deepestTierOf(values: Values): number {
  let deepest = 0;
  for (const key of Object.keys(values)) {
    const m = /^chain\.(\d{1,3})\.tier$/.exec(key);
    if (!m) continue;
    const supplier = values[`chain.${m[1]}.supplierOrgId`];
    if (!supplier || (Array.isArray(supplier) ? !supplier[0] : supplier.trim() === "")) continue;
    const tier = typedHours(values[key]);
    if (tier !== null && tier >= 1 && tier <= 10) deepest = Math.max(deepest, tier);
  }
  return deepest;
}

export interface BreachRequirement {
  id: string;
  /** the parameter's default, used when its field is left empty */
  defaultHours: number | null;
}

/** The catalogue requirement whose parameter is each supplier's own time (FD-INC-01 in the shipped catalogue). */
export function findBreachRequirement(
  requirements: readonly { id: string; parameters: readonly { key: string; default?: unknown }[] }[],
): BreachRequirement | null {
  for (const r of requirements) {
    const spec = r.parameters.find((p) => p.key === SUPPLIER_NOTIFY_PARAM);
    if (spec) return { id: r.id, defaultHours: typeof spec.default === "number" ? spec.default : null };
  }
  return null;
}

/** The budget's input from form values as typed (the form's live line); null while a number is missing. */
export function breachInputFromValues(values: Values, requirement: BreachRequirement | null): BreachInput | null {
  const windowHours = typedHours(values.breachWindowHours);
  const recipientHours = typedHours(values.recipientNotifyHours);
  if (windowHours === null || recipientHours === null || windowHours < 1) return null;
  const ticked = requirement !== null && [values.requirements ?? []].flat().includes(requirement.id);
  let supplierHours: number | null = null;
  if (requirement && ticked) {
    const raw = values[`param.${requirement.id}.${SUPPLIER_NOTIFY_PARAM}`];
    const blank = raw === undefined || String(raw).trim() === "";
    supplierHours = blank ? requirement.defaultHours : typedHours(raw);
    if (supplierHours === null) return null;
  }
  return {
    windowHours,
    recipientHours,
    supplierHours,
    deepestTier: deepestTierOf(values),
    requirementId: requirement?.id ?? "",
  };
}
