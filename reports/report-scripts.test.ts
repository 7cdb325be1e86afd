import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { renderAssessmentReport } from "./assessment-report";
import { getFont, type FontKey } from "./fonts";
import { compact, cropToInk, drawnText, findTemplate, rasterizePage, renderToBuffer } from "#tests/helpers/pdf";
import { assessmentFixture, assessmentFor } from "#tests/fixtures/reports";

const render = (data: Parameters<typeof renderAssessmentReport>[0]) => renderToBuffer(renderAssessmentReport, data);

/** Right-to-left text as it is drawn, read left to right: its characters reversed. */
const drawnRtl = (logical: string) => [...logical].reverse().join("");

/** A drawn line read right to left, glyph by glyph (a ligature's characters stay in order). */
const readRtl = (glyphs: string[]) => [...glyphs].reverse().join("");

/** The cover's supplier name: the lines between the "SUPPLIER" caption and the service line. */
async function coverName(pdf: Buffer): Promise<{ lines: string[]; glyphs: string[][]; notdef: number }> {
  const { lines, glyphs, notdef } = await drawnText(pdf, 1);
  const start = lines.indexOf("SUPPLIER") + 1;
  const end = lines.findIndex((l, i) => i >= start && l.startsWith("Source code analysis"));
  return { lines: lines.slice(start, end), glyphs: glyphs.slice(start, end), notdef };
}

/**
 * Each font's .notdef glyph (what a font draws for a character it lacks) as
 * pdftoppm rasterises it at `size` points and `dpi`: a character from the
 * Private Use Area, which none of the fonts has, drawn in each font.
 */
