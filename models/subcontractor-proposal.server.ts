import mongoose, { Schema, type Model, type Types } from "mongoose";
import { ACCESS_LEVELS, INFO_CLASSES, type AccessLevel, type InfoClass } from "./agreement-enums";
import { claim, releaseClaim, takeOverStuckClaim } from "./claim.server";
import { isCountryCode } from "./countries";
import { normalizeOrgName } from "./org-name";

/**
 * A subcontractor a supplier of an agreement's chain says it uses for that
 * agreement. It is not part of the chain until procurement of the
 * agreement's recipient accepts it: then an organisation is created (or an
 * existing one matched) and a chain link added under the supplier that
 * declared it. The recipient learns about tiers it cannot see this way.
 *
 * The proposal is decided once: accepted, rejected (with a reason the
 * supplier sees) or withdrawn by the supplier. Of two decisions racing
 * exactly one wins, by a claim (models/claim.server.ts).
 */
export const PROPOSAL_STATUSES = ["proposed", "accepted", "rejected", "withdrawn"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export interface SubcontractorProposalData {
  agreementId: Types.ObjectId;
  /** the agreement's recipient: only its procurement sees and decides the proposal */
  recipientOrgId: Types.ObjectId;
  /** the supplier of the chain that declared it; the link it would get works for this supplier */
  proposedByOrgId: Types.ObjectId;
  name: string;
  /** normalised name (models/org-name.ts), to catch the same subcontractor declared twice */
  nameKey: string;
  country: string;
  registrationNumber: string;
  service: string;
  contactEmail: string;
  /** the highest class and the access the declaring supplier passes on (its own link's, unless it said less) */
  maxClass: InfoClass;
  accessLevel: AccessLevel;
  status: ProposalStatus;
  decidedBy: Types.ObjectId | null;
  decidedAt: Date | null;
  /** why procurement rejected it (shown to the supplier) */
  reason: string;
  /** on acceptance: the organisation created or matched, now in the chain */
  supplierOrgId: Types.ObjectId | null;
  createdBy: Types.ObjectId;
  createdAt?: Date;
  updatedAt?: Date;
}

const proposalSchema = new Schema<SubcontractorProposalData>(
  {
    agreementId: { type: Schema.Types.ObjectId, ref: "Agreement", required: true },
    recipientOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    proposedByOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    name: { type: String, required: true, trim: true, maxlength: 200 },
    nameKey: { type: String, default: "" },
    country: {
      type: String,
      required: true,
      validate: { validator: isCountryCode, message: "{VALUE} is not an ISO 3166-1 country code" },
    },
    registrationNumber: { type: String, trim: true, maxlength: 60, default: "" },
    service: { type: String, required: true, trim: true, maxlength: 200 },
    contactEmail: { type: String, required: true, trim: true, lowercase: true, maxlength: 254 },
    maxClass: { type: String, enum: INFO_CLASSES, required: true },
    accessLevel: { type: String, enum: ACCESS_LEVELS, required: true },
    status: { type: String, enum: PROPOSAL_STATUSES, default: "proposed" },
    decidedBy: { type: Schema.Types.ObjectId, ref: "User", default: null },
    decidedAt: { type: Date, default: null },
    reason: { type: String, trim: true, maxlength: 1000, default: "" },
    supplierOrgId: { type: Schema.Types.ObjectId, ref: "Organization", default: null },
    createdBy: { type: Schema.Types.ObjectId, ref: "User", required: true },
  },
  { timestamps: true },
);
proposalSchema.index({ agreementId: 1, createdAt: -1 });
proposalSchema.index({ proposedByOrgId: 1, createdAt: -1 });
proposalSchema.pre("validate", function () {
  this.nameKey = normalizeOrgName(this.name ?? "");
});

export type SubcontractorProposal = SubcontractorProposalData & { _id: Types.ObjectId };
export const SubcontractorProposalModel: Model<SubcontractorProposalData> =
  (mongoose.models.SubcontractorProposal as Model<SubcontractorProposalData>) ??
  mongoose.model<SubcontractorProposalData>("SubcontractorProposal", proposalSchema, "subcontractor_proposals");

export type NewProposal = Omit<
  SubcontractorProposalData,
  "nameKey" | "status" | "decidedBy" | "decidedAt" | "reason" | "supplierOrgId" | "createdAt" | "updatedAt"
>;

export async function createProposal(input: NewProposal): Promise<SubcontractorProposal> {
  const doc = await SubcontractorProposalModel.create({ ...input, status: "proposed" });
  return doc.toObject() as SubcontractorProposal;
}

/** Every proposal under an agreement, for its recipient's procurement; newest first. */
export function proposalsForRecipient(agreementId: string, recipientOrgId: string) {
  return SubcontractorProposalModel.find({ agreementId, recipientOrgId })
    .sort({ createdAt: -1 })
    .limit(500)
    .lean() as Promise<SubcontractorProposal[]>;
}

/** The proposals one supplier made under an agreement; newest first. */
export function proposalsByProposer(agreementId: string, proposedByOrgId: string) {
  return SubcontractorProposalModel.find({ agreementId, proposedByOrgId })
    .sort({ createdAt: -1 })
    .limit(500)
    .lean() as Promise<SubcontractorProposal[]>;
}

/** One proposal, only when it belongs to `scope` (the recipient's or the proposer's view). */
export function findProposal(
  id: string,
  scope: { agreementId: string } & ({ recipientOrgId: string } | { proposedByOrgId: string }),
) {
  if (!mongoose.isValidObjectId(id)) return Promise.resolve(null);
  return SubcontractorProposalModel.findOne({ _id: id, ...scope }).lean() as Promise<SubcontractorProposal | null>;
}

const decisionKey = (id: string) => `subcontractor-proposal:${id}:decision`;

/**
 * Makes the caller the one who decides the proposal; false when someone
 * else decided (or is deciding) it first. A decider that died between its
 * claim and its write left the proposal open: after a while its claim is
 * taken over, or nobody could ever decide it.
 */
export async function claimDecision(id: string, data: unknown): Promise<boolean> {
  const key = decisionKey(id);
  if (await claim(key, data)) return true;
  const open = await SubcontractorProposalModel.exists({ _id: id, status: "proposed" });
  return open !== null && takeOverStuckClaim(key);
}

/** Gives the decision back (the work it guarded failed; the proposal stays open). */
export function releaseDecision(id: string): Promise<void> {
  return releaseClaim(decisionKey(id));
}

/** Writes the decision the caller claimed. */
export async function recordDecision(
  id: string,
  decision: {
    status: Exclude<ProposalStatus, "proposed">;
    decidedBy: string;
    reason?: string;
    supplierOrgId?: string | null;
    service?: string;
    maxClass?: InfoClass;
    accessLevel?: AccessLevel;
  },
  at = new Date(),
): Promise<void> {
  const { decidedBy, supplierOrgId, ...rest } = decision;
  const given = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  await SubcontractorProposalModel.updateOne(
    { _id: id, status: "proposed" },
    {
      $set: {
        ...given,
        decidedBy: new mongoose.Types.ObjectId(decidedBy),
        decidedAt: at,
        supplierOrgId: supplierOrgId ? new mongoose.Types.ObjectId(supplierOrgId) : null,
      },
    },
  );
}
