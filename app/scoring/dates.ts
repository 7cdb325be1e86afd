/**
 * Calendar dates as "YYYY-MM-DD" strings (UTC). Once a string is known to be a
 * real calendar date, plain string comparison orders it correctly, so the
 * engine never needs a Date object (and never the clock).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** true for a real calendar date written "YYYY-MM-DD" (so "2026-02-30" is false). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Throws for dates the caller controls (evaluation date, agreement term): a bad one is a programming error. */
export function assertIsoDate(value: unknown, what: string): asserts value is string {
  if (!isIsoDate(value)) {
    throw new Error(`${what} must be a calendar date "YYYY-MM-DD", got ${JSON.stringify(value)}`);
  }
}

/** Negative when a is before b, 0 on the same day, positive when after. Both must be valid ISO dates. */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The UTC calendar date of an instant. The engine never reads the clock, so the
 * instant is always passed in; `todayIso()` in models/today.ts supplies "now".
 */
export function isoDateOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

export function addDaysIso(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Adds calendar months, keeping the day or falling back to the month's last day ("2026-08-31" + 6 → "2027-02-28"). */
export function addMonthsIso(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (calendar dates, UTC). */
export function daysBetween(from: string, to: string): number {
  const a = Date.UTC(+from.slice(0, 4), +from.slice(5, 7) - 1, +from.slice(8, 10));
  const b = Date.UTC(+to.slice(0, 4), +to.slice(5, 7) - 1, +to.slice(8, 10));
  return Math.round((b - a) / 86_400_000);
}

/** An ISO instant to the minute in UTC ("2026-12-05 10:31 UTC"), as the portal and the reports print times. */
export function utcMinuteText(iso: string): string {
  // already UTC (or a UTC minute without a zone, as datetime-local fields send it): read, never re-zoned
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/.test(iso))
    return `${iso.slice(0, 16).replace("T", " ")} UTC`;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
