import fs from "node:fs";
import path from "node:path";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_AGREEMENT_REFERENCE } from "#scripts/demo/demo-data.server";
import { addDaysIso } from "#app/scoring/dates";
import { formatDay } from "#app/i18n/format";
import { todayIso } from "#models/today";
import { SHORT_TEMPLATE_GOOD_ANSWERS } from "#tests/fixtures/assessments";
import { demoPortalInBrowser, signIn, SCREENSHOT_DIR } from "./harness";

const portal = demoPortalInBrowser({ mail: true });

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

const SUPPLIER = "Baltic Cloud Hosting OÜ";
const PDF = path.join(import.meta.dirname, "..", "fixtures", "files", "incident-plan.pdf");

type Role = "supplier" | "procurement" | "discloser";

/** A fresh browser session for one person, signed in through the login form. */
async function signedIn(role: Role): Promise<{ context: BrowserContext; page: Page }> {
  const context = await portal.browser.newContext();
  const page = await context.newPage();
  // two CPUs shared with other test runs: be patient, but never sleep
  page.setDefaultTimeout(45_000);
  await signIn(portal.app, role, page);
  return { context, page };
}

/** One requirement's row on the procurement review page. */
function requirementRow(page: Page, id: string): Locator {
  return page.getByTestId("requirement-results").locator(`tr[data-requirement="${id}"]`);
}

/** The result badge a reviewer reads in a requirement's row (the first column may carry a knock-out badge). */
function resultBadge(row: Locator): Locator {
  return row.locator("td").nth(1).locator(".badge").first();
}

/** One cell of the disclosing party's matrix: the supplier's row, the requirement's column (below its group's). */
async function matrixCell(page: Page, requirementId: string): Promise<Locator> {
  const matrix = page.getByTestId("compliance-matrix");
  const headers = await matrix.locator("thead tr.matrix-requirements th").allInnerTexts();
  const column = headers.findIndex((h) => h.trim() === requirementId);
  expect(column, `${requirementId} in the matrix header`).toBeGreaterThanOrEqual(0);
  return matrix.locator(`tr[data-supplier="${SUPPLIER}"] td`).nth(column);
}

/** What the cell's tooltip says once the pointer is on it. */
async function matrixCellLabel(page: Page, requirementId: string): Promise<string | null> {
  const cell = await matrixCell(page, requirementId);
  await cell.hover();
  return cell.getAttribute("title");
}

/** What the cell says to a screen reader (and in a copy): its status in words; the symbol is the stylesheet's. */
async function matrixCellText(page: Page, requirementId: string): Promise<string> {
  return (await matrixCell(page, requirementId)).innerText();
}

async function openDisclosersAgreement(page: Page) {
  await page.getByRole("link", { name: DEMO_AGREEMENT_REFERENCE, exact: true }).click();
  await page.getByTestId("compliance-matrix").waitFor();
}

/** What the phase clearance table says about the supplier for one phase ("Cleared" or "Not cleared"). */
async function clearance(page: Page, phase: string): Promise<string> {
  const table = page.getByTestId("phase-gates");
  const headers = await table.locator("thead th").allInnerTexts();
  const column = headers.findIndex((h) => h.split("\n")[0].trim() === phase);
  expect(column, `phase ${phase} in ${headers.join(" | ")}`).toBeGreaterThan(0);
  const row = table.locator("tbody tr", { has: page.getByRole("rowheader", { name: SUPPLIER }) });
  return row
    .locator("td")
    .nth(column - 1)
    .locator(".badge")
    .innerText();
}

