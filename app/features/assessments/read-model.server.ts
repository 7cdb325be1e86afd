import {
  AssessmentRow,
  changeId,
  latestChangeHint,
  onLocalRowChange,
  RowChange,
  rowFromStored,
  type AssessmentRowData,
  type StoredAssessmentRow,
} from "#models/assessment-row.server";
import { Organization } from "#models/organization.server";
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
 * The feed is looked at most every FLOWDOWN_READ_MODEL_CHECK_MS (250 ms by
 * default) per organisation, and at once after a write made by this process:
 * a change made by another instance shows within that interval, one made
 * through this instance on the very next request.
 */

export interface CachedRow extends AssessmentRowData {
  /** hex strings and epoch ms, computed once: comparisons in sorts stay cheap */
  id: string;
  agreement: string;
  supplier: string;
  updatedMs: number;
}

export interface OrgReadModel {
  rows: readonly CachedRow[];
  /** changes whenever the rows change */
  version: number;
  /** a value derived from the rows, computed once per version */
  memo<T>(key: string, compute: (rows: readonly CachedRow[]) => T): T;
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
}

const cache = new Map<string, Entry>();
const MAX_ORGS = 200;
/** more changes than this since the last look: read everything again instead */
const MAX_INCREMENTAL = 200;
const checkMs = () => getEnv().FLOWDOWN_READ_MODEL_CHECK_MS;

onLocalRowChange((orgId) => {
  const entry = cache.get(orgId);
  if (entry) entry.checkedAt = 0;
});

function cached(row: AssessmentRowData): CachedRow {
  return {
    ...row,
    id: String(row._id),
    agreement: String(row.agreementId),
    supplier: String(row.supplierOrgId),
    updatedMs: new Date(row.updatedAt).getTime(),
  };
}

async function loadAll(entry: Entry): Promise<void> {
  // the hint first: changes made during the read are then applied again by the probing (harmlessly)
  const hint = await latestChangeHint(entry.orgId);
  const docs = await AssessmentRow.find({ ownerOrgId: entry.orgId }).lean<StoredAssessmentRow[]>();
  entry.rows = new Map(docs.map((d) => [String(d._id), cached(rowFromStored(d))]));
  entry.seq = hint;
  entry.loaded = true;
  changed(entry);
}

function changed(entry: Entry) {
  entry.version++;
  entry.list = null;
  entry.memos.clear();
}

async function catchUp(entry: Entry): Promise<void> {
  if (!entry.loaded) await loadAll(entry);
  const rowIds = new Set<string>();
  let next = entry.seq + 1;
  for (;;) {
    const change = await RowChange.findById(changeId(entry.orgId, next), { rowId: 1 }).lean();
    if (!change) break;
    if (change.rowId === "*" || rowIds.size >= MAX_INCREMENTAL) {
      await loadAll(entry);
      next = entry.seq + 1;
      rowIds.clear();
      continue;
    }
    rowIds.add(change.rowId);
    next++;
  }
  if (rowIds.size === 0) return;
  for (const id of rowIds) {
    const doc = await AssessmentRow.findById(id).lean<StoredAssessmentRow>();
    if (doc && String(doc.ownerOrgId) === entry.orgId) entry.rows.set(id, cached(rowFromStored(doc)));
    else entry.rows.delete(id);
  }
  entry.seq = next - 1;
  changed(entry);
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

export async function orgReadModel(orgId: string): Promise<OrgReadModel> {
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
    };
    cache.set(orgId, entry);
    if (cache.size > MAX_ORGS) cache.delete(cache.keys().next().value!);
  }
  if (!entry.loaded || entry.checkedAt === 0 || Date.now() - entry.checkedAt >= checkMs() || entry.running)
    await refresh(entry);
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
 * Reads the rows of every recipient organisation into memory at start-up, one
 * after the other in the background, so the first dashboard after a restart
 * does not wait for it.
 */
export async function warmReadModels(): Promise<void> {
  const recipients = await Organization.find({ kind: "recipient" }, { _id: 1 }).limit(MAX_ORGS).lean();
  for (const org of recipients) await orgReadModel(String(org._id));
}
