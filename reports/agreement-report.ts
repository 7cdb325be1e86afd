/**
 * The agreement report: every supplier of one agreement's chain, the
 * compliance matrix, the composed notification windows, the phase gates and
 * the certificates about to expire. `renderAgreementReport(data, out)` writes
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
import { INTRO, openSection, SMALL } from "./sections";
import type { AgreementReportData, MatrixCell } from "./types";
import {
  ASSESSMENT_STATUS_TEXT,
  ASSESSMENT_STATUS_TONE,
  RATING_TEXT,
  RATING_TONE,
  STATUS_CODE,
  STATUS_ORDER,
  STATUS_TEXT,
  STATUS_TONE,
  type Tone,
} from "#models/labels";
import {
  chainRows,
  complianceMatrix,
  linkLocationText,
  linkLocationVerdict,
  NOTIFY_VERDICT_TEXT,
  VERDICT_TONE,
  formatDate,
  phaseViews,
  ratingCounts,
} from "./view";

/** Render the agreement report to `out`. */
export async function renderAgreementReport(data: AgreementReportData, out: Writable): Promise<RenderInfo> {
  const a = data.agreement;
  // an empty chain has nothing verified: it is neither OK nor failing
  const chainEmpty = data.chain.links.length === 0 && data.chain.errors.length === 0;
  const chainOk = data.chain.ok && data.chain.errors.length === 0;
  const failingLinks = data.chain.links.filter((l) => !l.ok).length;
  const scored = data.suppliers.filter((s) => s.latest).length;
  const expiring = data.expiringCertificates.length;
  const tiers = tierText(data);
  return renderReport(
    data,
    {
      kind: "agreement",
      document: {
        title: `Agreement report — ${a.reference}`,
        subject: `Flow-down compliance of the subcontractor chain under ${a.reference} (${a.title})`,
        headerTitle: "Agreement report",
        reference: `${a.reference} · ${a.title}`,
      },
      cover: {
        kicker: "FLOWDOWN · AGREEMENT REPORT",
        badges: [
          {
            caption: "Subcontractor chain",
            label: chainEmpty
              ? "NO SUPPLIERS YET"
              : chainOk
                ? "CHAIN OK"
                : `CHAIN FAILS (${failingLinks} LINK${failingLinks === 1 ? "" : "S"})`,
            tone: chainEmpty ? "none" : chainOk ? "ok" : "bad",
          },
          {
            caption: "Suppliers scored",
            label: `${scored} OF ${data.suppliers.length}`,
            tone: scored === data.suppliers.length ? "ok" : "warn",
          },
          { caption: "Certificates expiring ≤ 90 days", label: String(expiring), tone: expiring ? "warn" : "ok" },
        ],
        breachWindow: `${a.breachWindowHours} h for the whole chain (recipient uses ${a.recipientNotifyHours} h)`,
        facts: [
          ["Suppliers", `${data.suppliers.length}${tiers ? ` (${tiers})` : ""}`],
          [
            "Flow-down requirements",
            `${data.requirements.length} (${data.requirements.filter((r) => r.knockOut).length} knock-out)`,
          ],
          ["Disclosure phases", String(data.phases.length)],
          ...(data.agreement.revision
            ? [["Results scored against", `agreement revision ${data.agreement.revision}`] as [string, string]]
            : []),
        ],
      },
      summary,
      sections: [suppliersSection, matrixSection, chainSection, phasesSection, expiringSection, requirementsSection],
    },
    out,
  );
}

// ---------------------------------------------------------------- cover and summary

/** "3 at tier 1, 5 at tier 2", or "" without suppliers */
function tierText(data: AgreementReportData): string {
  const tiers = new Map<number, number>();
  for (const s of data.suppliers) tiers.set(s.tier, (tiers.get(s.tier) ?? 0) + 1);
  return [...tiers.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([t, n]) => `${n} at tier ${t}`)
    .join(", ");
}

