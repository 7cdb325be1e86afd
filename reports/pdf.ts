/**
 * A small layout engine over pdfkit for the reports: pages with a header and
 * a footer ("Page N of M"), text that wraps and switches font per script,
 * headings that keep with what follows, and tables that never cut a row
 * (unless a single row is taller than a page) and repeat their header.
 *
 * All positions are computed here; pdfkit only draws (`lineBreak: false`),
 * so its own page breaking never triggers and the layout is the same on
 * every run.
 */
import { performance } from "node:perf_hooks";
import type { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import PDFDocument from "pdfkit";
import type { ReportWords } from "./i18n";
import { hasRtl, paragraphDirection, visualRuns, type Direction } from "./bidi";
import {
  getFont,
  hasKana,
  isShapedFont,
  measure,
  noteNewDocument,
  shapeRun,
  sharedLayoutCache,
  splitByFont,
  type FontKey,
  type HanForm,
  type Weight,
} from "./fonts";
import type { Tone } from "#models/labels";

// ---------------------------------------------------------------- palette

export const COLORS = {
  ink: "#16202E",
  text: "#2B3442",
  muted: "#5B6675",
  faint: "#8C96A4",
  rule: "#D3D9E0",
  hairline: "#E6E9EE",
  zebra: "#F5F7F9",
  brand: "#1F3A5F",
  brandSoft: "#E7EDF5",
  white: "#FFFFFF",
} as const;

export const TONES: Record<Tone, { fill: string; text: string; strong: string }> = {
  ok: { fill: "#DCF1E3", text: "#14532D", strong: "#2F855A" },
  warn: { fill: "#FCEFD3", text: "#744210", strong: "#D69E2E" },
  bad: { fill: "#FBE0DD", text: "#822727", strong: "#C53030" },
  none: { fill: "#E9ECF0", text: "#3A4452", strong: "#A0AAB8" },
  info: { fill: "#E0EBF7", text: "#1E4E79", strong: "#3B7DC4" },
  critical: { fill: "#7B1C1C", text: "#FFFFFF", strong: "#7B1C1C" },
};

// ---------------------------------------------------------------- page geometry

export type Orientation = "portrait" | "landscape";
const A4: [number, number] = [595.28, 841.89];
export const MARGIN = { left: 48, right: 48, top: 70, bottom: 58 } as const;

// ---------------------------------------------------------------- text

export interface TextStyle {
  size: number;
  weight?: Weight;
  color?: string;
  /** line height as a multiple of the size */
  leading?: number;
}

export interface Run {
  /** in logical order, also when the run is drawn right to left */
  text: string;
  font: FontKey;
  width: number;
  /** drawn right to left (an odd bidi level) */
  rtl?: boolean;
}

export interface Line {
  runs: Run[];
  width: number;
}

// line metrics tuned for DejaVu Sans (ascent 0.93, descent 0.24 em)
const DEFAULT_LEADING = 1.3;
const BASELINE = 0.99;

export function lineHeight(style: TextStyle): number {
  return style.size * (style.leading ?? DEFAULT_LEADING);
}

// C0/C1 controls (except tab and newline), bidi overrides and marks (the Arabic letter mark too),
// zero-width characters
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Free text as plain text: no markup is interpreted, controls are dropped, NFC. */
export function cleanText(text: unknown): string {
  const s = text === null || text === undefined ? "" : String(text);
  if (PRINTABLE_ASCII.test(s)) return s;
  return s
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(/\t/g, "    ")
    .replace(UNSAFE, "")
    .normalize("NFC");
}

interface Token {
  text: string;
  space: boolean;
}

function isBreakAnywhere(cp: number): boolean {
  // CJK ideographs, kana, CJK punctuation, full-width forms: a line may break between any two
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) ||
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0x20000 && cp <= 0x3ffff)
  );
}

function tokenize(paragraph: string): Token[] {
  const tokens: Token[] = [];
  let word = "";
  let spaces = "";
  const flushWord = () => {
    if (!word) return;
    // long words may also break after "/" or "-"
    if (word.length > 16 && /[/-]/.test(word)) {
      for (const piece of word.split(/(?<=[/-])/)) tokens.push({ text: piece, space: false });
    } else tokens.push({ text: word, space: false });
    word = "";
  };
  for (const ch of paragraph) {
    const cp = ch.codePointAt(0) ?? 0x20;
    if (ch === " ") {
      flushWord();
      spaces += ch;
      continue;
    }
    if (spaces) {
      tokens.push({ text: spaces, space: true });
      spaces = "";
    }
    if (isBreakAnywhere(cp)) {
      flushWord();
      tokens.push({ text: ch, space: false });
    } else word += ch;
  }
  flushWord();
  return tokens;
}

function widthOf(text: string, weight: Weight, size: number, han: HanForm = "sc"): number {
  let w = 0;
  for (const run of splitByFont(text, weight, han)) w += measure(run.font, size, run.text);
  return w;
}

