import { promisify } from "node:util";
import zlib from "node:zlib";
import mongoose, { Schema, Types, type Model } from "mongoose";
import type { AssessmentStatus } from "./assessment-status";
import type { ScoreBasis } from "#app/scoring/freshness";
import type { Reason } from "#app/scoring/said";
import { isDuplicateKey } from "./duplicate-key";

const gzip = promisify(zlib.gzip);
const gunzip = promisify(zlib.gunzip);

/** The assessment's list fields, kept up to date on every write (the assessment's `summary`, copied into its row). */
export interface AssessmentSummary {
  supplierName: string;
  /** lower-cased supplier name for prefix search */
  supplierKey: string;
  agreementRef: string;
  score: number | null;
  rating: "low" | "medium" | "high" | "critical" | null;
  openRemediation: number;
  /** per requirement: "met" | "partially_met" | "not_met" | "not_answered", with "!" appended when overridden and the computed status after it */
  cells: Record<string, string>;
  notifyHours: number | null;
  locations: { country: string; transferMechanism: string | null }[];
  evaluationDate: string | null;
  /** when the current result was computed */
  computedAt?: Date | null;
  /** what the current result was computed from (see app/scoring/freshness.ts) */
  basis?: ScoreBasis | null;
  /** while approved: how the current result differs from the one approved (empty = it does not) */
  drift?: Reason[];
  /** the latest re-scoring that changed the result: why, what, when, against which agreement revision */
  lastChange?: LastScoreChange | null;
}

export interface LastScoreChange {
  /** what started it: a message (an English phrase in rows written before) */
  trigger: Reason;
  changes: Reason[];
  computedAt: string;
  agreementRevision: number;
}

/**
 * The list view of an assessment: a small document per assessment (same _id),
 * written through whenever the assessment's status, score or due date changes.
 * Lists, dashboards and jobs read these instead of the full assessments, which
 * carry answers and score snapshots tens of kilobytes large: FerretDB v1 reads
 * whole documents to filter them, so scanning the small rows is ~50× cheaper.
 *
 * Each write also appends to the organisation's change feed, so an app
 * instance can keep the rows in memory and apply only what changed (see
 * app/features/assessments/read-model.server.ts).
 */
export interface AssessmentRowData extends AssessmentSummary {
  _id: Types.ObjectId;
  ownerOrgId: Types.ObjectId;
  supplierOrgId: Types.ObjectId;
  agreementId: Types.ObjectId;
  status: AssessmentStatus;
  dueDate: string;
  revision: number;
  updatedAt: Date;
  /** when the assessment was last approved, while it is approved (rows written before it existed lack it) */
  approvedAt?: Date | null;
}

/**
 * As stored: `cells` and `locations` are kept as JSON strings. FerretDB v1
 * decodes every field of every document it scans, and these two carry ~50
 * fields per row; as two strings a full read of an organisation's rows takes
 * half the time. Read rows with `rowFromStored`.
 */
export type StoredAssessmentRow = Omit<AssessmentRowData, "cells" | "locations" | "basis" | "drift" | "lastChange"> & {
  cellsJson: string;
  locationsJson: string;
  basisJson?: string;
  driftJson?: string;
  lastChangeJson?: string;
};

const rowSchema = new Schema<StoredAssessmentRow>(
  {
    ownerOrgId: { type: Schema.Types.ObjectId, required: true },
    supplierOrgId: { type: Schema.Types.ObjectId, required: true },
    agreementId: { type: Schema.Types.ObjectId, required: true },
    status: { type: String, required: true },
    dueDate: { type: String, required: true },
    supplierName: { type: String, default: "" },
    supplierKey: { type: String, default: "" },
    agreementRef: { type: String, default: "" },
    score: { type: Number, default: null },
    rating: { type: String, default: null },
    openRemediation: { type: Number, default: 0 },
    cellsJson: { type: String, default: "{}" },
    notifyHours: { type: Number, default: null },
    locationsJson: { type: String, default: "[]" },
    evaluationDate: { type: String, default: null },
    computedAt: { type: Date, default: null },
    basisJson: { type: String, default: "null" },
    driftJson: { type: String, default: "[]" },
    lastChangeJson: { type: String, default: "null" },
    revision: { type: Number, default: 0 },
    updatedAt: { type: Date, required: true },
    approvedAt: { type: Date, default: null },
  },
  { versionKey: false, collection: "assessment_rows", minimize: false },
);
rowSchema.index({ ownerOrgId: 1, dueDate: 1 });
rowSchema.index({ agreementId: 1, supplierOrgId: 1 });
rowSchema.index({ supplierOrgId: 1 });
rowSchema.index({ status: 1, dueDate: 1 });