describe("reviewing a submitted assessment in the browser", () => {
  it(
    "procurement overrides a result, asks for remediation, the supplier answers, procurement approves, and the disclosing party sees the matrix change",
    { timeout: 300_000 },
    async () => {
      // --- setup: procurement sends the short questionnaire to the demo supplier
      const proc = await signedIn("procurement");
      await proc.page.goto(`${portal.app.baseUrl}/procurement/assessments/new`);
      await proc.page.getByLabel("Agreement").selectOption({ index: 1 });
      await proc.page.getByLabel("Supplier in its chain").selectOption({ label: `${SUPPLIER} (tier 1)` });
      await proc.page.getByLabel("Questionnaire").selectOption("short-low-risk");
      await proc.page.getByLabel("Recipients' e-mail addresses").fill("supplier@flowdown.test");
      await proc.page.getByRole("button", { name: "Send questionnaire" }).click();
      // the demo has already sent Baltic Cloud the full questionnaire: the portal says so before sending a second
      await proc.page
        .getByText(/Baltic Cloud Hosting OÜ already has an open questionnaire under TTA-2026-001 \(invited, due/)
        .waitFor();
      await proc.page.getByLabel("Send another questionnaire anyway").check();
      await proc.page.getByRole("button", { name: "Send questionnaire" }).click();
      await proc.page.getByText("Questionnaire sent.").waitFor();
      const reviewUrl = proc.page.url().replace(/\?.*$/, "");
      const assessmentId = reviewUrl.split("/").pop()!;

      // --- setup: the supplier answers and submits. Typing every answer into the questionnaire is the
      // supplier journey's test; here the answers go through the same autosave endpoint the page calls,
      // with breach notification in 48 h (the agreement asks for 24 h) and scans every 45 days (30 asked).
      const sup = await signedIn("supplier");
      const saved = await sup.page.request.post(`${portal.app.baseUrl}/api/assessments/${assessmentId}/answers`, {
        data: {
          baseRevision: 0,
          changes: {
            ...SHORT_TEMPLATE_GOOD_ANSWERS,
            orgLegalName: SUPPLIER,
            breachNotifyHours: 48,
            scanIntervalDays: 45,
          },
        },
      });
      expect(saved.status(), await saved.text()).toBe(200);
      await sup.page.goto(`${portal.app.baseUrl}/supplier/assessments/${assessmentId}`);
      await sup.page.locator("[data-testid='questionnaire'][data-ready='true']").waitFor();
      for (let i = 0; i < 3; i++) await sup.page.getByRole("button", { name: "Next" }).click();
      await sup.page.getByRole("button", { name: "Submit questionnaire" }).click();
      await sup.page.getByText("This questionnaire has been submitted").waitFor();

      // --- the disclosing party's view before the review
      const disc = await signedIn("discloser");
      await openDisclosersAgreement(disc.page);
      const supplierRowHeader = disc.page
        .getByTestId("compliance-matrix")
        .locator(`tr[data-supplier="${SUPPLIER}"] th`);
      await expect(supplierRowHeader.innerText()).resolves.toMatch(/submitted/);
      await expect(matrixCellLabel(disc.page, "FD-INC-01")).resolves.toBe("FD-INC-01: Not met");
      await expect(matrixCellText(disc.page, "FD-INC-01")).resolves.toBe("Not met");
      await expect(matrixCellLabel(disc.page, "FD-VUL-01")).resolves.toBe("FD-VUL-01: Partly met");
      await expect(matrixCellText(disc.page, "FD-VUL-01")).resolves.toBe("Partly met");
      await expect(clearance(disc.page, "Evaluation")).resolves.toBe("Not cleared");
      await disc.page.screenshot({ path: path.join(SCREENSHOT_DIR, "review-discloser-before.png"), fullPage: true });

      // --- procurement opens the submitted assessment
      const p = proc.page;
      await p.goto(`${portal.app.baseUrl}/procurement`);
      const dashboardRow = p
        .getByTestId("dashboard-table")
        .locator("tbody tr", { has: p.locator(`a[href="/procurement/assessments/${assessmentId}"]`) });
      await expect(dashboardRow.innerText()).resolves.toContain("Submitted");
      await dashboardRow.getByRole("link", { name: SUPPLIER }).click();
      await p.waitForURL(reviewUrl);
      await p.locator(".page-head").getByText("Submitted", { exact: true }).waitFor();
      const scoreBefore = Number(await p.getByTestId("score-summary").locator(".score-figure .value").innerText());
      await expect(p.getByTestId("score-summary").innerText()).resolves.toContain(
        "Knock-out not met: FD-INC-01 Breach notification within the agreed window.",
      );
      const inc = requirementRow(p, "FD-INC-01");
      await expect(resultBadge(inc).innerText()).resolves.toBe("Not met");
      await expect(inc.locator(".reasons").innerText()).resolves.toContain(
        "answered 48 h; the agreement requires 24 h or less",
      );
      const vul = requirementRow(p, "FD-VUL-01");
      await expect(resultBadge(vul).innerText()).resolves.toBe("Partly met");

      // override FD-VUL-01: without a justification it is refused beside the field, and nothing changes
      await vul.getByText("Override", { exact: true }).click();
      await vul.getByLabel("New result").selectOption("met");
      await vul.getByRole("button", { name: "Save override" }).click();
      const justificationError = vul
        .locator(".field-errors")
        .filter({ hasText: "Write a justification of at least 10 characters" });
      await justificationError.waitFor();
      await expect(justificationError.isVisible()).resolves.toBe(true);
      await expect(vul.getByLabel("Justification").getAttribute("aria-invalid")).resolves.toBe("true");
      // the message stands beside this requirement's field only
      await expect(p.locator(".field-errors", { hasText: "Write a justification" }).count()).resolves.toBe(1);
      await expect(vul.getByLabel("New result").inputValue()).resolves.toBe("met");
      await expect(resultBadge(vul).innerText()).resolves.toBe("Partly met");

      const justification =
        "Monthly authenticated scans confirmed in the 2026-03 call; the 45 days covered a change freeze.";
      await vul.getByLabel("Justification").fill(justification);
      const dayOfOverride = todayIso();
      await vul.getByRole("button", { name: "Save override" }).click();
      await p.getByText("Result overridden; the score was recomputed.").waitFor();
      await expect(resultBadge(vul).innerText()).resolves.toBe("Met (overridden)");
      const note = await vul.locator(".override-note").innerText();
      expect(note).toMatch(
        new RegExp(
          `^Computed: Partly met\\. Overridden by Priya Raman on (${formatDay("en", dayOfOverride)}|${formatDay("en", todayIso())}), \\d{2}:\\d{2} UTC: “`,
        ),
      );
      expect(note).toContain(`“${justification}”`);
      const scoreAfterOverride = Number(
        await p.getByTestId("score-summary").locator(".score-figure .value").innerText(),
      );
      expect(scoreAfterOverride).toBeGreaterThan(scoreBefore);
      await expect(p.getByTestId("score-summary").innerText()).resolves.toContain(
        `computed without overrides: ${scoreBefore}`,
      );

      // request remediation of the breach notification window
      const due = addDaysIso(todayIso(), 14);
      const remediation = p.locator("form", { has: p.getByRole("heading", { name: "Request remediation" }) });
      await remediation.getByLabel("Requirement").selectOption("FD-INC-01");
      await remediation
        .getByLabel("What the supplier must do")
        .fill("Commit to notifying us of a breach within 24 hours and update your answer.");
      await remediation.getByLabel("Due").fill(due);
      await remediation.getByRole("button", { name: "Request remediation" }).click();
      await p.getByText("Remediation requested; the supplier was told.").waitFor();
      await p.locator(".page-head").getByText("Remediation requested", { exact: true }).waitFor();
      const asked = p
        .locator("section", { has: p.getByRole("heading", { name: "Remediation", exact: true }) })
        .locator("tbody tr");
      await expect(asked.count()).resolves.toBe(1);
      await expect(asked.innerText()).resolves.toMatch(
        new RegExp(`FD-INC-01[\\s\\S]*Commit to notifying us[\\s\\S]*${formatDay("en", due)}[\\s\\S]*open`),
      );
      await p.screenshot({ path: path.join(SCREENSHOT_DIR, "review-remediation-requested.png"), fullPage: true });

      // --- the supplier is told by e-mail and sees the request on the dashboard
      const mail = await portal.smtp.waitForMessage(
        (m) => m.envelopeTo.includes("supplier@flowdown.test") && /Remediation requested/.test(m.subject),
        20_000,
      );
      expect(mail.text).toContain(
        `FD-INC-01: Commit to notifying us of a breach within 24 hours and update your answer. (due ${formatDay("en", due)})`,
      );
      expect(mail.text).toContain(`/supplier/assessments/${assessmentId}`);

      const s = sup.page;
      await s.goto(`${portal.app.baseUrl}/supplier`);
      const myRow = s.locator("tbody tr", { has: s.locator(`a[href="/supplier/assessments/${assessmentId}"]`) });
      await expect(myRow.innerText()).resolves.toContain("Remediation requested");
      const stat = s.locator(".stat", { hasText: "Remediation requests" });
      await expect(stat.locator(".value").innerText()).resolves.toBe("1");
      await myRow.getByRole("link").click();
      const form = s.getByTestId("remediation-form");
      await form.waitFor();
      await expect(form.innerText()).resolves.toMatch(
        new RegExp(
          `FD-INC-01 · due ${formatDay("en", due)}[\\s\\S]*Commit to notifying us of a breach within 24 hours`,
        ),
      );

      // the supplier corrects the answer in the questionnaire (it saves as they type) ...
      await s.locator("[data-testid='questionnaire'][data-ready='true']").waitFor();
      // the questionnaire reopens on the page the supplier left it (the last one); the answer is one page back
      await s.getByRole("button", { name: "Previous" }).click();
      const hours = s.locator('.sd-question[data-name="breachNotifyHours"] input');
      await expect(hours.inputValue()).resolves.toBe("48");
      await hours.fill("24");
      await hours.blur();
      await s.locator("[data-testid='save-state'][data-state='saved']").waitFor();

      // ... then answers the item with a text and the updated procedure
      await form
        .getByLabel("Your answer")
        .fill(
          "Our incident procedure v3.2 now requires notifying Northwind within 24 hours; the questionnaire answer is updated.",
        );
      await form.getByLabel("Evidence (optional)").setInputFiles(PDF);
      await form.getByRole("button", { name: "Send remediation answers" }).click();
      await s
        .getByText("Your remediation answers were sent; the questionnaire is back with your client for review.")
        .waitFor();
      await s.locator(".page-head").getByText("Submitted", { exact: true }).waitFor();
      await expect(s.getByTestId("remediation-form").count()).resolves.toBe(0);
      await s.screenshot({ path: path.join(SCREENSHOT_DIR, "review-remediation-answered.png"), fullPage: true });

      // --- procurement sees the answer and the re-scored result, and approves
      await p.reload();
      await p.locator(".page-head").getByText("Submitted", { exact: true }).waitFor();
      await expect(asked.innerText()).resolves.toMatch(
        /Our incident procedure v3\.2 now requires notifying Northwind within 24 hours[\s\S]*evidence 1[\s\S]*Liis Tamm/,
      );
      const evidence = await p.request.get(
        new URL((await asked.getByRole("link", { name: "evidence 1" }).getAttribute("href"))!, portal.app.baseUrl).href,
      );
      expect(evidence.status()).toBe(200);
      expect(evidence.headers()["content-type"]).toContain("application/pdf");
      await expect(resultBadge(inc).innerText()).resolves.toBe("Met");
      await expect(inc.locator(".reasons").innerText()).resolves.toContain(
        "answered 24 h; the agreement requires 24 h or less",
      );
      await expect(inc.innerText()).resolves.not.toMatch(/overridden/i);
      await expect(resultBadge(vul).innerText()).resolves.toBe("Met (overridden)");
      const scoreAfterRemediation = Number(
        await p.getByTestId("score-summary").locator(".score-figure .value").innerText(),
      );
      expect(scoreAfterRemediation).toBeGreaterThan(scoreAfterOverride);
      await expect(p.getByTestId("score-summary").innerText()).resolves.not.toContain("Knock-out not met");
      await expect(p.locator("dl.facts").innerText()).resolves.toContain(`${scoreAfterRemediation} / 100`);

      await p
        .getByLabel("Comment (required to reject)")
        .fill("Notification window fixed; scan interval accepted on the reviewer's note.");
      await p.getByRole("button", { name: "Approve" }).click();
      await p.getByText("Assessment approved.").waitFor();
      await p.locator(".page-head").getByText("Approved", { exact: true }).waitFor();
      await expect(p.locator("ol.history li").last().innerText()).resolves.toMatch(
        /Approved[\s\S]*Priya Raman[\s\S]*Notification window fixed/,
      );
      await p.screenshot({ path: path.join(SCREENSHOT_DIR, "review-approved.png"), fullPage: true });

      // --- the disclosing party sees the matrix change
      const d = disc.page;
      await d.reload();
      await d.getByTestId("compliance-matrix").waitFor();
      await expect(supplierRowHeader.innerText()).resolves.toContain(`${scoreAfterRemediation}/100, approved`);
      await expect(matrixCellLabel(d, "FD-INC-01")).resolves.toBe("FD-INC-01: Met");
      await expect(matrixCellText(d, "FD-INC-01")).resolves.toBe("Met");
      await expect(matrixCellLabel(d, "FD-VUL-01")).resolves.toBe("FD-VUL-01: Met (overridden; computed Partly met)");
      await expect(matrixCellText(d, "FD-VUL-01")).resolves.toBe("Met, overridden");
      await expect(clearance(d, "Evaluation")).resolves.toBe("Cleared");
      await d.screenshot({ path: path.join(SCREENSHOT_DIR, "review-discloser-after.png"), fullPage: true });

      await Promise.all([proc.context.close(), sup.context.close(), disc.context.close()]);
    },
  );
});
