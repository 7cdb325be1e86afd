import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import mongoose from "mongoose";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, projectRoot, startEmbeddedDb } from "../../scripts/lib/embedded-db.mjs";

const dirs: string[] = [];
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "flowdown-dbtest-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe("embedded database", () => {
  it("keeps data across a restart of the embedded server", async () => {
    const dir = tempDir();
    const first = await startEmbeddedDb({ dataDir: dir, quiet: true });
    const conn1 = await mongoose.createConnection(first.uri).asPromise();
    await conn1.collection("notes").insertOne({ text: "ünïcode survives – 株式会社", n: 42 });
    await conn1.close();
    await first.stop();
    expect(first.process!.exitCode !== null || first.process!.signalCode !== null).toBe(true);

    const second = await startEmbeddedDb({ dataDir: dir, quiet: true });
    expect(second.port).not.toBe(0);
    const conn2 = await mongoose.createConnection(second.uri).asPromise();
    const doc = await conn2.collection("notes").findOne({ n: 42 });
    await conn2.close();
    await second.stop();
    expect(doc?.text).toBe("ünïcode survives – 株式会社");
  });

  it("listens on loopback only and writes its data under the given folder", async () => {
    const dir = tempDir();
    const db = await startEmbeddedDb({ dataDir: dir, quiet: true });
    try {
      const conn = await mongoose.createConnection(db.uri).asPromise();
      await conn.collection("probe").insertOne({ ok: true });
      await conn.close();
      expect(db.uri).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\//);
      const args = fs.readFileSync(`/proc/${db.process!.pid}/cmdline`, "utf8").split("\0");
      expect(args).toContain(`--listen-addr=127.0.0.1:${db.port}`);
      expect(args).toContain("--telemetry=disable");
      expect(args).toContain("--debug-addr=-");
      if (db.engine === "postgresql") expect(fs.existsSync(path.join(dir, "postgres", "PG_VERSION"))).toBe(true);
      else expect(fs.readdirSync(path.join(dir, "ferretdb")).some((f) => f.endsWith(".sqlite"))).toBe(true);
    } finally {
      await db.stop();
    }
  });
});

describe("connecting", () => {
  it("names the unreachable URI with its password masked, and says what to try", async () => {
    const port = await freePort();
    const { connectDatabase, DatabaseUnavailableError } = await import("#app/lib/db.server");
    const uri = `mongodb://flow:s3cret-pw@127.0.0.1:${port}/flowdown`;
    const error = await connectDatabase(uri).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    const message = (error as Error).message;
    expect(message).toContain(`mongodb://flow:****@127.0.0.1:${port}/flowdown`);
    expect(message).not.toContain("s3cret-pw");
    expect(message).toMatch(/unset MONGODB_URI/);
  });

  it("stops the built server at once with that message, and no stack trace, when the database is unreachable", async () => {
    const port = await freePort();
    const result = spawnSync(
      process.execPath,
      [path.join(projectRoot, "node_modules/@remix-run/serve/dist/cli.js"), "build/index.js"],
      {
        cwd: projectRoot,
        env: {
          ...process.env,
          MONGODB_URI: `mongodb://flow:s3cret-pw@127.0.0.1:${port}/flowdown`,
          PORT: String(await freePort()),
          NODE_ENV: "production",
          SESSION_SECRET: "x".repeat(40),
          FLOWDOWN_SECRET_KEY: "a".repeat(64),
        },
        encoding: "utf8",
        timeout: 30_000,
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Cannot reach the database at mongodb://flow:****@127.0.0.1:${port}/flowdown`);
    expect(result.stderr + result.stdout).not.toContain("s3cret-pw");
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it("refuses to start without a database and tells how to get one", () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      FLOWDOWN_FERRETDB_BIN: path.join(os.tmpdir(), "no-such-ferretdb"),
    };
    delete env.MONGODB_URI;
    const result = spawnSync(process.execPath, ["scripts/start.mjs"], {
      cwd: projectRoot,
      env,
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/set MONGODB_URI/);
    expect(result.stderr).toMatch(/install Go/);
  });

  it("lets npm install succeed without Go, with the same advice", () => {
    const env = {
      ...process.env,
      FLOWDOWN_FERRETDB_BIN: path.join(os.tmpdir(), "no-such-ferretdb"),
      FLOWDOWN_GO: "none",
    };
    const result = spawnSync(process.execPath, ["scripts/install-ferretdb.mjs"], {
      cwd: projectRoot,
      env,
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/Go was not found/);
    expect(result.stderr).toMatch(/set MONGODB_URI/);
  });
});