function parseJson<T>(text: unknown, fallback: T): T {
  if (typeof text !== "string") return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** A stored row as the application uses it. */
export function rowFromStored(doc: StoredAssessmentRow & { cells?: unknown; locations?: unknown }): AssessmentRowData {
  const { cellsJson, locationsJson, basisJson, driftJson, lastChangeJson, ...rest } = doc;
  return {
    ...rest,
    basis: parseJson<ScoreBasis | null>(basisJson, null),
    drift: parseJson<Reason[]>(driftJson, []),
    lastChange: parseJson<LastScoreChange | null>(lastChangeJson, null),
    cells: parseJson<Record<string, string>>(cellsJson, (doc.cells as Record<string, string>) ?? {}),
    locations: parseJson<AssessmentRowData["locations"]>(
      locationsJson,
      (doc.locations as AssessmentRowData["locations"]) ?? [],
    ),
  };
}

/**
 * A row as a process holds it (the dashboards' read model, the snapshots):
 * the ids as hex strings only (four ObjectIds per row are eight objects; at
 * 100,000 rows most of what the garbage collector had to move), the
 * organisation left out (it is the holder's), and the time of the last
 * change also as epoch ms, so that comparisons in sorts stay cheap.
 */
export interface HeldRow extends Omit<AssessmentRowData, "_id" | "ownerOrgId" | "supplierOrgId" | "agreementId"> {
  id: string;
  agreement: string;
  supplier: string;
  updatedMs: number;
}

/**
 * One copy of each of the few strings that recur in every row (a cell's
 * status, a row's status, rating, agreement reference): JSON.parse gives
 * each occurrence a string of its own, and at 100,000 rows of 45 cells those
 * copies were 80 MiB (measured). Bounded, in case a field turns out varied.
 */
const canonical = new Map<string, string>();
const MAX_CANONICAL = 10_000;

function shared(value: string): string {
  const known = canonical.get(value);
  if (known !== undefined) return known;
  if (canonical.size < MAX_CANONICAL) canonical.set(value, value);
  return value;
}

function shareCells(cells: Record<string, string> | undefined): void {
  if (cells) for (const k in cells) cells[k] = shared(cells[k]);
}

function shareBasis(basis: ScoreBasis | null | undefined): void {
  if (!basis) return;
  basis.rules = shared(basis.rules);
  basis.templateVersion = shared(basis.templateVersion);
  basis.catalogueVersion = shared(basis.catalogueVersion);
  basis.evaluationDate = shared(basis.evaluationDate);
  if (basis.validUntil) basis.validUntil = shared(basis.validUntil);
}

function shareDetails(row: { cells?: Record<string, string>; basis?: ScoreBasis | null }): void {
  shareCells(row.cells);
  shareBasis(row.basis);
}

function shareListFields(row: { status: string; rating: string | null; agreementRef: string }): void {
  row.status = shared(row.status);
  if (row.rating) row.rating = shared(row.rating);
  row.agreementRef = shared(row.agreementRef);
}

export function heldRow(row: AssessmentRowData): HeldRow {
  const { _id, ownerOrgId: _owner, supplierOrgId, agreementId, ...rest } = row;
  shareDetails(rest);
  shareListFields(rest);
  return {
    ...rest,
    id: String(_id),
    agreement: String(agreementId),
    supplier: String(supplierOrgId),
    updatedMs: new Date(row.updatedAt).getTime(),
  };
}

/** The stored form of a row. */
export function rowToStored(
  row: Omit<AssessmentRowData, "_id"> & { _id?: Types.ObjectId },
): Omit<StoredAssessmentRow, "_id"> & { _id?: Types.ObjectId } {
  const { cells, locations, basis, drift, lastChange, ...rest } = row;
  return {
    ...rest,
    cellsJson: JSON.stringify(cells ?? {}),
    locationsJson: JSON.stringify(locations ?? []),
    basisJson: JSON.stringify(basis ?? null),
    driftJson: JSON.stringify(drift ?? []),
    lastChangeJson: JSON.stringify(lastChange ?? null),
  };
}

export const AssessmentRow: Model<StoredAssessmentRow> =
  (mongoose.models.AssessmentRow as Model<StoredAssessmentRow>) ??
  mongoose.model<StoredAssessmentRow>("AssessmentRow", rowSchema);

/**
 * The change feed of the rows: every write to an organisation's rows appends
 * one entry with the next sequence number, `_id` "<orgId>:<seq>". The insert
 * of that _id is the claim, so each number is taken exactly once, also across
 * app instances on FerretDB (where conditional updates are not atomic). A
 * reader that has applied up to n looks up "<orgId>:<n+1>" by _id: one indexed
 * lookup per request tells it whether anything changed, and which rows.
 * rowId "*" asks readers to read all the organisation's rows again.
 * Entries are deleted once no one needs them (pruneRowChanges).
 */
interface ChangeData {
  _id: string;
  orgId: string;
  seq: number;
  rowId: string;
  at: Date;
}
const changeSchema = new Schema<ChangeData>(
  {
    _id: { type: String },
    orgId: { type: String, required: true },
    seq: { type: Number, required: true },
    rowId: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false, collection: "read_model_changes" },
);
export const RowChange: Model<ChangeData> =
  (mongoose.models.RowChange as Model<ChangeData>) ?? mongoose.model<ChangeData>("RowChange", changeSchema);

/** Per organisation, a hint of the latest sequence number (writers start probing there). */
interface TokenData {
  _id: string;
  seq: number;
}
const tokenSchema = new Schema<TokenData>(
  { _id: { type: String }, seq: { type: Number, default: 0 } },
  { versionKey: false, collection: "read_model_tokens" },
);
export const ReadModelToken: Model<TokenData> =
  (mongoose.models.ReadModelToken as Model<TokenData>) ?? mongoose.model<TokenData>("ReadModelToken", tokenSchema);

export function changeId(orgId: string, seq: number): string {
  return `${orgId}:${seq}`;
}

/** The latest sequence number known to the hint (it may lag by a few: readers probe forward). */
export async function latestChangeHint(orgId: string): Promise<number> {
  return (await ReadModelToken.findById(orgId, { seq: 1 }).lean())?.seq ?? 0;
}

const localListeners = new Set<(orgId: string) => void>();
/** Called after this process appended to an organisation's feed (its own cache then looks at once). */
export function onLocalRowChange(listener: (orgId: string) => void): void {
  localListeners.add(listener);
}

/** Appends a change of one row (or "*" for all) to the organisation's feed. */
export async function recordRowChange(orgId: string, rowId: string): Promise<number> {
  let seq = (await latestChangeHint(orgId)) + 1;
  for (let attempt = 0; ; attempt++) {
    // numbers must stay gap-free (readers stop at the first missing one): when the hint is far
    // behind, find the first free number by lookups (galloping, then halving) and claim from there
    if (attempt === 8) seq = await firstFreeSeq(orgId, seq - 1);
    try {
      await RowChange.create({ _id: changeId(orgId, seq), orgId, seq, rowId, at: new Date() });
      break;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      seq++;
    }
  }
  // move the hint forward; a lost race leaves it a little behind, which only costs a probe or two
  const moved = await ReadModelToken.updateOne({ _id: orgId, seq: mongoose.trusted({ $lt: seq }) }, { $set: { seq } });
  if (moved.matchedCount === 0) await ReadModelToken.create({ _id: orgId, seq }).catch(() => undefined);
  for (const listener of localListeners) listener(orgId);
  return seq;
}

/** The first free number after `taken`, a number known to be taken (numbers are taken without gaps). */
async function firstFreeSeq(orgId: string, taken0: number): Promise<number> {
  const taken = async (n: number) => (await RowChange.exists({ _id: changeId(orgId, n) })) !== null;
  let low = taken0;
  let step = 1;
  while (await taken(low + step)) {
    low += step;
    step *= 2;
  }
  let high = low + step; // free
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (await taken(mid)) low = mid;
    else high = mid;
  }
  return high;
}

