import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_AGREEMENT_REFERENCE } from "#scripts/demo/demo-data.server";
import { demoPortalInBrowser, signIn, SCREENSHOT_DIR } from "./harness";

const portal = demoPortalInBrowser();
const SURVEY = path.join(import.meta.dirname, "../../questionnaires/import/fixtures/supplier-surveyjs.json");
const TITLE = "Cloud hosting security (e2e)";

beforeAll(() => {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

/** Whether the page itself scrolls sideways (regions that scroll inside themselves do not count). */
const pageScrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe("importing a SurveyJS questionnaire in the browser", () => {
  it(
    "the admin imports a SurveyJS file, marks a question required, maps a section by search and publishes; procurement chooses it by title",
    { timeout: 300_000 },
    async () => {
      const context = await portal.browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(45_000);
      await signIn(portal.app, "admin", page);
      await page.goto(`${portal.app.baseUrl}/admin/questionnaires/import`);
      await page.getByRole("heading", { name: "Import a questionnaire" }).waitFor();

      await page.getByLabel("File", { exact: true }).setInputFiles(SURVEY);
      await page.getByRole("button", { name: "Import and preview" }).click();
      await page.getByRole("heading", { name: /Preview of supplier-surveyjs\.json \(SurveyJS\)/ }).waitFor();
      await page.locator(".sd-root-modern, .sd-body").first().waitFor();
      // the page fits 1,400 px: nothing scrolls sideways but the regions made for it
      expect(await pageScrollsSideways(page)).toBe(false);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, "import-preview-1400.png"), fullPage: false });

      // mark the MFA question required
      const mfa = page.locator('li[data-question="mfaRemote"]');
      await mfa.getByLabel("Required").check();
      await expect(mfa.getByLabel("Required").isChecked()).resolves.toBe(true);

      // map the whole "Access control" section by searching, with the keyboard only
      const bulk = page.getByRole("combobox", { name: "Assign a requirement to all questions in Access control" });
      await bulk.fill("least priv");
      await page.getByRole("option", { name: /FD-ACC-01 Least-privilege access/ }).waitFor();
      await bulk.press("Enter");
      for (const name of ["mfaRemote", "accessReview", "privilegedAccess", "accessPolicy"]) {
        await page.locator(`li[data-question="${name}"] .chip.chosen`).filter({ hasText: "FD-ACC-01" }).waitFor();
      }
      // a suggestion is one click away; the search of a single question works too
      const tls = page.locator('li[data-question="tlsInTransit"]');
      await tls.getByRole("button", { name: /Add suggested FD-ENC-01/ }).click();
      await tls.locator(".chip.chosen").filter({ hasText: "FD-ENC-01" }).waitFor();
      const privileged = page.locator('li[data-question="privilegedAccess"]');
      const search = privileged.getByRole("combobox");
      await search.fill("privileged");
      await search.press("ArrowDown");
      await search.press("Enter");
      await privileged.locator(".chip.chosen").filter({ hasText: "FD-ACC-03" }).waitFor();
      expect(await pageScrollsSideways(page)).toBe(false);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, "import-mapping-1400.png"), fullPage: true });

      await page.getByLabel("Questionnaire id").fill("cloud-hosting-e2e");
      await page.getByLabel("Title", { exact: true }).fill(TITLE);
      await page.getByLabel("Version", { exact: true }).fill("2026.1");
      await page.getByRole("button", { name: "Publish" }).click();
      await page.waitForURL(/\/admin\/questionnaires\?published=/);
      await page
        .locator(".flash")
        .filter({ hasText: `Published ${TITLE}` })
        .waitFor();
      await page.getByRole("cell", { name: new RegExp(`^${TITLE.replace(/[()]/g, "\\$&")}`) }).waitFor();
      await context.close();

      // procurement chooses it by its title and sends it; the review page names it by title
      const pcontext = await portal.browser.newContext({ viewport: { width: 1400, height: 900 } });
      const p = await pcontext.newPage();
      p.setDefaultTimeout(45_000);
      await signIn(portal.app, "procurement", p);
      await p.goto(`${portal.app.baseUrl}/procurement/assessments/new`);
      await p.getByRole("heading", { name: "Send a questionnaire" }).waitFor();
      const agreements = await p.getByLabel("Agreement", { exact: true }).locator("option").allInnerTexts();
      const demoAgreement = agreements.find((a) => a.startsWith(DEMO_AGREEMENT_REFERENCE));
      expect(demoAgreement).toBeDefined();
      await p.getByLabel("Agreement", { exact: true }).selectOption({ label: demoAgreement! });
      const options = await p.getByLabel("Questionnaire", { exact: true }).locator("option").allInnerTexts();
      expect(options).toContain(`${TITLE} (version 2026.1)`);
      await p.getByLabel("Questionnaire", { exact: true }).selectOption({ label: `${TITLE} (version 2026.1)` });
      await p.getByLabel("Supplier in its chain", { exact: true }).selectOption({ index: 1 });
      await p.getByLabel("Recipients' e-mail addresses").fill("security@supplier.example");
      await p.getByRole("button", { name: "Send questionnaire" }).click();
      // the demo supplier already has an open questionnaire under this agreement: the form asks to confirm a second
      const another = p.getByLabel("Send another questionnaire anyway");
      const asked = await Promise.race([
        p.waitForURL(/\?sent=1/).then(() => false),
        another.waitFor().then(() => true),
      ]);
      if (asked) {
        await another.check();
        await p.getByRole("button", { name: "Send questionnaire" }).click();
      }
      await p.waitForURL(/\/procurement\/assessments\/[0-9a-f]{24}\?sent=1/).catch(async (e: unknown) => {
        await p.screenshot({ path: path.join(SCREENSHOT_DIR, "import-send-failed.png"), fullPage: true });
        throw new Error(`${String(e)}\n${(await p.locator(".form-error, .field-errors").allInnerTexts()).join("\n")}`);
      });
      await p.locator("dl.facts dd").filter({ hasText: TITLE }).waitFor();
      await pcontext.close();
    },
  );
});
