import mongoose, { Schema, type Model, type Types } from "mongoose";
import { PROFILE_SECTIONS, type KeptAnswer, type ProfileSection } from "#questionnaires/question-identity";

/**
 * A supplier organisation's own answers, one document per question it has
 * answered (question name and version: see questionnaires/question-identity),
 * kept current by every questionnaire it submits and by its profile page.
 * Values are the questionnaire's language-neutral values (choice values,
 * yes/no, numbers, typed text as typed, evidence references).
 *
 * `_id` is `<orgId>:<name>:<version>`, so feeding the profile is a write by
 * `_id` (equality on `_id`, the one look-up every engine pushes down), and a
 * supplier's profile is read by `orgId`.
 */
export const PROFILE_SOURCES = ["submission", "profile", "workbook"] as const;
export type ProfileSource = (typeof PROFILE_SOURCES)[number];

export interface ProfileAnswerData {
  _id: string;
  orgId: Types.ObjectId;
  name: string;
  version: string;
  meaning: string | null;
  section: ProfileSection;
  requirements: string[];
  /** the questionnaire (template id and pinned version tag) the answer was last given in: its texts and choices */
  templateId: string;
  templateVersion: string;
  value: unknown;
  /** evidence references ("/evidence/<id>") inside the value */
  evidence: string[];
  /** when the supplier last gave or confirmed this answer */
  confirmedAt: Date;
  confirmedBy: { userId: Types.ObjectId | null; name: string };
  source: { kind: ProfileSource; assessmentId: Types.ObjectId | null };
  /** increases with every change; a change is committed by claiming `<_id>:<revision>` (models/claim.server.ts) */
  revision: number;
  updatedAt?: Date;
}

const profileAnswerSchema = new Schema<ProfileAnswerData>(
  {
    _id: { type: String, required: true, maxlength: 400 },
    orgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    name: { type: String, required: true, maxlength: 200 },
    version: { type: String, required: true, maxlength: 40 },
    meaning: { type: String, default: null, maxlength: 40 },
    section: { type: String, enum: PROFILE_SECTIONS, required: true },
    requirements: { type: [{ type: String, maxlength: 40 }], default: [] },
    templateId: { type: String, required: true, maxlength: 200 },
    templateVersion: { type: String, required: true, maxlength: 200 },
    value: { type: Schema.Types.Mixed, required: true },
    evidence: { type: [{ type: String, match: /^\/evidence\/[0-9a-f]{24}$/ }], default: [] },
    confirmedAt: { type: Date, required: true },
    confirmedBy: {
      userId: { type: Schema.Types.ObjectId, ref: "User", default: null },
      name: { type: String, default: "", maxlength: 200 },
    },
    source: {
      kind: { type: String, enum: PROFILE_SOURCES, required: true },
      assessmentId: { type: Schema.Types.ObjectId, ref: "Assessment", default: null },
    },
    revision: { type: Number, default: 0 },
  },
  { versionKey: false, minimize: false, timestamps: { createdAt: false, updatedAt: true } },
);
profileAnswerSchema.index({ orgId: 1, section: 1, name: 1 });

export const ProfileAnswer: Model<ProfileAnswerData> =
  (mongoose.models.ProfileAnswer as Model<ProfileAnswerData>) ??
  mongoose.model<ProfileAnswerData>("ProfileAnswer", profileAnswerSchema);

/** One change of a profile answer (insert-only): its history. */
export interface ProfileChangeData {
  orgId: Types.ObjectId;
  answerId: string;
  name: string;
  /** the value after the change; `previous` before it (null for the first) */
  value: unknown;
  previous: unknown;
  /** "changed" (a new value) or "confirmed" (the same value, confirmed as still true) */
  kind: "changed" | "confirmed";
  at: Date;
  by: { userId: Types.ObjectId | null; name: string };
  source: { kind: ProfileSource; assessmentId: Types.ObjectId | null };
}

const profileChangeSchema = new Schema<ProfileChangeData>(
  {
    orgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    answerId: { type: String, required: true, maxlength: 400 },
    name: { type: String, required: true, maxlength: 200 },
    value: { type: Schema.Types.Mixed, default: null },
    previous: { type: Schema.Types.Mixed, default: null },
    kind: { type: String, enum: ["changed", "confirmed"], required: true },
    at: { type: Date, required: true },
    by: {
      userId: { type: Schema.Types.ObjectId, ref: "User", default: null },
      name: { type: String, default: "", maxlength: 200 },
    },
    source: {
      kind: { type: String, enum: PROFILE_SOURCES, required: true },
      assessmentId: { type: Schema.Types.ObjectId, ref: "Assessment", default: null },
    },
  },
  { versionKey: false, minimize: false },
);
profileChangeSchema.index({ answerId: 1, at: -1 });

export const ProfileChange: Model<ProfileChangeData> =
  (mongoose.models.ProfileChange as Model<ProfileChangeData>) ??
  mongoose.model<ProfileChangeData>("ProfileChange", profileChangeSchema);

export function profileAnswerId(orgId: string, name: string, version: string): string {
  return `${orgId}:${name}:${version}`;
}

/** Every answer a supplier keeps, as matching needs them. */
export async function keptAnswers(orgId: string): Promise<KeptAnswer[]> {
  const docs = await ProfileAnswer.find(
    { orgId: new mongoose.Types.ObjectId(orgId) },
    { name: 1, version: 1, meaning: 1, value: 1, confirmedAt: 1 },
  ).lean();
  return docs.map((d) => ({
    id: d._id,
    name: d.name,
    version: d.version,
    meaning: d.meaning ?? null,
    value: d.value,
    confirmedAt: new Date(d.confirmedAt),
  }));
}
