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
 * parseAgreementForm refuses with it, each in the reader's language through
 * the translator it is given (useT's t, the server's t).
 */

import type { Say } from "./say";

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

/** Hours in words ("24 h"), the number in the reader's locale. */
const h = (say: Say, hours: number) => say("matrix.breach.hours", { hours });

/** "a, b or c" in the reader's language. */
function orList(say: Say, items: string[]): string {
  if (items.length <= 1) return items.join("");
  return say("matrix.breach.orList", {
    first: items.slice(0, -1).join(say("matrix.breach.listSeparator")),
    last: items[items.length - 1],
  });
}

/** The values that would fit, each changing one of the three while the other two stay as typed. */
function remedies(say: Say, input: BreachInput, tiers: number): string {
  const { windowHours: w, recipientHours: r } = input;
  const s = input.supplierHours ?? 0;
  const options: string[] = [];
  const supplierShare = input.supplierHours === null ? 0 : s * tiers;
  const recipientMax = input.supplierHours === null ? w - 1 : w - supplierShare;
  if (recipientMax >= 1 && recipientMax < r)
    options.push(say("matrix.breach.remedy.recipient", { hours: h(say, recipientMax) }));
  if (input.supplierHours !== null && r < w) {
    const supplierMax = Math.floor((w - r) / tiers);
    if (supplierMax >= 1 && supplierMax < s)
      options.push(say("matrix.breach.remedy.supplier", { hours: h(say, supplierMax) }));
  }
  const windowMin = input.supplierHours === null ? r + 1 : r + supplierShare;
  if (windowMin <= MAX_WINDOW_HOURS && windowMin > w)
    options.push(say("matrix.breach.remedy.window", { hours: h(say, windowMin) }));
  return options.length > 0
    ? say("matrix.breach.remedy.fits", { options: orList(say, options) })
    : say("matrix.breach.remedy.none");
}

/** The composed budget and what contradicts it, in the words `say` gives (the reader's language). */
export function composeBreachBudget(input: BreachInput, say: Say): BreachBudget {
  const { windowHours: w, recipientHours: r, supplierHours: s, requirementId } = input;
  const tiers = Math.max(1, input.deepestTier);
  const parts = [{ label: say("matrix.breach.recipient"), hours: r }];
  if (s !== null)
    for (let tier = 1; tier <= tiers; tier++) parts.push({ label: say("matrix.breach.tier", { tier }), hours: s });
  const totalHours = parts.reduce((sum, part) => sum + part.hours, 0);
  const problems: BreachBudget["problems"] = [];

  if (r >= w) {
    problems.push({
      field: "recipientNotifyHours",
      message: say(r === w ? "matrix.breach.problem.recipientWhole" : "matrix.breach.problem.recipientLonger", {
        recipient: h(say, r),
        window: h(say, w),
        remedy: remedies(say, input, tiers),
      }),
    });
  }
  if (s !== null && s > w) {
    problems.push({
      field: "supplierHours",
      message: say("matrix.breach.problem.supplierLonger", {
        supplier: h(say, s),
        requirement: requirementId,
        window: h(say, w),
        remedy: remedies(say, input, tiers),
      }),
    });
  }
  if (problems.length === 0 && s !== null && totalHours > w) {
    problems.push({
      field: "supplierHours",
      message: say("matrix.breach.problem.total", {
        recipient: h(say, r),
        tiers: say("matrix.breach.tiers", { count: tiers }),
        supplier: h(say, s),
        total: h(say, totalHours),
        window: h(say, w),
        requirement: requirementId,
        remedy: remedies(say, input, tiers),
      }),
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
export function describeBreachBudget(budget: BreachBudget, requirementId: string, say: Say): string {
  const { parts, totalHours, windowHours: w } = budget;
  if (parts.length === 1) {
    const left = w - totalHours;
    const line =
      left > 0
        ? say("matrix.breach.line.aloneLeaving", {
            recipient: h(say, totalHours),
            window: h(say, w),
            left: h(say, left),
          })
        : say("matrix.breach.line.alone", { recipient: h(say, totalHours), window: h(say, w) });
    const held = requirementId
      ? say("matrix.breach.line.notPart", { requirement: requirementId })
      : say("matrix.breach.line.noRequirement");
    return `${line} ${held}`;
  }
  const sum = parts.map((p) => `${p.label} ${h(say, p.hours)}`).join(" + ");
  const spare = w - totalHours;
  const values = { sum, total: h(say, totalHours), window: h(say, w) };
  const line =
    spare > 0
      ? say("matrix.breach.line.spare", { ...values, spare: h(say, spare) })
      : spare < 0
        ? say("matrix.breach.line.over", { ...values, over: h(say, -spare) })
        : say("matrix.breach.line.exact", values);
  return budget.assumedTier ? `${line} ${say("matrix.breach.line.assumedTier")}` : line;
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
