import path from "node:path";
import mongoose from "mongoose";
import type { BrowserContextOptions, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { NAVIGATION } from "#app/features/accounts/navigation";
import { CATALOGUE, type MessageId } from "#app/i18n/catalogue";
import type { Role } from "#models/user.server";
import { horizontalOverflow, smallTouchTargets } from "#tests/helpers/small-screen";
import { demoPortalInBrowser, signIn, SCREENSHOT_DIR } from "./harness";
import { loadWorld, mailedLinks, settle, SIGNED_IN, visitEach, type Who, type World } from "./portal-pages";

/**
 * The portal on a phone (390 × 844, touch): every page of every role (the
 * visits of ./portal-pages.ts) fits the screen's width, with wide tables
 * scrolling inside their own boxes; the navigation is a menu behind a button;
 * the main content's controls are big enough for a finger; and a supplier
 * answers and submits a questionnaire by tapping.
 */
const english = (id: MessageId) => CATALOGUE[id].en;

const portal = demoPortalInBrowser({ mail: true });

const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  hasTouch: true,
  isMobile: true,
  deviceScaleFactor: 2,
};

const world = {} as World;

beforeAll(async () => {
  Object.assign(world, await loadWorld(portal.app.mongoUri));
});

/** Visits every page of one role on a phone, in one browser context; returns what does not fit. */
async function checkPagesOf(page: Page, who: Who): Promise<string[]> {
  const failures: string[] = [];
  await visitEach(
    page,
    who,
    { baseUrl: portal.app.baseUrl, world },
    async (where) => {
      const overflow = await horizontalOverflow(page);
      if (overflow) failures.push(`${where}: ${overflow}`);
      for (const small of await smallTouchTargets(page)) failures.push(`${where}: ${small}, smaller than 44 × 44 px`);
    },
    async (where, error) => {
      // a control a finger cannot reach is a finding too; the pages after it still get their look
      failures.push(`${where}: ${error.message.split("\n")[0]}`);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `small-screen-failed-${who}.png`), fullPage: true });
    },
  );
  return failures;
}

/** The menu button on a phone: a real button that shows and hides the role's navigation. */
async function checkMenu(page: Page, role: Role) {
  const button = page.getByRole("button", { name: "Menu" });
  const nav = page.getByRole("navigation", { name: "Main" });
  const first = NAVIGATION[role][0];
  // closed at first: the page starts with its content, not the navigation
  await expect(button.getAttribute("aria-expanded")).resolves.toBe("false");
  const controls = await button.getAttribute("aria-controls");
  expect(controls).toBeTruthy();
  const menu = page.locator(`[id="${controls}"]`);
  await expect(menu.count()).resolves.toBe(1);
  await expect(nav.getByRole("link", { name: english(first.label) }).isVisible()).resolves.toBe(false);
  await expect(button.evaluate((b) => b.tagName)).resolves.toBe("BUTTON");
  const box = (await button.boundingBox())!;
  expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);

  // a tap opens it: every item of the role's navigation, each big enough for a finger
  await button.tap();
  await expect(button.getAttribute("aria-expanded")).resolves.toBe("true");
  await expect(menu.isVisible()).resolves.toBe(true);
  for (const item of NAVIGATION[role]) {
    const link = nav.getByRole("link", { name: english(item.label), exact: true });
    await expect(link.isVisible(), english(item.label)).resolves.toBe(true);
    const { height } = (await link.boundingBox())!;
    expect(height, english(item.label)).toBeGreaterThanOrEqual(44);
  }
  await expect(horizontalOverflow(page)).resolves.toBeNull();
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `small-screen-menu-${role}.png`) });

  // Escape closes it and gives the focus back to the button
  await nav.getByRole("link", { name: english(first.label), exact: true }).focus();
  await page.keyboard.press("Escape");
  await expect(button.getAttribute("aria-expanded")).resolves.toBe("false");
  await expect(nav.getByRole("link", { name: english(first.label) }).isVisible()).resolves.toBe(false);
  await expect(button.evaluate((b) => b === document.activeElement)).resolves.toBe(true);

  // from the keyboard: Enter opens it, Tab reaches its first link
  await page.keyboard.press("Enter");
  await expect(button.getAttribute("aria-expanded")).resolves.toBe("true");
  await page.keyboard.press("Tab");
  await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe(english(first.label));

  // a link in it goes to its page, and the menu closes behind it
  const last = NAVIGATION[role].at(-2) ?? first;
  await nav.getByRole("link", { name: english(last.label), exact: true }).tap();
  await page.waitForURL(`${portal.app.baseUrl}${last.to}`);
  await expect.poll(() => button.getAttribute("aria-expanded")).toBe("false");
  await expect(nav.getByRole("link", { name: english(first.label) }).isVisible()).resolves.toBe(false);
}