function summary(rd: ReportDocument, data: AgreementReportData): void {
  rd.newPage("portrait");
  rd.heading("Summary", 1, 200);
  const rc = ratingCounts(data.suppliers);
  rd.heading("Suppliers by risk rating", 2, 40);
  const segments: { label: string; value: number; tone: Tone }[] = [
    { label: "LOW", value: rc.low, tone: RATING_TONE.low },
    { label: "MEDIUM", value: rc.medium, tone: RATING_TONE.medium },
    { label: "HIGH", value: rc.high, tone: RATING_TONE.high },
    { label: "CRITICAL", value: rc.critical, tone: RATING_TONE.critical },
    { label: "NOT SCORED", value: rc.unscored, tone: "none" },
  ];
  rd.y += segmentBar(rd, rd.left, rd.y, rd.width, segments) + 8;

  rd.heading("All requirement results across the chain", 2, 40);
  const totals: Record<RequirementStatus, number> = { met: 0, partially_met: 0, not_met: 0, not_answered: 0 };
  for (const s of data.suppliers) if (s.latest) for (const st of STATUS_ORDER) totals[st] += s.latest.counts[st];
  rd.y += statusBar(rd, rd.left, rd.y, rd.width, totals) + 8;

  rd.heading("Points needing attention", 2, 40);
  const points: string[] = [];
  const ko = data.suppliers.filter((s) => s.latest && s.latest.knockOutsFailed.length > 0);
  points.push(
    ko.length
      ? `${ko.length} supplier${
          ko.length === 1 ? " has" : "s have"
        } a failed knock-out requirement (score capped): ${nameList(ko)}.`
      : "No supplier has a failed knock-out requirement.",
  );
  if (data.chain.links.length === 0)
    points.push("No supplier is named in the subcontractor chain yet: nothing in the chain has been verified.");
  const notify = data.chain.links.filter((l) => !l.notifyOk);
  if (data.chain.links.length > 0)
    points.push(
      notify.length
        ? `${notify.length} chain link${notify.length === 1 ? "" : "s"} cannot be shown to notify within the ${
            data.chain.breachWindowHours
          } h window.`
        : `Every chain link notifies within the ${data.chain.breachWindowHours} h window.`,
    );
  const loc = data.chain.links.filter((l) => !l.locationOk);
  if (data.chain.links.length > 0)
    points.push(
      loc.length
        ? `${loc.length} chain link${
            loc.length === 1 ? "" : "s"
          } store or access information outside the permitted jurisdictions.`
        : data.chain.links.some((l) => l.locationsCovered?.length)
          ? "Every tier keeps information in the permitted jurisdictions or where a transfer mechanism the agreement " +
            `accepts covers it (${[
              ...new Set(
                data.chain.links.flatMap((l) => (l.locationsCovered ?? []).map((c) => `${c.country}: ${c.mechanism}`)),
              ),
            ].join(", ")}).`
          : "Every tier stays within the permitted jurisdictions.",
    );
  for (const e of data.chain.errors) points.push(`Chain structure: ${e}`);
  for (const v of phaseViews(data))
    points.push(
      `${v.phase.name}: ${v.clearedCount} of ${v.rows.length} supplier${v.rows.length === 1 ? "" : "s"} cleared.`,
    );
  if (data.expiringCertificates.length) {
    points.push(
      `${data.expiringCertificates.length} certificate${
        data.expiringCertificates.length === 1 ? "" : "s"
      } expire within 90 days.`,
    );
  }
  const unscored = data.suppliers.filter((s) => !s.latest);
  if (unscored.length) points.push(`No scored assessment yet: ${nameList(unscored)}.`);
  rd.bullets(points, { size: 8.5, color: COLORS.text }, { after: 4 });
}

