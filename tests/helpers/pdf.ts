/**
 * Helpers for the report tests: render to a Buffer, read the text of each
 * page back with pdfjs-dist, rasterise a page with poppler's pdftoppm.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { promisify } from "node:util";
import type { ReportWords } from "#reports/i18n";
import { reportWordsFor } from "#app/features/reports/report-words.server";

const run = promisify(execFile);

export const PDFTOPPM = process.env.PDFTOPPM ?? "/usr/bin/pdftoppm";

/** Render with one of the generators into memory, its own words in the data's language (English without one). */
export async function renderToBuffer<T extends { language?: string }>(
  render: (data: T, out: Writable, words: ReportWords) => Promise<unknown>,
  data: T,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk);
      cb();
    },
  });
  await render(data, out, reportWordsFor(data.language));
  return Buffer.concat(chunks);
}

export interface PageText {
  width: number;
  height: number;
  /** text items with their origin in PDF coordinates (from the bottom left) */
  items: { str: string; x: number; y: number; width: number; hasEOL: boolean }[];
}

/** A PDF opened with pdfjs-dist as the tests read it: no fonts loaded for display, no eval. */
async function openPdf(pdf: Buffer) {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  return getDocument({
    data: new Uint8Array(pdf),
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
}

/** The text items of every page, with positions, read back with pdfjs-dist. */
export async function pageItems(pdf: Buffer): Promise<PageText[]> {
  const doc = await openPdf(pdf);
  const pages: PageText[] = [];
  try {
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const [, , width, height] = page.view;
      const content = await page.getTextContent();
      const items: PageText["items"] = [];
      for (const item of content.items) {
        if (!("str" in item)) continue;
        items.push({
          str: item.str,
          x: item.transform[4],
          y: item.transform[5],
          width: item.width,
          hasEOL: item.hasEOL,
        });
      }
      pages.push({ width, height, items });
    }
  } finally {
    await doc.destroy();
  }
  return pages;
}

/** The text of every page, items joined with spaces, lines with newlines. */
export async function pageTexts(pdf: Buffer): Promise<string[]> {
  return (await pageItems(pdf)).map((p) => p.items.map((it) => it.str + (it.hasEOL ? "\n" : " ")).join(""));
}

/** Text without any whitespace, to compare regardless of how lines and runs were split. */
export function compact(text: string): string {
  return text.replace(/\s+/g, "");
}

/** Rasterise one page in greyscale at `dpi`; returns the pixels (0 black .. 255 white). */
export async function rasterizePage(
  pdf: Buffer,
  page = 1,
  dpi = 50,
): Promise<{ width: number; height: number; pixels: Uint8Array }> {
  const dir = await mkdtemp(join(tmpdir(), "flowdown-report-"));
  try {
    const file = join(dir, "report.pdf");
    await writeFile(file, pdf);
    await run(PDFTOPPM, [
      "-r",
      String(dpi),
      "-f",
      String(page),
      "-l",
      String(page),
      "-gray",
      "-singlefile",
      file,
      join(dir, "page"),
    ]);
    return parsePgm(await readFile(join(dir, "page.pgm")));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Parse a binary (P5) PGM image with 8-bit samples. */
export function parsePgm(data: Buffer): { width: number; height: number; pixels: Uint8Array } {
  const fields: string[] = [];
  let i = 0;
  while (fields.length < 4) {
    while (i < data.length && /\s/.test(String.fromCharCode(data[i]))) i++;
    if (data[i] === 0x23) {
      while (i < data.length && data[i] !== 0x0a) i++; // comment
      continue;
    }
    let token = "";
    while (i < data.length && !/\s/.test(String.fromCharCode(data[i]))) token += String.fromCharCode(data[i++]);
    fields.push(token);
  }
  i++; // the single whitespace after maxval
  const [magic, w, h, max] = fields;
  if (magic !== "P5" || Number(max) > 255) throw new Error(`unsupported PGM: ${fields.join(" ")}`);
  const width = Number(w);
  const height = Number(h);
  return { width, height, pixels: new Uint8Array(data.subarray(i, i + width * height)) };
}

/** Share of pixels darker than `threshold` (0..1). */
export function inkRatio(image: { pixels: Uint8Array }, threshold = 245): number {
  let dark = 0;
  for (const p of image.pixels) if (p < threshold) dark++;
  return dark / image.pixels.length;
}

export interface DrawnText {
  /** lines from the top; each line's glyphs left to right as drawn */
  lines: string[];
  /** the same lines as the characters of each glyph (a ligature has several), left to right */
  glyphs: string[][];
  /** glyphs drawn with glyph id 0, the font's .notdef (missing-glyph box) */
  notdef: number;
}

/**
 * The text of a page as drawn, from its content stream: every text block
 * (BT…ET) is placed by its first text matrix and read in the order its glyphs
 * are drawn, each glyph's characters taken from the font's ToUnicode map
 * (invisible format characters dropped). Unlike `pageItems`, nothing is
 * reordered by a reader's guess at the direction: right-to-left text reads
 * back as it appears, i.e. reversed. The report fonts are Identity-encoded
 * subsets, so a character code of 0 is the .notdef glyph.
 */
export async function drawnText(pdf: Buffer, pageNumber = 1): Promise<DrawnText> {
  const { OPS } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await openPdf(pdf);
  try {
    const page = await doc.getPage(pageNumber);
    const ops = await page.getOperatorList();
    const blocks: { x: number; y: number; glyphs: string[] }[] = [];
    let block: { x: number; y: number; glyphs: string[] } | null = null;
    let inText = false;
    let notdef = 0;
    for (let i = 0; i < ops.fnArray.length; i++) {
      const fn = ops.fnArray[i];
      const args = ops.argsArray[i] as unknown[];
      if (fn === OPS.beginText) {
        inText = true;
        block = null;
      } else if (fn === OPS.endText) inText = false;
      else if (fn === OPS.setTextMatrix && inText && !block) {
        const m = (args.length === 1 ? args[0] : args) as ArrayLike<number>;
        block = { x: m[4], y: m[5], glyphs: [] };
        blocks.push(block);
      } else if (fn === OPS.showText && block) {
        for (const glyph of args[0] as unknown[]) {
          if (!glyph || typeof glyph !== "object" || !("unicode" in glyph)) continue;
          const text = String(glyph.unicode).replace(/\p{Cf}/gu, "");
          if (text) block.glyphs.push(text);
          if ("originalCharCode" in glyph && glyph.originalCharCode === 0) notdef++;
        }
      }
    }
    const lines = new Map<number, typeof blocks>();
    for (const b of blocks) {
      const key = Math.round(b.y * 10);
      lines.set(key, [...(lines.get(key) ?? []), b]);
    }
    const glyphs = [...lines.entries()]
      .sort(([a], [b]) => b - a)
      .map(([, bs]) => bs.sort((a, b) => a.x - b.x).flatMap((b) => b.glyphs));
    return { notdef, glyphs, lines: glyphs.map((g) => g.join("")) };
  } finally {
    await doc.destroy();
  }
}

type Image = { width: number; height: number; pixels: Uint8Array };

/** The part of `image` inside its ink's bounding box (pixels darker than `threshold`), `pad` pixels wider. */
export function cropToInk(image: Image, threshold = 200, pad = 1): Image | null {
  let [x0, y0, x1, y1] = [image.width, image.height, -1, -1];
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (image.pixels[y * image.width + x] < threshold) {
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x);
        y1 = Math.max(y1, y);
      }
    }
  }
  if (x1 < 0) return null;
  [x0, y0] = [Math.max(0, x0 - pad), Math.max(0, y0 - pad)];
  [x1, y1] = [Math.min(image.width - 1, x1 + pad), Math.min(image.height - 1, y1 + pad)];
  const width = x1 - x0 + 1;
  const height = y1 - y0 + 1;
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    pixels.set(image.pixels.subarray((y0 + y) * image.width + x0, (y0 + y) * image.width + x0 + width), y * width);
  return { width, height, pixels };
}

