import path from "node:path";
import { describe, expect, it } from "vitest";
import { demoPortalInBrowser, signIn, SCREENSHOT_DIR } from "./harness";

const portal = demoPortalInBrowser();

describe("declared subcontractors in the browser", () => {
  it("the supplier declares one; procurement accepts it on the agreement page and sends it a questionnaire", async () => {
    const supplierContext = await portal.browser.newContext();
    const supplier = await supplierContext.newPage();
    await signIn(portal.app, "supplier", supplier);
    await supplier.getByRole("link", { name: "Subcontractors for TTA-2026-001" }).click();
    await supplier.getByRole("heading", { name: "Subcontractors for TTA-2026-001" }).waitFor();

    // a first try without the contact is refused beside the field, and what was typed stays
    await supplier.getByLabel("Company name").fill("Nordlicht Backup AB");
    await supplier.getByLabel("Country").selectOption({ label: "Sweden" });
    await supplier.getByLabel("Service it provides to you").fill("Offsite backups");
    await supplier.getByRole("button", { name: "Declare the subcontractor" }).click();
    await supplier.locator(".field-errors").filter({ hasText: "Enter whom procurement should write to" }).waitFor();
    await expect(supplier.getByLabel("Company name").inputValue()).resolves.toBe("Nordlicht Backup AB");
    await supplier.getByLabel("Contact e-mail").fill("security@nordlicht.example");
    await supplier.getByRole("button", { name: "Declare the subcontractor" }).click();
    await supplier.getByText("Subcontractor declared.").waitFor();
    await supplier.getByRole("row", { name: /Nordlicht Backup AB[\s\S]*Awaiting procurement/ }).waitFor();
    await supplier.screenshot({ path: path.join(SCREENSHOT_DIR, "subcontractors-supplier.png"), fullPage: true });

    const procurementContext = await portal.browser.newContext();
    const page = await procurementContext.newPage();
    await signIn(portal.app, "procurement", page);
    await page.getByRole("link", { name: "Agreements" }).click();
    await page.getByRole("link", { name: "TTA-2026-001" }).first().click();
    const section = page.getByTestId("proposed-subcontractors");
    await section.getByText("proposed by Baltic Cloud Hosting OÜ, awaiting procurement").waitFor();
    await expect(section.innerText()).resolves.toContain("tier 2, working for Baltic Cloud Hosting OÜ (tier 1)");
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "subcontractors-proposed.png"), fullPage: true });

    await section.getByRole("button", { name: "Accept as tier 2" }).click();
    await page.getByText("Nordlicht Backup AB is now a tier-2 link of the chain").waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "subcontractors-accepted.png"), fullPage: true });
    await page.getByRole("link", { name: "Send a questionnaire" }).first().click();
    await page.getByRole("heading", { name: "Send a questionnaire" }).waitFor();
    await expect(page.getByLabel("Supplier in its chain").locator("option:checked").innerText()).resolves.toBe(
      "Nordlicht Backup AB (tier 2)",
    );
    await expect(page.getByLabel("Recipients' e-mail addresses").inputValue()).resolves.toBe(
      "security@nordlicht.example",
    );
    await page.getByRole("button", { name: "Send questionnaire" }).click();
    await page.waitForURL(/\/procurement\/assessments\/[0-9a-f]{24}\?sent=1$/);

    // the chain tab shows it as an ordinary link now
    await page.goto(`${portal.app.baseUrl}/procurement/agreements`);
    await page.getByRole("link", { name: "TTA-2026-001" }).first().click();
    await page.getByRole("link", { name: "Subcontractor chain" }).click();
    await expect(page.getByTestId("compliance-chain").innerText()).resolves.toMatch(/Nordlicht Backup AB[\s\S]*tier 2/);
    await page.getByText("Decided (1)").click();
    await page.getByRole("link", { name: "Open its questionnaire" }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "subcontractors-chain.png"), fullPage: true });

    await supplier.reload();
    await supplier.getByRole("row", { name: /Nordlicht Backup AB[\s\S]*Accepted into the chain/ }).waitFor();
    await supplierContext.close();
    await procurementContext.close();
  });
});
