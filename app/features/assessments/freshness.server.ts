import type { Types } from "mongoose";
import { SCORING_RULES_VERSION } from "#app/scoring/freshness";
import { Agreement, type AgreementData } from "#models/agreement.server";
import { Assessment, type AssessmentData } from "#models/assessment.server";
import { Certification, type CertificationData } from "#models/certification.server";
import { ScoreRecord } from "#models/score-record.server";
import { todayIso } from "#models/today";
import { trusted } from "#app/lib/ids.server";
import { agreementRows } from "./read-model.server";
import { rescore, rowIsStale } from "./scoring.server";

/**
 * Keeping every stored result true to what it was computed from
 * (app/scoring/freshness.ts): the writers that change an input re-score
 * what it affects at once (an agreement edit, a certificate added or
 * removed), a daily job catches the days on which a certificate's or the
 * agreement's date passes, and the pages that show results check their rows
 * before they show them, so a change that no writer saw (another instance
 * that stopped half-way, an upgrade of the rules) is caught on the next load.
 */

type StoredAssessment = AssessmentData & { _id: Types.ObjectId };
type StoredAgreement = AgreementData & { _id: Types.ObjectId; revision?: number };
type StoredCertification = CertificationData & { _id: Types.ObjectId };

export interface RefreshChange {
  assessmentId: string;
  supplierName: string;
  changes: string[];
  material: boolean;
}

export interface RefreshSummary {
  /** assessments whose result was computed again */
  rescored: number;
  /** of those, the ones whose result differs from the one before */
  changed: RefreshChange[];
}

const SCORED = { result: trusted({ $ne: null }) };

async function certificationsOf(supplierIds: (Types.ObjectId | string)[]): Promise<Map<string, StoredCertification[]>> {
  const bySupplier = new Map<string, StoredCertification[]>();
  if (supplierIds.length === 0) return bySupplier;
  const certs = await Certification.find({
    supplierOrgId: trusted({ $in: supplierIds }),
  }).lean<StoredCertification[]>();
  for (const c of certs) {
    const key = String(c.supplierOrgId);
    bySupplier.set(key, [...(bySupplier.get(key) ?? []), c]);
  }
  return bySupplier;
}

async function refreshAll(
  assessments: StoredAssessment[],
  agreements: Map<string, StoredAgreement>,
  trigger: string,
  today: string,
): Promise<RefreshSummary> {
  const certs = await certificationsOf([...new Set(assessments.map((a) => String(a.supplierOrgId)))]);
  const summary: RefreshSummary = { rescored: 0, changed: [] };
  for (const assessment of assessments) {
    const agreement = agreements.get(String(assessment.agreementId));
    if (!agreement) continue;
    const outcome = await rescore(assessment, agreement, {
      trigger,
      today,
      certifications: certs.get(String(assessment.supplierOrgId)) ?? [],
    });
    if (!outcome.computed) continue;
    summary.rescored++;
    if (outcome.changes.length)
      summary.changed.push({
        assessmentId: String(assessment._id),
        supplierName: assessment.summary?.supplierName ?? "",
        changes: outcome.changes,
        material: outcome.material,
      });
  }
  return summary;
}

/** Re-scores every scored assessment under the agreement whose inputs changed (after an edit). */
export async function refreshAgreementResults(
  agreementId: string | Types.ObjectId,
  trigger: string,
  today = todayIso(),
): Promise<RefreshSummary> {
  const agreement = await Agreement.findById(agreementId).lean<StoredAgreement>();
  if (!agreement) return { rescored: 0, changed: [] };
  const assessments = await Assessment.find({ agreementId: agreement._id, ...SCORED }).lean<StoredAssessment[]>();
  return refreshAll(assessments, new Map([[String(agreement._id), agreement]]), trigger, today);
}

async function agreementsById(ids: (Types.ObjectId | string)[]): Promise<Map<string, StoredAgreement>> {
  const unique = [...new Set(ids.map(String))];
  if (unique.length === 0) return new Map();
  const list = await Agreement.find({ _id: trusted({ $in: unique }) }).lean<StoredAgreement[]>();
  return new Map(list.map((a) => [String(a._id), a]));
}

/** Re-scores every scored assessment of the supplier, under every agreement (after a certificate changed). */
export async function refreshSupplierResults(
  supplierOrgId: string | Types.ObjectId,
  trigger: string,
  today = todayIso(),
): Promise<RefreshSummary> {
  const assessments = await Assessment.find({ supplierOrgId, ...SCORED }).lean<StoredAssessment[]>();
  return refreshAll(assessments, await agreementsById(assessments.map((a) => a.agreementId)), trigger, today);
}

