import {
  AssessmentRow,
  changeId,
  heldRow,
  latestChangeHint,
  onLocalRowChange,
  readRowSnapshot,
  RowChange,
  ROW_CHANGE_RETENTION_DAYS,
  rowFromStored,
  SNAPSHOT_MAX_LAG,
  writeRowSnapshot,
  type DetailField,
  type HeldRow,
  type StoredAssessmentRow,
} from "#models/assessment-row.server";
import { getEnv } from "#app/lib/env.server";

/**
 * An organisation's assessment rows, held in this process's memory and kept
 * current through the organisation's change feed (models/assessment-row):
 * each request looks up the next feed entry by _id (one indexed lookup) and
 * re-reads only the rows that changed, from whichever app instance wrote
 * them. A full read happens once per organisation and process (FerretDB v1
 * scans every row to answer any filter on them, seconds at 10,000 rows), or
 * when the feed asks for it.
 *
 * Filtering, sorting, counting and paging then run in memory; orderings and
 * other derived values are memoised until the rows change.
 *
 * The full read starts from the organisation's snapshot when there is one
 * (a few large documents instead of one per row, see RowSnapshot) and
 * applies the feed after it; an instance that read the rows themselves, or
 * has applied many changes since the snapshot, writes a new one in the
 * background. Nothing is read before an organisation's first request.
 *
 * The feed is looked at most every FLOWDOWN_READ_MODEL_CHECK_MS (250 ms by
 * default) per organisation, and at once after a write made by this process:
 * a change made by another instance shows within that interval, one made
 * through this instance on the very next request.
 *
 * The feed is pruned (ROW_CHANGE_RETENTION_DAYS): a reader that has not
 * looked for a while makes sure the entry it waits for is not one of those
 * (nextPruned), and reads the rows again if it is.
 */

/** A row as held in memory (see HeldRow). */
export type CachedRow = HeldRow;
/** What a list-only reader may use of a row: not the details, which may still be on their way. */
export type ListRow = Omit<CachedRow, DetailField>;

export interface OrgReadModel<Row extends ListRow = CachedRow> {
  rows: readonly Row[];
  /** changes whenever the rows change */
  version: number;
  /** a value derived from the rows, computed once per version */
  memo<T>(key: string, compute: (rows: readonly Row[]) => T): T;
}

interface Entry {
  orgId: string;
  rows: Map<string, CachedRow>;
  list: CachedRow[] | null;
  seq: number;
  version: number;
  memos: Map<string, unknown>;
  loaded: boolean;
  running: Promise<void> | null;
  queued: Promise<void> | null;
  /** when the last look at the feed started; 0 = look on the next request */
  checkedAt: number;
  /** the feed number of the latest snapshot this process read or wrote */
  snapshotSeq: number;
  snapshotting: boolean;
  /** the snapshot's details (cells, basis, ...) still being read into the rows */
  details: Promise<void> | null;
  /** the snapshot could not be read whole: read the rows themselves */
  snapshotFailed: boolean;
  /**
   * when a look began that found no entry after the `seq` of then (0: none since the last full read);
   * every entry after it, so every entry after `seq`, was made after that moment
   */
  nextMissingAt: number;
}

const cache = new Map<string, Entry>();
const MAX_ORGS = 200;
/** more changes than this since the last look: read everything again instead (as many as a usable snapshot may lag) */
const MAX_INCREMENTAL = SNAPSHOT_MAX_LAG;
/** a new snapshot after this many changes (well within SNAPSHOT_MAX_LAG: a starting instance catches up) */
const SNAPSHOT_EVERY = 100;
/** smaller organisations read their rows faster than a snapshot would save */
const SNAPSHOT_MIN_ROWS = 500;
/** feed entries (and changed rows) read at once while catching up */
const PARALLEL_READS = 16;
const checkMs = () => getEnv().FLOWDOWN_READ_MODEL_CHECK_MS;
/**
 * A reader that last found its next entry missing longer ago than this
 * checks whether it was pruned. Sound because the pruner deletes only
 * entries older than ROW_CHANGE_RETENTION_DAYS (7): an entry that a look
 * found missing was made after that look began (give or take the clocks
 * of two instances and the time of one insert), so within the hour since
 * it is days too young to be pruned, and so is every entry made after it.
 * (An hour, or a 24th of the retention should that ever be shorter.)
 */
const PRUNED_CHECK_MS = Math.min(60 * 60 * 1000, (ROW_CHANGE_RETENTION_DAYS * 86_400_000) / 24);

onLocalRowChange((orgId) => {
  const entry = cache.get(orgId);
  if (entry) entry.checkedAt = 0;
});

