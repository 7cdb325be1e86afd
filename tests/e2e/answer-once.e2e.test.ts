import path from "node:path";
import mongoose from "mongoose";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_AGREEMENT_REFERENCE } from "#scripts/demo/demo-data.server";
import { Agreement } from "#models/agreement.server";
import { Assessment } from "#models/assessment.server";
import { Organization } from "#models/organization.server";
import { ProfileAnswer } from "#models/supplier-profile.server";
import { askedTemplateFor } from "#app/features/assessments/survey-model.server";
import { createOrg, createUser } from "#tests/fixtures/factories";
import { answersToEverything, sendQuestionnaire } from "#tests/fixtures/profile";
import { horizontalOverflow, smallTouchTargets } from "#tests/helpers/small-screen";
import { blockingViolations, runAxe } from "#tests/helpers/axe";
import { demoPortalInBrowser, signIn, SCREENSHOT_DIR } from "./harness";

const portal = demoPortalInBrowser();

// the test reads and prepares the running portal's own database (the second customer sends through its use case)
beforeAll(async () => {
  process.env.MONGODB_URI = portal.app.mongoUri;
  await mongoose.connect(portal.app.mongoUri);
});
afterAll(async () => {
  await mongoose.disconnect();
});

function question(page: Page, name: string) {
  return page.locator(`.sd-question[data-name="${name}"]`).first();
}

