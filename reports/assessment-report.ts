/**
 * The assessment report: one supplier's assessment against one agreement.
 * `renderAssessmentReport(data, out)` writes the PDF to `out` and resolves
 * when `out` has finished. Pure: the output depends on `data` only.
 */
import type { Writable } from "node:stream";
import { KNOCKOUT_CAP } from "#app/scoring/score";
import type { RequirementResult } from "#app/scoring/types";
import { scoreGauge, statusBar } from "./charts";
import { hanFormFor } from "./fonts";
import {
  COLORS,
  type ReportDocument,
  TONES,
  layoutText,
  lineHeight,
  textWidth,
  type Cell,
  type CellItem,
  type TextStyle,
} from "./pdf";
import { renderReport, type RenderInfo } from "./scaffold";
import { fitLines, openSection, SMALL } from "./sections";
import type { AssessmentReportData } from "./types";
import { ASSESSMENT_STATUS_TEXT, ASSESSMENT_STATUS_TONE, RATING_TEXT, RATING_TONE, STATUS_TEXT } from "#models/labels";
import {
  REMEDIATION_STATUS_TEXT,
  REMEDIATION_STATUS_TONE,
  CERTIFICATE_CREDIT_TEXT,
  CERTIFICATE_CREDIT_TONE,
  answerText,
  capitalise,
  certificationRows,
  formatDate,
  formatDateTime,
  parameterLines,
  overriddenRequirements,
  remediationRows,
  requirementStatusText,
} from "./view";

/** Render the assessment report to `out`. */
export async function renderAssessmentReport(data: AssessmentReportData, out: Writable): Promise<RenderInfo> {
  const { agreement: a, supplier: s, assessment: asm, result } = data;
  return renderReport(
    data,
    {
      kind: "assessment",
      document: {
        title: `Assessment report — ${s.name} — ${a.reference}`,
        subject: `Flow-down assessment of ${s.name} under ${a.reference} (${a.title})`,
        headerTitle: "Supplier assessment report",
        reference: `${a.reference} · ${s.name}`,
        hanForm: hanFormFor({ language: data.language, country: s.country }),
      },
      cover: {
        kicker: "FLOWDOWN · SUPPLIER ASSESSMENT REPORT",
        lead: supplierLead,
        badges: [
          {
            caption: "Assessment status",
            label: ASSESSMENT_STATUS_TEXT[asm.status].toUpperCase(),
            tone: ASSESSMENT_STATUS_TONE[asm.status],
          },
          {
            caption: "Compliance score",
            label: `${result.score} / 100${result.capped ? " (CAPPED)" : ""}`,
            tone: "info",
          },
          { caption: "Risk rating", label: `${RATING_TEXT[result.rating]} RISK`, tone: RATING_TONE[result.rating] },
        ],
        breachWindow: `${a.breachWindowHours} h (recipient uses ${a.recipientNotifyHours} h)`,
        facts: [
          ["Assessment", asm.id],
          ["Due date", formatDate(asm.dueDate)],
          ["Submitted", formatDateTime(asm.submittedAt)],
          ["Evaluated on", formatDate(result.evaluationDate)],
          ...(asm.scoredAt
            ? [
                [
                  "Scored",
                  `${formatDateTime(asm.scoredAt)} against agreement revision ${asm.scoredAgreementRevision ?? "?"}`,
                ] as [string, string],
              ]
            : []),
          ...(asm.approvedDrift?.length
            ? [["Needs review", `differs from the result approved: ${asm.approvedDrift.join(" ")}`] as [string, string]]
            : []),
          ["Questionnaire", `${asm.templateTitle} (version ${asm.templateVersion})`],
          ["Requirement catalogue", `version ${asm.catalogueVersion}`],
        ],
      },
      summary,
      sections: [
        requirementsTable,
        requirementDetails,
        overridesSection,
        certificationsSection,
        remediationSection,
        historySection,
      ],
    },
    out,
  );
}

