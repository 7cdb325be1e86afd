import mongoose, { Schema, type Model } from "mongoose";
import { isDuplicateKey } from "./duplicate-key";

/**
 * An API write's `Idempotency-Key`, per token: the first request with a key
 * inserts it (the unique `_id` decides which of two concurrent ones goes
 * ahead, as claims do: FerretDB v1 has no atomic conditional update), and
 * its answer is kept for 24 hours for the retries.
 */
interface IdempotencyKeyData {
  /** `<token prefix>:<key>` */
  _id: string;
  /** SHA-256 of the request (method, path, body): the same key with another request is refused */
  requestHash: string;
  at: Date;
  /** the first answer, once there is one */
  response: { status: number; location: string | null; body: string } | null;
}

const schema = new Schema<IdempotencyKeyData>(
  {
    _id: { type: String, required: true },
    requestHash: { type: String, required: true },
    at: { type: Date, required: true },
    response: { type: Schema.Types.Mixed, default: null },
  },
  { versionKey: false, minimize: false, collection: "idempotency_keys" },
);

export const IdempotencyKey: Model<IdempotencyKeyData> =
  (mongoose.models.IdempotencyKey as Model<IdempotencyKeyData>) ??
  mongoose.model<IdempotencyKeyData>("IdempotencyKey", schema);

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export type KeyOutcome =
  | { first: true }
  | { first: false; requestHash: string; response: IdempotencyKeyData["response"] };

/** Takes the key for this request, or tells what the request that took it first sent and got. */
export async function takeIdempotencyKey(id: string, requestHash: string, now = new Date()): Promise<KeyOutcome> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await IdempotencyKey.collection.insertOne({ _id: id, requestHash, at: now, response: null } as never);
      return { first: true };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const held = await IdempotencyKey.findById(id).lean();
    if (!held) continue;
    // older than a day: forgotten, as if never sent (removed by its _id and time, then taken anew)
    if (now.getTime() - new Date(held.at).getTime() >= IDEMPOTENCY_TTL_MS) {
      await IdempotencyKey.deleteOne({ _id: id, at: held.at });
      continue;
    }
    return { first: false, requestHash: held.requestHash, response: held.response };
  }
  throw new Error(`Idempotency key ${id} could not be taken`);
}

export async function keepIdempotentResponse(id: string, response: NonNullable<IdempotencyKeyData["response"]>) {
  await IdempotencyKey.updateOne({ _id: id }, { $set: { response } });
}

/** A request that failed without effect gives its key back, so that a retry may try again. */
export async function releaseIdempotencyKey(id: string) {
  await IdempotencyKey.deleteOne({ _id: id, response: null });
}

/** Drops keys older than a day. */
export async function pruneIdempotencyKeys(now = new Date()): Promise<number> {
  const result = await IdempotencyKey.deleteMany({
    at: mongoose.trusted({ $lt: new Date(now.getTime() - IDEMPOTENCY_TTL_MS) }),
  });
  return result.deletedCount;
}
