import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import mongoose, { type mongo } from "mongoose";
import { afterAll, describe, expect, it } from "vitest";
import { databaseUri, setupTestDatabase, uniqueDbName } from "#tests/setup/database";
import { createAssessmentWorld } from "#tests/fixtures/assessments";
import { projectRoot } from "../../scripts/lib/embedded-db.mjs";
import { runNpmScript } from "#tests/helpers/npm-script";
import { BackupError, backupDatabase, restoreDatabase } from "../../scripts/lib/backup";

const source = setupTestDatabase();

const { seedDemoData } = await import("#scripts/demo/demo-data.server");
const { recordAudit } = await import("#models/audit-event.server");
const { storeEvidence } = await import("#app/features/evidence/evidence.server");
const { EJSON, Binary, Double, Int32, Long } = mongoose.mongo.BSON;

const PDF = fs.readFileSync(path.join(projectRoot, "tests/fixtures/files/incident-plan.pdf"));
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "flowdown-backup-test-"));
const otherDbs: string[] = [];

afterAll(async () => {
  for (const name of otherDbs)
    await mongoose.connection
      .getClient()
      .db(name)
      .dropDatabase()
      .catch(() => {});
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** Another database on the same server, dropped after the file. */
function freshDb(): { name: string; db: mongo.Db } {
  const name = uniqueDbName("restore");
  otherDbs.push(name);
  return { name, db: mongoose.connection.getClient().db(name) };
}

/** Every collection as canonical Extended JSON, documents in _id order: equal only if every value and type is. */
async function snapshot(db: mongo.Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  const names = (await db.listCollections({}, { nameOnly: true }).toArray())
    .map((c) => c.name)
    .filter((n) => !n.startsWith("system."));
  for (const name of names.sort()) {
    const docs = await db
      .collection(name)
      .find(
        {},
        { promoteValues: false, promoteLongs: false, promoteBuffers: false, bsonRegExp: true, sort: { _id: 1 } },
      )
      .toArray();
    out[name] = docs.map((d) => EJSON.stringify(d, { relaxed: false }));
  }
  return out;
}

async function indexes(db: mongo.Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    out[name] = (await db.collection(name).listIndexes().toArray())
      .map((i) => JSON.stringify([i.name, i.key, Boolean(i.unique)]))
      .sort();
  }
  return out;
}

async function fileBytes(db: mongo.Db, id: mongo.ObjectId): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of new mongoose.mongo.GridFSBucket(db, { bucketName: "evidence" }).openDownloadStream(id))
    parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

let seeded: Promise<{ evidenceId: string }> | null = null;
/** Demo data, an assessment, audit entries, an evidence file and values of every BSON type the portal stores. */
function seed() {
  seeded ??= (async () => {
    await seedDemoData();
    const w = await createAssessmentWorld();
    await recordAudit({
      action: "test.backup",
      targetType: "assessment",
      targetId: String(w.assessment._id),
      details: { n: 1 },
    });
    const evidence = await storeEvidence({
      ownerOrgId: String(w.tier1._id),
      uploadedBy: String(w.supplierUser.user._id),
      assessmentId: String(w.assessment._id),
      fileName: "incident-plan.pdf",
      data: PDF,
    });
    await mongoose.connection.db!.collection("backup_types").insertOne({
      int32: new Int32(7),
      double: new Double(7),
      fraction: 0.1,
      long: Long.fromString("9007199254740993"),
      binary: new Binary(Buffer.from([0, 1, 2, 255]), 0),
      date: new Date("2026-02-03T04:05:06.789Z"),
      text: "Grüße, 你好, \u{1F600}",
      nested: { list: [1, "two", { three: 3 }], nothing: null, yes: true },
    });
    return { evidenceId: evidence.id };
  })();
  return seeded;
}

