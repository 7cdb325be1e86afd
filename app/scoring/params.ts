/** Agreement parameters: catalogue defaults overlaid with the agreement's own values. */
import type { CatalogueRequirement, ParameterSpec } from "#questionnaires/types";
import { said, sourceText, type Said } from "./said";
import type { AgreementRequirementInput, ParamValue } from "./types";

export function resolveParams(
  requirement: CatalogueRequirement,
  agreementParams: AgreementRequirementInput["params"] | undefined,
): Record<string, ParamValue> {
  const params: Record<string, ParamValue> = {};
  for (const spec of requirement.parameters) params[spec.key] = spec.default;
  for (const [key, value] of Object.entries(agreementParams ?? {})) {
    // an explicit undefined (e.g. from a form that left the field empty) must not erase the default
    if (value !== undefined) params[key] = value;
  }
  return params;
}

const catalogueIndexes = new WeakMap<readonly CatalogueRequirement[], Map<string, CatalogueRequirement>>();

/** Requirement id → catalogue entry, built once per catalogue array. */
export function indexCatalogue(catalogue: readonly CatalogueRequirement[]): Map<string, CatalogueRequirement> {
  const cached = catalogueIndexes.get(catalogue);
  if (cached) return cached;
  const byId = new Map<string, CatalogueRequirement>();
  for (const requirement of catalogue) {
    if (byId.has(requirement.id)) throw new Error(`Catalogue lists requirement ${requirement.id} twice`);
    byId.set(requirement.id, requirement);
  }
  catalogueIndexes.set(catalogue, byId);
  return byId;
}

export type Unit = "h" | "days" | "months" | "";

/** Unit suffix for a parameter, read from its key (notifyWithinHours → "h"). */
export function unitOfParam(key: string): Unit {
  if (/hours$/i.test(key)) return "h";
  if (/days$/i.test(key)) return "days";
  if (/months$/i.test(key)) return "months";
  return "";
}

/** The unit of a parameter: its catalogue type when known, else read from its key. */
export function unitOf(key: string, spec: Pick<ParameterSpec, "type"> | undefined): Unit {
  if (spec?.type === "hours") return "h";
  if (spec?.type === "days") return "days";
  if (spec?.type === "months") return "months";
  return spec ? "" : unitOfParam(key);
}

const UNIT_SUFFIX = /\s*\((hours?|h|days?|months?)\)\s*$/i;

/**
 * A parameter as a reason names it: its catalogue label, without the unit
 * in brackets that the label carries for the agreement form, because the
 * value beside it is given with its unit ("24 h or less (Breach notification
 * window)"). Without a catalogue entry, the key in words.
 */
export function paramLabel(key: string, spec: Pick<ParameterSpec, "label"> | undefined): string {
  const label = spec?.label.trim();
  if (label) return label.replace(UNIT_SUFFIX, "") || label;
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/^./, (first) => first.toUpperCase());
}

/** A parameter's label as a reason names it, said in the reader's language when the catalogue translates it. */
export function paramName(key: string, spec: Pick<ParameterSpec, "label"> | undefined): { text: string } {
  return sourceText(paramLabel(key, spec));
}

/** "24 h", "DE, FR", "yes": a parameter value with its unit, for lists of the agreement's values. */
export function formatParamValue(value: ParamValue, unit: Unit): string {
  if (typeof value === "number") return formatQuantity(value, unit);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.length > 0 ? value.join(", ") : "none";
  return value;
}

/** A number as reasons give it: whole, or rounded to two decimals. */
export function roundNumber(value: number): number {
  return Number.isInteger(value) ? value : Math.round(value * 100) / 100;
}

export function formatNumber(value: number): string {
  return String(roundNumber(value));
}

/** "24 h", "1 day", "30 days", "12" */
export function formatQuantity(value: number, unit: Unit): string {
  const n = formatNumber(value);
  if (unit === "") return n;
  if (unit === "h") return `${n} h`;
  return `${n} ${value === 1 ? unit.slice(0, -1) : unit}`;
}

/** "24 h", "1 day", "30 days", "12" as a message, said with the reader's numbers and plurals. */
export function quantity(value: number, unit: Unit): Said {
  const n = roundNumber(value);
  switch (unit) {
    case "h":
      return said("rules.quantity.hours", { n });
    case "days":
      return said("rules.quantity.days", { n });
    case "months":
      return said("rules.quantity.months", { n });
    default:
      return said("rules.quantity.number", { n });
  }
}
