import path from "node:path";
import { describe, expect, it } from "vitest";
import { demoPortalInBrowser, signIn, SCREENSHOT_DIR } from "./harness";

const portal = demoPortalInBrowser();

describe("agreements in the browser", () => {
  it("procurement creates an agreement with two phases and a two-tier chain; the disclosing party sees it", async () => {
    const context = await portal.browser.newContext();
    const page = await context.newPage();
    await signIn(portal.app, "procurement", page);
    await page.getByRole("link", { name: "Agreements" }).click();
    await page.getByRole("link", { name: "New agreement" }).click();
    await page.getByRole("heading", { name: "New agreement" }).waitFor();

    await page.getByLabel("Reference", { exact: true }).fill("TTA-E2E-7");
    await page.getByLabel("Title", { exact: true }).fill("Prototype sensor firmware for testing");
    await page.getByLabel("Disclosing party", { exact: true }).selectOption({ label: "Helvion Robotics AG" });
    await page.getByLabel("Governing law", { exact: true }).fill("English law");
    await page.getByLabel("Effective date", { exact: true }).fill("2026-02-01");
    await page.getByLabel("End of term", { exact: true }).fill("2028-01-31");
    await page.getByLabel("Permitted jurisdictions", { exact: true }).fill("GB, DE, EE");
    await page.locator("input[name='informationClasses'][value='restricted']").check();

    // A first submission with the end before the start is refused beside the field, and nothing typed is lost.
    await page.getByLabel("End of term", { exact: true }).fill("2025-12-31");
    await page.getByRole("button", { name: "Create agreement" }).click();
    await page.locator("#endDate-error").filter({ hasText: "The agreement must end after it starts." }).waitFor();
    await expect(page.getByLabel("Reference", { exact: true }).inputValue()).resolves.toBe("TTA-E2E-7");
    await page.getByLabel("End of term", { exact: true }).fill("2028-01-31");

    // chain: tier 1 Baltic Cloud, tier 2 Sakura Data working for Baltic Cloud
    await page.locator("[name='chain.0.supplierOrgId']").selectOption({ label: "Baltic Cloud Hosting OÜ" });
    await page.locator("[name='chain.0.maxClass']").selectOption("restricted");
    await page.getByRole("button", { name: "Add supplier to the chain" }).click();
    await page.locator("[name='chain.1.supplierOrgId']").selectOption({ label: "株式会社さくらデータ" });
    await page.locator("[name='chain.1.tier']").fill("2");
    await page.locator("[name='chain.1.parentSupplierOrgId']").selectOption({ label: "Baltic Cloud Hosting OÜ" });
    await page.locator("[name='chain.1.maxClass']").selectOption("confidential");

    // two phases
    await page.locator("[name='phases.0.name']").fill("Evaluation");
    await page.locator("[name='phases.0.purpose']").fill("Binaries for bench tests");
    await page.locator("[data-testid='phase-row-0'] input[value='internal']").check();
    await page.locator("[name='phases.0.requiredRequirementIds']").selectOption(["FD-CONF-01"]);
    await page.getByRole("button", { name: "Add phase" }).click();
    await page.locator("[name='phases.1.name']").fill("Integration");
    await page.locator("[data-testid='phase-row-1'] input[value='confidential']").check();
    await page
      .locator("[name='phases.1.requiredRequirementIds']")
      .selectOption(["FD-CONF-01", "FD-INC-01", "FD-LOC-01"]);
    await page.locator("[data-testid='phase-row-1']").getByLabel("Baltic Cloud Hosting OÜ").check();

    // a parameter of the agreement's own
    await page.locator("[name='param.FD-INC-01.notifyWithinHours']").fill("12");

    await page.getByRole("button", { name: "Create agreement" }).click();
    await page
      .waitForURL(/\/procurement\/agreements\/[0-9a-f]{24}\?tab=terms&saved=1$/, { timeout: 15_000 })
      .catch(async () => {
        throw new Error(
          `the form was refused: ${(await page.locator(".field-errors, .form-error").allInnerTexts()).join(" | ")}`,
        );
      });
    await page.getByText("Agreement saved.").waitFor();
    await page.getByRole("heading", { name: "TTA-E2E-7: Prototype sensor firmware for testing" }).waitFor();

    const tree = page.getByTestId("chain-tree");
    await expect(tree.innerText()).resolves.toMatch(
      /Baltic Cloud Hosting OÜ[\s\S]*tier 1[\s\S]*株式会社さくらデータ[\s\S]*tier 2/,
    );
    const phases = page.locator("section", { has: page.getByRole("heading", { name: "Phases of staged disclosure" }) });
    await expect(phases.locator("tbody tr").count()).resolves.toBe(2);
    await expect(phases.innerText()).resolves.toContain("FD-LOC-01");
    const reqs = page.locator("section", { has: page.getByRole("heading", { name: /Flow-down requirements/ }) });
    await expect(reqs.locator("tr", { hasText: "FD-INC-01" }).innerText()).resolves.toMatch(/12/);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "agreement-created.png"), fullPage: true });
    await context.close();

    const discloser = await portal.browser.newContext();
    const dpage = await discloser.newPage();
    await signIn(portal.app, "discloser", dpage);
    await dpage.getByRole("link", { name: "TTA-E2E-7" }).click();
    await dpage.getByRole("navigation", { name: "Agreement sections" }).getByRole("link", { name: "Terms" }).click();
    await dpage.getByTestId("chain-tree").waitFor();
    await expect(dpage.getByTestId("chain-tree").innerText()).resolves.toContain("株式会社さくらデータ");
    await discloser.close();
  });
});
