import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "#scripts/demo/demo-data.server";
import { demoPortalInBrowser, SCREENSHOT_DIR } from "./harness";

const portal = demoPortalInBrowser();

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

const HOME = {
  supplier: { path: "/supplier", heading: "My assessments" },
  procurement: { path: "/procurement", heading: "Procurement dashboard" },
  discloser: { path: "/discloser", heading: "Agreements" },
  admin: { path: "/admin", heading: "Administration" },
} as const;

describe("signing in in the browser", () => {
  it.each(DEMO_ACCOUNTS)("takes the $role to its dashboard with its navigation, and signs out", async (account) => {
    const context = await portal.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${portal.app.baseUrl}/`);
    await page.waitForURL(/\/login/);
    await page.getByLabel("E-mail").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${portal.app.baseUrl}${HOME[account.role].path}`);
    await page.getByRole("heading", { level: 1, name: HOME[account.role].heading }).waitFor();
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.isVisible()).resolves.toBe(true);
    await expect(page.locator(".who strong").textContent()).resolves.toBe(account.name);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `dashboard-${account.role}.png`), fullPage: true });

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.goto(`${portal.app.baseUrl}${HOME[account.role].path}`);
    await page.waitForURL(/\/login\?redirectTo=/);
    await context.close();
  });

  it("shows a clear message for a wrong password and keeps the e-mail", async () => {
    const page = await portal.browser.newPage();
    await page.goto(`${portal.app.baseUrl}/login`);
    await page.getByLabel("E-mail").fill("procurement@flowdown.test");
    await page.getByLabel("Password").fill("wrong password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").filter({ hasText: "E-mail or password is incorrect." }).waitFor();
    await expect(page.getByLabel("E-mail").inputValue()).resolves.toBe("procurement@flowdown.test");
    await page.close();
  });

  it("shows a not-found page without internals for an unknown address", async () => {
    const page = await portal.browser.newPage();
    const response = await page.goto(`${portal.app.baseUrl}/no/such/page`);
    expect(response?.status()).toBe(404);
    const text = await page.locator("body").innerText();
    expect(text).toContain("Not found");
    expect(text).not.toMatch(/at .*\.js:\d+/);
    await page.close();
  });
});
