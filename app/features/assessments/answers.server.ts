import type { TemplateFile } from "#questionnaires/types";
import { abbreviate, tooLongMessage } from "#app/lib/text-limits";
import { ANSWER_TEXT_MAX } from "./answer-limits";

/**
 * What a supplier may store as answers: only questions the template has,
 * each with a value of the question's own type. Anything else is refused
 * with a message naming the question, and nothing of that save is stored.
 */

interface Element {
  type?: string;
  name?: string;
  title?: unknown;
  inputType?: string;
  choices?: unknown[];
  elements?: Element[];
  templateElements?: Element[];
  showOtherItem?: boolean;
  hasOther?: boolean;
  showNoneItem?: boolean;
  hasNone?: boolean;
  maxPanelCount?: number;
}

const MAX_PANELS = 200;
const EVIDENCE_REF = /^\/evidence\/[0-9a-f]{24}$/;

function choiceValues(el: Element): Set<string> {
  const values = new Set<string>();
  for (const c of el.choices ?? []) {
    if (c !== null && typeof c === "object" && "value" in c) values.add(String((c as { value: unknown }).value));
    else values.add(String(c));
  }
  if (el.showOtherItem || el.hasOther) values.add("other");
  if (el.showNoneItem || el.hasNone) values.add("none");
  return values;
}

function titleOf(el: Element): string {
  const t = el.title;
  if (typeof t === "string") return t;
  if (t && typeof t === "object" && "default" in t && typeof (t as { default: unknown }).default === "string")
    return (t as { default: string }).default;
  return el.name ?? "";
}

/** Top-level answerable questions by name (questions inside dynamic panels belong to their panel). */
const questionsOf = new WeakMap<TemplateFile, Map<string, Element>>();

export function answerableQuestions(template: TemplateFile): Map<string, Element> {
  const known = questionsOf.get(template);
  if (known) return known;
  const out = new Map<string, Element>();
  questionsOf.set(template, out);
  const walk = (elements: Element[] | undefined) => {
    for (const el of elements ?? []) {
      if (el.type === "panel") walk(el.elements);
      else if (el.name && el.type !== "html" && el.type !== "image") out.set(el.name, el);
    }
  };
  for (const page of (template.survey as { pages?: { elements?: Element[] }[] }).pages ?? []) walk(page.elements);
  return out;
}

function checkValue(el: Element, value: unknown, evidenceIds: Set<string> | null): string | null {
  const label = `"${titleOf(el)}"`;
  switch (el.type) {
    case "boolean":
      return typeof value === "boolean" ? null : `${label} takes yes or no.`;
    case "text": {
      if (el.inputType === "number") {
        const n =
          typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
        return Number.isFinite(n) ? null : `${label} takes a number.`;
      }
      if (typeof value !== "string") return `${label} takes text.`;
      if (el.inputType === "date" && value !== "" && !/^\d{4}-\d{2}-\d{2}$/.test(value))
        return `${label} takes a date.`;
      return value.length > ANSWER_TEXT_MAX ? `${tooLongMessage(label, ANSWER_TEXT_MAX, value.length)}.` : null;
    }
    case "comment":
      if (typeof value !== "string") return `${label} takes text.`;
      return value.length > ANSWER_TEXT_MAX ? `${tooLongMessage(label, ANSWER_TEXT_MAX, value.length)}.` : null;
    case "radiogroup":
    case "dropdown":
      if (typeof value !== "string" && typeof value !== "number") return `${label} takes one of its choices.`;
      return choiceValues(el).has(String(value)) ? null : `${label} has no choice "${abbreviate(String(value), 60)}".`;
    case "checkbox": {
      if (!Array.isArray(value)) return `${label} takes a list of its choices.`;
      const allowed = choiceValues(el);
      const bad = value.find((v) => !allowed.has(String(v)));
      return bad === undefined ? null : `${label} has no choice "${abbreviate(String(bad), 60)}".`;
    }
    case "file": {
      if (!Array.isArray(value) || value.length > 20) return `${label} takes up to 20 uploaded files.`;
      for (const f of value) {
        if (!f || typeof f !== "object") return `${label} takes uploaded files.`;
        const { name, content, type } = f as Record<string, unknown>;
        if (
          typeof name !== "string" ||
          name.length > 200 ||
          typeof content !== "string" ||
          !EVIDENCE_REF.test(content) ||
          (type !== undefined && typeof type !== "string")
        ) {
          return `${label} takes files uploaded to the portal.`;
        }
        if (evidenceIds && !evidenceIds.has(content.slice("/evidence/".length)))
          return `${label} refers to a file that is not yours.`;
      }
      return null;
    }
    case "paneldynamic": {
      if (!Array.isArray(value)) return `${label} takes a list of entries.`;
      if (value.length > (el.maxPanelCount ?? MAX_PANELS)) return `${label} has too many entries.`;
      const inner = new Map((el.templateElements ?? []).filter((e) => e.name).map((e) => [e.name!, e]));
      for (const item of value) {
        if (!item || typeof item !== "object" || Array.isArray(item)) return `${label} takes a list of entries.`;
        for (const [key, v] of Object.entries(item)) {
          const q = inner.get(key);
          if (!q) return `${label} has no field "${abbreviate(key, 60)}".`;
          if (v === null || v === undefined || v === "") continue;
          const problem = checkValue(q, v, evidenceIds);
          if (problem) return problem;
        }
      }
      return null;
    }
    default:
      return `${label} cannot be answered here.`;
  }
}

export type AnswerChanges = Record<string, unknown>;
export type CheckedChanges =
  | { ok: true; set: Record<string, unknown>; unset: string[] }
  | { ok: false; errors: string[] };

/**
 * Checks a save's changes against the template. `null` clears an answer.
 * `evidenceIds` are the ids of files the supplier may reference (its own uploads).
 */
export function checkAnswerChanges(
  template: TemplateFile,
  changes: AnswerChanges,
  evidenceIds: Set<string> | null,
): CheckedChanges {
  const questions = answerableQuestions(template);
  const errors: string[] = [];
  const set: Record<string, unknown> = {};
  const unset: string[] = [];
  for (const [name, value] of Object.entries(changes)) {
    const el = questions.get(name);
    if (!el) {
      errors.push(`There is no question "${abbreviate(name, 60)}" in this questionnaire.`);
      continue;
    }
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0) || value === "") {
      unset.push(name);
      continue;
    }
    const problem = checkValue(el, value, evidenceIds);
    if (problem) errors.push(problem);
    else
      set[name] = el.type === "text" && el.inputType === "number" && typeof value === "string" ? Number(value) : value;
  }
  return errors.length ? { ok: false, errors } : { ok: true, set, unset };
}

/** Evidence ids referenced anywhere in a set of answers (to check ownership). */
export function referencedEvidenceIds(changes: AnswerChanges): string[] {
  const ids: string[] = [];
  const visit = (v: unknown) => {
    if (typeof v === "string" && EVIDENCE_REF.test(v)) ids.push(v.slice("/evidence/".length));
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === "object") Object.values(v).forEach(visit);
  };
  visit(changes);
  return [...new Set(ids)];
}
