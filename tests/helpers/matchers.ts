/**
 * Custom matchers for what loaders and actions answer, registered for every test
 * through vitest.config.ts's setupFiles.
 */
import { expect } from "vitest";
import { isDataResult, replyOf } from "./responses";

type Pattern = string | RegExp;

interface Matchers<R = unknown> {
  /**
   * A 400 `data()` result with errors. With a field name: that field has errors, and with
   * `message` too, they are exactly [message] (a string) or one of them matches it (a RegExp).
   * With a RegExp alone: some error, of any field, matches it.
   */
  toBeRefused: (fieldOrMessage?: Pattern, message?: Pattern) => R;
  /** A redirect Response (302 unless told) whose Location is `location` (or matches it). */
  toRedirectTo: (location: Pattern, status?: number) => R;
  /** A Response or a `data()` result with this status (a data() result without one is a 200). */
  toHaveStatus: (status: number) => R;
}

declare module "vitest" {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-empty-interface
  interface Assertion<T = any> extends Matchers<T> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-interface
  interface AsymmetricMatchersContaining extends Matchers {}
}

const fits = (text: string, pattern: Pattern) => (typeof pattern === "string" ? text === pattern : pattern.test(text));
const show = (value: unknown) => JSON.stringify(value);

function statusOf(received: unknown): number | null {
  if (received instanceof Response) return received.status;
  if (isDataResult(received)) return received.init?.status ?? 200;
  return null;
}

expect.extend({
  toBeRefused(received: unknown, fieldOrMessage?: Pattern, message?: Pattern) {
    const fail = (why: string) => ({ pass: false, message: () => `expected a refusal: ${why}` });
    if (!isDataResult(received)) {
      return fail(`got ${received instanceof Response ? `a Response ${received.status}` : show(received)}`);
    }
    const { status, data } = replyOf(received);
    const errors = (data as { errors?: Record<string, string[]> } | null)?.errors;
    const all = Object.values(errors ?? {}).flat();
    const pass = (what: string) => ({
      pass: true,
      message: () => `expected no refusal${what}, got 400 with errors ${show(errors)}`,
    });
    if (status !== 400) return fail(`status ${status}, errors ${show(errors)}`);
    if (!errors || all.length === 0) return fail(`status 400 without errors (${show(data)})`);
    if (fieldOrMessage === undefined) return pass("");
    if (fieldOrMessage instanceof RegExp) {
      return all.some((m) => fieldOrMessage.test(m))
        ? pass(` matching ${fieldOrMessage}`)
        : fail(`no error matches ${fieldOrMessage}: ${show(errors)}`);
    }
    const messages = errors[fieldOrMessage] ?? [];
    if (messages.length === 0) return fail(`no errors for "${fieldOrMessage}": ${show(errors)}`);
    if (message === undefined) return pass(` of "${fieldOrMessage}"`);
    const ok =
      typeof message === "string"
        ? messages.length === 1 && messages[0] === message
        : messages.some((m) => fits(m, message));
    return ok
      ? pass(` of "${fieldOrMessage}" ${typeof message === "string" ? show(message) : message}`)
      : fail(
          `"${fieldOrMessage}" has ${show(messages)}, not ${typeof message === "string" ? show([message]) : message}`,
        );
  },

  toRedirectTo(received: unknown, location: Pattern, status = 302) {
    if (!(received instanceof Response)) {
      return { pass: false, message: () => `expected a redirect Response, got ${show(received)}` };
    }
    const actual = received.headers.get("Location");
    const pass = received.status === status && actual !== null && fits(actual, location);
    return {
      pass,
      message: () =>
        `expected ${pass ? "no " : ""}${status} redirect to ${location}, got ${received.status} to ${show(actual)}`,
    };
  },

  toHaveStatus(received: unknown, status: number) {
    const actual = statusOf(received);
    return {
      pass: actual === status,
      message: () =>
        actual === null
          ? `expected a Response or a data() result, got ${show(received)}`
          : `expected status ${actual === status ? "other than " : ""}${status}, got ${actual}`,
    };
  },
});
