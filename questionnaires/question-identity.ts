/**
 * When two questionnaires ask the same question, so that a supplier's answer
 * to one can be offered for the other (the supplier profile, issue 22).
 *
 * - The *version* of a question is a hash of what its answer can be: type,
 *   input type, choice values, and the same of each field of a dynamic panel.
 *   Titles, descriptions, translations and conditions are left out: rewording
 *   a question does not change what its answer means.
 * - Two questions are the *same* when they have the same name and version.
 * - A question is *mapped* to another of another name when both provide
 *   evidence for the same requirements of the catalogue, are judged by the
 *   same rule, and take the same answers (the answer's meaning). Only a
 *   mapping that is unique on both sides counts: two yes/no questions under
 *   one requirement with the same rule are not told apart, so neither is mapped.
 * Pure: no database, shared by the profile, the questionnaire page and tests.
 */
import { contentHash } from "./canonical";
import { REQUIREMENT_CATEGORIES, type QuestionMeta, type RequirementCategory } from "./types";

interface Element {
  type?: unknown;
  name?: unknown;
  inputType?: unknown;
  choices?: unknown;
  showOtherItem?: unknown;
  hasOther?: unknown;
  showNoneItem?: unknown;
  hasNone?: unknown;
  templateElements?: unknown;
  flowdown?: unknown;
  [other: string]: unknown;
}

/** Sections of a profile: who the supplier is, then one per requirement category. */
export const PROFILE_SECTIONS = ["organisation", ...REQUIREMENT_CATEGORIES] as const;
export type ProfileSection = (typeof PROFILE_SECTIONS)[number];

export interface QuestionIdentity {
  name: string;
  /** hash of the answer's domain */
  version: string;
  /** hash of requirements + rule + version; null for questions not judged against a requirement */
  meaning: string | null;
  requirements: string[];
  section: ProfileSection;
}

function choiceValues(el: Element): string[] {
  const values = new Set<string>();
  if (Array.isArray(el.choices))
    for (const c of el.choices) {
      if (c !== null && typeof c === "object" && "value" in c) values.add(String((c as { value: unknown }).value));
      else values.add(String(c));
    }
  if (el.showOtherItem === true || el.hasOther === true) values.add("other");
  if (el.showNoneItem === true || el.hasNone === true) values.add("none");
  return [...values].sort();
}

function answerDomain(el: Element): unknown {
  const type = typeof el.type === "string" ? el.type : "";
  const domain: Record<string, unknown> = { type };
  if (typeof el.inputType === "string" && el.inputType !== "text") domain.inputType = el.inputType;
  const choices = choiceValues(el);
  if (choices.length) domain.choices = choices;
  if (type === "paneldynamic" && Array.isArray(el.templateElements)) {
    domain.fields = (el.templateElements as Element[])
      .filter((f) => f && typeof f.name === "string")
      .map((f) => ({ name: f.name, ...(answerDomain(f) as object) }))
      .sort((a, b) => String(a.name).localeCompare(String(b.name)));
  }
  return domain;
}

function metaOf(el: Element): QuestionMeta | null {
  const m = el.flowdown;
  if (!m || typeof m !== "object") return null;
  const meta = m as QuestionMeta;
  return Array.isArray(meta.requirements) && meta.judge && typeof meta.judge === "object" ? meta : null;
}

/** The identity of a (top-level) question; `categoryOf` names a requirement's category. */
export function questionIdentity(
  el: Element,
  categoryOf: (requirementId: string) => RequirementCategory | undefined,
): QuestionIdentity {
  const name = typeof el.name === "string" ? el.name : "";
  const version = contentHash(answerDomain(el));
  const meta = metaOf(el);
  const requirements = meta ? [...new Set(meta.requirements)].sort() : [];
  const judged = meta !== null && requirements.length > 0 && meta.judge.kind !== "info";
  const meaning = judged ? contentHash({ requirements, judge: meta.judge, version }) : null;
  const category = requirements.map(categoryOf).find((c) => c !== undefined);
  return { name, version, meaning, requirements, section: category ?? "organisation" };
}

/** What the profile holds of one question, as matching needs it. */
export interface KeptAnswer {
  id: string;
  name: string;
  version: string;
  meaning: string | null;
  value: unknown;
  confirmedAt: Date;
}

export interface Proposal {
  name: string;
  answer: KeptAnswer;
  match: "same" | "mapped";
}

/**
 * The kept answers to offer for `questions`: the same question first, else
 * the one mapped through its meaning when exactly one question of the
 * questionnaire and one kept answer share it.
 */
export function proposeAnswers(questions: readonly QuestionIdentity[], kept: readonly KeptAnswer[]): Proposal[] {
  const byKey = new Map<string, KeptAnswer>();
  const byMeaning = new Map<string, KeptAnswer[]>();
  for (const k of kept) {
    byKey.set(`${k.name}\n${k.version}`, k);
    if (k.meaning) byMeaning.set(k.meaning, [...(byMeaning.get(k.meaning) ?? []), k]);
  }
  const askedMeanings = new Map<string, number>();
  for (const q of questions) if (q.meaning) askedMeanings.set(q.meaning, (askedMeanings.get(q.meaning) ?? 0) + 1);
  const out: Proposal[] = [];
  for (const q of questions) {
    const same = byKey.get(`${q.name}\n${q.version}`);
    if (same) {
      out.push({ name: q.name, answer: same, match: "same" });
      continue;
    }
    if (!q.meaning || askedMeanings.get(q.meaning) !== 1) continue;
    const candidates = byMeaning.get(q.meaning) ?? [];
    if (candidates.length === 1) out.push({ name: q.name, answer: candidates[0]!, match: "mapped" });
  }
  return out;
}
