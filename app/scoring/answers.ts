/**
 * Answers in the words the supplier saw: a choice by its text, not its
 * stored value ("TLS 1.3", not "tls13"), a yes/no by its label, a file by
 * its name, a panel by its fields. Texts are the template's default
 * language, so a stored reason reads the same whoever answered in German.
 * A page can pass an AnswerWording to read the same answers in its reader's
 * language; what the supplier typed is never translated.
 */
import type { TemplateFile } from "#questionnaires/types";
import type { AnswerJudgement } from "./types";
import { indexTemplate, isUnanswered, titleOf, walkSurvey, type SurveyElement } from "./template";

/** A SurveyJS text: a string, or a localisation map { default, de, ja }. */
export function defaultText(text: unknown): string | null {
  if (typeof text === "string") return text.trim() === "" ? null : text;
  if (text && typeof text === "object" && !Array.isArray(text)) {
    const localised = text as Record<string, unknown>;
    const found = localised.default ?? localised.en ?? Object.values(localised).find((v) => typeof v === "string");
    if (typeof found === "string" && found.trim() !== "") return found;
  }
  return null;
}

/**
 * How answers are put into words: which language a questionnaire text is
 * read in, and the words for what the questionnaire itself does not say.
 */
export interface AnswerWording {
  /** a SurveyJS text (string or localisation map) in the reader's language; null when empty */
  text(text: unknown): string | null;
  yes: string;
  no: string;
  none: string;
  other: string;
  notAnswered: string;
  unnamedFile: string;
}

/** The template's default language: what scoring stores. */
export const SOURCE_WORDING: AnswerWording = {
  text: defaultText,
  yes: "Yes",
  no: "No",
  none: "None",
  other: "Other",
  notAnswered: "not answered",
  unnamedFile: "unnamed file",
};

const choiceTables = new WeakMap<SurveyElement, ReadonlyMap<string, string>>();

/** value → text of a question's choices, the "none" and "other" items included. */
export function choiceTexts(
  element: SurveyElement,
  wording: AnswerWording = SOURCE_WORDING,
): ReadonlyMap<string, string> {
  const source = wording === SOURCE_WORDING;
  const cached = source ? choiceTables.get(element) : undefined;
  if (cached) return cached;
  const table = new Map<string, string>();
  if (Array.isArray(element.choices)) {
    for (const choice of element.choices as unknown[]) {
      if (typeof choice === "string" || typeof choice === "number") {
        table.set(String(choice), String(choice));
      } else if (choice && typeof choice === "object" && "value" in choice) {
        const { value, text } = choice as { value: unknown; text?: unknown };
        if (typeof value === "string" || typeof value === "number") {
          table.set(String(value), wording.text(text) ?? String(value));
        }
      }
    }
  }
  if (element.showNoneItem)
    table.set(String(element.noneValue ?? "none"), wording.text(element.noneText) ?? wording.none);
  if (element.showOtherItem) table.set("other", wording.text(element.otherText) ?? wording.other);
  if (source) choiceTables.set(element, table);
  return table;
}

/** The text of one choice, or null when the question has no such choice. */
export function choiceText(
  element: SurveyElement,
  value: unknown,
  wording: AnswerWording = SOURCE_WORDING,
): string | null {
  if (typeof value !== "string" && typeof value !== "number") return null;
  return choiceTexts(element, wording).get(String(value)) ?? null;
}

/** A yes/no answer by the labels the question showed ("Yes" / "No" unless it set others). */
export function booleanText(element: SurveyElement, answer: boolean, wording: AnswerWording = SOURCE_WORDING): string {
  return wording.text(answer ? element.labelTrue : element.labelFalse) ?? (answer ? wording.yes : wording.no);
}

function isFile(value: unknown): value is { name?: unknown; content: unknown } {
  return value !== null && typeof value === "object" && !Array.isArray(value) && "content" in value;
}

const fieldLists = new WeakMap<SurveyElement, SurveyElement[]>();

