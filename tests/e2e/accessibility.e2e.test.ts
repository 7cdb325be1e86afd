import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BLOCKING_IMPACTS, blockingViolations, runAxe, type AxeFinding } from "#tests/helpers/axe";
import { lowContrastText } from "#tests/helpers/contrast";
import { scrollRegionFailures } from "#tests/helpers/scroll-regions";
import { demoPortalInBrowser, signIn, SCREENSHOT_DIR } from "./harness";
import { loadWorld, mailedLinks, PAGES, settle, SIGNED_IN, visitEach, type Who, type World } from "./portal-pages";

/**
 * axe-core over every page of the portal, as each role sees it and signed
 * out: every route file that renders a page has its visits in PAGES
 * (./portal-pages.ts), and a route file without an entry fails the first
 * test. A serious or critical violation anywhere fails the role's test,
 * as does a scrolling box (the agreement's matrix, a wide table) that a
 * keyboard cannot reach and scroll.
 */
const portal = demoPortalInBrowser({ mail: true });

const world = {} as World;

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  Object.assign(world, await loadWorld(portal.app.mongoUri));
});

/**
 * Visits each page of one role in one browser context, in sequence, runs axe
 * and tries the scrolling boxes with the keyboard; returns what fails. What axe could not decide
 * about colour contrast, and the lesser violations, go to test-results/ for a
 * person to look at.
 */
async function checkPagesOf(who: Who): Promise<string[]> {
  const context = await portal.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(45_000);
  if (who !== "anonymous") await signIn(portal.app, who, page);
  const failures: string[] = [];
  // for a person to look at: contrast axe could not decide, and violations below "serious"
  const review: { page: string; contrast: AxeFinding[]; minor: AxeFinding[] }[] = [];
  try {
    await visitEach(
      page,
      who,
      { baseUrl: portal.app.baseUrl, world },
      async (where) => {
        const report = await runAxe(page);
        failures.push(...blockingViolations(where, report), ...(await scrollRegionFailures(page, where)));
        const contrast = report.incomplete.filter((f) => f.rule === "color-contrast");
        const minor = report.violations.filter((f) => !BLOCKING_IMPACTS.includes(f.impact ?? ""));
        if (contrast.length || minor.length) review.push({ page: where, contrast, minor });
      },
      async (where, error) => {
        throw new Error(`${where}: ${error.message}`, { cause: error });
      },
    );
  } finally {
    await context.close();
  }
  fs.writeFileSync(path.join(SCREENSHOT_DIR, `axe-to-review-${who}.json`), `${JSON.stringify(review, null, 2)}\n`);
  return failures;
}

describe("accessibility of every page (axe-core)", () => {
  it("has a visit, or a reason it is not a page, for every route file", () => {
    const files = fs
      .readdirSync(path.resolve("app/routes"))
      .filter((f) => /\.(tsx?|jsx?)$/.test(f) && !/\.test\./.test(f))
      .sort();
    expect(Object.keys(PAGES).sort()).toEqual(files);
    for (const file of files) {
      const entry = PAGES[file];
      const rendersAPage = /^export default /m.test(fs.readFileSync(path.resolve("app/routes", file), "utf8"));
      if (rendersAPage && file !== "_portal.tsx")
        expect("notAPage" in entry ? [] : entry, `${file} renders a page: give it a visit`).not.toEqual([]);
    }
  });

  it.each(["anonymous", ...SIGNED_IN] as Who[])(
    "finds nothing serious for axe, nor a scrolling box out of a keyboard's reach, on any page the %s sees",
    { timeout: 600_000 },
    async (who) => {
      if (who === "anonymous") world.links = await mailedLinks(portal, world);
      const failures = await checkPagesOf(who);
      expect(failures, `found:\n\n${failures.join("\n\n")}\n`).toEqual([]);
    },
  );
});