describe("the portal on a phone (390 × 844, touch)", () => {
  it.each(["anonymous", ...SIGNED_IN] as Who[])(
    "fits every page the %s sees to the screen's width, with targets a finger can hit",
    { timeout: 600_000 },
    async (who) => {
      if (who === "anonymous") world.links = await mailedLinks(portal, world);
      const context = await portal.browser.newContext(PHONE);
      const page = await context.newPage();
      page.setDefaultTimeout(45_000);
      try {
        if (who !== "anonymous") {
          await signIn(portal.app, who, page);
          await settle(page);
          await page.screenshot({ path: path.join(SCREENSHOT_DIR, `small-screen-${who}.png`) });
          await checkMenu(page, who);
        }
        const failures = await checkPagesOf(page, who);
        expect(failures, `found:\n\n${failures.join("\n")}\n`).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});

describe("the phone's menu without JavaScript", () => {
  it("is not needed: the navigation is shown open and the button that could not work is hidden", async () => {
    const context = await portal.browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    page.setDefaultTimeout(45_000);
    try {
      // signed in as a browser would, the form posted without scripts
      await page.goto(`${portal.app.baseUrl}/login`);
      await page.getByLabel("E-mail").fill("supplier@flowdown.test");
      await page.getByLabel("Password").fill("demo-supplier-2026");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(`${portal.app.baseUrl}/supplier`);
      await expect(page.getByRole("button", { name: "Menu" }).isVisible()).resolves.toBe(false);
      const nav = page.getByRole("navigation", { name: "Main" });
      for (const item of NAVIGATION.supplier)
        await expect(
          nav.getByRole("link", { name: english(item.label), exact: true }).isVisible(),
          english(item.label),
        ).resolves.toBe(true);
      await expect(horizontalOverflow(page)).resolves.toBeNull();
    } finally {
      await context.close();
    }
  });
});

describe("the questionnaire's first frame on a phone", () => {
  it("is laid out for the phone before SurveyJS has measured its container", { timeout: 120_000 }, async () => {
    const context = await portal.browser.newContext(PHONE);
    // SurveyJS measures its container with a ResizeObserver after the first paint; on a busy phone that can be a
    // while, so the fields must already fit a finger without it
    await context.addInitScript(() => {
      window.ResizeObserver = class {
        observe() {}
        unobserve() {}
        disconnect() {}
      };
    });
    const page = await context.newPage();
    page.setDefaultTimeout(45_000);
    try {
      await signIn(portal.app, "supplier", page);
      await page.goto(`${portal.app.baseUrl}/supplier/assessments/${world.assessment.baltic}`);
      await page.locator("[data-testid='questionnaire'][data-ready='true']").waitFor();
      await page.locator(".sd-question input, .sd-question textarea").first().waitFor();
      await expect(smallTouchTargets(page)).resolves.toEqual([]);
      await expect(horizontalOverflow(page)).resolves.toBeNull();
    } finally {
      await context.close();
    }
  });
});

/** SurveyJS marks each question's container with its name. */
function question(page: Page, name: string) {
  return page.locator(`.sd-question[data-name="${name}"]`).first();
}

async function type(page: Page, name: string, value: string) {
  const input = question(page, name).locator("input, textarea").first();
  await input.tap();
  await page.keyboard.type(value);
  await input.blur();
}

async function tapText(page: Page, name: string, text: string) {
  await question(page, name).getByText(text, { exact: true }).tap();
}

async function next(page: Page) {
  await page.getByRole("button", { name: "Next", exact: true }).tap();
}

describe("the questionnaire on a phone", () => {
  it("is answered and submitted by touch", { timeout: 180_000 }, async () => {
    // a short questionnaire of its own for the demo supplier, so the demo's stays as it is for the other tests
    const desk = await portal.browser.newContext();
    const proc = await desk.newPage();
    await signIn(portal.app, "procurement", proc);
    await proc.goto(`${portal.app.baseUrl}/procurement/assessments/new`);
    await proc.getByLabel("Agreement").selectOption({ index: 1 });
    await proc.getByLabel("Supplier in its chain").selectOption({ label: "Baltic Cloud Hosting OÜ (tier 1)" });
    await proc.getByLabel("Questionnaire").selectOption("short-low-risk");
    await proc.getByLabel("Recipients' e-mail addresses").fill("supplier@flowdown.test");
    await proc.getByRole("button", { name: "Send questionnaire" }).click();
    await proc.getByLabel("Send another questionnaire anyway").check();
    await proc.getByRole("button", { name: "Send questionnaire" }).click();
    await proc.getByText("Questionnaire sent.").waitFor();
    await desk.close();
    const conn = await mongoose.createConnection(portal.app.mongoUri).asPromise();
    const [sent] = await conn
      .collection("assessments")
      .find({ supplierOrgId: new mongoose.Types.ObjectId(world.org.baltic) })
      .sort({ _id: -1 })
      .limit(1)
      .toArray();
    await conn.close();
    const id = String(sent._id);

    const context = await portal.browser.newContext(PHONE);
    const page = await context.newPage();
    page.setDefaultTimeout(45_000);
    try {
      await signIn(portal.app, "supplier", page);
      await page.goto(`${portal.app.baseUrl}/supplier/assessments/${id}`);
      await page.locator("[data-testid='questionnaire'][data-ready='true']").waitFor();
      await type(page, "orgLegalName", "Baltic Cloud Hosting OÜ");
      await type(page, "securityContactName", "Mari Kask, CISO");
      await type(page, "securityContactEmail", "security@baltic-cloud.example");
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, "small-screen-questionnaire.png"), fullPage: true });
      await expect(horizontalOverflow(page)).resolves.toBeNull();

      await next(page);
      for (const name of ["confUndertaking", "needToKnow", "staffNda"]) await tapText(page, name, "Yes");
      await type(page, "trainingIntervalMonths", "12");

      await next(page);
      for (const text of [
        "All remote access (VPN, remote desktop, zero-trust gateway)",
        "Every system that stores or processes the Confidential Information",
        "All privileged and administrator accounts",
        "E-mail and collaboration tools",
      ]) {
        await tapText(page, "mfaScope", text);
      }
      // the world keeps the TLS answer in Baltic Cloud's profile: it comes pre-filled, confirmed with a tap
      await question(page, "tlsMinimum").locator("[data-testid='prefill-note'][data-state='pending']").waitFor();
      await question(page, "tlsMinimum").getByRole("button", { name: "Confirm", exact: true }).tap();
      await question(page, "tlsMinimum").locator("[data-testid='prefill-note'][data-state='confirmed']").waitFor();
      for (const name of ["encryptionAtRest", "vulnScanning"]) await tapText(page, name, "Yes");
      await type(page, "scanIntervalDays", "7");
      await type(page, "breachNotifyHours", "12");
      const chooser = page.waitForEvent("filechooser");
      await question(page, "incidentPlanEvidence").locator("label.sd-file__choose-btn").tap();
      await (await chooser).setFiles(path.join(import.meta.dirname, "..", "fixtures", "files", "incident-plan.pdf"));
      await question(page, "incidentPlanEvidence").getByText("incident-plan.pdf").first().waitFor();
      await tapText(page, "securityContact24x7", "Yes");
      await expect(horizontalOverflow(page)).resolves.toBeNull();

      await next(page);
      const location = question(page, "dataLocations");
      await location.locator('.sd-question[data-name="country"] .sd-dropdown').first().tap();
      await page.keyboard.type("Eston");
      await page.getByRole("option", { name: "Estonia" }).tap();
      await location.locator('.sd-question[data-name="purpose"] .sd-dropdown').first().tap();
      await page.getByRole("option", { name: "Primary storage" }).tap();
      await type(page, "destroyWithinDays", "14");
      await tapText(page, "destructionCertificate", "Yes");
      await tapText(page, "subFlowdownStatus", "We use no sub-processors for this service");
      await tapText(page, "compelledNotice", "Yes");
      await expect(horizontalOverflow(page)).resolves.toBeNull();
      await expect(smallTouchTargets(page)).resolves.toEqual([]);

      await page.getByRole("button", { name: "Submit questionnaire" }).tap();
      await page.getByText("This questionnaire has been submitted").waitFor({ timeout: 20_000 });
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, "small-screen-submitted.png"), fullPage: true });
    } finally {
      await context.close();
    }
  });
});
