import crypto from "node:crypto";
import mongoose, { Schema, type Model } from "mongoose";
import { isDuplicateKey } from "./duplicate-key";

/**
 * The audit trail: append-only, each entry chained to the one before by
 * SHA-256, so a removed or edited entry breaks the chain (see verifyAuditChain).
 * Concurrent writers (several app instances) race for the next sequence
 * number; the unique index lets exactly one win and the others retry.
 */
export interface AuditEventData {
  seq: number;
  at: Date;
  action: string;
  actorId: string | null;
  actorEmail: string | null;
  /** organisation of the actor (null for anonymous events) */
  orgId: string | null;
  targetType: string | null;
  targetId: string | null;
  /** flat string map: keys without "." or "$" */
  details: Record<string, string>;
  ip: string | null;
  prevHash: string;
  hash: string;
}

const auditEventSchema = new Schema<AuditEventData>(
  {
    seq: { type: Number, required: true, unique: true },
    at: { type: Date, required: true },
    action: { type: String, required: true },
    actorId: { type: String, default: null },
    actorEmail: { type: String, default: null },
    orgId: { type: String, default: null },
    targetType: { type: String, default: null },
    targetId: { type: String, default: null },
    details: { type: Schema.Types.Mixed, default: {} },
    ip: { type: String, default: null },
    prevHash: { type: String, required: true },
    hash: { type: String, required: true },
  },
  { versionKey: false, minimize: false },
);
auditEventSchema.index({ targetType: 1, targetId: 1, seq: -1 });
auditEventSchema.index({ orgId: 1, seq: -1 });

export const AuditEvent: Model<AuditEventData> =
  (mongoose.models.AuditEvent as Model<AuditEventData>) ??
  mongoose.model<AuditEventData>("AuditEvent", auditEventSchema);

export const GENESIS_HASH = "0".repeat(64);

function canonical(e: Omit<AuditEventData, "hash">): string {
  const details = Object.keys(e.details)
    .sort()
    .map((k) => [k, e.details[k]]);
  return JSON.stringify([
    e.seq,
    e.at.toISOString(),
    e.action,
    e.actorId,
    e.actorEmail,
    e.orgId,
    e.targetType,
    e.targetId,
    details,
    e.ip,
    e.prevHash,
  ]);
}

export function hashAuditEvent(e: Omit<AuditEventData, "hash">): string {
  return crypto.createHash("sha256").update(canonical(e)).digest("hex");
}

export interface AuditInput {
  action: string;
  actor?: { id: string; email: string; orgId: string } | null;
  targetType?: string;
  targetId?: string;
  details?: Record<string, string | number | boolean | null | undefined>;
  ip?: string | null;
  at?: Date;
}

function flatDetails(details: AuditInput["details"]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(details ?? {})) {
    if (v === undefined || v === null) continue;
    out[k.replace(/[.$]/g, "_")] = String(v);
  }
  return out;
}

export async function recordAudit(input: AuditInput): Promise<AuditEventData> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const last = await AuditEvent.findOne({}, { seq: 1, hash: 1 }).sort({ seq: -1 }).lean();
    const base: Omit<AuditEventData, "hash"> = {
      seq: (last?.seq ?? 0) + 1,
      at: input.at ?? new Date(),
      action: input.action,
      actorId: input.actor?.id ?? null,
      actorEmail: input.actor?.email ?? null,
      orgId: input.actor?.orgId ?? null,
      targetType: input.targetType ?? null,
      targetId: input.targetId ?? null,
      details: flatDetails(input.details),
      ip: input.ip ?? null,
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    const event = { ...base, hash: hashAuditEvent(base) };
    try {
      await AuditEvent.create(event);
      return event;
    } catch (error) {
      if (isDuplicateKey(error)) {
        await new Promise((r) => setTimeout(r, Math.random() * 10 * (attempt + 1)));
        continue;
      }
      throw error;
    }
  }
  throw new Error("Could not append to the audit trail: too much contention.");
}

export interface AuditChainReport {
  ok: boolean;
  checked: number;
  problems: string[];
}

/**
 * The trail's head, kept outside the database (in a backup's manifest, an
 * e-mail, a printout) so that a later check can tell a cut-off tail from a
 * trail that simply ends: "<seq>:<sha-256>".
 */
export interface AuditAnchor {
  seq: number;
  hash: string;
}

export function formatAuditAnchor(anchor: AuditAnchor): string {
  return `${anchor.seq}:${anchor.hash}`;
}

/** Reads "<seq>:<64 hex digits>"; null when it is not an anchor. */
export function parseAuditAnchor(text: string): AuditAnchor | null {
  const m = /^\s*(\d{1,15}):([0-9a-fA-F]{64})\s*$/.exec(text);
  return m ? { seq: Number(m[1]), hash: m[2].toLowerCase() } : null;
}

/** The latest entry's sequence number and hash, or null for an empty trail. */
export async function auditHead(): Promise<(AuditAnchor & { at: Date }) | null> {
  const last = await AuditEvent.findOne({}, { seq: 1, hash: 1, at: 1 }).sort({ seq: -1 }).lean();
  return last ? { seq: last.seq, hash: last.hash, at: last.at } : null;
}

/**
 * Walks the whole chain in sequence order and reports every break. With an
 * anchor taken earlier, also that the trail still reaches it unchanged: the
 * chain alone cannot show that entries were cut off its end.
 */
export async function verifyAuditChain(anchor?: AuditAnchor): Promise<AuditChainReport> {
  const problems: string[] = [];
  let anchored: string | null = null;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  const cursor = AuditEvent.find({}).sort({ seq: 1 }).lean().cursor();
  for await (const doc of cursor) {
    checked++;
    const { _id, ...rest } = doc as AuditEventData & { _id: unknown };
    void _id;
    if (rest.seq !== expectedSeq)
      problems.push(
        `${rest.seq - 1 > expectedSeq ? `Entries ${expectedSeq}–${rest.seq - 1} are` : `Entry ${expectedSeq} is`} missing (found ${rest.seq} next).`,
      );
    if (rest.prevHash !== prevHash)
      problems.push(`Entry ${rest.seq} does not follow the entry before it (its previous-hash does not match).`);
    const { hash, ...withoutHash } = rest;
    if (hashAuditEvent({ ...withoutHash, at: new Date(withoutHash.at), details: withoutHash.details ?? {} }) !== hash) {
      problems.push(`Entry ${rest.seq} was altered after it was written (its hash does not match its content).`);
    }
    if (anchor && rest.seq === anchor.seq) anchored = hash;
    expectedSeq = rest.seq + 1;
    prevHash = hash;
  }
  if (anchor) {
    if (expectedSeq - 1 < anchor.seq)
      problems.push(
        `The trail ends at entry ${expectedSeq - 1}, before the anchor's entry ${anchor.seq}: entries were cut off its end.`,
      );
    else if (anchored !== anchor.hash)
      problems.push(`Entry ${anchor.seq} is not the one the anchor recorded: the trail was rewritten since.`);
  }
  return { ok: problems.length === 0, checked, problems };
}
