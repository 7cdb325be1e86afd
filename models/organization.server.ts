import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";
import { isCountryCode } from "./countries";
import { isDuplicateKey } from "./duplicate-key";
import { normalizeOrgName, normalizeRegistrationNumber } from "./org-name";

import { ORG_KINDS, type OrgKind } from "./enums";

export { ORG_KINDS, type OrgKind };

const organizationSchema = new Schema(
  {
    /** stable, URL-safe key; demo data and imports upsert by it */
    slug: { type: String, required: true, unique: true, match: /^[a-z0-9][a-z0-9-]{1,62}$/ },
    name: { type: String, required: true, trim: true, maxlength: 200 },
    kind: { type: String, required: true, enum: ORG_KINDS },
    /** ISO 3166-1 alpha-2 */
    country: {
      type: String,
      required: true,
      validate: { validator: isCountryCode, message: "{VALUE} is not an ISO 3166-1 country code" },
    },
    /** the registered legal name, when it differs from the name in use */
    legalName: { type: String, trim: true, maxlength: 300, default: "" },
    registrationNumber: { type: String, trim: true, maxlength: 60, default: "" },
    /** the group the organisation belongs to (another organisation), if any */
    parentOrgId: { type: Schema.Types.ObjectId, ref: "Organization", default: null },
    /** for suppliers: whom procurement writes to first */
    contactEmail: { type: String, trim: true, lowercase: true, maxlength: 254, default: "" },
    /** duplicate detection keys (models/org-name.ts), kept in step with name and registration number */
    nameKey: { type: String, default: "", index: true },
    registrationKey: { type: String, default: "" },
    /** the service a supplier provides, shown in chains and matched against certificate scopes */
    service: { type: String, trim: true, maxlength: 200, default: "" },
    /** for suppliers and disclosing parties: the recipient organisations whose procurement teams work with them */
    managedBy: { type: [Schema.Types.ObjectId], ref: "Organization", default: [] },
    /** a deactivated organisation's users cannot sign in; its history stays */
    active: { type: Boolean, default: true },
    deactivatedAt: { type: Date, default: null },
    createdBy: { type: Schema.Types.ObjectId, ref: "User", default: null },
  },
  { timestamps: true },
);
organizationSchema.index({ kind: 1, name: 1 });
organizationSchema.index({ managedBy: 1, name: 1 });
organizationSchema.index({ country: 1, registrationKey: 1 });
organizationSchema.pre("validate", function () {
  this.nameKey = normalizeOrgName(this.name ?? "");
  this.registrationKey = normalizeRegistrationNumber(this.registrationNumber ?? "");
});

export type OrganizationDoc = InferSchemaType<typeof organizationSchema> & { _id: mongoose.Types.ObjectId };
export const Organization: Model<OrganizationDoc> =
  (mongoose.models.Organization as Model<OrganizationDoc>) ??
  mongoose.model<OrganizationDoc>("Organization", organizationSchema);

/** The duplicate-detection keys for a name and registration number (for updates that bypass validation hooks). */
export function organizationKeys(name: string, registrationNumber: string) {
  return { nameKey: normalizeOrgName(name), registrationKey: normalizeRegistrationNumber(registrationNumber) };
}

/** Suppliers managed by a recipient organisation (procurement's view). */
export function listSuppliersForRecipient({ orgId }: { orgId: string }) {
  return Organization.find({ kind: "supplier", managedBy: orgId }).sort({ name: 1 }).lean();
}

/**
 * Organisations that are the same as the one described: the same
 * registration number in the same country, or the same normalised name
 * (models/org-name.ts). Looked up by indexed equality only.
 */
export async function findDuplicateOrganizations(
  input: { name: string; country: string; registrationNumber?: string; kind?: OrgKind },
  exceptId?: string,
) {
  const keys = organizationKeys(input.name, input.registrationNumber ?? "");
  const [byName, byRegistration] = await Promise.all([
    keys.nameKey ? Organization.find({ nameKey: keys.nameKey }).limit(20).lean() : [],
    keys.registrationKey
      ? Organization.find({ country: input.country, registrationKey: keys.registrationKey }).limit(20).lean()
      : [],
  ]);
  const seen = new Map<string, OrganizationDoc & { matchedOn: "registration" | "name" }>();
  for (const o of byRegistration) seen.set(String(o._id), { ...o, matchedOn: "registration" });
  for (const o of byName) if (!seen.has(String(o._id))) seen.set(String(o._id), { ...o, matchedOn: "name" });
  return [...seen.values()].filter(
    (o) => String(o._id) !== exceptId && (input.kind === undefined || o.kind === input.kind),
  );
}

/**
 * Creates an organisation under a fresh slug from its name; on the rare
 * clash of the slug's random suffix it draws another (the slug is the only
 * unique key of an organisation besides its _id).
 */
export async function createOrganization(
  fields: { name: string; kind: OrgKind; country: string } & Record<string, unknown>,
) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await Organization.create({ ...fields, slug: slugFor(fields.name) });
    } catch (error) {
      if (!isDuplicateKey(error) || attempt >= 2) throw error;
    }
  }
}

/** A fresh URL-safe key from a name (in any script: the name's Latin letters, or "org", plus a random suffix). */
function slugFor(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/g, "");
  const suffix = Math.random().toString(36).slice(2, 8).padEnd(6, "0");
  return `${base.length >= 2 ? base : "org"}-${suffix}`;
}
