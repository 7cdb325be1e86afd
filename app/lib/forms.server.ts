import { locales, type z } from "zod";
import { currentLocale, isMessageId, say } from "#app/i18n/messages.server";
import type { Locale } from "#app/i18n/locales";
import { uncarry } from "#app/i18n/carried";

/** zod's own words for its default messages, in each of the portal's languages. */
const ZOD_LOCALES: Record<Locale, () => { localeError: (issue: never) => unknown }> = {
  en: locales.en,
  de: locales.de,
  ja: locales.ja,
  ar: locales.ar,
};

/**
 * One issue's message in the request's language: a schema's own message is a
 * catalogue id (said with the issue's limits as its values); zod's default
 * message is zod's, in zod's translation for the language.
 */
function issueMessage(issue: z.core.$ZodIssue, locale: Locale): string {
  const { message } = issue;
  if (uncarry(message)) return say(message, locale);
  if (isMessageId(message)) {
    const values: Record<string, string | number> = {};
    if ("minimum" in issue) values.minimum = Number(issue.minimum);
    if ("maximum" in issue) values.maximum = Number(issue.maximum);
    return say({ id: message, values }, locale);
  }
  if (locale === "en") return message;
  const translated = ZOD_LOCALES[locale]().localeError(issue as never);
  const text = typeof translated === "string" ? translated : (translated as { message?: string } | undefined)?.message;
  return text ?? message;
}

/** One zod issue's message, said in the request's language (for code that shows a single issue). */
export function sayIssue(issue: z.core.$ZodIssue): string {
  return issueMessage(issue, currentLocale());
}

/** Field errors keyed by the dotted path of each zod issue ("" = the whole form), in the request's language. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const locale = currentLocale();
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".");
    (out[key] ??= []).push(issueMessage(issue, locale));
  }
  return out;
}
