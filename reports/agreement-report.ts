/**
 * The agreement report: every supplier of one agreement's chain, the
 * compliance matrix, the composed notification windows, the phase gates and
 * the certificates about to expire. `renderAgreementReport(data, out, words)` writes
 * the PDF to `out` and resolves when `out` has finished. Pure: the output
 * depends on `data` only. Long sections yield to the event loop.
 */
import type { Writable } from "node:stream";
import type { RequirementStatus } from "#app/scoring/types";
import { scoreTone, segmentBar, statusBar } from "./charts";
import {
  COLORS,
  type ReportDocument,
  TONES,
  lineHeight,
  textWidth,
  truncateText,
  type CellItem,
  type TextStyle,
} from "./pdf";
import { renderReport, type RenderInfo } from "./scaffold";
import { lifecycleSections } from "./lifecycle-section";
import { INTRO, openSection, SMALL } from "./sections";
import type { AgreementReportData, MatrixCell } from "./types";
import { ASSESSMENT_STATUS_TONE, RATING_TONE, STATUS_CODE, STATUS_ORDER, STATUS_TONE, type Tone } from "#models/labels";
import type { ReportWords } from "./i18n";
import {
  chainRows,
  complianceMatrix,
  linkLocationText,
  linkLocationVerdict,
  VERDICT_TONE,
  phaseViews,
  ratingCounts,
} from "./view";

/** Render the agreement report to `out`, its own words in `w` (see ./i18n). */
export async function renderAgreementReport(
  data: AgreementReportData,
  out: Writable,
  w: ReportWords,
): Promise<RenderInfo> {
  const a = data.agreement;
  // an empty chain has nothing verified: it is neither OK nor failing
  const chainEmpty = data.chain.links.length === 0 && data.chain.errors.length === 0;
  const chainOk = data.chain.ok && data.chain.errors.length === 0;
  const failingLinks = data.chain.links.filter((l) => !l.ok).length;
  const scored = data.suppliers.filter((s) => s.latest).length;
  const expiring = data.expiringCertificates.length;
  const { t } = w;
  const tiers = tierText(data, w);
  return renderReport(
    data,
    {
      kind: "agreement",
      document: {
        title: t("pdf.g.title", { reference: a.reference }),
        subject: t("pdf.g.subject", { reference: a.reference, title: a.title }),
        headerTitle: t("pdf.g.header"),
        reference: `${a.reference} · ${a.title}`,
      },
      cover: {
        kicker: t("pdf.g.kicker"),
        badges: [
          {
            caption: t("pdf.g.badge.chain"),
            label: chainEmpty
              ? t("pdf.g.badge.noSuppliers")
              : chainOk
                ? t("pdf.g.badge.chainOk")
                : t("pdf.g.badge.chainFails", { count: failingLinks }),
            tone: chainEmpty ? "none" : chainOk ? "ok" : "bad",
          },
          {
            caption: t("pdf.g.badge.scored"),
            label: t("pdf.g.badge.scoredValue", { scored, total: data.suppliers.length }),
            tone: scored === data.suppliers.length ? "ok" : "warn",
          },
          { caption: t("pdf.g.badge.expiring"), label: String(expiring), tone: expiring ? "warn" : "ok" },
        ],
        breachWindow: t("pdf.g.breachWindow", { hours: a.breachWindowHours, recipientHours: a.recipientNotifyHours }),
        facts: [
          [t("pdf.g.fact.suppliers"), `${data.suppliers.length}${tiers ? ` (${tiers})` : ""}`],
          [
            t("pdf.g.fact.requirements"),
            t("pdf.g.fact.requirementsValue", {
              count: data.requirements.length,
              knockOuts: data.requirements.filter((r) => r.knockOut).length,
            }),
          ],
          [t("pdf.g.fact.phases"), String(data.phases.length)],
          ...(data.agreement.revision
            ? [
                [t("pdf.g.fact.scoredAgainst"), t("pdf.g.fact.revision", { revision: data.agreement.revision })] as [
                  string,
                  string,
                ],
              ]
            : []),
        ],
      },
      summary,
      sections: [
        suppliersSection,
        matrixSection,
        chainSection,
        phasesSection,
        expiringSection,
        lifecycleSections,
        requirementsSection,
      ],
    },
    out,
    w,
  );
}

