import crypto from "node:crypto";

/**
 * How a delivery is signed and when it is tried again: pure, so the unit
 * tests and the documentation speak of the same scheme.
 *
 * Flowdown-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>">, keyed
 * with the endpoint's secret; the timestamp is Unix seconds, sent as
 * Flowdown-Timestamp, so a receiver can refuse old (replayed) deliveries.
 */
export function signatureOf(secret: string, timestamp: number, body: string): string {
  return crypto.createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `v1=${signatureOf(secret, timestamp, body)}`;
}

/** A new signing secret: "whsec_" and 32 random bytes. */
export function newSigningSecret(): string {
  return `whsec_${crypto.randomBytes(32).toString("base64url")}`;
}

const MINUTE = 60_000;
export const FIRST_RETRY_MS = MINUTE;
export const MAX_RETRY_MS = 60 * MINUTE;
/** retries stop this long after the event (or after a resend) */
export const RETRY_FOR_MS = 24 * 60 * MINUTE;
export const DELIVERY_TIMEOUT_MS = 10_000;

/** The wait after failed attempt `n` (1-based): 1 min, 2, 4, … doubling, at most an hour. */
export function backoffMs(attempt: number): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new Error(`An attempt number starts at 1: ${attempt}`);
  return Math.min(FIRST_RETRY_MS * 2 ** Math.min(attempt - 1, 30), MAX_RETRY_MS);
}

/** When to try again after failed attempt `n` made at `at`; null when that would be past `giveUpAt`. */
export function nextAttemptAfter(attempt: number, at: Date, giveUpAt: Date): Date | null {
  const next = new Date(at.getTime() + backoffMs(attempt));
  return next.getTime() > giveUpAt.getTime() ? null : next;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

export type UrlVerdict = { ok: true; url: string } | { ok: false; reason: "invalid" | "scheme" | "credentials" };

/**
 * An endpoint URL: https, or http only to a loopback host (tests, local
 * development); never with credentials in it (they would sit in the log and
 * the page), never anything but http(s).
 */
export function checkEndpointUrl(raw: string): UrlVerdict {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: "invalid" };
  }
  if (url.username || url.password) return { ok: false, reason: "credentials" };
  if (url.protocol === "https:") return url.hostname ? { ok: true, url: url.href } : { ok: false, reason: "invalid" };
  if (url.protocol === "http:" && LOOPBACK.test(url.hostname)) return { ok: true, url: url.href };
  return { ok: false, reason: "scheme" };
}