/**
 * How long the feed's entries are kept at least. A reader that has not
 * looked at the feed for a fraction of this checks whether the entry it
 * waits for was pruned (app/features/assessments/read-model.server.ts).
 */
export const ROW_CHANGE_RETENTION_DAYS = 7;

/**
 * A snapshot further behind the feed than this many changes is not used
 * (reading the rows costs no more than applying so many changes), so it
 * does not hold the pruning of the feed back either.
 */
export const SNAPSHOT_MAX_LAG = 200;

/** organisations pruned by one delete (one scan of the feed on FerretDB, where only _id look-ups are pushed down) */
const PRUNE_ORGS_AT_ONCE = 100;

/**
 * Deletes the feed's entries made before `before` that no one needs any
 * more, so that the feed does not grow without bound. Per organisation
 * (those with a hint: one whose first entry's writer stopped before making
 * the hint is left alone, as writers would start again from 1), entries
 * below a floor go; kept are:
 * - the hint's entry and all after it: writers claim numbers by probing
 *   from the one after the hint, so a deleted number there would be taken
 *   a second time (a reader that applied the first would miss the second),
 *   and a reader that read the rows at the hint snapshots at its entry;
 * - the entry the organisation's snapshot names and all after it, while
 *   the snapshot is close enough to the feed's end to be used: a starting
 *   instance checks that entry and applies the ones after it.
 * The hint may lag behind the newest entry (a lost race; on FerretDB, where
 * conditional updates are not atomic, it may even move back a little), but
 * only to an entry made moments before: never back past one old enough to
 * be pruned. A reader whose next entry was pruned reads the rows
 * again (the read model notices: the hint is past that entry).
 */
