import { isLocale, type Locale } from "#app/i18n/locales";
import { createCookieSessionStorage, redirect, type SessionStorage } from "@remix-run/node";
import mongoose from "mongoose";
import { orUnavailable } from "#app/lib/db.server";
import { Organization, type OrganizationDoc } from "#models/organization.server";
import { Session } from "#models/session.server";
import { User, type Role } from "#models/user.server";
import { recordAudit } from "#models/audit-event.server";
import { getEnv, sessionSecret } from "#app/lib/env.server";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./password.server";
import { clientIp } from "#app/lib/http.server";
import { requestScope } from "#app/lib/request-scope.server";

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
const SESSION_KEY = "sid";

export const ROLE_HOME: Record<Role, string> = {
  supplier: "/supplier",
  procurement: "/procurement",
  discloser: "/discloser",
  admin: "/admin",
};

let storage: SessionStorage | null = null;
export function sessionStorage(): SessionStorage {
  storage ??= createCookieSessionStorage({
    cookie: {
      name: "__flowdown",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: getEnv().NODE_ENV === "production" && getEnv().FLOWDOWN_INSECURE_COOKIES !== "1",
      secrets: [sessionSecret()],
      maxAge: SESSION_TTL_MS / 1000,
    },
  });
  return storage;
}

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  orgId: string;
  org: { id: string; name: string; kind: OrganizationDoc["kind"]; country: string };
  /** manages the organisation's team; actions that depend on it read it afresh (requireTeamAdmin) */
  teamAdmin: boolean;
  /** the portal language the user chose; null = the browser's */
  language: Locale | null;
  sessionId: string;
}

async function readSessionId(request: Request): Promise<string | null> {
  const session = await sessionStorage().getSession(request.headers.get("Cookie"));
  const sid = session.get(SESSION_KEY);
  return typeof sid === "string" && mongoose.isValidObjectId(sid) ? sid : null;
}

// Remix runs a page's loaders (layout and page) in parallel, each with its own copy of the Request:
// look the user up once per page request (requestScope), keyed by the cookie it was looked up for.
const usersByRequest = new WeakMap<object, { cookie: string | null; found: Promise<CurrentUser | null> }>();

/** The signed-in user, or null (no cookie, unknown or expired session). */
export function getUser(request: Request): Promise<CurrentUser | null> {
  const scope = requestScope(request);
  const cookie = request.headers.get("Cookie");
  const hit = usersByRequest.get(scope);
  if (hit && hit.cookie === cookie) return hit.found;
  // every page and API looks the user up first: while the database is down this is where they get their 503
  const found = orUnavailable(lookUpUser(request));
  usersByRequest.set(scope, { cookie, found });
  return found;
}

/**
 * Who a session's user is (name, role, organisation) changes rarely, so it
 * is kept for a minute per process. The session itself is looked up on every
 * request, and every change that must take effect at once (signing out, a
 * password change or reset, deactivation, a new team role) deletes the
 * user's sessions: access ends at once, on every instance.
 */
const ACCOUNT_TTL_MS = 60_000;
const MAX_ACCOUNTS = 10_000;
type Account = Omit<CurrentUser, "sessionId">;
const accounts = new Map<string, { account: Account; at: number }>();

async function loadAccount(userId: string): Promise<Account | null> {
  const hit = accounts.get(userId);
  if (hit && Date.now() - hit.at < ACCOUNT_TTL_MS) return hit.account;
  const user = await User.findById(userId).lean();
  if (!user || user.active === false) return null;
  const org = await Organization.findById(user.orgId).lean();
  if (!org || org.active === false) return null;
  const account: Account = {
    id: String(user._id),
    email: user.email,
    name: user.name,
    role: user.role as Role,
    orgId: String(org._id),
    org: { id: String(org._id), name: org.name, kind: org.kind, country: org.country },
    teamAdmin: user.teamAdmin === true,
    language: isLocale(user.language) ? user.language : null,
  };
  if (accounts.size >= MAX_ACCOUNTS) accounts.delete(accounts.keys().next().value!);
  accounts.set(userId, { account, at: Date.now() });
  return account;
}

async function lookUpUser(request: Request): Promise<CurrentUser | null> {
  const sid = await readSessionId(request);
  if (!sid) return null;
  // by _id alone (an indexed lookup on every database); expiry is checked here
  const session = await Session.findById(sid, { userId: 1, expiresAt: 1 }).lean();
  if (!session || session.expiresAt <= new Date()) return null;
  const account = await loadAccount(String(session.userId));
  return account ? { ...account, sessionId: String(session._id) } : null;
}

function loginRedirect(request: Request, reason?: "expired"): never {
  const url = new URL(request.url);
  const params = new URLSearchParams({ redirectTo: url.pathname + url.search });
  if (reason) params.set("reason", reason);
  throw redirect(`/login?${params}`);
}

/**
 * The first line of every protected loader and action: who may run it.
 * Not signed in → the sign-in page; wrong role → 403.
 */
