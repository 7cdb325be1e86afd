import { describe, expect, it } from "vitest";
import { demoPortalInBrowser, signIn } from "./harness";

const portal = demoPortalInBrowser();

describe("a team administrator's API tokens", () => {
  it("shows a new token once, starts the next one empty, and revokes only once confirmed", async () => {
    const context = await portal.browser.newContext();
    const page = await context.newPage();
    try {
      await signIn(portal.app, "procurement", page);
      await page.goto(`${portal.app.baseUrl}/account/team/api-tokens`);
      await page.getByLabel("Name", { exact: true }).fill("Procurement suite");
      await page.getByLabel("Access").selectOption("read");
      await page.getByRole("button", { name: "Create token" }).click();
      const token = await page.getByRole("textbox", { name: "New token" }).inputValue();
      expect(token).toMatch(/^fd_[A-Za-z0-9]{8}_/);
      // the form is ready for another token, not holding the last one's name
      await expect(page.getByLabel("Name", { exact: true }).inputValue()).resolves.toBe("");

      const api = () =>
        fetch(`${portal.app.baseUrl}/api/v1/agreements`, { headers: { Authorization: `Bearer ${token}` } });
      expect((await api()).status).toBe(200);

      const row = page.getByTestId("api-tokens").getByRole("row").filter({ hasText: "Procurement suite" });
      const revoke = row.getByRole("button", { name: "Revoke the token Procurement suite" });
      // a slip of the finger: the dialog names the token, and cancelling keeps it working
      const dismissed = page.waitForEvent("dialog").then(async (dialog) => {
        expect(dialog.message()).toContain("Procurement suite");
        await dialog.dismiss();
      });
      await revoke.click();
      await dismissed;
      await expect(row.getByText("Active").isVisible()).resolves.toBe(true);
      expect((await api()).status).toBe(200);

      page.once("dialog", (dialog) => void dialog.accept());
      await revoke.click();
      await page.getByText("The token was revoked: requests with it are refused from now on.").waitFor();
      await expect(row.getByText("Revoked").isVisible()).resolves.toBe(true);
      expect((await api()).status).toBe(401);
    } finally {
      await context.close();
    }
  });
});