// ---------------------------------------------------------------- cover and summary

/** "3 at tier 1, 5 at tier 2", or "" without suppliers */
function tierText(data: AgreementReportData, w: ReportWords): string {
  const tiers = new Map<number, number>();
  for (const s of data.suppliers) tiers.set(s.tier, (tiers.get(s.tier) ?? 0) + 1);
  return [...tiers.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([tier, count]) => w.t("pdf.g.tier", { count, tier }))
    .join(", ");
}

function summary(rd: ReportDocument, data: AgreementReportData): void {
  const { t } = rd.words;
  rd.newPage("portrait");
  rd.heading(t("pdf.summary"), 1, 200);
  const rc = ratingCounts(data.suppliers);
  rd.heading(t("pdf.g.sum.byRating"), 2, 40);
  const segments: { label: string; value: number; tone: Tone }[] = [
    { label: t("pdf.rating.low"), value: rc.low, tone: RATING_TONE.low },
    { label: t("pdf.rating.medium"), value: rc.medium, tone: RATING_TONE.medium },
    { label: t("pdf.rating.high"), value: rc.high, tone: RATING_TONE.high },
    { label: t("pdf.rating.critical"), value: rc.critical, tone: RATING_TONE.critical },
    { label: t("pdf.notScored"), value: rc.unscored, tone: "none" },
  ];
  rd.y += segmentBar(rd, rd.left, rd.y, rd.width, segments) + 8;

  rd.heading(t("pdf.g.sum.allResults"), 2, 40);
  const totals: Record<RequirementStatus, number> = { met: 0, partially_met: 0, not_met: 0, not_answered: 0 };
  for (const s of data.suppliers) if (s.latest) for (const st of STATUS_ORDER) totals[st] += s.latest.counts[st];
  rd.y += statusBar(rd, rd.left, rd.y, rd.width, totals) + 8;

  rd.heading(t("pdf.g.sum.attention"), 2, 40);
  const points: string[] = [];
  const ko = data.suppliers.filter((s) => s.latest && s.latest.knockOutsFailed.length > 0);
  points.push(ko.length ? t("pdf.g.sum.ko", { count: ko.length, names: nameList(ko, rd.words) }) : t("pdf.g.sum.noKo"));
  if (data.chain.links.length === 0) points.push(t("pdf.g.sum.emptyChain"));
  const notify = data.chain.links.filter((l) => !l.notifyOk);
  const hours = data.chain.breachWindowHours;
  if (data.chain.links.length > 0)
    points.push(
      notify.length ? t("pdf.g.sum.notify", { count: notify.length, hours }) : t("pdf.g.sum.notifyOk", { hours }),
    );
  const loc = data.chain.links.filter((l) => !l.locationOk);
  if (data.chain.links.length > 0)
    points.push(
      loc.length
        ? t("pdf.g.sum.location", { count: loc.length })
        : data.chain.links.some((l) => l.locationsCovered?.length)
          ? t("pdf.g.sum.locationCovered", {
              covered: [
                ...new Set(
                  data.chain.links.flatMap((l) =>
                    (l.locationsCovered ?? []).map((c) => `${c.country}: ${c.mechanism}`),
                  ),
                ),
              ].join(", "),
            })
          : t("pdf.g.sum.locationOk"),
    );
  for (const e of data.chain.errors) points.push(t("pdf.g.sum.structure", { error: e }));
  for (const v of phaseViews(data))
    points.push(t("pdf.g.sum.phase", { phase: v.phase.name, cleared: v.clearedCount, count: v.rows.length }));
  if (data.expiringCertificates.length) {
    points.push(t("pdf.g.sum.expiring", { count: data.expiringCertificates.length }));
  }
  const unscored = data.suppliers.filter((s) => !s.latest);
  if (unscored.length) points.push(t("pdf.g.sum.unscored", { names: nameList(unscored, rd.words) }));
  rd.bullets(points, { size: 8.5, color: COLORS.text }, { after: 4 });
}

