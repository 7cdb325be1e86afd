import { ROLE_FOR_KIND, type Role } from "#models/enums";
import { findApiToken, noteApiTokenUse, type ApiTokenScope } from "#models/api-token.server";
import { Organization } from "#models/organization.server";
import { FixedWindow } from "#app/lib/fixed-window.server";
import { problem } from "./http.server";

/**
 * Who calls the API: an organisation, through one of its tokens. The token
 * acts with its organisation's role (the role every user of the
 * organisation has, models/enums ROLE_FOR_KIND), so the same scoped
 * look-ups as the pages decide what it sees.
 */
export interface ApiCaller {
  role: Role;
  orgId: string;
  scope: ApiTokenScope;
  tokenPrefix: string;
  /** the team administrator who made the token: what an invitation the token sends records as its maker */
  tokenCreatedBy: string;
}

/**
 * Requests per token per minute. Counted in this process's memory: with
 * several instances behind a balancer each counts on its own, so a token
 * may make this many per instance (a shared counter is for a later slice).
 */
export const API_RATE_LIMIT = { max: 120, windowMs: 60_000 };
const perToken = new FixedWindow(API_RATE_LIMIT.max, API_RATE_LIMIT.windowMs);

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * The first line of every API loader and action: the caller behind the
 * bearer token, or a thrown problem (401 unknown, expired or revoked token,
 * or an organisation no longer active; 403 a read token on a write; 429
 * over the rate limit, with Retry-After).
 */
export async function requireApiCaller(
  request: Request,
  opts: { write?: boolean } = {},
  now = new Date(),
): Promise<ApiCaller> {
  const match = BEARER.exec(request.headers.get("Authorization") ?? "");
  if (!match) throw problem("unauthorized", "Send an organisation API token: Authorization: Bearer <token>.");
  const record = await findApiToken(match[1]);
  if (!record || record.revokedAt || record.expiresAt <= now)
    throw problem("unauthorized", "The token is unknown, expired or revoked.");
  const org = await Organization.findById(record.orgId, { kind: 1, active: 1 }).lean();
  if (!org || org.active === false) throw problem("unauthorized", "The token's organisation is not active.");
  const wait = perToken.hit(record._id, now.getTime());
  if (wait !== null)
    throw problem("too-many-requests", `At most ${API_RATE_LIMIT.max} requests a minute per token.`, {
      headers: { "Retry-After": String(wait) },
    });
  if (opts.write && record.scope !== "read-write")
    throw problem("forbidden", "This token may only read: a read-write token is needed.");
  await noteApiTokenUse(record, now);
  return {
    role: ROLE_FOR_KIND[org.kind],
    orgId: String(record.orgId),
    scope: record.scope,
    tokenPrefix: record.prefix,
    tokenCreatedBy: String(record.createdBy),
  };
}
