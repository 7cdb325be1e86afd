import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import mongoose from "mongoose";
import { afterAll, describe, expect, it } from "vitest";
import { chooseEngine, ping, projectRoot, startEmbeddedDb } from "../../scripts/lib/embedded-db.mjs";
import { processAlive } from "../../scripts/lib/processes.mjs";
import { waitFor } from "#tests/e2e/harness";

const dirs: string[] = [];
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "flowdown-engine-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const NO_POSTGRES = path.join(os.tmpdir(), "no-such-postgresql");

/** A command of the project's, as an operator runs it, without MONGODB_URI: exit code and output. */
function runWithoutUri(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  delete childEnv.MONGODB_URI;
  delete childEnv.FLOWDOWN_DB_ENGINE;
  Object.assign(childEnv, env);
  return new Promise((resolve, reject) => {
    const child = spawn(args[0], args.slice(1), { cwd: projectRoot, env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, out }));
  });
}

async function withConnection<T>(uri: string, work: (db: mongoose.mongo.Db) => Promise<T>): Promise<T> {
  const conn = await mongoose.createConnection(uri).asPromise();
  try {
    return await work(conn.db!);
  } finally {
    await conn.close();
  }
}

const PRINT_ENGINE = `console.log("engine=" + process.env.FLOWDOWN_EMBEDDED_ENGINE)`;

describe("the embedded database on PostgreSQL", () => {
  it("keeps its data in a private PostgreSQL cluster in the data folder, reached through a private socket only", async () => {
    const dir = tempDir();
    const db = await startEmbeddedDb({ dataDir: dir, quiet: true, engine: "postgresql" });
    try {
      expect(db.engine).toBe("postgresql");
      await withConnection(db.uri, (d) => d.collection("notes").insertOne({ text: "株式会社 Kestrel" }));
      expect(fs.existsSync(path.join(dir, "postgres", "PG_VERSION"))).toBe(true);
      expect(fs.existsSync(path.join(dir, "ferretdb"))).toBe(false);

      const args = fs.readFileSync(`/proc/${db.postgresProcess!.pid}/cmdline`, "utf8").split("\0");
      expect(args).toContain("listen_addresses=");
      const socketDir = args[args.indexOf("-k") + 1];
      expect(socketDir.startsWith(dir)).toBe(true);
      expect(fs.statSync(socketDir).mode & 0o777).toBe(0o700);
      // no TCP client is trusted: only the local socket is, and it sits in that private folder
      const hba = fs.readFileSync(path.join(dir, "postgres", "pg_hba.conf"), "utf8");
      const rules = hba.split("\n").filter((l) => l.trim() && !l.trim().startsWith("#"));
      for (const rule of rules.filter((r) => r.startsWith("host"))) expect(rule).toMatch(/reject$/);
      const ferret = fs.readFileSync(`/proc/${db.process!.pid}/cmdline`, "utf8").split("\0");
      expect(ferret).toContain("--handler=postgresql");
      expect(ferret).toContain(`--listen-addr=127.0.0.1:${db.port}`);
    } finally {
      await db.stop();
    }
    expect(db.postgresProcess!.exitCode !== null || db.postgresProcess!.signalCode !== null).toBe(true);
    // and it starts again on the same cluster with the data there
    const again = await startEmbeddedDb({ dataDir: dir, quiet: true });
    try {
      expect(again.engine).toBe("postgresql");
      const doc = await withConnection(again.uri, (d) => d.collection("notes").findOne({}));
      expect(doc?.text).toBe("株式会社 Kestrel");
    } finally {
      await again.stop();
    }
  });

  it("restarts PostgreSQL or FerretDB when either dies, keeping the address and the data", async () => {
    const dir = tempDir();
    const db = await startEmbeddedDb({ dataDir: dir, quiet: true, engine: "postgresql" });
    try {
      await withConnection(db.uri, (d) => d.collection("notes").insertOne({ n: 1 }));
      const killed = db.postgresProcess!.pid!;
      process.kill(killed, "SIGKILL");
      await waitFor("PostgreSQL to be restarted", async () =>
        db.postgresProcess!.pid !== killed &&
        (await withConnection(db.uri, (d) => d.collection("notes").countDocuments({ n: 1 })).catch(() => 0)) === 1
          ? true
          : null,
      );

      const ferret = db.process!.pid!;
      process.kill(ferret, "SIGKILL");
      await waitFor("FerretDB to be restarted", async () =>
        db.process!.pid !== ferret && (await ping(db.uri, 500)) ? true : null,
      );
      expect(await withConnection(db.uri, (d) => d.collection("notes").countDocuments({ n: 1 }))).toBe(1);
    } finally {
      await db.stop();
    }
  });
});