// ---------------------------------------------------------------- cover

/** The supplier under the cover band: its name, service, country and place in the chain. */
function supplierLead(rd: ReportDocument, { supplier: s }: AssessmentReportData): void {
  rd.label("SUPPLIER", rd.left, rd.y, { size: 7.5, weight: "bold", color: COLORS.muted });
  rd.y += 12;
  rd.paragraph(s.name, { size: 20, weight: "bold", color: COLORS.ink, leading: 1.2 });
  rd.paragraph(
    `${s.service} · ${s.country} · tier ${s.tier}${
      s.parentName ? ` (works for ${s.parentName})` : " (works for the recipient)"
    }`,
    { size: 10, color: COLORS.muted },
    { after: 18 },
  );
}

// ---------------------------------------------------------------- summary

function summary(rd: ReportDocument, data: AssessmentReportData): void {
  const { result } = data;
  rd.newPage("portrait");
  rd.heading("Summary", 1, 260);
  const top = rd.y;
  const gaugeW = 200;
  const used = scoreGauge(rd, rd.left, top + 4, gaugeW, result.score, {
    cap: result.capped ? KNOCKOUT_CAP : null,
    caption: "Compliance score",
  });

  // right-hand column: rating, knock-outs, score notes
  const x = rd.left + gaugeW + 28;
  const w = rd.right - x;
  const cap: TextStyle = { size: 6.8, weight: "bold", color: COLORS.muted, leading: 1.2 };
  const body: TextStyle = { size: 8.5, color: COLORS.text, leading: 1.3 };
  let y = top + 4;
  rd.label("RISK RATING", x, y, cap);
  const bw = rd.badge(`${RATING_TEXT[result.rating]} RISK`, RATING_TONE[result.rating], x, y + 11, 11);
  rd.label(`inherent risk: ${RATING_TEXT[result.inherentRisk]}`, x + bw + 10, y + 15, { size: 8, color: COLORS.muted });
  y += 40;
  rd.label("KNOCK-OUT REQUIREMENTS", x, y, cap);
  y += 11;
  const byId = new Map(result.requirements.map((r) => [r.requirementId, r]));
  const koLines = result.knockOutsFailed.length
    ? result.knockOutsFailed.map(
        (id) => `${id} ${byId.get(id)?.title ?? ""} — ${STATUS_TEXT[byId.get(id)?.status ?? "not_met"]}`,
      )
    : ["None failed."];
  for (const text of koLines) {
    for (const line of layoutText(text, { ...body, weight: result.knockOutsFailed.length ? "bold" : "regular" }, w)) {
      rd.drawLine(line, x, y, { ...body, color: result.knockOutsFailed.length ? TONES.bad.text : COLORS.text });
      y += lineHeight(body);
    }
  }
  y += 6;
  const notes: string[] = [];
  if (result.capped) notes.push(`A failed knock-out caps the score at ${KNOCKOUT_CAP} (dashed mark on the gauge).`);
  if (result.computedScore !== result.score) notes.push(`Computed score without overrides: ${result.computedScore}.`);
  const overrides = overriddenRequirements(result).length;
  if (overrides)
    notes.push(`${overrides} result${overrides === 1 ? "" : "s"} overridden by a reviewer, with justification.`);
  for (const text of notes) {
    for (const line of layoutText(text, body, w)) {
      rd.drawLine(line, x, y, body);
      y += lineHeight(body);
    }
    y += 2;
  }
  rd.y = Math.max(top + used, y) + 14;

  rd.heading("Results by status", 2, 40);
  rd.y += statusBar(rd, rd.left, rd.y, rd.width, result.counts) + 6;

  if (result.riskReasons.length) {
    rd.heading("Why this rating", 2, 30);
    rd.bullets(result.riskReasons, { size: 8.5, color: COLORS.text }, { after: 4 });
  }
}

// ---------------------------------------------------------------- requirements

