import path from "node:path";
import mongoose from "mongoose";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { demoPortalInBrowser, signIn, SCREENSHOT_DIR, waitFor } from "./harness";

const portal = demoPortalInBrowser();

const REFERENCE = "TTA-2026-104";
const REQUIREMENTS = ["FD-ENC-01", "FD-INC-01", "FD-DEV-01", "FD-RET-02"];

/**
 * A second agreement between the demo's parties, with the same chain, that
 * names four requirements: stored beside the demo's, as the agreement form
 * would store it.
 */
async function storeFourRequirementAgreement(mongoUri: string) {
  const conn = await mongoose.createConnection(mongoUri).asPromise();
  try {
    const agreements = conn.collection("agreements");
    const demo = await agreements.findOne({ reference: "TTA-2026-001" });
    if (!demo) throw new Error("The demo agreement is missing");
    const { _id, ...terms } = demo;
    void _id;
    await agreements.insertOne({
      ...terms,
      reference: REFERENCE,
      title: "Calibration data of the gripper",
      requirements: (demo.requirements as { requirementId: string }[]).filter((r) =>
        REQUIREMENTS.includes(r.requirementId),
      ),
      phases: [],
      createdAt: new Date(),
      updatedAt: new Date(),
    });
  } finally {
    await conn.close();
  }
}

function question(page: Page, name: string) {
  return page.locator(`.sd-question[data-name="${name}"]`).first();
}

/** The "n of m questions left" the supplier sees, as numbers. */
async function questionsLeft(page: Page) {
  const el = page.getByTestId("questions-left");
  return {
    left: Number(await el.getAttribute("data-left")),
    total: Number(await el.getAttribute("data-total")),
    text: (await el.innerText()).replace(/^\s*·\s*/, ""),
  };
}

async function waitLeft(page: Page, left: number) {
  await page.locator(`[data-testid='questions-left'][data-left='${left}']`).waitFor({ timeout: 15_000 });
}

describe("a questionnaire tailored to the agreement, in the browser", () => {
  it("procurement sees what will be asked before sending; the supplier gets only those pages and the questions left drop as it answers", async () => {
    await storeFourRequirementAgreement(portal.app.mongoUri);

    const proc = await portal.browser.newContext();
    const ppage = await proc.newPage();
    await signIn(portal.app, "procurement", ppage);
    await ppage.goto(`${portal.app.baseUrl}/procurement/assessments/new`);
    await ppage.getByLabel("Agreement").selectOption({ label: `${REFERENCE}: Calibration data of the gripper` });

    // the full questionnaire under four requirements: what is asked, page by page and per requirement
    const summary = ppage.getByTestId("send-preview-summary");
    await summary.waitFor();
    await expect(summary.innerText()).resolves.toMatch(
      /^20 of the questionnaire's \d+ questions \(16 required\), on 6 of its 8 pages: Organisation and contacts, Access control and encryption, /,
    );
    const preview = ppage.getByTestId("send-preview");
    await expect(preview.locator("tbody tr").allInnerTexts()).resolves.toEqual([
      "FD-ENC-01 Encryption in transit\t3",
      "FD-INC-01 Breach notification within the agreed window\t4",
      "FD-RET-02 Return or destruction with certificate\t4",
      "FD-DEV-01 Secure development lifecycle\t2",
    ]);
    await expect(ppage.getByTestId("send-preview-uncovered").count()).resolves.toBe(0);

    // the short questionnaire cannot answer one of them: the form says which, before anything is sent
    await ppage.getByLabel("Questionnaire").selectOption("short-low-risk");
    await ppage
      .getByTestId("send-preview-uncovered")
      .filter({ hasText: "FD-DEV-01 Secure development lifecycle" })
      .waitFor();
    await ppage.screenshot({ path: path.join(SCREENSHOT_DIR, "send-preview-uncovered.png"), fullPage: true });

    await ppage.getByLabel("Questionnaire").selectOption("full-security");
    await ppage
      .getByTestId("send-preview-summary")
      .filter({ hasText: /^20 of the questionnaire's/ })
      .waitFor();
    await ppage.getByLabel("Supplier in its chain").selectOption({ label: "Baltic Cloud Hosting OÜ (tier 1)" });
    await ppage.getByLabel("Recipients' e-mail addresses").fill("mari.kask@baltic-cloud.example");
    await ppage.getByRole("button", { name: "Send questionnaire" }).click();
    await ppage.getByText("Questionnaire sent.").waitFor();
    const id = ppage.url().match(/assessments\/([0-9a-f]{24})/)![1];
    await proc.close();

    // the supplier: only the tailored pages
    const context = await portal.browser.newContext();
    const page = await context.newPage();
    await signIn(portal.app, "supplier", page);
    await page.goto(`${portal.app.baseUrl}/supplier/assessments/${id}`);
    await page.locator("[data-testid='questionnaire'][data-ready='true']").waitFor();
    await question(page, "orgLegalName").waitFor();
    const pageTitles = await waitFor("the survey's pages", async () => {
      const titles = await page.evaluate(() =>
        // SurveyJS's model is not global; its table of contents lists the pages it shows
        [...document.querySelectorAll(".sv_progress-toc .sv-list__item-body")]
          .map((e) => (e as HTMLElement).innerText.trim())
          .filter(Boolean),
      );
      return titles.length ? titles : null;
    });
    expect(pageTitles).toEqual([
      "Organisation and contacts",
      "Access control and encryption",
      "Incident response and exercises",
      "Vulnerability management and secure development",
      "Data location, transfers and sub-processors",
      "Retention, return and destruction",
    ]);

    // how many questions remain, dropping as the supplier answers
    await waitLeft(page, 14);
    expect(await questionsLeft(page)).toEqual({ left: 14, total: 14, text: "14 of 14 questions left" });
    const legalName = question(page, "orgLegalName").locator("input");
    await legalName.fill("Baltic Cloud Hosting OÜ");
    await legalName.blur();
    await waitLeft(page, 13);
    const contact = question(page, "securityContactName").locator("input");
    await contact.fill("Mari Kask, CISO");
    await contact.blur();
    await waitLeft(page, 12);
    expect((await questionsLeft(page)).text).toBe("12 of 14 questions left");
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "tailored-questionnaire.png"), fullPage: true });

    // on the secure development page: "yes, we develop software" asks two more, the count says so
    await page.locator(".sv_progress-toc .sv-list__item-body", { hasText: "Vulnerability management" }).click();
    await question(page, "developsSoftware").getByText("Yes", { exact: true }).click();
    await page.locator("[data-testid='questions-left'][data-total='16']").waitFor({ timeout: 15_000 });
    expect(await questionsLeft(page)).toMatchObject({ left: 13, total: 16 });
    await expect(question(page, "vulnScanning").count()).resolves.toBe(0);
    await context.close();
  });
});
