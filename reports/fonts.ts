/**
 * Fonts for the PDF reports, loaded once per process and shared by every
 * document (pdfkit makes a per-document subset of a shared fontkit font).
 *
 * DejaVu Sans (regular, bold) covers Latin, Greek and Cyrillic; Noto Sans SC
 * covers CJK (Han, kana) and is loaded only when a report contains a
 * character DejaVu lacks. Text is split into runs by which font has the glyph.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { create, type Font } from "fontkit";

export type FontKey = "regular" | "bold" | "monoBold" | "cjk" | "cjkBold";
export type Weight = "regular" | "bold";

const require = createRequire(import.meta.url);

const FONT_FILES: Record<FontKey, string> = {
  regular: "dejavu-fonts-ttf/ttf/DejaVuSans.ttf",
  bold: "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf",
  monoBold: "dejavu-fonts-ttf/ttf/DejaVuSansMono-Bold.ttf",
  cjk: "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
  cjkBold: "@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf",
};

const loaded = new Map<FontKey, Font>();

export function fontFile(key: FontKey): string {
  return require.resolve(FONT_FILES[key]);
}

/** The shared fontkit font for a key (parsed on first use). */
export function getFont(key: FontKey): Font {
  let font = loaded.get(key);
  if (!font) {
    const parsed = create(readFileSync(fontFile(key)));
    if ("fonts" in parsed) throw new Error(`${FONT_FILES[key]} is a font collection, expected a single font`);
    font = parsed as Font;
    memoizeGlyphDecoding(font);
    loaded.set(key, font);
  }
  return font;
}

/**
 * pdfkit embeds a subset of each font in every document, and fontkit's
 * subsetter decodes every glyph's outline again each time (only to find the
 * parts of composite glyphs). The fonts here are static TrueType fonts shared
 * by all documents and nothing changes a decoded glyph, so each glyph of
 * these font objects keeps its decoded form (fontkit 2.0 internals; without
 * them nothing changes but speed).
 */
function memoizeGlyphDecoding(font: Font): void {
  type Decodable = { _decode?: () => unknown; __flowdownMemo?: true };
  const internal = font as unknown as {
    getGlyph: (gid: number, codePoints?: number[]) => Decodable;
    variationAxes?: object;
  };
  if (typeof internal.getGlyph !== "function" || Object.keys(internal.variationAxes ?? {}).length > 0) return;
  const getGlyph = internal.getGlyph.bind(font);
  internal.getGlyph = (gid, codePoints) => {
    const glyph = getGlyph(gid, codePoints);
    const decode = glyph._decode;
    if (!glyph.__flowdownMemo && typeof decode === "function") {
      let decoded: unknown;
      let done = false;
      glyph._decode = () => {
        if (!done) {
          decoded = decode.call(glyph);
          done = true;
        }
        return decoded;
      };
      glyph.__flowdownMemo = true;
    }
    return glyph;
  };
}

// which font draws a code point: 0 = not decided yet, 1 = DejaVu, 2 = CJK
const choice = new Map<number, 1 | 2>();

function fontFamilyFor(cp: number): 1 | 2 {
  let c = choice.get(cp);
  if (c === undefined) {
    if (getFont("regular").hasGlyphForCodePoint(cp)) c = 1;
    else if (getFont("cjk").hasGlyphForCodePoint(cp)) c = 2;
    else c = 1; // neither has it: DejaVu's missing-glyph box
    choice.set(cp, c);
  }
  return c;
}

function isNeutral(cp: number): boolean {
  // spaces and general punctuation stay in the run around them
  return cp === 0x20 || cp === 0x09 || cp === 0xa0 || cp === 0x3000;
}

export interface FontRun {
  text: string;
  font: FontKey;
}

/** Split text into runs that one font can draw. Spaces join the run before them. */
export function splitByFont(text: string, weight: Weight): FontRun[] {
  const latin: FontKey = weight === "bold" ? "bold" : "regular";
  const cjk: FontKey = weight === "bold" ? "cjkBold" : "cjk";
  // fast path: plain ASCII
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7e) {
      ascii = false;
      break;
    }
  }
  if (ascii) return text ? [{ text, font: latin }] : [];

  const runs: FontRun[] = [];
  let current: FontKey | null = null;
  let buf = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0x20;
    let key: FontKey;
    if (isNeutral(cp) && current) key = current;
    else if (cp < 0x250 || isMark(cp)) key = current && isMark(cp) ? current : latin;
    else key = fontFamilyFor(cp) === 2 ? cjk : latin;
    if (key !== current && buf) {
      runs.push({ text: buf, font: current as FontKey });
      buf = "";
    }
    current = key;
    buf += ch;
  }
  if (buf && current) runs.push({ text: buf, font: current });
  return runs;
}

function isMark(cp: number): boolean {
  return (
    (cp >= 0x300 && cp <= 0x36f) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x20d0 && cp <= 0x20ff)
  );
}

/** True when some character of the text needs the CJK font. */
export function needsCjk(text: string): boolean {
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0x250 && !isMark(cp) && !isNeutral(cp) && fontFamilyFor(cp) === 2) return true;
  }
  return false;
}

const widthCache = new Map<string, number>();
const WIDTH_CACHE_LIMIT = 200_000;

/** Advance width in points of text drawn in one font (no line breaking). */
export function measure(font: FontKey, size: number, text: string): number {
  const key = `${font}\u0000${text}`;
  let units = widthCache.get(key);
  if (units === undefined) {
    const f = getFont(font);
    // pdfkit lays out each space-separated word on its own; do the same
    units = 0;
    let start = 0;
    for (let i = 0; i <= text.length; i++) {
      if (i === text.length || text.charCodeAt(i) === 0x20) {
        const piece = text.slice(start, i === text.length ? i : i + 1);
        if (piece) units += (f.layout(piece).advanceWidth * 1000) / f.unitsPerEm;
        start = i + 1;
      }
    }
    if (widthCache.size >= WIDTH_CACHE_LIMIT) widthCache.clear();
    widthCache.set(key, units);
  }
  return (units * size) / 1000;
}

// pdfkit shapes every word it draws and caches the result per document. The
// shaping depends only on the font, so the cache is shared by all documents
// (pdfkit reads cached runs and never changes them). Reset now and then so
// a long-running server does not keep every word it ever printed.
const sharedLayout = new Map<FontKey, Record<string, unknown>>();
let documentsSinceReset = 0;
const RESET_EVERY = 200;

/** Called once per new document. */
export function noteNewDocument(): void {
  if (++documentsSinceReset >= RESET_EVERY) {
    documentsSinceReset = 0;
    sharedLayout.clear();
  }
}

/** The layout cache that documents share for a font. */
export function sharedLayoutCache(key: FontKey): Record<string, unknown> {
  let cache = sharedLayout.get(key);
  if (!cache) {
    cache = Object.create(null) as Record<string, unknown>;
    sharedLayout.set(key, cache);
  }
  return cache;
}

/**
 * Parse the fonts and prepare their shaping tables ahead of the first report
 * (e.g. at server start), so the first request does not pay ~0.2–0.5 s for it.
 * The CJK font (10 MB) is included only when asked for.
 */
export function preloadReportFonts(opts: { cjk?: boolean } = {}): void {
  const keys: FontKey[] = ["regular", "bold", "monoBold", ...(opts.cjk ? (["cjk", "cjkBold"] as FontKey[]) : [])];
  for (const key of keys) measure(key, 10, key.startsWith("cjk") ? "株式会社 Flowdown" : "Flowdown report");
}
