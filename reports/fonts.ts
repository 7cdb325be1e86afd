/**
 * Fonts for the PDF reports, loaded once per process and shared by every
 * document (pdfkit makes a per-document subset of a shared fontkit font).
 *
 * DejaVu Sans (regular, bold) covers Latin, Greek and Cyrillic. Other scripts
 * get a font of their own: IBM Plex Sans Arabic, and Noto Sans for Hebrew,
 * Devanagari, Thai, Hangul (KR), kana (JP) and Han, whose regional forms (SC, TC, JP, KR) are chosen per
 * document and per text (see `hanFormFor`). Each is parsed only when a report
 * contains a character it draws. Text is split into runs by which font draws
 * each character.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { create, type Font } from "fontkit";

/** Regional forms of Han characters: Simplified/Traditional Chinese, Japanese, Korean. */
export type HanForm = "sc" | "tc" | "jp" | "kr";
export type Weight = "regular" | "bold";

const NOTO = "@expo-google-fonts/noto-sans";
const FONT_FILES = {
  regular: "dejavu-fonts-ttf/ttf/DejaVuSans.ttf",
  bold: "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf",
  monoBold: "dejavu-fonts-ttf/ttf/DejaVuSansMono-Bold.ttf",
  // "cjk" is Han in Simplified Chinese forms, also the fallback for what DejaVu lacks
  cjk: `${NOTO}-sc/400Regular/NotoSansSC_400Regular.ttf`,
  cjkBold: `${NOTO}-sc/700Bold/NotoSansSC_700Bold.ttf`,
  tc: `${NOTO}-tc/400Regular/NotoSansTC_400Regular.ttf`,
  tcBold: `${NOTO}-tc/700Bold/NotoSansTC_700Bold.ttf`,
  jp: `${NOTO}-jp/400Regular/NotoSansJP_400Regular.ttf`,
  jpBold: `${NOTO}-jp/700Bold/NotoSansJP_700Bold.ttf`,
  kr: `${NOTO}-kr/400Regular/NotoSansKR_400Regular.ttf`,
  krBold: `${NOTO}-kr/700Bold/NotoSansKR_700Bold.ttf`,
  // not Noto Sans Arabic: it draws letters as a shared dotless body plus dots, so one
  // glyph stands for several letters and the text cannot be read back from the PDF
  arabic: "@expo-google-fonts/ibm-plex-sans-arabic/400Regular/IBMPlexSansArabic_400Regular.ttf",
  arabicBold: "@expo-google-fonts/ibm-plex-sans-arabic/700Bold/IBMPlexSansArabic_700Bold.ttf",
  hebrew: `${NOTO}-hebrew/400Regular/NotoSansHebrew_400Regular.ttf`,
  hebrewBold: `${NOTO}-hebrew/700Bold/NotoSansHebrew_700Bold.ttf`,
  devanagari: `${NOTO}-devanagari/400Regular/NotoSansDevanagari_400Regular.ttf`,
  devanagariBold: `${NOTO}-devanagari/700Bold/NotoSansDevanagari_700Bold.ttf`,
  thai: `${NOTO}-thai/400Regular/NotoSansThai_400Regular.ttf`,
  thaiBold: `${NOTO}-thai/700Bold/NotoSansThai_700Bold.ttf`,
} as const;

export type FontKey = keyof typeof FONT_FILES;

const require = createRequire(import.meta.url);

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

/** Families of fonts; each has a regular and a bold font. */
type Family = "latin" | "han" | "jp" | "kr" | "tc" | "arabic" | "hebrew" | "devanagari" | "thai";

const FAMILY_FONTS: Record<Exclude<Family, "latin" | "han">, [FontKey, FontKey]> = {
  jp: ["jp", "jpBold"],
  kr: ["kr", "krBold"],
  tc: ["tc", "tcBold"],
  arabic: ["arabic", "arabicBold"],
  hebrew: ["hebrew", "hebrewBold"],
  devanagari: ["devanagari", "devanagariBold"],
  thai: ["thai", "thaiBold"],
};

/** The family a script's own font comes from, by Unicode block; null for the rest. */
function scriptFamily(cp: number): Family | null {
  if (cp < 0x590) return null;
  if (cp <= 0x5ff || (cp >= 0xfb1d && cp <= 0xfb4f)) return "hebrew";
  if (cp <= 0x6ff || (cp >= 0x750 && cp <= 0x77f) || (cp >= 0x8a0 && cp <= 0x8ff)) return "arabic";
  if ((cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff)) return "arabic";
  if ((cp >= 0x900 && cp <= 0x97f) || (cp >= 0xa8e0 && cp <= 0xa8ff)) return "devanagari";
  if (cp >= 0xe00 && cp <= 0xe7f) return "thai";
  if ((cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f) || (cp >= 0xa960 && cp <= 0xa97f)) return "kr";
  if (cp >= 0xac00 && cp <= 0xd7ff) return "kr";
  if ((cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x31f0 && cp <= 0x31ff) || (cp >= 0xff66 && cp <= 0xff9f)) return "jp";
  if ((cp >= 0x2e80 && cp <= 0x2fdf) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0x3400 && cp <= 0x4dbf)) return "han";
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xffef)) return "han";
  if (cp >= 0x20000 && cp <= 0x3ffff) return "han";
  return null;
}

// which family draws a code point, decided once per process
const choice = new Map<number, Family>();

