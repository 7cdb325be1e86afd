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
import { isIsoDate } from "#app/scoring/dates";
import { isoDateField } from "./iso-date-field";
import { GLOSSARY_LANGUAGES, MAX_DEFINITION_LENGTH, MAX_TERM_LENGTH, type GlossaryTerm } from "./glossary";
import { isDuplicateKey } from "./duplicate-key";
import type { ParamValue } from "#app/scoring/types";

export type { ParamValue };

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
  compelledDisclosure: {
    notifyBeforeDisclosure: boolean;
    seekProtectiveOrder: boolean;
    /** the least notice, in days before the deadline to comply, the disclosing party must get (absent on older agreements: 5) */
    noticeDays?: number;
  };
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
  reassessment: {
    months: { critical: number; high: number; medium: number; low: number };
    certificateDays: number;
    onRatingFall: boolean;
    onIncident: boolean;
    onNewPhase: boolean;
  };
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

const hours = {
  type: Number,
  required: true,
  min: 1,
  max: 720,
  validate: { validator: Number.isInteger, message: "hours must be a whole number" },
};

/** { en, de, ja, ar }: English required, the others empty when not translated. */
function localisedText(maxlength: number) {
  return Object.fromEntries(
    GLOSSARY_LANGUAGES.map((code) => [
      code,
      code === "en"
        ? { type: String, required: true, trim: true, maxlength }
        : { type: String, trim: true, maxlength, default: "" },
    ]),
  );
}

const agreementSchema = new Schema<AgreementData>(
  {
    reference: { type: String, required: true, trim: true, maxlength: 60 },
    title: { type: String, required: true, trim: true, maxlength: 200 },
    status: { type: String, enum: AGREEMENT_STATUSES, default: "active" },
    discloserOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    recipientOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    effectiveDate: isoDateField,
    endDate: isoDateField,
    survivalMonths: { type: Number, required: true, min: 0, max: 600 },
    governingLaw: { type: String, required: true, trim: true, maxlength: 120 },
    forum: {
      arbitrationSeat: { type: String, trim: true, maxlength: 120, default: "" },
      arbitrationConfidential: { type: Boolean, default: true },
    },
    purposes: {
      type: [{ type: String, enum: PURPOSES }],
      validate: { validator: (v: unknown[]) => v.length > 0, message: "at least one purpose" },
    },
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
      noticeDays: { type: Number, min: 0, max: 90, default: 5 },
    },
    informationClasses: {
      type: [{ type: String, enum: INFO_CLASSES }],
      validate: { validator: (v: unknown[]) => v.length > 0, message: "at least one information class" },
    },
    permittedJurisdictions: {
      type: [
        { type: String, validate: { validator: isCountryCode, message: "{VALUE} is not an ISO 3166-1 country code" } },
      ],
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
    this.invalidate(
      "recipientNotifyHours",
      "The recipient's own notification time cannot exceed the agreement's breach window.",
      this.recipientNotifyHours,
    );
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

/**
 * An agreement's revision, kept apart from the agreement: a document small
 * enough to read on every request. The agreement itself (chain,
 * requirements, parameters, glossary: 10 KB and more) costs FerretDB v1
 * about 10 ms to read whole, or with a projection, which is most of what an
 * agreement page costs; the stamp lets an instance keep the agreement in
 * memory and still see every edit, whichever instance made it.
 *
 * updateAgreement claims a revision, sets the stamp, then writes the
 * agreement; a reader trusts its copy only while the stamp names the
 * copy's revision, and keeps a document only when the stamp and the
 * document agree. A write that failed half-way leaves the stamp ahead of
 * the document: readers then read the document every time (correct, only
 * slower) until the next edit. Claims give every revision one writer, so
 * one revision number never names two contents.
 */
interface AgreementStampData {
  _id: Types.ObjectId;
  revision: number;
}
export const AgreementStamp: Model<AgreementStampData> =
  (mongoose.models.AgreementStamp as Model<AgreementStampData>) ??
  mongoose.model<AgreementStampData>(
    "AgreementStamp",
    new Schema<AgreementStampData>({ revision: { type: Number, required: true } }, { versionKey: false }),
  );

/** The claim key that makes one writer the author of an agreement's revision. */
export function revisionClaimKey(agreementId: string, revision: number): string {
  return `agreement:${agreementId}:r${revision}`;
}

/** Called by the one writer of `revision`, after its claim and before it writes the agreement. */
export async function stampRevision(agreementId: string, revision: number): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await AgreementStamp.updateOne({ _id: agreementId }, { $set: { revision } }, { upsert: true });
      return;
    } catch (error) {
      // a reader inserting the first stamp at the same moment: the document exists now, set it
      if (!isDuplicateKey(error) || attempt > 0) throw error;
    }
  }
}

type LeanAgreement = NonNullable<Awaited<ReturnType<typeof readAgreement>>>;
function readAgreement(id: string) {
  return Agreement.findById(id).lean();
}

const MAX_CACHED = 200;
const cached = new Map<string, LeanAgreement>();

/** Shared between requests, so nobody may change it: plain objects and arrays are frozen (ids, dates and buffers are left as they are). */
function deepFreeze<T>(value: T): T {
  if (
    value &&
    typeof value === "object" &&
    (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype)
  ) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function inScope(doc: LeanAgreement, user: { role: string; orgId: string }): boolean {
  if (user.role === "procurement") return String(doc.recipientOrgId) === user.orgId;
  if (user.role === "discloser") return !!doc.discloserOrgId && String(doc.discloserOrgId) === user.orgId;
  return false;
}

/**
 * One agreement, or null when it does not exist or the user's organisation
 * is not party to it. The document is read-only (frozen): it may be the
 * copy this instance keeps, current as of this call (see AgreementStamp).
 */
export async function getAgreementFor(
  user: { role: string; orgId: string },
  id: string,
): Promise<LeanAgreement | null> {
  if (!agreementScope(user) || !mongoose.isValidObjectId(id)) return null;
  const stamp = await AgreementStamp.findById(id).lean();
  const copy = cached.get(id);
  if (stamp && copy && (copy.revision ?? 1) === stamp.revision) return inScope(copy, user) ? copy : null;
  const doc = deepFreeze(await readAgreement(id));
  if (!doc) {
    cached.delete(id);
    return null;
  }
  const revision = doc.revision ?? 1;
  if (!stamp) {
    // the first read of an agreement stamped by nobody yet; never overwrites a writer's stamp
    await AgreementStamp.updateOne({ _id: id }, { $setOnInsert: { revision } }, { upsert: true }).catch(
      (error: unknown) => {
        if (!isDuplicateKey(error)) throw error;
      },
    );
  }
  cached.delete(id);
  if (!stamp || stamp.revision === revision) {
    if (cached.size >= MAX_CACHED) cached.delete(cached.keys().next().value!);
    cached.set(id, doc);
  }
  return inScope(doc, user) ? doc : null;
}
