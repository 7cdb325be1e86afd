import mongoose, { Schema, type Model, type Types } from "mongoose";
import {
  ACCESS_LEVELS,
  AGREEMENT_STATUSES,
  EXCLUSIONS,
  IMPROVEMENT_OWNERS,
  INFO_CLASSES,
  PURPOSES,
  TRANSFER_MECHANISMS,
  type AccessLevel,
  type AgreementStatus,
  type Exclusion,
  type ImprovementOwner,
  type InfoClass,
  type Purpose,
  type TransferMechanism,
} from "./agreement-enums";
import { isCountryCode } from "./countries";
import { isIsoDate } from "./dates";
import { GLOSSARY_LANGUAGES, MAX_DEFINITION_LENGTH, MAX_TERM_LENGTH, type GlossaryTerm } from "./glossary";

export type ParamValue = number | string | boolean | string[];

export interface AgreementRequirement {
  requirementId: string;
  /** the agreement's own parameter values (keys from the catalogue) */
  params: Record<string, ParamValue>;
}

export interface AgreementPhase {
  key: string;
  name: string;
  purpose: string;
  classes: InfoClass[];
  permittedSupplierIds: Types.ObjectId[];
  requiredRequirementIds: string[];
  /** calendar date the phase was added to the agreement (a new phase can trigger re-assessments) */
  addedOn?: string | null;
}

export interface ChainLink {
  supplierOrgId: Types.ObjectId;
  tier: number;
  /** the supplier this one works for; null = works for the recipient */
  parentSupplierOrgId: Types.ObjectId | null;
  service: string;
  maxClass: InfoClass;
  accessLevel: AccessLevel;
}

export interface EscalationContact {
  name: string;
  email: string;
  phone: string;
}

export interface AgreementData {
  reference: string;
  title: string;
  status: AgreementStatus;
  discloserOrgId: Types.ObjectId;
  recipientOrgId: Types.ObjectId;
  effectiveDate: string;
  endDate: string;
  survivalMonths: number;
  governingLaw: string;
  forum: { arbitrationSeat: string; arbitrationConfidential: boolean };
  purposes: Purpose[];
  purposeDescription: string;
  exclusions: Exclusion[];
  derivedKnowHow: { improvementsOwner: ImprovementOwner; confidential: boolean; licenceBack: boolean; notes: string };
  compelledDisclosure: { notifyBeforeDisclosure: boolean; seekProtectiveOrder: boolean };
  informationClasses: InfoClass[];
  permittedJurisdictions: string[];
  acceptedTransferMechanisms: TransferMechanism[];
  breachWindowHours: number;
  recipientNotifyHours: number;
  cooperationDuties: string;
  escalationContacts: EscalationContact[];
  retention: { retentionDays: number; destroyWithinDays: number; certificateOfDestruction: boolean };
  auditRights: { noticeDays: number; auditsPerYear: number };
  requiredCertifications: { standard: string }[];
  /** when suppliers are assessed again: months by rating, and the triggers of an early one */
  reassessment: { months: { critical: number; high: number; medium: number; low: number }; certificateDays: number; onRatingFall: boolean; onIncident: boolean; onNewPhase: boolean };
  requirements: AgreementRequirement[];
  phases: AgreementPhase[];
  chain: ChainLink[];
  /** defined terms with their agreed definitions per language (absent on agreements made before glossaries) */
  glossary?: GlossaryTerm[];
  /** the requirement catalogue version the agreement was written against (version+hash) */
  catalogueVersion: string;
  createdBy: Types.ObjectId;
  /** optimistic concurrency: every edit must name the revision it started from */
  revision: number;
  createdAt?: Date;
  updatedAt?: Date;
}

const isoDate = { type: String, required: true, validate: { validator: isIsoDate, message: "{VALUE} is not a calendar date (YYYY-MM-DD)" } };
const hours = { type: Number, required: true, min: 1, max: 720, validate: { validator: Number.isInteger, message: "hours must be a whole number" } };

/** { en, de, ja }: English required, the others empty when not translated. */
function localisedText(maxlength: number) {
  return Object.fromEntries(
    GLOSSARY_LANGUAGES.map((code) => [code, code === "en" ? { type: String, required: true, trim: true, maxlength } : { type: String, trim: true, maxlength, default: "" }]),
  );
}

