/**
 * Translations of questionnaire templates. Templates are written in English;
 * questionnaires/locales/<code>.json holds, per language, a table from each
 * English text to its translation. The loader turns every localisable string
 * of a template into a SurveyJS localisation map ({ default, de, ja }), so
 * the survey shows the supplier's language while choice values, and with
 * them the answers and the scoring, stay the same in every language.
 *
 * The tables are keyed by the English text rather than by question name: the
 * same text ("Yes", a country) is translated once, and when an English text
 * changes its old translation no longer matches, so loading fails until the
 * translation is updated instead of showing a stale one.
 */
import { isObject, type Json } from "./survey-walk";

/** SurveyJS properties whose values are shown to the supplier (localizable: true in survey-core). */
export const LOCALISABLE_KEYS: ReadonlySet<string> = new Set([
  "title",
  "description",
  "text", // choice items and validators
  "completeText",
  "pagePrevText",
  "pageNextText",
  "startSurveyText",
  "completedHtml",
  "html",
  "labelTrue",
  "labelFalse",
  "placeholder",
  "noneText",
  "otherText",
  "otherPlaceholder",
  "commentText",
  "templateTitle",
  "templateTabTitle",
  "addPanelText",
  "removePanelText",
  "panelAddText",
  "panelRemoveText",
  "noEntriesText",
  "requiredErrorText",
  "minRateDescription",
  "maxRateDescription",
]);

/** Subtrees that hold Flowdown metadata, never text for the supplier. */
const SKIPPED_KEYS: ReadonlySet<string> = new Set(["flowdown"]);

export interface LocaleTable {
  language: string;
  /** English text → translation */
  strings: Record<string, string>;
}

export interface LocalisableString {
  holder: Json;
  key: string;
  value: unknown;
  /** JSON path, for messages */
  path: string;
}

/** Every localisable property of a survey JSON, in document order. */
export function localisableStrings(survey: Json): LocalisableString[] {
  const out: LocalisableString[] = [];
  const visit = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${path}[${i}]`));
      return;
    }
    if (!isObject(value)) return;
    for (const [key, child] of Object.entries(value)) {
      if (SKIPPED_KEYS.has(key)) continue;
      const childPath = path ? `${path}.${key}` : key;
      if (LOCALISABLE_KEYS.has(key) && (typeof child === "string" || isLocalisationMap(child)))
        out.push({ holder: value, key, value: child, path: childPath });
      else visit(child, childPath);
    }
  };
  visit(survey, "");
  return out;
}

/** A SurveyJS localisation map: { default: "...", de: "...", ... } with string values only. */
export function isLocalisationMap(value: unknown): value is Record<string, string> {
  return (
    isObject(value) && typeof value.default === "string" && Object.values(value).every((v) => typeof v === "string")
  );
}

const PLACEHOLDER_RE = /\{[^{}]+\}/g;

function placeholders(text: string): string {
  return [...(text.match(PLACEHOLDER_RE) ?? [])].sort().join(" ");
}

/** Problems in a locale file: shape, empty translations, placeholders that differ from the English text. */
export function validateLocaleTable(data: unknown, expectedLanguage: string): string[] {
  const where = `locales/${expectedLanguage}.json`;
  if (!isObject(data)) return [`${where}: expected an object with "language" and "strings"`];
  const errors: string[] = [];
  if (data.language !== expectedLanguage)
    errors.push(`${where}: "language" is ${JSON.stringify(data.language)}, expected "${expectedLanguage}"`);
  if (!isObject(data.strings))
    return [...errors, `${where}: "strings" must be an object of English text → translation`];
  for (const [source, translation] of Object.entries(data.strings)) {
    if (typeof translation !== "string" || translation.trim() === "") {
      errors.push(`${where}: the translation of ${JSON.stringify(source)} is empty`);
      continue;
    }
    if (placeholders(source) !== placeholders(translation)) {
      errors.push(
        `${where}: the translation of ${JSON.stringify(source)} must keep the placeholders ${placeholders(source) || "(none)"}; it has ${placeholders(translation) || "none"}`,
      );
    }
  }
  return errors;
}

/**
 * A copy of the survey with every localisable string turned into a map with
 * a translation for each table's language. Strings that already are maps
 * must carry every required language themselves.
 */
export function localiseSurvey(
  survey: Json,
  tables: readonly LocaleTable[],
  where: string,
): { survey: Json; errors: string[]; used: Map<string, Set<string>> } {
  const copy = structuredClone(survey);
  const errors: string[] = [];
  const used = new Map<string, Set<string>>(tables.map((t) => [t.language, new Set<string>()]));
  for (const s of localisableStrings(copy)) {
    if (typeof s.value === "string") {
      if (s.value.trim() === "") continue;
      const map: Record<string, string> = { default: s.value };
      for (const table of tables) {
        const translation = Object.hasOwn(table.strings, s.value) ? table.strings[s.value] : undefined;
        if (translation === undefined)
          errors.push(`${where}: ${s.path}: no ${table.language} translation of ${JSON.stringify(s.value)}`);
        else {
          map[table.language] = translation;
          used.get(table.language)!.add(s.value);
        }
      }
      s.holder[s.key] = map;
    } else {
      const map = s.value as Record<string, string>;
      for (const table of tables) {
        if (!map[table.language]?.trim())
          errors.push(`${where}: ${s.path}: the localised text has no ${table.language} translation`);
      }
    }
  }
  return { survey: copy, errors, used };
}

/**
 * The languages a survey can be shown in completely: English plus every
 * language that each of its localisable strings has a translation for.
 */
export function surveyLanguages(survey: Json, candidates: readonly string[]): string[] {
  const strings = localisableStrings(survey).filter((s) => !(typeof s.value === "string" && s.value.trim() === ""));
  return candidates.filter(
    (code) =>
      code === "en" ||
      (strings.length > 0 &&
        strings.every(
          (s) => isLocalisationMap(s.value) && typeof s.value[code] === "string" && s.value[code].trim() !== "",
        )),
  );
}
