/**
 * Walks the elements of a SurveyJS JSON: pages → elements, panels → elements,
 * dynamic panels → templateElements. Shared by the validator and the loader
 * so both see the same questions.
 */
import type { QuestionMeta } from "./types";

export type Json = Record<string, unknown>;

export interface WalkedElement {
  element: Json;
  type: string;
  name: string;
  pageName: string;
  /** nearest enclosing panel or dynamic panel */
  parentPanel?: string;
  /** nearest enclosing dynamic panel: the answer then lives inside its items, not at the top of survey.data */
  dynamicPanel?: string;
  /** JSON path, for error messages */
  path: string;
}

/** Element types that hold no answer. */
const NON_VALUE_TYPES = new Set(["panel", "html", "image"]);

export function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function isQuestion(el: WalkedElement): boolean {
  return !NON_VALUE_TYPES.has(el.type);
}

/**
 * Every element of the survey in document order. Entries that are not
 * objects are reported in `problems` and skipped.
 */
export function walkElements(survey: Json): { elements: WalkedElement[]; problems: string[] } {
  const elements: WalkedElement[] = [];
  const problems: string[] = [];

  const visit = (list: unknown, ctx: Omit<WalkedElement, "element" | "type" | "name" | "path">, basePath: string) => {
    if (list === undefined) return;
    if (!Array.isArray(list)) {
      problems.push(`${basePath}: expected an array of elements`);
      return;
    }
    list.forEach((raw, i) => {
      const path = `${basePath}[${i}]`;
      if (!isObject(raw)) {
        problems.push(`${path}: expected an element object`);
        return;
      }
      const type = typeof raw.type === "string" ? raw.type : "";
      const name = typeof raw.name === "string" ? raw.name : "";
      elements.push({ element: raw, type, name, path, ...ctx });
      if (type === "panel") {
        visit(raw.elements, { ...ctx, parentPanel: name }, `${path}.elements`);
      } else if (type === "paneldynamic") {
        visit(raw.templateElements, { ...ctx, parentPanel: name, dynamicPanel: name }, `${path}.templateElements`);
      }
    });
  };

  const pages = Array.isArray(survey.pages) ? survey.pages : [];
  pages.forEach((page, i) => {
    if (!isObject(page)) return;
    const pageName = typeof page.name === "string" ? page.name : `page${i + 1}`;
    visit(page.elements, { pageName }, `pages[${i}].elements`);
  });
  return { elements, problems };
}

/** A SurveyJS title may be a string or a localisation map {default, de, ...}. */
export function titleOf(element: Json, fallback: string): string {
  const t = element.title;
  if (typeof t === "string" && t.trim()) return t;
  if (isObject(t)) {
    const first = t.default ?? Object.values(t)[0];
    if (typeof first === "string" && first.trim()) return first;
  }
  return fallback;
}

/**
 * The values a choice question can take: listed choices plus the special
 * items SurveyJS adds (values as survey-core 3 defines them). Null when the
 * choices are not listed in the JSON (loaded from a URL or another question).
 */
export function choiceValues(element: Json): Set<string> | null {
  if (!Array.isArray(element.choices)) return null;
  const values = new Set<string>();
  for (const c of element.choices) {
    if (isObject(c)) values.add(String(c.value));
    else values.add(String(c));
  }
  if (element.showNoneItem === true || element.hasNone === true) values.add("none");
  if (element.showOtherItem === true || element.hasOther === true) values.add("other");
  if (element.showRefuseItem === true) values.add("refused");
  if (element.showDontKnowItem === true) values.add("dontknow");
  return values;
}

export function metaOf(element: Json): QuestionMeta | null {
  return isObject(element.flowdown) ? (element.flowdown as unknown as QuestionMeta) : null;
}
