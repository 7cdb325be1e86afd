/**
 * Loads the requirement catalogue and questionnaire templates shipped in
 * questionnaires/. The JSON files are imported statically so they end up in
 * the Remix server bundle: no filesystem path to resolve at run time.
 * Invalid data makes loading throw with every problem listed, so a broken
 * catalogue stops the server at start-up instead of mis-scoring suppliers.
 */
import catalogueJson from "./catalogue.json";
import fullSecurityJson from "./templates/full-security.json";
import shortLowRiskJson from "./templates/short-low-risk.json";
import deLocaleJson from "./locales/de.json";
import jaLocaleJson from "./locales/ja.json";
import arLocaleJson from "./locales/ar.json";
import deCatalogueJson from "./locales/catalogue.de.json";
import jaCatalogueJson from "./locales/catalogue.ja.json";
import arCatalogueJson from "./locales/catalogue.ar.json";
import {
  localiseCatalogue,
  validateCatalogueTranslation,
  type CatalogueLanguage,
  type CatalogueTranslation,
  type TranslatedCatalogueLanguage,
} from "./catalogue-locales";
import { contentHash, versionTag } from "./canonical";
import { QUESTIONNAIRE_LANGUAGES, SOURCE_LANGUAGE, TRANSLATED_LANGUAGES } from "./languages";
import { localiseSurvey, surveyLanguages, validateLocaleTable, type LocaleTable } from "./localise";
import { isQuestion, metaOf, titleOf, walkElements, type Json } from "./survey-walk";
import type { CatalogueRequirement, QuestionMeta, RequirementCatalogue, TemplateFile } from "./types";
import { validateCatalogue } from "./validate-catalogue";
import { validateTemplate, type CatalogueLike } from "./validate-template";

export { validateCatalogue } from "./validate-catalogue";
export { validateTemplate, type CatalogueLike } from "./validate-template";
export { canonicalJson, contentHash } from "./canonical";
export { validateLocaleTable, localiseSurvey, surveyLanguages, type LocaleTable } from "./localise";
export {
  CATALOGUE_LANGUAGES,
  localiseCatalogue,
  validateCatalogueTranslation,
  type CatalogueLanguage,
  type CatalogueTranslation,
} from "./catalogue-locales";

export interface LoadedCatalogue {
  version: string;
  /** first 12 hex characters of the SHA-256 of the canonical JSON */
  hash: string;
  /** `${version}+${hash}`: what an agreement pins */
  versionTag: string;
  requirements: CatalogueRequirement[];
  byId: Map<string, CatalogueRequirement>;
}

export interface QuestionInfo {
  name: string;
  /** the question's title, or its name when it has none */
  title: string;
  type: string;
  meta: QuestionMeta | null;
  isRequired: boolean;
  pageName: string;
  /** nearest enclosing panel or dynamic panel */
  parentPanel?: string;
  /** set when the question sits in a dynamic panel's template: its answer lives inside that panel's items */
  dynamicPanel?: string;
}

export interface LoadedTemplate extends TemplateFile {
  hash: string;
  versionTag: string;
  /** every question in document order, including those inside panels and dynamic panels */
  questions: QuestionInfo[];
  /** requirement ids that at least one judged question answers, sorted */
  coveredRequirementIds: string[];
  /** languages every text of the survey is available in, English first */
  languages: string[];
}

export interface PrepareTemplateOptions {
  /** translation tables merged into the survey; every localisable string must be in each of them */
  locales?: readonly LocaleTable[];
}

/** Template files shipped with the portal; the key must equal the template's id. */
const TEMPLATE_SOURCES: Record<string, unknown> = {
  "full-security": fullSecurityJson,
  "short-low-risk": shortLowRiskJson,
};

/** Translation files shipped with the portal, one per language other than English. */
const LOCALE_SOURCES: Record<string, unknown> = {
  de: deLocaleJson,
  ja: jaLocaleJson,
  ar: arLocaleJson,
};

/** Translations of the catalogue's texts, one per language other than English. */
const CATALOGUE_TRANSLATION_SOURCES: Record<TranslatedCatalogueLanguage, unknown> = {
  de: deCatalogueJson,
  ja: jaCatalogueJson,
  ar: arCatalogueJson,
};

function fail(what: string, errors: string[]): never {
  throw new Error(
    `${what} is invalid (${errors.length} problem${errors.length === 1 ? "" : "s"}):\n - ${errors.join("\n - ")}`,
  );
}

/** Callers share one cached copy, so it is frozen to keep anyone from editing it in place. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Validates and indexes catalogue data; throws listing every problem. */
export function prepareCatalogue(data: unknown): LoadedCatalogue {
  const errors = validateCatalogue(data);
  if (errors.length) fail("Requirement catalogue", errors);
  const catalogue = structuredClone(data) as RequirementCatalogue;
  const hash = contentHash(catalogue);
  return {
    version: catalogue.version,
    hash,
    versionTag: versionTag(catalogue.version, hash),
    requirements: catalogue.requirements,
    byId: new Map(catalogue.requirements.map((r) => [r.id, r])),
  };
}

