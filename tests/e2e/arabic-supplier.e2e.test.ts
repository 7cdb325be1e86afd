import path from "node:path";
import mongoose from "mongoose";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "#app/i18n/catalogue";
import arabic from "#questionnaires/locales/ar.json";
import { compact, drawnText } from "#tests/helpers/pdf";
import { demoPortalInBrowser, SCREENSHOT_DIR, signIn } from "./harness";
import { settle } from "./portal-pages";

/**
 * Issue 20's "done when": a supplier whose browser prefers Arabic lands on a
 * right-to-left portal in Arabic, answers the questionnaire in Arabic, and
 * the assessment report prints its Arabic name and answers in reading order.
 */
const portal = demoPortalInBrowser({ mail: true });

const NAME = "شركة الواحة للاستضافة السحابية";
const CONTACT = "ليلى حداد، مديرة أمن المعلومات";
const AR = arabic.strings as Record<string, string>;

const question = (page: Page, name: string) => page.locator(`.sd-question[data-name="${name}"]`).first();

async function type(page: Page, name: string, value: string) {
  const input = question(page, name).locator("input, textarea").first();
  await input.fill(value);
  await input.blur();
}

/** A choice by the Arabic text the supplier reads (the questionnaire's Arabic table). */
async function choose(page: Page, name: string, english: string) {
  await question(page, name)
    .getByText(AR[english] ?? english, { exact: true })
    .click();
}

const next = (page: Page) => page.locator(".sd-navigation__next-btn, input.sd-navigation__next-btn").first().click();