/** "A, B, C and 12 more (see the suppliers table)" */
function nameList(suppliers: { name: string }[], w: ReportWords, max = 8): string {
  const names = suppliers.slice(0, max).map((s) => s.name);
  return suppliers.length > max
    ? w.t("pdf.g.names.more", { names: names.join(", "), more: suppliers.length - max })
    : names.join(", ");
}

// ---------------------------------------------------------------- suppliers

async function suppliersSection(rd: ReportDocument, data: AgreementReportData): Promise<void> {
  const w = rd.words;
  const { t } = w;
  openSection(rd, t("pdf.g.sup.title"), 90, t("pdf.g.sup.intro"));
  await rd.table({
    title: t("pdf.g.sup.title"),
    columns: [
      { header: t("pdf.col.tier"), width: 30, align: "center" },
      { header: t("pdf.col.supplier"), width: 165 },
      { header: t("pdf.col.assessment"), width: 105 },
      { header: t("pdf.col.score"), width: 85 },
      { header: t("pdf.col.rating"), width: 65 },
      { header: t("pdf.col.koFailed"), width: 75 },
    ],
    rows: data.suppliers.map((s) => {
      const l = s.latest;
      const who: CellItem[] = [
        { kind: "text", text: s.name, style: { weight: "bold", color: COLORS.ink } },
        { kind: "text", text: `${s.service} · ${s.country}`, style: SMALL },
        {
          kind: "text",
          text: s.parentName ? t("pdf.g.sup.worksFor", { parent: s.parentName }) : t("pdf.g.sup.worksForRecipient"),
          style: SMALL,
        },
      ];
      if (!l) {
        return [
          String(s.tier),
          who,
          { kind: "badge", label: t("pdf.notScored"), tone: "none" },
          { kind: "text", text: "—" },
          { kind: "text", text: "—" },
          "—",
        ];
      }
      const assessment: CellItem[] = [
        {
          kind: "badge",
          label: w.upper(t(`labels.assessmentStatus.${l.assessmentStatus}`)),
          tone: ASSESSMENT_STATUS_TONE[l.assessmentStatus],
        },
        { kind: "text", text: t("pdf.g.sup.evaluated", { date: w.day(l.evaluationDate) }), style: SMALL },
      ];
      const score: CellItem[] = [
        { kind: "bar", value: l.score, max: 100, tone: scoreTone(l.score), label: String(l.score) },
      ];
      if (l.capped) score.push({ kind: "text", text: t("pdf.g.sup.capped"), style: SMALL });
      if (l.computedScore !== l.score)
        score.push({ kind: "text", text: t("pdf.g.sup.computed", { score: l.computedScore }), style: SMALL });
      return [
        String(s.tier),
        who,
        assessment,
        score,
        { kind: "badge", label: t(`pdf.rating.${l.rating}`), tone: RATING_TONE[l.rating] },
        l.knockOutsFailed.length
          ? { kind: "text", text: l.knockOutsFailed.join(", "), style: { weight: "bold", color: TONES.bad.text } }
          : t("pdf.none"),
      ];
    }),
  });
}

// ---------------------------------------------------------------- compliance matrix

const CELL_W = 13.2;
const ROW_H = 12.5;
const NAME_W = 168;

