import { useRouteLoaderData } from "@remix-run/react";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { IntlProvider, useIntl } from "react-intl";
import type { MessageId } from "#app/i18n/catalogue";
import { dashboard } from "#app/i18n/catalogue/dashboard";
import { language } from "#app/i18n/catalogue/language";
import { formatDay, formatMoment, formatNumber, formatPercent } from "#app/i18n/format";
import { SOURCE_LOCALE, isLocale, textDirection, type Locale } from "#app/i18n/locales";
import type { MessageValues } from "#app/i18n/translate";

/** What the root loader hands every page: its language and that language's messages. */
export interface LanguageData {
  locale: Locale;
  /** whether the user (or visitor) chose the language, rather than their browser */
  chosen: boolean;
  /** the language the browser's Accept-Language alone would get */
  browser: Locale;
  messages: Record<string, string>;
  /**
   * every country as [code, name] in the reader's language, in its order: named and sorted on the server,
   * because browsers name some regions otherwise ("Hong Kong" for "Hong Kong SAR China") and a page
   * whose words differ from the server's fails to hydrate
   */
  countries: [string, string][];
}

/**
 * What a page says when the root's data is missing (an address no route
 * matches: Remix renders the error page without running the root loader):
 * the error pages' and the language menu's words, in English.
 */
const WITHOUT_ROOT_DATA: Record<string, string> = Object.fromEntries(
  Object.entries({ ...dashboard, ...language }).map(([id, entry]) => [id, entry.en]),
);

export function useLanguageData(): LanguageData {
  const data = useRouteLoaderData("root") as Partial<LanguageData> | undefined;
  const locale = isLocale(data?.locale) ? data.locale : SOURCE_LOCALE;
  const browser = isLocale(data?.browser) ? data.browser : locale;
  return {
    locale,
    chosen: data?.chosen === true,
    browser,
    messages: data?.messages ?? WITHOUT_ROOT_DATA,
    countries: data?.countries ?? [],
  };
}

/** Countries as the server names and orders them for the reader: choices for a form, and a name by code. */
const CountriesContext = createContext<[string, string][]>([]);

export function useCountries(): { options: { code: string; name: string }[]; nameOf: (code: string) => string } {
  // empty outside the portal's pages (a component rendered on its own): callers name countries themselves
  const countries = useContext(CountriesContext);
  return useMemo(() => {
    const names = new Map(countries);
    return {
      options: countries.map(([code, name]) => ({ code, name })),
      nameOf: (code: string) => names.get(code) ?? code,
    };
  }, [countries]);
}

/** Every page's messages; the `lang` and `dir` of the document come from the same data (root.tsx). */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const { locale, messages, countries } = useLanguageData();
  return (
    <IntlProvider
      locale={locale}
      messages={messages}
      defaultLocale={SOURCE_LOCALE}
      timeZone="UTC"
      onError={(error) => {
        // the catalogue test keeps every id present; a page still renders (with the id) should one slip through
        if (error.code !== "MISSING_TRANSLATION") console.error(error.message);
      }}
    >
      <CountriesContext.Provider value={countries}>{children}</CountriesContext.Provider>
    </IntlProvider>
  );
}

export function useLocale(): Locale {
  const { locale } = useIntl();
  return isLocale(locale) ? locale : SOURCE_LOCALE;
}

export function useDirection(): "ltr" | "rtl" {
  return textDirection(useLocale());
}

/**
 * The page's translator: `t("common.signOut")`, `t("review.count", { count })`.
 * `rich` takes React nodes as values (`<b>…</b>` tags in the message call a
 * function value with their content).
 */
export function useT() {
  const intl = useIntl();
  return useMemo(() => {
    const t = (id: MessageId, values?: MessageValues): string => intl.formatMessage({ id }, values);
    t.rich = (id: MessageId, values: Record<string, ReactNode | ((chunks: ReactNode[]) => ReactNode)>): ReactNode =>
      intl.formatMessage({ id }, values as never) as ReactNode;
    return t;
  }, [intl]);
}

/** Dates, moments and numbers in the page's language (format.ts): the same text on the server and in the browser. */
export function useFormat() {
  const locale = useLocale();
  return useMemo(
    () => ({
      day: (value: Date | string | number | null | undefined) => formatDay(locale, value),
      moment: (value: Date | string | number | null | undefined) => formatMoment(locale, value),
      number: (value: number, options?: Intl.NumberFormatOptions) => formatNumber(locale, value, options),
      percent: (value: number, digits?: number) => formatPercent(locale, value, digits),
    }),
    [locale],
  );
}
