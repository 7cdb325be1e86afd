import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { addDaysIso, isoDateOf } from "#app/scoring/dates";
import { demoPortalInBrowser, signIn, SCREENSHOT_DIR, type RunningApp } from "./harness";

const portal = demoPortalInBrowser({ mail: true });

async function signedIn(browser: Browser, app: RunningApp, role: "supplier" | "procurement" | "discloser") {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(app, role, page);
  return { context, page };
}

/** The demo agreement's After signature tab, as procurement or the disclosing party opens it. */
async function afterSignature(page: Page, app: RunningApp, role: "procurement" | "discloser") {
  await page.goto(`${app.baseUrl}/${role === "procurement" ? "procurement/agreements" : "discloser"}`);
  await page.getByRole("link", { name: "TTA-2026-001" }).first().click();
  await page.getByRole("link", { name: "After signature" }).click();
  const section = page.getByTestId("compelled-disclosures");
  await section.waitFor();
  return section;
}

describe("a legal demand under a gag order, in the browser", () => {
  it("is recorded as barred and reaches nobody, until the supplier lifts the bar and the disclosing party sees it", async () => {
    const { app, browser, smtp } = portal;
    const authority = "District Court of Zurich, 3rd chamber";
    const reason = "Non-disclosure order of 4 December, for 60 days";
    const today = isoDateOf(new Date());

    const supplier = await signedIn(browser, app, "supplier");
    const page = supplier.page;
    await page.getByRole("link", { name: "Legal demands" }).click();
    await page.getByRole("heading", { name: "Legal demands" }).waitFor();

    const agreement = page.getByLabel("Agreement");
    const option = await agreement
      .locator("option")
      .filter({ hasText: /^TTA-2026-001/ })
      .getAttribute("value");
    await agreement.selectOption(option!);
    await page.getByLabel("Authority").fill(authority);
    await page.getByLabel("Jurisdiction").selectOption({ label: "Switzerland" });
    await page.getByLabel("Date received").fill(addDaysIso(today, -1));
    await page.getByLabel("Deadline to comply").fill(addDaysIso(today, 20));
    await page.getByLabel("Confidential", { exact: true }).check();
    await page.getByLabel("No: notice is barred").check();
    // barred without a reason is refused beside the field, and what was typed stays
    await page.getByRole("button", { name: "Report the demand" }).evaluate((b) => {
      (b as HTMLButtonElement).form!.noValidate = true;
    });
    await page.getByRole("button", { name: "Report the demand" }).click();
    await page
      .locator(".field-errors")
      .filter({ hasText: "Say why notice is barred, e.g. a non-disclosure order." })
      .waitFor();
    await expect(page.getByLabel("Authority").inputValue()).resolves.toBe(authority);

    await page.getByLabel("Why notice is barred").fill(reason);
    await page.getByLabel("What is demanded").fill("All evaluation binaries and their logs.");
    await page.getByRole("button", { name: "Report the demand" }).click();
    await page.getByText("Demand recorded. Notice is barred: nobody was notified.").waitFor();
    const barred = page.getByTestId("notice-barred");
    await expect(barred.innerText()).resolves.toBe(`Notice barred: ${reason}; nobody was notified`);
    // the form starts empty again: the same demand is not reported twice by a second click
    await expect(page.getByLabel("Authority").inputValue()).resolves.toBe("");
    await expect(page.getByLabel("Why notice is barred").inputValue()).resolves.toBe("");
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "compelled-barred.png"), fullPage: true });

    // procurement's and the disclosing party's After signature tabs do not show it
    const procurement = await signedIn(browser, app, "procurement");
    const procurementTab = await afterSignature(procurement.page, app, "procurement");
    await expect(procurementTab.innerText()).resolves.toContain(
      "No compelled disclosure has been notified under this agreement.",
    );
    await expect(procurementTab.innerText()).resolves.not.toContain(authority);
    const discloser = await signedIn(browser, app, "discloser");
    const discloserTab = await afterSignature(discloser.page, app, "discloser");
    await expect(discloserTab.innerText()).resolves.not.toContain(authority);
    expect(smtp.messages.filter((m) => m.text.includes(authority))).toEqual([]);

    // the bar lifts: the supplier confirms, and notice is given
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "The bar has lifted: notify now" }).click();
    await page.getByText("Notice given: your client and the disclosing party were told of the demand.").waitFor();
    await expect(page.getByTestId("notice-verdict").first().innerText()).resolves.toBe("sufficient");

    const lifted = await afterSignature(discloser.page, app, "discloser");
    await lifted.getByText(authority).waitFor();
    await expect(lifted.innerText()).resolves.toMatch(
      /20 days' notice before the deadline to comply; the agreement asks for \d+[\s\S]*sufficient/,
    );
    await discloser.page.screenshot({ path: path.join(SCREENSHOT_DIR, "compelled-discloser.png"), fullPage: true });
    await smtp.waitForMessage((m) => m.text.includes(authority));

    for (const s of [supplier, procurement, discloser]) await s.context.close();
  });
});