describe("after a crash of the process that started it", () => {
  it("ends the orphaned FerretDB and PostgreSQL and starts afresh on the same data", async () => {
    const dir = tempDir();
    const script = `const c = await (await import("mongoose")).default.createConnection(process.env.MONGODB_URI).asPromise();
      await c.db.collection("notes").insertOne({ kept: true }); await c.close(); console.log("ready");
      const parent = process.ppid; setInterval(() => process.ppid !== parent && process.exit(0), 200);`;
    const owner = spawn(process.execPath, ["scripts/with-db.mjs", "node", "--input-type=module", "-e", script], {
      cwd: projectRoot,
      env: { ...process.env, MONGODB_URI: "", FLOWDOWN_DATA_DIR: dir, FLOWDOWN_DB_ENGINE: "postgresql" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve, reject) => {
      owner.stdout!.on("data", (d) => String(d).includes("ready") && resolve());
      owner.on("exit", (code) => reject(new Error(`with-db exited with ${code}`)));
    });
    const { pid: orphanFerret } = JSON.parse(fs.readFileSync(path.join(dir, "ferretdb.pid"), "utf8"));
    const orphanPostgres = Number(fs.readFileSync(path.join(dir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
    owner.kill("SIGKILL");
    await new Promise((r) => owner.once("exit", r));

    const db = await startEmbeddedDb({ dataDir: dir, quiet: true });
    try {
      expect(processAlive(orphanFerret)).toBe(false);
      expect(processAlive(orphanPostgres)).toBe(false);
      expect(await withConnection(db.uri, (d) => d.collection("notes").countDocuments({ kept: true }))).toBe(1);
    } finally {
      await db.stop();
    }
  });
});

describe("choosing the backend", () => {
  it("falls back to SQLite where PostgreSQL is not installed, and says once that it is for evaluation", async () => {
    const dir = tempDir();
    const { code, out } = await runWithoutUri(["node", "scripts/with-db.mjs", "node", "-e", PRINT_ENGINE], {
      FLOWDOWN_DATA_DIR: dir,
      FLOWDOWN_PG_BIN: NO_POSTGRES,
    });
    expect(code).toBe(0);
    expect(out).toContain("engine=sqlite");
    expect(out.match(/for evaluation only/g)).toHaveLength(1);
    expect(out).toContain("apt-get install postgresql");
    expect(out).toContain("brew install postgresql");
  });

  it("keeps a folder's SQLite data on SQLite, and backup and restore move it onto PostgreSQL", async () => {
    const dir = tempDir();
    const sqlite = await startEmbeddedDb({ dataDir: dir, quiet: true, engine: "sqlite" });
    const docs = [
      { _id: "a", name: "Zürich Datentechnik AG", when: new Date("2026-12-05T06:32:00Z"), n: 3 },
      { _id: "b", name: "さくら技研", tags: ["iso27001"], nested: { ok: true } },
    ];
    try {
      await withConnection(sqlite.uri, (d) => d.collection("suppliers").insertMany(docs as never[]));
    } finally {
      await sqlite.stop();
    }
    // with PostgreSQL installed, the SQLite data is not hidden behind an empty new database
    const choice = chooseEngine({ dataDir: dir });
    expect(choice.engine).toBe("sqlite");
    expect(choice.notice).toContain("FLOWDOWN_DB_ENGINE=postgresql npm run restore");

    const backup = path.join(dir, "move");
    const saved = await runWithoutUri(["npm", "run", "-s", "backup", "--", "--out", backup], {
      FLOWDOWN_DATA_DIR: dir,
    });
    expect(saved.out).toMatch(/Backed up \d+ collections/);
    expect(saved.code).toBe(0);
    const restored = await runWithoutUri(["npm", "run", "-s", "restore", "--", backup], {
      FLOWDOWN_DATA_DIR: dir,
      FLOWDOWN_DB_ENGINE: "postgresql",
    });
    expect(restored.out).toMatch(/Restored \d+ collections/);
    expect(restored.code).toBe(0);

    // from now on the folder runs on PostgreSQL, with the same documents
    const after = await runWithoutUri(["node", "scripts/with-db.mjs", "node", "-e", PRINT_ENGINE], {
      FLOWDOWN_DATA_DIR: dir,
    });
    expect(after.out).toContain("engine=postgresql");
    const pg = await startEmbeddedDb({ dataDir: dir, quiet: true });
    try {
      expect(pg.engine).toBe("postgresql");
      const found = await withConnection(pg.uri, (d) => d.collection("suppliers").find({}).sort({ _id: 1 }).toArray());
      expect(found).toEqual(docs);
    } finally {
      await pg.stop();
    }
  });

  it("refuses to start a PostgreSQL data folder without PostgreSQL, rather than show an empty portal", () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, "postgres"));
    fs.writeFileSync(path.join(dir, "postgres", "PG_VERSION"), "15\n");
    expect(() => chooseEngine({ dataDir: dir, env: { FLOWDOWN_PG_BIN: NO_POSTGRES } })).toThrow(
      /kept in PostgreSQL, which was not found/,
    );
    expect(() => chooseEngine({ dataDir: dir, requested: "sqlite" })).not.toThrow();
  });

  it("refuses an unknown FLOWDOWN_DB_ENGINE, and PostgreSQL asked for but missing, with what to do", () => {
    const dir = tempDir();
    expect(() => chooseEngine({ dataDir: dir, requested: "mysql" })).toThrow(
      'FLOWDOWN_DB_ENGINE must be "postgresql" or "sqlite"',
    );
    expect(() =>
      chooseEngine({ dataDir: dir, requested: "postgresql", env: { FLOWDOWN_PG_BIN: NO_POSTGRES } }),
    ).toThrow(/apt-get install postgresql/);
    const result = spawnSync(process.execPath, ["scripts/with-db.mjs", "true"], {
      cwd: projectRoot,
      env: { ...process.env, MONGODB_URI: "", FLOWDOWN_DATA_DIR: dir, FLOWDOWN_DB_ENGINE: "mysql" },
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("FLOWDOWN_DB_ENGINE must be");
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
