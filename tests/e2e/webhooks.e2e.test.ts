import { describe, expect, it } from "vitest";
import { blockingViolations, runAxe } from "#tests/helpers/axe";
import { horizontalOverflow, smallTouchTargets } from "#tests/helpers/small-screen";
import { WEBHOOK_VERIFY_SNIPPET } from "#app/features/webhooks/verify-snippet";
import { demoPortalInBrowser, signIn } from "./harness";

const portal = demoPortalInBrowser();

describe("a team administrator registers a webhook endpoint", () => {
  it("in the browser on a phone: a refused URL keeps what was typed, the secret is shown once", async () => {
    const context = await portal.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
    const page = await context.newPage();
    await signIn(portal.app, "procurement", page);
    await page.goto(`${portal.app.baseUrl}/account/team/webhooks`);
    await page.getByRole("heading", { level: 1, name: "Webhooks" }).waitFor();

    await page.getByLabel("Endpoint URL").fill("http://hooks.example.com/flowdown");
    await page.getByLabel(/An assessment is submitted/).check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await page.getByText("Use an https:// address").waitFor();
    expect(await page.getByLabel("Endpoint URL").inputValue()).toBe("http://hooks.example.com/flowdown");
    expect(await page.getByLabel(/An assessment is submitted/).isChecked()).toBe(true);

    await page.getByLabel("Endpoint URL").fill("https://hooks.example.com/flowdown");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const secret = page.getByRole("textbox", { name: "Signing secret" });
    await secret.waitFor();
    expect(await secret.inputValue()).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    await page
      .getByTestId("webhook-endpoints")
      .getByText("https://hooks.example.com/flowdown", { exact: true })
      .waitFor();

    expect(await horizontalOverflow(page)).toBeNull();
    expect(await smallTouchTargets(page)).toEqual([]);
    expect(blockingViolations("webhooks", await runAxe(page))).toEqual([]);

    // the log of the endpoint, and the secret never again
    await page.getByRole("link", { name: "Delivery log" }).click();
    await page.getByText("Nothing has been sent to this endpoint yet.").waitFor();
    expect(await page.getByRole("textbox", { name: "Signing secret" }).count()).toBe(0);
    expect(await horizontalOverflow(page)).toBeNull();
    expect(blockingViolations("webhooks log", await runAxe(page))).toEqual([]);

    // the API reference documents the scheme with the snippet the integration tests run
    await page.goto(`${portal.app.baseUrl}/api/v1/docs#webhooks`);
    const snippet = page.getByRole("region", { name: /Verify each delivery/ });
    expect(await snippet.textContent()).toBe(WEBHOOK_VERIFY_SNIPPET);
    expect(blockingViolations("api docs", await runAxe(page))).toEqual([]);
    await context.close();
  });
});
