import mongoose, { Schema, type Model, type Types } from "mongoose";
import { INFO_CLASSES, type InfoClass } from "#app/scoring/types";
import { isoDateField } from "./iso-date-field";

/**
 * The moments of an agreement after signature (issue 23, decision 019).
 *
 * A milestone is a disclosure phase closing, or the agreement ending
 * (terminated early or expired at the end of its term). Its `_id` says what
 * closed, so recording it twice is a duplicate key: a phase closes once and
 * an agreement ends once, whoever clicks first (no conditional updates on
 * FerretDB v1, see models/claim.server.ts).
 */
export const MILESTONE_KINDS = ["phase", "termination", "expiry"] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export interface MilestoneData {
  /** `<agreementId>:phase:<phaseKey>` or `<agreementId>:end` */
  _id: string;
  agreementId: Types.ObjectId;
  recipientOrgId: Types.ObjectId;
  discloserOrgId: Types.ObjectId;
  kind: MilestoneKind;
  /** the phase closed; null when the agreement ended */
  phaseKey: string | null;
  phaseName: string | null;
  /** the information the milestone concerns: the phase's classes, or every class of the agreement */
  classes: InfoClass[];
  /** the calendar day the phase closed or the agreement ended */
  effectiveDate: string;
  /** the agreement's terms when it was recorded: a later edit does not move a deadline already given */
  destroyWithinDays: number;
  certificateRequired: boolean;
  /** effectiveDate + destroyWithinDays */
  dueDate: string;
  /** termination and expiry: when confidentiality stops surviving (effectiveDate + survivalMonths) */
  survivalMonths: number | null;
  survivalEnds: string | null;
  note: string;
  recordedById: Types.ObjectId;
  recordedByName: string;
  recordedAt: Date;
}

export function milestoneId(agreementId: string, kind: MilestoneKind, phaseKey?: string | null): string {
  return kind === "phase" ? `${agreementId}:phase:${phaseKey}` : `${agreementId}:end`;
}

const classesField = {
  type: [{ type: String, enum: INFO_CLASSES }],
  validate: { validator: (v: unknown[]) => v.length > 0, message: "at least one information class" },
};

const milestoneSchema = new Schema<MilestoneData>(
  {
    _id: { type: String, required: true },
    agreementId: { type: Schema.Types.ObjectId, ref: "Agreement", required: true },
    recipientOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    discloserOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    kind: { type: String, enum: MILESTONE_KINDS, required: true },
    phaseKey: { type: String, default: null },
    phaseName: { type: String, default: null },
    classes: classesField,
    effectiveDate: isoDateField,
    destroyWithinDays: { type: Number, required: true, min: 0, max: 3650 },
    certificateRequired: { type: Boolean, required: true },
    dueDate: isoDateField,
    survivalMonths: { type: Number, default: null },
    survivalEnds: { type: String, default: null },
    note: { type: String, trim: true, maxlength: 2000, default: "" },
    recordedById: { type: Schema.Types.ObjectId, ref: "User", required: true },
    recordedByName: { type: String, required: true },
    recordedAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);
milestoneSchema.index({ agreementId: 1, effectiveDate: 1 });

export const Milestone: Model<MilestoneData> =
  (mongoose.models.Milestone as Model<MilestoneData>) ?? mongoose.model<MilestoneData>("Milestone", milestoneSchema);

/**
 * How one holder gave the information of one class back or destroyed it.
 * `standard` names the sanitisation standard followed (e.g. NIST SP 800-88 Rev. 1 "purge" for media).
 */
export const DISPOSITIONS = ["returned", "destroyed"] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export interface DispositionEntry {
  infoClass: InfoClass;
  disposition: Disposition;
  method: string;
  standard: string;
  completedOn: string;
}

export interface DestructionCertification {
  entries: DispositionEntry[];
  signedByName: string;
  signedByTitle: string;
  signedOn: string;
  /** the certificate of destruction (an evidence file of the holder), null when the agreement does not require one */
  certificateFileId: Types.ObjectId | null;
  certificateFileName: string | null;
  submittedById: Types.ObjectId;
  submittedAt: Date;
}

/**
 * One holder's return-or-destroy request under one milestone: `_id`
 * `<milestoneId>:<supplierOrgId>`, one per holder per milestone. The
 * holder's own certification is stored here once; whether its certificate
 * is complete (its subcontractors' too) is derived (app/features/lifecycle/register.ts).
 */
export interface DestructionRequestData {
  _id: string;
  milestoneId: string;
  agreementId: Types.ObjectId;
  recipientOrgId: Types.ObjectId;
  discloserOrgId: Types.ObjectId;
  supplierOrgId: Types.ObjectId;
  /** the chain as it stood when the request was made */
  tier: number;
  parentSupplierOrgId: Types.ObjectId | null;
  /** the milestone's classes this holder could have received (up to its link's highest class) */
  classes: InfoClass[];
  dueDate: string;
  certificateRequired: boolean;
  certification: DestructionCertification | null;
  createdAt: Date;
}

export function destructionRequestId(milestone: string, supplierOrgId: string): string {
  return `${milestone}:${supplierOrgId}`;
}

const destructionRequestSchema = new Schema<DestructionRequestData>(
  {
    _id: { type: String, required: true },
    milestoneId: { type: String, required: true },
    agreementId: { type: Schema.Types.ObjectId, ref: "Agreement", required: true },
    recipientOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    discloserOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    supplierOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    tier: { type: Number, required: true, min: 1, max: 10 },
    parentSupplierOrgId: { type: Schema.Types.ObjectId, ref: "Organization", default: null },
    classes: classesField,
    dueDate: isoDateField,
    certificateRequired: { type: Boolean, required: true },
    certification: {
      type: new Schema<DestructionCertification>(
        {
          entries: [
            {
              _id: false,
              infoClass: { type: String, enum: INFO_CLASSES, required: true },
              disposition: { type: String, enum: DISPOSITIONS, required: true },
              method: { type: String, required: true, trim: true, maxlength: 500 },
              standard: { type: String, trim: true, maxlength: 120, default: "" },
              completedOn: isoDateField,
            },
          ],
          signedByName: { type: String, required: true, trim: true, maxlength: 120 },
          signedByTitle: { type: String, required: true, trim: true, maxlength: 120 },
          signedOn: isoDateField,
          certificateFileId: { type: Schema.Types.ObjectId, default: null },
          certificateFileName: { type: String, default: null },
          submittedById: { type: Schema.Types.ObjectId, ref: "User", required: true },
          submittedAt: { type: Date, required: true },
        },
        { _id: false },
      ),
      default: null,
    },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);
destructionRequestSchema.index({ agreementId: 1 });
destructionRequestSchema.index({ supplierOrgId: 1, dueDate: 1 });
destructionRequestSchema.index({ milestoneId: 1 });

export const DestructionRequest: Model<DestructionRequestData> =
  (mongoose.models.DestructionRequest as Model<DestructionRequestData>) ??
  mongoose.model<DestructionRequestData>("DestructionRequest", destructionRequestSchema);
