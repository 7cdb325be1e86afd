import type { Types } from "mongoose";
import { Agreement, type AgreementData } from "#models/agreement.server";
import { Assessment, type AssessmentData } from "#models/assessment.server";
import {
  AssessmentRow,
  rowFromStored,
  heldRow,
  type HeldRow,
  type StoredAssessmentRow,
} from "#models/assessment-row.server";
import { Certification, type CertificationData } from "#models/certification.server";
import { ScoreRecord } from "#models/score-record.server";
import { todayIso } from "#models/today";
import { trusted } from "#app/lib/ids.server";
import { agreementRows, type CachedRow } from "./read-model.server";
import { rescore, rowIsStale, type Rescored } from "./scoring.server";
import { said, type Reason } from "#app/scoring/said";
import { currentLocale } from "#app/i18n/messages.server";
import { sayReason, sayReasons } from "#app/i18n/reasons";

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
  /** messages (app/scoring/said.ts) */
  changes: Reason[];
  material: boolean;
}

export interface RefreshSummary {
  /** assessments whose result was computed again */
  rescored: number;
  /** of those, the ones whose result differs from the one before */
  changed: RefreshChange[];
}

const RESCORE_CONCURRENCY = 4;

type ScoredRow = Pick<HeldRow, "id" | "agreement" | "supplier" | "score"> & Partial<Pick<HeldRow, "basis">>;

/** The certificates of the suppliers, whole (re-scoring needs all of them), in one query. */
async function certificationsFor(supplierIds: Iterable<Types.ObjectId | string>): Promise<StoredCertification[]> {
  const ids = [...new Set([...supplierIds].map(String))];
  if (ids.length === 0) return [];
  return Certification.find({ supplierOrgId: trusted({ $in: ids }) }).lean<StoredCertification[]>();
}

function bySupplier(certs: readonly StoredCertification[]): Map<string, StoredCertification[]> {
  const out = new Map<string, StoredCertification[]>();
  for (const c of certs) {
    const key = String(c.supplierOrgId);
    const list = out.get(key);
    if (list) list.push(c);
    else out.set(key, [c]);
  }
  return out;
}

async function certificationsOf(supplierIds: (Types.ObjectId | string)[]): Promise<Map<string, StoredCertification[]>> {
  return bySupplier(await certificationsFor(supplierIds));
}

/** Adds one re-scoring's outcome to the summary. */
function count(summary: RefreshSummary, assessment: StoredAssessment, outcome: Rescored): RefreshSummary {
  if (!outcome.computed) return summary;
  summary.rescored++;
  if (outcome.changes.length)
    summary.changed.push({
      assessmentId: String(assessment._id),
      supplierName: assessment.summary?.supplierName ?? "",
      changes: outcome.changes,
      material: outcome.material,
    });
  return summary;
}

/**
 * Re-scores the assessments behind `rows` whose inputs changed. Staleness is
 * decided from the small list rows (FerretDB reads whole documents to filter
 * them, and assessments are large); only a stale assessment is read, by _id.
 */
async function refreshRows(
  rows: readonly ScoredRow[],
  agreements: Map<string, StoredAgreement>,
  trigger: Reason,
  today: string,
  loaded?: Map<string, StoredCertification[]>,
): Promise<RefreshSummary & { stale: number }> {
  const summary: RefreshSummary = { rescored: 0, changed: [] };
  const scored = rows.filter((r) => r.score !== null && agreements.has(r.agreement));
  if (scored.length === 0) return { ...summary, stale: 0 };
  const certs = loaded ?? (await certificationsOf(scored.map((r) => r.supplier)));
  const stale = scored.filter((row) =>
    rowIsStale(row, agreements.get(row.agreement)!, certs.get(row.supplier) ?? [], today),
  );
  const one = async (row: ScoredRow) => {
    const agreement = agreements.get(row.agreement)!;
    const assessment = await Assessment.findById(row.id).lean<StoredAssessment>();
    if (!assessment?.result) return;
    const outcome = await rescore(assessment, agreement, {
      trigger,
      today,
      certifications: certs.get(row.supplier) ?? [],
    });
    count(summary, assessment, outcome);
  };
  // a few at a time: the database overlaps their reads and writes, without the many-writer thrashing
  // FerretDB's SQLite backend shows under dozens of concurrent writes
  for (let i = 0; i < stale.length; i += RESCORE_CONCURRENCY)
    await Promise.all(stale.slice(i, i + RESCORE_CONCURRENCY).map(one));
  return { ...summary, stale: stale.length };
}