/** Flattened list of the questions of a SurveyJS JSON. */
export function listQuestions(survey: Record<string, unknown>): QuestionInfo[] {
  return walkElements(survey as Json)
    .elements.filter(isQuestion)
    .map((el) => {
      const info: QuestionInfo = {
        name: el.name,
        title: titleOf(el.element, el.name),
        type: el.type,
        meta: metaOf(el.element),
        isRequired: el.element.isRequired === true,
        pageName: el.pageName,
      };
      if (el.parentPanel) info.parentPanel = el.parentPanel;
      if (el.dynamicPanel) info.dynamicPanel = el.dynamicPanel;
      return info;
    });
}

/**
 * Requirement ids a template can judge: those named by a question whose rule
 * is not "info", including questions repeated in a dynamic panel.
 */
export function answerableRequirementIds(template: TemplateFile | LoadedTemplate): string[] {
  const questions = "questions" in template ? template.questions : listQuestions(template.survey);
  const ids = new Set<string>();
  for (const q of questions) {
    if (q.meta && q.meta.judge.kind !== "info") for (const id of q.meta.requirements) ids.add(id);
  }
  return [...ids].sort();
}

/**
 * Validates a template against a catalogue, merges the translations and
 * computes its derived fields; throws listing every problem. The hash covers
 * the translations, so a changed translation is a new version.
 */
export function prepareTemplate(
  data: unknown,
  catalogue: CatalogueLike,
  options: PrepareTemplateOptions = {},
): LoadedTemplate {
  const label = `Questionnaire template ${(data as { id?: unknown })?.id ?? "(no id)"}`;
  const errors = validateTemplate(data, catalogue);
  if (errors.length) fail(label, errors);
  const file = structuredClone(data) as TemplateFile;
  if (options.locales?.length) {
    const localised = localiseSurvey(file.survey, options.locales, `template ${file.id}`);
    if (localised.errors.length) fail(label, localised.errors);
    file.survey = localised.survey;
  }
  const hash = contentHash(file);
  const questions = listQuestions(file.survey);
  const loaded: LoadedTemplate = {
    id: file.id,
    title: file.title,
    version: file.version,
    description: file.description,
    survey: file.survey,
    hash,
    versionTag: versionTag(file.version, hash),
    questions,
    coveredRequirementIds: [],
    languages: surveyLanguages(
      file.survey,
      QUESTIONNAIRE_LANGUAGES.map((l) => l.code),
    ),
  };
  loaded.coveredRequirementIds = answerableRequirementIds(loaded);
  return loaded;
}

let catalogueCache: LoadedCatalogue | undefined;
let templatesCache: LoadedTemplate[] | undefined;
let localesCache: LocaleTable[] | undefined;

/**
 * Validates translation tables: one per translated language, well formed,
 * and (given the templates' English texts) without entries no template uses.
 */
export function prepareLocales(sources: Record<string, unknown>): LocaleTable[] {
  const errors: string[] = [];
  for (const code of TRANSLATED_LANGUAGES) if (!(code in sources)) errors.push(`locales/${code}.json is missing`);
  for (const [code, data] of Object.entries(sources)) {
    if (!(TRANSLATED_LANGUAGES as string[]).includes(code))
      errors.push(`locales/${code}.json is for a language the portal does not offer`);
    else errors.push(...validateLocaleTable(data, code));
  }
  if (errors.length) fail("Questionnaire translations", errors);
  return TRANSLATED_LANGUAGES.map((code) => structuredClone(sources[code]) as LocaleTable);
}

/** The shipped translation tables, validated once and cached. */
export function loadLocales(): LocaleTable[] {
  localesCache ??= deepFreeze(prepareLocales(LOCALE_SOURCES));
  return localesCache;
}

/** The shipped catalogue, validated once and cached. Treat it as read-only. */
export function loadCatalogue(): LoadedCatalogue {
  catalogueCache ??= deepFreeze(prepareCatalogue(catalogueJson));
  return catalogueCache;
}

/**
 * Validates the catalogue translations against an English catalogue; throws
 * listing every problem (a requirement or parameter left untranslated, a
 * description whose placeholders differ from the English).
 */
export function prepareCatalogueTranslations(
  sources: Record<TranslatedCatalogueLanguage, unknown>,
  english: Pick<RequirementCatalogue, "requirements">,
): Record<TranslatedCatalogueLanguage, CatalogueTranslation> {
  const errors = (Object.keys(sources) as TranslatedCatalogueLanguage[]).flatMap((code) =>
    validateCatalogueTranslation(sources[code], code, english),
  );
  if (errors.length) fail("Requirement catalogue translations", errors);
  return structuredClone(sources) as Record<TranslatedCatalogueLanguage, CatalogueTranslation>;
}

const localisedCatalogues = new Map<CatalogueLanguage, LoadedCatalogue>();

/**
 * The shipped catalogue with its texts (titles, descriptions, parameter
 * labels, evidence) in `language`, for pages to show. Same version, hash and
 * versionTag as loadCatalogue(): anything stored, pinned, hashed or scored
 * must use loadCatalogue(), the English source, never this.
 */
