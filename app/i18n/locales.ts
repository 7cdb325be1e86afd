/**
 * The languages the portal speaks (docs/decisions/013-portal-languages.md).
 * Plain data, shared by the server and the browser.
 */
import { negotiateLanguage } from "#questionnaires/languages";

export const LOCALES = ["en", "de", "ja", "ar"] as const;
export type Locale = (typeof LOCALES)[number];

/** English is the source language: every message is written in it first. */
export const SOURCE_LOCALE: Locale = "en";

/** Each language named in itself, as a language menu shows it. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  de: "Deutsch",
  ja: "日本語",
  ar: "العربية",
};

/**
 * The word "language" in each language: the questionnaire's own language
 * switch is labelled in all of them, so that someone who cannot read the
 * language it shows still finds it.
 */
export const LANGUAGE_WORD: Record<Locale, string> = { en: "Language", de: "Sprache", ja: "言語", ar: "اللغة" };

const RIGHT_TO_LEFT: ReadonlySet<Locale> = new Set(["ar"]);

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function textDirection(locale: Locale): "ltr" | "rtl" {
  return RIGHT_TO_LEFT.has(locale) ? "rtl" : "ltr";
}

/**
 * The best of the portal's languages for an Accept-Language header (RFC 9110
 * quality values, in order; "de-CH" matches "de"), or the source language:
 * the questionnaires' negotiation, over the portal's languages.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  const found = negotiateLanguage(acceptLanguage, LOCALES);
  return isLocale(found) ? found : SOURCE_LOCALE;
}
