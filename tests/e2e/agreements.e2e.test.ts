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

    // each supplier's own breach time, edited beside the window: the budget follows the two-tier chain
    const budget = page.getByTestId("breach-budget");
    await expect(budget.innerText()).resolves.toBe(
      "Recipient 24 h + tier 1 24 h + tier 2 24 h = 72 h of the 72 h window.",
    );
    await page.locator("[name='param.FD-INC-01.notifyWithinHours']").fill("12");
    await expect(budget.innerText()).resolves.toBe(
      "Recipient 24 h + tier 1 12 h + tier 2 12 h = 48 h of the 72 h window (24 h to spare).",
    );

    await page.getByRole("button", { name: "Create agreement" }).click();
    await page
      .waitForURL(/\/procurement\/agreements\/[0-9a-f]{24}\?tab=terms&saved=1$/, { timeout: 15_000 })
      .catch(async () => {
        throw new Error(
          `the form was refused: ${(await page.locator(".field-errors, .form-error").allInnerTexts()).join(" | ")}`,
        );
      });
    await page.getByText("Agreement saved as revision 1.").waitFor();
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

  it("the breach budget adds up as the user types, warns when it does not fit, and a refusal keeps the hours", async () => {
    const context = await portal.browser.newContext();
    const page = await context.newPage();
    await signIn(portal.app, "procurement", page);
    await page.goto(`${portal.app.baseUrl}/procurement/agreements/new`);
    const fieldset = page.getByTestId("breach-notification");
    const budget = page.getByTestId("breach-budget");
    const line = async (text: string) =>
      page.waitForFunction(
        (expected) => document.querySelector("[data-testid='breach-budget']")?.textContent === expected,
        text,
        { timeout: 5_000 },
      );

    // a new agreement's chain has no supplier yet: one tier is counted
    await line(
      "Recipient 24 h + tier 1 24 h = 48 h of the 72 h window (24 h to spare). The chain has no supplier yet: one tier is counted.",
    );
    await page.locator("[name='chain.0.supplierOrgId']").selectOption({ label: "Baltic Cloud Hosting OÜ" });
    await page.getByRole("button", { name: "Add supplier to the chain" }).click();
    await page.locator("[name='chain.1.supplierOrgId']").selectOption({ label: "株式会社さくらデータ" });
    await page.locator("[name='chain.1.tier']").fill("2");
    await line("Recipient 24 h + tier 1 24 h + tier 2 24 h = 72 h of the 72 h window.");

    // typed key by key, as a user does
    const supplierHours = fieldset.getByLabel("Each supplier's own time (hours)");
    await supplierHours.fill("");
    await supplierHours.pressSequentially("30");
    await line("Does not fit: Recipient 24 h + tier 1 30 h + tier 2 30 h = 84 h of the 72 h window (12 h too many).");
    await expect(budget.getAttribute("class")).resolves.toBe("form-error");
    await fieldset.screenshot({ path: path.join(SCREENSHOT_DIR, "agreement-breach-budget.png") });
    await fieldset.getByLabel("Breach window, whole chain (hours)").fill("96");
    await line("Recipient 24 h + tier 1 30 h + tier 2 30 h = 84 h of the 96 h window (12 h to spare).");
    await expect(budget.getAttribute("class")).resolves.toBe("notice");

    // removing the tier-2 row shortens the chain
    await page.getByTestId("chain-row-1").getByRole("button", { name: "Remove" }).click();
    await line("Recipient 24 h + tier 1 30 h = 54 h of the 96 h window (42 h to spare).");

    // without FD-INC-01 only the window and the recipient's time count
    await page.locator("input[name='requirements'][value='FD-INC-01']").uncheck();
    await line(
      "Recipient 24 h of the 96 h window, leaving 72 h for the suppliers. FD-INC-01 is not part of this agreement, so no supplier is held to its own time.",
    );
    await page.locator("input[name='requirements'][value='FD-INC-01']").check();

    // posted anyway: refused beside the field with the numbers and what fits, nothing typed lost
    await fieldset.getByLabel("Recipient's own time (hours)").fill("96");
    await page.getByRole("button", { name: "Create agreement" }).click();
    await page
      .locator("#recipientNotifyHours-error")
      .filter({ hasText: "The recipient's own 96 h take the whole 96 h window" })
      .waitFor();
    await expect(page.locator("#recipientNotifyHours-error").innerText()).resolves.toContain(
      "It would fit with the recipient's own time at most 66 h or a window of at least 126 h.",
    );
    await expect(fieldset.getByLabel("Breach window, whole chain (hours)").inputValue()).resolves.toBe("96");
    await expect(supplierHours.inputValue()).resolves.toBe("30");
    await expect(page.locator("[name='chain.0.supplierOrgId']").inputValue()).resolves.not.toBe("");
    await line("Does not fit: Recipient 96 h + tier 1 30 h = 126 h of the 96 h window (30 h too many).");
    await context.close();
  });
});
