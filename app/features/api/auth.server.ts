import { ROLE_FOR_KIND, type Role } from "#models/enums";
import { findApiToken, noteApiTokenUse, type ApiTokenScope } from "#models/api-token.server";
import { Organization } from "#models/organization.server";
import { takeApiRequestSlot, windowStart } from "#models/api-rate-window.server";
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
 * Requests per token per fixed minute (the window starts on the minute).
 * Counted in the database (models/api-rate-window.server), so all app
 * instances on it share the count: a token makes this many a minute in all.
 */
export const API_RATE_LIMIT = { max: 120, windowMs: 60_000 };

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * The first line of every API loader and action: the caller behind the
 * bearer token, or a thrown problem (401 unknown, expired or revoked token,
 * or an organisation no longer active; 403 a read token on a write; 429
 * over the rate limit, with Retry-After). `now` decides the token's expiry
 * and the rate-limit window (tests pin it so a window cannot end mid-test).
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
  const start = windowStart(now, API_RATE_LIMIT.windowMs);
  if (!(await takeApiRequestSlot(String(record._id), start, API_RATE_LIMIT))) {
    const wait = Math.max(1, Math.ceil((start.getTime() + API_RATE_LIMIT.windowMs - now.getTime()) / 1000));
    throw problem("too-many-requests", `At most ${API_RATE_LIMIT.max} requests a minute per token.`, {
      headers: { "Retry-After": String(wait) },
    });
  }
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
