import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_AGREEMENT_REFERENCE } from "#scripts/demo/demo-data.server";
import { demoPortalInBrowser, signIn, SCREENSHOT_DIR } from "./harness";

const portal = demoPortalInBrowser();

const KESTREL = "Kestrel Secure Development GmbH";

async function openMatrix(page: Page) {
  await signIn(portal.app, "discloser", page);
  await page.getByRole("link", { name: DEMO_AGREEMENT_REFERENCE, exact: true }).click();
  await page.getByTestId("compliance-matrix").waitFor();
}

/** How far the page itself scrolls sideways (0: it fits). */
const pageOverflow = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);

describe("the compliance matrix on a wide agreement", () => {
  it("fits a 1,400 px page, scrolls in its own keyboard region with the supplier column fixed, and folds groups", async () => {
    const context = await portal.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    // a script error or a hydration mismatch (the rows are built as a string on both sides); a missing favicon is not one
    page.on("console", (m) => {
      if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    await openMatrix(page);
    const region = page.getByRole("region", { name: "Compliance matrix: suppliers against requirements" });
    const matrix = page.getByTestId("compliance-matrix");

    // the page never scrolls sideways; the matrix, 45 requirements wide, scrolls inside its region
    await expect(pageOverflow(page)).resolves.toBeLessThanOrEqual(0);
    const { scrollWidth, clientWidth } = await region.evaluate((e) => ({
      scrollWidth: e.scrollWidth,
      clientWidth: e.clientWidth,
    }));
    expect(scrollWidth).toBeGreaterThan(clientWidth);

    // a cell shows a symbol and says its status in words
    const kestrelFirst = matrix.locator(`tr[data-supplier="${KESTREL}"] td`).first();
    await expect(kestrelFirst.innerText()).resolves.toBe("Met");
    await expect(kestrelFirst.evaluate((e) => getComputedStyle(e, "::before").content)).resolves.toMatch(/^"✓"/);

    // every entry of the legend is on screen and inside its card, none cut off
    const legend = page.getByRole("list", { name: "Legend" });
    await expect(legend.innerText()).resolves.toMatch(/met[\s\S]*partly met[\s\S]*not met[\s\S]*overridden/);
    const legendBox = await legend.evaluate((e) => {
      const card = e.closest("section")!.getBoundingClientRect();
      const items = [...e.querySelectorAll("li")].map((li) => li.getBoundingClientRect());
      return {
        clipped: e.scrollWidth > e.clientWidth,
        outside: items.filter((r) => r.left < card.left || r.right > card.right || r.right > window.innerWidth).length,
        items: items.length,
      };
    });
    expect(legendBox).toEqual({ clipped: false, outside: 0, items: 7 });

    // Tab reaches the region (after the button before it), with a visible focus ring
    await page.getByRole("button", { name: "Collapse all groups" }).focus();
    await page.keyboard.press("Tab");
    await expect(region.evaluate((e) => e === document.activeElement)).resolves.toBe(true);
    const outline = await region.evaluate((e) => {
      const style = getComputedStyle(e);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style).toBe("solid");
    expect(outline.width).toBeGreaterThanOrEqual(2);

    // the arrow keys scroll it; the supplier column stays where it was, the cells move under it
    const supplierCell = matrix.locator(`tr[data-supplier="${KESTREL}"] th`);
    const firstCell = matrix.locator(`tr[data-supplier="${KESTREL}"] td`).first();
    const before = { th: (await supplierCell.boundingBox())!.x, td: (await firstCell.boundingBox())!.x };
    for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowRight");
    const scrolled = await waitForScroll(page);
    expect(scrolled).toBeGreaterThan(0);
    const after = { th: (await supplierCell.boundingBox())!.x, td: (await firstCell.boundingBox())!.x };
    expect(after.th).toBe(before.th);
    expect(after.td).toBeLessThan(before.td);
    // and it is on top: what is under the pointer there is the supplier's name, not a cell scrolled beneath it
    const onTop = (e: Element) => {
      const r = e.getBoundingClientRect();
      return document.elementFromPoint(r.x + 5, r.y + 5)?.closest("th") === e;
    };
    await expect(supplierCell.evaluate(onTop)).resolves.toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "agreement-matrix-scrolled.png") });
    await region.evaluate((e) => (e.scrollLeft = 0));

    // a group folds into one column of summaries, with the keyboard, and unfolds again
    const group = matrix.getByRole("button", { name: /^Access control/ });
    await expect(group.getAttribute("aria-expanded")).resolves.toBe("true");
    const headers = () => matrix.locator("thead tr.matrix-requirements th").allInnerTexts();
    await expect(headers()).resolves.toContain("FD-ACC-01");
    const cellsPerRow = await matrix.locator(`tr[data-supplier="${KESTREL}"] td`).count();
    await group.focus();
    await page.keyboard.press("Enter");
    await expect(group.getAttribute("aria-expanded")).resolves.toBe("false");
    await expect(headers()).resolves.not.toContain("FD-ACC-01");
    await expect(matrix.locator(`tr[data-supplier="${KESTREL}"] td`).count()).resolves.toBe(cellsPerRow - 4);
    const summary = matrix.locator(`tr[data-supplier="${KESTREL}"] td.g`);
    await expect(summary.innerText()).resolves.toMatch(/^Access control: 5 of 5 met; worst: Met\s*5\/5$/);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "agreement-matrix-collapsed.png") });
    await page.keyboard.press("Space");
    await expect(group.getAttribute("aria-expanded")).resolves.toBe("true");
    await expect(headers()).resolves.toContain("FD-ACC-01");
    await expect(matrix.locator(`tr[data-supplier="${KESTREL}"] td`).count()).resolves.toBe(cellsPerRow);
    await expect(matrix.locator("td.g").count()).resolves.toBe(0);

    // all groups folded: 14 categories, one summary cell each per supplier, a far narrower matrix
    await page.getByRole("button", { name: "Collapse all groups" }).click();
    await expect(matrix.locator(`tr[data-supplier="${KESTREL}"] td.g`).count()).resolves.toBe(14);
    await expect(region.evaluate((e) => e.scrollWidth)).resolves.toBeLessThan(scrollWidth * 0.75);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "agreement-matrix-all-collapsed.png") });
    await page.getByRole("button", { name: "Expand all groups" }).click();
    await expect(matrix.locator("td.g").count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each([
    ["a laptop", 1024, 768],
    ["a phone", 390, 844],
  ])("never widens the page on %s", async (_, width, height) => {
    const context = await portal.browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    await openMatrix(page);
    await expect(pageOverflow(page)).resolves.toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `agreement-matrix-${width}.png`), fullPage: true });
    await context.close();
  });

  it("keeps the requirement headers in view while the suppliers scroll beneath them", async () => {
    // a short window: the region (at most 75% of its height) scrolls down as a long chain of suppliers would
    const context = await portal.browser.newContext({ viewport: { width: 1400, height: 560 } });
    const page = await context.newPage();
    await openMatrix(page);
    const region = page.getByRole("region", { name: "Compliance matrix: suppliers against requirements" });
    await expect(region.evaluate((e) => e.scrollHeight > e.clientHeight)).resolves.toBe(true);
    const header = page.getByTestId("compliance-matrix").locator("thead th", { hasText: "FD-INC-01" });
    const top = async () => (await header.boundingBox())!.y - (await region.boundingBox())!.y;
    const before = await top();
    await region.evaluate((e) => (e.scrollTop = 200));
    await expect(region.evaluate((e) => e.scrollTop)).resolves.toBeGreaterThan(0);
    await expect(top()).resolves.toBe(before);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "agreement-matrix-scrolled-down.png") });
    await context.close();
  });
});

/** The region's scrollLeft once smooth scrolling has moved it. */
async function waitForScroll(page: Page): Promise<number> {
  const region = page.locator(".matrix-scroll");
  for (let i = 0; i < 40; i++) {
    const left = await region.evaluate((e) => e.scrollLeft);
    if (left > 0) return left;
    await page.waitForTimeout(50);
  }
  return 0;
}