export async function pruneRowChanges(before: Date): Promise<number> {
  const hints = await ReadModelToken.find({}, { seq: 1 }).lean();
  const below: { orgId: string; seq: { $lt: number } }[] = [];
  for (const { _id: orgId, seq: hint } of hints) {
    let floor = hint ?? 0;
    const pointer = await RowSnapshot.findById(orgId, { seq: 1, format: 1 }).lean();
    if (pointer?.seq && pointer.format === SNAPSHOT_FORMAT && floor - pointer.seq <= SNAPSHOT_MAX_LAG)
      floor = Math.min(floor, pointer.seq);
    if (floor > 1) below.push({ orgId, seq: mongoose.trusted({ $lt: floor }) });
  }
  let deleted = 0;
  for (let i = 0; i < below.length; i += PRUNE_ORGS_AT_ONCE) {
    const result = await RowChange.deleteMany({
      at: mongoose.trusted({ $lt: before }),
      $or: below.slice(i, i + PRUNE_ORGS_AT_ONCE),
    });
    deleted += result.deletedCount;
  }
  return deleted;
}

/** Asks every reader to read the organisation's rows again (after a bulk load). */
export async function touchReadModel(orgId: string): Promise<void> {
  await recordRowChange(orgId, "*");
}

/** Rewrites the row from the assessment as it is now, then marks the owner's read model changed. */
export async function syncAssessmentRow(id: Types.ObjectId | string): Promise<void> {
  const Assessment = mongoose.model("Assessment");
  const a = await Assessment.findById(id, {
    ownerOrgId: 1,
    supplierOrgId: 1,
    agreementId: 1,
    status: 1,
    dueDate: 1,
    summary: 1,
    revision: 1,
    updatedAt: 1,
    history: 1,
  }).lean<
    Pick<
      AssessmentRowData,
      "_id" | "ownerOrgId" | "supplierOrgId" | "agreementId" | "status" | "dueDate" | "revision"
    > & {
      updatedAt?: Date;
      history?: { to: AssessmentStatus; at: Date }[];
      summary?: Partial<AssessmentSummary>;
    }
  >();
  if (!a) return;
  const approval = a.status === "approved" ? (a.history ?? []).filter((h) => h.to === "approved").at(-1) : undefined;
  await AssessmentRow.updateOne(
    { _id: a._id },
    {
      $set: {
        ownerOrgId: a.ownerOrgId,
        supplierOrgId: a.supplierOrgId,
        agreementId: a.agreementId,
        status: a.status,
        dueDate: a.dueDate,
        supplierName: a.summary?.supplierName ?? "",
        supplierKey: a.summary?.supplierKey ?? "",
        agreementRef: a.summary?.agreementRef ?? "",
        score: a.summary?.score ?? null,
        rating: a.summary?.rating ?? null,
        openRemediation: a.summary?.openRemediation ?? 0,
        cellsJson: JSON.stringify(a.summary?.cells ?? {}),
        notifyHours: a.summary?.notifyHours ?? null,
        locationsJson: JSON.stringify(a.summary?.locations ?? []),
        evaluationDate: a.summary?.evaluationDate ?? null,
        computedAt: a.summary?.computedAt ?? null,
        basisJson: JSON.stringify(a.summary?.basis ?? null),
        driftJson: JSON.stringify(a.status === "approved" ? (a.summary?.drift ?? []) : []),
        lastChangeJson: JSON.stringify(a.summary?.lastChange ?? null),
        revision: a.revision,
        updatedAt: a.updatedAt ?? new Date(),
        approvedAt: approval?.at ?? null,
      },
    },
    { upsert: true },
  );
  await recordRowChange(String(a.ownerOrgId), String(a._id));
}

