import { CATALOGUE, type MessageId } from "#app/i18n/catalogue";
import { LOCALES, SOURCE_LOCALE, isLocale, type Locale } from "#app/i18n/locales";
import { createTranslator, type MessageRef, type MessageValues } from "#app/i18n/translate";
import { scopedLocale } from "#app/lib/locale-scope.server";
import { uncarry } from "#app/i18n/carried";
import type { IntlShape } from "@formatjs/intl";

const tables = new Map<Locale, Record<string, string>>();
const translators = new Map<Locale, IntlShape<string>>();

/** One language's messages, id → ICU text. */
export function messagesFor(locale: Locale): Record<string, string> {
  let table = tables.get(locale);
  if (!table) {
    table = {};
    for (const [id, entry] of Object.entries(CATALOGUE)) table[id] = (entry as Record<Locale, string>)[locale];
    tables.set(locale, table);
  }
  return table;
}

/**
 * Messages only the server says: the scoring engine's reasons (said by the
 * loaders, app/i18n/reasons.ts) and the PDF reports' own words (but the
 * report form's). Pages never need them, so the browser is not sent them.
 */
export const SERVER_ONLY = /^(scoring|rules|certs|chain)\.|^pdf\.(?!form\.)|^lifecycle\.(pdf|mail)\./;

const pageTables = new Map<Locale, Record<string, string>>();

/** One language's messages as the browser receives them for its pages: all but the server's own. */
export function pageMessagesFor(locale: Locale): Record<string, string> {
  let table = pageTables.get(locale);
  if (!table) {
    table = Object.fromEntries(Object.entries(messagesFor(locale)).filter(([id]) => !SERVER_ONLY.test(id)));
    pageTables.set(locale, table);
  }
  return table;
}

function translator(locale: Locale): IntlShape<string> {
  let intl = translators.get(locale);
  if (!intl) translators.set(locale, (intl = createTranslator(locale, messagesFor(locale))));
  return intl;
}

/** The language of the request being served (see locale-scope), English outside one (scripts, direct calls in tests). */
export function currentLocale(): Locale {
  const locale = scopedLocale();
  return isLocale(locale) ? locale : SOURCE_LOCALE;
}

/** A message in a given language: for e-mails, said in their recipient's language. */
export function tIn(locale: Locale, id: MessageId, values?: MessageValues): string {
  return translator(locale).formatMessage({ id }, values);
}

/** A message in the language of the request being served. */
export function t(id: MessageId, values?: MessageValues): string {
  return tIn(currentLocale(), id, values);
}

/** Is this text a catalogue id (a refusal or zod message written as one)? */
export function isMessageId(text: string): text is MessageId {
  return Object.hasOwn(CATALOGUE, text);
}

/** A refusal's or a schema's message: a catalogue id (with its values) said in the request's language; other text as it is. */
export function say(
  message: string | MessageRef | { id: string; values?: MessageValues },
  locale: Locale = currentLocale(),
): string {
  const carried = typeof message === "string" ? uncarry(message) : null;
  if (carried) return say(carried, locale);
  const id = typeof message === "string" ? message : message.id;
  if (!isMessageId(id)) return id;
  return tIn(locale, id, typeof message === "string" ? undefined : message.values);
}

export { LOCALES };
