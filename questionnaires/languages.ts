/**
 * The languages questionnaires are offered in. English is the source
 * language ("default" in a SurveyJS localisation map); every shipped
 * template must be translated into every other language listed here.
 * Plain data, shared by the loader, the server and the browser.
 */
export const QUESTIONNAIRE_LANGUAGES = [
  { code: "en", name: "English" },
  { code: "de", name: "Deutsch" },
  { code: "ja", name: "日本語" },
  { code: "ar", name: "العربية" },
] as const;

export type LanguageCode = (typeof QUESTIONNAIRE_LANGUAGES)[number]["code"];

export const SOURCE_LANGUAGE: LanguageCode = "en";

/** The languages translated from English. */
export const TRANSLATED_LANGUAGES: LanguageCode[] = QUESTIONNAIRE_LANGUAGES.map((l) => l.code).filter(
  (c) => c !== SOURCE_LANGUAGE,
);

export function isLanguageCode(value: unknown): value is LanguageCode {
  return typeof value === "string" && QUESTIONNAIRE_LANGUAGES.some((l) => l.code === value);
}

export function languageName(code: string): string {
  return QUESTIONNAIRE_LANGUAGES.find((l) => l.code === code)?.name ?? code;
}

/**
 * The best of `available` for an Accept-Language header (RFC 9110 quality
 * values; "de-CH" matches "de"), or the source language.
 */
export function negotiateLanguage(acceptLanguage: string | null | undefined, available: readonly string[]): string {
  const fallback = available.includes(SOURCE_LANGUAGE) ? SOURCE_LANGUAGE : (available[0] ?? SOURCE_LANGUAGE);
  if (!acceptLanguage) return fallback;
  const ranges = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((r) => r.tag && r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranges) {
    if (tag === "*") return fallback;
    const primary = tag.split("-")[0];
    const match =
      available.find((code) => code.toLowerCase() === tag) ?? available.find((code) => code.toLowerCase() === primary);
    if (match) return match;
  }
  return fallback;
}
