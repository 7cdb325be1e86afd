import path from "node:path";
import { describe, expect, it } from "vitest";
import { demoPortalInBrowser, signIn, SCREENSHOT_DIR } from "./harness";

const portal = demoPortalInBrowser();

describe("the supplier directory in the browser", () => {
  it("the agreement form adds a disclosing party and suppliers in a dialog, keeping what was typed", async () => {
    const context = await portal.browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signIn(portal.app, "procurement", page);
    await page.goto(`${portal.app.baseUrl}/procurement/agreements/new`);
    await page.getByRole("heading", { name: "New agreement" }).waitFor();
    await page.getByLabel("Reference", { exact: true }).fill("TTA-E2E-DIR");
    await page.getByLabel("Title", { exact: true }).fill("Directory in the chain editor");

    // a disclosing party the portal does not know yet
    await page.getByRole("button", { name: "Add a disclosing party" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name", { exact: true }).fill("Kiruna Optics AB");
    await dialog.getByLabel("Country", { exact: true }).selectOption("SE");
    await dialog.getByLabel("Registration number", { exact: true }).fill("556000-1234");
    await dialog.getByRole("button", { name: "Add a disclosing party" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByText("Kiruna Optics AB was added to your directory.").waitFor();
    const discloser = page.getByLabel("Disclosing party", { exact: true });
    await expect.poll(() => discloser.locator("option:checked").innerText()).toBe("Kiruna Optics AB");
    await expect(page.getByLabel("Reference", { exact: true }).inputValue()).resolves.toBe("TTA-E2E-DIR");

    // a supplier the portal already knows by its name: the dialog offers it instead
    await page.getByRole("button", { name: "Add a new supplier" }).click();
    await dialog.getByLabel("Name", { exact: true }).fill("BALTIC-CLOUD HOSTING");
    await dialog.getByLabel("Country", { exact: true }).selectOption("EE");
    await dialog.getByRole("button", { name: "Add a new supplier" }).click();
    await dialog.getByTestId("duplicates").waitFor();
    await dialog.screenshot({ path: path.join(SCREENSHOT_DIR, "directory-duplicate-dialog.png") });
    await dialog.getByRole("button", { name: "Use Baltic Cloud Hosting OÜ" }).click();
    await dialog.waitFor({ state: "detached" });
    const first = page.locator("[name='chain.0.supplierOrgId']");
    await expect.poll(() => first.locator("option:checked").innerText()).toBe("Baltic Cloud Hosting OÜ");

    // a new supplier gets a chain row of its own
    await page.getByRole("button", { name: "Add a new supplier" }).click();
    await dialog.getByLabel("Name", { exact: true }).fill("Fjord Test Labs AS");
    await dialog.getByLabel("Country", { exact: true }).selectOption("NO");
    await dialog.getByLabel("Primary contact e-mail", { exact: true }).fill("security@fjord.example");
    await dialog.getByLabel("Service", { exact: true }).fill("Hardware testing");
    await dialog.getByRole("button", { name: "Add a new supplier" }).click();
    await dialog.waitFor({ state: "detached" });
    const second = page.locator("[name='chain.1.supplierOrgId']");
    await expect.poll(() => second.locator("option:checked").innerText()).toBe("Fjord Test Labs AS");
    await expect(page.getByLabel("Title", { exact: true }).inputValue()).resolves.toBe("Directory in the chain editor");

    await page.getByLabel("Governing law", { exact: true }).fill("Swedish law");
    await page.getByLabel("Effective date", { exact: true }).fill("2026-02-01");
    await page.getByLabel("End of term", { exact: true }).fill("2028-01-31");
    await page.getByLabel("Permitted jurisdictions", { exact: true }).fill("SE, EE, NO");
    await page.getByRole("button", { name: "Create agreement" }).click();
    await page
      .waitForURL(/\/procurement\/agreements\/[0-9a-f]{24}\?tab=terms&saved=1$/, { timeout: 15_000 })
      .catch(async () => {
        throw new Error(
          `the form was refused: ${(await page.locator(".field-errors, .form-error").allInnerTexts()).join(" | ")}`,
        );
      });
    await expect(page.getByTestId("chain-tree").innerText()).resolves.toMatch(
      /Baltic Cloud Hosting OÜ[\s\S]*Fjord Test Labs AS/,
    );
    await expect(page.getByTestId("discloser-contacts").innerText()).resolves.toContain(
      "Nobody at Kiruna Optics AB has an account yet.",
    );

    // the contacts section invites the disclosing party's first contact
    await page.getByLabel("E-mail", { exact: true }).fill("legal@kiruna.example");
    await page.getByLabel("Name", { exact: true }).fill("Astrid Berg");
    await page.getByRole("button", { name: "Invite", exact: true }).click();
    await page.getByText("Invitation sent to legal@kiruna.example.").waitFor();
    await page.getByTestId("discloser-invitations").getByText("legal@kiruna.example").waitFor();
    await context.close();
  });
});

describe("sending a questionnaire to a supplier not yet in the chain", () => {
  it("adds the supplier to the agreement's chain from the send form, selects it and offers its contact", async () => {
    const context = await portal.browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signIn(portal.app, "procurement", page);
    await page.goto(`${portal.app.baseUrl}/procurement/assessments/new`);
    const agreement = page.getByLabel("Agreement", { exact: true });
    const label = (await agreement.locator("option").allInnerTexts()).find((t) => t.startsWith("TTA-2026-001"))!;
    await agreement.selectOption({ label });
    await page.getByRole("button", { name: "Add a new supplier to this agreement's chain" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name", { exact: true }).fill("Lagoon Analytics Srl");
    await dialog.getByLabel("Country", { exact: true }).selectOption("IT");
    await dialog.getByLabel("Primary contact e-mail", { exact: true }).fill("infosec@lagoon.example");
    await dialog.getByLabel("Highest class it may receive", { exact: true }).selectOption("internal");
    await dialog.getByRole("button", { name: "Add a supplier to the chain" }).click();
    await dialog.waitFor({ state: "detached", timeout: 30_000 });
    await page.getByText(/joined the agreement's chain at tier 1 \(revision \d+\)/).waitFor();
    const supplier = page.getByLabel("Supplier in its chain", { exact: true });
    await expect.poll(() => supplier.locator("option:checked").innerText()).toBe("Lagoon Analytics Srl (tier 1)");
    await expect(page.getByLabel("Recipients' e-mail addresses", { exact: true }).inputValue()).resolves.toBe(
      "infosec@lagoon.example",
    );
    await page.getByRole("button", { name: "Send questionnaire" }).click();
    await page.waitForURL(/\/procurement\/assessments\/[0-9a-f]{24}\?sent=1$/, { timeout: 15_000 });
    await page.getByRole("heading", { name: "Lagoon Analytics Srl" }).waitFor();
    await context.close();
  });
});

describe("importing suppliers from CSV in the browser", () => {
  it("uploads, previews the rows with their errors, and imports the others when told to skip them", async () => {
    const context = await portal.browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signIn(portal.app, "procurement", page);
    await page.goto(`${portal.app.baseUrl}/procurement/suppliers`);
    await page.getByRole("link", { name: "Import from CSV" }).click();
    await page.getByLabel("CSV file", { exact: true }).setInputFiles({
      name: "suppliers.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        [
          "name,country,registration_number,contact_email,service",
          "Aurora Pentest Oy,Finland,FI-123,team@aurora.example,Penetration tests",
          // as a spreadsheet saves a formula cell: quoted, its quotes doubled
          '"=HYPERLINK(""http://evil.example"",""x"")",DE,,,',
          "Baltic Cloud Hosting,EE,,,",
        ].join("\n"),
      ),
    });
    await page.getByRole("button", { name: "Upload and preview" }).click();
    await page.getByRole("heading", { name: "Preview of suppliers.csv" }).waitFor();
    const preview = page.getByTestId("import-preview");
    await expect(preview.locator("tr[data-outcome='error']").innerText()).resolves.toMatch(/formulas/);
    await expect(page.getByTestId("import-counts").innerText()).resolves.toBe(
      "1 new, 0 known to the portal already (they will be linked to your directory, not created again), 1 already among your suppliers, 1 row with errors.",
    );
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "directory-import-preview.png"), fullPage: true });

    await page.getByRole("button", { name: "Import 1 supplier" }).click();
    await page.getByText(/Nothing was imported: 1 row has errors/).waitFor();
    await page.getByLabel(/Skip the rows with errors/).check();
    await page.getByRole("button", { name: "Import 1 supplier" }).click();
    await page.waitForURL(/\/procurement\/suppliers\?imported=1/);
    await expect(page.getByTestId("import-result").innerText()).resolves.toBe(
      "Import done: 1 created, 0 linked (known to the portal already), 1 skipped, 1 already among your suppliers.",
    );
    await page.getByTestId("suppliers").getByText("Aurora Pentest Oy").waitFor();
    await context.close();
  });
});