function merge(total: RefreshSummary, one: RefreshSummary): RefreshSummary {
  return { rescored: total.rescored + one.rescored, changed: [...total.changed, ...one.changed] };
}

/**
 * Re-scores every scored assessment under the agreement whose inputs
 * (the agreement's revision, the suppliers' certificates, the day, the
 * rules) differ from what its result was computed from: after an edit, and
 * before a page or a report shows the agreement's results. One certificate
 * query for the chain; the rows come from memory.
 */
export async function refreshAgreementResults(
  agreementOrId: StoredAgreement | string | Types.ObjectId,
  trigger: Reason,
  today = todayIso(),
): Promise<RefreshSummary> {
  const agreement =
    typeof agreementOrId === "object" && "recipientOrgId" in agreementOrId
      ? agreementOrId
      : await Agreement.findById(agreementOrId).lean<StoredAgreement>();
  if (!agreement) return { rescored: 0, changed: [] };
  const rows = await agreementRows(String(agreement.recipientOrgId), String(agreement._id));
  const { rescored, changed } = await refreshRows(rows, new Map([[String(agreement._id), agreement]]), trigger, today);
  return { rescored, changed };
}

/**
 * The certificates an agreement's results are scored with (those of its
 * chain's suppliers and of every supplier with a result under it), read in
 * one query: what ensureAgreementResultsCurrent checks the results against,
 * and what a page shows of them (the ones about to expire).
 */
export interface AgreementCertifications {
  suppliers: ReadonlySet<string>;
  list: StoredCertification[];
}

/** The suppliers with a result among the rows, once per list of rows. */
const scoredSuppliers = new WeakMap<readonly CachedRow[], ReadonlySet<string>>();

function suppliersScoredIn(rows: readonly CachedRow[]): ReadonlySet<string> {
  let found = scoredSuppliers.get(rows);
  if (!found) {
    const ids = new Set<string>();
    for (const r of rows) if (r.score !== null) ids.add(r.supplier);
    scoredSuppliers.set(rows, (found = ids));
  }
  return found;
}

export async function agreementCertifications(agreement: StoredAgreement): Promise<AgreementCertifications> {
  const rows = await agreementRows(String(agreement.recipientOrgId), String(agreement._id));
  const suppliers = new Set(agreement.chain.map((l) => String(l.supplierOrgId)));
  for (const id of suppliersScoredIn(rows)) suppliers.add(id);
  return { suppliers, list: await certificationsFor(suppliers) };
}

/**
 * Per list of an agreement's rows (the read model hands out a new list
 * whenever any of the recipient's rows changes): the inputs under which none
 * of them was found stale. The same rows under the same inputs are not
 * stale now either, so the check is skipped; any change to the agreement's
 * terms, to a certificate, to the day or to a row is a different key or a
 * different list, and the rows are checked again.
 */
const verified = new WeakMap<readonly CachedRow[], string>();

function inputsKey(agreement: StoredAgreement, certs: readonly StoredCertification[], today: string): string {
  const stamps = certs
    .map(
      (c) =>
        `${String(c._id)}@${String(c.supplierOrgId)}@${c.updatedAt ? new Date(c.updatedAt).getTime() : 0}@${c.issueDate}@${c.expiryDate}`,
    )
    .sort();
  return [
    String(agreement._id),
    agreement.revision ?? 1,
    agreement.effectiveDate,
    agreement.endDate,
    today,
    stamps.join(","),
  ].join("|");
}

/**
 * Before a page shows an agreement's results; the number of results that had
 * to be computed again. `certs` (agreementCertifications) saves the query.
 */
export async function ensureAgreementResultsCurrent(
  agreement: StoredAgreement,
  now = new Date(),
  certs?: AgreementCertifications,
): Promise<number> {
  const today = todayIso(now);
  const rows = await agreementRows(String(agreement.recipientOrgId), String(agreement._id));
  const covered = certs && [...suppliersScoredIn(rows)].every((id) => certs.suppliers.has(id));
  const list = covered ? certs.list : (await agreementCertifications(agreement)).list;
  const key = inputsKey(agreement, list, today);
  if (verified.get(rows) === key) return 0;
  const outcome = await refreshRows(
    rows,
    new Map([[String(agreement._id), agreement]]),
    said("chain.trigger.outOfDate"),
    today,
    bySupplier(list),
  );
  if (outcome.stale === 0) verified.set(rows, key);
  return outcome.rescored;
}

