import { COUNTRY_CODES, countryName } from "#models/countries";
import { compareNames } from "#app/i18n/collation";
import type { Locale } from "#app/i18n/locales";

const byLocale = new Map<Locale, [string, string][]>();

/**
 * Every country as [code, name] in `locale`, sorted for its readers: what the
 * pages' country choices and names show. Named here, once per language, so
 * the browser shows the server's words (its own Intl data names some regions
 * otherwise, and a page that differs from the server's fails to hydrate).
 */
export function countryChoices(locale: Locale): [string, string][] {
  let list = byLocale.get(locale);
  if (!list) {
    const compare = compareNames(locale);
    list = [...COUNTRY_CODES]
      .map((code): [string, string] => [code, countryName(code, locale)])
      .sort((a, b) => compare(a[1], b[1]));
    byLocale.set(locale, list);
  }
  return list;
}
