// The private PostgreSQL cluster under the data folder that the embedded FerretDB stores its data in.
// PostgreSQL comes from the operating system's package; this module finds its programs, creates the
// cluster on first start (initdb), and runs the server on a Unix socket in a private folder: nothing
// listens on TCP, and only the user the server runs as (and root) can open that folder.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { processNamed } from "./processes.mjs";

export const PG_USER = "flowdown";
export const PG_DATABASE = "ferretdb";
const PG_PORT = 5432; // only part of the socket's file name: the socket folder is private
const MIN_PG_MAJOR = 13;

export const installPostgresHint = [
  "Install PostgreSQL from your operating system's packages, then start the portal again:",
  "  Debian/Ubuntu: sudo apt-get install postgresql",
  "  Fedora/RHEL:   sudo dnf install postgresql-server",
  "  Arch:          sudo pacman -S postgresql",
  "  Alpine:        sudo apk add postgresql",
  "  macOS:         brew install postgresql@16 (or Postgres.app)",
  "The portal runs its own private cluster under its data folder; no system service needs to run.",
  "If PostgreSQL is installed somewhere else, set FLOWDOWN_PG_BIN to the folder that holds initdb and postgres.",
].join("\n");

function executable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function majorVersion(binDir) {
  const out = spawnSync(path.join(binDir, "postgres"), ["--version"], { encoding: "utf8" });
  const match = out.status === 0 ? /\(PostgreSQL\) (\d+)/.exec(out.stdout) : null;
  return match ? Number(match[1]) : null;
}

function versionedDirs(parent, pattern) {
  try {
    return fs
      .readdirSync(parent)
      .map((name) => ({ name, n: Number(pattern.exec(name)?.[1]) }))
      .filter((d) => Number.isFinite(d.n))
      .sort((a, b) => b.n - a.n)
      .map((d) => path.join(parent, d.name, "bin"));
  } catch {
    return [];
  }
}

function candidateDirs(env) {
  const fromPgConfig = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  return [
    ...versionedDirs("/usr/lib/postgresql", /^(\d+)$/), // Debian, Ubuntu
    ...versionedDirs("/usr/pgsql", /^(\d+)$/),
    ...versionedDirs("/opt/homebrew/opt", /^postgresql@(\d+)$/), // macOS, Apple silicon
    ...versionedDirs("/usr/local/opt", /^postgresql@(\d+)$/), // macOS, Intel
    ...versionedDirs("/usr/lib", /^postgresql(\d+)$/), // Alpine
    "/Applications/Postgres.app/Contents/Versions/latest/bin",
    fromPgConfig.status === 0 ? fromPgConfig.stdout.trim() : null,
    ...(env.PATH ?? "").split(path.delimiter),
    "/usr/bin", // Fedora, Arch
    "/usr/local/bin",
  ].filter(Boolean);
}

/**
 * The PostgreSQL server programs to use, or null when none are found. FLOWDOWN_PG_BIN names the
 * folder explicitly (a folder without them means "none").
 * @returns {{ binDir: string, major: number } | null}
 */
export function findPostgres(env = process.env) {
  const dirs = env.FLOWDOWN_PG_BIN !== undefined ? [env.FLOWDOWN_PG_BIN] : candidateDirs(env);
  for (const dir of dirs) {
    if (!executable(path.join(dir, "initdb")) || !executable(path.join(dir, "postgres"))) continue;
    const major = majorVersion(dir);
    if (major !== null && major >= MIN_PG_MAJOR) return { binDir: path.resolve(dir), major };
  }
  return null;
}

/** The account the server runs as: the current one, or the package's `postgres` user when we are root (PostgreSQL refuses to run as root). */
function serverAccount() {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return null;
  const out = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  if (out.status !== 0 || gid.status !== 0)
    throw new Error(
      "PostgreSQL refuses to run as root and there is no 'postgres' user to run it as. Run the portal as an ordinary user.",
    );
  return { uid: Number(out.stdout.trim()), gid: Number(gid.stdout.trim()), name: "postgres" };
}

/** The first folder on the way to `target` that `account` cannot pass through, or null. */
function blockedAncestor(target, account) {
  let dir = path.dirname(target);
  const chain = [];
  for (;;) {
    chain.unshift(dir);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const folder of chain) {
    const st = fs.statSync(folder);
    const bit = st.uid === account.uid ? 0o100 : st.gid === account.gid ? 0o010 : 0o001;
    if (!(st.mode & bit)) return folder;
  }
  return null;
}

function ownedBy(dir, account) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  if (account) fs.chownSync(dir, account.uid, account.gid);
}

function run(binDir, program, args, account, what) {
  const out = spawnSync(path.join(binDir, program), args, {
    encoding: "utf8",
    ...(account ? { uid: account.uid, gid: account.gid } : {}),
    env: { ...process.env, LC_ALL: "C", PGTZ: "UTC" },
    cwd: os.tmpdir(),
  });
  if (out.status !== 0)
    throw new Error(`${what} failed (${program} exit ${out.status ?? out.signal}):\n${out.stderr || out.stdout}`);
  return out.stdout;
}