/**
 * A snapshot of an organisation's rows as of one feed number, so that an app
 * instance that starts does not read every row document: FerretDB v1 spends
 * a fixed cost on each document it returns (10,000 rows: seconds, whatever
 * their size), while a few large binary documents come back in a fraction
 * of that. The snapshot is a copy of what the readers build from the rows,
 * never the source: a reader checks it against the feed (the change it
 * names must still be there, unchanged) and applies the changes made after
 * it, or reads the rows themselves when it is missing, doubtful or far
 * behind. Parts are written first under a fresh key, then the pointer
 * (`_id` = the organisation) names them; the parts of the previous snapshot
 * are then deleted (a reader that misses one reads the rows instead).
 */
interface SnapshotData {
  _id: string;
  /** pointer: the feed number the snapshot is current to, and that change's own record */
  seq?: number;
  changeAt?: Date;
  changeRowId?: string;
  key?: string;
  parts?: number;
  format?: number;
  /** part: gzipped JSON array of rows, the organisation and when it was written (to clear parts left by a stopped writer) */
  data?: Buffer;
  orgId?: string;
  at?: Date;
}
const snapshotSchema = new Schema<SnapshotData>(
  {
    _id: { type: String },
    seq: Number,
    changeAt: Date,
    changeRowId: String,
    key: String,
    parts: Number,
    format: Number,
    data: Buffer,
    orgId: String,
    at: Date,
  },
  { versionKey: false, collection: "read_model_snapshots" },
);
snapshotSchema.index({ orgId: 1 });
export const RowSnapshot: Model<SnapshotData> =
  (mongoose.models.RowSnapshot as Model<SnapshotData>) ?? mongoose.model<SnapshotData>("RowSnapshot", snapshotSchema);

/** 4: held rows (ids as strings) in the dashboard's first order, list fields and details in parts of their own */
const SNAPSHOT_FORMAT = 4;
const SNAPSHOT_PART_ROWS = 2000;
/** parts older than this that no pointer names were left by a writer that stopped */
const ORPHAN_MS = 15 * 60 * 1000;

/** parts decompressed ahead of the one being parsed (zlib runs on libuv's threads, beside the parsing) */
const SNAPSHOT_INFLATE_AHEAD = 3;

type SnapshotPart = { data?: unknown } | null;

/**
 * The parts `ids`, each parsed and handed to `use` in order; false when one
 * is missing (a snapshot being replaced). Every part is asked for at once
 * (the database works on them while this process parses), a few are
 * decompressed ahead of the parsing, so only those are ever held.
 */
