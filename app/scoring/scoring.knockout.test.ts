import { sayReasons } from "#app/i18n/reasons";
import { describe, expect, it } from "vitest";
import { scoreAssessment } from "./assessment";
import { computeScore, KNOCKOUT_CAP, type ScoredRequirement } from "./score";
import { answersWith, makeAgreement, makeInput, override } from "#tests/fixtures/scoring";
import { RATINGS, type RequirementStatus } from "./types";

function requirements(...entries: [number, RequirementStatus, boolean?][]): ScoredRequirement[] {
  return entries.map(([weight, status, knockOut = false], i) => ({ requirementId: `R${i}`, weight, status, knockOut }));
}

describe("the overall score", () => {
  it.each([
    { label: "no requirements", items: requirements(), score: 0 },
    { label: "all met", items: requirements([5, "met"], [1, "met"]), score: 100 },
    { label: "partially met counts half", items: requirements([1, "met"], [1, "partially_met"]), score: 75 },
    { label: "weights count", items: requirements([3, "met"], [1, "not_met"]), score: 75 },
    { label: "not answered counts zero", items: requirements([1, "met"], [1, "not_answered"]), score: 50 },
    { label: "rounds to an integer", items: requirements([1, "met"], [1, "not_met"], [1, "not_met"]), score: 33 },
    { label: "rounds half up", items: requirements([1, "met"], [7, "not_met"]), score: 13 },
  ])("$label → $score", ({ items, score }) => {
    const outcome = computeScore(items);
    expect(outcome.score).toBe(score);
    expect(outcome.capped).toBe(false);
  });
});

describe("knock-outs cap the score", () => {
  it("exports the cap", () => {
    expect(KNOCKOUT_CAP).toBe(40);
  });

  it.each([
    {
      label: "a failed knock-out caps a high score",
      items: requirements([5, "not_met", true], [27, "met"]),
      score: 40,
      uncapped: 84,
      capped: true,
    },
    {
      label: "a knock-out not answered fails too",
      items: requirements([5, "not_answered", true], [27, "met"]),
      score: 40,
      uncapped: 84,
      capped: true,
    },
    {
      label: "a partially met knock-out does not fail",
      items: requirements([5, "partially_met", true], [27, "met"]),
      score: 92,
      uncapped: 92,
      capped: false,
    },
    // the cap is in force though it does not lower the number: capped says so
    {
      label: "a failed knock-out below the cap",
      items: requirements([5, "not_met", true], [5, "not_met"]),
      score: 0,
      uncapped: 0,
      capped: true,
    },
  ])("$label", ({ items, score, uncapped, capped }) => {
    expect(computeScore(items)).toMatchObject({
      score,
      uncappedScore: uncapped,
      capped,
      knockOutsFailed: capped ? ["R0"] : [],
    });
  });
});

describe("a failed knock-out in a full assessment", () => {
  // the supplier trusted with the least: inherent risk low, so only the knock-out rules can push the rating up
  const lowRiskAgreement = makeAgreement({
    chain: makeAgreement().chain.map((link) =>
      link.supplierId === "sup-a" ? { ...link, maxClass: "public", accessLevel: "none" } : link,
    ),
  });
  const failedKnockOut = makeInput({ agreement: lowRiskAgreement, answers: answersWith({ inc_notify_hours: 96 }) });

  it("with everything else met, the score is capped at 40", () => {
    const result = scoreAssessment(failedKnockOut);
    expect(result.counts).toEqual({ met: 9, partially_met: 0, not_met: 1, not_answered: 0 });
    expect(result.knockOutsFailed).toEqual(["FD-INC-01"]);
    expect(result.score).toBe(40);
    expect(result.computedScore).toBe(40);
    expect(result.capped).toBe(true);
    expect(sayReasons("en", result.riskReasons)).toContain(
      "Failed knock-out FD-INC-01 Breach notification: the score is capped at 40 (84 before the cap).",
    );
  });

  it("the rating is at least high, even from low inherent risk", () => {
    const result = scoreAssessment(failedKnockOut);
    expect(result.inherentRisk).toBe("low");
    expect(RATINGS.indexOf(result.rating)).toBeGreaterThanOrEqual(RATINGS.indexOf("high"));
  });

  it("no knock-out failed: no cap", () => {
    const result = scoreAssessment(makeInput({ agreement: lowRiskAgreement }));
    expect(result).toMatchObject({ score: 100, computedScore: 100, capped: false, knockOutsFailed: [], rating: "low" });
  });

  it("the computed score keeps the cap when an override lifts the knock-out", () => {
    const result = scoreAssessment({
      ...failedKnockOut,
      overrides: [override({ requirementId: "FD-INC-01", status: "met" })],
    });
    expect(result).toMatchObject({ score: 100, computedScore: 40, capped: false, knockOutsFailed: [] });
  });

  it("an override that fails a knock-out caps the effective score only", () => {
    const result = scoreAssessment(
      makeInput({ overrides: [override({ requirementId: "FD-INC-01", status: "not_met" })] }),
    );
    expect(result).toMatchObject({ score: 40, computedScore: 100, capped: true, knockOutsFailed: ["FD-INC-01"] });
  });
});

describe("the cap in the reader's language", () => {
  it("names the failed knock-out by id and its translated title, and says the cap in German and Japanese", () => {
    const lowRisk = makeAgreement({
      chain: makeAgreement().chain.map((link) =>
        link.supplierId === "sup-a" ? { ...link, maxClass: "public", accessLevel: "none" } : link,
      ),
    });
    const result = scoreAssessment(makeInput({ agreement: lowRisk, answers: answersWith({ inc_notify_hours: 96 }) }));
    const german = sayReasons("de", result.riskReasons);
    expect(
      german.some((r) =>
        /^Nicht erfülltes K\.-o\.-Kriterium FD-INC-01 .*: Der Score ist auf 40 begrenzt \(84 vor der Begrenzung\)\.$/.test(
          r,
        ),
      ),
    ).toBe(true);
    expect(german).toContain("Compliance-Score 40 (unter 50) erhöht die Einstufung um zwei Stufen: gering → hoch.");
    const japanese = sayReasons("ja", result.riskReasons).join(" ");
    expect(japanese).toContain("スコアの上限は40です（上限適用前は84）");
    expect(japanese).not.toContain("Failed knock-out");
  });
});
