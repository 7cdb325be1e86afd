import mongoose, { Schema, type Model, type Types } from "mongoose";
import { isoDateField } from "./iso-date-field";

/**
 * An audit of one supplier under an agreement's audit rights, scheduled by
 * the recipient's procurement or by the disclosing party. The notice period
 * and the yearly limit are checked when it is scheduled
 * (app/features/lifecycle/deadlines.ts checkAuditNotice, checkAuditsPerYear).
 */
export const AUDIT_STATUSES = ["scheduled", "completed", "cancelled"] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];
export const AUDIT_OUTCOMES = ["satisfactory", "findings", "unsatisfactory"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export interface SupplierAuditData {
  agreementId: Types.ObjectId;
  /**
   * The audit's number among every audit ever booked of this supplier under
   * this agreement (cancelled ones included), from 1. Unique per (agreement,
   * supplier): the insert is the claim that makes scheduling single-writer,
   * so two people booking at once cannot both pass the yearly limit.
   */
  seq: number;
  supplierOrgId: Types.ObjectId;
  recipientOrgId: Types.ObjectId;
  discloserOrgId: Types.ObjectId;
  /** the organisation that exercises the right: the recipient or the disclosing party */
  auditorOrgId: Types.ObjectId;
  auditorRole: "procurement" | "discloser";
  /** the day notice was given (the day it was scheduled) and the first day of the audit */
  noticeGivenOn: string;
  scheduledFor: string;
  scope: string;
  /** scheduled without the notice period, after this incident (the audit right allows it) */
  afterIncidentId: Types.ObjectId | null;
  status: AuditStatus;
  outcome: AuditOutcome | null;
  summary: string;
  completedOn: string | null;
  scheduledById: Types.ObjectId;
  scheduledByName: string;
  recordedById: Types.ObjectId | null;
}

const supplierAuditSchema = new Schema<SupplierAuditData>(
  {
    agreementId: { type: Schema.Types.ObjectId, ref: "Agreement", required: true },
    seq: { type: Number, required: true, min: 1 },
    supplierOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    recipientOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    discloserOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    auditorOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    auditorRole: { type: String, enum: ["procurement", "discloser"], required: true },
    noticeGivenOn: isoDateField,
    scheduledFor: isoDateField,
    scope: { type: String, required: true, trim: true, maxlength: 2000 },
    afterIncidentId: { type: Schema.Types.ObjectId, ref: "Incident", default: null },
    status: { type: String, enum: AUDIT_STATUSES, default: "scheduled" },
    outcome: { type: String, enum: AUDIT_OUTCOMES, default: null },
    summary: { type: String, trim: true, maxlength: 4000, default: "" },
    completedOn: { type: String, default: null },
    scheduledById: { type: Schema.Types.ObjectId, ref: "User", required: true },
    scheduledByName: { type: String, required: true },
    recordedById: { type: Schema.Types.ObjectId, ref: "User", default: null },
  },
  { timestamps: true, minimize: false },
);
supplierAuditSchema.index({ agreementId: 1, supplierOrgId: 1, seq: 1 }, { unique: true });
supplierAuditSchema.index({ agreementId: 1, scheduledFor: 1 });
supplierAuditSchema.index({ supplierOrgId: 1, scheduledFor: -1 });

export const SupplierAudit: Model<SupplierAuditData> =
  (mongoose.models.SupplierAudit as Model<SupplierAuditData>) ??
  mongoose.model<SupplierAuditData>("SupplierAudit", supplierAuditSchema);

/**
 * One finding of an audit: it names the requirement it breaches, and is a
 * remediation item with a due date. While open, it counts against the
 * supplier's verdict on that requirement (app/features/agreements/compliance.server.ts).
 */
export const FINDING_SEVERITIES = ["major", "minor"] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export interface AuditFindingData {
  auditId: Types.ObjectId;
  agreementId: Types.ObjectId;
  supplierOrgId: Types.ObjectId;
  recipientOrgId: Types.ObjectId;
  discloserOrgId: Types.ObjectId;
  requirementId: string;
  severity: FindingSeverity;
  description: string;
  dueDate: string;
  status: "open" | "closed";
  /** the supplier's answer: what it did */
  response: string;
  respondedAt: Date | null;
  closedOn: string | null;
  closedById: Types.ObjectId | null;
  closingNote: string;
}

const auditFindingSchema = new Schema<AuditFindingData>(
  {
    auditId: { type: Schema.Types.ObjectId, ref: "SupplierAudit", required: true },
    agreementId: { type: Schema.Types.ObjectId, ref: "Agreement", required: true },
    supplierOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    recipientOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    discloserOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    requirementId: { type: String, required: true, match: /^FD-[A-Z]{2,5}-\d{2,3}$/ },
    severity: { type: String, enum: FINDING_SEVERITIES, required: true },
    description: { type: String, required: true, trim: true, maxlength: 2000 },
    dueDate: isoDateField,
    status: { type: String, enum: ["open", "closed"], default: "open" },
    response: { type: String, trim: true, maxlength: 4000, default: "" },
    respondedAt: { type: Date, default: null },
    closedOn: { type: String, default: null },
    closedById: { type: Schema.Types.ObjectId, ref: "User", default: null },
    closingNote: { type: String, trim: true, maxlength: 2000, default: "" },
  },
  { timestamps: true, minimize: false },
);
auditFindingSchema.index({ agreementId: 1, status: 1 });
auditFindingSchema.index({ supplierOrgId: 1, status: 1 });
auditFindingSchema.index({ auditId: 1 });

export const AuditFinding: Model<AuditFindingData> =
  (mongoose.models.AuditFinding as Model<AuditFindingData>) ??
  mongoose.model<AuditFindingData>("AuditFinding", auditFindingSchema);

export interface OpenFinding {
  supplierId: string;
  requirementId: string;
  severity: FindingSeverity;
}

/**
 * The open findings of an agreement, as the verdicts read them, and a stamp
 * that changes whenever any of its findings does (added, answered, closed):
 * what the agreement page's memoised compliance view is keyed by.
 */
export async function agreementFindingsState(
  agreementId: Types.ObjectId | string,
): Promise<{ stamp: string; open: OpenFinding[] }> {
  const rows = await AuditFinding.find(
    { agreementId: new mongoose.Types.ObjectId(String(agreementId)) },
    { supplierOrgId: 1, requirementId: 1, severity: 1, status: 1, updatedAt: 1 },
  ).lean<
    (Pick<AuditFindingData, "supplierOrgId" | "requirementId" | "severity" | "status"> & { updatedAt?: Date })[]
  >();
  let latest = 0;
  const open: OpenFinding[] = [];
  for (const r of rows) {
    if (r.updatedAt) latest = Math.max(latest, new Date(r.updatedAt).getTime());
    if (r.status === "open")
      open.push({ supplierId: String(r.supplierOrgId), requirementId: r.requirementId, severity: r.severity });
  }
  return { stamp: `${rows.length}:${open.length}:${latest}`, open };
}
