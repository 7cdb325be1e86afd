import crypto from "node:crypto";
import mongoose, { Schema, type Model, type Types } from "mongoose";
import type { ScoreBasis } from "#app/scoring/freshness";
import type { Reason, ScoringResult } from "#app/scoring/types";

/**
 * Every result an assessment was given, with what it was computed from and
 * what changed against the one before: the assessment keeps the current
 * result, this collection keeps them all.
 *
 * `_id` is "<assessmentId>:<hash of the basis key>": one record per set of
 * inputs, so the insert is the claim that makes one instance (of several
 * that noticed the same change) the one that re-scores.
 */
export interface ScoreRecordData {
  _id: string;
  assessmentId: Types.ObjectId;
  agreementId: Types.ObjectId;
  supplierOrgId: Types.ObjectId;
  ownerOrgId: Types.ObjectId;
  supplierName: string;
  basis: ScoreBasis;
  previousBasis: ScoreBasis | null;
  /** why it was computed again, e.g. "The agreement changed (revision 4 → 5).": messages (English sentences in older records) */
  reasons: Reason[];
  /** what differs from the result before, e.g. "FD-DAT-01 Data location: not met → met.": messages (English sentences in older records) */
  changes: Reason[];
  /** a requirement status, the rating or a knock-out changed (not the score alone) */
  material: boolean;
  /** what started it ("submitted by the supplier", "agreement edited by …"): a message, an English phrase in older records */
  trigger: Reason;
  result: ScoringResult;
  computedAt: Date;
}

const scoreRecordSchema = new Schema<ScoreRecordData>(
  {
    _id: { type: String },
    assessmentId: { type: Schema.Types.ObjectId, required: true },
    agreementId: { type: Schema.Types.ObjectId, required: true },
    supplierOrgId: { type: Schema.Types.ObjectId, required: true },
    ownerOrgId: { type: Schema.Types.ObjectId, required: true },
    supplierName: { type: String, default: "" },
    basis: { type: Schema.Types.Mixed, required: true },
    previousBasis: { type: Schema.Types.Mixed, default: null },
    reasons: { type: [Schema.Types.Mixed], default: [] },
    changes: { type: [Schema.Types.Mixed], default: [] },
    material: { type: Boolean, default: false },
    trigger: { type: Schema.Types.Mixed, required: true },
    result: { type: Schema.Types.Mixed, required: true },
    computedAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false, collection: "score_records" },
);
scoreRecordSchema.index({ agreementId: 1, computedAt: -1 });
scoreRecordSchema.index({ assessmentId: 1, computedAt: -1 });

export const ScoreRecord: Model<ScoreRecordData> =
  (mongoose.models.ScoreRecord as Model<ScoreRecordData>) ??
  mongoose.model<ScoreRecordData>("ScoreRecord", scoreRecordSchema);

export function scoreRecordId(assessmentId: string, basisKey: string): string {
  return `${assessmentId}:${crypto.createHash("sha256").update(basisKey).digest("hex").slice(0, 32)}`;
}