async function notdefGlyphs(keys: FontKey[], size: number, dpi: number) {
  const doc = new PDFDocument({ size: [4 * size, 3 * size], margin: 0, autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => doc.on("end", resolve));
  for (const key of keys) {
    expect(getFont(key).hasGlyphForCodePoint(0xe000), key).toBe(false);
    doc.addPage();
    doc.registerFont(key, getFont(key) as unknown as Buffer);
    doc.font(key).fontSize(size).text("\ue000", size, size, { lineBreak: false });
  }
  doc.end();
  await done;
  const pdf = Buffer.concat(chunks);
  const glyphs: { key: FontKey; image: NonNullable<ReturnType<typeof cropToInk>> }[] = [];
  for (const [i, key] of keys.entries()) {
    const image = cropToInk(await rasterizePage(pdf, i + 1, dpi));
    if (image) glyphs.push({ key, image }); // a blank .notdef cannot show as a box
  }
  return glyphs;
}

const fontsOf = (pdf: Buffer) =>
  [...pdf.toString("latin1").matchAll(/\/BaseFont \/[A-Z]{6}\+([\w-]+)/g)].map((m) => m[1]).sort();

describe("reports in every script", () => {
  it("prints an Arabic name right to left, with no missing glyphs", async () => {
    const name = "شركة البيانات المتحدة للخدمات";
    const { glyphs, notdef } = await coverName(await render(assessmentFor(name, "SA")));
    expect(glyphs).toHaveLength(1);
    expect(compact(readRtl(glyphs[0]))).toBe(compact(name));
    expect(notdef).toBe(0);
  });

  // each name as it must read on the page, left to right as drawn
  const samples: [script: string, name: string, country: string, drawn: string][] = [
    ["Hebrew", "חברת נתונים בע״מ", "IL", "מ״עב םינותנ תרבח"],
    // UAX #9: the Latin and the number keep their own order inside the right-to-left line
    [
      "Arabic + Latin + digits",
      "عقد رقم 42 مع ACME Ltd",
      "AE",
      `ACME Ltd ${drawnRtl("مع")} 42 ${drawnRtl("رقم")} ${drawnRtl("عقد")}`,
    ],
    ["Korean", "주식회사 데이터", "KR", "주식회사 데이터"],
    ["Japanese", "株式会社さくらデータ", "JP", "株式会社さくらデータ"],
    ["Thai", "บริษัท ข้อมูล จำกัด", "TH", "บริษัท ข้อมูล จำกัด"],
    // the vowel sign I is drawn before the consonant it follows
    ["Devanagari", "डेटा प्राइवेट लिमिटेड", "IN", "डेटा प्राइवेट िलिमटेड"],
  ];

  it.each(samples)("prints %s text in visual order, with no missing glyphs", async (_script, name, country, drawn) => {
    const pdf = await render(assessmentFor(name, country));
    const { lines, notdef } = await coverName(pdf);
    expect(compact(lines.join(""))).toBe(compact(drawn));
    expect(notdef).toBe(0);
  });

  it("wraps a long Arabic name into lines that each read right to left, keeping every word", async () => {
    const words = "شركة البيانات المتحدة للخدمات السحابية والأمن السيبراني وحماية المعلومات الشخصية".split(" ");
    const name = [...words, ...words].join(" ");
    const { glyphs, notdef } = await coverName(await render(assessmentFor(name, "SA")));
    expect(glyphs.length).toBeGreaterThan(1);
    // reading each drawn line right to left gives the words in typed order, separated by spaces
    expect(glyphs.map((g) => readRtl(g).trim()).join(" ")).toBe(name);
    expect(notdef).toBe(0);
  });

  it("sets Han in Japanese forms for a Japanese supplier or text with kana, Traditional for Taiwan", async () => {
    const [jp, kana, tw, cn] = await Promise.all([
      render(assessmentFor("東京データ株式会社", "JP")),
      render(assessmentFor("株式会社さくらデータ", "DE")),
      render(assessmentFor("台灣資料股份有限公司", "TW")),
      render(assessmentFor("北京数据有限公司", "CN")),
    ]);
    expect(fontsOf(jp)).toContain("NotoSansJP-Bold");
    expect(fontsOf(kana)).toContain("NotoSansJP-Bold");
    expect(fontsOf(tw)).toContain("NotoSansTC-Bold");
    expect(fontsOf(cn)).toContain("NotoSansSC-Bold");
    expect(fontsOf(jp).join(" ")).not.toMatch(/NotoSansSC/);
    expect(fontsOf(tw).join(" ")).not.toMatch(/NotoSansSC/);
  });

  it("embeds subsets of the script fonts, so a report in many scripts stays small", async () => {
    const name = samples.map(([, n]) => n).join(" / ");
    const pdf = await render(assessmentFor(name, "SA"));
    expect(fontsOf(pdf)).toEqual(
      expect.arrayContaining([
        "IBMPlexSansArabic-Bold",
        "NotoSansHebrew-Bold",
        "NotoSansKR-Bold",
        "NotoSansJP-Bold",
        "NotoSansThai-Bold",
        "NotoSansDevanagari-Bold",
      ]),
    );
    // the font files are 0.2–10 MB each
    expect(pdf.length).toBeLessThan(150_000);
  });

  it("keeps a Latin-only report within 1.5× of its size before other scripts had fonts", async () => {
    // 66,274 bytes at e1bf906, before this change (the same bytes after it)
    const pdf = await render(assessmentFixture());
    expect(pdf.length).toBeLessThanOrEqual(1.5 * 66_274);
    expect(fontsOf(pdf).every((f) => f.startsWith("DejaVuSans"))).toBe(true);
  });

  it("shows no missing-glyph box on a rasterised page with every script (compared with each font's .notdef)", async () => {
    // the cover prints the supplier's name at 20 pt bold
    const dpi = 100;
    const keys: FontKey[] = ["bold", "arabicBold", "hebrewBold", "krBold", "jpBold", "thaiBold", "devanagariBold"];
    const boxes = await notdefGlyphs(keys, 20, dpi);
    expect(boxes.map((b) => b.key)).toContain("bold");
    const name = samples.map(([, n]) => n).join(" / ");
    const page = await rasterizePage(await render(assessmentFor(name, "SA")), 1, dpi);
    for (const box of boxes) expect(findTemplate(page, box.image), box.key).toEqual([]);
    // the check finds a box where there is one: a character no font has
    const withBox = await rasterizePage(await render(assessmentFor(`${name} \ue000`, "SA")), 1, dpi);
    expect(findTemplate(withBox, boxes.find((b) => b.key === "bold")!.image)).toHaveLength(1);
  });
});
