import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compact, pageTexts } from "#tests/helpers/pdf";
import { demoPortalInBrowser, signIn, SCREENSHOT_DIR } from "./harness";

const portal = demoPortalInBrowser();
let workDir: string;

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "flowdown-reports-e2e-"));
});

afterAll(async () => {
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

describe("reports in the browser", () => {
  it("the disclosing party generates the agreement report, downloads it, and anyone can verify the file; an altered copy is refused", async () => {
    const context = await portal.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await signIn(portal.app, "discloser", page);
    await page.getByRole("link", { name: "TTA-2026-001" }).first().click();
    await page.getByRole("navigation", { name: "Agreement sections" }).getByRole("link", { name: "Reports" }).click();
    const reports = page.getByRole("region", { name: "Flow-down compliance report" });
    await reports.getByText("No report has been generated yet.").waitFor();
    await reports.getByRole("button", { name: "Generate the report" }).click();
    await page.getByText("Report version 1 generated and stored.").waitFor({ timeout: 60_000 });
    await expect(reports.getByRole("row").count()).resolves.toBe(2); // header + v1
    await reports.getByRole("button", { name: "Generate a new version" }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      reports.getByRole("link", { name: "Download PDF" }).first().click(),
    ]);
    const file = path.join(workDir, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/^agreement-TTA-2026-001-v1\.pdf$/);
    const pdf = fs.readFileSync(file);
    const text = compact((await pageTexts(pdf)).join(" "));
    expect(text).toContain("TTA-2026-001");
    expect(text).toContain("株式会社さくらデータ");

    // verification needs no account
    const visitor = await (await portal.browser.newContext()).newPage();
    await visitor.goto(`${portal.app.baseUrl}/verify`);
    await visitor.getByLabel("The PDF report").setInputFiles(file);
    await visitor.getByRole("button", { name: "Check the file" }).click();
    const verdict = visitor.getByRole("status");
    await verdict.getByRole("heading", { name: /Authentic/ }).waitFor();
    await verdict.getByText("v1", { exact: true }).waitFor();
    await verdict.getByText("This is the latest version of this report.").waitFor();
    await visitor.screenshot({ path: path.join(SCREENSHOT_DIR, "verify-authentic.png"), fullPage: true });

    // a second version makes the first one out of date
    await reports.getByRole("button", { name: "Generate a new version" }).click();
    await page.getByText("Report version 2 generated and stored.").waitFor({ timeout: 60_000 });
    await visitor.getByLabel("The PDF report").setInputFiles(file);
    await visitor.getByRole("button", { name: "Check the file" }).click();
    await verdict.getByText(/A newer version exists: v2/).waitFor();

    const altered = Buffer.from(pdf);
    altered[altered.length >> 1] ^= 0x20;
    const alteredFile = path.join(workDir, "altered.pdf");
    fs.writeFileSync(alteredFile, altered);
    await visitor.getByLabel("The PDF report").setInputFiles(alteredFile);
    await visitor.getByRole("button", { name: "Check the file" }).click();
    await verdict.getByRole("heading", { name: "Not an authentic Flowdown report" }).waitFor();

    await visitor.getByLabel("…or its SHA-256").fill("1234");
    await visitor.getByRole("button", { name: "Check the fingerprint" }).click();
    await visitor.getByText("A SHA-256 is 64 hexadecimal characters (0–9, a–f).").waitFor();
    await context.close();
  });
});
