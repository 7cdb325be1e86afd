/**
 * Properties over ~200 seeded random cases each: whatever the answers,
 * certificates and overrides, the score behaves.
 */
import { describe, expect, it } from "vitest";
import type { JudgeRule } from "#questionnaires/types";
import { scoreAssessment } from "./assessment";
import { isLocationAcceptable, judgeLocation, readLocations } from "./jurisdictions";
import { indexTemplate, type IndexedQuestion } from "./template";
import {
  catalogue,
  certificate,
  makeAgreement,
  makeInput,
  override,
  template,
  withParams,
} from "#tests/fixtures/scoring";
import { randomAnswers, seededRandom, type Random } from "#tests/fixtures/scoring-random";
import { RATINGS, STATUSES, type ScoringInput } from "./types";

const CASES = 200;
const judgedQuestions = indexTemplate(template).questions.filter((question) => question.meta.judge.kind !== "info");

function randomInput(random: Random): ScoringInput {
  let agreement = makeAgreement({
    acceptedTransferMechanisms: random.pick([[], ["SCC"], ["SCC", "BCR"]]),
    permittedJurisdictions: random.pick([["DE", "FR"], ["DE", "FR", "NL", "GB"], ["US"]]),
  });
  agreement = withParams(agreement, "FD-INC-01", { notifyWithinHours: random.pick([12, 24, 48, 72]) });
  agreement = withParams(agreement, "FD-VUL-01", { scanEveryDays: random.int(1, 90) });
  const certificateVariants = [
    certificate(),
    certificate({ id: "c-term", expiryDate: "2028-12-30" }),
    certificate({ id: "c-body", certificationBody: "" }),
    certificate({ id: "c-few", controls: ["A.8.24", "A.5.15"] }),
    certificate({ id: "c-other", standard: "ISO 9001:2015" }),
  ];
  return makeInput({
    agreement,
    supplierId: random.pick(["sup-a", "sup-b"]),
    answers: randomAnswers(template, random),
    certifications: random.shuffle(certificateVariants).slice(0, random.int(0, 2)),
  });
}

/** A value at least as good as the current one under the rule; the ideal one when unanswered. */
function betterValue(rule: JudgeRule, current: unknown, random: Random): unknown {
  const number =
    typeof current === "number"
      ? current
      : typeof current === "string" && current.trim() !== ""
        ? Number(current)
        : NaN;
  switch (rule.kind) {
    case "boolean":
      return rule.expected;
    case "choice": {
      const scoreOf = (key: string) => rule.scores[key];
      const now = typeof current === "string" && current in rule.scores ? scoreOf(current) : -1;
      const atLeastAsGood = Object.keys(rule.scores).filter((key) => scoreOf(key) >= Math.max(now, 0));
      const best = Math.max(...Object.values(rule.scores));
      return now < 0 ? Object.keys(rule.scores).find((key) => scoreOf(key) === best) : random.pick(atLeastAsGood);
    }
    case "coverage": {
      if (!Array.isArray(current) || current.length === 0) return [...rule.required];
      const missing = rule.required.filter((value) => !current.includes(value));
      return [...current, ...random.shuffle(missing).slice(0, random.int(1, Math.max(1, missing.length)))];
    }
    case "atMost":
      return Number.isFinite(number) ? random.int(0, Math.floor(number)) : 0;
    case "atLeast":
      return Number.isFinite(number) ? number + random.int(0, 50) : 1000;
    case "present":
      return current === undefined || current === null || current === "" ? "Provided." : current;
    default:
      return current;
  }
}