function drawMatrixLegend(rd: ReportDocument): void {
  const { t } = rd.words;
  const style: TextStyle = { size: 7.2, color: COLORS.text, leading: 1.2 };
  let x = rd.left;
  const y = rd.y;
  for (const s of STATUS_ORDER) {
    const tone = TONES[STATUS_TONE[s]];
    rd.doc
      .save()
      .rect(x, y - 1, 12, 11)
      .fill(tone.fill)
      .restore();
    rd.label(STATUS_CODE[s], x, y + 0.5, { size: 7, weight: "bold", color: COLORS.ink, leading: 1.2 }, "center", 12);
    x += 15;
    x += rd.label(t(`pdf.status.${s}`), x, y, style) + 14;
  }
  rd.doc
    .save()
    .rect(x, y - 1, 12, 11)
    .lineWidth(1)
    .strokeColor(COLORS.brand)
    .stroke()
    .restore();
  rd.label("*", x, y + 0.5, { size: 7, weight: "bold", color: COLORS.brand, leading: 1.2 }, "center", 12);
  x += 15;
  x += rd.label(t("pdf.g.mx.overridden"), x, y, style) + 14;
  rd.doc
    .save()
    .rect(x, y - 1, 12, 11)
    .fill("#F1F2F4")
    .restore();
  x += 15;
  rd.label(t("pdf.g.mx.noResult"), x, y, style);
  // a second line: results held down by an open audit finding
  const y2 = y + 14;
  rd.label("!", rd.left, y2 + 0.5, { size: 7, weight: "bold", color: COLORS.brand, leading: 1.2 }, "center", 12);
  rd.label(t("pdf.g.mx.finding"), rd.left + 15, y2, style);
  rd.y += 32;
}

async function matrixSection(rd: ReportDocument, data: AgreementReportData): Promise<void> {
  const { t } = rd.words;
  const matrix = complianceMatrix(data);
  rd.newPage("landscape");
  openSection(rd, t("pdf.g.mx.title"), 120, t("pdf.g.mx.intro"), 6);
  drawMatrixLegend(rd);
  const reqs = matrix.requirements;
  if (reqs.length === 0 || matrix.rows.length === 0) {
    rd.paragraph(t("pdf.g.mx.empty"), INTRO);
    return;
  }
  const perBand = Math.max(1, Math.floor((rd.width - NAME_W) / CELL_W));
  const bands = Math.ceil(reqs.length / perBand);
  const idStyle: TextStyle = { size: 6.4, color: COLORS.ink, leading: 1 };
  const headerH = Math.min(90, Math.max(...reqs.map((r) => textWidth(r.id, idStyle))) + 10);
  const captionStyle: TextStyle = { size: 7.5, weight: "bold", color: COLORS.muted };
  const nameStyle: TextStyle = { size: 7.2, color: COLORS.ink, leading: 1.2 };

  for (let b = 0; b < bands; b++) {
    const cols = reqs.slice(b * perBand, (b + 1) * perBand);
    const first = b * perBand + 1;
    const range = { first, last: first + cols.length - 1, total: reqs.length };
    const caption =
      bands > 1 ? t("pdf.g.mx.captionBand", { ...range, band: b + 1, bands }) : t("pdf.g.mx.caption", range);
    const drawHeader = (continued: boolean) => {
      rd.label(continued ? t("pdf.g.mx.continued", { caption }) : caption, rd.left, rd.y, captionStyle);
      rd.y += lineHeight(captionStyle) + 2;
      const top = rd.y;
      rd.doc
        .save()
        .rect(rd.left, top, NAME_W + cols.length * CELL_W, headerH)
        .fill(COLORS.brandSoft)
        .restore();
      rd.label(t("pdf.g.mx.supplier"), rd.left + 4, top + headerH - 12, {
        size: 7,
        weight: "bold",
        color: COLORS.brand,
      });
      cols.forEach((r, i) => {
        const cx = rd.left + NAME_W + i * CELL_W + CELL_W / 2;
        const by = top + headerH - 4;
        rd.isolated(() => {
          rd.doc.rotate(-90, { origin: [cx, by] });
          // after rotating, drawing rightwards from (cx, by) runs upwards on the page
          rd.label(r.id, cx, by - 6.4 * 0.5 - 2, { ...idStyle, weight: r.knockOut ? "bold" : "regular" });
        });
      });
      rd.y = top + headerH;
    };
    if (b > 0) rd.y += 10;
    // start a band on a new page unless a fair share of its rows fits here
    rd.ensure(lineHeight(captionStyle) + 2 + headerH + ROW_H * Math.min(matrix.rows.length, 12));
    drawHeader(false);
    for (let i = 0; i < matrix.rows.length; i++) {
      if (rd.y + ROW_H > rd.bottom) {
        rd.newPage("landscape");
        drawHeader(true);
      }
      const row = matrix.rows[i];
      const y = rd.y;
      if (i % 2 === 1) rd.doc.save().rect(rd.left, y, NAME_W, ROW_H).fill(COLORS.zebra).restore();
      const name = truncateText(`T${row.supplier.tier}  ${row.supplier.name}`, nameStyle, NAME_W - 8);
      rd.label(name, rd.left + 4, y + 2.2, nameStyle);
      const cells = row.cells.slice(b * perBand, b * perBand + cols.length);
      drawMatrixCells(rd, cells, rd.left + NAME_W, y);
      rd.y += ROW_H;
      await rd.pace();
    }
    rd.doc
      .save()
      .moveTo(rd.left, rd.y)
      .lineTo(rd.left + NAME_W + cols.length * CELL_W, rd.y)
      .lineWidth(0.5)
      .strokeColor(COLORS.rule)
      .stroke()
      .restore();
  }
}

