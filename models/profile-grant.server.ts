import mongoose, { Schema, type Model, type Types } from "mongoose";
import { PROFILE_SECTIONS, type ProfileSection } from "#questionnaires/question-identity";

/**
 * A supplier's consent that one recipient organisation may read its profile
 * (issue 22): all of it or chosen sections, until an expiry, revocable.
 *
 * The latest grant decides. Granting again to the same recipient inserts a
 * new grant that replaces the earlier one (its sections and expiry are the
 * new ones); nothing is updated, so two grants made at once leave exactly one
 * in force (the newer). Access is read afresh on every request from the
 * latest grant alone: once it is revoked or expired, nothing is shared, even
 * when an older grant was never revoked itself.
 */
export interface ProfileGrantData {
  supplierOrgId: Types.ObjectId;
  recipientOrgId: Types.ObjectId;
  /** every section, including sections the profile gains later */
  allSections: boolean;
  /** the sections shared when not all of them */
  sections: ProfileSection[];
  expiresAt: Date;
  createdBy: { userId: Types.ObjectId | null; name: string };
  createdAt: Date;
  revokedAt: Date | null;
  revokedBy: { userId: Types.ObjectId | null; name: string } | null;
}

const byWhom = {
  userId: { type: Schema.Types.ObjectId, ref: "User", default: null },
  name: { type: String, default: "", maxlength: 200 },
};

const profileGrantSchema = new Schema<ProfileGrantData>(
  {
    supplierOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    recipientOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    allSections: { type: Boolean, required: true },
    sections: { type: [{ type: String, enum: PROFILE_SECTIONS }], default: [] },
    expiresAt: { type: Date, required: true },
    createdBy: byWhom,
    createdAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
    revokedBy: { type: new Schema(byWhom, { _id: false }), default: null },
  },
  { versionKey: false, minimize: false },
);
profileGrantSchema.index({ supplierOrgId: 1, recipientOrgId: 1, createdAt: -1 });
profileGrantSchema.index({ recipientOrgId: 1, supplierOrgId: 1 });

export const ProfileGrant: Model<ProfileGrantData> =
  (mongoose.models.ProfileGrant as Model<ProfileGrantData>) ??
  mongoose.model<ProfileGrantData>("ProfileGrant", profileGrantSchema);

export type StoredGrant = ProfileGrantData & { _id: Types.ObjectId };

export type GrantStatus = "active" | "expired" | "revoked" | "replaced";

const newestFirst = (a: StoredGrant, b: StoredGrant) =>
  b.createdAt.getTime() - a.createdAt.getTime() || String(b._id).localeCompare(String(a._id));

/** The grant that decides what `recipientOrgId` may read of `supplierOrgId`'s profile (active or not), or null. */
export async function latestGrant(supplierOrgId: string, recipientOrgId: string): Promise<StoredGrant | null> {
  // a supplier gives one recipient a handful of grants over the years: sorted here, not by the database
  const grants = await ProfileGrant.find({
    supplierOrgId: new mongoose.Types.ObjectId(supplierOrgId),
    recipientOrgId: new mongoose.Types.ObjectId(recipientOrgId),
  }).lean<StoredGrant[]>();
  return grants.sort(newestFirst)[0] ?? null;
}

/** The grant in force now, or null (none, revoked, expired). Read on every request, never kept. */
export async function activeGrant(
  supplierOrgId: string,
  recipientOrgId: string,
  now = new Date(),
): Promise<StoredGrant | null> {
  const latest = await latestGrant(supplierOrgId, recipientOrgId);
  return latest && grantStatus(latest, true, now) === "active" ? latest : null;
}

/** A grant's status; `latest` says whether it is the newest grant to its recipient. */
export function grantStatus(grant: ProfileGrantData, latest: boolean, now = new Date()): GrantStatus {
  if (grant.revokedAt) return "revoked";
  if (!latest) return "replaced";
  return grant.expiresAt.getTime() <= now.getTime() ? "expired" : "active";
}

/** Every grant a supplier has made, newest first, each with its status. */
export async function grantsOfSupplier(supplierOrgId: string, now = new Date()) {
  const grants = (
    await ProfileGrant.find({ supplierOrgId: new mongoose.Types.ObjectId(supplierOrgId) }).lean<StoredGrant[]>()
  ).sort(newestFirst);
  const seen = new Set<string>();
  return grants.map((g) => {
    const recipient = String(g.recipientOrgId);
    const latest = !seen.has(recipient);
    seen.add(recipient);
    return { ...g, status: grantStatus(g, latest, now) };
  });
}

/** Revokes one of the supplier's grants; false when it has no such grant still unrevoked. */
export async function revokeGrant(
  supplierOrgId: string,
  grantId: string,
  by: { userId: string; name: string },
  at = new Date(),
): Promise<StoredGrant | null> {
  const filter = {
    _id: new mongoose.Types.ObjectId(grantId),
    supplierOrgId: new mongoose.Types.ObjectId(supplierOrgId),
    revokedAt: null,
  };
  const grant = await ProfileGrant.findOne(filter).lean<StoredGrant>();
  if (!grant) return null;
  await ProfileGrant.updateOne(filter, {
    $set: { revokedAt: at, revokedBy: { userId: new mongoose.Types.ObjectId(by.userId), name: by.name } },
  });
  return grant;
}