function statusCell(r: RequirementResult): CellItem[] {
  const t = requirementStatusText(r);
  const items: CellItem[] = [{ kind: "badge", label: t.label, tone: t.tone }];
  if (t.overrideNote)
    items.push({ kind: "text", text: t.overrideNote, style: { size: 6.6, weight: "bold", color: COLORS.brand } });
  return items;
}

function paramsText(r: RequirementResult): string | null {
  const lines = parameterLines(r);
  return lines.length ? lines.join(" · ") : null;
}

async function requirementsTable(rd: ReportDocument, data: AssessmentReportData): Promise<void> {
  openSection(
    rd,
    "Requirements",
    90,
    "Each flow-down requirement of the agreement with the result that counts. Overridden results show the result the rules computed beside the reviewer's.",
  );
  await rd.table({
    title: "Requirements",
    columns: [
      { header: "ID", width: 62 },
      { header: "Requirement", width: 250 },
      { header: "Weight", width: 42, align: "center" },
      { header: "Status", width: 120 },
    ],
    rows: data.result.requirements.map((r): Cell[] => {
      const req: CellItem[] = [{ kind: "text", text: r.title, style: { weight: "bold", color: COLORS.ink } }];
      const meta = [r.category, r.knockOut ? "KNOCK-OUT" : null].filter(Boolean).join(" · ");
      req.push({ kind: "text", text: meta, style: SMALL });
      const params = paramsText(r);
      if (params) req.push({ kind: "text", text: params, style: SMALL });
      return [
        { kind: "text", text: r.requirementId, style: { weight: "bold", color: COLORS.ink } },
        req,
        String(r.weight),
        statusCell(r),
      ];
    }),
  });
}

async function requirementDetails(rd: ReportDocument, data: AssessmentReportData): Promise<void> {
  rd.heading("Requirement details", 1, 120);
  const body: TextStyle = { size: 8.3, color: COLORS.text };
  for (const r of data.result.requirements) {
    const t = requirementStatusText(r);
    // header bar: id and title left, status badge right; keep with the first lines after it
    const titleStyle: TextStyle = { size: 9.5, weight: "bold", color: COLORS.ink, leading: 1.25 };
    const noteStyle: TextStyle = { size: 6.6, weight: "bold", color: COLORS.brand };
    const badgeSize = 7.5;
    const badgeW = textWidth(t.label, { size: badgeSize, weight: "bold" }) + 9;
    const sideW = Math.max(badgeW, t.overrideNote ? textWidth(t.overrideNote, noteStyle) : 0);
    // at most three lines here; the overview table has the full title
    const titleLines = fitLines(
      `${r.requirementId}  ${r.title}`,
      titleStyle,
      rd.width - sideW - 30,
      [titleStyle.size],
      3,
    ).lines;
    const h = Math.max(titleLines.length * lineHeight(titleStyle), 14) + 10 + (t.overrideNote ? 10 : 0);
    rd.ensure(h + 50);
    rd.y += 6;
    rd.doc.save().rect(rd.left, rd.y, rd.width, h).fill(COLORS.zebra).restore();
    rd.doc.save().rect(rd.left, rd.y, 3, h).fill(TONES[t.tone].strong).restore();
    titleLines.forEach((line, i) => rd.drawLine(line, rd.left + 10, rd.y + 5 + i * lineHeight(titleStyle), titleStyle));
    rd.badge(t.label, t.tone, rd.right - 8 - badgeW, rd.y + 5, badgeSize);
    if (t.overrideNote) rd.label(t.overrideNote, rd.right - 8 - sideW, rd.y + 20, noteStyle, "right", sideW);
    rd.y += h + 5;

    const meta = [
      `Category: ${r.category}`,
      `weight ${r.weight}`,
      r.knockOut ? "knock-out" : null,
      paramsText(r) ? `parameters: ${paramsText(r)}` : null,
    ].filter(Boolean);
    rd.paragraph(meta.join(" · "), SMALL, { indent: 10, after: 3 });

    if (r.reasons.length) rd.bullets(r.reasons, body, { indent: 10, after: 3 });
    if (r.answers.length) {
      rd.y += 2;
      await rd.table({
        title: `${r.requirementId} answers`,
        columns: [
          { header: "Question", width: 200 },
          { header: "Answer", width: 140 },
          { header: "Judgement", width: 140 },
        ],
        rows: r.answers.map((a) => [
          [
            { kind: "text", text: a.title || a.question },
            { kind: "text", text: a.question, style: SMALL },
          ],
          answerText(a),
          a.fraction === null ? a.reason : `${a.reason} (${Math.round(a.fraction * 100)}%)`,
        ]),
        style: { size: 7.6, color: COLORS.text, leading: 1.28 },
        variant: "sub",
        indent: 10,
      });
    }
    if (r.evidence.length) {
      rd.paragraph("Evidence", { size: 7.5, weight: "bold", color: COLORS.muted }, { indent: 10 });
      rd.bullets(
        r.evidence.map((e) => `${e.name} — ${e.ref} (question ${e.question})`),
        body,
        { indent: 10, after: 3 },
      );
    }
    if (r.certificationCredit.length) {
      rd.paragraph("Certification credit", { size: 7.5, weight: "bold", color: COLORS.muted }, { indent: 10 });
      rd.bullets(
        r.certificationCredit.map(
          (c) =>
            `${c.credit === "partial" ? "Partial credit only: " : ""}${c.standard} (${c.certificationId}): ${
              c.controls.join(", ") || "no controls listed"
            }`,
        ),
        body,
        { indent: 10, after: 3 },
      );
    }
    if (r.override) {
      rd.y += 2;
      rd.callout(
        `Override: ${STATUS_TEXT[r.override.status]} (computed: ${STATUS_TEXT[r.computedStatus]})`,
        [`Justification: ${r.override.justification}`, `By ${r.override.by} on ${formatDateTime(r.override.at)}.`],
        "info",
      );
    }
    rd.y += 4;
    await rd.pace();
  }
}

