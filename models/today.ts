import { isoDateOf } from "#app/scoring/dates";

/**
 * Today's UTC calendar date, from the clock unless an instant is given. The
 * calendar arithmetic lives in app/scoring/dates.ts, which must not read the
 * clock (the engine is pure), so this is the one place the clock becomes a date.
 */
export function todayIso(now: Date = new Date()): string {
  return isoDateOf(now);
}
