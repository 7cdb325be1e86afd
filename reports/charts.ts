/**
 * Vector charts for the reports. Every chart prints its numbers and labels
 * as text too, so it reads in greyscale and survives text extraction.
 */
import type { RequirementStatus } from "#app/scoring/types";
import { COLORS, TONES, type ReportDocument, type TextStyle } from "./pdf";
import { STATUS_ORDER, STATUS_TONE, type Tone } from "#models/labels";

/** Tone of a 0–100 compliance score. */
export function scoreTone(score: number): Tone {
  return score >= 70 ? "ok" : score >= 40 ? "warn" : "bad";
}

function point(cx: number, cy: number, r: number, fraction: number): [number, number] {
  const a = Math.PI * (1 - fraction);
  return [cx + r * Math.cos(a), cy - r * Math.sin(a)];
}

/** SVG path of a ring sector of the upper half circle between two fractions (0 = left, 1 = right). */
function sector(cx: number, cy: number, r: number, thickness: number, f0: number, f1: number): string {
  const ri = r - thickness;
  const [x0, y0] = point(cx, cy, r, f0);
  const [x1, y1] = point(cx, cy, r, f1);
  const [x2, y2] = point(cx, cy, ri, f1);
  const [x3, y3] = point(cx, cy, ri, f0);
  const f = (n: number) => n.toFixed(2);
  return (
    `M ${f(x0)} ${f(y0)} A ${f(r)} ${f(r)} 0 0 1 ${f(x1)} ${f(y1)} ` +
    `L ${f(x2)} ${f(y2)} A ${f(ri)} ${f(ri)} 0 0 0 ${f(x3)} ${f(y3)} Z`
  );
}

/**
 * A half-circle gauge of a 0–100 score with the bands 0–39, 40–69 and 70–100,
 * the score in large figures and an optional cap marker. Occupies width × (width / 2 + 34).
 */
export function scoreGauge(
  rd: ReportDocument,
  x: number,
  y: number,
  width: number,
  score: number,
  opts: { cap?: number | null; caption?: string } = {},
): number {
  const doc = rd.doc;
  const r = width / 2 - 6;
  const cx = x + width / 2;
  const cy = y + r + 6;
  const value = Math.max(0, Math.min(100, score)) / 100;
  // band ring (outer, thin)
  const bands: [number, number, Tone][] = [
    [0, 0.4, "bad"],
    [0.4, 0.7, "warn"],
    [0.7, 1, "ok"],
  ];
  for (const [a, b, tone] of bands) {
    doc
      .save()
      .path(sector(cx, cy, r, 5, a + 0.003, b - 0.003))
      .fill(TONES[tone].strong)
      .restore();
  }
  // track and value (inner, thick)
  doc
    .save()
    .path(sector(cx, cy, r - 8, 18, 0, 1))
    .fill(COLORS.hairline)
    .restore();
  if (value > 0)
    doc
      .save()
      .path(sector(cx, cy, r - 8, 18, 0, value))
      .fill(TONES[scoreTone(score)].strong)
      .restore();
  // cap marker
  if (opts.cap !== null && opts.cap !== undefined) {
    const [ox, oy] = point(cx, cy, r + 3, opts.cap / 100);
    const [ix, iy] = point(cx, cy, r - 30, opts.cap / 100);
    doc
      .save()
      .moveTo(ox, oy)
      .lineTo(ix, iy)
      .lineWidth(1.2)
      .dash(2, { space: 1.5 })
      .strokeColor(COLORS.ink)
      .stroke()
      .undash()
      .restore();
  }
  // tick labels
  const tick: TextStyle = { size: 6.5, color: COLORS.muted, leading: 1 };
  for (const t of [0, 40, 70, 100]) {
    const [tx, ty] = point(cx, cy, r + 8, t / 100);
    const w = 20;
    const align = t === 0 ? "right" : t === 100 ? "left" : "center";
    const bx = align === "right" ? tx - w + 2 : align === "left" ? tx - 2 : tx - w / 2;
    rd.label(String(t), bx, ty - (t === 0 || t === 100 ? -2 : 7), tick, align, w);
  }
  // the figure
  const big: TextStyle = { size: 30, weight: "bold", color: COLORS.ink, leading: 1 };
  rd.label(String(score), cx - r, cy - 36, big, "center", 2 * r);
  rd.label("out of 100", cx - r, cy - 6, { size: 7.5, color: COLORS.muted, leading: 1 }, "center", 2 * r);
  if (opts.caption) {
    rd.label(opts.caption, x, cy + 8, { size: 8, weight: "bold", color: COLORS.ink, leading: 1.2 }, "center", width);
  }
  return cy + 22 - y;
}

