/**
 * Reasons in the product's words: whatever a supplier answers on the shipped
 * questionnaires, no reason shows a stored choice value ("tls13"), a
 * parameter key ("(notifyWithinHours)") or "a ISO…"; answers are recorded
 * with the text the supplier saw; requirements are named by id and title.
 */
import { inEnglish, sayReasons } from "#app/i18n/reasons";
import { describe, expect, it } from "vitest";
import { getTemplate, loadCatalogue } from "#questionnaires/loader";
import type { TemplateFile } from "#questionnaires/types";
import { choiceTexts } from "./answers";
import { scoreAssessment } from "./assessment";
import { composeChain } from "./chain";
import { indefiniteArticle, withArticle } from "./status";
import { walkSurvey } from "./template";
import { certificate, makeAgreement, makeInput, withParams } from "#tests/fixtures/scoring";
import { randomAnswers, seededRandom } from "#tests/fixtures/scoring-random";
import type { ScoringResult } from "./types";

const CASES = 60;
const catalogue = loadCatalogue().requirements;
const agreement = withParams(
  makeAgreement({
    requirements: catalogue.map((r) => ({ id: r.id, params: {} })),
    phases: [],
  }),
  "FD-INC-01",
  { notifyWithinHours: 24 },
);
const certificates = [
  certificate(),
  certificate({ id: "c-late", issueDate: "2026-03-01" }),
  certificate({ id: "c-term", expiryDate: "2027-06-30" }),
  certificate({ id: "c-scope", scope: "Payroll" }),
  certificate({ id: "c-soc", standard: "SOC 2 Type II", controls: ["A.8.24"] }),
];

/** Stored values whose text differs ("tls13" → "TLS 1.3"): quoting one in a reason would show the raw value. */
function rawValuesOf(template: TemplateFile): string[] {
  const raw = new Set<string>();
  walkSurvey(template.survey, (element) => {
    for (const [value, text] of choiceTexts(element)) if (value !== text) raw.add(value);
  });
  return [...raw];
}

function everyText(result: ScoringResult): string[] {
  return sayReasons("en", [
    ...result.riskReasons,
    ...result.certifications.flatMap((c) => c.findings),
    ...result.requirements.flatMap((r) => [...r.reasons, ...r.answers.map((a) => a.reason)]),
  ]);
}

const paramKeys = [...new Set(catalogue.flatMap((r) => r.parameters.map((p) => p.key)))].filter((key) =>
  /[A-Z]/.test(key),
);