function drawMatrixCells(rd: ReportDocument, cells: (MatrixCell | null)[], x0: number, y: number): void {
  const doc = rd.doc;
  const inset = 0.8;
  // one fill per colour per row keeps the content stream small
  const byFill = new Map<string, number[]>();
  cells.forEach((cell, i) => {
    const fill = cell ? TONES[STATUS_TONE[cell.status]].fill : "#F1F2F4";
    const list = byFill.get(fill) ?? [];
    list.push(i);
    byFill.set(fill, list);
  });
  for (const [fill, idx] of byFill) {
    doc.save();
    for (const i of idx) doc.rect(x0 + i * CELL_W + inset, y + inset, CELL_W - 2 * inset, ROW_H - 2 * inset);
    doc.fill(fill).restore();
  }
  const overridden = cells.map((c, i) => (c?.overridden ? i : -1)).filter((i) => i >= 0);
  if (overridden.length) {
    doc.save();
    for (const i of overridden)
      doc.rect(x0 + i * CELL_W + inset + 0.4, y + inset + 0.4, CELL_W - 2 * inset - 0.8, ROW_H - 2 * inset - 0.8);
    doc.lineWidth(0.9).strokeColor(COLORS.brand).stroke().restore();
  }
  // the status letters: one text operation per row, in column order (so the text reads and
  // copies in order); dark letters on the tinted cells read in greyscale too
  rd.gridText(
    cells.map((c) => (c ? STATUS_CODE[c.status] : " ")),
    x0,
    y + 2.4,
    CELL_W,
    7,
    COLORS.ink,
  );
  // overridden cells: a small asterisk in the corner (and the outline drawn above); held down by an open audit finding: "!"
  if (overridden.length || cells.some((c) => c?.finding)) {
    const marks = cells.map((c) => (c?.overridden ? "*" : c?.finding ? "!" : " "));
    rd.gridText(marks, x0 + 4, y - 0.6, CELL_W, 6, COLORS.brand);
  }
}

// ---------------------------------------------------------------- chain