/** A white line between two segments of a bar, so they stay distinct in greyscale. */
function separator(rd: ReportDocument, x: number, y: number, h: number): void {
  rd.doc
    .save()
    .moveTo(x, y)
    .lineTo(x, y + h)
    .lineWidth(1)
    .strokeColor(COLORS.white)
    .stroke()
    .restore();
}

/** The colour square before a legend entry whose text starts at y. */
function swatch(rd: ReportDocument, x: number, y: number, color: string): void {
  rd.doc
    .save()
    .rect(x, y + 1, 8, 8)
    .fill(color)
    .restore();
}

/** A stacked horizontal bar of status counts with a text legend below. Returns the height used. */
export function statusBar(
  rd: ReportDocument,
  x: number,
  y: number,
  width: number,
  counts: Record<RequirementStatus, number>,
): number {
  const doc = rd.doc;
  const total = STATUS_ORDER.reduce((a, s) => a + counts[s], 0);
  const h = 16;
  doc.save().rect(x, y, width, h).fill(COLORS.hairline).restore();
  let cx = x;
  for (const s of STATUS_ORDER) {
    const n = counts[s];
    if (!n || !total) continue;
    const w = (n / total) * width;
    const tone = TONES[STATUS_TONE[s]];
    doc.save().rect(cx, y, w, h).fill(tone.strong).restore();
    if (w >= 16)
      rd.label(String(n), cx, y + 3.6, { size: 7.5, weight: "bold", color: COLORS.white, leading: 1 }, "center", w);
    cx += w;
  }
  // separators keep segments distinct in greyscale
  cx = x;
  for (const s of STATUS_ORDER) {
    if (!counts[s] || !total) continue;
    cx += (counts[s] / total) * width;
    if (cx < x + width - 0.5) separator(rd, cx, y, h);
  }
  // legend
  const ly = y + h + 6;
  const legend: TextStyle = { size: 7.5, color: COLORS.text, leading: 1.2 };
  let lx = x;
  for (const s of STATUS_ORDER) {
    swatch(rd, lx, ly, TONES[STATUS_TONE[s]].strong);
    const text = `${rd.words.t(`pdf.status.${s}`)} ${counts[s]}`;
    const w = rd.label(text, lx + 11, ly, { ...legend, weight: "bold" });
    lx += 11 + w + 14;
  }
  rd.label(
    rd.words.t("pdf.requirementsCount", { count: total }),
    x,
    ly,
    { ...legend, color: COLORS.muted },
    "right",
    width,
  );
  return h + 6 + 12;
}

/** A stacked bar of arbitrary labelled segments (e.g. suppliers by rating). Returns the height used. */
export function segmentBar(
  rd: ReportDocument,
  x: number,
  y: number,
  width: number,
  segments: { label: string; value: number; tone: Tone }[],
): number {
  const doc = rd.doc;
  const total = segments.reduce((a, s) => a + s.value, 0);
  const h = 16;
  doc.save().rect(x, y, width, h).fill(COLORS.hairline).restore();
  let cx = x;
  for (const s of segments) {
    if (!s.value || !total) continue;
    const w = (s.value / total) * width;
    doc.save().rect(cx, y, w, h).fill(TONES[s.tone].strong).restore();
    if (w >= 16)
      rd.label(
        String(s.value),
        cx,
        y + 3.6,
        { size: 7.5, weight: "bold", color: COLORS.white, leading: 1 },
        "center",
        w,
      );
    cx += w;
    if (cx < x + width - 0.5) separator(rd, cx, y, h);
  }
  const ly = y + h + 6;
  let lx = x;
  for (const s of segments) {
    swatch(rd, lx, ly, TONES[s.tone].strong);
    const w = rd.label(`${s.label} ${s.value}`, lx + 11, ly, {
      size: 7.5,
      weight: "bold",
      color: COLORS.text,
      leading: 1.2,
    });
    lx += 11 + w + 14;
  }
  return h + 6 + 12;
}
