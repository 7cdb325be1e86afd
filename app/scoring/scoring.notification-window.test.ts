import { describe, expect, it } from "vitest";
import { inEnglish, sayReason, sayReasons } from "#app/i18n/reasons";
import { scoreAssessment } from "./assessment";
import { answersWith, makeAgreement, makeInput, requirementOf, withParams } from "#tests/fixtures/scoring";

const notifyAnswer = (result: ReturnType<typeof notificationStatus>) =>
  result.answers.find((answer) => answer.question === "inc_notify_hours")!;

function notificationStatus(answeredHours: unknown, agreementHours: number | undefined) {
  const agreement =
    agreementHours === undefined
      ? makeAgreement()
      : withParams(makeAgreement(), "FD-INC-01", { notifyWithinHours: agreementHours });
  // no certificate: its credit would blur the answer's own result
  const input = makeInput({ agreement, answers: answersWith({ inc_notify_hours: answeredHours }), certifications: [] });
  const result = scoreAssessment(input);
  return requirementOf(result, "FD-INC-01");
}

describe("breach notification is measured against the agreement's own window", () => {
  it.each([
    { answered: 24, window: 24, status: "met" },
    { answered: 25, window: 24, status: "not_met" },
    { answered: 48, window: 72, status: "met" },
    { answered: 48, window: 24, status: "not_met" },
    { answered: 72, window: 72, status: "met" },
    { answered: 73, window: 72, status: "not_met" },
    { answered: "24", window: 24, status: "met" },
  ])("$answered h against a $window h requirement → $status", ({ answered, window, status }) => {
    expect(notificationStatus(answered, window).status).toBe(status);
  });

  it("takes the catalogue default (24 h) when the agreement sets no value", () => {
    const result = notificationStatus(25, undefined);
    expect(result.params.notifyWithinHours).toBe(24);
    expect(result.status).toBe("not_met");
  });

  it("the reason cites the agreement's parameter", () => {
    const result = notificationStatus(48, 24);
    expect(inEnglish(notifyAnswer(result).reason)).toBe(
      "Fails: answered 48 h; the agreement requires 24 h or less (Notify within).",
    );
    expect(result.params).toMatchObject({ notifyWithinHours: 24 });
  });

  it("the answer's reason is said in the reader's language, hours and all", () => {
    const reason = notifyAnswer(notificationStatus(48, 24)).reason;
    expect(sayReason("de", reason)).toBe(
      "Nicht erfüllt: Antwort 48 Std.; die Vereinbarung verlangt höchstens 24 Std. (Notify within).",
    );
    const ja = sayReason("ja", reason);
    expect(ja).toMatch(/^不適合：48時間と回答しています。契約の要件は24時間以下です/);
    expect(ja).not.toMatch(/answered|requires/);
    const ar = sayReason("ar", reason);
    expect(ar).toMatch(/^غير مستوفى: /);
    expect(ar).toContain("الاتفاقية");
    expect(ar).not.toMatch(/answered|requires| h\b/);
  });

  it("a failing notification answer is a gate: the other answers cannot make up for it", () => {
    const result = notificationStatus(48, 24);
    expect(sayReason("en", result.reasons[0])).toMatch(
      /Gate question "Within how many hours do you notify a breach\?" fails/,
    );
  });

  it("a skipped notification question (a visible gate) keeps the requirement below met", () => {
    const result = notificationStatus(undefined, 24);
    expect(result.status).toBe("partially_met");
    expect(sayReasons("en", result.reasons)).toContain(
      'Gate question "Within how many hours do you notify a breach?" is not answered, so the requirement is at most partially met.',
    );
  });

  it("an unreadable notification answer counts as skipped, not as a pass", () => {
    expect(notificationStatus("asap", 24).status).toBe("partially_met");
  });
});
