import type { MetaFunction } from "@remix-run/node";
import type { MessageId } from "#app/i18n/catalogue";
import type { LanguageData } from "#app/i18n/react";

/**
 * A page's title in the visitor's language ("Sign in · Flowdown"): `meta`
 * runs outside React, so it reads the messages the root loader sent.
 */
export function pageTitle(matches: Parameters<MetaFunction>[0]["matches"], id: MessageId): string {
  const root = matches.find((match) => match.id === "root")?.data as Partial<LanguageData> | undefined;
  return `${root?.messages?.[id] ?? id} · Flowdown`;
}
