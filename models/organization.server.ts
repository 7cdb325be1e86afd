import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";
import { isCountryCode } from "./countries";

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
    /** the service a supplier provides, shown in chains and matched against certificate scopes */
    service: { type: String, trim: true, maxlength: 200, default: "" },
    /** for suppliers: the recipient organisations whose procurement teams manage them */
    managedBy: { type: [Schema.Types.ObjectId], ref: "Organization", default: [] },
  },
  { timestamps: true },
);
organizationSchema.index({ kind: 1, name: 1 });
organizationSchema.index({ managedBy: 1, name: 1 });

export type OrganizationDoc = InferSchemaType<typeof organizationSchema> & { _id: mongoose.Types.ObjectId };
export const Organization: Model<OrganizationDoc> =
  (mongoose.models.Organization as Model<OrganizationDoc>) ??
  mongoose.model<OrganizationDoc>("Organization", organizationSchema);

/** Suppliers managed by a recipient organisation (procurement's view). */
export function listSuppliersForRecipient({ orgId }: { orgId: string }) {
  return Organization.find({ kind: "supplier", managedBy: orgId }).sort({ name: 1 }).lean();
}