export async function requireUser(request: Request, opts: { role?: Role | Role[] } = {}): Promise<CurrentUser> {
  const user = await getUser(request);
  if (!user) {
    const hadCookie = (await readSessionId(request)) !== null;
    loginRedirect(request, hadCookie ? "expired" : undefined);
  }
  const roles = opts.role === undefined ? null : Array.isArray(opts.role) ? opts.role : [opts.role];
  if (roles && !roles.includes(user.role)) {
    throw new Response("This page is not available to your role.", { status: 403 });
  }
  return user;
}

/** Forgets what this process holds about the user (after a change to the account). */
export function forgetAccount(userId: string): void {
  accounts.delete(userId);
}

/** Ends the user's sessions (all, or all but one); returns how many ended. */
export async function endSessions(userId: string, except?: string): Promise<number> {
  forgetAccount(userId);
  const filter = except ? { userId, _id: mongoose.trusted({ $ne: new mongoose.Types.ObjectId(except) }) } : { userId };
  const ended = await Session.deleteMany(filter);
  return ended.deletedCount;
}

/**
 * An organisation's team administrator (read from the database, not the
 * minute-long cache: a withdrawn right ends at once). Others get a 403.
 */
export async function requireTeamAdmin(request: Request): Promise<CurrentUser> {
  const user = await requireUser(request);
  const fresh = await User.findById(user.id, { teamAdmin: 1, active: 1 }).lean();
  if (!fresh?.teamAdmin || fresh.active === false) {
    throw new Response("Only your organisation's team administrators can manage its team.", { status: 403 });
  }
  return { ...user, teamAdmin: true };
}

export async function requireAnonymous(request: Request): Promise<void> {
  const user = await getUser(request);
  if (user) throw redirect(ROLE_HOME[user.role]);
}

export type LoginResult = { ok: true; userId: string; role: Role; orgId: string; email: string } | { ok: false };

export async function verifyLogin(email: string, password: string): Promise<LoginResult> {
  const user = await User.findOne({ email: email.trim().toLowerCase() }).select("+passwordHash").lean();
  if (!user) {
    await burnPasswordCheck(password);
    return { ok: false };
  }
  if (!(await verifyPassword(user.passwordHash, password))) return { ok: false };
  // a deactivated account (or organisation) answers as a wrong password would: nothing is given away
  if (user.active === false) return { ok: false };
  const org = await Organization.findById(user.orgId, { active: 1 }).lean();
  if (!org || org.active === false) return { ok: false };
  return { ok: true, userId: String(user._id), role: user.role as Role, orgId: String(user.orgId), email: user.email };
}

/**
 * Starts a new server-side session (a fresh id at every sign-in) and sets its
 * cookie. A session the browser still names is ended first, so an id planted
 * or seen before sign-in never becomes a signed-in one.
 */
export async function createUserSession(request: Request, userId: string, redirectTo: string): Promise<Response> {
  const previous = await readSessionId(request);
  if (previous) await Session.deleteOne({ _id: previous });
  const dbSession = await Session.create({
    userId,
    expiresAt: new Date(Date.now() + SESSION_TTL_MS),
    ip: clientIp(request),
    userAgent: (request.headers.get("User-Agent") ?? "").slice(0, 400),
  });
  await User.updateOne({ _id: userId }, { $set: { lastLoginAt: new Date() } });
  const cookieSession = await sessionStorage().getSession();
  cookieSession.set(SESSION_KEY, String(dbSession._id));
  return redirect(redirectTo, {
    headers: { "Set-Cookie": await sessionStorage().commitSession(cookieSession) },
  });
}

/** Ends this browser's session; then to the sign-in page, or to `redirectTo` (a path in the portal). */
export async function logout(request: Request, redirectTo = "/login"): Promise<Response> {
  const user = await getUser(request);
  const sid = await readSessionId(request);
  if (sid) await Session.deleteOne({ _id: sid });
  if (user) {
    await recordAudit({
      action: "auth.logout",
      actor: { id: user.id, email: user.email, orgId: user.orgId },
      ip: clientIp(request),
    });
  }
  const cookieSession = await sessionStorage().getSession(request.headers.get("Cookie"));
  return redirect(redirectTo, {
    headers: { "Set-Cookie": await sessionStorage().destroySession(cookieSession) },
  });
}

/**
 * Changes the signed-in user's password after checking the current one, and
 * ends every other session of the account (this one stays signed in).
 * Returns the number of sessions ended, or null when the current password is wrong.
 */
export async function changePassword(
  user: CurrentUser,
  currentPassword: string,
  newPassword: string,
): Promise<number | null> {
  const found = await User.findById(user.id).select("+passwordHash").lean();
  if (!found || !(await verifyPassword(found.passwordHash, currentPassword))) return null;
  await User.updateOne(
    { _id: found._id },
    { $set: { passwordHash: await hashPassword(newPassword), passwordChangedAt: new Date() } },
  );
  return endSessions(user.id, user.sessionId);
}
