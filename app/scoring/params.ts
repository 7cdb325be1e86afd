/** Agreement parameters: catalogue defaults overlaid with the agreement's own values. */
import type { CatalogueRequirement } from "#questionnaires/types";
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

/** Unit suffix for a parameter, read from its key (notifyWithinHours → "h"). */
export function unitOfParam(key: string): "h" | "days" | "months" | "" {
  if (/hours$/i.test(key)) return "h";
  if (/days$/i.test(key)) return "days";
  if (/months$/i.test(key)) return "months";
  return "";
}

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

/** "24 h", "1 day", "30 days", "12" */
export function formatQuantity(value: number, unit: ReturnType<typeof unitOfParam>): string {
  const n = formatNumber(value);
  if (unit === "") return n;
  if (unit === "h") return `${n} h`;
  return `${n} ${value === 1 ? unit.slice(0, -1) : unit}`;
}
