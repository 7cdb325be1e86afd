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

const BASIS = {
  rules: "r7",
  agreementRevision: 3,
  templateVersion: "t@1",
  catalogueVersion: "c@1",
  answersDigest: "ab".repeat(32),
  certificates: ["65a000000000000000000001@1764460800000"],
  evaluationDate: "2026-11-30",
  validUntil: "2027-01-01",
  key: "r7|3|t@1|c@1|abab",
};

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
      basis: i % 2 ? BASIS : null,
      drift: i % 4 === 1 ? ["FD-INC-01: met → not met"] : [],
      lastChange:
        i % 2
          ? {
              trigger: "agreement edited",
              changes: ["FD-INC-01"],
              computedAt: "2026-11-30T10:00:00.000Z",
              agreementRevision: 3,
            }
          : null,
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

/** The snapshot's feed number and every row it gives (details included), in the order given. */
async function readSnapshot(orgId: string) {
  const rows: HeldRow[] = [];
  const read = await readRowSnapshot(orgId, (r) => rows.push(r));
  if (!read || !(await read.details())) return null;
  return { seq: read.seq, rows };
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
    // one part of list fields and one of details
    const parts = await RowSnapshot.find({ orgId: String(orgId) }, { _id: 1 }).lean();
    expect(parts).toHaveLength(2);
  });

  it("give the list fields first and the details when asked, into the same rows", async () => {
    const orgId = new ObjectId();
    const { seq, rows } = await seedRows(orgId, 2100);
    await writeRowSnapshot(String(orgId), seq, rows);
    const listed: HeldRow[] = [];
    const read = (await readRowSnapshot(String(orgId), (r) => listed.push(r)))!;
    expect(listed).toHaveLength(2100);
    expect(listed.every((r) => r.cells === undefined && r.basis === undefined)).toBe(true);
    const scored = listed.find((r) => r.score !== null)!;
    expect(scored.drift).toBeDefined();
    expect(await read.details()).toBe(true);
    expect(byId(listed)).toEqual(byId(rows));
  });

  it("say so when the snapshot was replaced between its lists and its details", async () => {
    const orgId = new ObjectId();
    const { seq, rows } = await seedRows(orgId, 3);
    await writeRowSnapshot(String(orgId), seq, rows);
    const read = (await readRowSnapshot(String(orgId), () => {}))!;
    const later = await recordRowChange(String(orgId), rows[0].id);
    await writeRowSnapshot(String(orgId), later, rows);
    expect(await read.details()).toBe(false);
  });
});

describe("the read model on a snapshot", () => {
  it("serves the lists from it, and whole rows to every other reader; rows read themselves when its details are gone", async () => {
    const { orgReadModel } = await import("#app/features/assessments/read-model.server");
    const orgId = new ObjectId();
    const { seq, rows } = await seedRows(orgId, 400); // (too few for a new snapshot in the background)
    await writeRowSnapshot(String(orgId), seq, rows);
    // the details of the snapshot are lost (a writer cleaning up, a damaged part)
    const parts = await RowSnapshot.find({ orgId: String(orgId) }, { _id: 1 }).lean();
    const details = parts.map((p) => p._id).filter((id) => /:d\d+$/.test(id));
    expect(details.length).toBeGreaterThan(0);
    await RowSnapshot.deleteMany({ _id: mongoose.trusted({ $in: details }) });
    const lists = await orgReadModel(String(orgId), { listOnly: true });
    expect(lists.rows).toHaveLength(400);
    const whole = await orgReadModel(String(orgId));
    expect(byId([...whole.rows])).toEqual(byId(rows));
    expect(whole.rows.find((r) => r.score !== null)!.cells).toEqual({
      "FD-CONF-01": "met",
      "FD-INC-01": "not_met!met",
    });
  });
});
