import crypto from "node:crypto";
import { createCookie, type Cookie } from "@remix-run/node";
import mongoose from "mongoose";
import { recordAudit } from "#models/audit-event.server";
import { isDuplicateKey } from "#models/duplicate-key";
import { ROLE_FOR_KIND } from "#models/enums";
import { Organization } from "#models/organization.server";
import { Refusal } from "#models/refusal";
import { findSsoConnection, orgOfDomain, SsoLogin, takeSsoLogin } from "#models/sso-connection.server";
import { User, type Role } from "#models/user.server";
import { getEnv, sessionSecret } from "#app/lib/env.server";
import { clientIp } from "#app/lib/http.server";
import { trusted } from "#app/lib/ids.server";
import { open, SecretUnreadable } from "#app/lib/secret-box.server";
import type { MessageId } from "#app/i18n/catalogue";
import { hashPassword } from "#app/features/accounts/password.server";
import { domainOfEmail } from "./domains";
import { authorizationUrl, exchangeCode, providerConfiguration, ProviderUnreachable } from "./provider.server";
import { redirectUri, secretPurpose } from "./settings.server";

/**
 * Signing in through an organisation's identity provider
 * (docs/decisions/015). The start keeps state, nonce and PKCE verifier in
 * the database under the state, and the state in a short-lived signed
 * cookie of the browser that started; the callback needs both, uses them
 * once, and lets openid-client verify the answer.
 */
const PENDING_TTL_MS = 10 * 60_000;
/** the page that moves on to the provider */
export const SSO_HOP = "/auth/oidc/go";

let cookie: Cookie | null = null;
function stateCookie(): Cookie {
  cookie ??= createCookie("__flowdown_sso", {
    httpOnly: true,
    // the provider sends the browser back with a top-level GET: Lax cookies travel with it
    sameSite: "lax",
    path: "/auth/oidc",
    secure: getEnv().NODE_ENV === "production" && getEnv().FLOWDOWN_INSECURE_COOKIES !== "1",
    secrets: [sessionSecret()],
    maxAge: PENDING_TTL_MS / 1000,
  });
  return cookie;
}

/** The Set-Cookie header that forgets a finished sign-in's state. */
export function clearStateCookie(): Promise<string> {
  return stateCookie().serialize("", { maxAge: 0 });
}

/** Why a sign-in through the provider failed: a catalogue id the page says, and what the audit trail records. */
export class SsoFailure extends Error {
  constructor(
    readonly messageId: MessageId,
    readonly reason: string,
    readonly status = 400,
  ) {
    super(`Single sign-on failed: ${reason}`);
    this.name = "SsoFailure";
  }
}

async function connectionFor(orgId: string) {
  const connection = await findSsoConnection(orgId);
  if (!connection) return null;
  let secret: string;
  try {
    secret = open(connection.clientSecretSealed, secretPurpose(orgId));
  } catch (error) {
    if (error instanceof SecretUnreadable) return { connection, secret: null };
    throw error;
  }
  return { connection, secret };
}

/**
 * Where the browser goes to sign in as `email`: the provider of the
 * organisation that holds the address's domain. An address no organisation
 * signs in through, or a provider that cannot be reached, is a Refusal.
 */
export async function startSsoSignIn(request: Request, email: string, redirectTo: string) {
  const domain = domainOfEmail(email);
  const orgId = domain ? await orgOfDomain(domain) : null;
  const found = orgId ? await connectionFor(orgId) : null;
  if (!orgId || !found) throw Refusal.ofFields({ email: ["sso.login.unknownDomain"] });
  const fail = async (reason: string, message: string) => {
    await recordAudit({ action: "auth.sso_failed", details: { email, orgId, reason }, ip: clientIp(request) });
    return new Refusal(message);
  };
  if (found.secret === null) throw await fail("secret_unreadable", "sso.login.misconfigured");
  let config;
  try {
    config = await providerConfiguration(found.connection.issuer, found.connection.clientId, found.secret);
  } catch (error) {
    if (error instanceof ProviderUnreachable) throw await fail("provider_unreachable", "sso.login.providerDown");
    throw error;
  }
  const { url, checks } = await authorizationUrl(config, redirectUri(request), email);
  await SsoLogin.deleteMany({ expiresAt: trusted({ $lt: new Date() }) });
  await SsoLogin.create({
    _id: checks.state,
    orgId,
    codeVerifier: checks.codeVerifier,
    nonce: checks.nonce,
    redirectTo,
    authorizationUrl: url.href,
    expiresAt: new Date(Date.now() + PENDING_TTL_MS),
  });
  return { url: url.href, setCookie: await stateCookie().serialize(checks.state) };
}

/**
 * The provider's address for the sign-in this browser started, or null. The
 * login form cannot redirect to another site itself (the pages' policy
 * allows forms to post to the portal only, redirects included), so it lands
 * on a page of the portal that moves on to this address.
 */