/** "A, B, C and 12 more (see the suppliers table)" */
function nameList(suppliers: { name: string }[], max = 8): string {
  const names = suppliers.slice(0, max).map((s) => s.name);
  return suppliers.length > max
    ? `${names.join(", ")} and ${suppliers.length - max} more (see the suppliers table)`
    : names.join(", ");
}

// ---------------------------------------------------------------- suppliers

async function suppliersSection(rd: ReportDocument, data: AgreementReportData): Promise<void> {
  openSection(rd, "Suppliers", 90, "Each supplier of the chain with its latest scored assessment.");
  await rd.table({
    title: "Suppliers",
    columns: [
      { header: "Tier", width: 30, align: "center" },
      { header: "Supplier", width: 165 },
      { header: "Assessment", width: 105 },
      { header: "Score", width: 85 },
      { header: "Rating", width: 65 },
      { header: "Knock-outs failed", width: 75 },
    ],
    rows: data.suppliers.map((s) => {
      const l = s.latest;
      const who: CellItem[] = [
        { kind: "text", text: s.name, style: { weight: "bold", color: COLORS.ink } },
        { kind: "text", text: `${s.service} · ${s.country}`, style: SMALL },
        { kind: "text", text: s.parentName ? `works for ${s.parentName}` : "works for the recipient", style: SMALL },
      ];
      if (!l) {
        return [
          String(s.tier),
          who,
          { kind: "badge", label: "NOT SCORED", tone: "none" },
          { kind: "text", text: "—" },
          { kind: "text", text: "—" },
          "—",
        ];
      }
      const assessment: CellItem[] = [
        {
          kind: "badge",
          label: ASSESSMENT_STATUS_TEXT[l.assessmentStatus].toUpperCase(),
          tone: ASSESSMENT_STATUS_TONE[l.assessmentStatus],
        },
        { kind: "text", text: `evaluated ${formatDate(l.evaluationDate)}`, style: SMALL },
      ];
      const score: CellItem[] = [
        { kind: "bar", value: l.score, max: 100, tone: scoreTone(l.score), label: String(l.score) },
      ];
      if (l.capped) score.push({ kind: "text", text: "capped by knock-out", style: SMALL });
      if (l.computedScore !== l.score) score.push({ kind: "text", text: `computed: ${l.computedScore}`, style: SMALL });
      return [
        String(s.tier),
        who,
        assessment,
        score,
        { kind: "badge", label: RATING_TEXT[l.rating], tone: RATING_TONE[l.rating] },
        l.knockOutsFailed.length
          ? { kind: "text", text: l.knockOutsFailed.join(", "), style: { weight: "bold", color: TONES.bad.text } }
          : "none",
      ];
    }),
  });
}

// ---------------------------------------------------------------- compliance matrix

const CELL_W = 13.2;
const ROW_H = 12.5;
const NAME_W = 168;

function drawMatrixLegend(rd: ReportDocument): void {
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
    x += rd.label(STATUS_TEXT[s], x, y, style) + 14;
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
  x += rd.label("OVERRIDDEN (effective result shown, computed in the assessment report)", x, y, style) + 14;
  rd.doc
    .save()
    .rect(x, y - 1, 12, 11)
    .fill("#F1F2F4")
    .restore();
  x += 15;
  rd.label("no result", x, y, style);
  rd.y += 18;
}

