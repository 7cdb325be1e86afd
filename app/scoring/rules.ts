/**
 * Judging one answer against its rule and the agreement's parameters. Every
 * judgement says why, citing the parameter it was measured against, so a
 * reviewer can check the number without reading code.
 */
import type { JudgeRule, ParameterSpec, QuestionMeta } from "#questionnaires/types";
import { booleanText, choiceText, countryNamesOfElement, describeAnswer } from "./answers";
import {
  describeLocation,
  isLocationAcceptable,
  judgeLocation,
  readLocations,
  type JurisdictionTerms,
} from "./jurisdictions";
import { paramName, quantity, roundNumber, unitOf } from "./params";
import { listOf, said, sourceText, type Said, type SaidValue } from "./said";
import { isUnanswered, titleOf, type SurveyElement } from "./template";
import type { AnswerJudgement, ParamValue } from "./types";

interface Verdict {
  fraction: number | null;
  reason: Said;
}

const NOT_ANSWERED: Verdict = { fraction: null, reason: said("rules.verdict.notAnswered") };
const INFORMATIONAL: Verdict = { fraction: null, reason: said("rules.verdict.informational") };

function unreadable(detail: SaidValue): Verdict {
  return { fraction: null, reason: said("rules.verdict.unreadable", { detail }) };
}

function verdict(fraction: number, detail: SaidValue): Verdict {
  const reason =
    fraction >= 1
      ? said("rules.verdict.meets", { detail })
      : fraction <= 0
        ? said("rules.verdict.fails", { detail })
        : said("rules.verdict.partlyMeets", { detail });
  return { fraction, reason };
}

/** A value in quotes, as the reader's language quotes: a choice, a label, what was typed. */
function quoted(text: SaidValue): Said {
  return said("rules.quoted", { text });
}

