import { describe, expect, it } from "vitest";
import { inEnglish, sayReason } from "#app/i18n/reasons";
import { scoreAssessment } from "./assessment";
import { answersWith, makeAgreement, makeInput, requirementOf } from "#tests/fixtures/scoring";

function locationResult(locations: unknown, accepted = ["SCC"]) {
  const agreement = makeAgreement({ acceptedTransferMechanisms: accepted });
  // no certificate, so no certification credit blurs the answer's own result
  const input = makeInput({ agreement, answers: answersWith({ data_locations: locations }), certifications: [] });
  return requirementOf(scoreAssessment(input), "FD-LOC-01");
}

describe("data location is judged against permitted jurisdictions and accepted transfer mechanisms", () => {
  it.each([
    { label: "all in permitted countries", locations: [{ country: "DE" }, { country: "NL" }], status: "met" },
    {
      label: "a non-permitted country, no mechanism",
      locations: [{ country: "DE" }, { country: "US" }],
      status: "not_met",
    },
    {
      label: "a non-permitted country, mechanism 'none'",
      locations: [{ country: "US", transferMechanism: "none" }],
      status: "not_met",
    },
    {
      label: "a non-permitted country under SCC (accepted)",
      locations: [{ country: "US", transferMechanism: "SCC" }],
      status: "met",
    },
    {
      label: "a non-permitted country under BCR (not accepted)",
      locations: [{ country: "US", transferMechanism: "BCR" }],
      status: "not_met",
    },
    { label: "no panels", locations: [], status: "not_answered" },
  ])("$label → $status", ({ locations, status }) => {
    expect(locationResult(locations).status).toBe(status);
  });

  it("a mechanism is only good when this agreement accepts it", () => {
    const locations = [{ country: "US", transferMechanism: "SCC" }];
    expect(locationResult(locations, ["SCC"]).status).toBe("met");
    expect(locationResult(locations, ["BCR"]).status).toBe("not_met");
    expect(locationResult(locations, []).status).toBe("not_met");
  });

  it("the reason names the offending country", () => {
    const result = locationResult([{ country: "DE" }, { country: "CN", transferMechanism: "BCR" }]);
    expect(inEnglish(result.answers[0].reason)).toBe(
      "Fails: China (CN) is outside the permitted jurisdictions (DE, FR, NL) and its transfer mechanism BCR " +
        "is not one the agreement accepts (SCC).",
    );
  });

  it("the reason is said in the reader's language, the country named in it", () => {
    const reason = locationResult([{ country: "US" }]).answers[0].reason;
    expect(sayReason("de", reason)).toBe(
      "Nicht erfüllt: Vereinigte Staaten (US) liegt außerhalb der zulässigen Rechtsordnungen (DE, FR und NL), " +
        "und es besteht kein Übermittlungsmechanismus.",
    );
    const ja = sayReason("ja", reason);
    expect(ja).toMatch(/^不適合：アメリカ合衆国（US）は許可された法域/);
    expect(ja).toContain("移転メカニズムがありません");
    const ar = sayReason("ar", reason);
    expect(ar).toMatch(/^غير مستوفى: /);
    expect(ar).toContain("(US) خارج الولايات القضائية المسموح بها");
    expect(ar).not.toMatch(/outside|United States/);
  });

  it("the judged value is the whole panel array of the dynamic panel", () => {
    const locations = [{ country: "DE" }, { country: "US", transferMechanism: "SCC" }];
    expect(locationResult(locations).answers[0].value).toEqual(locations);
  });
});
