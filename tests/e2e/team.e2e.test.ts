import path from "node:path";
import { describe, expect, it } from "vitest";
import { demoPortalInBrowser, signIn, SCREENSHOT_DIR } from "./harness";

const portal = demoPortalInBrowser({ mail: true });

describe("an administrator brings a new organisation in", () => {
  it("creates a recipient organisation, invites its first procurement user and sees the invitation pending and mailed", async () => {
    const context = await portal.browser.newContext();
    const page = await context.newPage();
    await signIn(portal.app, "admin", page);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Organisations" }).click();
    await page.getByRole("link", { name: "New organisation" }).click();
    // the list page has a "Kind" filter too: fill the form only once it is on screen
    await page.getByRole("heading", { level: 1, name: "New organisation" }).waitFor();
    await page.getByLabel("Kind").selectOption({ label: "Recipient" });
    await page.getByLabel("Name", { exact: true }).fill("Fjord Systems Integration");
    await page.getByLabel("Legal name (optional)").fill("Fjord Systems Integration AS");
    await page.getByLabel("Country").selectOption("NO");
    await page.getByLabel("Registration number (optional)").fill("NO 912 345 678");
    await page.getByRole("button", { name: "Create organisation" }).click();
    await page.getByText("Organisation created. Invite its people below.").waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Fjord Systems Integration");
    const orgUrl = page.url().split("?")[0];

    // the same organisation a second time is refused, with a link to the first
    await page.goto(`${portal.app.baseUrl}/admin/organisations/new`);
    await page.getByLabel("Kind").selectOption({ label: "Recipient" });
    await page.getByLabel("Name", { exact: true }).fill("Fjord  Systems Integration AS");
    await page.getByLabel("Country").selectOption("NO");
    await page.getByRole("button", { name: "Create organisation" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: "Fjord Systems Integration (Recipient, Norway) has the same name" })
      .waitFor();
    expect(await page.getByLabel("Name", { exact: true }).inputValue()).toBe("Fjord  Systems Integration AS");
    await page.getByTestId("duplicates").getByRole("link", { name: "Fjord Systems Integration" }).click();
    await page.waitForURL(orgUrl);

    // invite the first procurement user, as the organisation's team administrator
    await page.getByLabel("E-mail").fill("ingrid.berg@fjord-systems.example");
    await page.getByLabel("Name (optional)", { exact: true }).fill("Ingrid Berg");
    await page.getByLabel(/Team administrator/).check();
    await page.getByRole("button", { name: "Send invitation" }).click();
    await page.getByText("Invitation sent.").waitFor();
    // the form is ready for the next person
    expect(await page.getByLabel("E-mail").inputValue()).toBe("");
    const row = page.getByTestId("invitations").getByRole("row", { name: /ingrid\.berg@fjord-systems\.example/ });
    expect(await row.getByRole("cell").nth(2).textContent()).toBe("Team administrator");
    const expires = await row.getByRole("cell").nth(4).textContent();
    // shown as the reader's moment ("Dec 13, 2026, 04:33 UTC"), which Date.parse reads
    const days = (Date.parse(expires!) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const mail = await portal.smtp.waitForMessage((m) => m.envelopeTo.includes("ingrid.berg@fjord-systems.example"));
    expect(mail.subject).toBe("You are invited to Flowdown (Fjord Systems Integration)");
    expect(mail.text).toContain("as procurement, with the right to manage its team");
    const link = mail.text.match(/https?:\/\/\S+\/welcome\/[A-Za-z0-9_-]{43}/)![0];
    expect(new URL(link).origin).toBe(portal.app.baseUrl);

    // a resend mails a new link
    await row.getByRole("button", { name: /Resend/ }).click();
    await page.getByText("A new invitation was sent; the earlier link no longer works.").waitFor();
    const again = await portal.smtp.waitForMessage(
      (m) => m.envelopeTo.includes("ingrid.berg@fjord-systems.example") && !m.text.includes(link),
    );
    expect(again.text).toMatch(/\/welcome\/[A-Za-z0-9_-]{43}/);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "admin-organisation.png"), fullPage: true });

    // the list shows it under its kind
    await page.goto(`${portal.app.baseUrl}/admin/organisations?kind=recipient`);
    await page.getByTestId("organisations").getByRole("link", { name: "Fjord Systems Integration" }).waitFor();
    await context.close();
  });
});
