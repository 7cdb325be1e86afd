import { spawnSync } from "node:child_process";
import path from "node:path";
import mongoose from "mongoose";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, projectRoot } from "../../scripts/lib/embedded-db.mjs";
import { DEMO_ACCOUNTS } from "#scripts/demo/demo-data.server";
import { signInOverHttp } from "#tests/helpers/served-portal";
import { demoPortalInBrowser, startApp, type RunningApp } from "./harness";

/** The served build (server.ts around remix-serve's build): headers, cross-site refusal, and pages that run under the CSP. */
const portal = demoPortalInBrowser();

function expectSecurityHeaders(res: Response) {
  expect(res.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
}

describe("the served portal", () => {
  it("sends the security headers on pages (with a script nonce), data requests and resource routes", async () => {
    const page = await fetch(`${portal.app.baseUrl}/login`);
    expectSecurityHeaders(page);
    const nonce = /'nonce-([^']+)'/.exec(page.headers.get("content-security-policy")!)![1];
    const html = await page.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
    expectSecurityHeaders(await fetch(`${portal.app.baseUrl}/login.data`));
    const api = await fetch(`${portal.app.baseUrl}/api/assessments/000000000000000000000000/answers`);
    expect(api.status).toBe(405);
    expectSecurityHeaders(api);
    expect(api.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
  });

  it("refuses cross-site posts to the API with 403 and a clear message, and a cross-site sign-in before it runs", async () => {
    const api = await fetch(`${portal.app.baseUrl}/api/assessments/000000000000000000000000/answers`, {
      method: "POST",
      headers: { Origin: "https://attacker.example", "Content-Type": "application/json" },
      body: "{}",
    });
    expect(api.status).toBe(403);
    expect(await api.text()).toMatch(/sent from another site/);
    const account = DEMO_ACCOUNTS[0];
    const login = await fetch(`${portal.app.baseUrl}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: "https://attacker.example", "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: account.email, password: account.password }),
    });
    // the portal's own 403 page, not Remix's bare 500
    expect(login.status).toBe(403);
    expect(login.headers.get("content-type")).toMatch(/^text\/html/);
    expectSecurityHeaders(login);
    const page = await login.text();
    expect(page).toContain("This form was sent from another site, so the portal refused it.");
    expect(page).toContain("Go to your dashboard");
    expect(login.headers.get("set-cookie")).toBeNull();
    const nullOrigin = await fetch(`${portal.app.baseUrl}/login`, {
      method: "POST",
      headers: { Origin: "null", "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: account.email, password: account.password }),
    });
    expect(nullOrigin.status).toBe(403);
    expect(nullOrigin.headers.get("set-cookie")).toBeNull();
    const fetcher = await fetch(`${portal.app.baseUrl}/login.data`, {
      method: "POST",
      headers: {
        Origin: "https://attacker.example",
        "Sec-Fetch-Site": "cross-site",
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ email: account.email, password: account.password }),
    });
    expect(fetcher.status).toBe(403);
    expect(fetcher.headers.get("set-cookie")).toBeNull();
  });

  it("sends Retry-After with every 429: sign-in posted as a page and by a fetcher, and a page's loader", async () => {
    const base = portal.app.baseUrl;
    const email = `held-back-${Date.now()}@example.test`;
    await inDatabase((db) =>
      db
        .collection("attempts")
        .insertMany(Array.from({ length: 5 }, () => ({ key: `login:account:${email}`, at: new Date() }))),
    );
    for (const path of ["/login", "/login.data"]) {
      const res = await fetch(`${base}${path}`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email, password: "not the password" }),
      });
      expect(res.status, path).toBe(429);
      expect(res.headers.get("retry-after"), path).toMatch(/^(8\d\d|900)$/);
    }
    const hash = "0".repeat(64);
    let verify = await fetch(`${base}/verify?sha256=${hash}`);
    for (let i = 0; i < 40 && verify.status !== 429; i++) verify = await fetch(`${base}/verify?sha256=${hash}`);
    expect(verify.status).toBe(429);
    expect(Number(verify.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await verify.text()).toContain("Too many attempts");
    const data = await fetch(`${base}/verify.data?sha256=${hash}`);
    expect(data.status).toBe(429);
    expect(Number(data.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("keeps the connection's address, not a client's X-Forwarded-For, when no proxy is trusted", async () => {
    const account = DEMO_ACCOUNTS.find((a) => a.role === "supplier")!;
    const res = await fetch(`${portal.app.baseUrl}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "X-Forwarded-For": "203.0.113.66", "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: account.email, password: account.password }),
    });
    expect(res.status).toBe(302);
    const sessions = await inDatabase(async (db) => {
      const user = await db.collection("users").findOne({ email: account.email });
      return db.collection("sessions").find({ userId: user!._id }).sort({ _id: -1 }).limit(1).toArray();
    });
    expect(sessions[0]?.ip).toBe("127.0.0.1");
  });

  it("marks every response for a signed-in user private, no-store: pages, their data, and resource routes", async () => {
    const procurement = DEMO_ACCOUNTS.find((a) => a.role === "procurement")!;
    const cookie = await signInOverHttp(portal.app.baseUrl, procurement.email, procurement.password);
    const headers = { Cookie: cookie };
    for (const path of ["/procurement", "/procurement.data", "/account", "/reports/000000000000000000000000"]) {
      const res = await fetch(`${portal.app.baseUrl}${path}`, { headers, redirect: "manual" });
      expect(res.status, path).toBeLessThan(500);
      expect(res.headers.get("cache-control"), path).toBe("private, no-store");
    }
  });

  it("serves a small icon that every page links, so no page load asks for a missing /favicon.ico", async () => {
    const icon = await fetch(`${portal.app.baseUrl}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toMatch(/icon/);
    const bytes = Buffer.from(await icon.arrayBuffer());
    expect([...bytes.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    expect(bytes.length).toBeLessThan(4096);
    expect(await (await fetch(`${portal.app.baseUrl}/login`)).text()).toMatch(/<link rel="icon" href="\/favicon.ico"/);
    const context = await portal.browser.newContext();
    const page = await context.newPage();
    const failed: string[] = [];
    page.on("response", (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await visit(page, `${portal.app.baseUrl}/login`);
    expect(failed).toEqual([]);
    await context.close();
  });

  it("runs every role's main pages without a CSP violation, and navigates client-side (hydrated)", async () => {
    const pages: Record<string, string[]> = {
      supplier: ["/supplier", "/supplier/certifications", "/account"],
      procurement: ["/procurement", "/procurement/agreements", "/procurement/assessments"],
      discloser: ["/discloser"],
      admin: ["/admin", "/admin/audit"],
    };
    for (const account of DEMO_ACCOUNTS) {
      const context = await portal.browser.newContext();
      const page = await context.newPage();
      const violations: string[] = [];
      page.on("console", (m) => {
        if (/Content Security Policy|Refused to (execute|apply|load)/i.test(m.text())) violations.push(m.text());
      });
      await page.goto(`${portal.app.baseUrl}/login`);
      await page.getByLabel("E-mail").fill(account.email);
      await page.getByLabel("Password").fill(account.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((u) => !u.pathname.startsWith("/login"));
      for (const path of pages[account.role]) await visit(page, `${portal.app.baseUrl}${path}`);
      // client-side navigation works: React hydrated under the policy
      await page.getByRole("link", { name: "Account" }).click();
      await page.waitForURL(/\/account$/);
      await page.getByRole("heading", { level: 1, name: "Account" }).waitFor();
      expect(violations, account.role).toEqual([]);
      await context.close();
    }
  });
});

describe("the served portal behind a proxy named in TRUST_PROXY", () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp({ TRUST_PROXY: "loopback" });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it("takes the client's address from what the proxy appended to X-Forwarded-For, not from what the client wrote", async () => {
    const account = DEMO_ACCOUNTS.find((a) => a.role === "discloser")!;
    const res = await fetch(`${app.baseUrl}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "X-Forwarded-For": "10.9.9.9, 203.0.113.80", "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: account.email, password: account.password }),
    });
    expect(res.status).toBe(302);
    const sessions = await inDatabase(async (db) => {
      const user = await db.collection("users").findOne({ email: account.email });
      return db.collection("sessions").find({ userId: user!._id }).sort({ _id: -1 }).limit(1).toArray();
    }, app.mongoUri);
    expect(sessions[0]?.ip).toBe("203.0.113.80");
  });

  it("refuses to start with a TRUST_PROXY it cannot read, naming the entry, without a stack trace", async () => {
    const result = spawnSync(
      process.execPath,
      [path.join(projectRoot, "node_modules/@remix-run/serve/dist/cli.js"), "build/index.js"],
      {
        cwd: projectRoot,
        env: {
          ...process.env,
          MONGODB_URI: app.mongoUri,
          PORT: String(await freePort()),
          NODE_ENV: "production",
          SESSION_SECRET: "x".repeat(40),
          TRUST_PROXY: "10.0.0.5, proxy.example.com",
        },
        encoding: "utf8",
        timeout: 30_000,
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("TRUST_PROXY: TRUST_PROXY must list the proxies in front of the portal");
    expect(result.stderr).toContain('"proxy.example.com" is not an IP address');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});

/** Runs `fn` on the served portal's database. */
async function inDatabase<T>(fn: (db: mongoose.Connection) => Promise<T>, uri = portal.app.mongoUri): Promise<T> {
  const conn = await mongoose.createConnection(uri).asPromise();
  try {
    return await fn(conn);
  } finally {
    await conn.close();
  }
}

async function visit(page: Page, url: string) {
  await page.goto(url);
  await page.waitForLoadState("networkidle");
}
