import { createIntl, createIntlCache, type IntlShape } from "@formatjs/intl";
import type { MessageId } from "#app/i18n/catalogue";
import type { Locale } from "#app/i18n/locales";

export type MessageValues = Record<string, string | number | Date | null | undefined>;

/** A message to be said later, in the reader's language (a refusal, a notice). */
export interface MessageRef {
  id: MessageId;
  values?: MessageValues;
}

/**
 * A formatter over one language's flat message table. ICU dates in a
 * message are shown in UTC, as everywhere in the portal. An id missing from
 * the table is a programming error the catalogue test catches; at run time
 * it falls back to the id rather than failing the page.
 */
export function createTranslator(locale: Locale, messages: Record<string, string>): IntlShape<string> {
  return createIntl(
    {
      locale,
      messages,
      timeZone: "UTC",
      defaultLocale: "en",
      onError: (error) => {
        if (error.code === "MISSING_TRANSLATION" || error.code === "MISSING_DATA") return;
        console.error(error.message);
      },
    },
    createIntlCache(),
  );
}
