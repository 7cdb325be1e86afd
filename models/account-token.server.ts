import crypto from "node:crypto";
import mongoose, { Schema, type Model, type Types } from "mongoose";
import { claim } from "./claim.server";
import { ROLES, type Role } from "./enums";

/**
 * A link that lets someone set a password: an invitation to join an
 * organisation, or a password reset. The link carries a random 256-bit
 * token; the database keeps only its SHA-256. Expiring, revocable, usable
 * once: a redemption and a revocation (or two redemptions) racing have
 * exactly one winner, decided by a claim (models/claim.server.ts).
 */
export const ACCOUNT_TOKEN_PURPOSES = ["invite", "reset"] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];
export const ACCOUNT_TOKEN_STATUSES = ["active", "used", "revoked"] as const;
export type AccountTokenStatus = (typeof ACCOUNT_TOKEN_STATUSES)[number];

export const ACCOUNT_TOKEN_TTL_MS: Record<AccountTokenPurpose, number> = {
  invite: 7 * 24 * 60 * 60 * 1000,
  reset: 60 * 60 * 1000,
};

export interface AccountTokenData {
  tokenHash: string;
  purpose: AccountTokenPurpose;
  email: string;
  /** the organisation the account belongs (or will belong) to */
  orgId: Types.ObjectId;
  role: Role;
  teamAdmin: boolean;
  /** the name the inviter gave, proposed on the set-up page */
  name: string;
  /** for a reset: the account it resets */
  userId: Types.ObjectId | null;
  /** an invitation to follow one agreement (a disclosing party's contact) */
  agreementId: Types.ObjectId | null;
  status: AccountTokenStatus;
  expiresAt: Date;
  /** null: created on the command line (the first administrator) or asked for by the user (a reset) */
  createdBy: Types.ObjectId | null;
  usedAt: Date | null;
  revokedAt: Date | null;
  /** the invitation this one replaced (a resend) */
  replaces: Types.ObjectId | null;
  createdAt?: Date;
}

const accountTokenSchema = new Schema<AccountTokenData>(
  {
    tokenHash: { type: String, required: true, unique: true, match: /^[0-9a-f]{64}$/ },
    purpose: { type: String, required: true, enum: ACCOUNT_TOKEN_PURPOSES },
    email: { type: String, required: true, lowercase: true, trim: true, maxlength: 254 },
    orgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true, index: true },
    role: { type: String, required: true, enum: ROLES },
    teamAdmin: { type: Boolean, default: false },
    name: { type: String, trim: true, maxlength: 200, default: "" },
    userId: { type: Schema.Types.ObjectId, ref: "User", default: null },
    agreementId: { type: Schema.Types.ObjectId, ref: "Agreement", default: null },
    status: { type: String, enum: ACCOUNT_TOKEN_STATUSES, default: "active" },
    expiresAt: { type: Date, required: true },
    createdBy: { type: Schema.Types.ObjectId, ref: "User", default: null },
    usedAt: { type: Date, default: null },
    revokedAt: { type: Date, default: null },
    replaces: { type: Schema.Types.ObjectId, default: null },
  },
  { timestamps: true },
);
accountTokenSchema.index({ email: 1, purpose: 1 });

export type AccountToken = AccountTokenData & { _id: Types.ObjectId };
export const AccountTokenModel: Model<AccountTokenData> =
  (mongoose.models.AccountToken as Model<AccountTokenData>) ??
  mongoose.model<AccountTokenData>("AccountToken", accountTokenSchema, "account_tokens");

/** base64url of 32 random bytes: 43 characters. */
export const ACCOUNT_TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export async function issueAccountToken(
  input: Pick<AccountTokenData, "purpose" | "email" | "orgId" | "role"> &
    Partial<Pick<AccountTokenData, "teamAdmin" | "name" | "userId" | "agreementId" | "createdBy" | "replaces">>,
  now = new Date(),
): Promise<{ token: string; record: AccountToken }> {
  const token = crypto.randomBytes(32).toString("base64url");
  const doc = await AccountTokenModel.create({
    ...input,
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + ACCOUNT_TOKEN_TTL_MS[input.purpose]),
  });
  return { token, record: doc.toObject() as AccountToken };
}

export type AccountTokenLookup =
  | { state: "valid"; record: AccountToken }
  | { state: "expired" | "revoked" | "used"; record: AccountToken }
  | { state: "unknown" };

export async function lookupAccountToken(
  token: string,
  purpose: AccountTokenPurpose,
  now = new Date(),
): Promise<AccountTokenLookup> {
  if (!ACCOUNT_TOKEN_SHAPE.test(token)) return { state: "unknown" };
  const record = (await AccountTokenModel.findOne({ tokenHash: hashToken(token) }).lean()) as AccountToken | null;
  if (!record || record.purpose !== purpose) return { state: "unknown" };
  if (record.status === "revoked") return { state: "revoked", record };
  if (record.status === "used") return { state: "used", record };
  if (record.expiresAt <= now) return { state: "expired", record };
  return { state: "valid", record };
}

/** Closes the token (used or revoked); false when someone closed it first. */
export async function closeAccountToken(
  id: Types.ObjectId | string,
  status: "used" | "revoked",
  now = new Date(),
): Promise<boolean> {
  if (!(await claim(`account-token:${String(id)}:closed`, { status }))) return false;
  await AccountTokenModel.updateOne(
    { _id: id },
    { $set: { status, ...(status === "used" ? { usedAt: now } : { revokedAt: now }) } },
  );
  return true;
}