describe("a supplier whose browser prefers Arabic", () => {
  it("answers in Arabic on a right-to-left portal, and the report prints its name in reading order", async () => {
    const conn = await mongoose.createConnection(portal.app.mongoUri).asPromise();
    const org = await conn.collection("organizations").findOne({ slug: "baltic-cloud" });
    await conn.close();

    // procurement (an English browser) gives the demo's tier-1 supplier its Arabic legal name, then sends it the
    // short questionnaire at a new contact
    const proc = await portal.browser.newContext();
    const ppage = await proc.newPage();
    ppage.setDefaultTimeout(45_000);
    await signIn(portal.app, "procurement", ppage);
    await ppage.goto(`${portal.app.baseUrl}/procurement/suppliers/${String(org!._id)}/edit`);
    await settle(ppage);
    await ppage.locator("main input[name='name']").fill(NAME);
    await ppage.locator("main form button[type='submit']").last().click();
    await ppage.waitForURL(/\/procurement\/suppliers(\?|$)/);
    await ppage.goto(`${portal.app.baseUrl}/procurement/assessments/new`);
    await ppage.getByLabel("Agreement").selectOption({ index: 1 });
    await ppage.getByLabel("Supplier in its chain").selectOption({ label: `${NAME} (tier 1)` });
    await ppage.getByLabel("Questionnaire").selectOption("short-low-risk");
    await ppage.getByLabel("Recipients' e-mail addresses").fill("layla@oasis-cloud.example");
    await ppage.getByRole("button", { name: "Send questionnaire" }).click();
    await ppage.getByLabel("Send another questionnaire anyway").check();
    await ppage.getByRole("button", { name: "Send questionnaire" }).click();
    await ppage.getByText("Questionnaire sent.").waitFor();

    // the invitation: the supplier sets up the account in a browser that prefers Arabic
    const mail = await portal.smtp.waitForMessage((m) => m.envelopeTo.includes("layla@oasis-cloud.example"));
    const link = mail.text.match(/https?:\/\/\S+\/invite\/[A-Za-z0-9_-]{43}/)![0];
    const context = await portal.browser.newContext({ locale: "ar" });
    const page = await context.newPage();
    page.setDefaultTimeout(45_000);
    await page.goto(link);
    await settle(page);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      "ar",
      "rtl",
    ]);
    await page.locator("input[name='name']").fill("ليلى حداد");
    await page.locator("input[name='password']").fill("a very long passphrase");
    await page.locator("input[name='confirm']").fill("a very long passphrase");
    await page.locator("form button[type='submit']").last().click();
    await page.waitForURL(/\/supplier\/assessments\/[0-9a-f]{24}$/);
    await page.locator("[data-testid='questionnaire'][data-ready='true']").waitFor();
    const assessmentId = page.url().split("/").pop()!;

    // the portal and the questionnaire speak Arabic, right to left
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await page.getByRole("button", { name: CATALOGUE["common.signOut"].ar }).waitFor();
    expect(await page.locator("[data-testid='questionnaire']").getAttribute("data-language")).toBe("ar");
    expect(
      await page
        .locator(".sd-root-modern")
        .first()
        .evaluate((el) => getComputedStyle(el).direction),
    ).toBe("rtl");
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "arabic-supplier-questionnaire.png"), fullPage: true });

    // answers typed in Arabic, choices read in Arabic
    await type(page, "orgLegalName", NAME);
    await type(page, "securityContactName", CONTACT);
    await type(page, "securityContactEmail", "security@oasis-cloud.example");
    await next(page);
    for (const name of ["confUndertaking", "needToKnow", "staffNda"]) await choose(page, name, "Yes");
    await type(page, "trainingIntervalMonths", "12");
    await next(page);
    await choose(page, "mfaScope", "All remote access (VPN, remote desktop, zero-trust gateway)");
    await choose(page, "mfaScope", "All privileged and administrator accounts");
    await choose(page, "tlsMinimum", "TLS 1.3");
    for (const name of ["encryptionAtRest", "vulnScanning", "securityContact24x7"]) await choose(page, name, "Yes");
    await type(page, "scanIntervalDays", "7");
    await type(page, "breachNotifyHours", "12");
    await next(page);
    const location = question(page, "dataLocations");
    await location.locator('.sd-question[data-name="country"] .sd-dropdown').first().click();
    await page.getByRole("option", { name: AR["Estonia"] }).click();
    await location.locator('.sd-question[data-name="purpose"] .sd-dropdown').first().click();
    await page.getByRole("option", { name: AR["Primary storage"] }).click();
    await type(page, "destroyWithinDays", "14");
    await choose(page, "destructionCertificate", "Yes");
    await choose(page, "subFlowdownStatus", "We use no sub-processors for this service");
    await choose(page, "compelledNotice", "Yes");
    await page.locator("[data-testid='save-state'][data-state='saved']").waitFor();
    await page.locator(".sd-navigation__complete-btn, input.sd-navigation__complete-btn").first().click();
    await page.locator("[data-testid='questionnaire']").getByText(/./).first().waitFor();
    await page.waitForFunction(() => !document.querySelector(".sd-navigation__complete-btn"));
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "arabic-supplier-submitted.png"), fullPage: true });
    await context.close();

    // procurement generates the assessment report; it prints the Arabic name and answers as they read
    await ppage.goto(`${portal.app.baseUrl}/procurement/assessments/${assessmentId}`);
    await settle(ppage);
    await ppage.getByRole("button", { name: "Generate the report" }).click();
    const download = ppage.waitForEvent("download");
    await ppage.getByRole("link", { name: "Download PDF" }).first().click();
    const pdf = await (await download).createReadStream().then(async (stream) => {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    });
    await proc.close();
    // right-to-left text is drawn in visual order: its glyphs, read from the right, give the text as typed
    const lines: string[] = [];
    for (let n = 1; n <= 6; n++) {
      const drawn = await drawnText(pdf, n).catch(() => null);
      if (drawn) lines.push(...drawn.glyphs.map((glyphs) => [...glyphs].reverse().join("")));
    }
    // spaces are not drawn as glyphs: compare without them (the report prints the answers that bear on a
    // requirement; the contact's name is not one of them)
    const printed = compact(lines.join(""));
    expect(printed).toContain(compact(NAME));
  });
});
