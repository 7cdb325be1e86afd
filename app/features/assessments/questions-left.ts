import type { Question, SurveyModel } from "survey-core";

/**
 * The required questions a supplier must answer with the answers given so
 * far: required (requiredIf included), visible with their panel and page,
 * and not read-only. SurveyJS evaluates the conditions, as in the browser.
 * Shared by the questionnaire's "questions left" and submission's check.
 */
export function requiredQuestions(model: SurveyModel): Question[] {
  return model
    .getAllQuestions(true)
    .filter((q) => q.isRequired && q.isVisible && !q.isReadOnly && (!q.page || q.page.isVisible));
}

export interface QuestionsLeft {
  /** required questions the supplier is asked now */
  total: number;
  /** of those, still without an answer */
  left: number;
}

export function questionsLeft(model: SurveyModel): QuestionsLeft {
  const required = requiredQuestions(model);
  return { total: required.length, left: required.filter((q) => q.isEmpty()).length };
}

const LEFT_TEXT: Record<string, (n: QuestionsLeft) => string> = {
  en: ({ left, total }) =>
    left === 0
      ? total === 1
        ? "The required question is answered"
        : `All ${total} required questions answered`
      : `${left} of ${total} question${total === 1 ? "" : "s"} left`,
  de: ({ left, total }) =>
    left === 0 ? `Alle ${total} Pflichtfragen beantwortet` : `Noch ${left} von ${total} Fragen offen`,
  ja: ({ left, total }) => (left === 0 ? `必須の${total}問すべてに回答済み` : `残り${left}問（全${total}問）`),
  ar: ({ left, total }) =>
    left === 0 ? `تمت الإجابة عن جميع الأسئلة الإلزامية (${total})` : `الأسئلة المتبقية: ${left} من ${total}`,
};

/** "12 of 31 questions left", in the questionnaire's language. */
export function questionsLeftText(counts: QuestionsLeft, language: string): string {
  return (LEFT_TEXT[language] ?? LEFT_TEXT.en)(counts);
}
