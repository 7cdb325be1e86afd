import { SOURCE_WORDING, type AnswerWording } from "#app/scoring/answers";
import { tIn } from "#app/i18n/messages.server";
import type { Locale } from "#app/i18n/locales";
import { questionnaireText } from "#questionnaires/loader";

/**
 * How a page puts a supplier's answers into words for a reader of `locale`:
 * the questionnaire's texts (choices, titles, yes/no labels) through its
 * translations, the portal's own words for what the questionnaire does not
 * say. English is the source wording, so English pages read exactly what
 * scoring stored.
 */
export function answerWording(locale: Locale): AnswerWording {
  if (locale === "en") return SOURCE_WORDING;
  return {
    text: (text) => questionnaireText(text, locale),
    yes: tIn(locale, "answers.yes"),
    no: tIn(locale, "answers.no"),
    none: tIn(locale, "answers.none"),
    other: tIn(locale, "answers.other"),
    notAnswered: tIn(locale, "answers.notAnswered"),
    unnamedFile: tIn(locale, "answers.unnamedFile"),
  };
}