describe("backup and restore", () => {
  it("round-trips every collection document for document, the evidence bytes and the indexes, through npm run backup and restore", async () => {
    const { evidenceId } = await seed();
    const dir = path.join(scratch, "round-trip");
    const backup = await runNpmScript("backup", ["--out", dir], source.uri());
    expect(backup.output).toMatch(/Backed up \d+ collections/);
    expect(backup.code).toBe(0);

    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
    const names = manifest.collections.map((c: { name: string }) => c.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "evidence.files",
        "evidence.chunks",
        "auditevents",
        "assessments",
        "users",
        "backup_types",
      ]),
    );
    expect(names.indexOf("evidence.files")).toBeLessThan(names.indexOf("evidence.chunks"));
    for (const c of manifest.collections) expect(c.sha256).toMatch(/^[0-9a-f]{64}$/);

    const target = freshDb();
    const restore = await runNpmScript("restore", [dir], databaseUri(target.name));
    expect(restore.output).toMatch(/Restored \d+ collections/);
    expect(restore.code).toBe(0);

    const db = mongoose.connection.db!;
    const before = await snapshot(db);
    const after = await snapshot(target.db);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const name of Object.keys(before)) expect(after[name], name).toEqual(before[name]);
    expect(before["evidence.chunks"].length).toBeGreaterThan(0);
    expect(before.backup_types[0]).toContain('"$numberInt":"7"');
    expect(before.backup_types[0]).toContain('"$numberDouble":"7.0"');
    expect(before.backup_types[0]).toContain('"$numberLong":"9007199254740993"');

    expect((await fileBytes(target.db, new mongoose.Types.ObjectId(evidenceId))).equals(PDF)).toBe(true);
    expect(await indexes(target.db)).toEqual(await indexes(db));
  });

  it("refuses a backup whose file was changed, naming the file, and writes nothing", async () => {
    await seed();
    const dir = path.join(scratch, "corrupt");
    await backupDatabase(mongoose.connection.db!, dir);
    const file = path.join(dir, "collections", "users.ejson");
    const text = fs.readFileSync(file, "utf8");
    fs.writeFileSync(file, text.replace("supplier@flowdown.test", "supplier@flowdown.tesT"));
    const target = freshDb();
    await expect(restoreDatabase(target.db, dir)).rejects.toThrow(
      /The backup in .* is damaged: collections\/users\.ejson has SHA-256 [0-9a-f]{64}, the manifest says [0-9a-f]{64}\. Nothing was restored\./,
    );
    expect(await target.db.listCollections().toArray()).toEqual([]);
    // the same through npm run restore: checked before anything is created, not even an empty collection
    const refused = await runNpmScript("restore", [dir], databaseUri(target.name));
    expect(refused.code).toBe(1);
    expect(refused.output).toContain("collections/users.ejson has SHA-256");
    expect(await target.db.listCollections().toArray()).toEqual([]);
  });

  it("refuses a backup whose manifest does not match its files: a missing file, a wrong count", async () => {
    await seed();
    const dir = path.join(scratch, "mismatch");
    await backupDatabase(mongoose.connection.db!, dir);
    const manifestFile = path.join(dir, "manifest.json");
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
    const users = manifest.collections.find((c: { name: string }) => c.name === "users");
    users.count += 1;
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    await expect(restoreDatabase(freshDb().db, dir)).rejects.toThrow(
      `collections/users.ejson holds ${users.count - 1} documents, the manifest says ${users.count}`,
    );

    fs.rmSync(path.join(dir, "collections", "organizations.ejson"));
    users.count -= 1;
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    await expect(restoreDatabase(freshDb().db, dir)).rejects.toThrow(
      "collections/organizations.ejson (collection organizations) is missing",
    );

    fs.writeFileSync(manifestFile, "{ not json");
    await expect(restoreDatabase(freshDb().db, dir)).rejects.toThrow("manifest.json is not valid JSON");
  });

  it("refuses to overwrite a database that holds data unless --force, which replaces its contents", async () => {
    await seed();
    const dir = path.join(scratch, "force");
    await backupDatabase(mongoose.connection.db!, dir);
    const target = freshDb();
    await target.db.collection("users").insertOne({ email: "someone@else.example" });
    await target.db.collection("leftover").insertOne({ x: 1 });

    const refused = await runNpmScript("restore", [dir], databaseUri(target.name));
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(`The database ${target.name} is not empty: leftover (1), users (1)`);
    expect(refused.output).toContain("--force");
    expect(refused.output).not.toMatch(/\n\s+at /);
    await expect(target.db.collection("users").countDocuments()).resolves.toBe(1);

    await expect(restoreDatabase(target.db, dir)).rejects.toBeInstanceOf(BackupError);
    await restoreDatabase(target.db, dir, { force: true });
    await expect(target.db.collection("leftover").countDocuments()).resolves.toBe(0);
    expect(await target.db.collection("users").findOne({ email: "someone@else.example" })).toBeNull();
    expect((await snapshot(target.db)).users).toEqual((await snapshot(mongoose.connection.db!)).users);
  });
});