/** The questions repeated in each panel of a dynamic panel, nested plain panels flattened (cached per element). */
function fieldsOf(element: SurveyElement): SurveyElement[] {
  const cached = fieldLists.get(element);
  if (cached) return cached;
  const fields: SurveyElement[] = [];
  const walk = (elements: unknown) => {
    if (!Array.isArray(elements)) return;
    for (const child of elements as SurveyElement[]) {
      if (!child || typeof child !== "object") continue;
      if (typeof child.name === "string" && child.type !== "panel") fields.push(child);
      walk(child.elements);
    }
  };
  walk(element.templateElements);
  fieldLists.set(element, fields);
  return fields;
}

/**
 * One answer of `element` as text. A dynamic panel's answer (a list of
 * panel objects) reads each panel's fields in the template's order.
 */
export function describeAnswer(
  element: SurveyElement,
  value: unknown,
  wording: AnswerWording = SOURCE_WORDING,
): string {
  if (isUnanswered(value)) return wording.notAnswered;
  if (typeof value === "boolean") return booleanText(element, value, wording);
  if (element.type === "boolean" && value === element.valueTrue) return booleanText(element, true, wording);
  if (element.type === "boolean" && value === element.valueFalse) return booleanText(element, false, wording);
  if (typeof value === "string" || typeof value === "number")
    return choiceText(element, value, wording) ?? String(value);
  if (isFile(value)) return typeof value.name === "string" && value.name !== "" ? value.name : wording.unnamedFile;
  if (Array.isArray(value)) {
    return value
      .filter((item) => !isUnanswered(item))
      .map((item) => describeAnswer(element, item, wording))
      .join("; ");
  }
  if (typeof value === "object" && value !== null) {
    const panel = value as Record<string, unknown>;
    const fields = fieldsOf(element);
    const parts =
      fields.length > 0
        ? fields
            .filter((field) => !isUnanswered(panel[field.valueName ?? field.name!]))
            .map((field) => describeAnswer(field, panel[field.valueName ?? field.name!], wording))
        : // no template to order the fields by: sort by name, so the order answers were saved in does not matter
          Object.keys(panel)
            .sort()
            .filter((key) => !isUnanswered(panel[key]))
            .map((key) => describeAnswer({}, panel[key], wording));
    return parts.join(" / ");
  }
  return String(value);
}

/** The country dropdown inside a data-location question (or the question itself), if any. */
function countryElement(element: SurveyElement, countryField: string): SurveyElement | null {
  if (element.name === countryField && !Array.isArray(element.templateElements)) return element;
  return fieldsOf(element).find((field) => (field.valueName ?? field.name) === countryField) ?? null;
}

/** Country code → its name as the data-location question lists it. */
export type CountryNames = (code: string) => string | undefined;

const countryTables = new WeakMap<SurveyElement, ReadonlyMap<string, string>>();
const NO_NAMES: CountryNames = () => undefined;

export function countryNamesOfElement(element: SurveyElement, countryField: string): CountryNames {
  const country = countryElement(element, countryField);
  if (!country) return NO_NAMES;
  let byCode = countryTables.get(country);
  if (!byCode) {
    const table = new Map<string, string>();
    for (const [value, text] of choiceTexts(country)) if (text !== value) table.set(value.toUpperCase(), text);
    byCode = table;
    countryTables.set(country, byCode);
  }
  const names = byCode;
  return (code) => names.get(code);
}

const templateCountries = new WeakMap<object, CountryNames>();

/** Country names from every data-location question of a template. */
export function countryNamesOf(template: TemplateFile): CountryNames {
  const cached = templateCountries.get(template.survey);
  if (cached) return cached;
  const lookups = indexTemplate(template)
    .questions.filter((q) => q.meta.judge.kind === "jurisdictions" || q.meta.fact === "dataLocations")
    .map((q) => {
      const rule = q.meta.judge;
      return countryNamesOfElement(q.element, rule.kind === "jurisdictions" ? rule.countryField : "country");
    });
  const names: CountryNames = (code) => {
    for (const lookup of lookups) {
      const name = lookup(code);
      if (name) return name;
    }
    return undefined;
  };
  templateCountries.set(template.survey, names);
  return names;
}

