import crypto from "node:crypto";
import mongoose, { Schema, type Model, type Types } from "mongoose";

/**
 * An organisation's API token. The token acts as its organisation on
 * /api/v1; the database keeps only its SHA-256 (as `_id`, so the look-up on
 * every API request is an `_id` look-up, the one FerretDB v1 on SQLite
 * pushes down) and a short prefix that lists and audit entries show.
 * Format: `fd_<prefix>_<43 base64url characters: 32 random bytes>`.
 */
export const API_TOKEN_SCOPES = ["read", "read-write"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

export const API_TOKEN_MAX_DAYS = 365;
export const API_TOKEN_NAME_MAX = 100;
/** lastUsedAt is written at most this often per token */
export const LAST_USED_EVERY_MS = 60_000;

export const API_TOKEN_SHAPE = /^fd_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{43})$/;

export interface ApiTokenData {
  /** sha256 (hex) of the whole token */
  _id: string;
  orgId: Types.ObjectId;
  name: string;
  scope: ApiTokenScope;
  prefix: string;
  createdBy: Types.ObjectId;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  revokedBy: Types.ObjectId | null;
  lastUsedAt: Date | null;
}

const apiTokenSchema = new Schema<ApiTokenData>(
  {
    _id: { type: String, required: true, match: /^[0-9a-f]{64}$/ },
    orgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true, index: true },
    name: { type: String, required: true, trim: true, maxlength: API_TOKEN_NAME_MAX },
    scope: { type: String, required: true, enum: API_TOKEN_SCOPES },
    prefix: { type: String, required: true, unique: true, match: /^[A-Za-z0-9]{8}$/ },
    createdBy: { type: Schema.Types.ObjectId, ref: "User", required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
    revokedBy: { type: Schema.Types.ObjectId, ref: "User", default: null },
    lastUsedAt: { type: Date, default: null },
  },
  { versionKey: false },
);

export const ApiToken: Model<ApiTokenData> =
  (mongoose.models.ApiToken as Model<ApiTokenData>) ??
  mongoose.model<ApiTokenData>("ApiToken", apiTokenSchema, "api_tokens");

export function hashApiToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A new token and what is stored of it. */
export function mintApiToken(): { token: string; prefix: string; hash: string } {
  const prefix = Array.from(crypto.randomBytes(8), (b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join("");
  const token = `fd_${prefix}_${crypto.randomBytes(32).toString("base64url")}`;
  return { token, prefix, hash: hashApiToken(token) };
}

/** The organisation's tokens, newest first (a handful: sorted here, not by the database). */
export async function listApiTokens(orgId: string) {
  const tokens = await ApiToken.find({ orgId }, { _id: 0 }).limit(500).lean();
  return tokens.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

/** The token behind a bearer credential, whatever its state; null when it is not one of ours. */
export async function findApiToken(token: string): Promise<ApiTokenData | null> {
  if (!API_TOKEN_SHAPE.test(token)) return null;
  return ApiToken.findById(hashApiToken(token)).lean();
}

/** Notes a use, at most once a minute per token (an `_id` write). */
export async function noteApiTokenUse(record: ApiTokenData, now: Date): Promise<void> {
  if (record.lastUsedAt && now.getTime() - record.lastUsedAt.getTime() < LAST_USED_EVERY_MS) return;
  await ApiToken.updateOne({ _id: record._id }, { $set: { lastUsedAt: now } });
}