// ---------------------------------------------------------------- overrides, certificates, remediation, history

async function overridesSection(rd: ReportDocument, data: AssessmentReportData): Promise<void> {
  const overridden = overriddenRequirements(data.result);
  openSection(
    rd,
    "Overrides",
    80,
    overridden.length
      ? "Results changed by a reviewer. The computed result is kept beside the override; the score counts the override."
      : "No result was overridden.",
  );
  if (!overridden.length) return;
  await rd.table({
    title: "Overrides",
    columns: [
      { header: "Requirement", width: 110 },
      { header: "Computed → override", width: 95 },
      { header: "Justification", width: 190 },
      { header: "By, when", width: 100 },
    ],
    rows: overridden.map((r) => {
      const o = r.override as NonNullable<RequirementResult["override"]>;
      return [
        [
          { kind: "text", text: r.requirementId, style: { weight: "bold", color: COLORS.ink } },
          { kind: "text", text: r.title, style: SMALL },
        ],
        [
          { kind: "text", text: `computed: ${STATUS_TEXT[r.computedStatus]}`, style: SMALL },
          { kind: "badge", label: STATUS_TEXT[o.status], tone: requirementStatusText(r).tone },
          { kind: "text", text: "OVERRIDDEN", style: { size: 6.6, weight: "bold", color: COLORS.brand } },
        ],
        o.justification,
        [
          { kind: "text", text: o.by },
          { kind: "text", text: formatDateTime(o.at), style: SMALL },
        ],
      ];
    }),
  });
}

