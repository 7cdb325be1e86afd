/**
 * Build benchmark: `npm run bench:build -- [count] [script|remix]`.
 * Builds the portal `count` times (default 20) from a cold cache, as a newcomer's
 * first `npm start` does, with scripts/build.mjs (default) or with `remix build`,
 * and counts the builds after which esbuild's service printed a Go trace
 * ("fatal error: all goroutines are asleep - deadlock!", see scripts/build.mjs),
 * whatever their exit code. Each build waits for its stderr to close, which the
 * esbuild service shares, so a trace printed after the build ended is counted.
 * Overwrites build/ and public/build/.
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../scripts/lib/embedded-db.mjs";

const count = Number(process.argv[2] ?? 20);
const how = process.argv[3] ?? "script";
if (!Number.isInteger(count) || count < 1 || (how !== "script" && how !== "remix")) {
  console.error("Usage: npm run bench:build -- [count] [script|remix]");
  process.exit(2);
}
const command =
  how === "script"
    ? [path.join(projectRoot, "scripts", "build.mjs")]
    : [path.join(projectRoot, "node_modules", "@remix-run", "dev", "dist", "cli.js"), "build"];

function build(): Promise<{ code: number | null; stderr: string; ms: number }> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, command, {
      cwd: projectRoot,
      env: { ...process.env, NODE_ENV: "production" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr, ms: Date.now() - start }));
  });
}

let traces = 0;
let failures = 0;
let totalMs = 0;
for (let i = 1; i <= count; i++) {
  for (const dir of [".cache", "build", "public/build"]) {
    rmSync(path.join(projectRoot, dir), { recursive: true, force: true });
  }
  const { code, stderr, ms } = await build();
  totalMs += ms;
  const trace = stderr.includes("all goroutines are asleep");
  if (trace) traces++;
  if (code !== 0) failures++;
  console.log(`build ${i}/${count}: exit code ${code}, ${(ms / 1000).toFixed(1)} s${trace ? ", Go trace" : ""}`);
}
console.log(
  `${how === "script" ? "scripts/build.mjs" : "remix build"}: ${traces} of ${count} builds with a Go trace, ` +
    `${failures} with a non-zero exit code, ${(totalMs / count / 1000).toFixed(1)} s per build`,
);
