import { describe, expect, it } from "vitest";
import { Model } from "survey-core";
import { questionsLeft, questionsLeftText } from "./questions-left";

const survey = {
  pages: [
    {
      name: "p1",
      elements: [
        { type: "boolean", name: "developsSoftware", isRequired: true },
        {
          type: "panel",
          name: "dev",
          visibleIf: "{developsSoftware} = true",
          elements: [{ type: "text", name: "sdlc", isRequired: true }],
        },
        { type: "text", name: "hours", requiredIf: "{developsSoftware} = false" },
        { type: "text", name: "optional" },
        { type: "text", name: "locked", isRequired: true, enableIf: "{developsSoftware} = true" },
      ],
    },
    {
      name: "p2",
      visibleIf: "{developsSoftware} notempty",
      elements: [{ type: "text", name: "late", isRequired: true }],
    },
  ],
};

describe("questions left", () => {
  it("counts the required questions the supplier sees now, as answers show, hide, require or unlock them", () => {
    const model = new Model(survey);
    // a disabled question cannot be answered, and a hidden page's question is not asked yet
    expect(questionsLeft(model)).toEqual({ left: 1, total: 1 });
    model.setValue("developsSoftware", true);
    expect(questionsLeft(model)).toEqual({ left: 3, total: 4 });
    model.setValue("sdlc", "documented");
    model.setValue("locked", "x");
    expect(questionsLeft(model)).toEqual({ left: 1, total: 4 });
    model.setValue("developsSoftware", false);
    // the panel hides, "hours" becomes required, "locked" is disabled again
    expect(questionsLeft(model)).toEqual({ left: 2, total: 3 });
  });

  it("says it in the questionnaire's language", () => {
    expect(questionsLeftText({ left: 12, total: 31 }, "en")).toBe("12 of 31 questions left");
    expect(questionsLeftText({ left: 0, total: 14 }, "en")).toBe("All 14 required questions answered");
    expect(questionsLeftText({ left: 1, total: 1 }, "en")).toBe("1 of 1 question left");
    expect(questionsLeftText({ left: 12, total: 31 }, "de")).toBe("Noch 12 von 31 Fragen offen");
    expect(questionsLeftText({ left: 12, total: 31 }, "ja")).toBe("残り12問（全31問）");
    expect(questionsLeftText({ left: 12, total: 31 }, "ar")).toBe("الأسئلة المتبقية: 12 من 31");
    expect(questionsLeftText({ left: 2, total: 3 }, "fr")).toBe("2 of 3 questions left");
  });
});