async function chainSection(rd: ReportDocument, data: AgreementReportData): Promise<void> {
  // the chain starts a page of its own after the landscape matrix
  const w = rd.words;
  const { t } = w;
  rd.newPage("portrait");
  const rows = chainRows(data);
  const recipient = data.agreement.recipient;
  openSection(
    rd,
    t("pdf.g.ch.title"),
    90,
    t("pdf.g.ch.intro", {
      recipientHours: data.agreement.recipientNotifyHours,
      hours: data.chain.breachWindowHours,
      jurisdictions: data.agreement.permittedJurisdictions.join(", ") || t("pdf.none"),
    }),
  );
  if (data.chain.errors.length) {
    rd.callout(t("pdf.g.ch.problems"), data.chain.errors, "bad");
    rd.y += 6;
  }
  const maxHours = Math.max(data.chain.breachWindowHours, ...rows.map((r) => r.composedNotifyHours ?? 0)) * 1.05;
  await rd.table({
    title: t("pdf.g.ch.title"),
    columns: [
      { header: t("pdf.col.tier"), width: 30, align: "center" },
      { header: t("pdf.col.path"), width: 185 },
      { header: t("pdf.col.composed"), width: 125 },
      { header: t("pdf.col.location"), width: 80 },
      { header: t("pdf.col.result"), width: 110 },
    ],
    rows: rows.map((r) => {
      const path = [...r.pathNames, recipient].join(" → ");
      const notify: CellItem[] =
        r.composedNotifyHours === null
          ? [
              { kind: "badge", label: t("pdf.g.ch.unknown"), tone: "none" },
              { kind: "text", text: t("pdf.g.ch.window", { hours: r.windowHours }), style: SMALL },
            ]
          : [
              {
                kind: "bar",
                value: r.composedNotifyHours,
                max: maxHours,
                marker: r.windowHours,
                tone: r.notifyOk ? "ok" : "bad",
                label: t("pdf.g.ch.bar", { composed: r.composedNotifyHours, hours: r.windowHours }),
                labelWidth: 48,
              },
              {
                kind: "text",
                text: r.notifyOk ? t("pdf.g.ch.within") : t("pdf.g.ch.exceeds"),
                style: {
                  ...SMALL,
                  weight: r.notifyOk ? "regular" : "bold",
                  color: r.notifyOk ? COLORS.muted : TONES.bad.text,
                },
              },
            ];
      const locationVerdict = linkLocationVerdict(r);
      const location: CellItem[] =
        locationVerdict === "ok"
          ? r.locationsCovered?.length
            ? [
                { kind: "badge", label: t("pdf.g.ch.covered"), tone: "ok" },
                { kind: "text", text: linkLocationText(r, w), style: SMALL },
              ]
            : [{ kind: "badge", label: t("pdf.g.ch.permitted"), tone: "ok" }]
          : locationVerdict === "unknown"
            ? [
                { kind: "badge", label: t("pdf.g.ch.unknown"), tone: VERDICT_TONE.unknown },
                { kind: "text", text: t("pdf.g.ch.notAnswered"), style: SMALL },
              ]
            : [
                { kind: "badge", label: t("pdf.g.ch.violation"), tone: "bad" },
                ...r.locationViolations.map(
                  (v): CellItem => ({
                    kind: "text",
                    text: `${v.country} (${supplierName(data, v.supplierId)})`,
                    style: SMALL,
                  }),
                ),
              ];
      return [
        String(r.tier),
        [
          { kind: "text", text: r.supplierName, style: { weight: "bold", color: COLORS.ink } },
          { kind: "text", text: path, style: SMALL },
        ],
        notify,
        location,
        [
          { kind: "badge", label: r.ok ? t("pdf.g.ch.linkOk") : t("pdf.g.ch.linkFails"), tone: r.ok ? "ok" : "bad" },
          ...r.reasons.map((reason): CellItem => ({ kind: "text", text: reason, style: { size: 7 } })),
        ],
      ];
    }),
  });
}

function supplierName(data: AgreementReportData, id: string): string {
  return data.suppliers.find((s) => s.id === id)?.name ?? id;
}

// ---------------------------------------------------------------- phases