function familyFor(cp: number): Family {
  let c = choice.get(cp);
  if (c === undefined) {
    c = scriptFamily(cp) ?? "latin";
    if (c !== "latin" && c !== "han" && !getFont(FAMILY_FONTS[c][0]).hasGlyphForCodePoint(cp)) {
      c = "latin"; // a character the script's font lacks (e.g. U+06A2): DejaVu's, if it has one
    }
    if (c === "latin" && !getFont("regular").hasGlyphForCodePoint(cp) && getFont("cjk").hasGlyphForCodePoint(cp)) {
      c = "han"; // symbols DejaVu lacks and the CJK font has
    }
    // neither has it: DejaVu's missing-glyph box
    choice.set(cp, c);
  }
  return c;
}

function isNeutral(cp: number): boolean {
  // spaces and general punctuation stay in the run around them
  return cp === 0x20 || cp === 0x09 || cp === 0xa0 || cp === 0x3000;
}

/** True for kana: text that has it is Japanese, and its Han characters take Japanese forms. */
export function hasKana(text: string): boolean {
  return /[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]/.test(text);
}

/**
 * The Han forms a report uses by default: from the report's language when it
 * names one (ja, ko, zh-Hant/TW/HK/MO, zh), else from the country the report
 * is about (JP, KR, TW/HK/MO), else Simplified Chinese. Text that contains
 * kana is Japanese whatever the default (see `splitByFont`).
 */
export function hanFormFor(opts: { language?: string | null; country?: string | null }): HanForm {
  const lang = (opts.language ?? "").toLowerCase();
  if (/^ja\b/.test(lang)) return "jp";
  if (/^ko\b/.test(lang)) return "kr";
  if (/^zh\b/.test(lang)) return /-(hant|tw|hk|mo)\b/.test(lang) ? "tc" : "sc";
  const country = (opts.country ?? "").toUpperCase();
  if (country === "JP") return "jp";
  if (country === "KR") return "kr";
  if (country === "TW" || country === "HK" || country === "MO") return "tc";
  return "sc";
}

const HAN_FONTS: Record<HanForm, [FontKey, FontKey]> = {
  sc: ["cjk", "cjkBold"],
  tc: ["tc", "tcBold"],
  jp: ["jp", "jpBold"],
  kr: ["kr", "krBold"],
};

export interface FontRun {
  text: string;
  font: FontKey;
}

/**
 * Split text into runs that one font can draw. Spaces join the run before
 * them. Han characters are set in `han` forms, or Japanese ones when the text
 * has kana. The Noto CJK fonts give Han, CJK punctuation and full-width forms
 * the same advance, so a line measured in one form draws the same in another.
 */
export function splitByFont(text: string, weight: Weight, han: HanForm = "sc"): FontRun[] {
  const w = weight === "bold" ? 1 : 0;
  const latin: FontKey = w ? "bold" : "regular";
  // fast path: plain ASCII
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7e) {
      ascii = false;
      break;
    }
  }
  if (ascii) return text ? [{ text, font: latin }] : [];

  const hanFont = HAN_FONTS[han !== "jp" && hasKana(text) ? "jp" : han][w];
  const runs: FontRun[] = [];
  let current: FontKey | null = null;
  let buf = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0x20;
    let key: FontKey;
    if (isNeutral(cp) && current && (cp === 0x20 || getFont(current).hasGlyphForCodePoint(cp))) key = current;
    else if (cp < 0x250 || isMark(cp)) key = current && isMark(cp) ? current : latin;
    else {
      const family = familyFor(cp);
      key = family === "latin" ? latin : family === "han" ? hanFont : FAMILY_FONTS[family][w];
    }
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
    if (cp >= 0x250 && !isMark(cp) && !isNeutral(cp) && familyFor(cp) === "han") return true;
  }
  return false;
}

/** Fonts drawn right to left or with joining forms: shaped a whole run at a time (see `shapeRun`). */
export function isShapedFont(key: FontKey): boolean {
  return key.startsWith("arabic") || key.startsWith("hebrew");
}

const widthCache = new Map<string, number>();
const WIDTH_CACHE_LIMIT = 200_000;

/** Advance width in points of text drawn in one font (no line breaking). */
export function measure(font: FontKey, size: number, text: string): number {
  const key = `${font}\u0000${text}`;
  let units = widthCache.get(key);
  if (units === undefined) {
    const f = getFont(font);
    if (isShapedFont(font)) {
      units = (shapeRun(font, text, false).advanceWidth * 1000) / f.unitsPerEm;
    } else {
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
    }
    if (widthCache.size >= WIDTH_CACHE_LIMIT) widthCache.clear();
    widthCache.set(key, units);
  }
  return (units * size) / 1000;
}

type GlyphRun = ReturnType<Font["layout"]>;
const shapeCache = new Map<string, GlyphRun>();

/**
 * A run shaped as a whole with the font's own tables (joining forms, marks,
 * kerning) in the direction given, not guessed from the script: glyphs come
 * back in visual order, so an RTL run's first glyph is its last character.
 * Mirrored brackets are the caller's business (see `./bidi.ts`). Runs are
 * kept as fontkit returns them and never changed, so they can be shared.
 */
export function shapeRun(font: FontKey, text: string, rtl: boolean): GlyphRun {
  const key = `${font}\u0000${rtl ? "r" : "l"}\u0000${text}`;
  let run = shapeCache.get(key);
  if (!run) {
    run = getFont(font).layout(text, [], undefined, undefined, rtl ? "rtl" : "ltr");
    if (shapeCache.size >= WIDTH_CACHE_LIMIT / 10) shapeCache.clear();
    shapeCache.set(key, run);
  }
  return run;
}

/** True when the font mirrors brackets itself in RTL runs (an OpenType `rtlm` feature). */
export function fontMirrors(key: FontKey): boolean {
  let mirrors = mirroring.get(key);
  if (mirrors === undefined) {
    mirrors = getFont(key).availableFeatures.includes("rtlm");
    mirroring.set(key, mirrors);
  }
  return mirrors;
}
const mirroring = new Map<FontKey, boolean>();

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
