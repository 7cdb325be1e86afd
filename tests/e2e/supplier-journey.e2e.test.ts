import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { demoPortalInBrowser, signIn, SCREENSHOT_DIR } from "./harness";

const portal = demoPortalInBrowser({ mail: true });

const PDF = path.join(import.meta.dirname, "..", "fixtures", "files", "incident-plan.pdf");

/** SurveyJS marks each question's container with its name. */
function question(page: Page, name: string) {
  return page.locator(`.sd-question[data-name="${name}"]`).first();
}

async function waitSaved(page: Page) {
  await page.locator("[data-testid='save-state'][data-state='saved']").waitFor({ timeout: 15_000 });
}

async function type(page: Page, name: string, value: string) {
  const input = question(page, name).locator("input, textarea").first();
  await input.fill(value);
  await input.blur();
}

async function yes(page: Page, name: string) {
  await question(page, name).getByText("Yes", { exact: true }).click();
}

async function choose(page: Page, name: string, text: string) {
  await question(page, name).getByText(text, { exact: true }).click();
}

describe("the supplier's questionnaire journey", () => {
  it("from the e-mailed link to a submitted questionnaire, with autosave, reload, evidence upload and a refused stale save", async () => {
    // procurement sends the short questionnaire to Baltic Cloud
    const proc = await portal.browser.newContext();
    const ppage = await proc.newPage();
    await signIn(portal.app, "procurement", ppage);
    await ppage.goto(`${portal.app.baseUrl}/procurement/assessments/new`);
    await ppage.getByLabel("Agreement").selectOption({ index: 1 });
    await ppage.getByLabel("Supplier in its chain").selectOption({ label: "Baltic Cloud Hosting OÜ (tier 1)" });
    await ppage.getByLabel("Questionnaire").selectOption("short-low-risk");
    await ppage.getByLabel("Recipients' e-mail addresses").fill("mari.kask@baltic-cloud.example");
    await ppage.getByRole("button", { name: "Send questionnaire" }).click();
    // the demo has already sent Baltic Cloud the full questionnaire: the portal says so before sending a second
    await ppage
      .getByText(/Baltic Cloud Hosting OÜ already has an open questionnaire under TTA-2026-001 \(invited, due/)
      .waitFor();
    await ppage.getByLabel("Send another questionnaire anyway").check();
    await ppage.getByRole("button", { name: "Send questionnaire" }).click();
    await ppage.getByText("Questionnaire sent.").waitFor();
    await proc.close();

    // the invitation arrives by SMTP
    const mail = await portal.smtp.waitForMessage((m) => m.envelopeTo.includes("mari.kask@baltic-cloud.example"));
    const link = mail.text.match(/https?:\/\/\S+\/invite\/[A-Za-z0-9_-]{43}/)![0];
    expect(new URL(link).origin).toBe(portal.app.baseUrl);

    const context = await portal.browser.newContext();
    const page = await context.newPage();
    await page.goto(link);
    await page.getByRole("heading", { name: "Set up your account" }).waitFor();
    await page.getByLabel("Your name").fill("Mari Kask");
    await page.getByLabel("Choose a password").fill("a very long passphrase");
    await page.getByLabel("Repeat the password").fill("a very long passphrase");
    await page.getByRole("button", { name: /Create account/ }).click();
    await page.waitForURL(/\/supplier\/assessments\/[0-9a-f]{24}$/);
    await page.locator("[data-testid='questionnaire'][data-ready='true']").waitFor();
    const assessmentUrl = page.url();

    // page 1: typed answers save as the supplier types
    await type(page, "orgLegalName", "Baltic Cloud Hosting OÜ");
    await type(page, "securityContactName", "Mari Kask, CISO");
    await type(page, "securityContactEmail", "security@baltic-cloud.example");
    await waitSaved(page);

    // reload: the answers are there
    await page.reload();
    await page.locator("[data-testid='questionnaire'][data-ready='true']").waitFor();
    await expect(question(page, "orgLegalName").locator("input").inputValue()).resolves.toBe("Baltic Cloud Hosting OÜ");
    await expect(question(page, "securityContactEmail").locator("input").inputValue()).resolves.toBe(
      "security@baltic-cloud.example",
    );

    // a second tab saves first; the first tab's next save is stale and refused visibly
    const second = await context.newPage();
    await second.goto(assessmentUrl);
    await second.locator("[data-testid='questionnaire'][data-ready='true']").waitFor();
    await type(second, "orgLegalName", "Baltic Cloud Hosting OÜ (Tallinn)");
    await waitSaved(second);
    await second.close();
    await type(page, "securityContactName", "Someone Else");
    await page.getByTestId("save-message").filter({ hasText: "changed in another tab or by a colleague" }).waitFor();
    await expect(question(page, "orgLegalName").locator("input").inputValue()).resolves.toBe(
      "Baltic Cloud Hosting OÜ (Tallinn)",
    );
    await expect(question(page, "securityContactName").locator("input").inputValue()).resolves.toBe("Mari Kask, CISO");
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "questionnaire-conflict.png"), fullPage: true });

    // page 2
    await page.getByRole("button", { name: "Next" }).click();
    await yes(page, "confUndertaking");
    await yes(page, "needToKnow");
    await yes(page, "staffNda");
    await type(page, "trainingIntervalMonths", "12");

    // page 3, with an evidence upload
    await page.getByRole("button", { name: "Next" }).click();
    for (const text of [
      "All remote access (VPN, remote desktop, zero-trust gateway)",
      "Every system that stores or processes the Confidential Information",
      "All privileged and administrator accounts",
      "E-mail and collaboration tools",
    ]) {
      await choose(page, "mfaScope", text);
    }
    await choose(page, "tlsMinimum", "TLS 1.3");
    await yes(page, "encryptionAtRest");
    await yes(page, "vulnScanning");
    await type(page, "scanIntervalDays", "7");
    await type(page, "breachNotifyHours", "12");
    const chooser = page.waitForEvent("filechooser");
    await question(page, "incidentPlanEvidence").locator("label.sd-file__choose-btn").click();
    await (await chooser).setFiles(PDF);
    await question(page, "incidentPlanEvidence").getByText("incident-plan.pdf").first().waitFor();
    await yes(page, "securityContact24x7");
    await waitSaved(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "questionnaire-page3.png"), fullPage: true });

    // page 4
    await page.getByRole("button", { name: "Next" }).click();
    const location = question(page, "dataLocations");
    await location.waitFor();
    await location.locator('.sd-question[data-name="country"] .sd-dropdown').first().click();
    await page.keyboard.type("Eston");
    await page.getByRole("option", { name: "Estonia" }).click();
    await location.locator('.sd-question[data-name="purpose"] .sd-dropdown').first().click();
    await page.getByRole("option", { name: "Primary storage" }).click();
    await type(page, "destroyWithinDays", "14");
    await yes(page, "destructionCertificate");
    await choose(page, "subFlowdownStatus", "We use no sub-processors for this service");
    await yes(page, "compelledNotice");
    await waitSaved(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "questionnaire-page4.png"), fullPage: true });

    await page.getByRole("button", { name: "Submit questionnaire" }).click();
    await page.getByText("This questionnaire has been submitted").waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "questionnaire-submitted.png"), fullPage: true });
    await context.close();

    // the score exists and the evidence is linked to the answer
    const conn = await (await import("mongoose")).default.createConnection(portal.app.mongoUri).asPromise();
    const stored = await conn
      .collection("assessments")
      .findOne({ _id: new (await import("mongoose")).default.Types.ObjectId(assessmentUrl.split("/").pop()) });
    await conn.close();
    expect(stored!.status).toBe("submitted");
    expect(stored!.answers.incidentPlanEvidence[0].content).toMatch(/^\/evidence\/[0-9a-f]{24}$/);
    expect(stored!.answers.dataLocations[0].country).toBe("EE");
    expect(stored!.result.score).toBeGreaterThan(0);
    const review = await portal.smtp.waitForMessage((m) => /submitted its questionnaire/.test(m.subject));
    expect(review.envelopeTo).toContain("procurement@flowdown.test");
  });
});
