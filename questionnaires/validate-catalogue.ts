/**
 * Validation of the requirement catalogue. Returns human-readable problems;
 * an empty list means the catalogue is usable.
 */
import { forbiddenKeys } from "./mongo-keys";
import { CatalogueEnvelopeSchema, NUMERIC_PARAMETER_TYPES, RequirementSchema, formatIssues } from "./schema";
import { isObject } from "./survey-walk";
import type { CatalogueRequirement, ParameterSpec } from "./types";

const PLACEHOLDER_RE = /\{([^{}]*)\}/g;
const HAS_PLACEHOLDER_RE = /\{[^{}]*\}/;
const COUNTRY_RE = /^[A-Z]{2}$/;

function label(raw: unknown, index: number): string {
  const id = isObject(raw) && typeof raw.id === "string" ? raw.id : null;
  return id ? `requirement ${id}` : `requirement #${index + 1}`;
}

function checkParameter(p: ParameterSpec, where: string): string[] {
  const errors: string[] = [];
  const at = `${where}: parameter ${p.key}`;
  const numeric = NUMERIC_PARAMETER_TYPES.has(p.type);
  if (numeric) {
    if (typeof p.default !== "number" || !Number.isInteger(p.default) || p.default < 0) {
      errors.push(`${at}: default ${JSON.stringify(p.default)} must be a non-negative whole number for type ${p.type}`);
    }
    if (p.min !== undefined && p.max !== undefined && p.min > p.max) {
      errors.push(`${at}: min ${p.min} is greater than max ${p.max}`);
    }
    if (typeof p.default === "number") {
      if (p.min !== undefined && p.default < p.min) errors.push(`${at}: default ${p.default} is below min ${p.min}`);
      if (p.max !== undefined && p.default > p.max) errors.push(`${at}: default ${p.default} is above max ${p.max}`);
    }
    return errors;
  }
  if (p.min !== undefined || p.max !== undefined) {
    errors.push(`${at}: min/max apply only to numeric types (hours, days, months, count), not ${p.type}`);
  }
  switch (p.type) {
    case "countries":
      if (!Array.isArray(p.default) || p.default.some((c) => !COUNTRY_RE.test(c))) {
        errors.push(`${at}: default must be a list of ISO 3166-1 alpha-2 codes such as "DE"`);
      }
      break;
    case "transferMechanisms":
      if (!Array.isArray(p.default)) errors.push(`${at}: default must be a list of transfer mechanisms`);
      break;
    case "boolean":
      if (typeof p.default !== "boolean") errors.push(`${at}: default must be true or false`);
      break;
    case "standard":
    case "text":
      if (typeof p.default !== "string" || !p.default.trim()) errors.push(`${at}: default must be a non-empty text`);
      break;
  }
  return errors;
}

function checkRequirement(r: CatalogueRequirement, where: string): string[] {
  const errors: string[] = [];
  const keys = new Set<string>();
  for (const p of r.parameters) {
    if (keys.has(p.key)) errors.push(`${where}: parameter ${p.key} is declared twice`);
    keys.add(p.key);
    errors.push(...checkParameter(p, where));
  }
  for (const [, key] of r.description.matchAll(PLACEHOLDER_RE)) {
    if (!keys.has(key))
      errors.push(`${where}: description mentions {${key}} but the requirement declares no such parameter`);
  }
  // titles are shown verbatim in lists and reports, so they must not need substitution
  if (HAS_PLACEHOLDER_RE.test(r.title))
    errors.push(`${where}: title must not contain {placeholders}; use them in the description`);
  const controls = new Set<string>();
  for (const c of r.isoControls) {
    if (controls.has(c)) errors.push(`${where}: ISO control ${c} is listed twice`);
    controls.add(c);
  }
  return errors;
}

export function validateCatalogue(data: unknown): string[] {
  const errors = forbiddenKeys(data, "catalogue");
  const envelope = CatalogueEnvelopeSchema.safeParse(data);
  if (!envelope.success) return [...errors, ...formatIssues(envelope.error, "catalogue")];

  const seen = new Set<string>();
  envelope.data.requirements.forEach((raw, i) => {
    const where = label(raw, i);
    const parsed = RequirementSchema.safeParse(raw);
    if (!parsed.success) {
      errors.push(...formatIssues(parsed.error, where));
      return;
    }
    const r = parsed.data as CatalogueRequirement;
    if (seen.has(r.id)) errors.push(`${where}: duplicate requirement id ${r.id}`);
    seen.add(r.id);
    errors.push(...checkRequirement(r, where));
  });
  return errors;
}
