import type { ElementHandle, Page } from "playwright-core";

/** Widgets that move focus among their items with the arrow keys (the browser then scrolls the focused item into view). */
const COMPOSITE =
  '[role="tablist"], [role="listbox"], [role="menu"], [role="menubar"], [role="radiogroup"], [role="tree"], [role="toolbar"]';

/**
 * What keeps a keyboard user from what a scrolling box hides, on the page as
 * it is now. Each element (other than a form field) whose content overflows
 * and scrolls must either be focusable itself, a region with a name (so a
 * screen reader says what it is), and move with the arrow keys once focused;
 * or hold the items of a widget (tabs, a list box, a menu) among which the
 * arrow keys move focus, bringing the hidden ones into view. axe's own rule
 * accepts a box with any focusable element inside, such as a button in a
 * table's header, which leaves a screen reader's user no way to the columns
 * past the edge.
 */
export async function scrollRegionFailures(page: Page, where: string): Promise<string[]> {
  const found = await page.evaluateHandle(() =>
    [...document.body.querySelectorAll<HTMLElement>("*")].filter((el) => {
      if (el.matches("textarea, select, input")) return false;
      const style = getComputedStyle(el);
      const scrolls = (overflow: string) => overflow === "auto" || overflow === "scroll";
      return (
        (scrolls(style.overflowX) && el.scrollWidth > el.clientWidth + 1) ||
        (scrolls(style.overflowY) && el.scrollHeight > el.clientHeight + 1)
      );
    }),
  );
  const boxes = [...(await found.getProperties()).values()].map((h) => h.asElement() as ElementHandle<HTMLElement>);
  const failures: string[] = [];
  for (const box of boxes) {
    const about = await box.evaluate(
      (el, composite) => ({
        name: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${[...el.classList].map((c) => `.${c}`).join("")}`,
        focusable: el.tabIndex >= 0,
        region: el.getAttribute("role") === "region",
        named: Boolean(el.getAttribute("aria-label")?.trim() || el.getAttribute("aria-labelledby")?.trim()),
        sideways: el.scrollWidth > el.clientWidth + 1,
        widget: Boolean(el.closest(composite) ?? el.querySelector(composite)),
      }),
      COMPOSITE,
    );
    const key = about.sideways ? "ArrowRight" : "ArrowDown";
    const position = () => box.evaluate((el) => el.scrollLeft + el.scrollTop);
    /** Presses the key (at most `times`) until the box has moved. */
    const scrollsWith = async (times: number) => {
      const before = await position();
      for (let i = 0; i < times; i++) {
        await page.keyboard.press(key);
        const deadline = Date.now() + 1_000;
        while ((await position()) === before && Date.now() < deadline) await page.waitForTimeout(50);
        if ((await position()) !== before) break;
      }
      const moved = (await position()) !== before;
      await box.evaluate((el) => el.scrollTo({ left: 0, top: 0, behavior: "instant" }));
      return moved;
    };
    let problems: string[];
    if (about.widget && !about.focusable) {
      // the widget's item in the tab order (a roving tabindex), or its first
      const item = await box.evaluateHandle(
        (el) =>
          el.querySelector<HTMLElement>('[tabindex="0"]') ??
          el.querySelector<HTMLElement>("button, a[href], [tabindex]:not([tabindex='-1'])"),
      );
      const element = item.asElement() as ElementHandle<HTMLElement> | null;
      if (element) await element.focus();
      const items = await box.evaluate((el) => el.querySelectorAll("button, a[href], [tabindex]").length);
      problems =
        element && (await scrollsWith(items)) ? [] : ["the arrow keys do not bring its hidden items into view"];
    } else {
      problems = [
        about.focusable ? null : "Tab cannot reach it (tabindex=0)",
        about.region ? null : 'it is not a region (role="region")',
        about.named ? null : "it has no name (aria-label or aria-labelledby)",
      ].filter((p): p is string => p !== null);
      if (about.focusable) {
        // the arrow keys move it: the columns (or rows) past its edge come into view
        await box.focus();
        if (!(await scrollsWith(1))) problems.push("the arrow keys do not scroll it");
      }
    }
    if (problems.length)
      failures.push(
        `${where}: the scrolling box ${about.name} hides content a keyboard cannot reach: ${problems.join("; ")}`,
      );
  }
  await found.dispose();
  return failures;
}
