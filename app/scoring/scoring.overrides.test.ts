import { describe, expect, it } from "vitest";
import { scoreInEnglish as scoreAssessment } from "#tests/fixtures/scoring-english";
import { answersWith, makeInput, override, requirementOf } from "#tests/fixtures/scoring";
import type { OverrideInput, RequirementStatus } from "./types";

const encryptionFails = answersWith({ enc_at_rest: false, enc_algorithms: [] });

describe("reviewer overrides", () => {
  it("set the effective status and keep the computed one beside it", () => {
    const manual = override({ requirementId: "FD-ENC-01", status: "met" });
    const result = scoreAssessment(makeInput({ answers: encryptionFails, overrides: [manual] }));
    const encryption = requirementOf(result, "FD-ENC-01");
    expect(encryption.status).toBe("met");
    expect(encryption.computedStatus).toBe("not_met");
    expect(encryption.override).toEqual(manual);
    expect(encryption.reasons[0]).toBe(
      "Overridden by reviewer@recipient.example on Jun 2, 2026, 10:00 UTC: computed not met, set to met. " +
        "Justification: Reviewed the evidence on site; compensating control in place.",
    );
    expect(result.counts.met).toBe(10);
    expect(result.score).toBe(100);
    expect(result.computedScore).toBe(91); // 29 of 32 weight points
  });

  it("can lower a result as well", () => {
    const result = scoreAssessment(
      makeInput({ overrides: [override({ requirementId: "FD-VUL-01", status: "partially_met" })] }),
    );
    expect(requirementOf(result, "FD-VUL-01")).toMatchObject({ status: "partially_met", computedStatus: "met" });
  });

  it("leave requirements without an override untouched", () => {
    const result = scoreAssessment(
      makeInput({ overrides: [override({ requirementId: "FD-VUL-01", status: "not_met" })] }),
    );
    expect(requirementOf(result, "FD-ENC-01").override).toBeNull();
  });

  it.each([
    { label: "an empty justification", justification: "" },
    { label: "a blank justification", justification: "          " },
    { label: "a justification under 10 characters", justification: "ok, fine." },
    { label: "a padded short justification", justification: "   short     " },
  ])("refuse $label", ({ justification }) => {
    const input = makeInput({ overrides: [override({ requirementId: "FD-ENC-01", status: "met", justification })] });
    expect(() => scoreAssessment(input)).toThrow(/written justification of at least 10 characters/);
  });

  it("accept a justification of exactly 10 characters", () => {
    const input = makeInput({
      overrides: [override({ requirementId: "FD-ENC-01", status: "met", justification: "Seen audit" })],
    });
    expect(requirementOf(scoreAssessment(input), "FD-ENC-01").status).toBe("met");
  });

  it.each([
    {
      label: "a requirement outside the agreement",
      entry: override({ requirementId: "FD-NOPE-01", status: "met" }),
      error: /not a requirement of this agreement/,
    },
    {
      label: "an unknown status",
      entry: override({ requirementId: "FD-ENC-01", status: "great" as RequirementStatus }),
      error: /unknown status/,
    },
  ])("refuse $label", ({ entry, error }) => {
    expect(() => scoreAssessment(makeInput({ overrides: [entry] }))).toThrow(error);
  });

  it("the latest override of a requirement counts, whatever the list order", () => {
    const earlier = override({ requirementId: "FD-ENC-01", status: "not_met", at: "2026-06-02T09:00:00Z" });
    const later = override({ requirementId: "FD-ENC-01", status: "met", at: "2026-06-03T09:00:00Z" });
    for (const overrides of [
      [earlier, later],
      [later, earlier],
    ] as OverrideInput[][]) {
      expect(
        requirementOf(scoreAssessment(makeInput({ answers: encryptionFails, overrides })), "FD-ENC-01").override,
      ).toEqual(later);
    }
  });
});
