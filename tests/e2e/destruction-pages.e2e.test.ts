import mongoose from "mongoose";
import type { BrowserContextOptions } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_AGREEMENT_REFERENCE } from "#scripts/demo/demo-data.server";
import { Agreement } from "#models/agreement.server";
import { Organization } from "#models/organization.server";
import { User } from "#models/user.server";
import { recordMilestone } from "#app/features/destruction/milestones.server";
import { signedInUser } from "#tests/fixtures/assessments";
import { formRequest } from "#tests/fixtures/factories";
import { blockingViolations, runAxe } from "#tests/helpers/axe";
import { horizontalOverflow, smallTouchTargets } from "#tests/helpers/small-screen";
import { demoPortalInBrowser, signIn } from "./harness";
import { settle } from "./portal-pages";

/**
 * The return-or-destroy pages with a recorded end, which the demo data the
 * page walks use does not have: on a phone they fit the screen with
 * finger-sized controls, and they pass axe.
 */
const portal = demoPortalInBrowser();

const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  hasTouch: true,
  isMobile: true,
  deviceScaleFactor: 2,
};

beforeAll(async () => {
  process.env.MONGODB_URI = portal.app.mongoUri;
  await mongoose.connect(portal.app.mongoUri);
});
afterAll(async () => {
  await mongoose.disconnect();
});

describe("return-or-destroy pages on a phone", () => {
  it("fit the screen, have finger-sized controls and no accessibility violations", async () => {
    const agreement = (await Agreement.findOne({ reference: DEMO_AGREEMENT_REFERENCE }).lean())!;
    const id = String(agreement._id);
    const procurement = await User.findOne({ email: "procurement@flowdown.test" }).lean();
    const baltic = (await Organization.findOne({ slug: "baltic-cloud" }).lean())!;
    await recordMilestone(
      await signedInUser(procurement!._id),
      id,
      { intent: "end", kind: "termination", effectiveDate: "2026-10-01", note: "", confirm: "on" },
      formRequest(`/procurement/agreements/${id}/milestones`, {}),
      portal.app.baseUrl,
    );
    const request = encodeURIComponent(`${id}:end:${String(baltic._id)}`);
    const visits: { who: "procurement" | "discloser" | "supplier"; path: string }[] = [
      { who: "procurement", path: `/procurement/agreements/${id}/milestones` },
      { who: "procurement", path: `/procurement/agreements/${id}?tab=lifecycle` },
      { who: "procurement", path: `/procurement/agreements/${id}?tab=chain` },
      { who: "discloser", path: `/discloser/agreements/${id}?tab=lifecycle` },
      { who: "supplier", path: "/supplier/returns" },
      { who: "supplier", path: `/supplier/returns/${request}` },
    ];
    const failures: string[] = [];
    for (const who of ["procurement", "discloser", "supplier"] as const) {
      const context = await portal.browser.newContext(PHONE);
      const page = await context.newPage();
      await signIn(portal.app, who, page);
      for (const v of visits.filter((x) => x.who === who)) {
        const response = await page.goto(`${portal.app.baseUrl}${v.path}`);
        expect(response?.status(), v.path).toBe(200);
        await settle(page);
        const overflow = await horizontalOverflow(page);
        if (overflow) failures.push(`${v.path}: ${overflow}`);
        for (const small of await smallTouchTargets(page)) failures.push(`${v.path}: ${small}`);
        failures.push(...blockingViolations(v.path, await runAxe(page)));
      }
      await context.close();
    }
    expect(failures).toEqual([]);
  });
});
