import mongoose, { Schema, type Model, type Types } from "mongoose";
import { INFO_CLASSES, type InfoClass } from "#app/scoring/types";

/**
 * A security incident a supplier reported against an agreement, with the
 * timing measured when it was reported (see app/features/incidents/incident-timing.ts
 * measureIncident): kept as measured, so later changes to answers or the
 * chain do not rewrite history.
 */
export interface IncidentTiming {
  /** hours from detection to the report in the portal */
  delayHours: number;
  /** the hours the supplier committed to in its answers, null when unknown */
  committedHours: number | null;
  withinCommitment: boolean | null;
  /** hours the links above the supplier (its parents, then the recipient) take to pass the notice on; null when one is unknown */
  upstreamHours: number | null;
  /** detection + the agreement's breach window: when the disclosing party must know */
  discloserDeadline: string;
  /** report + upstream hours: when the disclosing party will know at the latest, if every link keeps its commitment */
  projectedNotice: string | null;
  /** hours left between the projected notice and the deadline (negative: too late) */
  marginHours: number | null;
  onTrack: boolean | null;
  path: string[];
}

export interface IncidentData {
  agreementId: Types.ObjectId;
  supplierOrgId: Types.ObjectId;
  recipientOrgId: Types.ObjectId;
  discloserOrgId: Types.ObjectId;
  reportedById: Types.ObjectId;
  reportedByName: string;
  detectedAt: Date;
  reportedAt: Date;
  classes: InfoClass[];
  description: string;
  timing: IncidentTiming;
}

const incidentSchema = new Schema<IncidentData>(
  {
    agreementId: { type: Schema.Types.ObjectId, ref: "Agreement", required: true },
    supplierOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    recipientOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    discloserOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    reportedById: { type: Schema.Types.ObjectId, ref: "User", required: true },
    reportedByName: { type: String, required: true },
    detectedAt: { type: Date, required: true },
    reportedAt: { type: Date, required: true },
    classes: {
      type: [{ type: String, enum: INFO_CLASSES }],
      validate: { validator: (v: unknown[]) => v.length > 0, message: "at least one information class" },
    },
    description: { type: String, required: true, trim: true, maxlength: 4000 },
    timing: {
      delayHours: { type: Number, required: true },
      committedHours: { type: Number, default: null },
      withinCommitment: { type: Boolean, default: null },
      upstreamHours: { type: Number, default: null },
      discloserDeadline: { type: String, required: true },
      projectedNotice: { type: String, default: null },
      marginHours: { type: Number, default: null },
      onTrack: { type: Boolean, default: null },
      path: [{ type: String }],
    },
  },
  { timestamps: true },
);
incidentSchema.index({ agreementId: 1, reportedAt: -1 });
incidentSchema.index({ supplierOrgId: 1, reportedAt: -1 });

export const Incident: Model<IncidentData> =
  (mongoose.models.Incident as Model<IncidentData>) ?? mongoose.model<IncidentData>("Incident", incidentSchema);
