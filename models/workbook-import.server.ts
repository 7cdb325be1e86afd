import mongoose, { Schema, type Model, type Types } from "mongoose";

/**
 * A workbook upload waiting for the supplier's confirmation: the changes it
 * would make to one assessment's answers, read against the revision the
 * supplier saw. Applied at most once (a claim decides), discarded, or
 * removed by the daily clean-up a day after it was read.
 */
export interface WorkbookImportData {
  _id: Types.ObjectId;
  assessmentId: Types.ObjectId;
  supplierOrgId: Types.ObjectId;
  userId: Types.ObjectId;
  fileName: string;
  language: string;
  baseRevision: number;
  /** question name → new answer; null clears it (keys are template question names) */
  changes: Record<string, unknown>;
  /** question name → the answer stored when the workbook was read, for the differences page */
  before: Record<string, unknown>;
  createdAt: Date;
  expiresAt: Date;
}

const schema = new Schema<WorkbookImportData>(
  {
    assessmentId: { type: Schema.Types.ObjectId, required: true },
    supplierOrgId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    fileName: { type: String, default: "" },
    language: { type: String, required: true },
    baseRevision: { type: Number, required: true },
    changes: { type: Schema.Types.Mixed, default: {} },
    before: { type: Schema.Types.Mixed, default: {} },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false, collection: "workbook_imports" },
);
schema.index({ expiresAt: 1 });

export const WorkbookImport: Model<WorkbookImportData> =
  (mongoose.models.WorkbookImport as Model<WorkbookImportData>) ??
  mongoose.model<WorkbookImportData>("WorkbookImport", schema);

export const WORKBOOK_IMPORT_TTL_MS = 24 * 60 * 60 * 1000;

export async function createWorkbookImport(
  input: Omit<WorkbookImportData, "_id" | "createdAt" | "expiresAt">,
  now = new Date(),
): Promise<string> {
  const doc = await WorkbookImport.create({
    ...input,
    createdAt: now,
    expiresAt: new Date(now.getTime() + WORKBOOK_IMPORT_TTL_MS),
  });
  return String(doc._id);
}

/** One supplier user's pending import of one assessment, while it has not expired. */
export async function findWorkbookImport(
  id: string,
  scope: { supplierOrgId: string; assessmentId: string; userId: string },
  now = new Date(),
) {
  if (!mongoose.isValidObjectId(id)) return null;
  const doc = await WorkbookImport.findOne({
    _id: id,
    supplierOrgId: scope.supplierOrgId,
    assessmentId: scope.assessmentId,
    userId: scope.userId,
  }).lean<WorkbookImportData>();
  return doc && doc.expiresAt > now ? doc : null;
}

export async function removeWorkbookImport(id: string, supplierOrgId: string): Promise<boolean> {
  if (!mongoose.isValidObjectId(id)) return false;
  const result = await WorkbookImport.deleteOne({ _id: id, supplierOrgId });
  return result.deletedCount === 1;
}

/** Drops imports nobody confirmed within their day. */
export async function pruneWorkbookImports(now = new Date()): Promise<number> {
  const result = await WorkbookImport.deleteMany({ expiresAt: mongoose.trusted({ $lte: now }) });
  return result.deletedCount;
}
