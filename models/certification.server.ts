import mongoose, { Schema, type Model, type Types } from "mongoose";
import { isIsoDate } from "#app/scoring/dates";
import { isoDateField } from "./iso-date-field";

export interface CertificationData {
  supplierOrgId: Types.ObjectId;
  standard: string;
  certificateNumber: string;
  certificationBody: string;
  scope: string;
  issueDate: string;
  expiryDate: string;
  /** Annex A controls in the statement of applicability; empty = all */
  controls: string[];
  /** GridFS id of the certificate file */
  fileId: Types.ObjectId | null;
  fileName: string;
  createdBy: Types.ObjectId | null;
  createdAt?: Date;
  updatedAt?: Date;
}

const certificationSchema = new Schema<CertificationData>(
  {
    supplierOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    standard: { type: String, required: true, trim: true, maxlength: 80 },
    certificateNumber: { type: String, required: true, trim: true, maxlength: 80 },
    certificationBody: { type: String, trim: true, maxlength: 160, default: "" },
    scope: { type: String, trim: true, maxlength: 2000, default: "" },
    issueDate: isoDateField,
    expiryDate: isoDateField,
    controls: [{ type: String, match: /^A\.[5-8]\.\d{1,2}$/ }],
    fileId: { type: Schema.Types.ObjectId, default: null },
    fileName: { type: String, default: "" },
    createdBy: { type: Schema.Types.ObjectId, ref: "User", default: null },
  },
  { timestamps: true },
);
certificationSchema.index({ supplierOrgId: 1, expiryDate: 1 });
certificationSchema.index({ supplierOrgId: 1, standard: 1, certificateNumber: 1 }, { unique: true });

certificationSchema.pre("validate", function () {
  if (isIsoDate(this.issueDate) && isIsoDate(this.expiryDate) && this.expiryDate < this.issueDate) {
    this.invalidate("expiryDate", "A certificate cannot expire before it was issued.", this.expiryDate);
  }
});

export const Certification: Model<CertificationData> =
  (mongoose.models.Certification as Model<CertificationData>) ??
  mongoose.model<CertificationData>("Certification", certificationSchema);

export function listCertificationsForSupplier({ supplierOrgId }: { supplierOrgId: string | Types.ObjectId }) {
  return Certification.find({ supplierOrgId }).sort({ expiryDate: 1 }).lean();
}
