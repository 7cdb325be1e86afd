// The embedded database: FerretDB v1.24.2 on 127.0.0.1, over a private PostgreSQL cluster under the
// data folder (or, where PostgreSQL is not installed, FerretDB's SQLite backend), running for as long
// as the app (or a test run) needs it.
// Plain ESM JavaScript so that npm scripts and the test setup can both use it
// without a build step.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import mongoose from "mongoose";
import { processAlive, processNamed } from "./processes.mjs";
import {
  clusterExists,
  findPostgres,
  installPostgresHint,
  prepareCluster,
  runningPostmaster,
  spawnPostgres,
  waitForPostgres,
} from "./postgres.mjs";

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

function readPidFile(pidFile) {
  try {
    const info = JSON.parse(fs.readFileSync(pidFile, "utf8"));
    return Number.isInteger(info.pid) && Number.isInteger(info.port) ? info : null;
  } catch {
    return null;
  }
}

function isFerretdb(pid) {
  return processNamed(pid, "ferretdb");
}

const ENGINES = ["postgresql", "sqlite"];

export const sqliteNotice = [
  "The embedded database runs on FerretDB's SQLite backend: for evaluation only.",
  "SQLite serves one writer at a time and looks up little but ids, so pages slow down as data grows.",
  "For real use, install PostgreSQL; the portal then keeps its data in a private PostgreSQL cluster",
  "under the data folder.",
  installPostgresHint,
].join("\n");

function sqliteHasData(dir) {
  try {
    return fs.readdirSync(path.join(dir, "ferretdb")).some((f) => f.endsWith(".sqlite"));
  } catch {
    return false;
  }
}

/**
 * Which backend the embedded FerretDB uses for this data folder: PostgreSQL when its programs are
 * found, SQLite otherwise (with a notice). A folder that already holds data keeps its backend, so
 * nothing a user entered disappears behind an empty database; `npm run backup` and `restore` move it.
 * @returns {{ engine: "postgresql" | "sqlite", pg: { binDir: string, major: number } | null, notice: string | null }}
 */
export function chooseEngine({ dataDir, requested, env = process.env }) {
  if (requested !== undefined && requested !== "" && !ENGINES.includes(requested))
    throw new Error(`FLOWDOWN_DB_ENGINE must be "postgresql" or "sqlite" (got "${requested}").`);
  if (requested === "sqlite") return { engine: "sqlite", pg: null, notice: null };
  const pg = findPostgres(env);
  if (requested === "postgresql" && !pg)
    throw new Error(`FLOWDOWN_DB_ENGINE=postgresql, but PostgreSQL was not found.\n${installPostgresHint}`);
  if (clusterExists(dataDir)) {
    if (pg) return { engine: "postgresql", pg, notice: null };
    throw new Error(
      `The data in ${dataDir} is kept in PostgreSQL, which was not found on this machine.\n${installPostgresHint}`,
    );
  }
  if (!requested && sqliteHasData(dataDir))
    return {
      engine: "sqlite",
      pg: null,
      notice: pg
        ? [
            `The data in ${dataDir} is on FerretDB's SQLite backend (from an earlier version, or a machine without`,
            "PostgreSQL), so the portal keeps using it. SQLite is for evaluation only. To move the data onto",
            "PostgreSQL, stop the portal and run:",
            "  npm run backup -- --out backups/move",
            "  FLOWDOWN_DB_ENGINE=postgresql npm run restore -- backups/move",
            "The next 'npm start' then runs on PostgreSQL; the SQLite files stay in data/ferretdb until you delete them.",
          ].join("\n")
        : sqliteNotice,
    };
  if (pg) return { engine: "postgresql", pg, notice: null };
  return { engine: "sqlite", pg: null, notice: sqliteNotice };
}