function cached(doc: StoredAssessmentRow): CachedRow {
  return heldRow(rowFromStored(doc));
}

async function loadAll(entry: Entry, fromSnapshot: boolean): Promise<void> {
  // the hint first: changes made during the read are then applied again by the probing (harmlessly)
  const hint = await latestChangeHint(entry.orgId);
  // the entries after a snapshot (or after a lagging hint) were never seen missing: they may have been pruned
  entry.nextMissingAt = 0;
  if (fromSnapshot) {
    const rows = new Map<string, CachedRow>();
    const snapshot = await readRowSnapshot(entry.orgId, (row) => rows.set(row.id, row)).catch((error: unknown) => {
      console.error("could not read the dashboards' snapshot, reading the rows", error);
      return null;
    });
    if (snapshot && hint - snapshot.seq <= SNAPSHOT_MAX_LAG) {
      entry.rows = rows;
      entry.seq = entry.snapshotSeq = snapshot.seq;
      entry.loaded = true;
      changed(entry);
      // the lists can be served now; an agreement's page waits for the rest (orgReadModel)
      entry.details = snapshot
        .details()
        .then((whole) => {
          if (!whole) throw new Error("parts of the snapshot were gone when its details were read");
        })
        .catch((error: unknown) => {
          console.error("could not read the dashboards' snapshot, reading the rows", error);
          entry.snapshotFailed = true;
          entry.loaded = false;
          entry.checkedAt = 0;
        })
        .finally(() => {
          entry.details = null;
        });
      return;
    }
  }
  // a batch at a time: the stored documents are not all held at once beside the rows built from them
  const rows = new Map<string, CachedRow>();
  const cursor = AssessmentRow.find({ ownerOrgId: entry.orgId })
    .lean<StoredAssessmentRow[]>()
    .cursor({ batchSize: 1000 });
  for await (const d of cursor) rows.set(String(d._id), cached(d as unknown as StoredAssessmentRow));
  entry.rows = rows;
  entry.seq = hint;
  entry.snapshotSeq = -1; // read from the rows: worth a snapshot
  entry.loaded = true;
  changed(entry);
}

function changed(entry: Entry) {
  entry.version++;
  entry.list = null;
  entry.memos.clear();
}

/** The feed's entries from `from` on, in order, up to the first number not taken yet (read a few at once). */
async function changesFrom(orgId: string, from: number, max: number): Promise<string[]> {
  const rowIds: string[] = [];
  // usually nothing changed: one look-up; after a change, several at once
  for (let next = from, n = 1; rowIds.length < max; next += n, n = PARALLEL_READS) {
    const found = await Promise.all(
      Array.from({ length: n }, (_, i) => RowChange.findById(changeId(orgId, next + i), { rowId: 1 }).lean()),
    );
    for (const change of found) {
      if (!change) return rowIds;
      rowIds.push(change.rowId);
    }
  }
  return rowIds;
}

/**
 * Whether the feed's entry after `seq`, just found missing, was deleted
 * (pruned) rather than not made yet. A hint past `seq` names an entry that
 * was made, and numbers are taken without gaps: so the entry after `seq`
 * was made before the hint was read, and missing after that it is gone.
 */
async function nextPruned(orgId: string, seq: number): Promise<boolean> {
  if ((await latestChangeHint(orgId)) <= seq) return false;
  return (await RowChange.exists({ _id: changeId(orgId, seq + 1) })) === null;
}

async function catchUp(entry: Entry): Promise<void> {
  if (!entry.loaded) await loadAll(entry, !entry.snapshotFailed);
  for (;;) {
    const from = entry.seq + 1;
    const lookedAt = Date.now();
    const changes = await changesFrom(entry.orgId, from, MAX_INCREMENTAL + 1);
    if (changes.length === 0) {
      // usually one look-up; the hint as well after a full read, and once an hour at most
      if (lookedAt - entry.nextMissingAt >= PRUNED_CHECK_MS && (await nextPruned(entry.orgId, entry.seq))) {
        await loadAll(entry, false);
        continue;
      }
      entry.nextMissingAt = lookedAt;
      break;
    }
    if (changes.includes("*") || changes.length > MAX_INCREMENTAL) {
      await loadAll(entry, false);
      // the rows were read after these changes were recorded (the hint may lag behind them)
      entry.seq = Math.max(entry.seq, from + changes.length - 1);
      continue;
    }
    const rowIds = [...new Set(changes)];
    for (let i = 0; i < rowIds.length; i += PARALLEL_READS) {
      const batch = rowIds.slice(i, i + PARALLEL_READS);
      const docs = await Promise.all(batch.map((id) => AssessmentRow.findById(id).lean<StoredAssessmentRow>()));
      batch.forEach((id, k) => {
        const doc = docs[k];
        if (doc && String(doc.ownerOrgId) === entry.orgId) entry.rows.set(id, cached(doc));
        else entry.rows.delete(id);
      });
    }
    entry.seq += changes.length;
    changed(entry);
  }
  maybeSnapshot(entry);
}

