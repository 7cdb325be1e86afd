import type { Locale } from "#app/i18n/locales";

/**
 * One message in every language: ICU MessageFormat text
 * (https://formatjs.github.io/docs/core-concepts/icu-syntax), the same
 * arguments in each. A namespace file is `{ "<namespace>.<name>": entry }`,
 * written with `satisfies Messages` so a missing language does not compile.
 */
export type Entry = Record<Locale, string>;
export type Messages = Record<string, Entry>;
