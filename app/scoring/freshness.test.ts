import { describe, expect, it } from "vitest";
import { scoreAssessment } from "./assessment";
import { addDaysIso } from "./dates";
import {
  basisChanges,
  describeDifference,
  isMaterial,
  dateWindow,
  resultDifference,
  scoreBasis,
  type BasisInputs,
} from "./freshness";
import { certificate, idealAnswers, makeAgreement, makeInput } from "#tests/fixtures/scoring";
import { seededRandom, type Random } from "#tests/fixtures/scoring-random";
import type { ScoringInput, ScoringResult } from "./types";
import { sayReasons } from "#app/i18n/reasons";

function inputs(partial: Partial<BasisInputs> = {}): BasisInputs {
  return {
    agreementRevision: 3,
    agreementEffectiveDate: "2026-01-01",
    agreementEndDate: "2028-12-31",
    templateVersion: "t1",
    catalogueVersion: "c1",
    answersDigest: "abc",
    certificates: [{ id: "c1", updatedMs: 1, issueDate: "2025-06-01", expiryDate: "2027-05-31" }],
    evaluationDate: "2026-06-01",
    ...partial,
  };
}

describe("what a result was computed from", () => {
  it("holds until the first day a certificate's or the agreement's date is passed", () => {
    expect(dateWindow("2026-06-01", ["2025-06-01", "2027-05-31", "2026-01-01"]).next).toBe("2027-05-31");
    // the day after the expiry date is the first on which "expired" becomes true
    expect(dateWindow("2027-05-31", ["2027-05-31"]).next).toBe("2027-06-01");
    expect(dateWindow("2030-01-01", ["2027-05-31"]).next).toBeNull();
    expect(scoreBasis(inputs()).validUntil).toBe("2027-05-31");
  });

  // the agreement's own dates change only with an edit, which takes a new revision
  it("gives the same key for every day of one window and another key for anything that can change the score", () => {
    const base = scoreBasis(inputs());
    expect(scoreBasis(inputs({ evaluationDate: "2026-12-05" })).key).toBe(base.key);
    expect(scoreBasis(inputs({ evaluationDate: "2027-05-31" })).key).not.toBe(base.key);
    const changed: Partial<BasisInputs>[] = [
      { agreementRevision: 4 },
      { templateVersion: "t2" },
      { catalogueVersion: "c2" },
      { answersDigest: "abd" },
      { certificates: [] },
      { certificates: [{ id: "c1", updatedMs: 2, issueDate: "2025-06-01", expiryDate: "2027-05-31" }] },
    ];
    for (const change of changed) expect(scoreBasis(inputs(change)).key, JSON.stringify(change)).not.toBe(base.key);
  });

  it("names what changed in the reader's words", () => {
    const before = scoreBasis(inputs());
    const after = scoreBasis(
      inputs({
        agreementRevision: 4,
        certificates: [
          { id: "c1", updatedMs: 1, issueDate: "2025-06-01", expiryDate: "2027-05-31" },
          { id: "c2", updatedMs: 5, issueDate: "2026-02-01", expiryDate: "2029-01-31" },
        ],
      }),
    );
    expect(sayReasons("en", basisChanges(before, after))).toEqual([
      "The agreement changed (revision 3 → 4).",
      "A certificate was added.",
    ]);
    const later = scoreBasis(inputs({ evaluationDate: "2027-06-01" }));
    expect(sayReasons("en", basisChanges(before, later))).toEqual([
      "The date passed a certificate's or the agreement's date (now Jun 1, 2027).",
    ]);
  });
});

describe("why a result was computed again, in the reader's language", () => {
  it("says the basis changes in German and Arabic", () => {
    const before = scoreBasis(inputs());
    const after = scoreBasis(
      inputs({
        agreementRevision: 4,
        templateVersion: "other",
        certificates: [
          { id: "c1", updatedMs: 1, issueDate: "2025-06-01", expiryDate: "2027-05-31" },
          { id: "c2", updatedMs: 5, issueDate: "2026-02-01", expiryDate: "2029-01-31" },
          { id: "c3", updatedMs: 5, issueDate: "2026-02-01", expiryDate: "2029-01-31" },
        ],
      }),
    );
    expect(sayReasons("de", basisChanges(before, after))).toEqual([
      "Die Vereinbarung wurde geändert (Revision 3 → 4).",
      "Die Version des Fragebogens hat sich geändert.",
      "2 Zertifikate wurden hinzugefügt.",
    ]);
    const arabic = sayReasons("ar", basisChanges(before, after));
    expect(arabic[0]).toBe("تغيّرت الاتفاقية (من المراجعة 3 إلى 4).");
    expect(arabic.join(" ")).not.toMatch(/[A-Za-z]/);
  });

  it("says a requirement's change of status in Japanese, its title translated", () => {
    const lines = describeDifference({
      requirements: [
        {
          requirementId: "FD-INC-01",
          title: "Breach notification within the agreed window",
          from: "not_met",
          to: "met",
        },
      ],
      score: { from: 40, to: 85 },
      rating: { from: "high", to: "low" },
      knockOuts: null,
    });
    const japanese = sayReasons("ja", lines);
    expect(japanese[0]).toMatch(/^FD-INC-01 .+: 未充足 → 充足。$/);
    expect(japanese[0]).not.toContain("Breach notification");
    expect(japanese.slice(1)).toEqual(["スコア 40 → 85。", "リスク評価 高 → 低。"]);
    expect(sayReasons("en", lines)).toEqual([
      "FD-INC-01 Breach notification within the agreed window: not met → met.",
      "Score 40 → 85.",
      "Risk rating high → low.",
    ]);
  });
});

