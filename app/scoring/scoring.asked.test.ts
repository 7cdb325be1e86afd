import { describe, expect, it } from "vitest";
import { scoreInEnglish as scoreAssessment } from "#tests/fixtures/scoring-english";
import { idealAnswers, makeInput, requirementOf } from "#tests/fixtures/scoring";

// a tailored questionnaire asked only what the agreement needed when it was sent
const INCIDENT_QUESTIONS = ["inc_plan", "inc_notify_hours", "inc_plan_file"];

describe("a requirement whose questions the tailored questionnaire did not ask", () => {
  it("is not answered, and the reason says it was not asked and what to do", () => {
    const answers = Object.fromEntries(
      Object.entries(idealAnswers()).filter(([name]) => !INCIDENT_QUESTIONS.includes(name)),
    );
    const asked = Object.keys(answers);
    const result = scoreAssessment(makeInput({ answers, askedQuestions: asked }));
    const incidents = requirementOf(result, "FD-INC-01");
    expect(incidents.status).toBe("not_answered");
    expect(incidents.reasons[0]).toMatch(/did not ask this requirement's questions.+A re-assessment asks them/);
  });

  it("is judged as before when its questions were asked, or when everything was asked", () => {
    const tailored = scoreAssessment(makeInput({ askedQuestions: Object.keys(idealAnswers()) }));
    const whole = scoreAssessment(makeInput({}));
    expect(requirementOf(tailored, "FD-INC-01").status).toBe(requirementOf(whole, "FD-INC-01").status);
    expect(requirementOf(tailored, "FD-INC-01").reasons).toEqual(requirementOf(whole, "FD-INC-01").reasons);
  });
});
