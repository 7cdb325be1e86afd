import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";

import { ROLES, type Role } from "./enums";

export { ROLES, type Role };

const userSchema = new Schema(
  {
    email: { type: String, required: true, unique: true, lowercase: true, trim: true, maxlength: 254 },
    name: { type: String, required: true, trim: true, maxlength: 200 },
    role: { type: String, required: true, enum: ROLES },
    orgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true, index: true },
    /** argon2id PHC string; never leaves the server */
    passwordHash: { type: String, required: true, select: false },
    passwordChangedAt: { type: Date, default: null },
    lastLoginAt: { type: Date, default: null },
    /** the portal language the user chose (app/i18n/locales.ts); null = follow the browser's Accept-Language */
    language: { type: String, default: null, maxlength: 8 },
    /** the language the user last chose inside a questionnaire; null = the portal language */
    questionnaireLanguage: { type: String, default: null, maxlength: 8 },
    /** manages the organisation's team (/account/team): invites, team roles, deactivation */
    teamAdmin: { type: Boolean, default: false },
    /** a deactivated user cannot sign in and has no session; reactivation restores the account as it was */
    active: { type: Boolean, default: true },
    deactivatedAt: { type: Date, default: null },
  },
  { timestamps: true },
);
userSchema.index({ orgId: 1, role: 1 });

export type UserDoc = InferSchemaType<typeof userSchema> & { _id: mongoose.Types.ObjectId };
export const User: Model<UserDoc> =
  (mongoose.models.User as Model<UserDoc>) ?? mongoose.model<UserDoc>("User", userSchema);
