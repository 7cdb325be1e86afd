/**
 * Translations of the requirement catalogue. catalogue.json is written in
 * English and stays the only source of truth for everything stored, pinned,
 * hashed or scored (versionTag, an assessment's pinned catalogue, scoring
 * input, reports). questionnaires/locales/catalogue.<code>.json holds, per
 * language, the texts a page shows of each requirement: title, description
 * (with the same {parameter} placeholders), each parameter's label and
 * description, and the evidence items, keyed by requirement id and parameter
 * key. A localised catalogue keeps the English one's version, hash and
 * versionTag: only the displayed texts change.
 */
import type { LoadedCatalogue } from "./loader";
import type { CatalogueRequirement, RequirementCatalogue } from "./types";

/** The languages the catalogue is shown in; English is the source. */
export const CATALOGUE_LANGUAGES = ["en", "de", "ja", "ar"] as const;
export type CatalogueLanguage = (typeof CATALOGUE_LANGUAGES)[number];
export type TranslatedCatalogueLanguage = Exclude<CatalogueLanguage, "en">;

export interface RequirementTranslation {
  title: string;
  description: string;
  /** by parameter key; `description` only where the English parameter has one */
  parameters: Record<string, { label: string; description?: string }>;
  /** in the order of the English evidence list, one per item */
  evidence: string[];
}

export interface CatalogueTranslation {
  language: TranslatedCatalogueLanguage;
  /** by requirement id */
  requirements: Record<string, RequirementTranslation>;
}

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

function placeholders(text: string): string {
  return [...text.matchAll(PLACEHOLDER)]
    .map((m) => m[1])
    .sort()
    .join(",");
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Every problem of a translation table against the English catalogue: a
 * requirement, parameter or evidence item missing, left empty or left over,
 * or a description whose {placeholders} differ from the English.
 */
export function validateCatalogueTranslation(
  data: unknown,
  language: TranslatedCatalogueLanguage,
  english: Pick<RequirementCatalogue, "requirements">,
): string[] {
  const where = `locales/catalogue.${language}.json`;
  if (!isObject(data)) return [`${where}: not an object`];
  const errors: string[] = [];
  if (data.language !== language)
    errors.push(`${where}: "language" is ${JSON.stringify(data.language)}, expected "${language}"`);
  const table = isObject(data.requirements) ? data.requirements : {};
  if (!isObject(data.requirements)) errors.push(`${where}: "requirements" is not an object`);
  const text = (value: unknown, what: string, source: string) => {
    if (typeof value !== "string" || !value.trim()) {
      errors.push(`${where}: ${what} is missing or empty`);
      return;
    }
    if (placeholders(value) !== placeholders(source))
      errors.push(`${where}: ${what} must have the placeholders of the English {${placeholders(source)}}`);
  };
  const known = new Set(english.requirements.map((r) => r.id));
  for (const id of Object.keys(table)) if (!known.has(id)) errors.push(`${where}: ${id} is not in the catalogue`);
  for (const r of english.requirements) {
    const entry = table[r.id];
    if (!isObject(entry)) {
      errors.push(`${where}: ${r.id} is not translated`);
      continue;
    }
    text(entry.title, `${r.id} title`, r.title);
    text(entry.description, `${r.id} description`, r.description);
    const params = isObject(entry.parameters) ? entry.parameters : {};
    const keys = new Set(r.parameters.map((p) => p.key));
    for (const key of Object.keys(params)) if (!keys.has(key)) errors.push(`${where}: ${r.id} has no parameter ${key}`);
    for (const p of r.parameters) {
      const t = params[p.key];
      if (!isObject(t)) {
        errors.push(`${where}: ${r.id} parameter ${p.key} is not translated`);
        continue;
      }
      text(t.label, `${r.id} parameter ${p.key} label`, p.label);
      if (p.description !== undefined) text(t.description, `${r.id} parameter ${p.key} description`, p.description);
      else if (t.description !== undefined)
        errors.push(`${where}: ${r.id} parameter ${p.key} has a description the English has not`);
    }
    const evidence = Array.isArray(entry.evidence) ? entry.evidence : [];
    if (evidence.length !== r.evidence.length)
      errors.push(`${where}: ${r.id} has ${evidence.length} evidence items, the English ${r.evidence.length}`);
    else r.evidence.forEach((item, i) => text(evidence[i], `${r.id} evidence ${i + 1}`, item));
  }
  return errors;
}

/** One requirement with its texts in the translation's language; everything else unchanged. */
export function localiseRequirement(
  requirement: CatalogueRequirement,
  translation: RequirementTranslation,
): CatalogueRequirement {
  return {
    ...requirement,
    title: translation.title,
    description: translation.description,
    parameters: requirement.parameters.map((p) => {
      const t = translation.parameters[p.key];
      return p.description === undefined
        ? { ...p, label: t.label }
        : { ...p, label: t.label, description: t.description ?? p.description };
    }),
    evidence: requirement.evidence.map((item, i) => translation.evidence[i] ?? item),
  };
}

/**
 * The catalogue with its texts in `translation`'s language (the English
 * catalogue itself for none). Version, hash and versionTag stay those of the
 * English source: pin and hash only the English catalogue, never this one.
 */
export function localiseCatalogue(
  catalogue: LoadedCatalogue,
  translation: CatalogueTranslation | null | undefined,
): LoadedCatalogue {
  if (!translation) return catalogue;
  const requirements = catalogue.requirements.map((r) => {
    const t = translation.requirements[r.id];
    return t ? localiseRequirement(r, t) : r;
  });
  return { ...catalogue, requirements, byId: new Map(requirements.map((r) => [r.id, r])) };
}
