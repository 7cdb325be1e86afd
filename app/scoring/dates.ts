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