describe("how two results of one assessment differ", () => {
  const result = (input: Partial<ScoringInput> = {}) => scoreAssessment(makeInput(input));

  it("finds no difference between a result and itself", () => {
    const r = result();
    const difference = resultDifference(r, r);
    expect(isMaterial(difference)).toBe(false);
    expect(sayReasons("en", describeDifference(difference))).toEqual([]);
  });

  it("names each requirement whose status changed, with its id and title, and the score and rating", () => {
    const strict = result({ agreement: makeAgreement({ acceptedTransferMechanisms: [] }) });
    const lenient = result({ agreement: makeAgreement({ acceptedTransferMechanisms: ["SCC", "BCR"] }) });
    const difference = resultDifference(strict, lenient);
    const lines = sayReasons("en", describeDifference(difference));
    for (const change of difference.requirements) {
      expect(lines.join(" ")).toContain(`${change.requirementId} ${change.title}`);
    }
    if (strict.score !== lenient.score) expect(lines.join(" ")).toContain(`Score ${strict.score} → ${lenient.score}`);
  });
});

/**
 * The property the re-scoring relies on: within one window of days (the
 * basis key is the same), scoring gives the same verdicts, so a result is
 * computed again only when something that can change it did.
 */
describe("re-scoring with unchanged inputs changes nothing", () => {
  function randomDate(random: Random, from: string, days: number): string {
    return addDaysIso(from, random.int(0, days));
  }

  function verdicts(r: ScoringResult) {
    return {
      score: r.score,
      rating: r.rating,
      knockOuts: r.knockOutsFailed,
      statuses: r.requirements.map((q) => [q.requirementId, q.status, q.computedStatus]),
      certificates: r.certifications.map((c) => [c.certificationId, c.valid]),
    };
  }

  it("gives the same verdicts on every day that shares the basis key (200 random cases)", () => {
    const random = seededRandom(20261205);
    for (let i = 0; i < 200; i++) {
      const agreement = makeAgreement({
        effectiveDate: randomDate(random, "2025-01-01", 700),
        endDate: randomDate(random, "2027-01-01", 900),
      });
      const certificates = Array.from({ length: random.int(0, 3) }, (_, n) => {
        const issueDate = randomDate(random, "2024-01-01", 1200);
        return certificate({ id: `c${n}`, issueDate, expiryDate: addDaysIso(issueDate, random.int(0, 1100)) });
      });
      const day = randomDate(random, "2025-06-01", 1400);
      const basis = (evaluationDate: string) =>
        scoreBasis({
          agreementRevision: 1,
          agreementEffectiveDate: agreement.effectiveDate,
          agreementEndDate: agreement.endDate,
          templateVersion: "t",
          catalogueVersion: "c",
          answersDigest: "a",
          certificates: certificates.map((c) => ({
            id: c.id,
            updatedMs: 0,
            issueDate: c.issueDate,
            expiryDate: c.expiryDate,
          })),
          evaluationDate,
        });
      const first = basis(day);
      const lastSameDay = first.validUntil ? addDaysIso(first.validUntil, -1) : addDaysIso(day, 3650);
      expect(basis(lastSameDay).key).toBe(first.key);
      const score = (evaluationDate: string) =>
        verdicts(
          scoreAssessment(
            makeInput({ agreement, certifications: certificates, answers: idealAnswers(), evaluationDate }),
          ),
        );
      expect(score(lastSameDay), `case ${i}: ${day} and ${lastSameDay}`).toEqual(score(day));
      if (first.validUntil) expect(basis(first.validUntil).key).not.toBe(first.key);
    }
  });
});
