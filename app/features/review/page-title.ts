import type { MessageId } from "#app/i18n/catalogue";

/**
 * A page's <title> in the reader's language, for a route's `meta`: the
 * messages come from the root loader's data (a meta function cannot use
 * hooks). Only titles without arguments.
 */
export function pageTitle(matches: ReadonlyArray<{ id: string; data?: unknown }>, id: MessageId): string {
  const root = matches.find((m) => m.id === "root")?.data as { messages?: Record<string, string> } | undefined;
  return root?.messages?.[id] ?? id;
}
