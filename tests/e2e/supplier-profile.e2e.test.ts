import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { demoPortalInBrowser, signIn, SCREENSHOT_DIR } from "./harness";
import { loadWorld, type World } from "./portal-pages";

/**
 * The supplier's security profile in a browser: an answer confirmed as still
 * true from the list, then opened in its own survey, saved, and both steps
 * in its history.
 */
const portal = demoPortalInBrowser();
const world = {} as World;

beforeAll(async () => {
  Object.assign(world, await loadWorld(portal.app.mongoUri));
});

describe("the supplier's security profile", () => {
  it("confirms an answer from the list, saves it from its survey, and shows both in its history", async () => {
    const context = await portal.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
    const page = await context.newPage();
    page.setDefaultTimeout(45_000);
    await signIn(portal.app, "supplier", page);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
    await page.goto(`${portal.app.baseUrl}/supplier/profile`);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Security profile");
    const answers = page.locator(".profile-answer");
    expect(await answers.count()).toBe(1);
    await answers.first().getByRole("button", { name: "Confirm as still true" }).click();
    await page.getByText("Answer confirmed as still true today.").waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "supplier-profile.png"), fullPage: true });

    await answers.first().getByRole("link", { name: "Edit" }).click();
    await page.waitForURL(/\/supplier\/profile\/.+/);
    await page.locator(".profile-editor[data-ready='true'] .sd-question").first().waitFor();
    await page.getByRole("button", { name: "Save answer" }).click();
    await page.getByText("Answer saved.").waitFor();
    const history = page.locator("table tbody tr");
    await expect.poll(() => history.count()).toBe(3);
    expect(await history.first().innerText()).toMatch(/Confirmed/);
    expect(await history.first().innerText()).toMatch(/Edited on the profile/);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "supplier-profile-answer.png"), fullPage: true });
    // rendered in the browser as on the server, and nothing thrown there
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