/** The template's questions by the key their answers are stored under, in the questionnaire's order. */
const elementTables = new WeakMap<object, Map<string, SurveyElement>>();

function elementsByValueKey(template: TemplateFile): Map<string, SurveyElement> {
  const cached = elementTables.get(template.survey);
  if (cached) return cached;
  const byName = new Map<string, SurveyElement>();
  walkSurvey(template.survey, (element) => {
    const key = element.valueName ?? element.name;
    if (typeof key === "string" && !byName.has(key)) byName.set(key, element);
  });
  elementTables.set(template.survey, byName);
  return byName;
}

/** Each answer of `answers` (keyed by question value name) as text, read with the template's questions. */
export function describeAnswersOf(
  template: TemplateFile,
  answers: Record<string, unknown>,
  wording: AnswerWording = SOURCE_WORDING,
): Record<string, string> {
  const byName = elementsByValueKey(template);
  const texts: Record<string, string> = {};
  for (const [name, value] of Object.entries(answers)) {
    const element = byName.get(name);
    texts[name] = describeAnswer(element ?? {}, value, wording);
  }
  return texts;
}

/** A question's title in the wording's language, else its name. */
export function questionTitle(element: SurveyElement, wording: AnswerWording = SOURCE_WORDING): string {
  return wording === SOURCE_WORDING ? titleOf(element) : (wording.text(element.title) ?? titleOf(element));
}

/**
 * A judged answer (as scoring stored it, in the template's default
 * language) read in another wording: its question's title and the answer's
 * text. Only when the template still reads the stored answer the same way in
 * its default language; otherwise (an older template, an answer the rules
 * put into words differently) the stored texts are kept.
 */
export function rewordJudgedAnswer(
  template: TemplateFile,
  answer: Pick<AnswerJudgement, "question" | "title" | "value" | "answerText">,
  wording: AnswerWording,
): { title: string; answerText: string | undefined } {
  const kept = { title: answer.title, answerText: answer.answerText };
  const element = elementsByValueKey(template).get(answer.question);
  if (!element || wording === SOURCE_WORDING) return kept;
  const title = titleOf(element) === answer.title ? questionTitle(element, wording) : answer.title;
  const stored = answer.answerText;
  if (stored === undefined) return { title, answerText: undefined };
  if (describeAnswer(element, answer.value) === stored)
    return { title, answerText: describeAnswer(element, answer.value, wording) };
  // a field repeated in every panel of a dynamic panel: one text per panel
  const perPanel = (w: AnswerWording) =>
    Array.isArray(answer.value) ? answer.value.map((v) => describeAnswer(element, v, w)).join("; ") : null;
  if (perPanel(SOURCE_WORDING) === stored) return { title, answerText: perPanel(wording)! };
  return { title, answerText: stored };
}

/** One answer that changed: the question as the supplier saw it, and both answers as texts. */
export interface AnswerChange {
  question: string;
  title: string;
  was: string;
  now: string;
}

/**
 * Every question whose answer differs between `before` and `now`, in the
 * questionnaire's order (questions the template no longer has come last,
 * by name), each with its title and both answers as the supplier saw them.
 */
export function describeAnswerChanges(
  template: TemplateFile | null,
  names: string[],
  before: Record<string, unknown>,
  now: Record<string, unknown>,
  wording: AnswerWording = SOURCE_WORDING,
): AnswerChange[] {
  const order = template ? elementsByValueKey(template) : new Map<string, SurveyElement>();
  const position = new Map([...order.keys()].map((key, i) => [key, i]));
  const sorted = [...names].sort((a, b) => {
    const [i, j] = [position.get(a) ?? Infinity, position.get(b) ?? Infinity];
    if (i === Infinity && j === Infinity) return a < b ? -1 : a > b ? 1 : 0;
    return i - j;
  });
  return sorted.map((question) => {
    const element = order.get(question) ?? {};
    return {
      question,
      title: order.has(question) ? questionTitle(element, wording) : question,
      was: describeAnswer(element, before[question], wording),
      now: describeAnswer(element, now[question], wording),
    };
  });
}
