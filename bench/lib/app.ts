import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, projectRoot, startEmbeddedDb } from "../../scripts/lib/embedded-db.mjs";
import { serveBuiltPortal } from "#tests/helpers/served-portal";

/**
 * For benchmarks: a throwaway embedded database and the built portal on
 * loopback, both stopped by `stop()`. Uses MONGODB_URI instead when set.
 */
export async function startBenchApp(
  opts: { nodeArgs?: string[] } = {},
): Promise<{ baseUrl: string; mongoUri: string; stop: () => Promise<void> }> {
  if (!fs.existsSync(path.join(projectRoot, "build", "index.js")))
    throw new Error("Build the app first: npx remix build");
  // BENCH_DATA_DIR keeps the seeded database between runs (to profile without seeding again)
  const keep = process.env.BENCH_DATA_DIR;
  const dir = keep
    ? (fs.mkdirSync(keep, { recursive: true }), path.resolve(keep))
    : fs.mkdtempSync(path.join(os.tmpdir(), "flowdown-bench-"));
  const db = process.env.MONGODB_URI ? null : await startEmbeddedDb({ dataDir: dir, quiet: true });
  const mongoUri = process.env.MONGODB_URI
    ? process.env.MONGODB_URI.replace(/\/[^/?]*(\?|$)/, `/flowdown_bench_${Date.now()}$1`)
    : db!.uri;
  // the benchmark connects to it too, through the portal's connection, which reads the parsed environment
  process.env.MONGODB_URI = mongoUri;
  const port = await freePort();
  const server = serveBuiltPortal({
    port,
    mongoUri,
    dataDir: dir,
    env: { FLOWDOWN_DEMO_DATA: "off", FLOWDOWN_SCHEDULER: "off" },
    nodeArgs: opts.nodeArgs,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${baseUrl}/login`)).ok) break;
    } catch {
      // not up yet
    }
    if (i > 300 || server.exitCode !== null) throw new Error("The app did not start");
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    baseUrl,
    mongoUri,
    stop: async () => {
      const exited = new Promise((r) => server.once("exit", r));
      server.kill("SIGTERM");
      await exited;
      if (db) await db.stop();
      if (!keep) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
