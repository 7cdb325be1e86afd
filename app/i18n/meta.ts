import { IntlMessageFormat } from "intl-messageformat";
import type { MessageId } from "#app/i18n/catalogue";
import { SOURCE_LOCALE, isLocale } from "#app/i18n/locales";
import type { MessageValues } from "#app/i18n/translate";

type Matches = readonly { id: string; data?: unknown }[];

/**
 * A message from the root's catalogue, for code that runs outside React (a
 * route's meta, which cannot use hooks); the id when there is none.
 */
export function rootMessage(matches: Matches, id: MessageId, values?: MessageValues): string {
  const root = matches.find((match) => match.id === "root")?.data as
    | { locale?: string; messages?: Record<string, string> }
    | undefined;
  const text = root?.messages?.[id];
  if (!text) return id;
  if (!values) return text;
  const locale = isLocale(root?.locale) ? root.locale : SOURCE_LOCALE;
  return String(new IntlMessageFormat(text, locale, undefined, { ignoreTag: true }).format(values));
}

/** "<message> · Flowdown": a page's title from the root's catalogue. */
export function titleOf(matches: Matches, id: MessageId, values?: MessageValues): string {
  return `${rootMessage(matches, id, values)} · Flowdown`;
}
