/** Parts both reports share: the cover band and facts, badges, section openings, the glossary, the verification block. */
import {
  COLORS,
  layoutText,
  lineHeight,
  textWidth,
  truncateText,
  type CellItem,
  type Line,
  type ReportDocument,
  type TextStyle,
} from "./pdf";
import type { GlossaryEntry, ReportAgreement, ReportMeta } from "./types";
import { type Tone } from "#models/labels";
import { verificationText } from "./view";
import type { ReportWords } from "./i18n";

/** Notes under tables and figures. */
export const SMALL: TextStyle = { size: 7.2, color: COLORS.muted, leading: 1.28 };

/** The muted lines that introduce a section. */
export const INTRO: TextStyle = { size: 8.5, color: COLORS.muted };

/** A section's heading (kept with `keep` points after it) and the lines that introduce it. */
export function openSection(rd: ReportDocument, title: string, keep: number, intro: string, after = 8): void {
  rd.heading(title, 1, keep);
  rd.paragraph(intro, INTRO, { after });
}

/** The agreement's facts every cover starts with (its title again when the band had to shorten it). */
export function agreementFacts(
  a: ReportAgreement,
  shortenedTitle: boolean,
  breachWindow: string,
  w: ReportWords,
): [string, string][] {
  const { t } = w;
  return [
    ...(shortenedTitle ? ([[t("pdf.fact.agreement"), a.title]] as [string, string][]) : []),
    [t("pdf.fact.reference"), a.reference],
    [t("pdf.fact.term"), t("pdf.fact.termValue", { from: w.day(a.effectiveDate), to: w.day(a.endDate) })],
    [t("pdf.fact.discloser"), a.discloser],
    [t("pdf.fact.recipient"), a.recipient],
    [t("pdf.fact.breachWindow"), breachWindow],
    [t("pdf.fact.jurisdictions"), a.permittedJurisdictions.join(", ") || t("pdf.none")],
    [t("pdf.fact.certification"), a.requiredCertifications.join(", ") || t("pdf.none")],
  ];
}

/** The facts line naming the report itself. */
export function reportFact(meta: ReportMeta, w: ReportWords): [string, string] {
  return [
    w.t("pdf.fact.report"),
    w.t("pdf.fact.reportValue", { version: meta.version, at: w.moment(meta.generatedAt), by: meta.generatedBy }),
  ];
}

/**
 * Lines of `text` at the largest of `sizes` that needs at most `maxLines`;
 * at the smallest size, the last line is cut with "…".
 */
export function fitLines(
  text: string,
  style: TextStyle,
  width: number,
  sizes: number[],
  maxLines: number,
): { lines: Line[]; style: TextStyle; cut: boolean } {
  for (const size of sizes) {
    const st = { ...style, size };
    const lines = layoutText(text, st, width);
    if (lines.length <= maxLines) return { lines, style: st, cut: false };
  }
  const st = { ...style, size: sizes[sizes.length - 1] };
  const all = layoutText(text, st, width);
  const rest = all
    .slice(maxLines - 1)
    .map((l) => l.runs.map((r) => r.text).join(""))
    .join(" ");
  const lines = all.slice(0, maxLines - 1);
  lines.push(layoutText(truncateText(rest, st, width), st, width)[0]);
  return { lines, style: st, cut: true };
}

/**
 * The coloured band at the top of a cover page; leaves the cursor below it.
 * Returns true when the title had to be shortened (print it in full elsewhere).
 */
export function coverBand(rd: ReportDocument, kicker: string, title: string, subtitle: string): boolean {
  const doc = rd.doc;
  const w = doc.page.width;
  const fittedTitle = fitLines(
    title,
    { size: 24, weight: "bold", color: COLORS.white, leading: 1.15 },
    rd.width,
    [24, 20, 16],
    4,
  );
  const fittedSub = fitLines(subtitle, { size: 10, color: "#D3DEEB", leading: 1.35 }, rd.width, [10, 9], 3);
  const titleStyle = fittedTitle.style;
  const subStyle = fittedSub.style;
  const titleLines = fittedTitle.lines;
  const subLines = fittedSub.lines;
  const h = 58 + titleLines.length * lineHeight(titleStyle) + 6 + subLines.length * lineHeight(subStyle) + 26;
  doc.save().rect(0, 0, w, h).fill(COLORS.brand).restore();
  doc.save().rect(0, h, w, 4).fill("#3B6EA5").restore();
  rd.label(kicker, rd.left, 36, { size: 8.5, weight: "bold", color: "#A9BED6", leading: 1 });
  let y = 56;
  for (const line of titleLines) {
    rd.drawLine(line, rd.left, y, titleStyle);
    y += lineHeight(titleStyle);
  }
  y += 6;
  for (const line of subLines) {
    rd.drawLine(line, rd.left, y, subStyle);
    y += lineHeight(subStyle);
  }
  rd.y = h + 30;
  return fittedTitle.cut || fittedSub.cut;
}

