import crypto from "node:crypto";
import { createCookie, type Cookie } from "@remix-run/node";
import { z } from "zod";
import { getEnv, sessionSecret } from "#app/lib/env.server";

/**
 * Browsers that have signed in to an account before (OWASP's "device
 * cookies"): a signed cookie naming, per account, a random id for this
 * browser. Failed sign-ins from such a browser count against that browser,
 * not against the account, so a stranger's wrong passwords for someone
 * else's address slow the stranger down without locking the owner out of
 * the browsers they use. The cookie holds no secret: it proves only that
 * this browser once signed in to the account.
 */
const DEVICE_TTL_S = 180 * 24 * 60 * 60;
/** a shared computer keeps the accounts most recently signed in to */
const MAX_ACCOUNTS = 5;

const KnownSchema = z.array(z.object({ a: z.string().max(64), d: z.string().max(64) })).max(MAX_ACCOUNTS);
type Known = z.infer<typeof KnownSchema>;

let cookie: Cookie | null = null;
function deviceCookie(): Cookie {
  cookie ??= createCookie("__flowdown_device", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: getEnv().NODE_ENV === "production" && getEnv().FLOWDOWN_INSECURE_COOKIES !== "1",
    secrets: [sessionSecret()],
    maxAge: DEVICE_TTL_S,
  });
  return cookie;
}

/** The account as the cookie names it: not the address itself, which the cookie need not show. */
function accountTag(email: string): string {
  return crypto.createHash("sha256").update(email.trim().toLowerCase()).digest("base64url").slice(0, 32);
}

async function knownAccounts(request: Request): Promise<Known> {
  const value: unknown = await deviceCookie().parse(request.headers.get("Cookie"));
  const parsed = KnownSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** This browser's id for the account when it has signed in to it before, else null. */
export async function knownDevice(request: Request, email: string): Promise<string | null> {
  const tag = accountTag(email);
  return (await knownAccounts(request)).find((k) => k.a === tag)?.d ?? null;
}

/** The Set-Cookie that makes this browser known for the account (after a successful sign-in). */
export async function rememberDevice(request: Request, email: string): Promise<string> {
  const tag = accountTag(email);
  const known = await knownAccounts(request);
  const device = known.find((k) => k.a === tag)?.d ?? crypto.randomBytes(16).toString("base64url");
  const next = [{ a: tag, d: device }, ...known.filter((k) => k.a !== tag)].slice(0, MAX_ACCOUNTS);
  return deviceCookie().serialize(next);
}