function show(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function clampFraction(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

function readBoolean(value: unknown, question: SurveyElement): boolean | null {
  if (typeof value === "boolean") return value;
  if (question.valueTrue !== undefined && value === question.valueTrue) return true;
  if (question.valueFalse !== undefined && value === question.valueFalse) return false;
  if (typeof value === "string") {
    const text = value.trim().toLowerCase();
    if (text === "yes" || text === "true") return true;
    if (text === "no" || text === "false") return false;
  }
  return null;
}

function readNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" && value.trim() !== "") {
    const parsed = Number(value.trim());
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

/** The agreement's numeric parameter; a rule pointing at a missing or non-numeric one is a template error. */
function numericParam(params: Record<string, ParamValue>, key: string, questionName: string): number {
  const value = params[key];
  const number = typeof value === "number" ? value : typeof value === "string" ? Number(value) : NaN;
  if (!Number.isFinite(number)) {
    throw new Error(
      `Question "${questionName}" is judged against parameter "${key}", which is ${
        value === undefined ? "not set" : `not a number (${show(value)})`
      }`,
    );
  }
  return number;
}

function judgeBoolean(rule: Extract<JudgeRule, { kind: "boolean" }>, value: unknown, question: SurveyElement): Verdict {
  const answer = readBoolean(value, question);
  if (answer === null) return unreadable(said("rules.detail.notYesNo", { value: quoted(show(value)) }));
  const label = (choice: boolean) => quoted(sourceText(booleanText(question, choice)));
  return answer === rule.expected
    ? verdict(1, said("rules.detail.asRequired", { answer: label(answer) }))
    : verdict(0, said("rules.detail.needs", { answer: label(answer), expected: label(rule.expected) }));
}

/** A choice by its text (translated with the questionnaire); a value the question does not offer, as given. */
function quotedChoice(question: SurveyElement, value: string): Said {
  const text = choiceText(question, value);
  return quoted(text === null ? value : sourceText(text));
}

function judgeChoice(rule: Extract<JudgeRule, { kind: "choice" }>, value: unknown, question: SurveyElement): Verdict {
  if (typeof value !== "string" && typeof value !== "number") {
    return unreadable(said("rules.detail.notOneChoice", { value: show(value) }));
  }
  const key = String(value);
  if (!Object.prototype.hasOwnProperty.call(rule.scores, key)) {
    return choiceText(question, key) === null
      ? verdict(0, said("rules.detail.notAChoice", { value: quoted(show(key)) }))
      : verdict(0, said("rules.detail.noCredit", { choice: quotedChoice(question, key) }));
  }
  const fraction = clampFraction(rule.scores[key]);
  return verdict(
    fraction,
    said("rules.detail.worth", { choice: quotedChoice(question, key), fraction: roundNumber(fraction) }),
  );
}

function judgeCoverage(
  rule: Extract<JudgeRule, { kind: "coverage" }>,
  value: unknown,
  question: SurveyElement,
): Verdict {
  const items = Array.isArray(value) ? value : [value];
  const selected = new Set(items.filter((v) => typeof v === "string" || typeof v === "number").map(String));
  if (rule.required.length === 0) return verdict(1, said("rules.detail.nothingRequired"));
  const missing = rule.required.filter((required) => !selected.has(required));
  const fraction = (rule.required.length - missing.length) / rule.required.length;
  const list = (values: string[]) =>
    listOf(
      values.map((v) => quotedChoice(question, v)),
      "unit",
    );
  return missing.length === 0
    ? verdict(1, said("rules.detail.allSelected", { count: rule.required.length, choices: list(rule.required) }))
    : verdict(
        fraction,
        said("rules.detail.someSelected", {
          selected: rule.required.length - missing.length,
          required: rule.required.length,
          missing: list(missing),
        }),
      );
}

function judgeAtMost(
  rule: Extract<JudgeRule, { kind: "atMost" }>,
  value: unknown,
  params: Record<string, ParamValue>,
  questionName: string,
  spec: ParameterSpec | undefined,
): Verdict {
  const limit = numericParam(params, rule.param, questionName);
  const answer = readNumber(value);
  if (answer === null) return unreadable(said("rules.detail.notANumber", { value: quoted(show(value)) }));
  const unit = unitOf(rule.param, spec);
  const detail = said("rules.detail.atMost", {
    answer: quantity(answer, unit),
    limit: quantity(limit, unit),
    parameter: paramName(rule.param, spec),
  });
  if (answer <= limit) return verdict(1, detail);
  // a factor <= 1 would make the partial band empty or inverted, so it is ignored
  const factor = rule.partialWithin;
  if (factor !== undefined && factor > 1 && answer <= limit * factor) {
    return verdict(0.5, said("rules.detail.halfCredit", { detail, limit: quantity(limit * factor, unit) }));
  }
  return verdict(0, detail);
}

function judgeAtLeast(
  rule: Extract<JudgeRule, { kind: "atLeast" }>,
  value: unknown,
  params: Record<string, ParamValue>,
  questionName: string,
  spec: ParameterSpec | undefined,
): Verdict {
  const minimum = numericParam(params, rule.param, questionName);
  const answer = readNumber(value);
  if (answer === null) return unreadable(said("rules.detail.notANumber", { value: quoted(show(value)) }));
  const unit = unitOf(rule.param, spec);
  const detail = said("rules.detail.atLeast", {
    answer: quantity(answer, unit),
    minimum: quantity(minimum, unit),
    parameter: paramName(rule.param, spec),
  });
  return verdict(answer >= minimum ? 1 : 0, detail);
}

function judgeJurisdictions(
  rule: Extract<JudgeRule, { kind: "jurisdictions" }>,
  value: unknown,
  terms: JurisdictionTerms,
  question: SurveyElement,
): Verdict {
  const locations = readLocations(value, rule.countryField, rule.mechanismField);
  if (locations.length === 0) return unreadable(said("rules.detail.noCountry"));
  const judged = locations.map((location) => ({ location, verdict: judgeLocation(location, terms) }));
  const failing = judged.filter((entry) => !isLocationAcceptable(entry.verdict));
  const described = (failing.length > 0 ? failing : judged).map((entry) =>
    describeLocation(entry.location, entry.verdict, terms, countryNamesOfElement(question, rule.countryField)),
  );
  return verdict(failing.length > 0 ? 0 : 1, listOf(described, "semicolon"));
}

function isFile(value: unknown): value is { name?: unknown; content?: unknown } {
  return value !== null && typeof value === "object" && "content" in value;
}

function judgePresent(value: unknown): Verdict {
  if (Array.isArray(value) && value.every(isFile)) {
    const names = value.map((file) => (typeof file.name === "string" ? file.name : said("rules.detail.unnamedFile")));
    return verdict(1, said("rules.detail.filesProvided", { count: value.length, names: listOf(names, "unit") }));
  }
  return verdict(1, said("rules.detail.answerProvided"));
}

function judgeValue(
  question: SurveyElement,
  rule: JudgeRule,
  value: unknown,
  params: Record<string, ParamValue>,
  terms: JurisdictionTerms,
  paramSpecs: ReadonlyMap<string, ParameterSpec> | undefined,
): Verdict {
  const name = question.name ?? "";
  switch (rule.kind) {
    case "boolean":
      return judgeBoolean(rule, value, question);
    case "choice":
      return judgeChoice(rule, value, question);
    case "coverage":
      return judgeCoverage(rule, value, question);
    case "atMost":
      return judgeAtMost(rule, value, params, name, paramSpecs?.get(rule.param));
    case "atLeast":
      return judgeAtLeast(rule, value, params, name, paramSpecs?.get(rule.param));
    case "jurisdictions":
      return judgeJurisdictions(rule, value, terms, question);
    case "present":
      return judgePresent(value);
    case "info":
      return INFORMATIONAL;
    default: {
      const unknown: never = rule;
      throw new Error(`Question "${name}": unknown judge rule ${JSON.stringify((unknown as JudgeRule).kind)}`);
    }
  }
}

/**
 * Judges one answer. fraction is 1 (satisfies), 0 (fails), in between for
 * partial credit, or null when unanswered, unreadable or informational.
 */
export function judgeAnswer(
  question: SurveyElement,
  meta: QuestionMeta,
  value: unknown,
  params: Record<string, ParamValue>,
  agreement: JurisdictionTerms,
  /** the catalogue's parameter specs by key, for their labels and units */
  paramSpecs?: ReadonlyMap<string, ParameterSpec>,
): AnswerJudgement {
  const unanswered = isUnanswered(value);
  const { fraction, reason } =
    meta.judge.kind === "info"
      ? INFORMATIONAL
      : unanswered
        ? NOT_ANSWERED
        : judgeValue(question, meta.judge, value, params, agreement, paramSpecs);
  // built in one literal (no spreads): this runs for every question of every assessment
  return {
    question: question.name ?? "",
    title: titleOf(question),
    value,
    answerText: unanswered ? "not answered" : describeAnswer(question, value),
    fraction,
    reason,
  };
}

/**
 * A field repeated in every panel of a paneldynamic (value = its answers,
 * one per panel): the weakest panel decides, because one non-compliant
 * sub-processor is enough to fail.
 */
export function judgeEachPanel(
  question: SurveyElement,
  meta: QuestionMeta,
  values: unknown,
  params: Record<string, ParamValue>,
  agreement: JurisdictionTerms,
  paramSpecs?: ReadonlyMap<string, ParameterSpec>,
): AnswerJudgement {
  if (
    !Array.isArray(values) ||
    values.length === 0 ||
    meta.judge.kind === "jurisdictions" ||
    meta.judge.kind === "present"
  ) {
    return judgeAnswer(question, meta, values, params, agreement, paramSpecs);
  }
  const judged = values.map((value) => judgeAnswer(question, meta, value, params, agreement, paramSpecs));
  const answerText = judged.map((judgement) => judgement.answerText).join("; ");
  const answered = judged.filter((judgement) => judgement.fraction !== null);
  if (answered.length === 0) return { ...judged[0], value: values, answerText };
  const worst = answered.reduce((low, judgement) =>
    (judgement.fraction ?? 1) < (low.fraction ?? 1) ? judgement : low,
  );
  const reason =
    values.length > 1
      ? said("rules.verdict.weakestPanel", { count: values.length, reason: worst.reason })
      : worst.reason;
  return { ...worst, value: values, answerText, reason };
}