/**
 * The folder for the server's socket: beside the cluster, unless that path is too long for a Unix
 * socket (about 100 bytes), then a private folder under the system's temporary folder.
 */
function socketFolder(dataDir, account) {
  const beside = path.join(dataDir, "postgres-run");
  if (Buffer.byteLength(path.join(beside, `.s.PGSQL.${PG_PORT}.lock`)) < 100) {
    ownedBy(beside, account);
    return beside;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "flowdown-pg-"));
  ownedBy(dir, account);
  return dir;
}

export function clusterExists(dataDir) {
  return fs.existsSync(path.join(dataDir, "postgres", "PG_VERSION"));
}

/** The PID of a PostgreSQL server still running on this cluster (from its postmaster.pid), or null. */
export function runningPostmaster(dataDir) {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
    return processNamed(pid, "postgres") ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Prepares the cluster (initdb on first start) and returns how to run its server: the command, the
 * account, and the FerretDB URL that reaches it through the socket.
 * @param {{ dataDir: string, pg: { binDir: string, major: number } }} opts
 */
export function prepareCluster({ dataDir, pg }) {
  const account = serverAccount();
  const clusterDir = path.join(dataDir, "postgres");
  if (account) {
    // the data folder is ours; the server's account must be able to pass through it to its own folder
    const st = fs.statSync(dataDir);
    if (!(st.mode & 0o001)) fs.chmodSync(dataDir, (st.mode & 0o7777) | 0o001);
    const blocked = blockedAncestor(clusterDir, account);
    if (blocked)
      throw new Error(
        `PostgreSQL runs as the '${account.name}' user (not as root) and cannot reach ${clusterDir}: ${blocked} is private. ` +
          "Run the portal as an ordinary user, or set FLOWDOWN_DATA_DIR to a folder that user can reach.",
      );
  }
  if (!clusterExists(dataDir)) {
    // a folder left by an initdb that did not finish is started afresh
    fs.rmSync(clusterDir, { recursive: true, force: true });
    ownedBy(clusterDir, account);
    run(
      pg.binDir,
      "initdb",
      [
        "-D",
        clusterDir,
        "-U",
        PG_USER,
        "--auth-local=trust",
        "--auth-host=reject",
        "-E",
        "UTF8",
        "--locale=C",
        "--no-instructions",
      ],
      account,
      "Creating the database cluster",
    );
  } else if (account) {
    fs.chownSync(clusterDir, account.uid, account.gid);
  }
  const socketDir = socketFolder(dataDir, account);
  const args = [
    "-D",
    clusterDir,
    "-p",
    String(PG_PORT),
    "-k",
    socketDir,
    "-c",
    "listen_addresses=",
    "-c",
    "unix_socket_permissions=0700",
    "-c",
    "timezone=UTC",
  ];
  const url = `postgres://${PG_USER}@/${PG_DATABASE}?host=${encodeURIComponent(socketDir)}&port=${PG_PORT}`;
  return { command: path.join(pg.binDir, "postgres"), args, account, socketDir, clusterDir, url };
}

/** Starts the cluster's server as a child process (its log appended to `logFile`). */
export function spawnPostgres(cluster, logFile) {
  const log = fs.openSync(logFile, "a");
  if (cluster.account) fs.fchownSync(log, cluster.account.uid, cluster.account.gid);
  const child = spawn(cluster.command, cluster.args, {
    stdio: ["ignore", log, log],
    cwd: os.tmpdir(),
    env: { ...process.env, LC_ALL: "C" },
    ...(cluster.account ? { uid: cluster.account.uid, gid: cluster.account.gid } : {}),
  });
  fs.closeSync(log);
  return child;
}

/** Resolves once the server accepts connections on its socket; creates FerretDB's database the first time. */
export async function waitForPostgres(cluster, pg, child, { timeoutMs = 60_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  const socketArgs = ["-h", cluster.socketDir, "-p", String(PG_PORT), "-U", PG_USER];
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    const ready = spawnSync(path.join(pg.binDir, "pg_isready"), [...socketArgs, "-d", "postgres", "-q"]);
    // pg_isready may be missing where only the server package is installed: then try psql directly
    if (ready.status === 0 || (ready.error && psqlAnswers(pg, socketArgs))) break;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  const exists = run(
    pg.binDir,
    "psql",
    [...socketArgs, "-d", "postgres", "-tAc", `select 1 from pg_database where datname = '${PG_DATABASE}'`],
    null,
    "Looking for the database",
  );
  if (exists.trim() !== "1") run(pg.binDir, "createdb", [...socketArgs, PG_DATABASE], null, "Creating the database");
  return true;
}

function psqlAnswers(pg, socketArgs) {
  const out = spawnSync(path.join(pg.binDir, "psql"), [...socketArgs, "-d", "postgres", "-tAc", "select 1"]);
  return out.status === 0;
}