/** Brings one assessment's result up to date (before a reviewer decides on it, or a report is made of it). */
export async function refreshAssessmentResult(
  id: string | Types.ObjectId,
  trigger: string,
  today = todayIso(),
): Promise<RefreshSummary> {
  const assessment = await Assessment.findOne({ _id: id, ...SCORED }).lean<StoredAssessment>();
  if (!assessment) return { rescored: 0, changed: [] };
  return refreshAll([assessment], await agreementsById([assessment.agreementId]), trigger, today);
}

/**
 * The daily sweep: results whose day window has closed (a certificate's or
 * the agreement's date has passed) and results of older scoring rules.
 */
export async function refreshDueResults(today = todayIso()): Promise<RefreshSummary> {
  const [dated, older] = await Promise.all([
    Assessment.find({ ...SCORED, "resultBasis.validUntil": trusted({ $lte: today }) }, { _id: 1 }).lean(),
    Assessment.find({ ...SCORED, "resultBasis.rules": trusted({ $ne: SCORING_RULES_VERSION }) }, { _id: 1 }).lean(),
  ]);
  const ids = [...new Set([...dated, ...older].map((a) => String(a._id)))];
  const total: RefreshSummary = { rescored: 0, changed: [] };
  for (const id of ids) {
    const one = await refreshAssessmentResult(id, "the date passed a certificate's or the agreement's date", today);
    total.rescored += one.rescored;
    total.changed.push(...one.changed);
  }
  return total;
}

/**
 * Before a page shows an agreement's results: re-scores the ones whose
 * inputs (the agreement's revision, the suppliers' certificates, the day,
 * the rules) differ from what they were computed from. One certificate
 * query for the chain; the rows come from memory.
 */
export async function ensureAgreementResultsCurrent(agreement: StoredAgreement, now = new Date()): Promise<number> {
  const today = todayIso(now);
  const rows = await agreementRows(String(agreement.recipientOrgId), String(agreement._id));
  const scored = rows.filter((r) => r.score !== null);
  if (scored.length === 0) return 0;
  const certs = await certificationsOf([...new Set(scored.map((r) => r.supplier))]);
  const stale = scored.filter((r) => rowIsStale(r, agreement, certs.get(r.supplier) ?? [], today));
  if (stale.length === 0) return 0;
  const assessments = await Assessment.find({ _id: trusted({ $in: stale.map((r) => r._id) }) }).lean<
    StoredAssessment[]
  >();
  const summary = await refreshAll(
    assessments,
    new Map([[String(agreement._id), agreement]]),
    "results found out of date when shown",
    today,
  );
  return summary.rescored;
}

export interface ScoreHistoryEntry {
  assessmentId: string;
  supplierName: string;
  trigger: string;
  reasons: string[];
  changes: string[];
  material: boolean;
  computedAt: string;
  agreementRevision: number;
  score: number;
  rating: string;
}

function historyEntry(r: {
  assessmentId: Types.ObjectId;
  supplierName: string;
  trigger: string;
  reasons: string[];
  changes: string[];
  material: boolean;
  computedAt: Date;
  basis: { agreementRevision: number };
  result: { score: number; rating: string };
}): ScoreHistoryEntry {
  return {
    assessmentId: String(r.assessmentId),
    supplierName: r.supplierName,
    trigger: r.trigger,
    reasons: r.reasons ?? [],
    changes: r.changes ?? [],
    material: r.material,
    computedAt: new Date(r.computedAt).toISOString(),
    agreementRevision: r.basis?.agreementRevision ?? 0,
    score: r.result?.score ?? 0,
    rating: r.result?.rating ?? "",
  };
}

const HISTORY_FIELDS = {
  assessmentId: 1,
  supplierName: 1,
  trigger: 1,
  reasons: 1,
  changes: 1,
  material: 1,
  computedAt: 1,
  "basis.agreementRevision": 1,
  "result.score": 1,
  "result.rating": 1,
};

/** The agreement's latest re-scorings that changed something, newest first. */
export async function agreementScoreChanges(agreementId: string | Types.ObjectId, limit = 20) {
  const records = await ScoreRecord.find({ agreementId, changes: trusted({ $ne: [] }) }, HISTORY_FIELDS)
    .sort({ computedAt: -1 })
    .limit(limit)
    .lean();
  return records.map((r) => historyEntry(r as never));
}

/** Every result the assessment was given, newest first. */
export async function assessmentScoreHistory(assessmentId: string | Types.ObjectId, limit = 20) {
  const records = await ScoreRecord.find({ assessmentId }, HISTORY_FIELDS).sort({ computedAt: -1 }).limit(limit).lean();
  return records.map((r) => historyEntry(r as never));
}