/** Writes a snapshot in the background when the rows were read whole, or many changes were applied since the last. */
function maybeSnapshot(entry: Entry) {
  // (not while the rows still wait for their details)
  if (entry.details || entry.snapshotting || entry.seq <= 0 || entry.rows.size < SNAPSHOT_MIN_ROWS) return;
  if (entry.snapshotSeq >= 0 && entry.seq - entry.snapshotSeq < SNAPSHOT_EVERY) return;
  const seq = entry.seq;
  // in the order the dashboard opens with (due date, then id): a process starting from the snapshot
  // holds its rows in that order, and the dashboard's first sort finds them sorted
  const rows = [...entry.rows.values()].sort((a, b) =>
    a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  entry.snapshotting = true;
  // taken now, so that a failure does not make every request try again
  entry.snapshotSeq = seq;
  void writeRowSnapshot(entry.orgId, seq, rows)
    .catch((error: unknown) => console.error("could not write the dashboards' snapshot", error))
    .finally(() => {
      entry.snapshotting = false;
    });
}

/**
 * Brings the entry up to date with every change made before this call. A
 * look already under way may have missed a change made just before this
 * call, so callers arriving during one share the next look.
 */
function refresh(entry: Entry): Promise<void> {
  if (!entry.running) {
    entry.checkedAt = Date.now();
    entry.running = catchUp(entry).finally(() => {
      entry.running = null;
    });
    return entry.running;
  }
  entry.queued ??= entry.running
    .catch(() => undefined)
    .then(() => {
      entry.queued = null;
      return refresh(entry);
    });
  return entry.queued;
}

/**
 * The organisation's rows, current. A list-only reader (the dashboards)
 * gets them as soon as their list fields are read; every other reader
 * waits for the whole rows.
 */
export async function orgReadModel(orgId: string, opts: { listOnly: true }): Promise<OrgReadModel<ListRow>>;
export async function orgReadModel(orgId: string, opts?: { listOnly?: false }): Promise<OrgReadModel>;
export async function orgReadModel(orgId: string, opts: { listOnly?: boolean } = {}): Promise<OrgReadModel> {
  let entry = cache.get(orgId);
  if (!entry) {
    entry = {
      orgId,
      rows: new Map(),
      list: null,
      seq: 0,
      version: 0,
      memos: new Map(),
      loaded: false,
      running: null,
      queued: null,
      checkedAt: 0,
      snapshotSeq: 0,
      snapshotting: false,
      details: null,
      snapshotFailed: false,
      nextMissingAt: 0,
    };
    cache.set(orgId, entry);
    if (cache.size > MAX_ORGS) cache.delete(cache.keys().next().value!);
  }
  if (!entry.loaded || entry.checkedAt === 0 || Date.now() - entry.checkedAt >= checkMs() || entry.running)
    await refresh(entry);
  while (!opts.listOnly && (entry.details || !entry.loaded)) {
    if (entry.details) await entry.details;
    // the details could not be read: the rows are read whole
    if (!entry.loaded) await refresh(entry);
  }
  const e = entry;
  e.list ??= [...e.rows.values()];
  return {
    rows: e.list,
    version: e.version,
    memo<T>(key: string, compute: (rows: readonly CachedRow[]) => T): T {
      if (!e.memos.has(key)) e.memos.set(key, compute(e.list ?? [...e.rows.values()]));
      return e.memos.get(key) as T;
    },
  };
}

/** Rows of one agreement (the recipient's rows, grouped once per version). */
export async function agreementRows(recipientOrgId: string, agreementId: string): Promise<readonly CachedRow[]> {
  const model = await orgReadModel(recipientOrgId);
  const groups = model.memo("by-agreement", (rows) => {
    const m = new Map<string, CachedRow[]>();
    for (const r of rows) {
      const list = m.get(r.agreement);
      if (list) list.push(r);
      else m.set(r.agreement, [r]);
    }
    return m;
  });
  return groups.get(agreementId) ?? [];
}

/**
 * Starts reading the organisation's rows (from its snapshot) when one of its
 * people signs in, so that the page they land on finds them read or on the
 * way. Organisations nobody uses are never read: memory grows with use.
 */
export function prefetchOrgReadModel(orgId: string): void {
  void orgReadModel(orgId).catch((error: unknown) => console.error("could not read the dashboards' rows", error));
}
