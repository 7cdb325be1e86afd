import mongoose, { Schema, type Model, type Types } from "mongoose";

/**
 * A supplier list procurement uploaded and has not confirmed yet: the rows
 * as read from the file (cells as typed, nothing judged), so the preview
 * survives the confirm step without a second upload. Everything is judged
 * again when the page shows it and when it is confirmed. Imports older than
 * a day are removed when the next one is made (FerretDB has no TTL indexes).
 */
export interface SupplierImportRow {
  /** the file line the row starts on */
  line: number;
  name: string;
  country: string;
  registrationNumber: string;
  contactEmail: string;
  service: string;
  /** what was wrong with the row as read (formula cells, too many cells) */
  readErrors: string[];
}

export interface SupplierImportData {
  recipientOrgId: Types.ObjectId;
  createdBy: Types.ObjectId;
  fileName: string;
  rows: SupplierImportRow[];
  createdAt?: Date;
}

const rowSchema = new Schema<SupplierImportRow>(
  {
    line: { type: Number, required: true },
    name: { type: String, default: "" },
    country: { type: String, default: "" },
    registrationNumber: { type: String, default: "" },
    contactEmail: { type: String, default: "" },
    service: { type: String, default: "" },
    readErrors: { type: [String], default: [] },
  },
  { _id: false },
);

const supplierImportSchema = new Schema<SupplierImportData>(
  {
    recipientOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true, index: true },
    createdBy: { type: Schema.Types.ObjectId, ref: "User", required: true },
    fileName: { type: String, required: true, maxlength: 200 },
    rows: { type: [rowSchema], default: [] },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
supplierImportSchema.index({ createdAt: 1 });

export const SupplierImport: Model<SupplierImportData> =
  (mongoose.models.SupplierImport as Model<SupplierImportData>) ??
  mongoose.model<SupplierImportData>("SupplierImport", supplierImportSchema, "supplier_imports");