async function certificationsSection(rd: ReportDocument, data: AssessmentReportData): Promise<void> {
  const rows = certificationRows(data);
  openSection(
    rd,
    "Certifications",
    80,
    `Required by the agreement: ${
      data.agreement.requiredCertifications.join(", ") || "none"
    }. A certificate gives full credit only when it covers the term continuously from its start (${formatDate(
      data.agreement.effectiveDate,
    )}, an earlier certificate of the same standard may cover the time before a renewal) to its end (${formatDate(
      data.agreement.endDate,
    )}), is from a named body, and has a scope covering the service. A gap or an expiry inside the term leaves ` +
      "partial credit at most; a scope not covering the service, none.",
  );
  await rd.table({
    title: "Certifications",
    columns: [
      { header: "Certificate", width: 120 },
      { header: "Body and scope", width: 150 },
      { header: "Issued / expires", width: 75 },
      { header: "Validity and findings", width: 160 },
    ],
    rows: rows.map((c) => [
      [
        { kind: "text", text: c.standard, style: { weight: "bold", color: COLORS.ink } },
        { kind: "text", text: `No. ${c.certificateNumber}` },
        { kind: "text", text: c.fileRef ? `File: ${c.fileRef}` : "No file uploaded", style: SMALL },
      ],
      [
        { kind: "text", text: c.certificationBody },
        { kind: "text", text: c.scope, style: SMALL },
      ],
      [
        { kind: "text", text: formatDate(c.issueDate) },
        { kind: "text", text: formatDate(c.expiryDate) },
      ],
      [
        {
          kind: "badge",
          label: CERTIFICATE_CREDIT_TEXT[c.credit].toUpperCase(),
          tone: CERTIFICATE_CREDIT_TONE[c.credit],
        },
        ...c.issues.flatMap((f): CellItem[] => [
          { kind: "text", text: `• ${f.name}`, style: { size: 7.4, weight: "bold" } },
          ...(f.detail ? [{ kind: "text", text: capitalise(f.detail), style: { size: 7.4 } } as CellItem] : []),
        ]),
      ],
    ]),
  });
}

async function remediationSection(rd: ReportDocument, data: AssessmentReportData): Promise<void> {
  const rows = remediationRows(data);
  openSection(
    rd,
    "Remediation",
    80,
    rows.length ? "Actions requested from the supplier, by due date." : "No remediation was requested.",
  );
  if (!rows.length) return;
  await rd.table({
    title: "Remediation",
    columns: [
      { header: "Requirement", width: 90 },
      { header: "Action requested", width: 170 },
      { header: "Due", width: 70 },
      { header: "Status", width: 70 },
      { header: "Supplier response", width: 130 },
    ],
    rows: rows.map((r) => [
      [
        { kind: "text", text: r.requirementId, style: { weight: "bold", color: COLORS.ink } },
        { kind: "text", text: r.requirementTitle ?? "", style: SMALL },
      ],
      r.description,
      r.overdue
        ? [
            { kind: "text", text: formatDate(r.dueDate), style: { weight: "bold" } },
            { kind: "badge", label: "OVERDUE", tone: "bad" },
          ]
        : [{ kind: "text", text: formatDate(r.dueDate), style: { weight: "bold" } }],
      { kind: "badge", label: REMEDIATION_STATUS_TEXT[r.status], tone: REMEDIATION_STATUS_TONE[r.status] },
      r.response ?? { kind: "text", text: "No response yet.", style: SMALL },
    ]),
  });
}

async function historySection(rd: ReportDocument, data: AssessmentReportData): Promise<void> {
  rd.heading("Assessment history", 1, 80);
  await rd.table({
    title: "Assessment history",
    columns: [
      { header: "When", width: 110 },
      { header: "Change", width: 140 },
      { header: "By", width: 110 },
      { header: "Comment", width: 150 },
    ],
    rows: data.assessment.history.map((h) => [
      formatDateTime(h.at),
      `${h.from ? ASSESSMENT_STATUS_TEXT[h.from] : "Created"} → ${ASSESSMENT_STATUS_TEXT[h.to]}`,
      h.by,
      h.comment ?? "",
    ]),
  });
}