const agreementSchema = new Schema<AgreementData>(
  {
    reference: { type: String, required: true, trim: true, maxlength: 60 },
    title: { type: String, required: true, trim: true, maxlength: 200 },
    status: { type: String, enum: AGREEMENT_STATUSES, default: "active" },
    discloserOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    recipientOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    effectiveDate: isoDate,
    endDate: isoDate,
    survivalMonths: { type: Number, required: true, min: 0, max: 600 },
    governingLaw: { type: String, required: true, trim: true, maxlength: 120 },
    forum: {
      arbitrationSeat: { type: String, trim: true, maxlength: 120, default: "" },
      arbitrationConfidential: { type: Boolean, default: true },
    },
    purposes: { type: [{ type: String, enum: PURPOSES }], validate: { validator: (v: unknown[]) => v.length > 0, message: "at least one purpose" } },
    purposeDescription: { type: String, trim: true, maxlength: 2000, default: "" },
    exclusions: [{ type: String, enum: EXCLUSIONS }],
    derivedKnowHow: {
      improvementsOwner: { type: String, enum: IMPROVEMENT_OWNERS, default: "discloser" },
      confidential: { type: Boolean, default: true },
      licenceBack: { type: Boolean, default: false },
      notes: { type: String, trim: true, maxlength: 2000, default: "" },
    },
    compelledDisclosure: {
      notifyBeforeDisclosure: { type: Boolean, default: true },
      seekProtectiveOrder: { type: Boolean, default: true },
    },
    informationClasses: { type: [{ type: String, enum: INFO_CLASSES }], validate: { validator: (v: unknown[]) => v.length > 0, message: "at least one information class" } },
    permittedJurisdictions: {
      type: [{ type: String, validate: { validator: isCountryCode, message: "{VALUE} is not an ISO 3166-1 country code" } }],
      validate: { validator: (v: unknown[]) => v.length > 0, message: "at least one permitted jurisdiction" },
    },
    acceptedTransferMechanisms: [{ type: String, enum: TRANSFER_MECHANISMS }],
    breachWindowHours: hours,
    recipientNotifyHours: hours,
    cooperationDuties: { type: String, trim: true, maxlength: 2000, default: "" },
    escalationContacts: [
      {
        _id: false,
        name: { type: String, required: true, trim: true, maxlength: 120 },
        email: { type: String, trim: true, maxlength: 254, default: "" },
        phone: { type: String, trim: true, maxlength: 40, default: "" },
      },
    ],
    retention: {
      retentionDays: { type: Number, required: true, min: 1, max: 36500 },
      destroyWithinDays: { type: Number, required: true, min: 0, max: 3650 },
      certificateOfDestruction: { type: Boolean, default: true },
    },
    auditRights: {
      noticeDays: { type: Number, min: 0, max: 365, default: 30 },
      auditsPerYear: { type: Number, min: 0, max: 12, default: 1 },
    },
    requiredCertifications: [{ _id: false, standard: { type: String, required: true, trim: true, maxlength: 80 } }],
    reassessment: {
      months: {
        critical: { type: Number, min: 1, max: 60, default: 6 },
        high: { type: Number, min: 1, max: 60, default: 12 },
        medium: { type: Number, min: 1, max: 60, default: 18 },
        low: { type: Number, min: 1, max: 60, default: 24 },
      },
      certificateDays: { type: Number, min: 0, max: 365, default: 60 },
      onRatingFall: { type: Boolean, default: true },
      onIncident: { type: Boolean, default: true },
      onNewPhase: { type: Boolean, default: true },
    },
    requirements: [
      {
        _id: false,
        requirementId: { type: String, required: true, match: /^FD-[A-Z]{2,5}-\d{2}$/ },
        params: { type: Schema.Types.Mixed, default: {} },
      },
    ],
    phases: [
      {
        _id: false,
        key: { type: String, required: true, match: /^[a-z0-9-]{1,40}$/ },
        name: { type: String, required: true, trim: true, maxlength: 120 },
        purpose: { type: String, trim: true, maxlength: 1000, default: "" },
        classes: [{ type: String, enum: INFO_CLASSES }],
        permittedSupplierIds: [{ type: Schema.Types.ObjectId, ref: "Organization" }],
        requiredRequirementIds: [{ type: String }],
        addedOn: { type: String, default: null },
      },
    ],
    chain: [
      {
        _id: false,
        supplierOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
        tier: { type: Number, required: true, min: 1, max: 10 },
        parentSupplierOrgId: { type: Schema.Types.ObjectId, ref: "Organization", default: null },
        service: { type: String, trim: true, maxlength: 200, default: "" },
        maxClass: { type: String, enum: INFO_CLASSES, required: true },
        accessLevel: { type: String, enum: ACCESS_LEVELS, required: true },
      },
    ],
    glossary: [{ _id: false, term: localisedText(MAX_TERM_LENGTH), definition: localisedText(MAX_DEFINITION_LENGTH) }],
    catalogueVersion: { type: String, required: true },
    createdBy: { type: Schema.Types.ObjectId, ref: "User", required: true },
    revision: { type: Number, default: 1 },
  },
  { timestamps: true, minimize: false },
);

agreementSchema.index({ recipientOrgId: 1, reference: 1 }, { unique: true });
agreementSchema.index({ discloserOrgId: 1, updatedAt: -1 });
agreementSchema.index({ recipientOrgId: 1, updatedAt: -1 });
agreementSchema.index({ "chain.supplierOrgId": 1 });

agreementSchema.pre("validate", function () {
  if (isIsoDate(this.effectiveDate) && isIsoDate(this.endDate) && this.endDate <= this.effectiveDate) {
    this.invalidate("endDate", "The agreement must end after it starts.", this.endDate);
  }
  if (this.recipientNotifyHours > this.breachWindowHours) {
    this.invalidate("recipientNotifyHours", "The recipient's own notification time cannot exceed the agreement's breach window.", this.recipientNotifyHours);
  }
});

export const Agreement: Model<AgreementData> =
  (mongoose.models.Agreement as Model<AgreementData>) ?? mongoose.model<AgreementData>("Agreement", agreementSchema);

/** Agreements a user's organisation is party to, as recipient (procurement) or as discloser. */
export function agreementScope(user: { role: string; orgId: string }): Record<string, unknown> | null {
  if (user.role === "procurement") return { recipientOrgId: user.orgId };
  if (user.role === "discloser") return { discloserOrgId: user.orgId };
  return null;
}

export function listAgreementsFor(user: { role: string; orgId: string }) {
  const scope = agreementScope(user);
  if (!scope) return Promise.resolve([]);
  return Agreement.find(scope).sort({ updatedAt: -1 }).limit(500).lean();
}

/** One agreement, or null when it does not exist or the user's organisation is not party to it. */
export function getAgreementFor(user: { role: string; orgId: string }, id: string) {
  const scope = agreementScope(user);
  if (!scope || !mongoose.isValidObjectId(id)) return Promise.resolve(null);
  return Agreement.findOne({ _id: id, ...scope }).lean();
}