async function matrixSection(rd: ReportDocument, data: AgreementReportData): Promise<void> {
  const matrix = complianceMatrix(data);
  rd.newPage("landscape");
  openSection(
    rd,
    "Compliance matrix",
    120,
    "Suppliers (rows) against the agreement's requirements (columns). Each cell shows the effective result as a letter on its colour; wide matrices continue in column bands.",
    6,
  );
  drawMatrixLegend(rd);
  const reqs = matrix.requirements;
  if (reqs.length === 0 || matrix.rows.length === 0) {
    rd.paragraph("No requirements or suppliers to show.", INTRO);
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
    const caption = `Requirements ${first}–${first + cols.length - 1} of ${reqs.length}${
      bands > 1 ? ` (band ${b + 1} of ${bands})` : ""
    }`;
    const drawHeader = (continued: boolean) => {
      rd.label(continued ? `Compliance matrix (continued) · ${caption}` : caption, rd.left, rd.y, captionStyle);
      rd.y += lineHeight(captionStyle) + 2;
      const top = rd.y;
      rd.doc
        .save()
        .rect(rd.left, top, NAME_W + cols.length * CELL_W, headerH)
        .fill(COLORS.brandSoft)
        .restore();
      rd.label("SUPPLIER", rd.left + 4, top + headerH - 12, { size: 7, weight: "bold", color: COLORS.brand });
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
  // overridden cells: a small asterisk in the corner (and the outline drawn above)
  if (overridden.length) {
    const marks = cells.map((c) => (c?.overridden ? "*" : " "));
    rd.gridText(marks, x0 + 4, y - 0.6, CELL_W, 6, COLORS.brand);
  }
}

// ---------------------------------------------------------------- chain

async function chainSection(rd: ReportDocument, data: AgreementReportData): Promise<void> {
  // the chain starts a page of its own after the landscape matrix
  rd.newPage("portrait");
  const rows = chainRows(data);
  const recipient = data.agreement.recipient;
  openSection(
    rd,
    "Subcontractor chain",
    90,
    `Breach notification windows add up along the chain: the recipient's ${
      data.agreement.recipientNotifyHours
    } h plus every link's hours up to tier 1 must fit in the agreement's ${
      data.chain.breachWindowHours
    } h. Every tier must also stay within the permitted jurisdictions (${
      data.agreement.permittedJurisdictions.join(", ") || "none"
    }), or be covered by a transfer mechanism the agreement accepts.`,
  );
  if (data.chain.errors.length) {
    rd.callout("Chain structure problems", data.chain.errors, "bad");
    rd.y += 6;
  }
  const maxHours = Math.max(data.chain.breachWindowHours, ...rows.map((r) => r.composedNotifyHours ?? 0)) * 1.05;
  await rd.table({
    title: "Subcontractor chain",
    columns: [
      { header: "Tier", width: 30, align: "center" },
      { header: "Supplier and path", width: 185 },
      { header: "Composed notification vs window", width: 125 },
      { header: "Location", width: 80 },
      { header: "Result", width: 110 },
    ],
    rows: rows.map((r) => {
      const path = [...r.pathNames, recipient].join(" → ");
      const notify: CellItem[] =
        r.composedNotifyHours === null
          ? [
              { kind: "badge", label: "UNKNOWN", tone: "none" },
              { kind: "text", text: `window ${r.windowHours} h`, style: SMALL },
            ]
          : [
              {
                kind: "bar",
                value: r.composedNotifyHours,
                max: maxHours,
                marker: r.windowHours,
                tone: r.notifyOk ? "ok" : "bad",
                label: `${r.composedNotifyHours} / ${r.windowHours} h`,
                labelWidth: 48,
              },
              {
                kind: "text",
                text: r.notifyOk ? NOTIFY_VERDICT_TEXT.ok : NOTIFY_VERDICT_TEXT.bad.toUpperCase(),
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
                { kind: "badge", label: "COVERED", tone: "ok" },
                { kind: "text", text: linkLocationText(r), style: SMALL },
              ]
            : [{ kind: "badge", label: "PERMITTED", tone: "ok" }]
          : locationVerdict === "unknown"
            ? [
                { kind: "badge", label: "UNKNOWN", tone: VERDICT_TONE.unknown },
                { kind: "text", text: "not answered on the path", style: SMALL },
              ]
            : [
                { kind: "badge", label: "VIOLATION", tone: "bad" },
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
          { kind: "badge", label: r.ok ? "LINK OK" : "LINK FAILS", tone: r.ok ? "ok" : "bad" },
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
  openSection(
    rd,
    "Phase clearances",
    90,
    "A supplier is cleared for a disclosure phase only when every requirement the phase names is met on its latest approved assessment.",
    4,
  );
  const views = phaseViews(data);
  if (!views.length) {
    rd.paragraph("The agreement defines no phases.", INTRO);
    return;
  }
  for (const v of views) {
    rd.heading(`${v.phase.name} — ${v.clearedCount} of ${v.rows.length} cleared`, 2, 70);
    rd.facts(
      [
        ["Purpose", v.phase.purpose],
        ["Information classes", v.phase.classes.join(", ") || "none"],
        ["Required requirements", v.phase.requiredRequirementIds.join(", ") || "none"],
        [
          "Permitted recipients",
          v.phase.permittedSupplierIds.length
            ? v.phase.permittedSupplierIds.map((id) => supplierName(data, id)).join(", ")
            : "any supplier of the chain",
        ],
      ],
      2,
      { valueStyle: { size: 8.3, color: COLORS.ink } },
    );
    await rd.table({
      title: v.phase.name,
      columns: [
        { header: "Supplier", width: 190 },
        { header: "Clearance", width: 85 },
        { header: "Reasons", width: 230 },
      ],
      rows: v.rows.map((r) => [
        { kind: "text", text: r.supplierName, style: { weight: "bold", color: COLORS.ink } },
        { kind: "badge", label: r.cleared ? "CLEARED" : "NOT CLEARED", tone: r.cleared ? "ok" : "bad" },
        r.reasons.join(" "),
      ]),
    });
  }
}

// ---------------------------------------------------------------- certificates, requirements

async function expiringSection(rd: ReportDocument, data: AgreementReportData): Promise<void> {
  rd.heading("Certificates expiring within 90 days", 1, 80);
  if (!data.expiringCertificates.length) {
    rd.paragraph(`No certificate expires within 90 days of ${formatDate(data.generatedAt)}.`, INTRO, { after: 4 });
    return;
  }
  rd.paragraph(`As of ${formatDate(data.generatedAt)}, soonest first.`, INTRO, { after: 8 });
  await rd.table({
    title: "Certificates expiring within 90 days",
    columns: [
      { header: "Supplier", width: 150 },
      { header: "Certificate", width: 130 },
      { header: "Certification body", width: 120 },
      { header: "Expires", width: 65 },
      { header: "Days left", width: 55, align: "center" },
    ],
    rows: data.expiringCertificates.map((c) => [
      { kind: "text", text: c.supplierName, style: { weight: "bold", color: COLORS.ink } },
      [
        { kind: "text", text: c.standard },
        { kind: "text", text: `No. ${c.certificateNumber}`, style: SMALL },
      ],
      c.certificationBody,
      formatDate(c.expiryDate),
      {
        kind: "badge",
        label: `${c.daysLeft} DAYS`,
        tone: c.daysLeft <= 30 ? "bad" : c.daysLeft <= 60 ? "warn" : "info",
      },
    ]),
  });
}

async function requirementsSection(rd: ReportDocument, data: AgreementReportData): Promise<void> {
  openSection(
    rd,
    "Flow-down requirements",
    80,
    "The requirements of the agreement, in matrix order. Knock-out requirements cap a supplier's score when failed.",
  );
  await rd.table({
    title: "Flow-down requirements",
    columns: [
      { header: "#", width: 26, align: "right" },
      { header: "ID", width: 72 },
      { header: "Requirement", width: 200 },
      { header: "Category", width: 120 },
      { header: "Weight", width: 50, align: "center" },
      { header: "Knock-out", width: 70, align: "center" },
    ],
    rows: data.requirements.map((r, i) => [
      String(i + 1),
      { kind: "text", text: r.id, style: { weight: "bold", color: COLORS.ink } },
      r.title,
      r.category,
      String(r.weight),
      r.knockOut ? { kind: "badge", label: "KNOCK-OUT", tone: "warn" } : "—",
    ]),
  });
}
