import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "#scripts/demo/demo-data.server";
import { launchBrowser, SCREENSHOT_DIR, startApp, type RunningApp } from "./harness";

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const HOME = {
  supplier: { path: "/supplier", heading: "My assessments" },
  procurement: { path: "/procurement", heading: "Procurement dashboard" },
  discloser: { path: "/discloser", heading: "Agreements" },
  admin: { path: "/admin", heading: "Administration" },
} as const;

describe("signing in in the browser", () => {
  it.each(DEMO_ACCOUNTS)("takes the $role to its dashboard with its navigation, and signs out", async (account) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/`);
    await page.waitForURL(/\/login/);
    await page.getByLabel("E-mail").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${app.baseUrl}${HOME[account.role].path}`);
    await page.getByRole("heading", { level: 1, name: HOME[account.role].heading }).waitFor();
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.isVisible()).resolves.toBe(true);
    await expect(page.locator(".who strong").textContent()).resolves.toBe(account.name);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `dashboard-${account.role}.png`), fullPage: true });

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.goto(`${app.baseUrl}${HOME[account.role].path}`);
    await page.waitForURL(/\/login\?redirectTo=/);
    await context.close();
  });

  it("shows a clear message for a wrong password and keeps the e-mail", async () => {
    const page = await browser.newPage();
    await page.goto(`${app.baseUrl}/login`);
    await page.getByLabel("E-mail").fill("procurement@flowdown.test");
    await page.getByLabel("Password").fill("wrong password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").filter({ hasText: "E-mail or password is incorrect." }).waitFor();
    await expect(page.getByLabel("E-mail").inputValue()).resolves.toBe("procurement@flowdown.test");
    await page.close();
  });

  it("shows a not-found page without internals for an unknown address", async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${app.baseUrl}/no/such/page`);
    expect(response?.status()).toBe(404);
    const text = await page.locator("body").innerText();
    expect(text).toContain("Not found");
    expect(text).not.toMatch(/at .*\.js:\d+/);
    await page.close();
  });
});
