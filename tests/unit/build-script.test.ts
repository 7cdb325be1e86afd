/**
 * scripts/build.mjs, the build of `npm start`, `npm test` and `npm run build`, run as those
 * commands run it, on a minimal Remix app written to a temporary folder.
 *
 * The failure it exists for depends on timing: `remix build` exits with esbuild's contexts
 * still open, and when esbuild's service had just sent its once-a-second ping that Node did not
 * answer before exiting, the service prints "fatal error: all goroutines are asleep - deadlock!"
 * (on a two-core machine: none of 16 cold builds alone, 21 of 84 beside another build). Here
 * Node is kept busy for 2 s as it exits (an `exit` handler loaded with --import), so that a
 * ping always goes unanswered: with contexts left open the trace then comes every time, and
 * the last test shows that it does for `remix build`.
 * Each run waits for its stderr to close, which also waits for the esbuild service (it shares
 * that stderr) to end and say whatever it has to say.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../scripts/lib/embedded-db.mjs";

const buildScript = path.join(projectRoot, "scripts", "build.mjs");
const remixCli = path.join(projectRoot, "node_modules", "@remix-run", "dev", "dist", "cli.js");

const APP: Record<string, string> = {
  "package.json": JSON.stringify({
    name: "build-script-fixture",
    private: true,
    type: "module",
    // Remix picks its default entry.server by these (and would install isbot when it is missing)
    dependencies: { "@remix-run/node": "*", "@remix-run/react": "*", isbot: "*", react: "*", "react-dom": "*" },
  }),
  "remix.config.js": `export default { future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true, v3_singleFetch: true } };\n`,
  "app/root.tsx": `import { Outlet, Scripts } from "@remix-run/react";\nexport default function App() {\n  return (<html lang="en"><head /><body><Outlet /><Scripts /></body></html>);\n}\n`,
  "app/routes/_index.tsx": `export default function Index() {\n  return <p>built</p>;\n}\n`,
};

/** Node busy for 2 s as it exits: esbuild's next ping (one a second) arrives and is never answered. */
const BUSY_EXIT = `process.on("exit", () => { const end = Date.now() + 2000; while (Date.now() < end); });\n`;

let tmp: string;

/** A copy of the minimal app (with `extra` files) that resolves packages from this project. */
function app(name: string, extra: Record<string, string> = {}): string {
  const dir = path.join(tmp, name);
  for (const [file, text] of Object.entries({ ...APP, ...extra })) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  symlinkSync(path.join(projectRoot, "node_modules"), path.join(dir, "node_modules"), "dir");
  return dir;
}

/** Runs node with `args` in `cwd` until its output closes (esbuild's service included). */
function run(cwd: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", path.join(tmp, "busy-exit.mjs"), ...args], {
      cwd,
      env: { ...process.env, NODE_ENV: "production", NO_COLOR: "1", FORCE_COLOR: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const GO_TRACE = /goroutine|fatal error/;

// each test builds an app, which takes a while on a busy two-core CI machine
describe("the build script (npm start, npm test, npm run build)", { timeout: 60_000 }, () => {
  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), "flowdown-build-"));
    writeFileSync(path.join(tmp, "busy-exit.mjs"), BUSY_EXIT);
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("builds, exits 0, and esbuild's service ends without a Go trace", async () => {
    const dir = app("ok");
    const { code, stdout, stderr } = await run(dir, [buildScript, dir]);
    expect(stderr).not.toMatch(GO_TRACE);
    expect(code).toBe(0);
    expect(stdout).toMatch(/built \(/);
    expect(existsSync(path.join(dir, "build", "index.js"))).toBe(true);
    expect(existsSync(path.join(dir, "public", "build"))).toBe(true);
  });

  it("fails a broken build with exit code 1 and esbuild's message, and no Go trace", async () => {
    const dir = app("broken", {
      "app/routes/broken.tsx": `import { missing } from "./missing";\nexport default function Broken() {\n  return <p>{missing}</p>;\n}\n`,
    });
    const { code, stdout, stderr } = await run(dir, [buildScript, dir]);
    expect(code).toBe(1);
    expect(stderr).toContain('Could not resolve "./missing"');
    expect(stderr).toContain("app/routes/broken.tsx");
    expect(stderr).not.toMatch(GO_TRACE);
    expect(stdout).not.toMatch(/built \(/);
  });

  it("catches the failure of `remix build` itself, the reason the script exists", async () => {
    const dir = app("remix-cli");
    const { code, stderr } = await run(dir, [remixCli, "build"]);
    // exit code 0 and a built app, yet the trace: if this stops failing, esbuild or Remix changed
    expect(code).toBe(0);
    expect(stderr).toContain("fatal error: all goroutines are asleep - deadlock!");
  });
});
