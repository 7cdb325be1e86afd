import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";

/**
 * A signed-in session. The cookie carries only its id; the row lets the
 * portal end sessions (sign-out, expiry, password change) on the server.
 * FerretDB v1 has no TTL indexes, so expiry is checked in the query and
 * expired rows are cleaned up by deleteExpiredSessions().
 */
const sessionSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, ref: "User", required: true, index: true },
    expiresAt: { type: Date, required: true, index: true },
    ip: { type: String, default: "" },
    userAgent: { type: String, default: "", maxlength: 400 },
  },
  { timestamps: true },
);

export type SessionDoc = InferSchemaType<typeof sessionSchema> & { _id: mongoose.Types.ObjectId };
export const Session: Model<SessionDoc> =
  (mongoose.models.Session as Model<SessionDoc>) ?? mongoose.model<SessionDoc>("Session", sessionSchema);

export async function deleteExpiredSessions(now = new Date()) {
  const res = await Session.deleteMany({ expiresAt: mongoose.trusted({ $lte: now }) });
  return res.deletedCount;
}