async function agreementsById(ids: (Types.ObjectId | string)[]): Promise<Map<string, StoredAgreement>> {
  const unique = [...new Set(ids.map(String))];
  if (unique.length === 0) return new Map();
  const list = await Agreement.find({ _id: trusted({ $in: unique }) }).lean<StoredAgreement[]>();
  return new Map(list.map((a) => [String(a._id), a]));
}

async function scoredRows(filter: Record<string, unknown>): Promise<ScoredRow[]> {
  const stored = await AssessmentRow.find({ ...filter, score: trusted({ $ne: null }) }).lean<StoredAssessmentRow[]>();
  return stored.map((d) => heldRow(rowFromStored(d)));
}

/** Re-scores every scored assessment of the supplier, under every agreement (after a certificate changed). */
export async function refreshSupplierResults(
  supplierOrgId: string | Types.ObjectId,
  trigger: Reason,
  today = todayIso(),
): Promise<RefreshSummary> {
  const rows = await scoredRows({ supplierOrgId });
  const agreements = await agreementsById(rows.map((r) => r.agreement));
  const { rescored, changed } = await refreshRows(rows, agreements, trigger, today);
  return { rescored, changed };
}

/**
 * Brings one assessment's result up to date (before a reviewer decides on
 * it, or a page or report shows it); given the assessment already read, it
 * is not read again.
 */
export async function refreshAssessmentResult(
  assessmentOrId: StoredAssessment | string | Types.ObjectId,
  trigger: Reason,
  today = todayIso(),
): Promise<RefreshSummary> {
  const assessment =
    typeof assessmentOrId === "object" && "agreementId" in assessmentOrId
      ? assessmentOrId
      : await Assessment.findById(assessmentOrId).lean<StoredAssessment>();
  const summary: RefreshSummary = { rescored: 0, changed: [] };
  if (!assessment?.result) return summary;
  const agreement = await Agreement.findById(assessment.agreementId).lean<StoredAgreement>();
  if (!agreement) return summary;
  return count(summary, assessment, await rescore(assessment, agreement, { trigger, today }));
}

/**
 * The daily sweep over every scored row: results whose day window has
 * closed (a certificate's or the agreement's date has passed), results of
 * older scoring rules, and any whose agreement or certificates changed
 * without a writer re-scoring them (an instance that stopped half-way).
 */
export async function refreshDueResults(today = todayIso()): Promise<RefreshSummary> {
  const rows = await scoredRows({});
  const agreements = await agreementsById(rows.map((r) => r.agreement));
  let total: RefreshSummary = { rescored: 0, changed: [] };
  // one agreement at a time: its certificates are read once
  const byAgreement = new Map<string, ScoredRow[]>();
  for (const r of rows) byAgreement.set(r.agreement, [...(byAgreement.get(r.agreement) ?? []), r]);
  for (const group of byAgreement.values())
    total = merge(total, await refreshRows(group, agreements, said("chain.trigger.daily"), today));
  return total;
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

/** One record of the history, its trigger and reasons said in the language of the request being served. */
function historyEntry(r: {
  assessmentId: Types.ObjectId;
  supplierName: string;
  trigger: Reason;
  reasons: Reason[];
  changes: Reason[];
  material: boolean;
  computedAt: Date;
  basis: { agreementRevision: number };
  result: { score: number; rating: string };
}): ScoreHistoryEntry {
  const locale = currentLocale();
  return {
    assessmentId: String(r.assessmentId),
    supplierName: r.supplierName,
    trigger: sayReason(locale, r.trigger),
    reasons: sayReasons(locale, r.reasons),
    changes: sayReasons(locale, r.changes),
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

/** Every result the assessment was given, newest first. */
export async function assessmentScoreHistory(assessmentId: string | Types.ObjectId, limit = 20) {
  const records = await ScoreRecord.find({ assessmentId }, HISTORY_FIELDS).sort({ computedAt: -1 }).limit(limit).lean();
  return records.map((r) => historyEntry(r as never));
}
