import mongoose, { Schema, type Model, type Types } from "mongoose";
import { INFO_CLASSES, type InfoClass } from "#app/scoring/types";
import { isCountryCode } from "./countries";
import { isoDateField } from "./iso-date-field";

/**
 * A legal demand a supplier received to disclose information under an
 * agreement (a court order, a regulator's request, a subpoena), as it
 * reported it, with the notice measured when it was reported
 * (app/features/lifecycle/deadlines.ts measureCompelledNotice): kept as
 * measured, so later edits of the agreement do not rewrite history.
 */
export const NOTICE_VERDICTS = ["sufficient", "short", "too-late", "barred", "not-required"] as const;
export type NoticeVerdict = (typeof NOTICE_VERDICTS)[number];

export interface CompelledNotice {
  /** whole days from receiving the demand to reporting it */
  reportDelayDays: number;
  /** whole days from the report to the deadline to comply: the time the disclosing party has to act */
  noticeDays: number;
  /** the agreement's minimum notice in days, as it stood when reported */
  requiredDays: number;
  verdict: NoticeVerdict;
}

export interface CompelledDisclosureData {
  agreementId: Types.ObjectId;
  supplierOrgId: Types.ObjectId;
  recipientOrgId: Types.ObjectId;
  discloserOrgId: Types.ObjectId;
  authority: string;
  /** ISO 3166-1 alpha-2 of the authority's jurisdiction */
  jurisdiction: string;
  receivedOn: string;
  complyBy: string;
  classes: InfoClass[];
  /** whether the law lets the supplier tell the disclosing party */
  noticePermitted: boolean;
  /** why not, when it does not (e.g. a gag order); empty otherwise */
  barredReason: string;
  description: string;
  notice: CompelledNotice;
  /**
   * The suppliers above the reporter in the chain, nearest first: they work
   * for each other up to the recipient and are told with it.
   */
  chainAbove: Types.ObjectId[];
  /** who the portal told, empty while notice is barred */
  notified: ("recipient" | "discloser")[];
  /**
   * When the recipient and the disclosing party were told: at the report
   * where the law permits notice, else when the supplier says the bar has
   * lifted; null while notice is barred. Until then nothing of the demand
   * reaches them (pages, reports, audit trail of the agreement, e-mail,
   * webhooks, API): telling them would breach the order.
   */
  noticeGivenAt: Date | null;
  reportedById: Types.ObjectId;
  reportedByName: string;
  reportedAt: Date;
}

const compelledSchema = new Schema<CompelledDisclosureData>(
  {
    agreementId: { type: Schema.Types.ObjectId, ref: "Agreement", required: true },
    supplierOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    recipientOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    discloserOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    authority: { type: String, required: true, trim: true, maxlength: 200 },
    jurisdiction: {
      type: String,
      required: true,
      validate: { validator: isCountryCode, message: "{VALUE} is not an ISO 3166-1 country code" },
    },
    receivedOn: isoDateField,
    complyBy: isoDateField,
    classes: {
      type: [{ type: String, enum: INFO_CLASSES }],
      validate: { validator: (v: unknown[]) => v.length > 0, message: "at least one information class" },
    },
    noticePermitted: { type: Boolean, required: true },
    barredReason: { type: String, trim: true, maxlength: 2000, default: "" },
    description: { type: String, trim: true, maxlength: 4000, default: "" },
    notice: {
      reportDelayDays: { type: Number, required: true },
      noticeDays: { type: Number, required: true },
      requiredDays: { type: Number, required: true },
      verdict: { type: String, enum: NOTICE_VERDICTS, required: true },
    },
    chainAbove: [{ type: Schema.Types.ObjectId, ref: "Organization" }],
    notified: [{ type: String, enum: ["recipient", "discloser"] }],
    noticeGivenAt: { type: Date, default: null },
    reportedById: { type: Schema.Types.ObjectId, ref: "User", required: true },
    reportedByName: { type: String, required: true },
    reportedAt: { type: Date, required: true },
  },
  { timestamps: true, minimize: false },
);
compelledSchema.index({ agreementId: 1, reportedAt: -1 });
compelledSchema.index({ supplierOrgId: 1, reportedAt: -1 });
compelledSchema.index({ chainAbove: 1 });

export const CompelledDisclosure: Model<CompelledDisclosureData> =
  (mongoose.models.CompelledDisclosure as Model<CompelledDisclosureData>) ??
  mongoose.model<CompelledDisclosureData>("CompelledDisclosure", compelledSchema);
