import crypto from "node:crypto";
import type { TemplateFile } from "#questionnaires/types";
import { questionnaireText } from "#questionnaires/loader";
import { booleanText, choiceTexts, questionTitle, type AnswerWording } from "#app/scoring/answers";
import type { SurveyElement } from "#app/scoring/template";
import { answerWording } from "#app/features/questionnaires/answer-wording.server";
import { tIn } from "#app/i18n/messages.server";
import { abbreviate } from "#app/lib/text-limits";
import type { Locale } from "#app/i18n/locales";

/**
 * What a questionnaire workbook holds, shared by the writer and the reader
 * so both see the same questions, columns and words: one row per question
 * the assessment asks (dynamic panels on sheets of their own), the answer
 * kinds a cell can take, and the tag that ties a workbook to one assessment
 * and one version of its questionnaire.
 */

export type CellKind = "boolean" | "choice" | "multi" | "number" | "date" | "text" | "comment" | "file" | "panel";

export interface WorkbookQuestion {
  name: string;
  element: SurveyElement;
  kind: CellKind;
  title: string;
  page: string;
  /** "Asked when …" in the workbook's language, or null when always asked */
  condition: string | null;
  required: boolean;
}

export interface WorkbookPanel {
  question: WorkbookQuestion;
  /** the panel's own questions, one column each */
  fields: WorkbookQuestion[];
}

export interface WorkbookShape {
  language: Locale;
  wording: AnswerWording;
  questions: WorkbookQuestion[];
  panels: WorkbookPanel[];
}

/** The hidden sheet that says which assessment and questionnaire version a workbook is of. */
export const META_SHEET = "flowdown";
export const META_MARK = "flowdown-workbook";
export const FORMAT_VERSION = "1";

/** Ties a workbook to the assessment's questionnaire version and the questions it asks. */
export function templateTag(a: { templateId: string; templateVersion: string; askedQuestions?: string[] }): string {
  const asked = crypto
    .createHash("sha256")
    .update((a.askedQuestions ?? []).join("\n"))
    .digest("hex");
  return `${a.templateId}@${a.templateVersion}#${asked}`;
}

export function kindOf(el: SurveyElement): CellKind | null {
  switch (el.type) {
    case "boolean":
      return "boolean";
    case "radiogroup":
    case "dropdown":
      return "choice";
    case "checkbox":
    case "tagbox":
      return "multi";
    case "text":
      if (el.inputType === "number") return "number";
      if (el.inputType === "date") return "date";
      return "text";
    case "comment":
      return "comment";
    case "file":
      return "file";
    case "paneldynamic":
      return "panel";
    default:
      return null;
  }
}

/** Texts a yes/no cell may hold, in the workbook's language. */
export function booleanChoices(el: SurveyElement, wording: AnswerWording): [string, string] {
  return [booleanText(el, true, wording), booleanText(el, false, wording)];
}

/** The texts of a choice question in the workbook's language, in the template's order. */
export function choiceList(el: SurveyElement, wording: AnswerWording): { value: string; text: string }[] {
  return [...choiceTexts(el, wording)].map(([value, text]) => ({ value, text }));
}

const QUOTES: Record<Locale, [string, string]> = { en: ["“", "”"], de: ["„", "“"], ja: ["「", "」"], ar: ["«", "»"] };

/**
 * A SurveyJS condition in words: `{q} = true`, `{q} = 'v'`, `{q} anyof [...]`
 * with the other question's title and choice texts; any other expression as written.
 */
