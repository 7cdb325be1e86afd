import path from "node:path";
import mongoose from "mongoose";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_AGREEMENT_REFERENCE } from "#scripts/demo/demo-data.server";
import { Agreement } from "#models/agreement.server";
import { Organization } from "#models/organization.server";
import { daysOverdue, destructionDueDate } from "#app/features/lifecycle/deadlines";
import { createUser } from "#tests/fixtures/factories";
import { blockingViolations, runAxe } from "#tests/helpers/axe";
import { demoPortalInBrowser, signIn, SCREENSHOT_DIR } from "./harness";

const portal = demoPortalInBrowser();
const PDF = path.join("tests/fixtures/files/incident-plan.pdf");

beforeAll(async () => {
  process.env.MONGODB_URI = portal.app.mongoUri;
  await mongoose.connect(portal.app.mongoUri);
});
afterAll(async () => {
  await mongoose.disconnect();
});

/** A holder certifies its request: every class destroyed, signed, with the certificate file. */
async function certify(page: Page, agreementReference: string) {
  await page.goto(`${portal.app.baseUrl}/supplier/returns`);
  await page
    .getByRole("row", { name: new RegExp(agreementReference) })
    .getByRole("link", { name: "Certify" })
    .click();
  await page.getByRole("heading", { name: "Certify return or destruction" }).waitFor();
  const classes = page.locator("fieldset.destruction-class");
  for (let i = 0; i < (await classes.count()); i++) {
    const set = classes.nth(i);
    await set.getByRole("radio", { name: "Destroyed" }).check();
    await set.getByLabel("Method").fill("Drives degaussed and shredded on site");
    await set.getByLabel(/^Standard/).fill("NIST SP 800-88 Rev. 1 (Destroy)");
    await set.getByLabel("Completed on").fill("2026-11-20");
  }
  await page.getByLabel("Signed by (name)").fill("Ada Sommer");
  await page.getByLabel("Signer's title").fill("CISO");
  await page.getByLabel("Certificate of destruction (required)").setInputFiles(PDF);
  await page.getByRole("button", { name: "Certify" }).click();
  await page.getByText("Certified. Procurement and the supplier you work for have been told.").waitFor();
}

describe("return or destroy after the agreement ends, in the browser", () => {
  it("the disclosing party sees every holder: returned or destroyed, certificates, and what is overdue", async () => {
    const agreement = (await Agreement.findOne({ reference: DEMO_AGREEMENT_REFERENCE }).lean())!;
    const id = String(agreement._id);
    const org = async (slug: string) => (await Organization.findOne({ slug }).lean())!;
    const [baltic, sakura, kestrel, meridian] = await Promise.all(
      ["baltic-cloud", "sakura-data", "kestrel-secure-dev", "meridian-qa"].map(org),
    );
    const sakuraUser = await createUser("supplier", { orgId: String(sakura._id), password: "sakura-pass-2026" });

    // procurement records the termination; without the confirmation it is refused and nothing happens
    const procurementContext = await portal.browser.newContext();
    const procurement = await procurementContext.newPage();
    await signIn(portal.app, "procurement", procurement);
    await procurement.goto(`${portal.app.baseUrl}/procurement/agreements/${id}?tab=lifecycle`);
    await procurement.getByRole("link", { name: "Record a milestone" }).click();
    await procurement.getByRole("heading", { name: `Milestones of ${DEMO_AGREEMENT_REFERENCE}` }).waitFor();
    const endForm = procurement
      .locator("form")
      .filter({ has: procurement.getByRole("button", { name: "Record the end" }) });
    await endForm.getByLabel("Termination").check();
    const ended = "2026-10-01";
    await endForm.getByLabel("Effective date").fill(ended);
    await endForm.getByRole("button", { name: "Record the end" }).click();
    await procurement.getByText("Tick the box to confirm: this cannot be undone.").waitFor();
    await endForm.getByLabel(/I understand that recording the end cannot be undone/).check();
    await endForm.getByRole("button", { name: "Record the end" }).click();
    await procurement.getByText("Recorded. 4 holders were asked to return or destroy the information.").waitFor();
    await procurement.getByTestId("milestone-ended").waitFor();
    await procurementContext.close();

    // the tier-2 holder certifies, then its tier-1 parent; Kestrel and Meridian do not
    const sakuraContext = await portal.browser.newContext();
    const sakuraPage = await sakuraContext.newPage();
    await signIn(portal.app, { user: sakuraUser.user, password: sakuraUser.password }, sakuraPage);
    await certify(sakuraPage, DEMO_AGREEMENT_REFERENCE);
    await sakuraContext.close();
    const balticContext = await portal.browser.newContext();
    const balticPage = await balticContext.newPage();
    await signIn(portal.app, "supplier", balticPage);
    await certify(balticPage, DEMO_AGREEMENT_REFERENCE);
    await balticContext.close();

    // the disclosing party opens the agreement's After signature tab
    const context = await portal.browser.newContext();
    const page = await context.newPage();
    await signIn(portal.app, "discloser", page);
    await page.goto(`${portal.app.baseUrl}/discloser/agreements/${id}`);
    await page.getByRole("link", { name: "After signature" }).click();
    const register = page.getByTestId("destruction-register");
    await register.waitFor();
    const late = daysOverdue(destructionDueDate(ended, agreement.retention.destroyWithinDays), new Date());
    expect(late).toBeGreaterThan(0);
    await expect(register.getByTestId("destruction-summary").innerText()).resolves.toBe(
      `2 of 4 holders complete, 2 overdue`,
    );
    const row = (o: { _id: unknown }) => register.getByTestId(`holder-${String(o._id)}`);
    const seen: string[] = [];
    for (const o of [baltic, sakura]) {
      const text = await row(o).innerText();
      expect(text).toContain(o.name);
      expect(text).toContain("Complete");
      expect(text).toMatch(/Destroyed, Drives degaussed and shredded on site \(NIST SP 800-88 Rev\. 1 \(Destroy\)\)/);
      expect(text).toContain("Signed by Ada Sommer, CISO");
      const link = row(o).getByRole("link", { name: "incident-plan.pdf" });
      const href = (await link.getAttribute("href"))!;
      const download = await page.request.get(new URL(href, portal.app.baseUrl).href);
      expect(download.status()).toBe(200);
      expect(download.headers()["content-type"]).toBe("application/pdf");
      expect((await download.body()).subarray(0, 5).toString()).toBe("%PDF-");
      seen.push(
        `${o.name}: complete, destroyed, certificate ${href} downloads (${(await download.body()).length} bytes)`,
      );
    }
    for (const o of [kestrel, meridian]) {
      const text = await row(o).innerText();
      expect(text).toContain(o.name);
      expect(text).toContain(`Overdue by ${late} day${late === 1 ? "" : "s"}`);
      seen.push(`${o.name}: overdue by ${late} days, not certified`);
    }
    // indented by tier: the tier-2 holders sit under their tier-1 parents
    const order = await register.locator("tbody tr th").allInnerTexts();
    expect(order).toEqual([baltic.name, sakura.name, kestrel.name, meridian.name]);
    expect(blockingViolations("discloser lifecycle tab", await runAxe(page))).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "destruction-register-discloser.png"), fullPage: true });
    console.log(`[done-when] discloser sees after termination on ${ended}: ${seen.join("; ")}`);
    await context.close();
  });
});