export function catalogueFor(language: CatalogueLanguage): LoadedCatalogue {
  const cached = localisedCatalogues.get(language);
  if (cached) return cached;
  const english = loadCatalogue();
  let localised = english;
  if (language !== "en") {
    const translations = prepareCatalogueTranslations(CATALOGUE_TRANSLATION_SOURCES, english);
    localised = deepFreeze(localiseCatalogue(english, translations[language]));
  }
  localisedCatalogues.set(language, localised);
  return localised;
}

/** One requirement's texts in `language`; undefined for an id not in the catalogue. */
export function requirementText(
  id: string,
  language: CatalogueLanguage,
): Pick<CatalogueRequirement, "title" | "description" | "parameters" | "evidence"> | undefined {
  const r = catalogueFor(language).byId.get(id);
  return r && { title: r.title, description: r.description, parameters: r.parameters, evidence: r.evidence };
}

/**
 * The title to show for a requirement whose English title was stored (in a
 * scoring result, a pinned catalogue): its translation when the stored title
 * is the shipped English one, else the stored title, so a title from an
 * older catalogue is never replaced by a translation of a different text.
 */
export function requirementTitle(id: string, storedTitle: string, language: CatalogueLanguage): string {
  if (loadCatalogue().byId.get(id)?.title !== storedTitle) return storedTitle;
  return catalogueFor(language).byId.get(id)?.title ?? storedTitle;
}

/** The shipped templates, validated against the shipped catalogue once and cached. */
export function loadTemplates(): LoadedTemplate[] {
  if (templatesCache) return templatesCache;
  const catalogue = loadCatalogue();
  const locales = loadLocales();
  const errors: string[] = [];
  const loaded: LoadedTemplate[] = [];
  for (const [fileId, data] of Object.entries(TEMPLATE_SOURCES)) {
    try {
      const template = prepareTemplate(data, catalogue, { locales });
      if (template.id !== fileId)
        errors.push(`templates/${fileId}.json declares id "${template.id}"; the id must match the file name`);
      loaded.push(template);
    } catch (e) {
      errors.push((e as Error).message);
    }
  }
  errors.push(...unusedTranslations(Object.values(TEMPLATE_SOURCES), locales));
  if (errors.length) fail("Questionnaire templates", errors);
  templatesCache = deepFreeze(loaded);
  return templatesCache;
}

/** Table entries that no template's English text uses any more: a sign the English changed and the translation was left behind. */
export function unusedTranslations(templates: readonly unknown[], locales: readonly LocaleTable[]): string[] {
  const used = new Map<string, Set<string>>(locales.map((t) => [t.language, new Set<string>()]));
  for (const data of templates) {
    const survey = (data as { survey?: unknown })?.survey;
    if (!survey || typeof survey !== "object") continue;
    const merged = localiseSurvey(survey as Json, locales, "");
    for (const [language, texts] of merged.used) for (const text of texts) used.get(language)!.add(text);
  }
  // a template's own title (lists, page headings) is translated through the same tables
  for (const data of templates) {
    const title = (data as { title?: unknown })?.title;
    if (typeof title === "string") for (const table of locales) used.get(table.language)!.add(title);
  }
  const errors: string[] = [];
  for (const table of locales) {
    for (const source of Object.keys(table.strings)) {
      if (!used.get(table.language)!.has(source))
        errors.push(`locales/${table.language}.json translates ${JSON.stringify(source)}, which no template uses`);
    }
  }
  return errors;
}

export function getTemplate(id: string): LoadedTemplate | undefined {
  return loadTemplates().find((t) => t.id === id);
}

/**
 * A questionnaire text in `language`, for pages to show: a SurveyJS
 * localisation map's own translation, else the shipped tables' translation
 * of its English, else the English itself. Null for an empty text.
 */
export function questionnaireText(text: unknown, language: string): string | null {
  let english: string | null = null;
  if (typeof text === "string") english = text;
  else if (text && typeof text === "object" && !Array.isArray(text)) {
    const map = text as Record<string, unknown>;
    const own = map[language];
    if (language !== SOURCE_LANGUAGE && typeof own === "string" && own.trim() !== "") return own;
    const source = map.default ?? map[SOURCE_LANGUAGE];
    if (typeof source === "string") english = source;
  }
  if (english === null || english.trim() === "") return null;
  return translatedText(english, language) ?? english;
}

/** The shipped tables' translation of an English questionnaire text, if they have one. */
export function translatedText(english: string, language: string): string | undefined {
  if (language === SOURCE_LANGUAGE) return undefined;
  const table = loadLocales().find((t) => t.language === language);
  return table && Object.hasOwn(table.strings, english) ? table.strings[english] : undefined;
}

/**
 * A template's title in `language`: the shipped translation of its English
 * title, else the title as it is (an imported template keeps its own).
 */
export function templateTitleIn(title: string, language: string): string {
  return translatedText(title, language) ?? title;
}
