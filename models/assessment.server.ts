import mongoose, { Schema, type Model, type Types } from "mongoose";
import type { RequirementStatus, ScoringResult } from "#app/scoring/types";
import { isIsoDate } from "./dates";

export const ASSESSMENT_STATUSES = [
  "invited",
  "in_progress",
  "submitted",
  "under_review",
  "remediation_requested",
  "approved",
  "rejected",
] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** Which status may follow which; anything else is refused. */
export const ASSESSMENT_TRANSITIONS: Record<AssessmentStatus, AssessmentStatus[]> = {
  invited: ["in_progress", "submitted"],
  in_progress: ["submitted"],
  submitted: ["under_review", "approved", "rejected", "remediation_requested"],
  under_review: ["approved", "rejected", "remediation_requested"],
  remediation_requested: ["submitted", "under_review"],
  approved: ["remediation_requested"],
  rejected: ["remediation_requested"],
};

export interface StatusChange {
  from: AssessmentStatus | null;
  to: AssessmentStatus;
  at: Date;
  byUserId: Types.ObjectId | null;
  byName: string;
  comment: string;
}

export interface OverrideRecord {
  requirementId: string;
  status: RequirementStatus;
  justification: string;
  byUserId: Types.ObjectId;
  byName: string;
  at: Date;
}

export interface AssessmentData {
  agreementId: Types.ObjectId;
  supplierOrgId: Types.ObjectId;
  /** the recipient organisation that sent it (procurement's organisation) */
  ownerOrgId: Types.ObjectId;
  templateId: string;
  /** pinned versions: template and catalogue version tags (version+content hash) */
  templateVersion: string;
  catalogueVersion: string;
  status: AssessmentStatus;
  history: StatusChange[];
  dueDate: string;
  answers: Record<string, unknown>;
  /** increases with every accepted save; a save based on an older revision is refused */
  revision: number;
  submittedAt: Date | null;
  /** the score computed at submission (or re-scoring), with the evaluation date */
  result: ScoringResult | null;
  overrides: OverrideRecord[];
  createdAt?: Date;
  updatedAt?: Date;
}

const assessmentSchema = new Schema<AssessmentData>(
  {
    agreementId: { type: Schema.Types.ObjectId, ref: "Agreement", required: true },
    supplierOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    ownerOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    templateId: { type: String, required: true },
    templateVersion: { type: String, required: true },
    catalogueVersion: { type: String, required: true },
    status: { type: String, enum: ASSESSMENT_STATUSES, required: true, default: "invited" },
    history: [
      {
        _id: false,
        from: { type: String, enum: [...ASSESSMENT_STATUSES, null], default: null },
        to: { type: String, enum: ASSESSMENT_STATUSES, required: true },
        at: { type: Date, required: true },
        byUserId: { type: Schema.Types.ObjectId, ref: "User", default: null },
        byName: { type: String, default: "" },
        comment: { type: String, maxlength: 4000, default: "" },
      },
    ],
    dueDate: { type: String, required: true, validate: { validator: isIsoDate, message: "{VALUE} is not a calendar date (YYYY-MM-DD)" } },
    answers: { type: Schema.Types.Mixed, default: {} },
    revision: { type: Number, default: 0 },
    submittedAt: { type: Date, default: null },
    result: { type: Schema.Types.Mixed, default: null },
    overrides: [
      {
        _id: false,
        requirementId: { type: String, required: true },
        status: { type: String, enum: ["met", "partially_met", "not_met", "not_answered"], required: true },
        justification: { type: String, required: true, minlength: 10, maxlength: 4000 },
        byUserId: { type: Schema.Types.ObjectId, ref: "User", required: true },
        byName: { type: String, required: true },
        at: { type: Date, required: true },
      },
    ],
  },
  { timestamps: true, minimize: false },
);
assessmentSchema.index({ ownerOrgId: 1, status: 1, dueDate: 1 });
assessmentSchema.index({ supplierOrgId: 1, status: 1 });
assessmentSchema.index({ agreementId: 1, supplierOrgId: 1, updatedAt: -1 });

export const Assessment: Model<AssessmentData> =
  (mongoose.models.Assessment as Model<AssessmentData>) ?? mongoose.model<AssessmentData>("Assessment", assessmentSchema);

export class TransitionError extends Error {
  constructor(from: AssessmentStatus, to: AssessmentStatus) {
    super(`An assessment that is ${from.replace("_", " ")} cannot become ${to.replace("_", " ")}.`);
    this.name = "TransitionError";
  }
}

/**
 * Moves an assessment to a new status and records who did it and when.
 * Conditional on the status it is in now, so two concurrent changes cannot both apply.
 */
export async function transitionAssessment(
  id: Types.ObjectId | string,
  to: AssessmentStatus,
  by: { userId: Types.ObjectId | string | null; name: string },
  comment = "",
  extra: Record<string, unknown> = {},
): Promise<AssessmentData & { _id: Types.ObjectId }> {
  const current = await Assessment.findById(id, { status: 1 }).lean();
  if (!current) throw new Error("Assessment not found");
  if (!ASSESSMENT_TRANSITIONS[current.status].includes(to)) throw new TransitionError(current.status, to);
  const change = { from: current.status, to, at: new Date(), byUserId: by.userId, byName: by.name, comment };
  const updated = await Assessment.findOneAndUpdate(
    { _id: id, status: current.status },
    { $set: { status: to, ...extra }, $push: { history: change } },
    { new: true, runValidators: true },
  ).lean();
  if (!updated) throw new TransitionError(current.status, to);
  return updated as AssessmentData & { _id: Types.ObjectId };
}
