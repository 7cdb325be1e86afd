import type { ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import {
  chooseEngine,
  freePort,
  projectRoot,
  startEmbeddedDb,
  type EmbeddedEngine,
} from "../../scripts/lib/embedded-db.mjs";
import { serveBuiltPortal } from "#tests/helpers/served-portal";

/** a database server of one's own, as given when the benchmark started */
const ownUri = process.env.MONGODB_URI;

export type Engine = EmbeddedEngine;

export interface BenchDb {
  uri: string;
  /** the embedded database's engine, or "MONGODB_URI" for a database of one's own */
  engine: Engine | "MONGODB_URI";
  dataDir: string;
  stop: () => Promise<void>;
}

/**
 * For benchmarks: a throwaway embedded database (on `engine` when given, else the embedded
 * default), or, with MONGODB_URI set, a fresh database on that server. BENCH_DATA_DIR keeps
 * the embedded database's folder between runs (to load or profile without seeding again).
 */
export async function startBenchDb(opts: { engine?: Engine; keep?: string } = {}): Promise<BenchDb> {
  const keep = opts.keep;
  const dataDir = keep
    ? (fs.mkdirSync(keep, { recursive: true }), path.resolve(keep))
    : fs.mkdtempSync(path.join(os.tmpdir(), "flowdown-bench-"));
  const removeDir = () => (keep ? undefined : fs.rmSync(dataDir, { recursive: true, force: true }));
  if (ownUri) {
    const uri = ownUri.replace(/\/[^/?]*(\?|$)/, keep ? "/flowdown_bench$1" : `/flowdown_bench_${Date.now()}$1`);
    // the benchmark's own connection (#app/lib/db.server) reads the parsed environment
    process.env.MONGODB_URI = uri;
    delete process.env.FLOWDOWN_EMBEDDED_DB;
    delete process.env.FLOWDOWN_EMBEDDED_ENGINE;
    return { uri, engine: "MONGODB_URI", dataDir, stop: async () => removeDir() };
  }
  const db = await startEmbeddedDb({ dataDir, quiet: true, engine: opts.engine });
  if (opts.engine && opts.engine !== db.engine) {
    await db.stop();
    removeDir();
    throw new Error(`asked for the ${opts.engine} engine, the embedded database started ${db.engine}`);
  }
  // as `npm start` sets them for the portal: the pool is sized for the engine (#app/lib/db.server),
  // in the benchmark's own connection too
  process.env.MONGODB_URI = db.uri;
  process.env.FLOWDOWN_EMBEDDED_DB = "1";
  process.env.FLOWDOWN_EMBEDDED_ENGINE = db.engine;
  const engine = db.engine;
  return {
    uri: db.uri,
    engine,
    dataDir,
    stop: async () => {
      await db.stop();
      removeDir();
    },
  };
}

/** True where the embedded database can run on PostgreSQL (its server programs are found). */
export function postgresqlInstalled(): boolean {
  try {
    return chooseEngine({ dataDir: path.join(os.tmpdir(), "flowdown-bench-no-such-folder") }).engine === "postgresql";
  } catch {
    return false;
  }
}

export interface BenchServer {
  baseUrl: string;
  pid: number;
  /** ms from spawning the process until its port accepted a connection */
  upMs: number;
  stop: () => Promise<void>;
}

/**
 * The built portal on loopback over `db`, as production runs it. `sessionSecret` lets a cookie
 * signed in on one server process stay valid on the next. Resolves once the port accepts a
 * connection, without a request: the first request is the caller's to time.
 */
export async function startBenchServer(
  db: BenchDb,
  opts: { env?: Record<string, string>; nodeArgs?: string[]; sessionSecret?: string; quiet?: boolean } = {},
): Promise<BenchServer> {
  if (!fs.existsSync(path.join(projectRoot, "build", "index.js")))
    throw new Error("Build the app first: npm run build");
  const port = await freePort();
  const t0 = performance.now();
  const server: ChildProcess = serveBuiltPortal({
    port,
    mongoUri: db.uri,
    dataDir: db.dataDir,
    env: {
      FLOWDOWN_DEMO_DATA: "off",
      FLOWDOWN_SCHEDULER: "off",
      SESSION_SECRET: opts.sessionSecret ?? crypto.randomBytes(32).toString("hex"),
      ...opts.env,
    },
    nodeArgs: opts.nodeArgs,
    stdio: ["ignore", "ignore", opts.quiet ? "ignore" : "inherit"],
  });
  for (let i = 0; !(await accepts(port)); i++) {
    if (i > 3000 || server.exitCode !== null) throw new Error("The app did not start");
    await new Promise((r) => setTimeout(r, 10));
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: server.pid!,
    upMs: performance.now() - t0,
    stop: async () => {
      if (server.exitCode !== null || server.signalCode !== null) return;
      const exited = new Promise((r) => server.once("exit", r));
      server.kill("SIGTERM");
      await exited;
    },
  };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Waits until the portal answers its sign-in page (the database connected, the indexes built). */
export async function untilServing(server: BenchServer): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${server.baseUrl}/login`)).ok) return;
    } catch {
      // not up yet
    }
    if (i > 600) throw new Error("The app did not answer its sign-in page");
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The server's resident memory now (VmRSS) and at its peak (VmHWM), in MiB, from /proc. */
export function residentMemory(pid: number): { rssMiB: number; peakMiB: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = (field: string) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"))?.[1] ?? NaN);
    return { rssMiB: kib("VmRSS") / 1024, peakMiB: kib("VmHWM") / 1024 };
  } catch {
    return null;
  }
}

/** The value at or below which p % of the sorted values lie (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** A timed GET: status, bytes and milliseconds until the whole body arrived. */
export async function timedGet(url: string, cookie: string): Promise<{ status: number; bytes: number; ms: number }> {
  const t0 = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  const body = await response.arrayBuffer();
  return { status: response.status, bytes: body.byteLength, ms: performance.now() - t0 };
}