export function conditionText(
  expression: string,
  byName: ReadonlyMap<string, SurveyElement>,
  wording: AnswerWording,
  language: Locale,
): string {
  const expr = expression.trim();
  const quoted = (text: string) => `${QUOTES[language][0]}${text}${QUOTES[language][1]}`;
  const titleFor = (name: string) => {
    const el = byName.get(name);
    return el ? questionTitle(el, wording) : name;
  };
  const valueText = (name: string, value: string | boolean) => {
    const el = byName.get(name);
    if (typeof value === "boolean") return el ? booleanText(el, value, wording) : String(value);
    return (el && choiceTexts(el, wording).get(value)) ?? value;
  };
  let m = /^\{([\w-]+)\}\s*==?\s*(true|false)$/.exec(expr);
  if (m)
    return tIn(language, "workbook.condition.is", {
      question: quoted(titleFor(m[1])),
      answer: quoted(valueText(m[1], m[2] === "true")),
    });
  m = /^\{([\w-]+)\}\s*==?\s*'([^']*)'$/.exec(expr);
  if (m)
    return tIn(language, "workbook.condition.is", {
      question: quoted(titleFor(m[1])),
      answer: quoted(valueText(m[1], m[2])),
    });
  m = /^\{([\w-]+)\}\s*anyof\s*\[([^\]]*)\]$/.exec(expr);
  if (m) {
    const values = [...m[2].matchAll(/'([^']*)'/g)].map((v) => quoted(valueText(m![1], v[1])));
    return tIn(language, "workbook.condition.anyOf", { question: quoted(titleFor(m[1])), answers: values.join(", ") });
  }
  return tIn(language, "workbook.condition.expression", { expression: expr });
}

/** The questions of an assessment's questionnaire as the workbook lays them out, in `language`. */
export function workbookShape(template: TemplateFile, language: Locale): WorkbookShape {
  const wording = answerWording(language);
  const byName = new Map<string, SurveyElement>();
  const collect = (elements: unknown) => {
    if (!Array.isArray(elements)) return;
    for (const el of elements as SurveyElement[]) {
      if (!el || typeof el !== "object") continue;
      if (typeof el.name === "string" && el.type !== "panel") byName.set(el.name, el);
      collect(el.elements);
    }
  };
  const pages = ((template.survey as { pages?: unknown[] }).pages ?? []) as SurveyElement[];
  for (const page of pages) collect(page.elements);

  const questions: WorkbookQuestion[] = [];
  const panels: WorkbookPanel[] = [];
  const make = (el: SurveyElement, kind: CellKind, page: string, conditions: string[]): WorkbookQuestion => {
    const own = typeof el.visibleIf === "string" && el.visibleIf.trim() ? [el.visibleIf] : [];
    const all = [...conditions, ...own];
    return {
      name: el.name!,
      element: el,
      kind,
      title: questionTitle(el, wording),
      page,
      condition: all.length ? all.map((c) => conditionText(c, byName, wording, language)).join(" ") : null,
      required: el.isRequired === true,
    };
  };
  const visit = (elements: unknown, page: string, conditions: string[]) => {
    if (!Array.isArray(elements)) return;
    for (const el of elements as SurveyElement[]) {
      if (!el || typeof el !== "object") continue;
      if (el.type === "panel") {
        const own = typeof el.visibleIf === "string" && el.visibleIf.trim() ? [el.visibleIf] : [];
        visit(el.elements, page, [...conditions, ...own]);
        continue;
      }
      const kind = typeof el.name === "string" ? kindOf(el) : null;
      if (!kind) continue;
      const question = make(el, kind, page, conditions);
      questions.push(question);
      if (kind === "panel") {
        const fields: WorkbookQuestion[] = [];
        const inner = (list: unknown) => {
          if (!Array.isArray(list)) return;
          for (const f of list as SurveyElement[]) {
            if (!f || typeof f !== "object") continue;
            if (f.type === "panel") inner(f.elements);
            else if (typeof f.name === "string" && kindOf(f) && kindOf(f) !== "panel")
              fields.push(make(f, kindOf(f)!, page, []));
          }
        };
        inner(el.templateElements);
        panels.push({ question, fields });
      }
    }
  };
  for (const page of pages) {
    const pageTitle = questionnaireText(page.title, language) ?? (typeof page.name === "string" ? page.name : "");
    visit(page.elements, pageTitle, typeof page.visibleIf === "string" ? [page.visibleIf] : []);
  }
  return { language, wording, questions, panels };
}

/** A worksheet name Excel accepts (at most 31 characters, none of : \ / ? * [ ]), unique in `taken`. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const clean = wanted.replace(/[:\\/?*[\]]/g, " ").trim() || "Sheet";
  // Excel counts UTF-16 units, as abbreviate does
  let name = abbreviate(clean, 31);
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = abbreviate(clean, 31 - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}
