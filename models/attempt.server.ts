import mongoose, { Schema, type Model } from "mongoose";

/**
 * One document per counted attempt (a failed sign-in, an invitation try, a
 * verification). Rate limits count the documents of a key inside a window:
 * an insert is atomic on MongoDB and FerretDB v1 alike, where a counter's
 * $inc under concurrency is not. FerretDB v1 has no TTL indexes, so old
 * attempts are deleted by deleteOldAttempts().
 */
interface AttemptData {
  key: string;
  at: Date;
}

const attemptSchema = new Schema<AttemptData>(
  {
    key: { type: String, required: true, maxlength: 400 },
    at: { type: Date, required: true, index: true },
  },
  { versionKey: false },
);
attemptSchema.index({ key: 1, at: 1 });

export const Attempt: Model<AttemptData> =
  (mongoose.models.Attempt as Model<AttemptData>) ?? mongoose.model<AttemptData>("Attempt", attemptSchema);

export async function deleteOldAttempts(before: Date): Promise<number> {
  const res = await Attempt.deleteMany({ at: mongoose.trusted({ $lt: before }) });
  return res.deletedCount;
}