export async function pendingSsoRedirect(request: Request): Promise<string | null> {
  const state: unknown = await stateCookie().parse(request.headers.get("Cookie"));
  if (typeof state !== "string" || !state) return null;
  const pending = await SsoLogin.findById(state, { authorizationUrl: 1, expiresAt: 1 }).lean();
  if (!pending || pending.expiresAt <= new Date() || !/^https?:\/\//.test(pending.authorizationUrl)) return null;
  return pending.authorizationUrl;
}

export interface SsoSignedIn {
  userId: string;
  role: Role;
  orgId: string;
  email: string;
  redirectTo: string;
  created: boolean;
}

/**
 * Finishes a sign-in from the provider's answer: checks the state against
 * this browser's, verifies the code exchange and ID token, and finds (or,
 * where the organisation allows, creates) the account. Every refusal is an
 * SsoFailure, recorded in the audit trail.
 */
export async function finishSsoSignIn(request: Request): Promise<SsoSignedIn> {
  const ip = clientIp(request);
  let orgId: string | null = null;
  try {
    const result = await finish(request, (id) => (orgId = id));
    return result;
  } catch (error) {
    if (!(error instanceof SsoFailure)) throw error;
    await recordAudit({ action: "auth.sso_failed", details: { reason: error.reason, orgId: orgId ?? "" }, ip });
    throw error;
  }
}

async function finish(request: Request, noteOrg: (orgId: string) => void): Promise<SsoSignedIn> {
  const params = new URL(request.url).searchParams;
  const state = params.get("state") ?? "";
  const expected: unknown = await stateCookie().parse(request.headers.get("Cookie"));
  const sameBrowser = typeof expected === "string" && expected.length > 0 && state === expected;
  const error = params.get("error");
  if (error) {
    // the pending sign-in is spent either way
    if (sameBrowser) await takeSsoLogin(state);
    if (error === "access_denied") throw new SsoFailure("sso.error.cancelled", "access_denied");
    throw new SsoFailure("sso.error.provider", `provider_error:${/^[a-z_]{1,64}$/.test(error) ? error : "other"}`);
  }
  if (!sameBrowser) throw new SsoFailure("sso.error.state", "state_mismatch");
  const pending = await takeSsoLogin(state);
  if (!pending) throw new SsoFailure("sso.error.expired", "state_unknown_or_expired");
  const orgId = String(pending.orgId);
  noteOrg(orgId);
  const found = await connectionFor(orgId);
  if (!found) throw new SsoFailure("sso.error.notConfigured", "not_configured");
  if (found.secret === null) throw new SsoFailure("sso.error.notConfigured", "secret_unreadable");
  const { connection, secret } = found;

  let identity;
  try {
    const config = await providerConfiguration(connection.issuer, connection.clientId, secret);
    const callbackUrl = new URL(redirectUri(request) + new URL(request.url).search);
    identity = await exchangeCode(config, callbackUrl, {
      state,
      nonce: pending.nonce,
      codeVerifier: pending.codeVerifier,
    });
  } catch (error) {
    if (error instanceof ProviderUnreachable || isNetworkError(error))
      throw new SsoFailure("sso.error.providerDown", "provider_unreachable", 502);
    const code = (error as { code?: unknown }).code;
    throw new SsoFailure("sso.error.verification", `verification:${typeof code === "string" ? code : "failed"}`);
  }

  if (!identity.email) throw new SsoFailure("sso.error.noEmail", "no_email");
  if (identity.emailVerified === false) throw new SsoFailure("sso.error.emailUnverified", "email_unverified");
  const email = identity.email.trim().toLowerCase();
  const domain = domainOfEmail(email);
  if (!domain || !connection.domains.includes(domain))
    throw new SsoFailure("sso.error.domainMismatch", "domain_not_covered");

  const org = await Organization.findById(orgId, { kind: 1, active: 1 }).lean();
  if (!org || org.active === false) throw new SsoFailure("sso.error.deactivated", "organisation_inactive", 403);

  let user = await User.findOne({ email }, { orgId: 1, role: 1, active: 1, email: 1 }).lean();
  let created = false;
  if (!user) {
    if (!connection.createAccounts) throw new SsoFailure("sso.error.noAccount", "no_account", 403);
    try {
      const doc = await User.create({
        email,
        name: displayName(identity.name, email),
        role: ROLE_FOR_KIND[org.kind],
        orgId,
        // no password: the account signs in through the provider (a reset can give it one)
        passwordHash: await hashPassword(crypto.randomBytes(32).toString("base64url")),
        teamAdmin: connection.newAccountTeamRole === "admin",
      });
      user = { _id: doc._id, orgId: doc.orgId, role: doc.role, active: doc.active, email: doc.email };
      created = true;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // two first sign-ins at once: the other created it
      user = await User.findOne({ email }, { orgId: 1, role: 1, active: 1, email: 1 }).lean();
      if (!user) throw error;
    }
  }
  if (String(user.orgId) !== orgId) throw new SsoFailure("sso.error.otherOrganisation", "other_organisation", 403);
  if (user.active === false) throw new SsoFailure("sso.error.deactivated", "user_inactive", 403);

  const actor = { id: String(user._id), email: user.email, orgId };
  if (created) {
    await recordAudit({
      action: "user.create",
      actor,
      targetType: "user",
      targetId: actor.id,
      details: { email, orgId, method: "sso", teamRole: connection.newAccountTeamRole },
      ip: clientIp(request),
    });
  }
  await recordAudit({
    action: "auth.login",
    actor,
    details: { method: "sso", issuer: connection.issuer },
    ip: clientIp(request),
  });
  return { userId: actor.id, role: user.role as Role, orgId, email, redirectTo: pending.redirectTo, created };
}

/** The provider's name for the person when it fits the account's, else the address's local part. */
function displayName(name: string | null, email: string): string {
  const given = name?.trim() ?? "";
  return given && given.length <= 200 ? given : email.split("@")[0]!;
}

function isNetworkError(error: unknown): boolean {
  return error instanceof TypeError || (error instanceof Error && error.name === "AbortError");
}

/** True when the organisation's users may not sign in with a password. */
export async function passwordSignInOff(orgId: string): Promise<boolean> {
  if (!mongoose.isValidObjectId(orgId)) return false;
  return (await findSsoConnection(orgId))?.passwordSignInOff === true;
}
