import { data } from "@remix-run/node";
import { orUnavailable } from "./db.server";
import { trusted } from "./ids.server";
import { Attempt, deleteOldAttempts } from "#models/attempt.server";
import { clientIp } from "./http.server";

const MINUTE = 60_000;

interface Limit {
  max: number;
  windowMs: number;
}

/**
 * Attempts allowed per client address and per account in a sliding window.
 * Only what could be guessed counts: failed sign-ins, failed invitation
 * sign-ins and unusable invitation links, and every report verification (a
 * 50 MB upload is hashed each time).
 */
export const RATE_LIMITS = {
  // failed sign-ins from browsers that have not signed in to the account before
  login: { ip: { max: 30, windowMs: 15 * MINUTE }, account: { max: 5, windowMs: 15 * MINUTE } },
  // failed sign-ins from a browser that has (its known-device id is the "account"): they slow that browser only
  device: { account: { max: 5, windowMs: 15 * MINUTE } },
  invite: { ip: { max: 20, windowMs: 15 * MINUTE }, account: { max: 5, windowMs: 15 * MINUTE } },
  verify: { ip: { max: 30, windowMs: 10 * MINUTE } },
  password: { account: { max: 5, windowMs: 15 * MINUTE } },
  // every reset request counts (it sends mail), whether or not the address has an account
  reset: { ip: { max: 10, windowMs: 15 * MINUTE }, account: { max: 3, windowMs: 60 * MINUTE } },
  // unknown or dead set-password links
  token: { ip: { max: 20, windowMs: 15 * MINUTE } },
} satisfies Record<string, { ip?: Limit; account?: Limit }>;

export type RateScope = keyof typeof RATE_LIMITS;
export interface Subjects {
  /** the client address; by default the request's */
  ip?: string;
  /** the account (e-mail, user id or invitation, or a known browser's id) the attempt is about */
  account?: string;
}

function keysFor(scope: RateScope, request: Request, subjects: Subjects): { key: string; limit: Limit }[] {
  const limits: { ip?: Limit; account?: Limit } = RATE_LIMITS[scope];
  const out: { key: string; limit: Limit }[] = [];
  // "" only off the HTTP server (scripts and tests that give no connection): they share one bucket
  if (limits.ip) out.push({ key: `${scope}:ip:${(subjects.ip ?? clientIp(request)) || "direct"}`, limit: limits.ip });
  if (limits.account && subjects.account)
    out.push({ key: `${scope}:account:${subjects.account.toLowerCase().slice(0, 300)}`, limit: limits.account });
  return out;
}

/** Minutes until another attempt is allowed, or null when the attempt may go ahead. */
export async function rateLimited(
  scope: RateScope,
  request: Request,
  subjects: Subjects = {},
  now = new Date(),
): Promise<number | null> {
  let waitMs = 0;
  for (const { key, limit } of keysFor(scope, request, subjects)) {
    const since = new Date(now.getTime() - limit.windowMs);
    const inWindow = await orUnavailable(
      Attempt.find({ key, at: trusted({ $gt: since }) }, { at: 1 })
        .sort({ at: -1 })
        .limit(limit.max)
        .lean(),
    );
    if (inWindow.length >= limit.max) {
      // the oldest of the last `max` attempts has to leave the window first
      const oldest = inWindow[inWindow.length - 1].at;
      waitMs = Math.max(waitMs, oldest.getTime() + limit.windowMs - now.getTime());
    }
  }
  return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / MINUTE)) : null;
}

/** Counts one attempt against the client address and the account. */
export async function recordAttempt(
  scope: RateScope,
  request: Request,
  subjects: Subjects = {},
  now = new Date(),
): Promise<void> {
  const docs = keysFor(scope, request, subjects).map(({ key }) => ({ key, at: now }));
  if (docs.length) await orUnavailable(Attempt.insertMany(docs));
}

/** Forgets the account's counted attempts in `scope`: a successful sign-in or a password reset lifts its wait. */
export async function forgetAttempts(scope: RateScope, account: string): Promise<void> {
  await orUnavailable(Attempt.deleteMany({ key: `${scope}:account:${account.toLowerCase().slice(0, 300)}` }));
}

export function tooManyAttemptsMessage(minutes: number): string {
  return `Too many attempts; try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}

/** The 429 a form shows, above its fields ("") or beside the one named. */
export function tooManyAttempts<T extends Record<string, unknown>>(minutes: number, extra: T = {} as T, field = "") {
  return data(
    { ...extra, errors: { [field]: [tooManyAttemptsMessage(minutes)] } as Record<string, string[]> },
    { status: 429, headers: { "Retry-After": String(minutes * 60) } },
  );
}

/** Attempts older than every window are of no use: the hourly clean-up deletes them. */
export function deleteExpiredAttempts(now = new Date()): Promise<number> {
  const longest = Math.max(
    ...Object.values(RATE_LIMITS).flatMap((l) => Object.values(l).map((x: Limit) => x.windowMs)),
  );
  return deleteOldAttempts(new Date(now.getTime() - longest));
}