describe("the procurement dashboard's sortable columns", () => {
  it("say on their header cells how the list is sorted, and follow a change of order", async () => {
    const context = await portal.browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(45_000);
    await signIn(portal.app, "procurement", page);
    const table = page.getByTestId("dashboard-table");
    const order = async () =>
      Object.fromEntries(
        await Promise.all(
          ["Supplier", "Score", "Due"].map(async (name) => [
            name,
            await table.getByRole("columnheader", { name }).getAttribute("aria-sort"),
          ]),
        ),
      );
    // by due date, the earliest first, until told otherwise
    await expect(order()).resolves.toEqual({ Supplier: "none", Score: "none", Due: "ascending" });
    await table.getByRole("link", { name: "Supplier" }).click();
    await page.waitForURL(/sort=supplier&dir=asc/);
    // the address changes as the navigation starts; the table, once the new page has arrived
    await expect.poll(order).toEqual({ Supplier: "ascending", Score: "none", Due: "none" });
    await table.getByRole("link", { name: "Supplier" }).click();
    await page.waitForURL(/sort=supplier&dir=desc/);
    await expect.poll(order).toEqual({ Supplier: "descending", Score: "none", Due: "none" });
    // the links inside say nothing of the order themselves (aria-sort is not allowed on a link)
    await expect(table.locator("a[aria-sort]").count()).resolves.toBe(0);
    await context.close();
  });
});

describe("the questionnaire's type", () => {
  it("is the portal's own font stack, in SurveyJS's titles, texts, fields and buttons alike", async () => {
    const context = await portal.browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(45_000);
    await signIn(portal.app, "supplier", page);
    await page.goto(`${portal.app.baseUrl}/supplier/assessments/${world.assessment.baltic}`);
    await page.locator("[data-testid='questionnaire'][data-ready='true'] .sd-question").first().waitFor();
    const portalFonts = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(portalFonts).toMatch(/sans-serif$/);
    // every element of the survey that shows text or takes it, with the font it asks for
    const asked = await page.locator(".sd-root-modern").evaluate((root) => {
      const fonts: Record<string, string[]> = {};
      for (const el of [root, ...root.querySelectorAll<HTMLElement>("*")]) {
        const text = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
        const control = el.matches("input:not([type=hidden]), textarea, select, button");
        if (!text && !control) continue;
        const family = getComputedStyle(el).fontFamily;
        (fonts[family] ??= []).push(el.className || el.tagName);
      }
      return fonts;
    });
    expect(Object.keys(asked)).toEqual([portalFonts]);
    // and what the browser draws a question's title with is what it draws the portal's heading with
    const cdp = await context.newCDPSession(page);
    const drawnWith = async (selector: string) => {
      const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
      const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
      const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
      return fonts.map((f) => f.familyName);
    };
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const heading = await drawnWith("main h1");
    const title = await drawnWith(".sd-question__title .sv-string-viewer");
    expect(title[0]).toBe(heading[0]);
    expect(title.join(" ")).not.toMatch(/serif|Times|Liberation Serif|DejaVu Serif/i);
    await context.close();
  });
});

describe("the questionnaire's colours", () => {
  it("give every text, its buttons and its error messages included, WCAG AA contrast", async () => {
    // axe leaves SurveyJS's text for a person to review (its backgrounds sit beside pseudo-elements): measure it
    const context = await portal.browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(45_000);
    await signIn(portal.app, "supplier", page);
    await page.goto(`${portal.app.baseUrl}/supplier/assessments/${world.assessment.baltic}`);
    await page.locator("[data-testid='questionnaire'][data-ready='true'] .sd-question").first().waitFor();
    await settle(page);
    const survey = page.locator(".sd-root-modern");
    await expect(lowContrastText(survey)).resolves.toEqual([]);
    const next = page.getByRole("button", { name: "Next", exact: true });
    while (await next.isVisible()) await next.click();
    await page.getByRole("button", { name: "Submit questionnaire" }).click();
    await page.locator(".sd-question__erbox").first().waitFor();
    await settle(page);
    await expect(lowContrastText(survey)).resolves.toEqual([]);
    await context.close();
  });
});
