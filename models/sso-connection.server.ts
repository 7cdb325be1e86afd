import mongoose, { Schema, type Model, type Types } from "mongoose";
import { isDuplicateKey } from "./duplicate-key";
import { TEAM_ROLES, type TeamRole } from "./enums";

/**
 * An organisation's single sign-on through an OpenID Connect provider
 * (docs/decisions/015). One per organisation: its `_id` is the
 * organisation's, so the look-up at every sign-in is an `_id` look-up.
 * The client secret is stored sealed (app/lib/secret-box.server) and never
 * leaves the server.
 *
 * Each e-mail domain belongs to one organisation: an `sso_domains` document
 * whose `_id` is the domain. Taking a domain is an insert, so of two
 * organisations claiming it at once exactly one wins (docs/decisions/005).
 */
export interface SsoConnectionData {
  /** the organisation's id */
  _id: Types.ObjectId;
  issuer: string;
  clientId: string;
  /** "v1.…" from seal(secret, "sso:<orgId>") */
  clientSecretSealed: string;
  domains: string[];
  /** a first sign-in of an unknown address of these domains creates the account */
  createAccounts: boolean;
  /** the team role of an account created at first sign-in (the portal role follows from the kind) */
  newAccountTeamRole: TeamRole;
  /** the organisation's users sign in only through the provider */
  passwordSignInOff: boolean;
  updatedAt: Date;
  updatedBy: Types.ObjectId | null;
}

export const SSO_DOMAINS_MAX = 20;

const ssoConnectionSchema = new Schema<SsoConnectionData>(
  {
    _id: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    issuer: { type: String, required: true, maxlength: 500 },
    clientId: { type: String, required: true, maxlength: 500 },
    clientSecretSealed: { type: String, required: true, maxlength: 4000 },
    domains: { type: [String], default: [] },
    createAccounts: { type: Boolean, default: false },
    newAccountTeamRole: { type: String, enum: TEAM_ROLES, default: "member" },
    passwordSignInOff: { type: Boolean, default: false },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: Schema.Types.ObjectId, ref: "User", default: null },
  },
  { versionKey: false },
);

export const SsoConnection: Model<SsoConnectionData> =
  (mongoose.models.SsoConnection as Model<SsoConnectionData>) ??
  mongoose.model<SsoConnectionData>("SsoConnection", ssoConnectionSchema, "sso_connections");

interface SsoDomainData {
  /** the lower-case domain, e.g. "example.com" */
  _id: string;
  orgId: Types.ObjectId;
  at: Date;
}

const ssoDomainSchema = new Schema<SsoDomainData>(
  {
    _id: { type: String, required: true, maxlength: 253 },
    orgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true, index: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);

export const SsoDomain: Model<SsoDomainData> =
  (mongoose.models.SsoDomain as Model<SsoDomainData>) ??
  mongoose.model<SsoDomainData>("SsoDomain", ssoDomainSchema, "sso_domains");

export function findSsoConnection(orgId: string) {
  return SsoConnection.findById(orgId).lean();
}

/** The organisation that owns the domain, or null. */
export async function orgOfDomain(domain: string): Promise<string | null> {
  const found = await SsoDomain.findById(domain, { orgId: 1 }).lean();
  return found ? String(found.orgId) : null;
}

/**
 * Takes the domains for the organisation and releases those it no longer
 * lists. Returns the domains another organisation holds (nothing is then
 * changed: the domains taken here are released again).
 */
export async function claimDomains(orgId: string, wanted: string[], previous: string[]): Promise<string[]> {
  const taken: string[] = [];
  const clashes: string[] = [];
  for (const domain of wanted) {
    if (previous.includes(domain)) continue;
    try {
      await SsoDomain.collection.insertOne({
        _id: domain as never,
        orgId: new mongoose.Types.ObjectId(orgId),
        at: new Date(),
      });
      taken.push(domain);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      if ((await orgOfDomain(domain)) !== orgId) clashes.push(domain);
    }
  }
  if (clashes.length > 0) {
    for (const domain of taken) await SsoDomain.deleteOne({ _id: domain, orgId });
    return clashes;
  }
  for (const domain of previous) {
    if (!wanted.includes(domain)) await SsoDomain.deleteOne({ _id: domain, orgId });
  }
  return [];
}

/**
 * A sign-in on its way through the provider: what the callback needs to
 * check the answer. `_id` is the `state` sent to the provider (also kept in
 * a short-lived cookie of the browser that started it); it is used once.
 */
export interface SsoLoginData {
  _id: string;
  orgId: Types.ObjectId;
  codeVerifier: string;
  nonce: string;
  redirectTo: string;
  /** where the browser is sent at the provider (the hop page links to it) */
  authorizationUrl: string;
  expiresAt: Date;
}

const ssoLoginSchema = new Schema<SsoLoginData>(
  {
    _id: { type: String, required: true, maxlength: 100 },
    orgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    codeVerifier: { type: String, required: true, maxlength: 200 },
    nonce: { type: String, required: true, maxlength: 200 },
    redirectTo: { type: String, default: "", maxlength: 2048 },
    authorizationUrl: { type: String, default: "", maxlength: 8192 },
    expiresAt: { type: Date, required: true, index: true },
  },
  { versionKey: false },
);

export const SsoLogin: Model<SsoLoginData> =
  (mongoose.models.SsoLogin as Model<SsoLoginData>) ??
  mongoose.model<SsoLoginData>("SsoLogin", ssoLoginSchema, "sso_logins");

/** Takes a pending sign-in out (once: a replayed callback finds nothing); null when unknown or expired. */
export async function takeSsoLogin(state: string): Promise<SsoLoginData | null> {
  const found = await SsoLogin.findById(state).lean();
  if (!found) return null;
  const removed = await SsoLogin.deleteOne({ _id: state });
  if (removed.deletedCount !== 1) return null;
  return found.expiresAt > new Date() ? found : null;
}
