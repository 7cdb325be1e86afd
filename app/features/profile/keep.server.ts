import mongoose from "mongoose";
import { canonicalJson } from "#questionnaires/canonical";
import type { QuestionIdentity } from "#questionnaires/question-identity";
import { claim } from "#models/claim.server";
import { isDuplicateKey } from "#models/duplicate-key";
import {
  ProfileAnswer,
  ProfileChange,
  profileAnswerId,
  type ProfileAnswerData,
  type ProfileSource,
} from "#models/supplier-profile.server";
import { trusted } from "#app/lib/ids.server";

/** One answer to keep in a supplier's profile. */
export interface AnswerToKeep {
  identity: QuestionIdentity;
  value: unknown;
  /** the revision the person saw (the profile page): when the kept answer has moved on since, nothing is kept ("stale") */
  expectedRevision?: number;
}

export interface KeepContext {
  orgId: string;
  templateId: string;
  templateVersion: string;
  by: { userId: string | null; name: string };
  source: { kind: ProfileSource; assessmentId: string | null };
  /** when the supplier gave or confirmed the answers */
  at: Date;
}

export type KeepOutcome = "created" | "changed" | "confirmed" | "older" | "stale";

const EVIDENCE_REF = /^\/evidence\/[0-9a-f]{24}$/;

function evidenceIn(value: unknown): string[] {
  const refs = new Set<string>();
  const visit = (v: unknown) => {
    if (typeof v === "string" && EVIDENCE_REF.test(v)) refs.add(v);
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === "object") Object.values(v).forEach(visit);
  };
  visit(value);
  return [...refs];
}

const oid = (id: string | null) => (id ? new mongoose.Types.ObjectId(id) : null);

/** Whether two answers are the same value (key order inside objects aside). */
export function sameAnswer(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

async function keepOne(
  ctx: KeepContext,
  entry: AnswerToKeep,
  existing: ProfileAnswerData | null,
  attempt = 0,
): Promise<KeepOutcome> {
  const id = profileAnswerId(ctx.orgId, entry.identity.name, entry.identity.version);
  const fields = {
    orgId: new mongoose.Types.ObjectId(ctx.orgId),
    name: entry.identity.name,
    version: entry.identity.version,
    meaning: entry.identity.meaning,
    section: entry.identity.section,
    requirements: entry.identity.requirements,
    templateId: ctx.templateId,
    templateVersion: ctx.templateVersion,
    value: entry.value,
    evidence: evidenceIn(entry.value),
    confirmedAt: ctx.at,
    confirmedBy: { userId: oid(ctx.by.userId), name: ctx.by.name },
    source: { kind: ctx.source.kind, assessmentId: oid(ctx.source.assessmentId) },
  };
  const change = {
    orgId: fields.orgId,
    answerId: id,
    name: fields.name,
    value: entry.value,
    at: ctx.at,
    by: fields.confirmedBy,
    source: fields.source,
  };
  if (entry.expectedRevision !== undefined && existing?.revision !== entry.expectedRevision) return "stale";
  if (!existing) {
    try {
      await ProfileAnswer.collection.insertOne({ _id: id, ...fields, revision: 0, updatedAt: new Date() } as never);
    } catch (error) {
      if (!isDuplicateKey(error) || attempt >= 3) throw error;
      // kept by someone else a moment ago: keep ours on top of theirs
      return keepOne(ctx, entry, await ProfileAnswer.findById(id).lean(), attempt + 1);
    }
    await ProfileChange.create({ ...change, previous: null, kind: "changed" });
    return "created";
  }
  // an answer given before the one kept (an older submission processed late) does not replace it
  if (new Date(existing.confirmedAt).getTime() > ctx.at.getTime()) return "older";
  const same = sameAnswer(existing.value, entry.value);
  const revision = existing.revision + 1;
  if (!(await claim(`profile:${id}:${revision}`, { at: ctx.at }))) {
    if (attempt >= 3) throw new Error(`Profile answer ${id} is changing too often to keep`);
    return keepOne(ctx, entry, await ProfileAnswer.findById(id).lean(), attempt + 1);
  }
  await ProfileAnswer.updateOne({ _id: id }, { $set: { ...fields, revision } });
  await ProfileChange.create({ ...change, previous: existing.value, kind: same ? "confirmed" : "changed" });
  return same ? "confirmed" : "changed";
}

/**
 * Keeps answers in the supplier's profile: a new question is added, a new
 * value replaces the kept one (its history keeps both), the same value
 * counts as confirmed again today. One change at a time per answer, decided
 * by a claim on its next revision, so two saves at once both land in order.
 */
export async function keepAnswers(ctx: KeepContext, entries: readonly AnswerToKeep[]): Promise<KeepOutcome[]> {
  if (!entries.length) return [];
  const ids = entries.map((e) => profileAnswerId(ctx.orgId, e.identity.name, e.identity.version));
  const found = await ProfileAnswer.find({
    orgId: new mongoose.Types.ObjectId(ctx.orgId),
    _id: trusted({ $in: ids }),
  }).lean();
  const byId = new Map(found.map((d) => [d._id, d]));
  const out: KeepOutcome[] = [];
  for (const [i, entry] of entries.entries()) out.push(await keepOne(ctx, entry, byId.get(ids[i]!) ?? null));
  return out;
}
