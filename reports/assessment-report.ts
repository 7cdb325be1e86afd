/**
 * The assessment report: one supplier's assessment against one agreement.
 * `renderAssessmentReport(data, out, words)` writes the PDF to `out` and
 * resolves when `out` has finished. Pure: the output depends on `data` and
 * the words (its language's) only.
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
import { ASSESSMENT_STATUS_TONE, RATING_TONE } from "#models/labels";
import type { ReportWords } from "./i18n";
import {
  REMEDIATION_STATUS_TONE,
  CERTIFICATE_CREDIT_TONE,
  answerText,
  capitalise,
  certificationRows,
  parameterLines,
  overriddenRequirements,
  remediationRows,
  requirementStatusText,
} from "./view";

/** Render the assessment report to `out`, its own words in `w` (see ./i18n). */
export async function renderAssessmentReport(
  data: AssessmentReportData,
  out: Writable,
  w: ReportWords,
): Promise<RenderInfo> {
  const { agreement: a, supplier: s, assessment: asm, result } = data;
  const { t } = w;
  return renderReport(
    data,
    {
      kind: "assessment",
      document: {
        title: t("pdf.a.title", { supplier: s.name, reference: a.reference }),
        subject: t("pdf.a.subject", { supplier: s.name, reference: a.reference, title: a.title }),
        headerTitle: t("pdf.a.header"),
        reference: `${a.reference} · ${s.name}`,
        hanForm: hanFormFor({ language: data.language, country: s.country }),
      },
      cover: {
        kicker: t("pdf.a.kicker"),
        lead: supplierLead,
        badges: [
          {
            caption: t("pdf.a.badge.status"),
            label: w.upper(t(`labels.assessmentStatus.${asm.status}`)),
            tone: ASSESSMENT_STATUS_TONE[asm.status],
          },
          {
            caption: t("pdf.a.badge.score"),
            label: t(result.capped ? "pdf.a.badge.scoreCapped" : "pdf.a.badge.scoreValue", { score: result.score }),
            tone: "info",
          },
          {
            caption: t("pdf.a.badge.rating"),
            label: t(`pdf.ratingBadge.${result.rating}`),
            tone: RATING_TONE[result.rating],
          },
        ],
        breachWindow: t("pdf.a.breachWindow", { hours: a.breachWindowHours, recipientHours: a.recipientNotifyHours }),
        facts: [
          [t("pdf.a.fact.assessment"), asm.id],
          [t("pdf.a.fact.due"), w.day(asm.dueDate)],
          [t("pdf.a.fact.submitted"), w.moment(asm.submittedAt)],
          [t("pdf.a.fact.evaluated"), w.day(result.evaluationDate)],
          ...(asm.scoredAt
            ? [
                [
                  t("pdf.a.fact.scored"),
                  t("pdf.a.fact.scoredValue", {
                    at: w.moment(asm.scoredAt),
                    revision: asm.scoredAgreementRevision ?? "?",
                  }),
                ] as [string, string],
              ]
            : []),
          ...(asm.approvedDrift?.length
            ? [
                [
                  t("pdf.a.fact.needsReview"),
                  t("pdf.a.fact.needsReviewValue", { drift: asm.approvedDrift.join(" ") }),
                ] as [string, string],
              ]
            : []),
          [
            t("pdf.a.fact.questionnaire"),
            t("pdf.a.fact.questionnaireValue", { title: asm.templateTitle, version: asm.templateVersion }),
          ],
          [t("pdf.a.fact.catalogue"), t("pdf.a.fact.catalogueValue", { version: asm.catalogueVersion })],
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
    w,
  );
}

// ---------------------------------------------------------------- cover

/** The supplier under the cover band: its name, service, country and place in the chain. */
function supplierLead(rd: ReportDocument, { supplier: s }: AssessmentReportData): void {
  const { t } = rd.words;
  rd.label(t("pdf.a.lead.supplier"), rd.left, rd.y, { size: 7.5, weight: "bold", color: COLORS.muted });
  rd.y += 12;
  rd.paragraph(s.name, { size: 20, weight: "bold", color: COLORS.ink, leading: 1.2 });
  rd.paragraph(
    s.parentName
      ? t("pdf.a.lead.line", { service: s.service, country: s.country, tier: s.tier, parent: s.parentName })
      : t("pdf.a.lead.lineRecipient", { service: s.service, country: s.country, tier: s.tier }),
    { size: 10, color: COLORS.muted },
    { after: 18 },
  );
}

// ---------------------------------------------------------------- summary

function summary(rd: ReportDocument, data: AssessmentReportData): void {
  const { result } = data;
  const { t } = rd.words;
  rd.newPage("portrait");
  rd.heading(t("pdf.summary"), 1, 260);
  const top = rd.y;
  const gaugeW = 200;
  const used = scoreGauge(rd, rd.left, top + 4, gaugeW, result.score, {
    cap: result.capped ? KNOCKOUT_CAP : null,
    caption: t("pdf.a.badge.score"),
  });

  // right-hand column: rating, knock-outs, score notes
  const x = rd.left + gaugeW + 28;
  const w = rd.right - x;
  const cap: TextStyle = { size: 6.8, weight: "bold", color: COLORS.muted, leading: 1.2 };
  const body: TextStyle = { size: 8.5, color: COLORS.text, leading: 1.3 };
  let y = top + 4;
  rd.label(t("pdf.a.sum.rating"), x, y, cap);
  const bw = rd.badge(t(`pdf.ratingBadge.${result.rating}`), RATING_TONE[result.rating], x, y + 11, 11);
  rd.label(t("pdf.a.sum.inherent", { rating: t(`pdf.rating.${result.inherentRisk}`) }), x + bw + 10, y + 15, {
    size: 8,
    color: COLORS.muted,
  });
  y += 40;
  rd.label(t("pdf.a.sum.knockOuts"), x, y, cap);
  y += 11;
  const byId = new Map(result.requirements.map((r) => [r.requirementId, r]));
  const koLines = result.knockOutsFailed.length
    ? result.knockOutsFailed.map(
        (id) => `${id} ${byId.get(id)?.title ?? ""} — ${t(`pdf.status.${byId.get(id)?.status ?? "not_met"}`)}`,
      )
    : [t("pdf.a.sum.noneFailed")];
  for (const text of koLines) {
    for (const line of layoutText(text, { ...body, weight: result.knockOutsFailed.length ? "bold" : "regular" }, w)) {
      rd.drawLine(line, x, y, { ...body, color: result.knockOutsFailed.length ? TONES.bad.text : COLORS.text });
      y += lineHeight(body);
    }
  }
  y += 6;
  const notes: string[] = [];
  if (result.capped) notes.push(t("pdf.a.sum.capped", { cap: KNOCKOUT_CAP }));
  if (result.computedScore !== result.score) notes.push(t("pdf.a.sum.computed", { score: result.computedScore }));
  const overrides = overriddenRequirements(result).length;
  if (overrides) notes.push(t("pdf.a.sum.overrides", { count: overrides }));
  for (const text of notes) {
    for (const line of layoutText(text, body, w)) {
      rd.drawLine(line, x, y, body);
      y += lineHeight(body);
    }
    y += 2;
  }
  rd.y = Math.max(top + used, y) + 14;

  rd.heading(t("pdf.a.sum.byStatus"), 2, 40);
  rd.y += statusBar(rd, rd.left, rd.y, rd.width, result.counts) + 6;

  if (result.riskReasons.length) {
    rd.heading(t("pdf.a.sum.why"), 2, 30);
    rd.bullets(result.riskReasons, { size: 8.5, color: COLORS.text }, { after: 4 });
  }
}

// ---------------------------------------------------------------- requirements

function statusCell(r: RequirementResult, w: ReportWords): CellItem[] {
  const t = requirementStatusText(r, w);
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
  const { t } = rd.words;
  openSection(rd, t("pdf.a.req.title"), 90, t("pdf.a.req.intro"));
  await rd.table({
    title: t("pdf.a.req.title"),
    columns: [
      { header: t("pdf.col.id"), width: 62 },
      { header: t("pdf.col.requirement"), width: 250 },
      { header: t("pdf.col.weight"), width: 42, align: "center" },
      { header: t("pdf.col.status"), width: 120 },
    ],
    rows: data.result.requirements.map((r): Cell[] => {
      const req: CellItem[] = [{ kind: "text", text: r.title, style: { weight: "bold", color: COLORS.ink } }];
      const meta = [rd.words.category(r.category), r.knockOut ? t("pdf.knockOut") : null].filter(Boolean).join(" · ");
      req.push({ kind: "text", text: meta, style: SMALL });
      const params = paramsText(r);
      if (params) req.push({ kind: "text", text: params, style: SMALL });
      return [
        { kind: "text", text: r.requirementId, style: { weight: "bold", color: COLORS.ink } },
        req,
        String(r.weight),
        statusCell(r, rd.words),
      ];
    }),
  });
}

async function requirementDetails(rd: ReportDocument, data: AssessmentReportData): Promise<void> {
  const w = rd.words;
  rd.heading(w.t("pdf.a.det.title"), 1, 120);
  const body: TextStyle = { size: 8.3, color: COLORS.text };
  for (const r of data.result.requirements) {
    const t = requirementStatusText(r, w);
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
      w.t("pdf.a.det.category", { category: w.category(r.category) }),
      w.t("pdf.a.det.weight", { weight: r.weight }),
      r.knockOut ? w.t("pdf.a.det.knockOut") : null,
      paramsText(r) ? w.t("pdf.a.det.params", { params: paramsText(r) }) : null,
    ].filter(Boolean);
    rd.paragraph(meta.join(" · "), SMALL, { indent: 10, after: 3 });

    if (r.reasons.length) rd.bullets(r.reasons, body, { indent: 10, after: 3 });
    if (r.answers.length) {
      rd.y += 2;
      await rd.table({
        title: w.t("pdf.a.det.answers", { id: r.requirementId }),
        columns: [
          { header: w.t("pdf.col.question"), width: 200 },
          { header: w.t("pdf.col.answer"), width: 140 },
          { header: w.t("pdf.col.judgement"), width: 140 },
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
      rd.paragraph(w.t("pdf.a.det.evidence"), { size: 7.5, weight: "bold", color: COLORS.muted }, { indent: 10 });
      rd.bullets(
        r.evidence.map((e) => w.t("pdf.a.det.evidenceLine", { name: e.name, ref: e.ref, question: e.question })),
        body,
        { indent: 10, after: 3 },
      );
    }
    if (r.certificationCredit.length) {
      rd.paragraph(w.t("pdf.a.det.credit"), { size: 7.5, weight: "bold", color: COLORS.muted }, { indent: 10 });
      rd.bullets(
        r.certificationCredit.map((c) =>
          w.t(c.credit === "partial" ? "pdf.a.det.creditPartial" : "pdf.a.det.creditLine", {
            standard: c.standard,
            id: c.certificationId,
            controls: c.controls.join(", ") || w.t("pdf.a.det.noControls"),
          }),
        ),
        body,
        { indent: 10, after: 3 },
      );
    }
    if (r.override) {
      rd.y += 2;
      rd.callout(
        w.t("pdf.a.det.override", {
          status: w.t(`pdf.status.${r.override.status}`),
          computed: w.t(`pdf.status.${r.computedStatus}`),
        }),
        [
          w.t("pdf.a.det.justification", { text: r.override.justification }),
          w.t("pdf.a.det.by", { by: r.override.by, at: w.moment(r.override.at) }),
        ],
        "info",
      );
    }
    rd.y += 4;
    await rd.pace();
  }
}

// ---------------------------------------------------------------- overrides, certificates, remediation, history

async function overridesSection(rd: ReportDocument, data: AssessmentReportData): Promise<void> {
  const w = rd.words;
  const { t } = w;
  const overridden = overriddenRequirements(data.result);
  openSection(rd, t("pdf.a.ovr.title"), 80, overridden.length ? t("pdf.a.ovr.intro") : t("pdf.a.ovr.none"));
  if (!overridden.length) return;
  await rd.table({
    title: t("pdf.a.ovr.title"),
    columns: [
      { header: t("pdf.col.requirement"), width: 110 },
      { header: t("pdf.col.computedOverride"), width: 95 },
      { header: t("pdf.col.justification"), width: 190 },
      { header: t("pdf.col.byWhen"), width: 100 },
    ],
    rows: overridden.map((r) => {
      const o = r.override as NonNullable<RequirementResult["override"]>;
      return [
        [
          { kind: "text", text: r.requirementId, style: { weight: "bold", color: COLORS.ink } },
          { kind: "text", text: r.title, style: SMALL },
        ],
        [
          {
            kind: "text",
            text: t("pdf.a.ovr.computed", { status: t(`pdf.status.${r.computedStatus}`) }),
            style: SMALL,
          },
          { kind: "badge", label: t(`pdf.status.${o.status}`), tone: requirementStatusText(r).tone },
          { kind: "text", text: t("pdf.overridden"), style: { size: 6.6, weight: "bold", color: COLORS.brand } },
        ],
        o.justification,
        [
          { kind: "text", text: o.by },
          { kind: "text", text: w.moment(o.at), style: SMALL },
        ],
      ];
    }),
  });
}

async function certificationsSection(rd: ReportDocument, data: AssessmentReportData): Promise<void> {
  const w = rd.words;
  const { t } = w;
  const rows = certificationRows(data);
  openSection(
    rd,
    t("pdf.a.cert.title"),
    80,
    t("pdf.a.cert.intro", {
      required: data.agreement.requiredCertifications.join(", ") || t("pdf.none"),
      start: w.day(data.agreement.effectiveDate),
      end: w.day(data.agreement.endDate),
    }),
  );
  await rd.table({
    title: t("pdf.a.cert.title"),
    columns: [
      { header: t("pdf.col.certificate"), width: 120 },
      { header: t("pdf.col.bodyScope"), width: 150 },
      { header: t("pdf.col.issuedExpires"), width: 75 },
      { header: t("pdf.col.validity"), width: 160 },
    ],
    rows: rows.map((c) => [
      [
        { kind: "text", text: c.standard, style: { weight: "bold", color: COLORS.ink } },
        { kind: "text", text: t("pdf.certNumber", { number: c.certificateNumber }) },
        {
          kind: "text",
          text: c.fileRef ? t("pdf.a.cert.file", { ref: c.fileRef }) : t("pdf.a.cert.noFile"),
          style: SMALL,
        },
      ],
      [
        { kind: "text", text: c.certificationBody },
        { kind: "text", text: c.scope, style: SMALL },
      ],
      [
        { kind: "text", text: w.day(c.issueDate) },
        { kind: "text", text: w.day(c.expiryDate) },
      ],
      [
        {
          kind: "badge",
          label: w.upper(t(`pdf.credit.${c.credit}`)),
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
  const w = rd.words;
  const { t } = w;
  const rows = remediationRows(data);
  openSection(rd, t("pdf.a.rem.title"), 80, rows.length ? t("pdf.a.rem.intro") : t("pdf.a.rem.none"));
  if (!rows.length) return;
  await rd.table({
    title: t("pdf.a.rem.title"),
    columns: [
      { header: t("pdf.col.requirement"), width: 90 },
      { header: t("pdf.col.action"), width: 170 },
      { header: t("pdf.col.due"), width: 70 },
      { header: t("pdf.col.status"), width: 70 },
      { header: t("pdf.col.response"), width: 130 },
    ],
    rows: rows.map((r) => [
      [
        { kind: "text", text: r.requirementId, style: { weight: "bold", color: COLORS.ink } },
        { kind: "text", text: r.requirementTitle ?? "", style: SMALL },
      ],
      r.description,
      r.overdue
        ? [
            { kind: "text", text: w.day(r.dueDate), style: { weight: "bold" } },
            { kind: "badge", label: t("pdf.overdue"), tone: "bad" },
          ]
        : [{ kind: "text", text: w.day(r.dueDate), style: { weight: "bold" } }],
      { kind: "badge", label: t(`pdf.remediation.${r.status}`), tone: REMEDIATION_STATUS_TONE[r.status] },
      r.response ?? { kind: "text", text: t("pdf.a.rem.noResponse"), style: SMALL },
    ]),
  });
}

async function historySection(rd: ReportDocument, data: AssessmentReportData): Promise<void> {
  const w = rd.words;
  const { t } = w;
  rd.heading(t("pdf.a.hist.title"), 1, 80);
  await rd.table({
    title: t("pdf.a.hist.title"),
    columns: [
      { header: t("pdf.col.when"), width: 110 },
      { header: t("pdf.col.change"), width: 140 },
      { header: t("pdf.col.by"), width: 110 },
      { header: t("pdf.col.comment"), width: 150 },
    ],
    rows: data.assessment.history.map((h) => [
      w.moment(h.at),
      `${h.from ? t(`labels.assessmentStatus.${h.from}`) : t("pdf.a.hist.created")} → ${t(`labels.assessmentStatus.${h.to}`)}`,
      h.by,
      h.comment ?? "",
    ]),
  });
}