async function eachPart(ids: string[], use: (i: number, parsed: unknown[]) => void): Promise<boolean> {
  const fetched = ids.map((id) => RowSnapshot.findById(id, { data: 1 }).lean<SnapshotPart>().exec());
  fetched.forEach((f) => f.catch(() => {})); // awaited below; not an unhandled rejection meanwhile
  const inflated: (Promise<Buffer | null> | undefined)[] = [];
  const inflate = (i: number) => {
    if (i >= fetched.length || inflated[i]) return;
    const started = fetched[i].then((part) => {
      if (!part?.data) return null;
      const raw = part.data as Buffer | { buffer: Uint8Array };
      const bytes = Buffer.isBuffer(raw)
        ? raw
        : Buffer.from(raw.buffer.buffer, raw.buffer.byteOffset, raw.buffer.byteLength);
      return gunzip(bytes);
    });
    started.catch(() => {});
    inflated[i] = started;
  };
  for (let i = 0; i < fetched.length; i++) {
    for (let k = i; k <= i + SNAPSHOT_INFLATE_AHEAD; k++) inflate(k);
    const text = await inflated[i]!;
    inflated[i] = undefined;
    if (!text) return false;
    use(i, JSON.parse(text.toString("latin1")) as unknown[]);
  }
  return true;
}

/**
 * Reads the organisation's snapshot in two steps: the rows' list fields
 * now, each row handed to `take` as it is decoded (`take` may keep and
 * extend it: it is the row's only copy), and what only an agreement's page
 * needs (DETAIL_FIELDS) when `details()` is called, written into those same
 * row objects; `details()` says false when the snapshot was replaced
 * meanwhile and the rows must be read otherwise. Null when there is no
 * snapshot that can be trusted.
 */
export async function readRowSnapshot(
  orgId: string,
  take: (row: HeldRow) => void,
): Promise<{ seq: number; details: () => Promise<boolean> } | null> {
  const pointer = await RowSnapshot.findById(orgId, { data: 0 }).lean();
  if (!pointer?.key || pointer.format !== SNAPSHOT_FORMAT || !pointer.seq || !pointer.parts) return null;
  // the feed entry it names must be the one it was taken after (a restored or reset feed is not)
  const change = await RowChange.findById(changeId(orgId, pointer.seq), { rowId: 1, at: 1 }).lean();
  if (!change || change.rowId !== pointer.changeRowId || change.at?.getTime() !== pointer.changeAt?.getTime())
    return null;
  const { key, parts } = pointer;
  const held: HeldRow[][] = [];
  const listed = await eachPart(partIds(key, parts, "list"), (i, list) => {
    held[i] = list.map((r) => rowFromSnapshot(r as Record<string, unknown>));
    for (const row of held[i]) take(row);
  });
  if (!listed) return null;
  const details = () =>
    eachPart(partIds(key, parts, "detail"), (i, list) => {
      const rows = held[i];
      list.forEach((d, k) => {
        const values = d as unknown[];
        const row = rows[k] as unknown as Record<string, unknown>;
        DETAIL_FIELDS.forEach((f, j) => (row[f] = values[j]));
        shareDetails(row as { cells?: Record<string, string>; basis?: ScoreBasis | null });
      });
      held[i] = [];
    });
  return { seq: pointer.seq, details };
}

