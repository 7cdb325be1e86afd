import { z } from "zod";
import { carry } from "#app/i18n/carried";

/**
 * Text a person types is refused when it is too long, never cut: the
 * schema says what the limit is and how much arrived, and the form field
 * takes the same number as its `maxLength` (so a browser stops at it).
 * Lengths are counted as the browser counts `maxlength`: UTF-16 code units.
 * Safe for the browser bundle.
 */

const COUNT = new Intl.NumberFormat("en-GB");

/** The longest e-mail address (RFC 5321's path limit less its angle brackets). */
export const EMAIL_MAX = 254;

/** 2000 → "2,000" */
export function formatCount(n: number): string {
  return COUNT.format(n);
}

/** "Scope is at most 2,000 characters (you entered 2,143)" */
export function tooLongMessage(label: string, max: number, entered: number): string {
  return `${label} is at most ${formatCount(max)} characters (you entered ${formatCount(entered)})`;
}

/** The hint a form shows beside a long text field: "At most 2,000 characters". */
export function limitHint(max: number): string {
  return `At most ${formatCount(max)} characters`;
}

const enteredLength = (issue: { input?: unknown }, max: number) =>
  typeof issue.input === "string" ? issue.input.length : max + 1;

/**
 * The error of a `.max(max)` check on a string: names the field, the limit
 * and what was entered, said in the reader's language where it is shown
 * (a catalogue message carried through zod; the label is English, so the
 * other languages leave it out: the field's own label stands beside it).
 */
export function tooLong(label: string, max: number) {
  return {
    error: (issue: { input?: unknown }) =>
      carry("common.limit.tooLong", { label, max, entered: enteredLength(issue, max) }),
  };
}

/** The same error where the field's label stands beside it anyway: "At most 200 characters (you entered 201)". */
export function atMost(max: number) {
  return {
    error: (issue: { input?: unknown }) => carry("common.limit.atMost", { max, entered: enteredLength(issue, max) }),
  };
}

/** A text field of at most `max` characters after trimming; longer is refused (see tooLong), never cut. */
export function limitedText(label: string, max: number) {
  return z.string().trim().max(max, tooLong(label, max));
}

/**
 * Text shortened for display only (in a message, a log line, a label), with
 * an ellipsis that shows it was shortened; never for a value that is kept.
 */
export function abbreviate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
