import type { Locator } from "playwright-core";

export interface LowContrast {
  element: string;
  text: string;
  ratio: number;
  /** what WCAG AA asks of this text: 4.5:1, or 3:1 when large (24 px, or 18.66 px bold) */
  needed: number;
  color: string;
  background: string;
}

/**
 * The text under `scope` whose colour is below WCAG AA's contrast against the
 * background it is drawn on: the element's colour (its transparency
 * included) over the stack of background colours up the tree. Where axe asks
 * a person to review (a background it cannot be sure of, e.g. beside a
 * pseudo-element), this measures what the stylesheets give; background
 * images are not considered, so use it where the backgrounds are plain.
 */
export async function lowContrastText(scope: Locator): Promise<LowContrast[]> {
  return scope.evaluate((root) => {
    type Rgba = { r: number; g: number; b: number; a: number };
    const parse = (css: string): Rgba => {
      // "rgb(1, 2, 3)", "rgba(1, 2, 3, 0.5)", or "color(srgb 0.1 0.2 0.3 / 0.5)"
      const scale = css.startsWith("color(") ? 255 : 1;
      const n = css
        .replace("srgb", "")
        .match(/[\d.]+/g)!
        .map(Number);
      return { r: n[0] * scale, g: n[1] * scale, b: n[2] * scale, a: n[3] ?? 1 };
    };
    const over = (top: Rgba, below: Rgba): Rgba => ({
      r: top.r * top.a + below.r * (1 - top.a),
      g: top.g * top.a + below.g * (1 - top.a),
      b: top.b * top.a + below.b * (1 - top.a),
      a: 1,
    });
    const background = (el: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let e: Element | null = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c.a === 0) continue;
        layers.push(c);
        if (c.a >= 1) break;
      }
      return layers.reverse().reduce((below, top) => over(top, below), { r: 255, g: 255, b: 255, a: 1 });
    };
    const luminance = ({ r, g, b }: Rgba) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const rgb = ({ r, g, b }: Rgba) => `rgb(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)})`;
    const out: LowContrast[] = [];
    for (const el of [root, ...root.querySelectorAll("*")]) {
      const text = [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent!.trim())
        .join(" ")
        .trim();
      if (!text || !(el as HTMLElement).checkVisibility?.({ opacityProperty: true, visibilityProperty: true }))
        continue;
      const style = getComputedStyle(el);
      const bg = background(el);
      const fg = over(parse(style.color), bg);
      const [light, dark] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
      const ratio = Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100;
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const needed = large ? 3 : 4.5;
      if (ratio < needed)
        out.push({
          element: `${el.tagName.toLowerCase()}${[...el.classList].map((c) => `.${c}`).join("")}`,
          text: text.slice(0, 60),
          ratio,
          needed,
          color: rgb(fg),
          background: rgb(bg),
        });
    }
    return out;
  });
}
