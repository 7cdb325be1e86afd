import crypto from "node:crypto";
import mongoose, { Schema, type Model, type Types } from "mongoose";
import { claim } from "./claim.server";

/**
 * An invitation to answer one assessment: a random 256-bit token that only
 * the e-mail carries. The database keeps its SHA-256, so a copy of the
 * database does not let anyone in. Bound to the supplier's organisation,
 * expiring, revocable and usable once.
 */
export const INVITATION_TTL_DAYS = 14;
export const INVITATION_STATUSES = ["active", "used", "revoked"] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export interface InvitationData {
  tokenHash: string;
  assessmentId: Types.ObjectId;
  supplierOrgId: Types.ObjectId;
  /** the organisation that sent it (procurement's) */
  ownerOrgId: Types.ObjectId;
  email: string;
  status: InvitationStatus;
  expiresAt: Date;
  createdBy: Types.ObjectId;
  usedAt: Date | null;
  usedBy: Types.ObjectId | null;
  revokedAt: Date | null;
  createdAt?: Date;
}

const invitationSchema = new Schema<InvitationData>(
  {
    tokenHash: { type: String, required: true, unique: true, match: /^[0-9a-f]{64}$/ },
    assessmentId: { type: Schema.Types.ObjectId, ref: "Assessment", required: true },
    supplierOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    ownerOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    email: { type: String, required: true, lowercase: true, trim: true, maxlength: 254 },
    status: { type: String, enum: INVITATION_STATUSES, default: "active" },
    expiresAt: { type: Date, required: true },
    createdBy: { type: Schema.Types.ObjectId, ref: "User", required: true },
    usedAt: { type: Date, default: null },
    usedBy: { type: Schema.Types.ObjectId, ref: "User", default: null },
    revokedAt: { type: Date, default: null },
  },
  { timestamps: true },
);
invitationSchema.index({ assessmentId: 1, createdAt: -1 });

export const Invitation: Model<InvitationData> =
  (mongoose.models.Invitation as Model<InvitationData>) ??
  mongoose.model<InvitationData>("Invitation", invitationSchema);

/** base64url of 32 random bytes: 43 characters. */
export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export async function createInvitation(input: {
  assessmentId: Types.ObjectId | string;
  supplierOrgId: Types.ObjectId | string;
  ownerOrgId: Types.ObjectId | string;
  email: string;
  createdBy: Types.ObjectId | string;
  ttlDays?: number;
  now?: Date;
}): Promise<{ token: string; invitation: InvitationData & { _id: Types.ObjectId } }> {
  const token = crypto.randomBytes(32).toString("base64url");
  const now = input.now ?? new Date();
  const invitation = await Invitation.create({
    tokenHash: hashToken(token),
    assessmentId: input.assessmentId,
    supplierOrgId: input.supplierOrgId,
    ownerOrgId: input.ownerOrgId,
    email: input.email,
    expiresAt: new Date(now.getTime() + (input.ttlDays ?? INVITATION_TTL_DAYS) * 24 * 60 * 60 * 1000),
    createdBy: input.createdBy,
  });
  return { token, invitation: invitation.toObject() };
}

export type InvitationLookup =
  | { state: "valid"; invitation: InvitationData & { _id: Types.ObjectId } }
  | { state: "expired" | "revoked" | "used"; invitation: InvitationData & { _id: Types.ObjectId } }
  | { state: "unknown" };

export async function lookupInvitation(token: string, now = new Date()): Promise<InvitationLookup> {
  if (!TOKEN_SHAPE.test(token)) return { state: "unknown" };
  const invitation = await Invitation.findOne({ tokenHash: hashToken(token) }).lean();
  if (!invitation) return { state: "unknown" };
  if (invitation.status === "revoked") return { state: "revoked", invitation };
  if (invitation.status === "used") return { state: "used", invitation };
  if (invitation.expiresAt <= now) return { state: "expired", invitation };
  return { state: "valid", invitation };
}

/**
 * Closing an invitation (used or revoked) is claimed first, so of a
 * redemption and a revocation racing, or two redemptions, exactly one wins.
 */
async function closeInvitation(
  id: Types.ObjectId,
  status: "used" | "revoked",
  set: Record<string, unknown>,
): Promise<boolean> {
  if (!(await claim(`invitation:${String(id)}:closed`, { status }))) return false;
  await Invitation.updateOne({ _id: id }, { $set: { status, ...set } });
  return true;
}

/** Marks the invitation used by `userId`; exactly one of several concurrent redemptions succeeds. */
export async function redeemInvitation(
  token: string,
  userId: Types.ObjectId | string,
  now = new Date(),
): Promise<boolean> {
  const lookup = await lookupInvitation(token, now);
  if (lookup.state !== "valid") return false;
  return closeInvitation(lookup.invitation._id, "used", { usedAt: now, usedBy: userId });
}

export async function revokeInvitation(id: string, ownerOrgId: string, now = new Date()): Promise<boolean> {
  if (!mongoose.isValidObjectId(id)) return false;
  const invitation = await Invitation.findOne({ _id: id, ownerOrgId, status: "active" }, { _id: 1 }).lean();
  if (!invitation) return false;
  return closeInvitation(invitation._id, "revoked", { revokedAt: now });
}