/** The answers with one question moved toward its ideal answer. */
function improveOne(input: ScoringInput, question: IndexedQuestion, random: Random): Record<string, unknown> {
  const answers = structuredClone(input.answers);
  const rule = question.meta.judge;
  const holder = question.panelPath[0];
  if (rule.kind === "jurisdictions") {
    const key = holder ?? question.valueKey;
    const panels = Array.isArray(answers[key]) ? (answers[key] as Record<string, unknown>[]) : [];
    const bad = panels.findIndex((panel) =>
      readLocations([panel], rule.countryField, rule.mechanismField).some(
        (location) => !isLocationAcceptable(judgeLocation(location, input.agreement)),
      ),
    );
    const permitted = random.pick(input.agreement.permittedJurisdictions);
    if (panels.length === 0) answers[key] = [{ [rule.countryField]: permitted }];
    else if (bad >= 0) panels[bad] = { ...panels[bad], [rule.countryField]: permitted };
    return answers;
  }
  if (holder === undefined) {
    answers[question.valueKey] = betterValue(rule, answers[question.valueKey], random);
  } else if (Array.isArray(answers[holder]) && (answers[holder] as unknown[]).length > 0) {
    const panels = answers[holder] as Record<string, unknown>[];
    const panel = random.pick(panels);
    panel[question.valueKey] = betterValue(rule, panel[question.valueKey], random);
  } else {
    answers[holder] = [{ [question.valueKey]: betterValue(rule, undefined, random) }];
  }
  return answers;
}

function shuffledKeys(value: unknown, random: Random): unknown {
  if (Array.isArray(value)) return value.map((item) => shuffledKeys(item, random));
  if (value === null || typeof value !== "object") return value;
  const entries = random.shuffle(Object.entries(value as Record<string, unknown>));
  return Object.fromEntries(entries.map(([key, item]) => [key, shuffledKeys(item, random)]));
}

describe("scoring properties", () => {
  it("a better answer never lowers the score nor worsens the rating", () => {
    const random = seededRandom(20260601);
    for (let i = 0; i < CASES; i++) {
      const input = randomInput(random);
      const question = random.pick(judgedQuestions);
      const before = scoreAssessment(input);
      const after = scoreAssessment({ ...input, answers: improveOne(input, question, random) });
      const context = `case ${i}, question ${question.name}`;
      expect(after.score, context).toBeGreaterThanOrEqual(before.score);
      expect(after.computedScore, context).toBeGreaterThanOrEqual(before.computedScore);
      expect(RATINGS.indexOf(after.rating), context).toBeLessThanOrEqual(RATINGS.indexOf(before.rating));
    }
  });

  it("the order of answer keys never changes the result", () => {
    const random = seededRandom(42);
    for (let i = 0; i < CASES; i++) {
      const input = randomInput(random);
      const reordered = { ...input, answers: shuffledKeys(input.answers, random) as Record<string, unknown> };
      expect(scoreAssessment(reordered), `case ${i}`).toEqual(scoreAssessment(input));
    }
  });

  it("the same input twice gives deep-equal results, and the input is left untouched", () => {
    const random = seededRandom(1234);
    for (let i = 0; i < CASES; i++) {
      const input = randomInput(random);
      const snapshot = structuredClone(input);
      const first = scoreAssessment(input);
      expect(scoreAssessment(structuredClone(input)), `case ${i}`).toEqual(first);
      expect(input, `case ${i}`).toEqual(snapshot);
    }
  });

  it("scores are integers in 0..100 and every requirement is counted once", () => {
    const random = seededRandom(99);
    for (let i = 0; i < CASES; i++) {
      const input = randomInput(random);
      const overrides = random
        .shuffle(catalogue.map((entry) => entry.id))
        .slice(0, random.int(0, 3))
        .map((requirementId) => override({ requirementId, status: random.pick(STATUSES) }));
      const result = scoreAssessment({ ...input, overrides });
      for (const value of [result.score, result.computedScore]) {
        expect(Number.isInteger(value), `case ${i}`).toBe(true);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(100);
      }
      if (result.knockOutsFailed.length > 0) expect(result.score).toBeLessThanOrEqual(40);
      expect(Object.values(result.counts).reduce((sum, count) => sum + count, 0)).toBe(catalogue.length);
      for (const requirement of result.requirements)
        expect(requirement.reasons.length, requirement.requirementId).toBeGreaterThan(0);
    }
  });
});
