import { sayReason, sayReasons } from "#app/i18n/reasons";
import { describe, expect, it } from "vitest";
import { scoreAssessment } from "./assessment";
import type { DataLocation } from "./jurisdictions";
import { inherentRisk, ratingForPoints, residualRating } from "./risk";
import { answersWith, makeAgreement, makeInput } from "#tests/fixtures/scoring";
import type { AccessLevel, InfoClass, RiskRating } from "./types";

const terms = { permittedJurisdictions: ["DE"], acceptedTransferMechanisms: ["SCC"] };
const de: DataLocation = { country: "DE", transferMechanism: null };
const usScc: DataLocation = { country: "US", transferMechanism: "SCC" };
const cn: DataLocation = { country: "CN", transferMechanism: null };

describe("inherent risk: class + access + jurisdiction points", () => {
  it.each([
    { maxClass: "public", accessLevel: "none", locations: [de], points: 0, rating: "low" },
    { maxClass: "internal", accessLevel: "read", locations: [de], points: 2, rating: "low" },
    { maxClass: "internal", accessLevel: "read", locations: [de, usScc], points: 3, rating: "medium" },
    { maxClass: "confidential", accessLevel: "read", locations: [], points: 4, rating: "medium" },
    { maxClass: "confidential", accessLevel: "write", locations: [de], points: 4, rating: "medium" },
    { maxClass: "confidential", accessLevel: "write", locations: [cn], points: 6, rating: "high" },
    { maxClass: "restricted", accessLevel: "write", locations: [de], points: 5, rating: "high" },
    { maxClass: "restricted", accessLevel: "admin", locations: [usScc], points: 7, rating: "critical" },
    { maxClass: "restricted", accessLevel: "admin", locations: [de, cn], points: 8, rating: "critical" },
  ] as {
    maxClass: InfoClass;
    accessLevel: AccessLevel;
    locations: DataLocation[];
    points: number;
    rating: RiskRating;
  }[])(
    "$maxClass / $accessLevel / $locations.length location(s) → $points points, $rating",
    ({ maxClass, accessLevel, locations, points, rating }) => {
      const risk = inherentRisk({ maxClass, accessLevel }, locations, terms);
      expect(risk.points).toBe(points);
      expect(risk.rating).toBe(rating);
    },
  );

  it.each([
    [0, "low"],
    [2, "low"],
    [3, "medium"],
    [4, "medium"],
    [5, "high"],
    [6, "high"],
    [7, "critical"],
    [8, "critical"],
  ] as const)("%d points → %s", (points, rating) => {
    expect(ratingForPoints(points)).toBe(rating);
  });

  it("explains each point", () => {
    expect(
      sayReasons("en", inherentRisk({ maxClass: "restricted", accessLevel: "read" }, [cn], terms).reasons),
    ).toEqual([
      "Information class: highest class received is restricted (+3).",
      "Access level: read (+1).",
      "Jurisdiction: China (CN) is outside the permitted jurisdictions (DE) and no transfer mechanism is in place (+2).",
      "Inherent risk: 6 of 8 points, high.",
    ]);
  });

  it("unanswered locations count as unknown (+1)", () => {
    expect(sayReason("en", inherentRisk({ maxClass: "public", accessLevel: "none" }, [], terms).reasons[2])).toBe(
      "Jurisdiction: data locations not answered, so unknown (+1).",
    );
  });
});

