import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import mongoose from "mongoose";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { freePort, projectRoot } from "../../scripts/lib/embedded-db.mjs";
import type { Role } from "#models/user.server";
import { DEMO_ACCOUNTS } from "#scripts/demo/demo-data.server";
import { databaseUri, uniqueDbName } from "#tests/setup/database";
import { serveBuiltPortal, signInOverHttp } from "#tests/helpers/served-portal";
import { startSmtpServer, type SmtpFixture } from "#tests/fixtures/smtp";

import { launchBrowser } from "#tests/helpers/chromium";

export { CHROMIUM, launchBrowser } from "#tests/helpers/chromium";

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
 * Starts the built portal (`npm run build` output under build/) with remix-serve
 * on a free loopback port, on a database of its own with demo data.
 */
export async function startApp(
  extraEnv: Record<string, string> = {},
  options: StartAppOptions = {},
): Promise<RunningApp> {
  if (!fs.existsSync(path.join(projectRoot, "build", "index.js"))) {
    throw new Error("The app is not built: run `npm test` (it builds first) or `npm run build`.");
  }
  const port = await freePort();
  const mongoUri = options.mongoUri ?? databaseUri(uniqueDbName("e2e"));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "flowdown-e2e-"));
  let log = "";
  const child = serveBuiltPortal({
    port,
    mongoUri,
    dataDir,
    env: { FLOWDOWN_DEMO_DATA: "on", ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
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
interface PortalInBrowser {
  app: RunningApp;
  browser: Browser;
}

/**
 * The demo portal and a browser for the calling test file: started before
 * its tests, stopped after them. Read `app` and `browser` (and `smtp`, with
 * mail) inside the tests.
 */
export function demoPortalInBrowser(): PortalInBrowser;
export function demoPortalInBrowser(options: { mail: true }): PortalInBrowser & { smtp: SmtpFixture };
export function demoPortalInBrowser(options: { mail?: boolean } = {}): PortalInBrowser & { smtp?: SmtpFixture } {
  return portalInBrowser({ mail: options.mail ?? false, env: {} });
}

/**
 * A portal on an empty database (demo data off) that mails to a loopback SMTP
 * server, in a browser: started before the file's tests (the screenshot folder
 * made), stopped after them. Read `app`, `browser` and `smtp` inside the tests.
 */
export function emptyPortalInBrowser(): PortalInBrowser & { smtp: SmtpFixture } {
  beforeAll(() => {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });
  return portalInBrowser({ mail: true, env: { FLOWDOWN_DEMO_DATA: "off" } }) as PortalInBrowser & {
    smtp: SmtpFixture;
  };
}

function portalInBrowser({ mail, env }: { mail: boolean; env: Record<string, string> }) {
  const portal = {} as PortalInBrowser & { smtp?: SmtpFixture };
  beforeAll(async () => {
    // with mail: the portal sends to a loopback SMTP server the tests read, and the scheduler stays quiet
    portal.smtp = mail ? await startSmtpServer() : undefined;
    portal.app = await startApp(portal.smtp ? { ...env, SMTP_URL: portal.smtp.url, FLOWDOWN_SCHEDULER: "off" } : env);
    portal.browser = await launchBrowser();
  });
  afterAll(async () => {
    await portal.browser?.close();
    await portal.app?.stop();
    await portal.smtp?.stop();
  });
  return portal;
}

/** Polls `probe` until it gives something other than null (a throw counts as null), or fails naming `what`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null>,
  { timeoutMs = 90_000, everyMs = 250 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

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
    // by the fields' names: the page is in the browser's language
    const form = page.locator("main form[action^='/login']");
    await form.locator("input[name='email']").fill(email);
    await form.locator("input[name='password']").fill(password);
    await form.locator("button[type='submit']").click();
    await page.waitForURL(`${app.baseUrl}/${role}`);
    return;
  }
  return signInOverHttp(app.baseUrl, email, password);
}

export const SCREENSHOT_DIR = path.join(projectRoot, "test-results");
