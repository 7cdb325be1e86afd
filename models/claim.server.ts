import mongoose, { Schema, type Model } from "mongoose";
import { isDuplicateKey } from "./duplicate-key";

/**
 * Claims: the one write primitive that is atomic on both MongoDB and
 * FerretDB v1. FerretDB v1 lets several concurrent conditional updates
 * (`updateOne({ _id, revision: 3 }, …)`) all succeed, but an insert into a
 * unique index has exactly one winner on both. So every "only if nobody
 * else did it first" decision in Flowdown is an insert of a claim key;
 * the loser gets a duplicate-key error and backs off. See docs/decisions/005.
 */
interface ClaimData {
  key: string;
  at: Date;
  /** what the winner intended, so a crash between claim and write can be repaired */
  data: unknown;
}

const claimSchema = new Schema<ClaimData>(
  {
    key: { type: String, required: true, unique: true, maxlength: 300 },
    at: { type: Date, required: true },
    data: { type: Schema.Types.Mixed, default: null },
  },
  { versionKey: false, minimize: false },
);

export const Claim: Model<ClaimData> =
  (mongoose.models.Claim as Model<ClaimData>) ?? mongoose.model<ClaimData>("Claim", claimSchema);

/** True when this caller won `key`; false when someone else holds it. */
export async function claim(key: string, data: unknown = null, at = new Date()): Promise<boolean> {
  if (key.length > 300) throw new Error(`A claim key is at most 300 characters: ${key.slice(0, 40)}…`);
  try {
    // straight to the driver: a claim is on the path of every autosave, and a mongoose document
    // (casting, validation) for three plain fields costs more than the insert itself
    await Claim.collection.insertOne({ key, at, data });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

export async function getClaim(key: string) {
  return Claim.findOne({ key }).lean();
}

/** A claim older than this whose work has not landed belongs to a writer that died (a write takes milliseconds). */
export const STUCK_CLAIM_MS = 30_000;

/**
 * Takes `key` over from a holder that died between claiming and writing:
 * the caller has checked that the guarded write never landed. The stuck
 * claim is removed by its _id and the key claimed anew, so of several
 * callers doing this at once exactly one wins.
 */
export async function takeOverStuckClaim(key: string, stuckAfterMs = STUCK_CLAIM_MS): Promise<boolean> {
  const held = await getClaim(key);
  if (!held || Date.now() - new Date(held.at).getTime() <= stuckAfterMs) return false;
  await Claim.deleteOne({ _id: held._id });
  return claim(key);
}

/** Gives a claim back (when the work it guarded turned out not to be needed). */
export async function releaseClaim(key: string): Promise<void> {
  await Claim.deleteOne({ key });
}

/** How long a revision's claim is kept: it decides races of milliseconds and repairs a writer that died within STUCK_CLAIM_MS. */
export const REVISION_CLAIM_RETENTION_DAYS = 7;

/**
 * Deletes the claims of assessment and agreement revisions made before
 * `before` (one per save, so they would otherwise grow without bound). A
 * writer that still starts from such an old revision wins its claim again
 * but then writes nothing: every revision write is conditional on the
 * document being before that revision (assessments) or at the revision the
 * writer read (agreements). Other claims (invitations, tokens, imports, jobs,
 * re-assessments) record once-only decisions and are kept.
 */
export async function pruneRevisionClaims(before: Date): Promise<number> {
  const result = await Claim.deleteMany({
    at: mongoose.trusted({ $lt: before }),
    key: mongoose.trusted({ $regex: /^(assessment|agreement):[0-9a-f]{24}:r\d+$/ }),
  });
  return result.deletedCount;
}