describe.each(["short-low-risk", "full-security"])("reasons on the %s questionnaire", (templateId) => {
  const template = getTemplate(templateId)!;
  const raw = rawValuesOf(template);
  const results = Array.from({ length: CASES }, (_, seed) => {
    const random = seededRandom(seed + 1);
    return scoreAssessment(
      makeInput({
        agreement,
        catalogue,
        template,
        answers: randomAnswers(template, random),
        certifications: random.shuffle(certificates).slice(0, random.int(0, 3)),
      }),
    );
  });

  it("has choices whose stored values differ from their text, so the check below means something", () => {
    expect(raw).toEqual(expect.arrayContaining(["tls13", "roleBased"].filter(() => templateId === "full-security")));
    expect(raw.length).toBeGreaterThan(5);
  });

  it("never shows a parameter key, in brackets or anywhere else", () => {
    for (const result of results) {
      for (const text of everyText(result)) {
        expect(text).not.toMatch(/\(\w+(Hours|Days|Months)\)/);
        for (const key of paramKeys) expect(text, text).not.toContain(key);
      }
    }
  });

  it("never quotes a stored choice value, nor any camelCase value", () => {
    const rawSet = new Set(raw);
    for (const result of results) {
      for (const text of everyText(result)) {
        expect(text).not.toMatch(/"[a-z]+[A-Z]\w*"/);
        for (const [, quoted] of text.matchAll(/"([^"]*)"/g)) expect(rawSet.has(quoted), text).toBe(false);
      }
    }
  });

  it("chooses a or an by sound", () => {
    for (const result of results) {
      for (const text of everyText(result)) expect(text).not.toMatch(/\b[Aa] (ISO|SOC|[AEIOU][a-z])/);
    }
  });

  it("records every answered choice by the text the supplier saw", () => {
    const codes = new Set(raw.filter((value) => /^[a-z]+([A-Z]|\d)\w*$/.test(value)));
    let checked = 0;
    for (const result of results) {
      for (const answer of result.requirements.flatMap((r) => r.answers)) {
        // coded values such as "tls13", "roleBased", "aes256" (not country codes, not plain words)
        if (typeof answer.value === "string" && codes.has(answer.value)) {
          expect(answer.answerText).not.toBe(answer.value);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("names a failed knock-out by id and title", () => {
    const capped = results.filter((result) => result.capped);
    expect(capped.length).toBeGreaterThan(0);
    for (const result of capped) {
      const reason = sayReasons("en", result.riskReasons).find((r) => r.startsWith("Failed knock-out"))!;
      for (const id of result.knockOutsFailed) {
        const title = catalogue.find((r) => r.id === id)!.title;
        expect(reason).toContain(`${id} ${title}`);
      }
    }
  });
});

describe("wording of particular answers on the full questionnaire", () => {
  const template = getTemplate("full-security")!;
  const score = (answers: Record<string, unknown>) =>
    scoreAssessment(makeInput({ agreement, catalogue, template, answers, certifications: [certificate()] }));
  const answerOf = (result: ScoringResult, question: string) =>
    result.requirements.flatMap((r) => r.answers).find((a) => a.question === question)!;

  it("a protocol choice by its text, a parameter by its label with its unit", () => {
    const result = score({
      tlsMinimum: "tls13",
      accessModel: "roleBased",
      breachNotifyHours: 48,
      accessReviewMonths: 12,
    });
    expect(inEnglish(answerOf(result, "tlsMinimum").reason)).toBe('Meets: answered "TLS 1.3", worth 1 of 1.');
    expect(answerOf(result, "tlsMinimum").answerText).toBe("TLS 1.3");
    expect(inEnglish(answerOf(result, "accessModel").reason)).toContain(
      '"Role-based, least privilege, individual named accounts"',
    );
    expect(inEnglish(answerOf(result, "breachNotifyHours").reason)).toBe(
      "Fails: answered 48 h; the agreement requires 24 h or less (Breach notification window).",
    );
    expect(inEnglish(answerOf(result, "accessReviewMonths").reason)).toBe(
      "Fails: answered 12 months; the agreement requires 6 months or less (Maximum interval between access reviews).",
    );
  });

  it("a country by its name, and a covered one as covered by the mechanism, not permitted", () => {
    const result = score({
      dataLocations: [
        { country: "DE", purpose: "storage", transferMechanism: "none" },
        { country: "US", purpose: "support", transferMechanism: "SCC" },
      ],
    });
    const locations = answerOf(result, "dataLocations");
    expect(inEnglish(locations.reason)).toBe(
      "Meets: Germany (DE) is a permitted jurisdiction; United States (US) is outside the permitted " +
        "jurisdictions but covered by SCC, which the agreement accepts.",
    );
    expect(locations.answerText).toBe(
      "Germany / Primary storage / None needed (country is permitted by the agreement); " +
        "United States / Support and remote access / Standard contractual clauses",
    );
    expect(sayReasons("en", result.riskReasons)).toContain(
      "Jurisdiction: United States (US) is outside the permitted jurisdictions but covered by SCC, " +
        "which the agreement accepts (+1).",
    );
  });
});

describe("the chain calls a covered location covered", () => {
  it("names the country, the supplier and the mechanism, and does not call it permitted", () => {
    const chain = composeChain(agreement, [
      { supplierId: "sup-a", notifyHours: 12, locations: [{ country: "DE", transferMechanism: null }] },
      { supplierId: "sup-b", notifyHours: 12, locations: [{ country: "US", transferMechanism: "SCC" }] },
    ]);
    const link = chain.links.find((l) => l.supplierId === "sup-b")!;
    expect(link.locationOk).toBe(true);
    expect(link.locationsCovered).toEqual([{ supplierId: "sup-b", country: "US", mechanism: "SCC" }]);
    expect(sayReasons("en", link.reasons).at(-1)).toBe(
      "Locations: US (Beta Backup) covered by SCC, which the agreement accepts; every other location on the path is permitted.",
    );
    const tierOne = chain.links.find((l) => l.supplierId === "sup-a")!;
    expect(sayReasons("en", tierOne.reasons).at(-1)).toBe(
      "Locations: every supplier on the path keeps information in permitted jurisdictions.",
    );
  });
});

describe("a or an", () => {
  it.each([
    ["ISO/IEC 27001:2022 certificate", "an"],
    ["SOC 2 Type II report", "an"],
    ["BSI certificate", "a"],
    ["NIST framework", "an"],
    ["certificate", "a"],
    ["expiry", "an"],
    ["hour", "an"],
    ["user", "a"],
    ["European standard", "a"],
    ["8-hour window", "an"],
    ["24-hour window", "a"],
  ])("%s → %s", (phrase, article) => {
    expect(indefiniteArticle(phrase)).toBe(article);
    expect(withArticle(phrase)).toBe(`${article} ${phrase}`);
  });
});
