import type { MetaDescriptor } from "@remix-run/node";
import { IntlMessageFormat } from "intl-messageformat";
import type { MessageId } from "#app/i18n/catalogue";
import { SOURCE_LOCALE, isLocale } from "#app/i18n/locales";
import type { MessageValues } from "#app/i18n/translate";

interface MetaMatch {
  id: string;
  data: unknown;
}

/**
 * A page's title in the reader's language, for a route's `meta` export: meta
 * runs outside React, so it reads the root's messages from the matches.
 * `values` may take the route's own data (an agreement's reference).
 */
export function pageTitle<Data = unknown>(id: MessageId, values?: (data: Data | undefined) => MessageValues) {
  return ({ matches, data }: { matches: MetaMatch[]; data?: Data }): MetaDescriptor[] => {
    const root = matches.find((m) => m.id === "root")?.data as
      | { locale?: string; messages?: Record<string, string> }
      | undefined;
    const locale = isLocale(root?.locale) ? root.locale : SOURCE_LOCALE;
    const text = root?.messages?.[id];
    if (!text) return [{ title: "Flowdown" }];
    const title = new IntlMessageFormat(text, locale, undefined, { ignoreTag: true }).format(values?.(data)) as string;
    return [{ title: `${title} · Flowdown` }];
  };
}

/** A message from the root's catalogue, for code that runs outside React (a route's meta); the id when there is none. */
export function rootMessage(matches: readonly { id: string; data?: unknown }[], id: MessageId): string {
  const root = matches.find((match) => match.id === "root")?.data as { messages?: Record<string, string> } | undefined;
  return root?.messages?.[id] ?? id;
}

/** "<message> · Flowdown": a page's title from the root's catalogue. */
export function titleOf(matches: readonly { id: string; data?: unknown }[], id: MessageId): string {
  return `${rootMessage(matches, id)} · Flowdown`;
}
