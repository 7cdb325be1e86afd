import { describe, expect, it } from "vitest";
import { getTemplate, templateTitleIn, questionnaireText } from "#questionnaires/loader";
import { describeAnswer, describeAnswerChanges, rewordJudgedAnswer, SOURCE_WORDING } from "#app/scoring/answers";
import { walkSurvey, type SurveyElement } from "#app/scoring/template";
import { answerWording } from "./answer-wording.server";

const short = getTemplate("short-low-risk")!;

function element(name: string): SurveyElement {
  let found: SurveyElement | undefined;
  walkSurvey(short.survey, (e) => {
    if (e.name === name) found ??= e;
  });
  return found!;
}

describe("a supplier's answers in the reader's language", () => {
  const de = answerWording("de");
  const ja = answerWording("ja");

  it("words choices, yes/no labels and question titles from the questionnaire's translations", () => {
    expect(describeAnswer(element("tlsMinimum"), "legacy", de)).toBe("TLS 1.1 oder älter, oder SSL");
    expect(describeAnswer(element("tlsMinimum"), "legacy", SOURCE_WORDING)).toBe("TLS 1.1 or older, or SSL");
    expect(describeAnswer(element("encryptionAtRest"), true, de)).toBe("Ja");
    expect(describeAnswer(element("mfaScope"), ["privileged", "email"], ja)).toMatch(/\p{Script=Han}/u);
    expect(describeAnswer(element("tlsMinimum"), null, de)).toBe("nicht beantwortet");
    const [change] = describeAnswerChanges(short, ["orgLegalName"], {}, { orgLegalName: "Yes" }, de);
    expect(change).toEqual({
      question: "orgLegalName",
      title: "Rechtlicher Name Ihrer Organisation",
      was: "nicht beantwortet",
      now: "Yes", // typed by the supplier: as typed, even when it reads like a label
    });
  });

  it("re-words a judged answer as scoring stored it, and keeps English exactly as stored", () => {
    const stored = {
      question: "tlsMinimum",
      title: questionnaireText(element("tlsMinimum").title, "en")!,
      value: "legacy",
      answerText: "TLS 1.1 or older, or SSL",
    };
    expect(rewordJudgedAnswer(short, stored, de)).toEqual({
      title: questionnaireText(element("tlsMinimum").title, "de"),
      answerText: "TLS 1.1 oder älter, oder SSL",
    });
    expect(rewordJudgedAnswer(short, stored, answerWording("en"))).toEqual({
      title: stored.title,
      answerText: stored.answerText,
    });
    // a stored text the template no longer produces is kept rather than guessed at
    expect(rewordJudgedAnswer(short, { ...stored, answerText: "TLS 1.0" }, de).answerText).toBe("TLS 1.0");
    // a field repeated in every panel: one text per panel
    const purposes = rewordJudgedAnswer(
      short,
      {
        question: "purpose",
        title: "x",
        value: ["storage", "backup"],
        answerText: "Primary storage; Backups and disaster recovery",
      },
      ja,
    );
    expect(purposes.answerText).toContain("; ");
    expect(purposes.answerText).not.toMatch(/Primary storage/);
    expect(purposes.title).toBe("x");
  });
});

describe("a template's title", () => {
  it("is translated for the shipped templates and left as written for others", () => {
    expect(templateTitleIn(short.title, "ar")).toBe("استبيان مختصر للموردين منخفضي المخاطر");
    expect(templateTitleIn(short.title, "de")).toBe("Kurzfragebogen für Lieferanten mit geringem Risiko");
    expect(templateTitleIn(short.title, "en")).toBe("Short questionnaire for low-risk suppliers");
    expect(templateTitleIn("Our own vendor questionnaire", "ja")).toBe("Our own vendor questionnaire");
  });
});
