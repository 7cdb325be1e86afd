import type { Locale } from "#app/i18n/locales";

/**
 * Dates, times and numbers in the reader's language. Stored values stay ISO
 * and UTC; the portal shows them in UTC, said so, so that every party of a
 * cross-border agreement reads the same instant. Shared by the server and
 * the browser, so a page renders the same text on both.
 */
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...options })));
  return format;
}

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

function asDate(value: Date | string | number): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A calendar day ("5 Dec 2026", "05.12.2026", "2026/12/05"); a date-only ISO string is read as that day. */
export function formatDay(locale: Locale, value: Date | string | number | null | undefined): string {
  if (value == null || value === "") return "";
  const date = asDate(value);
  return date ? dateFormat(locale, { dateStyle: "medium" }).format(date) : String(value);
}

/** A moment to the minute, in UTC, with the zone named. */
export function formatMoment(locale: Locale, value: Date | string | number | null | undefined): string {
  if (value == null || value === "") return "";
  const date = asDate(value);
  if (!date) return String(value);
  return (
    dateFormat(locale, {
      dateStyle: "medium",
      timeStyle: "short",
      hourCycle: "h23",
    }).format(date) + " UTC"
  );
}

export function formatNumber(locale: Locale, value: number, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(locale, options).format(value);
}

/** A share given as 0–100 ("87 %" in German, "87%" in English). */
export function formatPercent(locale: Locale, value: number, maximumFractionDigits = 0): string {
  return numberFormat(locale, { style: "percent", maximumFractionDigits }).format(value / 100);
}
