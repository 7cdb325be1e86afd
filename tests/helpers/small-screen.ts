import type { Page } from "playwright-core";

/** The size a finger needs: WCAG 2.5.5's 44 by 44 CSS pixels. */
export const TOUCH_TARGET = 44;

/**
 * What makes the page wider than the viewport, or null when it fits: the
 * document's scroll width, and the outermost elements that reach past the
 * right edge (those not clipped by a scrolling box), the widest first.
 */
export async function horizontalOverflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const width = document.documentElement.scrollWidth;
    if (width <= viewport) return null;
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${[...el.classList].map((c) => `.${c}`).join("")}` +
      ` "${(el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40)}"`;
    const clipped = (el: Node) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== "visible") return true;
      }
      return false;
    };
    const past = (el: Element) => el.getBoundingClientRect().right > viewport + 0.5;
    const offenders = [...document.body.querySelectorAll("*")].filter(
      (el) => past(el) && !clipped(el) && !(el.parentElement && past(el.parentElement)),
    );
    // words that overflow their box (a long unbroken value) reach past the edge while their element does not
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      const parent = node.parentElement;
      if (
        parent &&
        range.getBoundingClientRect().right > viewport + 0.5 &&
        !clipped(node) &&
        !offenders.includes(parent)
      )
        offenders.push(parent);
    }
    offenders.sort((a, b) => b.getBoundingClientRect().width - a.getBoundingClientRect().width);
    const named = offenders
      .slice(0, 3)
      .map((el) => `${describe(el)} (${Math.round(el.getBoundingClientRect().width)} px wide)`);
    return `the page is ${width} px wide in a ${viewport} px viewport; past the edge: ${named.join(", ") || "?"}`;
  });
}

/**
 * The interactive elements of the page's main content smaller than a
 * fingertip. The rule applied: every visible link, button, form field,
 * summary or focusable element inside <main> offers a target of at least 44
 * by 44 CSS pixels, where a form field drawn inside a larger box that takes
 * its taps is measured with that box: a check box, radio button or text
 * field inside its label (tapping the label ticks or focuses it), the
 * filter field of a SurveyJS drop-down inside its drawn box (`.sd-input`). Exempt, as WCAG 2.5.8
 * exempts them: a link or button laid out inline within running text (its
 * block holds words outside it), whose size the line height of the text
 * decides; and a form field the browser hides from view (1 px or less, such
 * as SurveyJS's own inputs behind their drawn labels). Not a target at
 * all: a scrolling region made focusable for the keyboard (a table's box),
 * which a finger swipes rather than taps.
 */
export async function smallTouchTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const selector =
      "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex='-1'])";
    const main = document.querySelector("main");
    if (!main) return [];
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${[...el.classList]
        .slice(0, 3)
        .map((c) => `.${c}`)
        .join("")} "${(el.textContent || el.getAttribute("aria-label") || el.getAttribute("name") || "")
        .trim()
        .replace(/\s+/g, " ")
        .slice(0, 40)}"`;
    const inRunningText = (el: HTMLElement) => {
      if (!getComputedStyle(el).display.startsWith("inline")) return false;
      let block = el.parentElement;
      while (block && getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
      if (!block) return false;
      const own = (el.textContent ?? "").replace(/\s+/g, "");
      const all = (block.textContent ?? "").replace(/\s+/g, "");
      return all.length - own.length >= 3;
    };
    const found: string[] = [];
    for (const el of main.querySelectorAll<HTMLElement>(selector)) {
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: false })) continue;
      // a scrolling box in the tab order so that a keyboard can scroll it: a finger scrolls it by swiping
      if (el.matches("[role=region]:not(a, button, input, select, textarea, summary)")) continue;
      let target: HTMLElement = el;
      const box = el.getBoundingClientRect();
      if (el.matches("input, select, textarea") && (box.width <= 1 || box.height <= 1)) continue;
      const holder = el.matches("input, select, textarea")
        ? el.parentElement?.closest<HTMLElement>("label, .sd-input")
        : null;
      if (holder) target = holder;
      const { width, height } = target.getBoundingClientRect();
      // nothing to tap (the table of a closed <details>)
      if (width === 0 || height === 0) continue;
      if (width >= min - 0.5 && height >= min - 0.5) continue;
      if (el.matches("a, button") && inRunningText(el)) continue;
      found.push(`${describe(el)} is ${Math.round(width)}×${Math.round(height)} px`);
    }
    return found;
  }, TOUCH_TARGET);
}
