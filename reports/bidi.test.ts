import { describe, expect, it } from "vitest";
import { hasRtl, paragraphDirection, visualRuns } from "./bidi";
import { shapeRun } from "./fonts";

const runs = (text: string, direction: "ltr" | "rtl") =>
  visualRuns(text, direction, "regular", "sc").map(({ text, font, rtl }) => [text, font, rtl]);

describe("right-to-left text", () => {
  it("finds right-to-left text and a paragraph's direction from its first strong character", () => {
    expect(hasRtl("Kestrel GmbH")).toBe(false);
    expect(hasRtl("Kestrel שלום")).toBe(true);
    expect(paragraphDirection("Kestrel שלום")).toBe("ltr");
    expect(paragraphDirection("2026 שלום Kestrel")).toBe("rtl");
    expect(paragraphDirection("عقد رقم 42")).toBe("rtl");
  });

  it("orders runs visually: numbers keep their order inside right-to-left text", () => {
    // logical: "year 2026 signed"; drawn from the right: שנת, 2026, נחתם
    expect(runs("שנת 2026 נחתם", "rtl")).toEqual([
      ["נחתם", "hebrew", true],
      [" ", "regular", true],
      ["2026", "regular", false],
      ["שנת ", "hebrew", true],
    ]);
  });

  it("keeps a left-to-right paragraph's order around a right-to-left word", () => {
    expect(runs("Supplier שלום בע״מ (IL)", "ltr")).toEqual([
      ["Supplier ", "regular", false],
      ["שלום בע״מ", "hebrew", true],
      [" (IL)", "regular", false],
    ]);
  });

  it("keeps Arabic-Indic digits left to right in the Arabic font", () => {
    expect(runs("رقم ٤٢", "rtl")).toEqual([
      ["٤٢", "arabic", false],
      ["رقم ", "arabic", true],
    ]);
    expect(shapeRun("arabic", "٤٢", false).glyphs.map((g) => g.codePoints)).toEqual([[0x664], [0x662]]);
  });

  it("mirrors brackets in right-to-left runs", () => {
    expect(runs("(שלום)", "rtl")).toEqual([
      ["(", "regular", true],
      ["שלום", "hebrew", true],
      [")", "regular", true],
    ]);
  });

  it("shapes Arabic a whole run at a time, in joined forms, glyphs right to left", () => {
    // sheen+reh ligature (initial), kaf medial, teh marbuta final: drawn from the right
    expect(shapeRun("arabic", "شركة", true).glyphs.map((g) => g.name)).toEqual(["uniFE94", "uniFEDB", "uniFD0D"]);
    expect(shapeRun("arabic", "شركة", false).glyphs.map((g) => g.name)).toEqual(["uniFD0D", "uniFEDB", "uniFE94"]);
  });
});
