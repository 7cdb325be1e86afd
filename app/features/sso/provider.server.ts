import crypto from "node:crypto";
import * as oidc from "openid-client";
import { isLoopback } from "./domains";

/**
 * The relying party's view of a provider, through openid-client (a
 * certified OpenID Connect client): discovery, the authorization URL with
 * PKCE, state and nonce, and the code exchange that verifies the ID token
 * against the provider's published keys. Plain http is allowed only for a
 * provider on loopback (the tests start one there).
 */

export class ProviderUnreachable extends Error {
  constructor(cause: unknown) {
    super(`The identity provider could not be reached: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "ProviderUnreachable";
  }
}

const DISCOVERY_TTL_MS = 10 * 60_000;
const configurations = new Map<string, { config: oidc.Configuration; at: number }>();

const TIMEOUT_S = 10;

/** Discovers the provider (kept for ten minutes per issuer, client and secret). */
export async function providerConfiguration(issuer: string, clientId: string, clientSecret: string) {
  const key = crypto
    .createHash("sha256")
    .update(JSON.stringify([issuer, clientId, clientSecret]))
    .digest("hex");
  const hit = configurations.get(key);
  if (hit && Date.now() - hit.at < DISCOVERY_TTL_MS) return hit.config;
  const url = new URL(issuer);
  let config: oidc.Configuration;
  try {
    config = await oidc.discovery(url, clientId, clientSecret, undefined, {
      // openid-client trusts an ID token from the token endpoint on TLS alone unless told to check its
      // signature; the issue asks for the published keys to be checked (and a loopback test has no TLS)
      execute: [
        oidc.enableNonRepudiationChecks,
        ...(isLoopback(url) && url.protocol === "http:" ? [oidc.allowInsecureRequests] : []),
      ],
      timeout: TIMEOUT_S,
    });
  } catch (error) {
    throw new ProviderUnreachable(error);
  }
  if (configurations.size > 200) configurations.clear();
  configurations.set(key, { config, at: Date.now() });
  return config;
}

/** What the admin page shows after "check the provider". */
export async function describeProvider(issuer: string) {
  const config = await providerConfiguration(issuer, "check", "check");
  const meta = config.serverMetadata();
  return {
    issuer: meta.issuer,
    authorizationEndpoint: meta.authorization_endpoint ?? "",
    tokenEndpoint: meta.token_endpoint ?? "",
    jwksUri: meta.jwks_uri ?? "",
    pkceS256: (meta.code_challenge_methods_supported ?? []).includes("S256"),
    emailScope: (meta.scopes_supported ?? ["email"]).includes("email"),
  };
}

export interface PendingChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export async function authorizationUrl(config: oidc.Configuration, redirectUri: string, email: string) {
  const checks: PendingChecks = {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    codeVerifier: oidc.randomPKCECodeVerifier(),
  };
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: "openid email profile",
    response_type: "code",
    code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
    code_challenge_method: "S256",
    state: checks.state,
    nonce: checks.nonce,
    login_hint: email,
  });
  return { url, checks };
}

export interface VerifiedIdentity {
  sub: string;
  email: string | null;
  emailVerified: boolean | null;
  name: string | null;
}

/**
 * Exchanges the code and verifies the answer (state, the ID token's
 * signature against the provider's keys, issuer, audience, expiry, nonce,
 * PKCE). Any failure throws; the caller tells the person and logs why.
 */
export async function exchangeCode(
  config: oidc.Configuration,
  callbackUrl: URL,
  checks: PendingChecks,
): Promise<VerifiedIdentity> {
  const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: checks.codeVerifier,
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error("The provider sent no ID token.");
  let source: Record<string, unknown> = claims;
  // providers that keep e-mail out of the ID token give it on the userinfo endpoint
  if (typeof claims.email !== "string" && tokens.access_token) {
    source = { ...(await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)), ...claims };
  }
  return {
    sub: claims.sub,
    email: typeof source.email === "string" ? source.email : null,
    emailVerified: typeof source.email_verified === "boolean" ? source.email_verified : null,
    name: typeof source.name === "string" ? source.name : null,
  };
}
