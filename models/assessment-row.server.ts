import crypto from "node:crypto";
import mongoose, { Schema, type Model, type Types } from "mongoose";
import type { AssessmentStatus } from "./assessment-status";

/**
 * The list view of an assessment: a small document per assessment (same _id),
 * written through whenever the assessment's status, score or due date changes.
 * Lists, dashboards and jobs read these instead of the full assessments, which
 * carry answers and score snapshots tens of kilobytes large: FerretDB v1 reads
 * whole documents to filter them, so scanning the small rows is ~50× cheaper.
 *
 * Each organisation also has a read-model token that changes with every write
 * to its rows, so an app instance can keep the rows in memory and know when to
 * read them again (see app/utils/read-model.server.ts).
 */
export interface AssessmentRowData {
  _id: Types.ObjectId;
  ownerOrgId: Types.ObjectId;
  supplierOrgId: Types.ObjectId;
  agreementId: Types.ObjectId;
  status: AssessmentStatus;
  dueDate: string;
  supplierName: string;
  supplierKey: string;
  agreementRef: string;
  score: number | null;
  rating: "low" | "medium" | "high" | "critical" | null;
  openRemediation: number;
  /** see AssessmentSummary.cells */
  cells: Record<string, string>;
  notifyHours: number | null;
  locations: { country: string; transferMechanism: string | null }[];
  evaluationDate: string | null;
  revision: number;
  updatedAt: Date;
}

const rowSchema = new Schema<AssessmentRowData>(
  {
    ownerOrgId: { type: Schema.Types.ObjectId, required: true },
    supplierOrgId: { type: Schema.Types.ObjectId, required: true },
    agreementId: { type: Schema.Types.ObjectId, required: true },
    status: { type: String, required: true },
    dueDate: { type: String, required: true },
    supplierName: { type: String, default: "" },
    supplierKey: { type: String, default: "" },
    agreementRef: { type: String, default: "" },
    score: { type: Number, default: null },
    rating: { type: String, default: null },
    openRemediation: { type: Number, default: 0 },
    cells: { type: Schema.Types.Mixed, default: {} },
    notifyHours: { type: Number, default: null },
    locations: [{ _id: false, country: String, transferMechanism: { type: String, default: null } }],
    evaluationDate: { type: String, default: null },
    revision: { type: Number, default: 0 },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: "assessment_rows", minimize: false },
);
rowSchema.index({ ownerOrgId: 1, dueDate: 1 });
rowSchema.index({ agreementId: 1, supplierOrgId: 1 });
rowSchema.index({ supplierOrgId: 1 });
rowSchema.index({ status: 1, dueDate: 1 });

export const AssessmentRow: Model<AssessmentRowData> =
  (mongoose.models.AssessmentRow as Model<AssessmentRowData>) ?? mongoose.model<AssessmentRowData>("AssessmentRow", rowSchema);

interface TokenData {
  _id: string;
  token: string;
}
const tokenSchema = new Schema<TokenData>({ _id: { type: String }, token: { type: String, required: true } }, { versionKey: false, collection: "read_model_tokens" });
export const ReadModelToken: Model<TokenData> =
  (mongoose.models.ReadModelToken as Model<TokenData>) ?? mongoose.model<TokenData>("ReadModelToken", tokenSchema);

/** A fresh random token (not a counter: a lost concurrent increment would hide a change). */
export async function touchReadModel(orgId: string): Promise<void> {
  await ReadModelToken.updateOne({ _id: orgId }, { $set: { token: crypto.randomBytes(8).toString("hex") } }, { upsert: true });
}

export async function readModelToken(orgId: string): Promise<string | null> {
  return (await ReadModelToken.findById(orgId).lean())?.token ?? null;
}

/** Rewrites the row from the assessment as it is now, then marks the owner's read model changed. */
export async function syncAssessmentRow(id: Types.ObjectId | string): Promise<void> {
  const Assessment = mongoose.model("Assessment");
  const a = await Assessment.findById(id, { ownerOrgId: 1, supplierOrgId: 1, agreementId: 1, status: 1, dueDate: 1, summary: 1, revision: 1, updatedAt: 1 }).lean<{
    _id: Types.ObjectId;
    ownerOrgId: Types.ObjectId;
    supplierOrgId: Types.ObjectId;
    agreementId: Types.ObjectId;
    status: AssessmentStatus;
    dueDate: string;
    revision: number;
    updatedAt?: Date;
    summary?: Partial<Pick<AssessmentRowData, "supplierName" | "supplierKey" | "agreementRef" | "score" | "rating" | "openRemediation" | "cells" | "notifyHours" | "locations" | "evaluationDate">>;
  }>();
  if (!a) return;
  await AssessmentRow.updateOne(
    { _id: a._id },
    {
      $set: {
        ownerOrgId: a.ownerOrgId,
        supplierOrgId: a.supplierOrgId,
        agreementId: a.agreementId,
        status: a.status,
        dueDate: a.dueDate,
        supplierName: a.summary?.supplierName ?? "",
        supplierKey: a.summary?.supplierKey ?? "",
        agreementRef: a.summary?.agreementRef ?? "",
        score: a.summary?.score ?? null,
        rating: a.summary?.rating ?? null,
        openRemediation: a.summary?.openRemediation ?? 0,
        cells: a.summary?.cells ?? {},
        notifyHours: a.summary?.notifyHours ?? null,
        locations: a.summary?.locations ?? [],
        evaluationDate: a.summary?.evaluationDate ?? null,
        revision: a.revision,
        updatedAt: a.updatedAt ?? new Date(),
      },
    },
    { upsert: true },
  );
  await touchReadModel(String(a.ownerOrgId));
}