/** Writes a snapshot of `rows` as of feed number `seq` and points to it (unless a newer one is there). */
export async function writeRowSnapshot(orgId: string, seq: number, rows: readonly HeldRow[]): Promise<void> {
  const change = await RowChange.findById(changeId(orgId, seq), { rowId: 1, at: 1 }).lean();
  if (!change) return;
  const key = `${orgId}:${seq}:${new Types.ObjectId()}`;
  let parts = 0;
  for (let i = 0; i < rows.length || parts === 0; i += SNAPSHOT_PART_ROWS, parts++) {
    const slice = rows.slice(i, i + SNAPSHOT_PART_ROWS);
    const at = new Date();
    await RowSnapshot.create({ _id: partId(key, parts, "list"), orgId, at, data: await packed(slice.map(listOf)) });
    await RowSnapshot.create({ _id: partId(key, parts, "detail"), orgId, at, data: await packed(slice.map(detailOf)) });
  }
  const previous = await RowSnapshot.findById(orgId, { data: 0 }).lean();
  if (previous?.seq && previous.format === SNAPSHOT_FORMAT && previous.seq >= seq) {
    await RowSnapshot.deleteMany({ _id: mongoose.trusted({ $in: allPartIds(key, parts) }) });
    return;
  }
  const pointer = { seq, changeAt: change.at, changeRowId: change.rowId, key, parts, format: SNAPSHOT_FORMAT };
  await RowSnapshot.updateOne({ _id: orgId }, { $set: pointer }, { upsert: true });
  if (previous?.key && previous.parts)
    await RowSnapshot.deleteMany({ _id: mongoose.trusted({ $in: allPartIds(previous.key, previous.parts) }) });
  const orphans = await RowSnapshot.find({ orgId }, { _id: 1, at: 1 }).lean();
  const stale = orphans.filter((p) => !p._id.startsWith(`${key}:`) && (p.at?.getTime() ?? 0) < Date.now() - ORPHAN_MS);
  if (stale.length) await RowSnapshot.deleteMany({ _id: mongoose.trusted({ $in: stale.map((p) => p._id) }) });
}

/** JSON, escaped to ASCII (a one-byte string decodes and parses faster, ~1.3x measured; names are often not ASCII), gzipped. */
async function packed(value: unknown): Promise<Buffer> {
  const json = JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return gzip(Buffer.from(json));
}

function partId(key: string, i: number, kind: "list" | "detail"): string {
  return kind === "list" ? `${key}:${i}` : `${key}:d${i}`;
}

function partIds(key: string, parts: number, kind: "list" | "detail"): string[] {
  return Array.from({ length: parts }, (_, i) => partId(key, i, kind));
}

function allPartIds(key: string, parts: number): string[] {
  return [...partIds(key, parts, "list"), ...partIds(key, parts, "detail")];
}

const DATE_FIELDS = ["updatedAt", "computedAt", "approvedAt"] as const;

/** What the dashboards' lists need of a held row, in this order (objects of one shape share their layout in memory). */
const LIST_FIELDS = [
  "id",
  "agreement",
  "supplier",
  "status",
  "dueDate",
  "supplierName",
  "supplierKey",
  "agreementRef",
  "score",
  "rating",
  "openRemediation",
  "notifyHours",
  "evaluationDate",
  "computedAt",
  "drift",
  "revision",
  "updatedAt",
  "updatedMs",
  "approvedAt",
] as const satisfies readonly (keyof HeldRow)[];

/** What only an agreement's page (its matrix, the freshness of its results) needs: read after the lists. */
export const DETAIL_FIELDS = [
  "cells",
  "locations",
  "basis",
  "lastChange",
] as const satisfies readonly (keyof HeldRow)[];
export type DetailField = (typeof DETAIL_FIELDS)[number];

// a field added to the rows and to neither list fails to compile here, rather than vanish on a restart
const snapshotKeepsEveryField: [
  Exclude<keyof HeldRow, (typeof LIST_FIELDS)[number] | (typeof DETAIL_FIELDS)[number]>,
] extends [never]
  ? true
  : false = true;
void snapshotKeepsEveryField;

function listOf(row: HeldRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of LIST_FIELDS) if (row[f] !== undefined) out[f] = row[f];
  for (const f of DATE_FIELDS) out[f] = row[f] ? new Date(row[f]!).getTime() : row[f];
  return out;
}

function detailOf(row: HeldRow): unknown[] {
  return DETAIL_FIELDS.map((f) => row[f] ?? null);
}

/** In place: the parsed object becomes the row (its detail fields follow). */
function rowFromSnapshot(r: Record<string, unknown>): HeldRow {
  for (const f of DATE_FIELDS) if (typeof r[f] === "number") r[f] = new Date(r[f] as number);
  const row = r as unknown as HeldRow;
  shareListFields(row);
  return row;
}