async function phasesSection(rd: ReportDocument, data: AgreementReportData): Promise<void> {
  const { t } = rd.words;
  openSection(rd, t("pdf.g.ph.title"), 90, t("pdf.g.ph.intro"), 4);
  const views = phaseViews(data);
  if (!views.length) {
    rd.paragraph(t("pdf.g.ph.none"), INTRO);
    return;
  }
  for (const v of views) {
    rd.heading(t("pdf.g.ph.heading", { phase: v.phase.name, cleared: v.clearedCount, total: v.rows.length }), 2, 70);
    rd.facts(
      [
        [t("pdf.g.ph.purpose"), v.phase.purpose],
        [t("pdf.g.ph.classes"), v.phase.classes.join(", ") || t("pdf.none")],
        [t("pdf.g.ph.required"), v.phase.requiredRequirementIds.join(", ") || t("pdf.none")],
        [
          t("pdf.g.ph.permitted"),
          v.phase.permittedSupplierIds.length
            ? v.phase.permittedSupplierIds.map((id) => supplierName(data, id)).join(", ")
            : t("pdf.g.ph.anySupplier"),
        ],
      ],
      2,
      { valueStyle: { size: 8.3, color: COLORS.ink } },
    );
    await rd.table({
      title: v.phase.name,
      columns: [
        { header: t("pdf.col.supplier"), width: 190 },
        { header: t("pdf.col.clearance"), width: 85 },
        { header: t("pdf.col.reasons"), width: 230 },
      ],
      rows: v.rows.map((r) => [
        { kind: "text", text: r.supplierName, style: { weight: "bold", color: COLORS.ink } },
        {
          kind: "badge",
          label: r.cleared ? t("pdf.g.ph.cleared") : t("pdf.g.ph.notCleared"),
          tone: r.cleared ? "ok" : "bad",
        },
        r.reasons.join(" "),
      ]),
    });
  }
}

// ---------------------------------------------------------------- certificates, requirements

async function expiringSection(rd: ReportDocument, data: AgreementReportData): Promise<void> {
  const w = rd.words;
  const { t } = w;
  rd.heading(t("pdf.g.exp.title"), 1, 80);
  if (!data.expiringCertificates.length) {
    rd.paragraph(t("pdf.g.exp.none", { date: w.day(data.generatedAt) }), INTRO, { after: 4 });
    return;
  }
  rd.paragraph(t("pdf.g.exp.asOf", { date: w.day(data.generatedAt) }), INTRO, { after: 8 });
  await rd.table({
    title: t("pdf.g.exp.title"),
    columns: [
      { header: t("pdf.col.supplier"), width: 150 },
      { header: t("pdf.col.certificate"), width: 130 },
      { header: t("pdf.col.body"), width: 120 },
      { header: t("pdf.col.expires"), width: 65 },
      { header: t("pdf.col.daysLeft"), width: 55, align: "center" },
    ],
    rows: data.expiringCertificates.map((c) => [
      { kind: "text", text: c.supplierName, style: { weight: "bold", color: COLORS.ink } },
      [
        { kind: "text", text: c.standard },
        { kind: "text", text: t("pdf.certNumber", { number: c.certificateNumber }), style: SMALL },
      ],
      c.certificationBody,
      w.day(c.expiryDate),
      {
        kind: "badge",
        label: t("pdf.g.exp.days", { count: c.daysLeft }),
        tone: c.daysLeft <= 30 ? "bad" : c.daysLeft <= 60 ? "warn" : "info",
      },
    ]),
  });
}

async function requirementsSection(rd: ReportDocument, data: AgreementReportData): Promise<void> {
  const { t } = rd.words;
  openSection(rd, t("pdf.g.req.title"), 80, t("pdf.g.req.intro"));
  await rd.table({
    title: t("pdf.g.req.title"),
    columns: [
      { header: "#", width: 26, align: "right" },
      { header: t("pdf.col.id"), width: 72 },
      { header: t("pdf.col.requirement"), width: 200 },
      { header: t("pdf.col.category"), width: 120 },
      { header: t("pdf.col.weight"), width: 50, align: "center" },
      { header: t("pdf.col.knockOut"), width: 70, align: "center" },
    ],
    rows: data.requirements.map((r, i) => [
      String(i + 1),
      { kind: "text", text: r.id, style: { weight: "bold", color: COLORS.ink } },
      r.title,
      rd.words.category(r.category),
      String(r.weight),
      r.knockOut ? { kind: "badge", label: t("pdf.knockOut"), tone: "warn" } : "—",
    ]),
  });
}
