import mongoose, { Schema, type Model, type Types } from "mongoose";
import { Refusal } from "./refusal";
import { isDuplicateKey } from "./duplicate-key";

/**
 * A generated PDF report: one version of the assessment report of one
 * assessment, or of the agreement report of one agreement. The PDF bytes live
 * in GridFS (bucket "reports"); this record holds what verification needs:
 * the SHA-256 of exactly those bytes, the version and who made it when.
 *
 * Versions are allocated by inserting the record first: the unique index on
 * (kind, targetId, version) lets exactly one writer have each number, also on
 * FerretDB where conditional updates are not atomic.
 */
export const REPORT_KINDS = ["assessment", "agreement"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_TRIGGERS = ["on_demand", "approval"] as const;
export type ReportTrigger = (typeof REPORT_TRIGGERS)[number];

export interface ReportRecordData {
  kind: ReportKind;
  /** the assessment or the agreement the report is about */
  targetId: Types.ObjectId;
  agreementId: Types.ObjectId;
  agreementRef: string;
  /** what the report is about, for people: the supplier's name or the agreement's title */
  subject: string;
  recipientOrgId: Types.ObjectId;
  discloserOrgId: Types.ObjectId;
  supplierOrgId: Types.ObjectId | null;
  version: number;
  /** "writing" while the PDF streams into GridFS; only "stored" reports are listed and verified */
  state: "writing" | "stored";
  sha256: string | null;
  size: number;
  pages: number;
  fileId: Types.ObjectId | null;
  fileName: string;
  generatedAt: Date;
  generatedBy: string;
  generatedById: Types.ObjectId | null;
  trigger: ReportTrigger;
  /** the language of the report's own words (labels, headings, dates); absent on reports made before it was kept */
  language?: string;
}

const reportSchema = new Schema<ReportRecordData>(
  {
    kind: { type: String, enum: REPORT_KINDS, required: true },
    targetId: { type: Schema.Types.ObjectId, required: true },
    agreementId: { type: Schema.Types.ObjectId, ref: "Agreement", required: true },
    agreementRef: { type: String, required: true },
    subject: { type: String, required: true },
    recipientOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    discloserOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    supplierOrgId: { type: Schema.Types.ObjectId, ref: "Organization", default: null },
    version: { type: Number, required: true, min: 1 },
    state: { type: String, enum: ["writing", "stored"], required: true, default: "writing" },
    sha256: { type: String, default: null, match: /^[0-9a-f]{64}$/ },
    size: { type: Number, default: 0 },
    pages: { type: Number, default: 0 },
    fileId: { type: Schema.Types.ObjectId, default: null },
    fileName: { type: String, required: true },
    generatedAt: { type: Date, required: true },
    generatedBy: { type: String, required: true },
    generatedById: { type: Schema.Types.ObjectId, ref: "User", default: null },
    trigger: { type: String, enum: REPORT_TRIGGERS, required: true },
    language: { type: String, default: undefined },
  },
  { versionKey: false },
);
reportSchema.index({ kind: 1, targetId: 1, version: 1 }, { unique: true });
reportSchema.index({ sha256: 1 });

export const ReportRecord: Model<ReportRecordData> =
  (mongoose.models.ReportRecord as Model<ReportRecordData>) ??
  mongoose.model<ReportRecordData>("ReportRecord", reportSchema, "reports");

export type StoredReport = ReportRecordData & { _id: Types.ObjectId };

/** A report that cannot be made now, for a reason to show the person who asked (not a fault). */
export class ReportRefusedError extends Refusal {
  constructor(message: string) {
    super(message);
    this.name = "ReportRefusedError";
  }
}

/** Stored versions of one report, newest first. */
export function listReportVersions(kind: ReportKind, targetId: string | Types.ObjectId): Promise<StoredReport[]> {
  return ReportRecord.find({ kind, targetId, state: "stored" }).sort({ version: -1 }).limit(200).lean<StoredReport[]>();
}

/** The newest stored version of one report, or null. */
export async function latestReportVersion(
  kind: ReportKind,
  targetId: string | Types.ObjectId,
): Promise<StoredReport | null> {
  return ReportRecord.findOne({ kind, targetId, state: "stored" }).sort({ version: -1 }).lean<StoredReport>();
}

/** Reserves the next version number of a report: exactly one caller gets each number. */
export async function reserveReportVersion(
  fields: Omit<ReportRecordData, "version" | "state" | "sha256" | "size" | "pages" | "fileId">,
): Promise<StoredReport> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const last = await ReportRecord.findOne({ kind: fields.kind, targetId: fields.targetId }, { version: 1 })
      .sort({ version: -1 })
      .lean();
    const doc = {
      ...fields,
      version: (last?.version ?? 0) + 1,
      state: "writing" as const,
      sha256: null,
      size: 0,
      pages: 0,
      fileId: null,
    };
    try {
      const created = await ReportRecord.create(doc);
      return created.toObject() as StoredReport;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await new Promise((r) => setTimeout(r, Math.random() * 10 * (attempt + 1)));
    }
  }
  throw new ReportRefusedError("Could not reserve a report version: too many reports generated at once. Try again.");
}