export interface Badge {
  caption: string;
  label: string;
  tone: Tone;
}

/** A row of badges with small captions above them. */
export function badgeRow(rd: ReportDocument, items: Badge[]): void {
  const cap: TextStyle = { size: 6.8, weight: "bold", color: COLORS.muted, leading: 1.2 };
  const rowHeight = 11 + 9 + 4.7 + 14;
  const gap = 18;
  rd.ensure(rowHeight);
  let x = rd.left;
  for (const item of items) {
    const caption = item.caption.toUpperCase();
    // each item is as wide as the wider of its caption and its badge: a short badge ("0") under a
    // long caption must not let the next caption start on top of this one
    const w = Math.max(textWidth(caption, cap), textWidth(item.label, { size: 9, weight: "bold" }) + 9, 70);
    if (x > rd.left && x + w > rd.right) {
      rd.y += rowHeight;
      rd.ensure(rowHeight);
      x = rd.left;
    }
    rd.label(caption, x, rd.y, cap);
    rd.badge(item.label, item.tone, x, rd.y + 11, 9);
    x += w + gap;
  }
  rd.y += rowHeight;
}

/** A thin divider at the cursor. */
export function divider(rd: ReportDocument, space = 10): void {
  rd.ensure(space * 2);
  rd.y += space;
  rd.doc.save().moveTo(rd.left, rd.y).lineTo(rd.right, rd.y).lineWidth(0.5).strokeColor(COLORS.rule).stroke().restore();
  rd.y += space;
}

/**
 * The agreement's glossary as an annex on its own page: each term with its
 * agreed definition, then the term and definition in every other language
 * the parties agreed (names of languages as their speakers write them).
 */
export async function glossarySection(rd: ReportDocument, glossary: GlossaryEntry[] | undefined): Promise<void> {
  if (!glossary || glossary.length === 0) return;
  const { t } = rd.words;
  rd.newPage("portrait");
  openSection(rd, t("pdf.glossary.title"), 60, t("pdf.glossary.intro"));
  await rd.table({
    title: t("pdf.glossary.title"),
    columns: [
      { header: t("pdf.glossary.term"), width: 130 },
      { header: t("pdf.glossary.definition"), width: 370 },
    ],
    rows: glossary.map((g) => [
      { kind: "text", text: g.term, style: { weight: "bold", color: COLORS.ink } },
      [
        { kind: "text", text: g.definition },
        ...(g.translations ?? []).flatMap((t): CellItem[] => [
          { kind: "gap", height: 4 },
          { kind: "text", text: `${t.languageName}: ${t.term}`, style: { weight: "bold", color: COLORS.muted } },
          { kind: "text", text: t.definition },
        ]),
      ],
    ]),
  });
}

export function verificationSection(rd: ReportDocument, meta: ReportMeta): void {
  const w = rd.words;
  rd.heading(w.t("pdf.verification.title"), 1, 90);
  const [how, recorded] = verificationText(meta, w);
  rd.callout(w.t("pdf.verification.callout"), [
    how,
    recorded,
    w.t("pdf.verification.generated", { version: meta.version, at: w.moment(meta.generatedAt), by: meta.generatedBy }),
  ]);
  // a placeholder line where a reader can note the hash they computed
  rd.ensure(40);
  rd.y += 14;
  rd.label(w.t("pdf.verification.hashLine", { version: meta.version }), rd.left, rd.y, {
    size: 8,
    color: COLORS.muted,
  });
  rd.y += 22;
  rd.doc
    .save()
    .moveTo(rd.left, rd.y)
    .lineTo(rd.right, rd.y)
    .lineWidth(0.6)
    .dash(2, { space: 2 })
    .strokeColor(COLORS.faint)
    .stroke()
    .undash()
    .restore();
  rd.y += 8;
}
