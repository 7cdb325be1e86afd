import mongoose, { Schema, type Model, type Types } from "mongoose";

/**
 * The files documents of the GridFS bucket "evidence", as the evidence
 * library reads them. GridFS writes these documents (app/features/evidence);
 * this model only lists them by owner (an index of its own, so a supplier's
 * library does not scan every organisation's files) and keeps the date on
 * which a file was first found unused, from which its grace period runs.
 */
export interface EvidenceFileData {
  _id: Types.ObjectId;
  filename: string;
  length: number;
  uploadDate: Date;
  metadata: {
    ownerOrgId: Types.ObjectId;
    uploadedBy: Types.ObjectId;
    assessmentId: Types.ObjectId | null;
    questionName: string | null;
    contentType: string;
    sha256: string;
    size: number;
    /** when a check first found nothing using the file; absent (or null) while something does */
    orphanedAt?: Date | null;
  };
}

const evidenceFileSchema = new Schema<EvidenceFileData>(
  {
    filename: String,
    length: Number,
    uploadDate: Date,
    metadata: {
      ownerOrgId: Schema.Types.ObjectId,
      uploadedBy: Schema.Types.ObjectId,
      assessmentId: Schema.Types.ObjectId,
      questionName: String,
      contentType: String,
      sha256: String,
      size: Number,
      orphanedAt: Date,
    },
  },
  // GridFS's own fields (chunkSize, ...) are kept; a filter on a field not named here is an error, never dropped
  { strict: false, strictQuery: "throw", versionKey: false, collection: "evidence.files", autoIndex: false },
);
evidenceFileSchema.index({ "metadata.ownerOrgId": 1, uploadDate: -1 });

export const EvidenceFile: Model<EvidenceFileData> =
  (mongoose.models.EvidenceFile as Model<EvidenceFileData>) ??
  mongoose.model<EvidenceFileData>("EvidenceFile", evidenceFileSchema);

/** Every evidence file of one organisation, newest first. */
export function listEvidenceFiles(ownerOrgId: Types.ObjectId | string) {
  return EvidenceFile.find({ "metadata.ownerOrgId": new mongoose.Types.ObjectId(String(ownerOrgId)) })
    .sort({ uploadDate: -1, _id: -1 })
    .lean<EvidenceFileData[]>();
}

/** The organisations that own evidence files. */
export async function evidenceOwners(): Promise<string[]> {
  const owners = await EvidenceFile.distinct("metadata.ownerOrgId");
  return owners.map(String);
}

/** Notes that nothing uses these files from `at` on (a file already noted keeps its first date). */
export async function markUnused(ids: readonly Types.ObjectId[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await EvidenceFile.updateMany(
    { _id: mongoose.trusted({ $in: ids }), "metadata.orphanedAt": null },
    { $set: { "metadata.orphanedAt": at } },
  );
}

/** Forgets that these files were unused (something uses them again). */
export async function markUsed(ids: readonly Types.ObjectId[]): Promise<void> {
  if (ids.length === 0) return;
  await EvidenceFile.updateMany(
    { _id: mongoose.trusted({ $in: ids }), "metadata.orphanedAt": mongoose.trusted({ $ne: null }) },
    { $set: { "metadata.orphanedAt": null } },
  );
}
