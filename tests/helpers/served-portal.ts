import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import { projectRoot } from "../../scripts/lib/embedded-db.mjs";

const SECRET_KEY = crypto.randomBytes(32).toString("hex");

/**
 * Starts the built portal (build/index.js) with remix-serve on loopback, as production runs
 * it but with plain-http cookies; `env` adds to (or overrides) that environment.
 */
export function serveBuiltPortal(opts: {
  port: number;
  mongoUri: string;
  dataDir: string;
  env?: Record<string, string>;
  nodeArgs?: string[];
  stdio: StdioOptions;
}): ChildProcess {
  return spawn(
    process.execPath,
    [...(opts.nodeArgs ?? []), path.join(projectRoot, "node_modules/@remix-run/serve/dist/cli.js"), "build/index.js"],
    {
      cwd: projectRoot,
      env: {
        ...process.env,
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        PORT: String(opts.port),
        MONGODB_URI: opts.mongoUri,
        SESSION_SECRET: crypto.randomBytes(32).toString("hex"),
        // one key for every portal this test process starts: a restarted portal opens what it sealed before
        FLOWDOWN_SECRET_KEY: SECRET_KEY,
        FLOWDOWN_DATA_DIR: opts.dataDir,
        // plain http on loopback
        FLOWDOWN_INSECURE_COOKIES: "1",
        ...opts.env,
      },
      stdio: opts.stdio,
    },
  );
}

/** Signs in over HTTP as a browser would, returning the session cookie ("name=value"). */
export async function signInOverHttp(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password }),
    redirect: "manual",
  });
  const cookie = res.headers.get("set-cookie");
  if (res.status !== 302 || !cookie) throw new Error(`Sign-in failed for ${email}: ${res.status}`);
  return cookie.split(";")[0];
}
