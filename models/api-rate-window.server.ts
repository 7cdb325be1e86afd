import mongoose, { Schema, type Connection, type Model } from "mongoose";
import { isDuplicateKey } from "./duplicate-key";

/**
 * The API's requests per token and fixed window, counted in the database so
 * that every app instance on it shares one count.
 *
 * A request is allowed when it takes one of the window's `max` slots: it
 * inserts `_id` "<token id>:<window start in epoch minutes>:<slot>", and the
 * unique `_id` lets exactly one request have each slot (FerretDB v1 has no
 * atomic update: measured on v1.24.2, five concurrent upserting `$inc`s on
 * one counter document ended at 3 and concurrent upserts failed with
 * duplicate keys, so a counter document would let more than `max` through).
 * Each instance remembers the next slot to try per token and window (its
 * concurrent requests reserve different ones), and a taken slot moves it
 * on, so an instance tries each slot at most once per window and no free
 * slot is passed over: exactly `max` requests pass in a window, whichever
 * instances they reach (a slot whose insert failed otherwise, a 500, is
 * left unused). When the last slot is taken, one
 * `_id` read answers every further request of the window.
 *
 * FerretDB v1 has no TTL index: `expiresAt` (the window's end) lets
 * pruneApiRateWindows() drop the old slots (app/jobs.server.ts).
 */
export interface ApiRateSlotData {
  _id: string;
  expiresAt: Date;
}

const schema = new Schema<ApiRateSlotData>(
  {
    _id: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false, collection: "api_rate_windows" },
);

export const ApiRateSlot: Model<ApiRateSlotData> =
  (mongoose.models.ApiRateSlot as Model<ApiRateSlotData>) ?? mongoose.model<ApiRateSlotData>("ApiRateSlot", schema);

/** The model on another connection (a second app instance, in tests). */
function modelOn(connection: Connection): Model<ApiRateSlotData> {
  if (connection === mongoose.connection) return ApiRateSlot;
  return (
    (connection.models.ApiRateSlot as Model<ApiRateSlotData> | undefined) ??
    connection.model<ApiRateSlotData>("ApiRateSlot", schema)
  );
}

/** The start of the fixed window of `windowMs` that `now` falls in. */
export function windowStart(now: Date, windowMs: number): Date {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

/** Per connection (an app instance): the next slot to try, per "<token id>:<window>". */
const nextSlots = new WeakMap<Connection, Map<string, number>>();

function hintsOf(connection: Connection, window: number): Map<string, number> {
  let hints = nextSlots.get(connection);
  if (!hints) nextSlots.set(connection, (hints = new Map()));
  if (hints.size >= 10_000)
    for (const key of hints.keys()) if (Number(key.substring(key.lastIndexOf(":") + 1)) < window) hints.delete(key);
  return hints;
}

/**
 * Takes a slot for one request of `tokenId` in the window starting at
 * `start`: true when the request is within the `max` of the window.
 */
export async function takeApiRequestSlot(
  tokenId: string,
  start: Date,
  limit: { max: number; windowMs: number },
  connection: Connection = mongoose.connection,
): Promise<boolean> {
  const window = Math.floor(start.getTime() / 60_000);
  const key = `${tokenId}:${window}`;
  const model = modelOn(connection);
  const hints = hintsOf(connection, window);
  const expiresAt = new Date(start.getTime() + limit.windowMs);
  let slot = hints.get(key) ?? 1;
  if (slot > limit.max) return false;
  // a full window (its last slot taken, by this instance or another): one read, no insert
  if (slot > 1 && (await model.exists({ _id: `${key}:${limit.max}` }))) {
    hints.set(key, limit.max + 1);
    return false;
  }
  while (slot <= limit.max) {
    // reserved in this instance before the insert, so its concurrent requests try different slots
    hints.set(key, slot + 1);
    try {
      await model.collection.insertOne({ _id: `${key}:${slot}`, expiresAt } as never);
      return true;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    slot = Math.max(slot + 1, hints.get(key) ?? 1);
  }
  hints.set(key, limit.max + 1);
  return false;
}

/** Drops the slots of windows that ended before `now`. */
export async function pruneApiRateWindows(now = new Date()): Promise<number> {
  const result = await ApiRateSlot.deleteMany({ expiresAt: mongoose.trusted({ $lte: now }) });
  return result.deletedCount;
}
