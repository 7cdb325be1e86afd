// The embedded database: FerretDB v1.24.2 on its SQLite backend, started on
// 127.0.0.1 for as long as the app (or a test run) needs it.
// Plain ESM JavaScript so that npm scripts and the test setup can both use it
// without a build step.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import mongoose from "mongoose";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
// FLOWDOWN_FERRETDB_BIN points elsewhere (tests use it to play a machine without the build)
export const ferretdbBinary = process.env.FLOWDOWN_FERRETDB_BIN || path.join(projectRoot, "bin", "ferretdb");
export const FERRETDB_VERSION = "v1.24.2";

export const missingFerretdbMessage = [
  "Flowdown needs a database and none is configured.",
  "  - Either set MONGODB_URI to a MongoDB 6+ server (e.g. MONGODB_URI=mongodb://127.0.0.1:27017/flowdown),",
  `  - or install Go 1.24+ (https://go.dev/dl/, or 'apt-get install golang') and run 'npm install' again:`,
  `    it builds the embedded database (FerretDB ${FERRETDB_VERSION}) into ./bin/ferretdb.`,
].join("\n");

export function hasFerretdb() {
  if (!fs.existsSync(ferretdbBinary)) return false;
  const out = spawnSync(ferretdbBinary, ["--version"], { encoding: "utf8" });
  return out.status === 0 && out.stdout.includes(`version: ${FERRETDB_VERSION}`);
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Answers true once the server at `uri` replies to a ping. */
export async function ping(uri, timeoutMs = 1000) {
  const conn = mongoose.createConnection(uri, {
    serverSelectionTimeoutMS: timeoutMs,
    connectTimeoutMS: timeoutMs,
    autoIndex: false,
    autoCreate: false,
  });
  try {
    await conn.asPromise();
    await conn.db.admin().ping();
    return true;
  } catch {
    return false;
  } finally {
    await conn.close().catch(() => {});
  }
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readPidFile(pidFile) {
  try {
    const info = JSON.parse(fs.readFileSync(pidFile, "utf8"));
    return Number.isInteger(info.pid) && Number.isInteger(info.port) ? info : null;
  } catch {
    return null;
  }
}

function isFerretdb(pid) {
  try {
    return processAlive(pid) && fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("ferretdb");
  } catch {
    return false;
  }
}

/**
 * A FerretDB already serving this data folder: shared when the process that
 * started it is still running (e.g. `npm run seed` beside `npm start`);
 * ended when that process is gone (an orphan of a killed run).
 */
async function existingServer(pidFile, dbName) {
  const info = readPidFile(pidFile);
  if (!info || !isFerretdb(info.pid)) return null;
  if (info.ownerPid !== process.pid && processAlive(info.ownerPid)) {
    const uri = `mongodb://127.0.0.1:${info.port}/${dbName}`;
    if (await ping(uri, 2000)) return { uri, port: info.port };
  }
  process.kill(info.pid, "SIGTERM");
  for (let i = 0; i < 50 && processAlive(info.pid); i++) await new Promise((r) => setTimeout(r, 100));
  return null;
}

/**
 * Starts FerretDB with its data under `dataDir` and resolves once it answers a ping.
 * @returns {Promise<{ uri: string, port: number, stop: () => Promise<void>, process: import('node:child_process').ChildProcess }>}
 */
export async function startEmbeddedDb({ dataDir, dbName = "flowdown", port, quiet = false } = {}) {
  if (!hasFerretdb()) throw new Error(missingFerretdbMessage);
  const dir = path.resolve(dataDir ?? path.join(projectRoot, "data"));
  const sqliteDir = path.join(dir, "ferretdb");
  const stateDir = path.join(dir, "ferretdb-state");
  fs.mkdirSync(sqliteDir, { recursive: true });
  fs.mkdirSync(stateDir, { recursive: true });
  const pidFile = path.join(dir, "ferretdb.pid");
  const shared = await existingServer(pidFile, dbName);
  if (shared) {
    if (!quiet) console.log(`Using the embedded database already running on 127.0.0.1:${shared.port}`);
    return { ...shared, stop: async () => {}, process: null };
  }

  const listenPort = port ?? (await freePort());
  const logFile = path.join(dir, "ferretdb.log");
  const log = fs.openSync(logFile, "a");
  const child = spawn(
    ferretdbBinary,
    [
      "--handler=sqlite",
      `--sqlite-url=file:${sqliteDir}/`,
      `--listen-addr=127.0.0.1:${listenPort}`,
      `--state-dir=${stateDir}`,
      "--telemetry=disable",
      "--debug-addr=-",
      "--log-level=warn",
    ],
    { stdio: ["ignore", log, log], cwd: stateDir },
  );
  fs.closeSync(log);
  fs.writeFileSync(pidFile, JSON.stringify({ pid: child.pid, port: listenPort, ownerPid: process.pid }));

  let exited = null;
  child.on("exit", (code, signal) => {
    exited = { code, signal };
  });

  const uri = `mongodb://127.0.0.1:${listenPort}/${dbName}`;
  const deadline = Date.now() + 30_000;
  while (!(await ping(uri, 500))) {
    if (exited) {
      const tail = fs.readFileSync(logFile, "utf8").split("\n").slice(-15).join("\n");
      throw new Error(
        `The embedded database (FerretDB) stopped while starting (exit ${exited.code ?? exited.signal}).\nLast lines of ${logFile}:\n${tail}`,
      );
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The embedded database did not answer on 127.0.0.1:${listenPort} within 30 s; see ${logFile}.`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!quiet)
    console.log(`Embedded database (FerretDB ${FERRETDB_VERSION}) on 127.0.0.1:${listenPort}, data in ${sqliteDir}`);

  async function stop() {
    if (exited) return;
    const done = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await done;
    clearTimeout(timer);
    fs.rmSync(pidFile, { force: true });
  }
  return { uri, port: listenPort, stop, process: child };
}

/**
 * For the scripts that run the portal or a command against the database:
 * without MONGODB_URI in `env`, starts the embedded database under
 * FLOWDOWN_DATA_DIR (default ./data), points `env` at it and returns it;
 * with MONGODB_URI, returns null. Says why and exits when it cannot start.
 */
export async function embeddedDbFor(env) {
  if (env.MONGODB_URI) return null;
  if (!hasFerretdb()) {
    console.error(`\n${missingFerretdbMessage}\n`);
    process.exit(1);
  }
  let db;
  try {
    db = await startEmbeddedDb({ dataDir: path.resolve(env.FLOWDOWN_DATA_DIR ?? path.join(projectRoot, "data")) });
  } catch (error) {
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
  env.MONGODB_URI = db.uri;
  env.FLOWDOWN_EMBEDDED_DB = "1";
  return db;
}

export { maskUri } from "./mask-uri.mjs";
