import mongoose from "mongoose";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import type { HeldRow } from "#models/assessment-row.server";

setupTestDatabase();

const {
  AssessmentRow,
  RowChange,
  RowSnapshot,
  readRowSnapshot,
  recordRowChange,
  heldRow,
  rowFromStored,
  rowToStored,
  writeRowSnapshot,
} = await import("#models/assessment-row.server");

const { ObjectId } = mongoose.Types;

async function seedRows(orgId: mongoose.Types.ObjectId, n: number) {
  const rows = Array.from({ length: n }, (_, i) =>
    rowToStored({
      _id: new ObjectId(),
      ownerOrgId: orgId,
      supplierOrgId: new ObjectId(),
      agreementId: new ObjectId(),
      status: i % 2 ? "approved" : "invited",
      dueDate: `2026-12-${String((i % 28) + 1).padStart(2, "0")}`,
      supplierName: `Lieferant ${i} OÜ 株式会社`,
      supplierKey: `lieferant ${i} oü 株式会社`,
      agreementRef: "REF-1",
      score: i % 2 ? 71.5 : null,
      rating: i % 2 ? "medium" : null,
      openRemediation: 0,
      cells: i % 2 ? { "FD-CONF-01": "met", "FD-INC-01": "not_met!met" } : {},
      notifyHours: i % 2 ? 48 : null,
      locations: [{ country: "DE", transferMechanism: null }],
      evaluationDate: i % 2 ? "2026-11-30" : null,
      computedAt: i % 2 ? new Date("2026-11-30T10:00:00Z") : null,
      basis: null,
      drift: [],
      lastChange: null,
      revision: 1,
      updatedAt: new Date(Date.UTC(2026, 10, 1, 0, i)),
      approvedAt: i % 2 ? new Date("2026-11-30T11:00:00Z") : null,
    }),
  );
  await AssessmentRow.insertMany(rows);
  const seq = await recordRowChange(String(orgId), "*");
  const stored = await AssessmentRow.find({ ownerOrgId: orgId }).lean();
  return { seq, rows: stored.map((d) => heldRow(rowFromStored(d as never))) };
}

/** The snapshot's feed number and every row it gives, in the order given. */
async function readSnapshot(orgId: string) {
  const rows: HeldRow[] = [];
  const read = await readRowSnapshot(orgId, (r) => rows.push(r));
  return read ? { seq: read.seq, rows } : null;
}

const byId = (rows: HeldRow[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

describe("read model snapshots", () => {
  it("give back the rows exactly as read from the row documents, over several parts", async () => {
    const orgId = new ObjectId();
    const { seq, rows } = await seedRows(orgId, 2100);
    await writeRowSnapshot(String(orgId), seq, rows);
    const snapshot = await readSnapshot(String(orgId));
    expect(snapshot?.seq).toBe(seq);
    expect(byId(snapshot!.rows)).toEqual(byId(rows));
    expect(snapshot!.rows[0].updatedAt).toBeInstanceOf(Date);
  });

  it("are not trusted once the feed entry they name is no longer the one they were taken after", async () => {
    const orgId = new ObjectId();
    const { seq, rows } = await seedRows(orgId, 3);
    await writeRowSnapshot(String(orgId), seq, rows);
    expect(await readSnapshot(String(orgId))).not.toBeNull();
    // a restored or reset feed: the same number, another change
    await RowChange.deleteOne({ _id: `${orgId}:${seq}` });
    await RowChange.create({ _id: `${orgId}:${seq}`, orgId: String(orgId), seq, rowId: "*", at: new Date(0) });
    expect(await readSnapshot(String(orgId))).toBeNull();
  });

  it("replace the previous snapshot's parts and never go back to an older one", async () => {
    const orgId = new ObjectId();
    const { seq, rows } = await seedRows(orgId, 3);
    await writeRowSnapshot(String(orgId), seq, rows);
    const later = await recordRowChange(String(orgId), rows[0].id);
    await writeRowSnapshot(String(orgId), later, rows.slice(1));
    await writeRowSnapshot(String(orgId), seq, rows);
    expect((await readSnapshot(String(orgId)))?.seq).toBe(later);
    const parts = await RowSnapshot.find({ orgId: String(orgId) }, { _id: 1 }).lean();
    expect(parts).toHaveLength(1);
  });
});