/**
 * Places where `template` appears in `image`: its ink (pixels < 96) over ink
 * (< 176) and its paper (> 224) over paper (> 160), allowing 10 % of either to
 * differ (anti-aliasing at another sub-pixel offset). Returns the top-left
 * corners found, one per cluster of neighbouring hits.
 */
export function findTemplate(image: Image, template: Image): { x: number; y: number }[] {
  const ink: number[] = [];
  const paper: number[] = [];
  for (let y = 0; y < template.height; y++) {
    for (let x = 0; x < template.width; x++) {
      const v = template.pixels[y * template.width + x];
      if (v < 96) ink.push(y * image.width + x);
      else if (v > 224) paper.push(y * image.width + x);
    }
  }
  const inkLimit = Math.floor(ink.length * 0.1);
  const paperLimit = Math.floor(paper.length * 0.1);
  const hits: { x: number; y: number }[] = [];
  for (let y = 0; y + template.height <= image.height; y++) {
    for (let x = 0; x + template.width <= image.width; x++) {
      const base = y * image.width + x;
      let miss = 0;
      let k = 0;
      for (; k < ink.length && miss <= inkLimit; k++) if (image.pixels[base + ink[k]] >= 176) miss++;
      if (miss > inkLimit) continue;
      miss = 0;
      for (k = 0; k < paper.length && miss <= paperLimit; k++) if (image.pixels[base + paper[k]] <= 160) miss++;
      if (miss > paperLimit) continue;
      if (!hits.some((h) => Math.abs(h.x - x) <= 2 && Math.abs(h.y - y) <= 2)) hits.push({ x, y });
    }
  }
  return hits;
}