describe("residual rating: inherent level moved by the score", () => {
  it.each([
    { inherent: "medium", score: 85, rating: "low" },
    { inherent: "medium", score: 84, rating: "medium" },
    { inherent: "medium", score: 70, rating: "medium" },
    { inherent: "medium", score: 69, rating: "high" },
    { inherent: "medium", score: 50, rating: "high" },
    { inherent: "medium", score: 49, rating: "critical" },
    { inherent: "low", score: 100, rating: "low" }, // clamped at low
    { inherent: "high", score: 10, rating: "critical" }, // clamped at critical
    { inherent: "low", score: 0, rating: "high" },
  ] as { inherent: RiskRating; score: number; rating: RiskRating }[])(
    "$inherent at $score → $rating",
    ({ inherent, score, rating }) => {
      expect(residualRating(inherent, score, []).rating).toBe(rating);
    },
  );

  it("a failed knock-out makes it at least high whatever the score", () => {
    const result = residualRating("low", 95, ["FD-INC-01"]);
    expect(result.rating).toBe("high");
    expect(sayReasons("en", result.reasons)).toEqual([
      "Compliance score 95 (85 or more) lowers the rating one level: low → low (already at the limit).",
      "Failed knock-out FD-INC-01: the rating is at least high.",
    ]);
  });

  it("names the failed knock-outs by id and title when told their titles", () => {
    const titles: Record<string, string> = { "FD-INC-01": "Breach notification", "FD-LOC-01": "Data location" };
    const result = residualRating("low", 95, ["FD-INC-01", "FD-LOC-01"], (id) => `${id} ${titles[id]}`);
    expect(sayReason("en", result.reasons.at(-1)!)).toBe(
      "Failed knock-outs FD-INC-01 Breach notification, FD-LOC-01 Data location: the rating is at least high.",
    );
  });

  it("the floor never raises a rating above high", () => {
    expect(residualRating("critical", 95, ["FD-INC-01"]).rating).toBe("high");
    expect(residualRating("critical", 75, ["FD-INC-01"]).rating).toBe("critical");
  });
});

describe("risk in a full assessment", () => {
  it("reads the supplier's class and access from its chain link and its locations from its answers", () => {
    const agreement = makeAgreement({ permittedJurisdictions: ["DE"] });
    const result = scoreAssessment(
      makeInput({
        agreement,
        answers: answersWith({ data_locations: [{ country: "DE" }, { country: "US", transferMechanism: "SCC" }] }),
      }),
    );
    // restricted (3) + write (2) + covered transfer (1) = 6 → high; score 100 → one level down
    expect(result.inherentRisk).toBe("high");
    expect(result.rating).toBe("medium");
    expect(sayReasons("en", result.riskReasons.slice(0, 4))).toEqual([
      "Information class: highest class received is restricted (+3).",
      "Access level: write (+2).",
      "Jurisdiction: United States (US) is outside the permitted jurisdictions but covered by SCC, which the agreement accepts (+1).",
      "Inherent risk: 6 of 8 points, high.",
    ]);
  });
});

describe("risk reasons in the reader's language", () => {
  it("all locations permitted, named as the questionnaire names them", () => {
    const names: Record<string, string> = { DE: "Germany" };
    const risk = inherentRisk({ maxClass: "internal", accessLevel: "read" }, [de], terms, (code) => names[code]);
    expect(sayReason("en", risk.reasons[2])).toBe("Jurisdiction: all locations permitted (Germany (DE)) (+0).");
  });

  it("says each step of the rating in German, Japanese and Arabic", () => {
    const inherent = inherentRisk({ maxClass: "restricted", accessLevel: "admin" }, [], terms);
    expect(sayReasons("de", inherent.reasons)).toEqual([
      "Informationsklasse: Die höchste erhaltene Klasse ist streng vertraulich (+3).",
      "Zugriffsebene: Administration (+3).",
      "Rechtsraum: Datenstandorte nicht beantwortet, daher unbekannt (+1).",
      "Inhärentes Risiko: 7 von 8 Punkten, kritisch.",
    ]);
    const residual = residualRating("high", 40, []);
    expect(sayReason("de", residual.reasons[0])).toBe(
      "Compliance-Score 40 (unter 50) erhöht die Einstufung um zwei Stufen: hoch → kritisch (bereits an der Grenze).",
    );
    expect(sayReason("ja", inherent.reasons[3])).toBe("固有リスク：8点中7点、評価は「重大」です。");
    const floor = residualRating("low", 95, ["FD-INC-01", "FD-LOC-01"]).reasons[1];
    expect(sayReason("ar", floor)).toContain("FD-INC-01");
    expect(sayReason("ar", floor)).toContain("مرتفع على الأقل");
    for (const locale of ["ja", "ar"] as const) {
      const said = sayReasons(locale, [...inherent.reasons, ...residual.reasons, floor]).join(" ");
      expect(said).not.toMatch(
        /Inherent risk|Information class|Compliance score|Failed knock-out|already at the limit/,
      );
    }
  });
});
