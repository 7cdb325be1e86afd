import type { MessageId } from "#app/i18n/catalogue";
import type { LanguageData } from "#app/i18n/react";

/**
 * A page title in the reader's language: `meta` runs outside React, so it
 * reads the messages the root loader sent (app/i18n/react LanguageData).
 * Titles carry no arguments; without the table the brand alone is the title.
 */
export function pageTitle(matches: readonly { id: string; data?: unknown }[], id: MessageId): string {
  const root = matches.find((match) => match.id === "root")?.data as Partial<LanguageData> | undefined;
  return root?.messages?.[id] ?? "Flowdown";
}