/** Baltic Cloud (the demo supplier account's organisation) answers the full questionnaire of the demo customer. */
async function answerFullQuestionnaire(page: Page) {
  const baltic = (await Organization.findOne({ slug: "baltic-cloud" }).lean())!;
  const first = (await Assessment.findOne({ supplierOrgId: baltic._id, templateId: "full-security" }).lean())!;
  const id = String(first._id);
  await page.goto(`${portal.app.baseUrl}/supplier/assessments/${id}`);
  await page.locator("[data-testid='questionnaire'][data-ready='true']").waitFor();
  const opened = (await Assessment.findById(id).lean())!;
  const answers = answersToEverything(await askedTemplateFor(opened));
  // the answers as the page's autosave sends them, then submitted as the page does
  const saved = await page.request.post(`${portal.app.baseUrl}/api/assessments/${id}/answers`, {
    data: { baseRevision: opened.revision, changes: answers },
    headers: { Origin: portal.app.baseUrl },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  await page.reload();
  await page.locator("[data-testid='questionnaire'][data-ready='true']").waitFor();
  for (let i = 0; i < 30; i++) {
    const submit = page.getByRole("button", { name: "Submit questionnaire" });
    if (await submit.isVisible()) {
      await submit.click();
      break;
    }
    await page.getByRole("button", { name: "Next" }).click();
  }
  await page.getByText("This questionnaire has been submitted").waitFor({ timeout: 30_000 });
  return { baltic, answers };
}

/** A second customer (another recipient organisation) with its own agreement naming Baltic Cloud at tier 1. */
async function secondCustomer(balticId: mongoose.Types.ObjectId) {
  const recipient = await createOrg({ kind: "recipient", country: "FR", name: "Second Customer SAS" });
  const discloser = await createOrg({ kind: "discloser", country: "CH", managedBy: [String(recipient._id)] });
  await Organization.updateOne({ _id: balticId }, { $addToSet: { managedBy: recipient._id } });
  const procurement = await createUser("procurement", { orgId: String(recipient._id) });
  const demo = (await Agreement.findOne({ reference: DEMO_AGREEMENT_REFERENCE }).lean())!;
  const { _id, ...terms } = demo;
  void _id;
  const agreement = await Agreement.create({
    ...terms,
    reference: "TTA-2026-222",
    title: "Second customer's hosting",
    recipientOrgId: recipient._id,
    discloserOrgId: discloser._id,
    phases: [],
    chain: demo.chain.filter((l) => String(l.supplierOrgId) === String(balticId)),
  });
  return { recipient, procurement, agreement };
}

describe("answer once, in the browser", () => {
  it("a supplier that answered one customer's full questionnaire gets a second customer's pre-filled, confirms, changes one and submits", async () => {
    const started = Date.now();
    const context = await portal.browser.newContext();
    const page = await context.newPage();
    await signIn(portal.app, "supplier", page);
    const { baltic, answers } = await answerFullQuestionnaire(page);
    expect(await ProfileAnswer.countDocuments({ orgId: baltic._id })).toBe(Object.keys(answers).length);

    const b = await secondCustomer(baltic._id);
    const id = await sendQuestionnaire(b.procurement.user._id, b.agreement._id, baltic._id, "short-low-risk");
    await page.goto(`${portal.app.baseUrl}/supplier/assessments/${id}`);
    await page.locator("[data-testid='questionnaire'][data-ready='true']").waitFor();
    const stored = (await Assessment.findById(id).lean())!;
    const offered = Object.keys(stored.reused ?? {});
    const summary = page.getByTestId("prefill-summary");
    expect(Number(await summary.getAttribute("data-count"))).toBe(offered.length);
    // every question this questionnaire shares with the one answered is offered, none saved as an answer
    const shared = Object.keys(answersToEverything(await askedTemplateFor(stored))).filter((n) => n in answers);
    expect(offered.sort()).toEqual(shared.sort());
    expect(stored.answers).toEqual({});
    await summary.getByText(/pre-filled from your profile/).waitFor();
    const firstNote = page.getByTestId("prefill-note").first();
    await expect(firstNote.innerText()).resolves.toMatch(/^Pre-filled from your profile · last confirmed /);

    // the page with offered answers passes the accessibility checks
    const axe = blockingViolations("pre-filled questionnaire", await runAxe(page));
    expect(axe).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "answer-once-prefilled.png"), fullPage: true });

    // change one offered yes/no answer by hand
    const changed = offered.find((n) => stored.reused![n]!.value === true)!;
    let pagesVisited = 0;
    for (let i = 0; i < 20; i++) {
      pagesVisited++;
      const target = question(page, changed);
      if (await target.isVisible()) {
        await target.getByText("No", { exact: true }).click();
        await page.locator(`[data-testid='prefill-note'][data-name='${changed}'][data-state='changed']`).waitFor();
      }
      const confirmPage = page.getByTestId("prefill-confirm-page");
      const onThisPage = await page.locator("[data-testid='prefill-note'][data-state='pending']").count();
      if (onThisPage > 0 && i % 2 === 0) {
        await confirmPage.click();
      } else if (onThisPage > 0) {
        // one at a time, with each question's own Confirm
        const pending = page.locator("[data-testid='prefill-note'][data-state='pending']");
        while ((await pending.count()) > 0) {
          const name = await pending.first().getAttribute("data-name");
          await question(page, name!).getByRole("button", { name: "Confirm" }).click();
          await page.locator(`[data-testid='prefill-note'][data-name='${name}'][data-state='confirmed']`).waitFor();
        }
      }
      await expect(page.locator("[data-testid='prefill-note'][data-state='pending']").count()).resolves.toBe(0);
      const submit = page.getByRole("button", { name: "Submit questionnaire" });
      if (await submit.isVisible()) break;
      await page.getByRole("button", { name: "Next" }).click();
    }
    await page.locator("[data-testid='save-state'][data-state='saved']").waitFor({ timeout: 15_000 });
    await page.getByRole("button", { name: "Submit questionnaire" }).click();
    await page.getByText("This questionnaire has been submitted").waitFor({ timeout: 30_000 });
    const minutes = (Date.now() - started) / 60_000;

    const after = (await Assessment.findById(id).lean())!;
    expect(after.status).toBe("submitted");
    const states = Object.values(after.reused ?? {}).map((r) => r.state);
    const counts = {
      prefilled: offered.length,
      confirmed: states.filter((s) => s === "confirmed").length,
      changed: states.filter((s) => s === "changed").length,
    };
    console.log(
      `answer-once: ${counts.prefilled} questions pre-filled, ${counts.confirmed} confirmed, ${counts.changed} changed; ` +
        `${pagesVisited} pages, ${minutes.toFixed(1)} minutes from sign-in to the second submission`,
    );
    expect(counts.confirmed + counts.changed).toBe(counts.prefilled);
    expect(counts.changed).toBe(1);
    expect(after.reused![changed]!.state).toBe("changed");
    expect(after.answers[changed]).toBe(false);
    await context.close();

    // the second customer's reviewer sees what was reused
    const reviewerContext = await portal.browser.newContext();
    const reviewer = await reviewerContext.newPage();
    await signIn(portal.app, { user: b.procurement.user, password: b.procurement.password }, reviewer);
    await reviewer.goto(`${portal.app.baseUrl}/procurement/assessments/${id}`);
    const count = reviewer.getByTestId("reuse-count");
    await count.waitFor();
    expect(await count.innerText()).toBe(
      `${counts.prefilled} answers reused, ${counts.confirmed} confirmed, ${counts.changed} changed`,
    );
    await reviewerContext.close();
  });

  it("shows the pre-filled questionnaire on a phone without overflow and with touch targets of 44 px", async () => {
    const context = await portal.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
    const page = await context.newPage();
    await signIn(portal.app, "supplier", page);
    const baltic = (await Organization.findOne({ slug: "baltic-cloud" }).lean())!;
    // the profile the other test built, or built here when this test runs alone
    if (!(await ProfileAnswer.exists({ orgId: baltic._id }))) await answerFullQuestionnaire(page);
    const b = await secondCustomer(baltic._id);
    const id = await sendQuestionnaire(b.procurement.user._id, b.agreement._id, baltic._id, "short-low-risk");
    await page.goto(`${portal.app.baseUrl}/supplier/assessments/${id}`);
    await page.locator("[data-testid='questionnaire'][data-ready='true']").waitFor();
    await page.getByTestId("prefill-summary").waitFor();
    await question(page, "orgLegalName").screenshot({
      path: path.join(SCREENSHOT_DIR, "answer-once-phone-question.png"),
    });
    expect(await horizontalOverflow(page)).toBeNull();
    expect(await smallTouchTargets(page)).toEqual([]);
    // submitting before confirming: the page refuses and lists what is left
    for (let i = 0; i < 20; i++) {
      const submit = page.getByRole("button", { name: "Submit questionnaire" });
      if (await submit.isVisible()) break;
      await page.getByRole("button", { name: "Next" }).click();
    }
    await page.getByRole("button", { name: "Submit questionnaire" }).click();
    await page.getByTestId("prefill-unconfirmed").waitFor();
    expect(await horizontalOverflow(page)).toBeNull();
    expect(await smallTouchTargets(page)).toEqual([]);
    expect(blockingViolations("pre-filled questionnaire, unconfirmed", await runAxe(page))).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "answer-once-phone.png"), fullPage: true });
    expect((await Assessment.findById(id).lean())!.status).not.toBe("submitted");
    await context.close();
  });
});