/** Han forms for a whole text: Japanese when it has kana, else the document's (drawn as "sc" here). */
function hanOf(text: string): HanForm {
  return hasKana(text) ? "jp" : "sc";
}

/**
 * One line as runs left to right. Text with a right-to-left character goes
 * through the bidi algorithm (`direction` is its paragraph's); the rest keeps
 * the plain path, so Latin lines are what they always were.
 */
function toLine(text: string, weight: Weight, size: number, han: HanForm, direction?: Direction): Line {
  if (!hasRtl(text)) {
    const runs: Run[] = splitByFont(text, weight, han).map((r) => ({ ...r, width: measure(r.font, size, r.text) }));
    return { runs, width: runs.reduce((a, r) => a + r.width, 0) };
  }
  const runs: Run[] = visualRuns(text, direction ?? paragraphDirection(text), weight, han).map((r) => ({
    ...r,
    width: r.rtl || isShapedFont(r.font) ? shapedWidth(r.font, size, r.text, r.rtl) : measure(r.font, size, r.text),
  }));
  return { runs, width: runs.reduce((a, r) => a + r.width, 0) };
}

function shapedWidth(font: FontKey, size: number, text: string, rtl: boolean): number {
  return (shapeRun(font, text, rtl).advanceWidth * size) / getFont(font).unitsPerEm;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Break a paragraph into lines of at most `maxWidth` points. */
export function layoutText(text: string, style: TextStyle, maxWidth: number): Line[] {
  const weight = style.weight ?? "regular";
  const size = style.size;
  const lines: Line[] = [];
  const clean = cleanText(text);
  const han = hanOf(clean);
  for (const paragraph of clean.split("\n")) {
    const direction = paragraphDirection(paragraph);
    const tokens = tokenize(paragraph);
    let current = "";
    let currentW = 0;
    let pendingSpace = "";
    const push = () => {
      lines.push(toLine(current, weight, size, han, direction));
      current = "";
      currentW = 0;
      pendingSpace = "";
    };
    for (const tok of tokens) {
      if (tok.space) {
        if (current) pendingSpace = tok.text;
        continue;
      }
      const w = widthOf(tok.text, weight, size, han);
      const spaceW = pendingSpace ? widthOf(pendingSpace, weight, size, han) : 0;
      if (current && currentW + spaceW + w > maxWidth) push();
      if (!current && w > maxWidth) {
        // a word longer than the line: break between graphemes
        for (const { segment } of segmenter.segment(tok.text)) {
          const gw = widthOf(segment, weight, size, han);
          if (current && currentW + gw > maxWidth) push();
          current += segment;
          currentW += gw;
        }
        continue;
      }
      if (current && pendingSpace) {
        current += pendingSpace;
        currentW += spaceW;
      }
      pendingSpace = "";
      current += tok.text;
      currentW += w;
    }
    if (current || lines.length === 0 || paragraph === "") lines.push(toLine(current, weight, size, han, direction));
  }
  return lines;
}

/** Text shortened with "…" to fit one line of `maxWidth`. */
export function truncateText(text: string, style: TextStyle, maxWidth: number): string {
  const clean = cleanText(text).replace(/\n/g, " ");
  const weight = style.weight ?? "regular";
  if (widthOf(clean, weight, style.size) <= maxWidth) return clean;
  const graphemes = [...segmenter.segment(clean)].map((s) => s.segment);
  let lo = 0;
  let hi = graphemes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (widthOf(graphemes.slice(0, mid).join("") + "…", weight, style.size) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return graphemes.slice(0, lo).join("").trimEnd() + "…";
}

export function textWidth(text: string, style: TextStyle): number {
  return widthOf(cleanText(text), style.weight ?? "regular", style.size);
}

// ---------------------------------------------------------------- table cells

export type CellItem =
  | { kind: "text"; text: string; style?: Partial<TextStyle> }
  | { kind: "badge"; label: string; tone: Tone }
  | {
      kind: "bar";
      value: number;
      max: number;
      tone: Tone;
      label: string;
      /** room for the label right of the bar, points (default 22) */
      labelWidth?: number;
      /** draw a tick at this value, e.g. the allowed maximum */
      marker?: number;
    }
  | { kind: "gap"; height: number };

export type Cell = string | CellItem | CellItem[];

export interface Column {
  header: string;
  /** points; the columns' widths are scaled to the table width */
  width: number;
  align?: "left" | "right" | "center";
}

export interface TableOptions {
  /** printed as "<title> (continued)" above the repeated header */
  title: string;
  columns: Column[];
  rows: Cell[][];
  /** default style of text cells */
  style?: TextStyle;
  zebra?: boolean;
  /** tint a whole row */
  rowFill?: (rowIndex: number) => string | null;
  /** "sub": a lighter header for tables nested in a section */
  variant?: "main" | "sub";
  /** points from the left margin */
  indent?: number;
}

/** What `drawShaped` relies on in pdfkit's embedded font. */
interface EmbeddedFontInternals {
  scale?: number;
  layout?: (...args: unknown[]) => unknown;
}

interface Laid {
  height: number;
  draw: (x: number, y: number, width: number) => void;
}

const CELL_PAD_X = 4;
const PAGES_PER_FLUSH = 4;
const CELL_PAD_Y = 3.5;
const BADGE_H = 11.5;

// ---------------------------------------------------------------- the document

export interface ReportDocumentOptions {
  title: string;
  subject: string;
  author: string;
  keywords?: string;
  /** ISO instant: the PDF's creation and modification date */
  generatedAt: string;
  /** left of the running header, e.g. "Supplier assessment report" */
  headerTitle: string;
  /** right of the running header: the agreement reference */
  reference: string;
  /** left of the footer */
  footerText: string;
  /** forms of Han characters in text without kana (default Simplified Chinese); see `hanFormFor` */
  hanForm?: HanForm;
  /** the report's own words in its language (page numbers, "continued"), also the document's /Lang */
  words: ReportWords;
}

export class ReportDocument {
  readonly doc: PDFKit.PDFDocument;
  y: number = MARGIN.top;
  private readonly opts: ReportDocumentOptions;
  /** the report's own words in its language */
  readonly words: ReportWords;
  private readonly registered = new Set<FontKey>();
  private lastYield = performance.now();
  /** pages (0-based) that get no running header, e.g. the cover */
  private readonly noHeader = new Set<number>();
  private pageCount = 0;
  private orientation: Orientation = "portrait";
  /** longest stretch between two yields to the event loop, ms */
  longestSliceMs = 0;

  constructor(opts: ReportDocumentOptions) {
    this.opts = opts;
    this.words = opts.words;
    noteNewDocument();
    const created = new Date(opts.generatedAt);
    const when = Number.isNaN(created.getTime()) ? new Date(0) : created;
    this.doc = new PDFDocument({
      // no default font: pdfkit would otherwise parse Helvetica's metrics for every document
      font: null as unknown as string,
      size: A4,
      margin: 0,
      autoFirstPage: false,
      bufferPages: true,
      pdfVersion: "1.7",
      compress: true,
      displayTitle: true,
      lang: this.words.language,
      info: {
        Title: cleanText(opts.title),
        Subject: cleanText(opts.subject),
        Author: cleanText(opts.author),
        Keywords: cleanText(opts.keywords ?? ""),
        Creator: "Flowdown",
        Producer: "Flowdown report generator (pdfkit)",
        CreationDate: when,
        ModDate: when,
      },
    });
  }

  // ------------------------------------------------------------ geometry

  get left(): number {
    return MARGIN.left;
  }
  get right(): number {
    return this.doc.page.width - MARGIN.right;
  }
  get width(): number {
    return this.right - this.left;
  }
  get top(): number {
    return MARGIN.top;
  }
  get bottom(): number {
    return this.doc.page.height - MARGIN.bottom;
  }
  get pageIndex(): number {
    return this.pageCount - 1;
  }

  newPage(orientation: Orientation = this.orientation, opts: { header?: boolean } = {}): void {
    this.orientation = orientation;
    this.doc.addPage({ size: A4, layout: orientation, margin: 0 });
    this.currentFill = null;
    this.pageCount++;
    if (opts.header === false) this.noHeader.add(this.pageCount - 1);
    this.y = this.top;
  }

  /** Start a new page unless `height` more points fit on this one. */
  ensure(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  space(height: number): void {
    this.y = Math.min(this.y + height, this.bottom);
  }

  /** Give the event loop a turn when this slice of work has run for a while. */
  async pace(budgetMs = 8): Promise<void> {
    const now = performance.now();
    const slice = now - this.lastYield;
    if (slice < budgetMs) return;
    if (slice > this.longestSliceMs) this.longestSliceMs = slice;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.lastYield = performance.now();
  }

  outline(title: string): void {
    this.doc.outline.addItem(cleanText(title));
  }

  // ------------------------------------------------------------ drawing primitives

  // The text fill colour last set outside save()/restore(). Every other fill
  // in this module happens inside save()/restore(), so the colour stays valid
  // until the page changes.
  private currentFill: string | null = null;

  /** Run `draw` inside save()/restore(); needed when it draws text (the fill colour is reset after). */
  isolated(draw: () => void): void {
    this.doc.save();
    try {
      draw();
    } finally {
      this.doc.restore();
      this.currentFill = null;
    }
  }

  private setFill(color: string): void {
    if (color !== this.currentFill) {
      this.doc.fillColor(color);
      this.currentFill = color;
    }
  }

  /**
   * Draw single-character codes on a grid in one text operation: a monospaced
   * font with character spacing makes every character advance exactly `pitch`.
   * `codes[i]` is centred in the cell starting at x + i × pitch; " " skips a cell.
   */
  gridText(codes: string[], x: number, y: number, pitch: number, size: number, color: string): void {
    const first = codes.findIndex((c) => c !== " ");
    if (first < 0) return;
    let last = codes.length - 1;
    while (codes[last] === " ") last--;
    const advance = measure("monoBold", size, "M");
    this.setFill(color);
    this.useFont("monoBold", size);
    const text = codes.slice(first, last + 1).join("");
    this.doc.text(text, x + first * pitch + (pitch - advance) / 2, y + size * BASELINE, {
      lineBreak: false,
      baseline: "alphabetic",
      characterSpacing: pitch - advance,
    });
  }

  private useFont(key: FontKey, size: number): void {
    if (!this.registered.has(key)) {
      // pdfkit accepts a fontkit font object; its typings only list file sources
      this.doc.registerFont(key, getFont(key) as unknown as Buffer);
      this.registered.add(key);
      this.doc.font(key);
      // share pdfkit's per-font word layout cache between documents (pdfkit 0.20 internals;
      // skipped if they change: output is the same either way, only slower)
      const embedded = (this.doc as unknown as { _font?: { layoutCache?: object } })._font;
      if (embedded && typeof embedded.layoutCache === "object") embedded.layoutCache = sharedLayoutCache(key);
    }
    this.doc.font(key).fontSize(size);
  }

  /** Draw one laid-out line with its top at `y`. */
  drawLine(
    line: Line,
    x: number,
    y: number,
    style: TextStyle,
    align: "left" | "right" | "center" = "left",
    width = 0,
  ): void {
    let cx = x;
    if (align === "right") cx = x + width - line.width;
    else if (align === "center") cx = x + (width - line.width) / 2;
    const baseline = y + style.size * BASELINE + (lineHeight(style) - style.size * DEFAULT_LEADING) / 2;
    this.setFill(style.color ?? COLORS.text);
    for (const run of line.runs) {
      if (run.rtl || isShapedFont(run.font)) {
        this.drawShaped(run, cx, baseline, style.size);
      } else if (run.text.trim()) {
        this.useFont(this.hanFont(run), style.size);
        // textWidth/wordCount: already measured, saves pdfkit a second layout pass
        this.doc.text(run.text, cx, baseline, {
          lineBreak: false,
          baseline: "alphabetic",
          textWidth: run.width,
          wordCount: 1,
        } as PDFKit.Mixins.TextOptions);
      }
      cx += run.width;
    }
  }

  /**
   * The font for a run laid out in Simplified Chinese Han forms: the
   * document's own forms when that font has every character of the run.
   */
  private hanFont(run: Run): FontKey {
    const form = this.opts.hanForm ?? "sc";
    if (form === "sc" || (run.font !== "cjk" && run.font !== "cjkBold")) return run.font;
    const key = (run.font === "cjkBold" ? `${form}Bold` : form) as FontKey;
    const font = getFont(key);
    for (const ch of run.text) if (!font.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0)) return run.font;
    return key;
  }

  /**
   * Draw a run shaped as a whole by fontkit in its bidi direction (see
   * `shapeRun`). pdfkit would shape each word on its own and guess the
   * direction from the script, so it is handed the shaped glyphs instead,
   * through its font's `layout` for the one call (pdfkit 0.20 internals; if
   * they change, pdfkit shapes the run itself, guessing the direction).
   */
  private drawShaped(run: Run, x: number, baseline: number, size: number): void {
    if (!run.text.trim()) return;
    this.useFont(run.font, size);
    const embedded = (this.doc as unknown as { _font?: EmbeddedFontInternals })._font;
    const options = { lineBreak: false, baseline: "alphabetic", textWidth: run.width, wordCount: 1 };
    if (!embedded || typeof embedded.layout !== "function" || typeof embedded.scale !== "number") {
      this.doc.text(run.text, x, baseline, { ...options, features: [] } as PDFKit.Mixins.TextOptions);
      return;
    }
    const shaped = shapeRun(run.font, run.text, run.rtl === true);
    const scale = embedded.scale;
    const positions = shaped.positions.map((p, i) => ({
      xAdvance: p.xAdvance * scale,
      yAdvance: p.yAdvance * scale,
      xOffset: p.xOffset * scale,
      yOffset: p.yOffset * scale,
      advanceWidth: shaped.glyphs[i].advanceWidth * scale,
    }));
    embedded.layout = () => ({ glyphs: shaped.glyphs, positions, advanceWidth: shaped.advanceWidth * scale });
    try {
      this.doc.text(run.text, x, baseline, options as PDFKit.Mixins.TextOptions);
    } finally {
      delete embedded.layout;
    }
  }

  /** Draw a string on one line at (x, y) without wrapping; returns its width. */
  label(
    text: string,
    x: number,
    y: number,
    style: TextStyle,
    align: "left" | "right" | "center" = "left",
    width = 0,
  ): number {
    const clean = cleanText(text).replace(/\n/g, " ");
    const line = toLine(clean, style.weight ?? "regular", style.size, hanOf(clean));
    this.drawLine(line, x, y, style, align, width);
    return line.width;
  }

  /** Flowing text at the cursor, wrapped to `width`, breaking across pages between lines. */
  paragraph(text: string, style: TextStyle, opts: { indent?: number; width?: number; after?: number } = {}): void {
    const x = this.left + (opts.indent ?? 0);
    const width = opts.width ?? this.width - (opts.indent ?? 0);
    const lh = lineHeight(style);
    for (const line of layoutText(text, style, width)) {
      this.ensure(lh);
      this.drawLine(line, x, this.y, style);
      this.y += lh;
    }
    this.y += opts.after ?? 0;
  }

  /** Bulleted list at the cursor. */
  bullets(items: string[], style: TextStyle, opts: { indent?: number; after?: number; bullet?: string } = {}): void {
    const indent = opts.indent ?? 0;
    const bulletW = 10;
    const lh = lineHeight(style);
    for (const item of items) {
      const lines = layoutText(item, style, this.width - indent - bulletW);
      lines.forEach((line, i) => {
        this.ensure(lh);
        if (i === 0) this.label(opts.bullet ?? "•", this.left + indent, this.y, { ...style, color: COLORS.muted });
        this.drawLine(line, this.left + indent + bulletW, this.y, style);
        this.y += lh;
      });
    }
    this.y += opts.after ?? 0;
  }

  /** Section heading; starts a new page if the heading and `keep` points after it do not fit. */
  heading(text: string, level: 1 | 2 | 3 = 1, keep = 60): void {
    const style: TextStyle =
      level === 1
        ? { size: 15, weight: "bold", color: COLORS.brand, leading: 1.25 }
        : level === 2
          ? { size: 11, weight: "bold", color: COLORS.ink, leading: 1.25 }
          : { size: 9.5, weight: "bold", color: COLORS.ink, leading: 1.25 };
    const before = level === 1 ? 14 : level === 2 ? 10 : 6;
    const lines = layoutText(text, style, this.width);
    const h = lines.length * lineHeight(style) + (level === 1 ? 8 : 4);
    if (this.y > this.top) this.y += before;
    if (this.y + h + keep > this.bottom) this.newPage();
    if (level === 1) this.outline(text);
    for (const line of lines) {
      this.drawLine(line, this.left, this.y, style);
      this.y += lineHeight(style);
    }
    if (level === 1) {
      this.doc
        .save()
        .moveTo(this.left, this.y + 2)
        .lineTo(this.right, this.y + 2)
        .lineWidth(0.8)
        .strokeColor(COLORS.brand)
        .stroke()
        .restore();
      this.y += 8;
    } else this.y += 4;
  }

  /** A rounded label with a coloured fill; returns its width. Always carries text, so it reads in greyscale. */
  badge(label: string, tone: Tone, x: number, y: number, size = 6.8): number {
    const style: TextStyle = { size, weight: "bold", color: TONES[tone].text, leading: 1 };
    const w = textWidth(label, style) + 9;
    const h = size + 4.7;
    this.doc.save().roundedRect(x, y, w, h, 2.5).fill(TONES[tone].fill).restore();
    if (tone !== "critical") {
      this.doc.save().roundedRect(x, y, w, h, 2.5).lineWidth(0.6).strokeColor(TONES[tone].strong).stroke().restore();
    }
    this.label(label, x + 4.5, y + (h - size) / 2 - size * 0.02, style);
    return w;
  }

  /** Label/value pairs in `columns` columns at the cursor. */
  facts(pairs: [string, string][], columns = 2, opts: { valueStyle?: TextStyle } = {}): void {
    const gap = 14;
    const colW = (this.width - gap * (columns - 1)) / columns;
    const labelStyle: TextStyle = { size: 6.8, weight: "bold", color: COLORS.muted, leading: 1.25 };
    const valueStyle: TextStyle = opts.valueStyle ?? { size: 9, color: COLORS.ink };
    for (let i = 0; i < pairs.length; i += columns) {
      const group = pairs.slice(i, i + columns);
      const laid = group.map(([, v]) => layoutText(v, valueStyle, colW));
      const h = lineHeight(labelStyle) + Math.max(...laid.map((l) => l.length)) * lineHeight(valueStyle) + 7;
      if (h > (this.bottom - this.top) / 2) {
        // a value too long for a grid cell: print the group as flowing paragraphs instead
        for (const [label, value] of group) {
          this.ensure(lineHeight(labelStyle) + lineHeight(valueStyle));
          this.label(label.toUpperCase(), this.left, this.y, labelStyle);
          this.y += lineHeight(labelStyle);
          this.paragraph(value, valueStyle, { after: 7 });
        }
        continue;
      }
      this.ensure(h);
      group.forEach(([label], c) => {
        const x = this.left + c * (colW + gap);
        this.label(label.toUpperCase(), x, this.y, labelStyle);
        laid[c].forEach((line, j) =>
          this.drawLine(line, x, this.y + lineHeight(labelStyle) + j * lineHeight(valueStyle), valueStyle),
        );
      });
      this.y += h;
    }
  }

  /**
   * A tinted box with a left accent bar holding text, e.g. a note or the
   * verification block. Kept on one page when it fits; a box longer than a
   * page continues on the next one, split between lines.
   */
  callout(title: string, body: string[], tone: Tone | "brand" = "brand"): void {
    const titleStyle: TextStyle = { size: 9.5, weight: "bold", color: COLORS.ink };
    const bodyStyle: TextStyle = { size: 8.5, color: COLORS.text };
    const pad = 9;
    const innerW = this.width - pad * 2 - 4;
    const x = this.left + pad + 4;
    const items: { h: number; draw?: (y: number) => void }[] = [];
    for (const line of layoutText(title, titleStyle, innerW)) {
      items.push({ h: lineHeight(titleStyle), draw: (y) => this.drawLine(line, x, y, titleStyle) });
    }
    items.push({ h: 2 });
    for (const paragraph of body) {
      for (const line of layoutText(paragraph, bodyStyle, innerW)) {
        items.push({ h: lineHeight(bodyStyle), draw: (y) => this.drawLine(line, x, y, bodyStyle) });
      }
      items.push({ h: 3 });
    }
    const total = items.reduce((a, it) => a + it.h, 0) + pad * 2;
    if (total <= this.bottom - this.top) this.ensure(total);
    else this.ensure(pad * 2 + 40);
    const fill = tone === "brand" ? COLORS.brandSoft : TONES[tone].fill;
    const accent = tone === "brand" ? COLORS.brand : TONES[tone].strong;
    let i = 0;
    while (i < items.length) {
      // as many items as fit on this page
      let h = 0;
      let j = i;
      while (j < items.length && this.y + pad * 2 + h + items[j].h <= this.bottom) h += items[j++].h;
      if (j === i) j = i + 1; // always make progress
      const boxH = pad * 2 + items.slice(i, j).reduce((a, it) => a + it.h, 0);
      this.doc.save().rect(this.left, this.y, this.width, boxH).fill(fill).restore();
      this.doc.save().rect(this.left, this.y, 3, boxH).fill(accent).restore();
      let y = this.y + pad;
      for (let k = i; k < j; k++) {
        items[k].draw?.(y);
        y += items[k].h;
      }
      this.y += boxH;
      i = j;
      if (i < items.length) this.newPage();
    }
  }

  // ------------------------------------------------------------ tables

  private layoutCell(cell: Cell, width: number, base: TextStyle, align: "left" | "right" | "center"): Laid[] {
    const items: CellItem[] =
      typeof cell === "string" ? [{ kind: "text", text: cell }] : Array.isArray(cell) ? cell : [cell];
    const out: Laid[] = [];
    for (const item of items) {
      if (item.kind === "text") {
        const style = { ...base, ...item.style };
        const lh = lineHeight(style);
        for (const line of layoutText(item.text, style, width)) {
          out.push({ height: lh, draw: (x, y, w) => this.drawLine(line, x, y, style, align, w) });
        }
      } else if (item.kind === "badge") {
        // shrink a badge that is wider than its cell rather than overflow it
        const natural = textWidth(item.label, { size: 6.8, weight: "bold" });
        const size = natural + 9 <= width ? 6.8 : Math.max(4.5, (6.8 * (width - 9)) / natural);
        const bw = (natural * size) / 6.8 + 9;
        out.push({
          height: BADGE_H + 2,
          draw: (x, y, w) => {
            const bx = align === "right" ? x + w - bw : align === "center" ? x + (w - bw) / 2 : x;
            this.badge(item.label, item.tone, bx, y + 0.5 + (6.8 - size) / 2, size);
          },
        });
      } else if (item.kind === "bar") {
        out.push({ height: 11, draw: (x, y, w) => this.miniBar(x, y + 1.5, w, item) });
      } else {
        out.push({ height: item.height, draw: () => undefined });
      }
    }
    return out;
  }

  private miniBar(x: number, y: number, w: number, item: Extract<CellItem, { kind: "bar" }>): void {
    const labelStyle: TextStyle = { size: 7.5, weight: "bold", color: COLORS.ink, leading: 1.1 };
    const labelW = item.labelWidth ?? 22;
    const trackW = Math.max(10, w - labelW - 3);
    const frac = Math.max(0, Math.min(1, item.max > 0 ? item.value / item.max : 0));
    this.doc
      .save()
      .roundedRect(x, y + 1.5, trackW, 5, 1.5)
      .fill(COLORS.hairline)
      .restore();
    if (frac > 0)
      this.doc
        .save()
        .roundedRect(x, y + 1.5, Math.max(2, trackW * frac), 5, 1.5)
        .fill(TONES[item.tone].strong)
        .restore();
    if (item.marker !== undefined && item.max > 0) {
      const mx = x + trackW * Math.max(0, Math.min(1, item.marker / item.max));
      this.doc
        .save()
        .moveTo(mx, y - 0.5)
        .lineTo(mx, y + 8.5)
        .lineWidth(1.1)
        .strokeColor(COLORS.ink)
        .stroke()
        .restore();
    }
    this.label(item.label, x + trackW + 3, y - 0.5, labelStyle, "right", labelW);
  }

  /** Draw a table at the cursor. */
  async table(opts: TableOptions): Promise<void> {
    const base: TextStyle = opts.style ?? { size: 7.8, color: COLORS.text, leading: 1.28 };
    const total = opts.columns.reduce((a, c) => a + c.width, 0);
    const x0 = this.left + (opts.indent ?? 0);
    const tableW = this.right - x0;
    const widths = opts.columns.map((c) => (c.width / total) * tableW);
    const xs: number[] = [];
    let cx = x0;
    for (const w of widths) {
      xs.push(cx);
      cx += w;
    }
    const sub = opts.variant === "sub";
    const headStyle: TextStyle = {
      size: sub ? 6.6 : 7,
      weight: "bold",
      color: sub ? COLORS.brand : COLORS.white,
      leading: 1.2,
    };
    const headLines = opts.columns.map((c, i) =>
      layoutText(c.header.toUpperCase(), headStyle, widths[i] - CELL_PAD_X * 2),
    );
    const headH = Math.max(...headLines.map((l) => l.length)) * lineHeight(headStyle) + 8;
    const captionStyle: TextStyle = { size: 7.5, weight: "bold", color: COLORS.muted };

    const drawHeader = (continued: boolean) => {
      if (continued) {
        this.label(this.words.t("pdf.continued", { title: opts.title }), x0, this.y, captionStyle);
        this.y += lineHeight(captionStyle) + 2;
      }
      this.doc
        .save()
        .rect(x0, this.y, tableW, headH)
        .fill(sub ? COLORS.brandSoft : COLORS.brand)
        .restore();
      opts.columns.forEach((c, i) => {
        headLines[i].forEach((line, j) =>
          this.drawLine(
            line,
            xs[i] + CELL_PAD_X,
            this.y + 4 + j * lineHeight(headStyle),
            headStyle,
            c.align ?? "left",
            widths[i] - CELL_PAD_X * 2,
          ),
        );
      });
      this.y += headH;
      this.rowsTop = this.y;
    };
    const pageRoom = () => this.bottom - this.top - headH - lineHeight(captionStyle) - 2;

    let headerOnPage = false;
    for (let r = 0; r < opts.rows.length; r++) {
      const cells = opts.rows[r].map((cell, i) =>
        this.layoutCell(cell, widths[i] - CELL_PAD_X * 2, base, opts.columns[i].align ?? "left"),
      );
      const rowH = Math.max(...cells.map((items) => items.reduce((a, it) => a + it.height, 0))) + CELL_PAD_Y * 2;
      if (!headerOnPage) {
        this.ensure(headH + Math.min(rowH, 80));
        drawHeader(false);
        headerOnPage = true;
      } else if (this.y + rowH > this.bottom && rowH <= pageRoom()) {
        this.newPage();
        drawHeader(true);
      }
      const fill = opts.rowFill?.(r) ?? (opts.zebra !== false && r % 2 === 1 ? COLORS.zebra : null);
      this.drawRow(cells, { x0, tableW, xs, widths, fill, redrawHeader: () => drawHeader(true) });
      await this.pace();
    }
    if (opts.rows.length === 0) {
      this.ensure(headH + 20);
      drawHeader(false);
      this.paragraph("None.", { size: 8, color: COLORS.muted }, { indent: (opts.indent ?? 0) + CELL_PAD_X });
    }
    this.y += 6;
  }

  /** y just below the most recent table header; a row starting here must make progress. */
  private rowsTop = 0;

  /**
   * Draw one table row at the cursor. A row that fits is drawn whole; a row
   * taller than what is left of an empty page continues on the next page,
   * split between lines, under a repeated header.
   */
  private drawRow(
    cells: Laid[][],
    g: { x0: number; tableW: number; xs: number[]; widths: number[]; fill: string | null; redrawHeader: () => void },
  ): void {
    const next = cells.map(() => 0); // index of the first item not drawn yet, per cell
    for (;;) {
      const avail = this.bottom - this.y - CELL_PAD_Y * 2;
      const take = cells.map((items, i) => {
        let h = 0;
        let n = next[i];
        while (n < items.length && h + items[n].height <= avail) h += items[n++].height;
        return n;
      });
      if (take.every((n, i) => n === next[i])) {
        if (this.y > this.rowsTop + 0.5) {
          // nothing fits below the rows already on this page
          this.newPage();
          g.redrawHeader();
          continue;
        }
        // not even one line fits on a fresh page: draw one per cell anyway
        cells.forEach((items, i) => (take[i] = Math.min(items.length, next[i] + 1)));
      }
      let segH = 0;
      cells.forEach((items, i) => {
        let h = 0;
        for (let k = next[i]; k < take[i]; k++) h += items[k].height;
        segH = Math.max(segH, h);
      });
      segH += CELL_PAD_Y * 2;
      if (g.fill) this.doc.save().rect(g.x0, this.y, g.tableW, segH).fill(g.fill).restore();
      cells.forEach((items, i) => {
        let y = this.y + CELL_PAD_Y;
        for (let k = next[i]; k < take[i]; k++) {
          items[k].draw(g.xs[i] + CELL_PAD_X, y, g.widths[i] - CELL_PAD_X * 2);
          y += items[k].height;
        }
        next[i] = take[i];
      });
      this.doc
        .save()
        .moveTo(g.x0, this.y + segH)
        .lineTo(this.right, this.y + segH)
        .lineWidth(0.5)
        .strokeColor(COLORS.rule)
        .stroke()
        .restore();
      this.y += segH;
      if (cells.every((items, i) => next[i] >= items.length)) return;
      this.newPage();
      g.redrawHeader();
    }
  }

  // ------------------------------------------------------------ finishing

  /** Draw the running header and footer with "Page N of M" on every page. */
  private async decoratePages(): Promise<void> {
    const range = this.doc.bufferedPageRange();
    const total = range.count;
    const small: TextStyle = { size: 7, color: COLORS.muted, leading: 1.2 };
    const smallBold: TextStyle = { ...small, weight: "bold", color: COLORS.brand };
    for (let i = range.start; i < range.start + total; i++) {
      this.doc.switchToPage(i);
      this.currentFill = null;
      const w = this.doc.page.width;
      const h = this.doc.page.height;
      const left = MARGIN.left;
      const right = w - MARGIN.right;
      if (!this.noHeader.has(i)) {
        const title = `FLOWDOWN  ·  ${this.opts.headerTitle}`;
        this.label(title, left, 30, smallBold);
        this.label(
          truncateText(this.opts.reference, small, (right - left) / 2),
          left,
          30,
          small,
          "right",
          right - left,
        );
        this.doc.save().moveTo(left, 44).lineTo(right, 44).lineWidth(0.6).strokeColor(COLORS.rule).stroke().restore();
      }
      const fy = h - 40;
      this.doc
        .save()
        .moveTo(left, fy - 6)
        .lineTo(right, fy - 6)
        .lineWidth(0.6)
        .strokeColor(COLORS.rule)
        .stroke()
        .restore();
      this.label(
        truncateText(
          this.words.t("pdf.footer.confidential", { text: this.opts.footerText }),
          small,
          (right - left) * 0.8,
        ),
        left,
        fy,
        small,
      );
      this.label(
        this.words.t("pdf.page", { page: i - range.start + 1, pages: total }),
        left,
        fy,
        { ...small, weight: "bold", color: COLORS.ink },
        "right",
        right - left,
      );
      await this.pace();
    }
  }

  /**
   * Finish the document and stream it to `out`; resolves when `out` has
   * finished. Pages are compressed and written a few at a time with a turn of
   * the event loop in between (pdfkit's own end() would do all at once).
   */
  async finish(out: Writable): Promise<void> {
    await this.decoratePages();
    const done = pipeline(this.doc, out);
    done.catch(() => undefined); // awaited below; keeps an early failure from being reported as unhandled
    // pdfkit 0.20 keeps buffered pages in _pageBuffer and flushPages() ends all of them;
    // hand it a few at a time. Without that field, end() flushes everything at once.
    const internal = this.doc as unknown as { _pageBuffer?: unknown[] };
    if (Array.isArray(internal._pageBuffer)) {
      const all = internal._pageBuffer;
      for (let i = 0; i < all.length && !this.doc.destroyed; i += PAGES_PER_FLUSH) {
        internal._pageBuffer = all.slice(i, i + PAGES_PER_FLUSH);
        this.doc.flushPages();
        await new Promise<void>((resolve) => setImmediate(resolve));
        this.lastYield = performance.now();
      }
    }
    if (!this.doc.destroyed) {
      this.mapComponentGlyphs();
      this.doc.end();
    }
    await done;
  }

  /**
   * Shaping splits some characters into several glyphs (Thai SARA AM into
   * two, in some fonts Arabic letters into a body and dots), and fontkit gives the extra glyphs
   * no characters. pdfkit would write an empty ToUnicode entry for them, which
   * readers turn into control characters; map them to WORD JOINER, an
   * invisible format character that text extraction drops (pdfkit 0.20
   * internals: `_fontFamilies` and each embedded font's `unicode`).
   */
  private mapComponentGlyphs(): void {
    const families = (this.doc as unknown as { _fontFamilies?: Record<string, { unicode?: unknown }> })._fontFamilies;
    for (const font of Object.values(families ?? {})) {
      if (!Array.isArray(font.unicode)) continue;
      const unicode = font.unicode as (number[] | undefined)[];
      for (let gid = 1; gid < unicode.length; gid++) {
        if (unicode[gid]?.length === 0) unicode[gid] = [0x2060];
      }
    }
  }

  get pages(): number {
    return this.pageCount;
  }

  /**
   * Abandon the document after an error during layout. Nothing has been
   * written to the output stream yet (it is attached in `finish`), so the
   * caller still decides what to send instead.
   */
  abort(): void {
    this.doc.destroy();
  }
}
