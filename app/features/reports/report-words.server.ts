/**
 * The PDF reports' own words in a language, from the catalogue: what
 * `renderAssessmentReport`/`renderAgreementReport` print around the data.
 * English dates stay ISO ("2026-06-01", "2026-06-01 09:30 UTC"), as the
 * reports always printed them (a report's bytes are its identity, and English
 * reports are unchanged); the other languages use the portal's formats.
 */
import { formatDay, formatMoment } from "#app/i18n/format";
import { SOURCE_LOCALE, isLocale, type Locale } from "#app/i18n/locales";
import { isMessageId, tIn } from "#app/i18n/messages.server";
import { utcMinuteText } from "#app/scoring/dates";
import type { ReportWords } from "#reports/i18n";
import type { ReportLanguage } from "#reports/types";

// the reports' languages are the portal's: each type names the other's every member
const SAME_LANGUAGES: [Locale, ReportLanguage] extends [ReportLanguage, Locale] ? true : never = true;
void SAME_LANGUAGES;

const cache = new Map<Locale, ReportWords>();

/** The report's language: the one asked for, English for anything else (data made before reports had one). */
export function reportLocale(language: string | null | undefined): Locale {
  return isLocale(language) ? language : SOURCE_LOCALE;
}

export function reportWordsFor(language: string | null | undefined): ReportWords {
  const locale = reportLocale(language);
  let words = cache.get(locale);
  if (!words) {
    const english = locale === SOURCE_LOCALE;
    const isoDay = (d: string) => /^\d{4}-\d{2}-\d{2}/.test(d);
    words = {
      language: locale,
      // an id missing from the catalogue is a programming error (reports/report-language.test.ts checks them); say it as it is
      t: (id, values) => (isMessageId(id) ? tIn(locale, id, values) : id),
      day: (d) => {
        if (!d) return "—";
        if (!isoDay(d)) return d;
        return english ? d.slice(0, 10) : formatDay(locale, d.slice(0, 10));
      },
      moment: (at) => {
        if (!at) return "—";
        return english ? utcMinuteText(at) : formatMoment(locale, at);
      },
      // English reports have always printed the id; the other languages name it from the labels
      category: (id) => {
        const label = `labels.category.${id}`;
        return english || !isMessageId(label) ? id : tIn(locale, label);
      },
      upper: (text) => text.toLocaleUpperCase(locale),
    };
    cache.set(locale, words);
  }
  return words;
}
