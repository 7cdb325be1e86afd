/**
 * The engine's reasons as data: a message of the portal's catalogue and the
 * values it is said with, never a sentence in one language. What a result
 * stores is said to each reader in their own language when it is shown
 * (`app/i18n/reasons.server.ts`), on a page or in a report, so a German
 * reviewer and a Japanese supplier read the same verdict in their words.
 *
 * A value is one of:
 * - a string or number said as it is (a supplier's typed answer, a name, a
 *   certificate number; numbers formatted for the reader by ICU);
 * - another message (`said`), said first;
 * - `{ text }`: a text of the questionnaire or the requirement catalogue in
 *   English (a question title, a choice, a parameter label), said in the
 *   reader's language when the questionnaire's translation has it;
 * - `{ requirement, title }`: "FD-INC-01 Breach notification …", the title
 *   translated when it is the shipped catalogue's;
 * - `{ country }`: an ISO 3166 code, named in the reader's language;
 * - `{ date }`: a `YYYY-MM-DD` calendar date, written for the reader;
 * - `{ moment }`: an ISO instant, to the minute in UTC, written for the reader;
 * - `{ list, style }`: values joined as the reader's language joins them
 *   ("a, b and c"; `unit` for "a, b, c", `semicolon` for "a; b").
 *
 * Plain JSON only (results are stored as they are): no arrays directly in
 * arrays, no `.` or `$` in keys.
 */
import type {
  AnswerJudgement,
  CertificateIssue,
  CertificationFinding,
  ChainLinkResult,
  ChainResult,
  PhaseClearance,
  RequirementResult,
  ScoringResult,
} from "./types";

export type SaidValue =
  | string
  | number
  | Said
  | { text: string }
  | { requirement: string; title?: string }
  | { country: string }
  | { date: string }
  | { moment: string }
  | { list: SaidValue[]; style?: "and" | "or" | "unit" | "semicolon" };

export interface Said {
  /** a message id of the portal's catalogue (app/i18n/catalogue); app/i18n/reasons.test.ts checks each one the engine uses */
  id: string;
  values?: Record<string, SaidValue>;
}

/**
 * A reason as results keep it: a message, or (in results stored before
 * reasons were messages) an English sentence, which is shown as it was.
 */
export type Reason = Said | string;

export function said(id: string, values?: Record<string, SaidValue>): Said {
  return values ? { id, values } : { id };
}

/** A questionnaire or catalogue text in English, said in the reader's language. */
export function sourceText(text: string): { text: string } {
  return { text };
}

/** "FD-INC-01 Breach notification within the agreed window", in the reader's language. */
export function requirementRef(requirement: string, title?: string): { requirement: string; title?: string } {
  return title && title.trim() !== "" ? { requirement, title } : { requirement };
}

export function countryRef(country: string): { country: string } {
  return { country };
}

export function dateRef(date: string): { date: string } {
  return { date };
}

export function momentRef(moment: string): { moment: string } {
  return { moment };
}

export function listOf(list: SaidValue[], style: "and" | "or" | "unit" | "semicolon" = "and"): SaidValue {
  return { list, style };
}

export function isSaid(value: unknown): value is Said {
  return (
    value !== null &&
    typeof value === "object" &&
    typeof (value as { id?: unknown }).id === "string" &&
    !Array.isArray(value)
  );
}

/** A scoring result with every reason said in one language: what pages and reports show. */
export type SpokenAnswer = Omit<AnswerJudgement, "reason"> & { reason: string };
export type SpokenRequirement = Omit<RequirementResult, "reasons" | "answers"> & {
  reasons: string[];
  answers: SpokenAnswer[];
};
export type SpokenIssue = Omit<CertificateIssue, "name" | "detail"> & { name: string; detail: string };
export type SpokenFinding = Omit<CertificationFinding, "findings" | "issues"> & {
  findings: string[];
  issues?: SpokenIssue[];
};
export type SpokenResult = Omit<ScoringResult, "riskReasons" | "requirements" | "certifications"> & {
  riskReasons: string[];
  requirements: SpokenRequirement[];
  certifications: SpokenFinding[];
};

export type SpokenLink = Omit<ChainLinkResult, "reasons"> & { reasons: string[] };
export type SpokenChain = Omit<ChainResult, "links" | "errors"> & { links: SpokenLink[]; errors: string[] };
export type SpokenClearance = Omit<PhaseClearance, "reasons"> & { reasons: string[] };
