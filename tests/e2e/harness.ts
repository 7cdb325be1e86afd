import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import mongoose from "mongoose";
import { chromium, type Browser, type Page } from "playwright-core";
import { freePort, projectRoot } from "../../scripts/lib/embedded-db.mjs";
import type { Role } from "#models/user.server";
import { DEMO_ACCOUNTS } from "#scripts/demo/demo-data.server";
import { databaseUri, uniqueDbName } from "#tests/setup/database";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface RunningApp {
  baseUrl: string;
  mongoUri: string;
  /** the remix-serve process, e.g. to signal it or to see that it is still running */
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

export interface StartAppOptions {
  /** a database the caller owns (kept by stop()); by default the app gets a new one, dropped by stop() */
  mongoUri?: string;
}

/**
 * Starts the built portal (`remix build` output under build/) with remix-serve
 * on a free loopback port, on a database of its own with demo data.
 */
export async function startApp(
  extraEnv: Record<string, string> = {},
  options: StartAppOptions = {},
): Promise<RunningApp> {
  if (!fs.existsSync(path.join(projectRoot, "build", "index.js"))) {
    throw new Error("The app is not built: run `npm test` (it builds first) or `npx remix build`.");
  }
  const port = await freePort();
  const mongoUri = options.mongoUri ?? databaseUri(uniqueDbName("e2e"));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "flowdown-e2e-"));
  let log = "";
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(projectRoot, "node_modules/@remix-run/serve/dist/cli.js"), "build/index.js"],
    {
      cwd: projectRoot,
      env: {
        ...process.env,
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        PORT: String(port),
        MONGODB_URI: mongoUri,
        SESSION_SECRET: crypto.randomBytes(32).toString("hex"),
        FLOWDOWN_DEMO_DATA: "on",
        FLOWDOWN_DATA_DIR: dataDir,
        // plain http on loopback in tests
        FLOWDOWN_INSECURE_COOKIES: "1",
        ...extraEnv,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app exited while starting:\n${log}`);
    try {
      const res = await fetch(`${baseUrl}/login`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The app did not answer within 60 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    baseUrl,
    mongoUri,
    process: child,
    output: () => log,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(force);
      }
      if (!options.mongoUri) {
        const conn = await mongoose.createConnection(mongoUri).asPromise();
        await conn.dropDatabase().catch(() => {});
        await conn.close();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Who signs in: a demo account by its role, or an account's credentials (a factory's user and password). */
export type SignInAs =
  | Role
  | { email: string; password: string; role: Role }
  | { user: { email: string; role: Role }; password: string };

function credentials(who: SignInAs): { email: string; password: string; role: Role } {
  if (typeof who === "string") {
    const account = DEMO_ACCOUNTS.find((a) => a.role === who);
    if (!account) throw new Error(`No demo account has the role ${who}`);
    return account;
  }
  return "user" in who ? { email: who.user.email, password: who.password, role: who.user.role } : who;
}

/**
 * Signs in to the running app. With a page: through the login form, as a person would, and waits
 * for the role's dashboard. Without: over HTTP as a browser would, returning the session cookie
 * ("name=value").
 */
export async function signIn(app: Pick<RunningApp, "baseUrl">, who: SignInAs): Promise<string>;
export async function signIn(app: Pick<RunningApp, "baseUrl">, who: SignInAs, page: Page): Promise<void>;
export async function signIn(app: Pick<RunningApp, "baseUrl">, who: SignInAs, page?: Page): Promise<string | void> {
  const { email, password, role } = credentials(who);
  if (page) {
    await page.goto(`${app.baseUrl}/login`);
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${app.baseUrl}/${role}`);
    return;
  }
  const res = await fetch(`${app.baseUrl}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password }),
    redirect: "manual",
  });
  const cookie = res.headers.get("set-cookie");
  if (res.status !== 302 || !cookie) throw new Error(`Sign-in failed for ${email}: ${res.status}`);
  return cookie.split(";")[0];
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it with 'apt-get install -y chromium' (.ci/run does this), or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

export const SCREENSHOT_DIR = path.join(projectRoot, "test-results");
