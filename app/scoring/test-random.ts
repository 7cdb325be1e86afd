/**
 * Seeded randomness for property tests and the benchmark (never used by the
 * engine itself): a small PRNG and a generator of varied SurveyJS answers
 * for any template, driven by each question's judge rule.
 */
import type { JudgeRule, TemplateFile } from "#questionnaires/types";
import { indexTemplate } from "./template";

export interface Random {
  /** uniform in [0, 1) */
  next(): number;
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  shuffle<T>(items: readonly T[]): T[];
}

/** mulberry32: tiny, fast, and good enough to spread test cases. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => items[Math.floor(next() * items.length)],
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
  };
  return random;
}

export const COUNTRY_POOL = ["DE", "FR", "NL", "US", "CN", "GB", "IN"];
export const MECHANISM_POOL = [undefined, "none", "SCC", "BCR"];

function randomValue(rule: JudgeRule, random: Random): unknown {
  switch (rule.kind) {
    case "boolean":
      return random.chance(0.1) ? random.pick(["yes", "no", "maybe"]) : random.chance(0.7) === rule.expected;
    case "choice":
      return random.chance(0.9) ? random.pick(Object.keys(rule.scores)) : "something else";
    case "coverage":
      return random.shuffle([...rule.required, "other"]).slice(0, random.int(0, rule.required.length + 1));
    case "atMost":
    case "atLeast": {
      const n = random.int(0, 120);
      return random.chance(0.1) ? random.pick(["abc", String(n)]) : n;
    }
    case "present":
      return random.chance(0.5)
        ? "Documented in our policy."
        : [
            {
              name: `doc-${random.int(1, 99)}.pdf`,
              type: "application/pdf",
              content: `/evidence/ev-${random.int(1, 9999)}`,
            },
          ];
    case "info":
      return "Jane Doe";
    case "jurisdictions":
      return undefined; // written panel by panel, see below
  }
}

function randomLocation(rule: Extract<JudgeRule, { kind: "jurisdictions" }>, random: Random): Record<string, unknown> {
  const panel: Record<string, unknown> = { [rule.countryField]: random.pick(COUNTRY_POOL) };
  const mechanism = random.pick(MECHANISM_POOL);
  if (rule.mechanismField && mechanism !== undefined) panel[rule.mechanismField] = mechanism;
  return panel;
}

function panelsFor(answers: Record<string, unknown>, key: string, random: Random): Record<string, unknown>[] {
  if (!Array.isArray(answers[key])) answers[key] = Array.from({ length: random.int(1, 3) }, () => ({}));
  return answers[key] as Record<string, unknown>[];
}

/** Answers for every Flowdown question of the template; about one in six left unanswered. */
export function randomAnswers(template: TemplateFile, random: Random): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const question of indexTemplate(template).questions) {
    if (random.chance(1 / 6)) continue;
    const rule = question.meta.judge;
    // dynamic panels: only one level of nesting is generated, which is what templates use
    const holderKey = question.panelPath[0];
    if (rule.kind === "jurisdictions") {
      if (holderKey === undefined) {
        answers[question.valueKey] = Array.from({ length: random.int(1, 3) }, () => randomLocation(rule, random));
      } else {
        for (const panel of panelsFor(answers, holderKey, random)) Object.assign(panel, randomLocation(rule, random));
      }
    } else if (holderKey === undefined) {
      answers[question.valueKey] = randomValue(rule, random);
    } else {
      for (const panel of panelsFor(answers, holderKey, random)) panel[question.valueKey] = randomValue(rule, random);
    }
  }
  return answers;
}
