import mongoose from "mongoose";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";

setupTestDatabase();

const {
  AssessmentRow,
  ReadModelToken,
  RowChange,
  ROW_CHANGE_RETENTION_DAYS,
  SNAPSHOT_MAX_LAG,
  changeId,
  heldRow,
  pruneRowChanges,
  readRowSnapshot,
  recordRowChange,
  rowFromStored,
  rowToStored,
  writeRowSnapshot,
} = await import("#models/assessment-row.server");
const { orgReadModel } = await import("#app/features/assessments/read-model.server");

const { ObjectId } = mongoose.Types;
const DAY = 86_400_000;

afterEach(() => {
  vi.useRealTimers();
});

/** `n` rows of a new organisation, announced by one feed entry ("*"). */
async function seedRows(n: number) {
  const orgId = new ObjectId();
  const rows = Array.from({ length: n }, (_, i) =>
    rowToStored({
      _id: new ObjectId(),
      ownerOrgId: orgId,
      supplierOrgId: new ObjectId(),
      agreementId: new ObjectId(),
      status: "submitted",
      dueDate: `2099-01-${String(i + 1).padStart(2, "0")}`,
      supplierName: `Supplier ${i}`,
      supplierKey: `supplier ${i}`,
      agreementRef: "REF-1",
      score: 50,
      rating: "medium",
      openRemediation: 0,
      cells: {},
      notifyHours: null,
      locations: [],
      evaluationDate: null,
      revision: 1,
      updatedAt: new Date(),
    }),
  );
  await AssessmentRow.insertMany(rows);
  await recordRowChange(String(orgId), "*");
  const stored = await AssessmentRow.find({ ownerOrgId: orgId }).lean();
  return { orgId: String(orgId), rows: stored.map((d) => heldRow(rowFromStored(d as never))) };
}

async function recordChanges(orgId: string, n: number): Promise<number[]> {
  const seqs: number[] = [];
  for (let i = 0; i < n; i++) seqs.push(await recordRowChange(orgId, `row-${i}`));
  return seqs;
}

/** Moves this process's clock on past the retention: every entry made so far is old enough to be pruned. */
function retentionLater() {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + (ROW_CHANGE_RETENTION_DAYS + 1) * DAY);
}

async function feed(orgId: string): Promise<number[]> {
  const entries = await RowChange.find({ orgId }, { seq: 1 }).lean();
  return entries.map((e) => e.seq).sort((a, b) => a - b);
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const prune = () => pruneRowChanges(new Date(Date.now() - ROW_CHANGE_RETENTION_DAYS * DAY));

describe("pruning the read model's change feed", () => {
  it("deletes the entries older than the retention but the latest, and numbering goes on without gaps", async () => {
    const orgId = String(new ObjectId());
    await recordChanges(orgId, 8);
    retentionLater();
    await recordChanges(orgId, 2);
    await prune();
    // 9 and 10 are too young
    expect(await feed(orgId)).toEqual([9, 10]);

    retentionLater();
    expect(await prune()).toBe(1);
    expect(await feed(orgId)).toEqual([10]);
    expect(await recordChanges(orgId, 3)).toEqual([11, 12, 13]);
    expect(await feed(orgId)).toEqual(range(10, 13));
  });

  it("keeps the hint's entry and all after it when the hint lags, so no number is taken twice", async () => {
    const orgId = String(new ObjectId());
    await recordChanges(orgId, 10);
    // a writer lost the race to move the hint: it names an older entry
    await ReadModelToken.updateOne({ _id: orgId }, { $set: { seq: 7 } });
    retentionLater();
    await prune();
    expect(await feed(orgId)).toEqual(range(7, 10));
    expect(await recordChanges(orgId, 2)).toEqual([11, 12]);
  });

  it("keeps the entry the snapshot names and those after it, so the snapshot is still used", async () => {
    const { orgId, rows } = await seedRows(3);
    await recordChanges(orgId, 2);
    await writeRowSnapshot(orgId, 3, rows);
    await recordChanges(orgId, 5);
    retentionLater();
    await prune();
    expect(await feed(orgId)).toEqual(range(3, 8));
    const read = await readRowSnapshot(orgId, () => {});
    expect(read?.seq).toBe(3);
    expect(await read!.details()).toBe(true);
  });

  it("does not let a snapshot too far behind to be used hold the feed back", async () => {
    const { orgId, rows } = await seedRows(3);
    await writeRowSnapshot(orgId, 1, rows);
    const at = new Date();
    const later = range(2, SNAPSHOT_MAX_LAG + 2);
    await RowChange.insertMany(later.map((seq) => ({ _id: changeId(orgId, seq), orgId, seq, rowId: "x", at })));
    await ReadModelToken.updateOne({ _id: orgId }, { $set: { seq: SNAPSHOT_MAX_LAG + 2 } });
    retentionLater();
    await prune();
    expect(await feed(orgId)).toEqual([SNAPSHOT_MAX_LAG + 2]);
  });

  it("leaves an organisation without a hint alone (its writers would start again from 1)", async () => {
    const orgId = String(new ObjectId());
    const at = new Date();
    await RowChange.insertMany(range(1, 3).map((seq) => ({ _id: changeId(orgId, seq), orgId, seq, rowId: "x", at })));
    retentionLater();
    await prune();
    expect(await feed(orgId)).toEqual([1, 2, 3]);
  });
});

describe("the read model after pruning", () => {
  it("reads the rows again when the entry it waits for was pruned, instead of staying stale", async () => {
    const { orgId, rows } = await seedRows(3);
    const before = await orgReadModel(orgId);
    expect(before.rows.map((r) => r.status)).toEqual(["submitted", "submitted", "submitted"]);
    // another instance approves one, and writes on: then nobody looks at this organisation for 8 days
    const target = rows[1].id;
    await AssessmentRow.updateOne({ _id: target }, { $set: { status: "approved", updatedAt: new Date() } });
    await recordRowChange(orgId, target);
    await recordRowChange(orgId, rows[2].id);
    retentionLater();
    await prune();
    expect(await feed(orgId)).toEqual([3]);
    const after = await orgReadModel(orgId);
    expect(after.rows.find((r) => r.id === target)?.status).toBe("approved");
  });

  it("starts from a snapshot whose later entries are kept, and applies them", async () => {
    const { orgId, rows } = await seedRows(3);
    // marked, to tell rows read from the snapshot from rows read themselves
    await writeRowSnapshot(
      orgId,
      1,
      rows.map((r) => ({ ...r, supplierName: "from the snapshot" })),
    );
    const target = rows[0].id;
    await AssessmentRow.updateOne({ _id: target }, { $set: { status: "approved", updatedAt: new Date() } });
    await recordRowChange(orgId, target);
    await recordRowChange(orgId, rows[1].id);
    retentionLater();
    await prune();
    expect(await feed(orgId)).toEqual([1, 2, 3]);
    const model = await orgReadModel(orgId);
    expect(model.rows).toHaveLength(3);
    expect(model.rows.find((r) => r.id === rows[2].id)?.supplierName).toBe("from the snapshot");
    expect(model.rows.find((r) => r.id === target)?.status).toBe("approved");
  });
});