async function endProcess(pid, signal) {
  if (!processAlive(pid)) return;
  process.kill(pid, signal);
  for (let i = 0; i < 150 && processAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (processAlive(pid)) process.kill(pid, "SIGKILL");
}

/**
 * A FerretDB already serving this data folder: shared when the process that started it is still
 * running (e.g. `npm run seed` beside `npm start`) and it runs on the engine wanted; orphans of a
 * killed run (FerretDB and its PostgreSQL) are ended.
 */
async function existingServer(dir, pidFile, dbName, engine) {
  const info = readPidFile(pidFile);
  if (info && isFerretdb(info.pid)) {
    if (info.ownerPid !== process.pid && processAlive(info.ownerPid)) {
      const running = info.engine ?? "sqlite";
      if (running !== engine)
        throw new Error(
          `The embedded database of ${dir} is running on ${running} (process ${info.ownerPid}); stop it before using it on ${engine}.`,
        );
      const uri = `mongodb://127.0.0.1:${info.port}/${dbName}`;
      if (await ping(uri, 2000)) return { uri, port: info.port };
    }
    await endProcess(info.pid, "SIGTERM");
  }
  const postmaster = runningPostmaster(dir);
  if (postmaster !== null) await endProcess(postmaster, "SIGINT"); // fast shutdown
  return null;
}

/**
 * A child process kept running: restarted (after 1 s, then longer) if it stops without being asked,
 * up to 10 times in 5 minutes.
 */
function supervise(name, spawnChild, logFile) {
  let child;
  let stopping = false;
  const restarts = [];
  const start = () => {
    child = spawnChild();
    const me = child;
    me.on("exit", (code, signal) => {
      if (stopping || me !== child) return;
      const now = Date.now();
      restarts.push(now);
      while (restarts.length && restarts[0] < now - 300_000) restarts.shift();
      if (restarts.length > 10) {
        console.error(
          `${name} stopped (exit ${code ?? signal}) and keeps stopping: not restarting it. See ${logFile}.`,
        );
        return;
      }
      const delay = Math.min(30_000, 1000 * 2 ** (restarts.length - 1));
      console.error(
        `${name} stopped unexpectedly (exit ${code ?? signal}); restarting it in ${delay / 1000} s. See ${logFile}.`,
      );
      setTimeout(() => {
        if (!stopping) start();
      }, delay).unref();
    });
  };
  start();
  return {
    get process() {
      return child;
    },
    async stop(signal, graceMs) {
      stopping = true;
      const current = child;
      if (current.exitCode !== null || current.signalCode !== null) return;
      const done = new Promise((resolve) => current.once("exit", resolve));
      current.kill(signal);
      const timer = setTimeout(() => current.kill("SIGKILL"), graceMs);
      await done;
      clearTimeout(timer);
    },
  };
}

/**
 * Starts FerretDB with its data under `dataDir` (on a private PostgreSQL cluster there, or SQLite;
 * see chooseEngine) and resolves once it answers a ping. Both servers are restarted if they stop
 * unexpectedly, and stopped together by `stop()`.
 * @returns {Promise<import("./embedded-db.d.mts").EmbeddedDb>}
 */
export async function startEmbeddedDb({
  dataDir,
  dbName = "flowdown",
  port,
  quiet = false,
  engine: requested = process.env.FLOWDOWN_DB_ENGINE,
  env = process.env,
} = {}) {
  if (!hasFerretdb()) throw new Error(missingFerretdbMessage);
  const dir = path.resolve(dataDir ?? path.join(projectRoot, "data"));
  fs.mkdirSync(dir, { recursive: true });
  const { engine, pg, notice } = chooseEngine({ dataDir: dir, requested, env });
  const stateDir = path.join(dir, "ferretdb-state");
  fs.mkdirSync(stateDir, { recursive: true });
  const pidFile = path.join(dir, "ferretdb.pid");
  const shared = await existingServer(dir, pidFile, dbName, engine);
  if (shared) {
    if (!quiet) console.log(`Using the embedded database already running on 127.0.0.1:${shared.port}`);
    return { ...shared, engine, stop: async () => {}, process: null, postgresProcess: null };
  }
  if (notice && !quiet) console.warn(`\n${notice}\n`);

  let postgres = null;
  let backendArgs;
  if (engine === "postgresql") {
    const cluster = prepareCluster({ dataDir: dir, pg });
    const pgLog = path.join(dir, "postgres.log");
    postgres = supervise("The embedded PostgreSQL", () => spawnPostgres(cluster, pgLog), pgLog);
    if (!(await waitForPostgres(cluster, pg, postgres.process))) {
      await postgres.stop("SIGINT", 5000);
      const tail = fs.readFileSync(pgLog, "utf8").split("\n").slice(-15).join("\n");
      throw new Error(`The embedded PostgreSQL did not start. Last lines of ${pgLog}:\n${tail}`);
    }
    backendArgs = ["--handler=postgresql", `--postgresql-url=${cluster.url}`];
  } else {
    const sqliteDir = path.join(dir, "ferretdb");
    fs.mkdirSync(sqliteDir, { recursive: true });
    backendArgs = ["--handler=sqlite", `--sqlite-url=file:${sqliteDir}/`];
  }

  const listenPort = port ?? (await freePort());
  const logFile = path.join(dir, "ferretdb.log");
  const ferretdb = supervise(
    "The embedded FerretDB",
    () => {
      const log = fs.openSync(logFile, "a");
      const child = spawn(
        ferretdbBinary,
        [
          ...backendArgs,
          `--listen-addr=127.0.0.1:${listenPort}`,
          `--state-dir=${stateDir}`,
          "--telemetry=disable",
          "--debug-addr=-",
          "--log-level=warn",
        ],
        { stdio: ["ignore", log, log], cwd: stateDir },
      );
      fs.closeSync(log);
      return child;
    },
    logFile,
  );
  const writePidFile = () =>
    fs.writeFileSync(
      pidFile,
      JSON.stringify({ pid: ferretdb.process.pid, port: listenPort, ownerPid: process.pid, engine }),
    );
  writePidFile();
  ferretdb.process.on("spawn", writePidFile);

  async function stop() {
    await ferretdb.stop("SIGTERM", 5000);
    // fast shutdown: ends the remaining connections, then stops cleanly
    if (postgres) await postgres.stop("SIGINT", 15_000);
    fs.rmSync(pidFile, { force: true });
  }

  const uri = `mongodb://127.0.0.1:${listenPort}/${dbName}`;
  const deadline = Date.now() + 30_000;
  const first = ferretdb.process;
  while (!(await ping(uri, 500))) {
    if (first.exitCode !== null || first.signalCode !== null) {
      await stop();
      const tail = fs.readFileSync(logFile, "utf8").split("\n").slice(-15).join("\n");
      throw new Error(
        `The embedded database (FerretDB) stopped while starting (exit ${first.exitCode ?? first.signalCode}).\nLast lines of ${logFile}:\n${tail}`,
      );
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The embedded database did not answer on 127.0.0.1:${listenPort} within 30 s; see ${logFile}.`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!quiet) {
    const where =
      engine === "postgresql"
        ? `PostgreSQL ${pg.major} cluster in ${path.join(dir, "postgres")}`
        : `set of SQLite files in ${path.join(dir, "ferretdb")}`;
    console.log(`Embedded database (FerretDB ${FERRETDB_VERSION}) on 127.0.0.1:${listenPort}, data in a ${where}`);
  }
  return {
    uri,
    port: listenPort,
    engine,
    stop,
    get process() {
      return ferretdb.process;
    },
    get postgresProcess() {
      return postgres ? postgres.process : null;
    },
  };
}

/** The embedded database's data folder: FLOWDOWN_DATA_DIR, default ./data (absolute). */
export function dataDirOf(env) {
  return path.resolve(env.FLOWDOWN_DATA_DIR ?? path.join(projectRoot, "data"));
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
    db = await startEmbeddedDb({ dataDir: dataDirOf(env) });
  } catch (error) {
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
  env.MONGODB_URI = db.uri;
  env.FLOWDOWN_EMBEDDED_DB = "1";
  env.FLOWDOWN_EMBEDDED_ENGINE = db.engine;
  return db;
}

export { maskUri } from "./mask-uri.mjs";
