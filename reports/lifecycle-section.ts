/**
 * The agreement report's sections on the agreement's life after signature
 * (issue 23): where it is (active, in survival, archived) and how it ended,
 * the destruction register of each milestone, the compelled disclosures the
 * parties were told of, and the audits with their findings. The same rows,
 * states and overdue days as the agreement page's After signature tab.
 */
import type { Tone } from "#models/labels";
import { COLORS, type Cell, type ReportDocument } from "./pdf";
import { INTRO, openSection, SMALL } from "./sections";
import type { AgreementReportData, ReportHolderState, ReportLifecycle } from "./types";

const HOLDER_TONE: Record<ReportHolderState, Tone> = {
  complete: "ok",
  "waiting-on-subcontractors": "info",
  open: "warn",
  overdue: "bad",
};
const VERDICT_TONE = {
  sufficient: "ok",
  short: "warn",
  "too-late": "bad",
  barred: "none",
  "not-required": "none",
} as const;

/** All four, one after the other; nothing for a report made before they were kept. */
export async function lifecycleSections(rd: ReportDocument, data: AgreementReportData): Promise<void> {
  const life = data.lifecycle;
  if (!life) return;
  stateSection(rd, life);
  await registerSection(rd, life);
  await disclosuresSection(rd, life);
  await auditsSection(rd, life);
}

function stateSection(rd: ReportDocument, life: ReportLifecycle): void {
  const w = rd.words;
  const { t } = w;
  openSection(rd, t("lifecycle.pdf.state.title"), 80, t("lifecycle.pdf.state.intro"));
  const end = life.end;
  rd.facts(
    [
      [t("lifecycle.pdf.state.state"), t(`lifecycle.pdf.state.${life.state}`)],
      [
        t("lifecycle.pdf.state.end"),
        end
          ? t(end.kind === "expiry" ? "lifecycle.pdf.state.expired" : "lifecycle.pdf.state.terminated", {
              date: w.day(end.effectiveDate),
            })
          : t("lifecycle.pdf.state.notEnded"),
      ],
      ...(end
        ? ([
            [t("lifecycle.pdf.state.recordedBy"), end.recordedByName],
            [t("lifecycle.pdf.state.survivalUntil"), end.survivalEnds ? w.day(end.survivalEnds) : "—"],
            ...(end.note ? [[t("lifecycle.pdf.state.note"), end.note]] : []),
          ] as [string, string][])
        : []),
    ],
    2,
    { valueStyle: { size: 8.3, color: COLORS.ink } },
  );
}

async function registerSection(rd: ReportDocument, life: ReportLifecycle): Promise<void> {
  const w = rd.words;
  const { t } = w;
  openSection(rd, t("lifecycle.pdf.reg.title"), 90, t("lifecycle.pdf.reg.intro"));
  if (!life.milestones.length) {
    rd.paragraph(t("lifecycle.pdf.reg.none"), INTRO, { after: 4 });
    return;
  }
  for (const m of life.milestones) {
    const what =
      m.kind === "phase"
        ? t("lifecycle.pdf.reg.phase", { phase: m.phaseName ?? "" })
        : t(m.kind === "expiry" ? "lifecycle.pdf.reg.expiry" : "lifecycle.pdf.reg.termination");
    rd.heading(
      t("lifecycle.pdf.reg.heading", {
        what,
        date: w.day(m.effectiveDate),
        complete: m.complete,
        holders: m.holders,
      }),
      2,
      70,
    );
    rd.paragraph(
      t("lifecycle.pdf.reg.due", {
        due: w.day(m.dueDate),
        overdue: m.overdue,
        certificate: m.certificateRequired ? "yes" : "no",
      }),
      INTRO,
      { after: 6 },
    );
    await rd.table({
      title: what,
      columns: [
        { header: t("lifecycle.pdf.col.holder"), width: 120 },
        { header: t("lifecycle.pdf.col.tier"), width: 30, align: "center" },
        { header: t("lifecycle.pdf.col.state"), width: 95 },
        { header: t("lifecycle.pdf.col.certified"), width: 95 },
        { header: t("lifecycle.pdf.col.dispositions"), width: 175 },
        { header: t("lifecycle.pdf.col.certificate"), width: 80 },
      ],
      rows: m.rows.map((r): Cell[] => [
        {
          kind: "text",
          text: `${"  ".repeat(r.depth)}${r.supplierName}`,
          style: { weight: "bold", color: COLORS.ink },
        },
        String(r.tier),
        [
          { kind: "badge", label: t(`lifecycle.pdf.holder.${r.state}`), tone: HOLDER_TONE[r.state] },
          ...(r.overdueDays > 0
            ? [{ kind: "text" as const, text: t("lifecycle.pdf.overdueDays", { days: r.overdueDays }), style: SMALL }]
            : []),
        ],
        r.certifiedOn
          ? [
              { kind: "text", text: w.day(r.certifiedOn) },
              ...(r.signer
                ? [{ kind: "text" as const, text: `${r.signer.name}, ${r.signer.title}`, style: SMALL }]
                : []),
            ]
          : "—",
        r.entries.length
          ? r.entries.map((e) => ({
              kind: "text" as const,
              text: t("lifecycle.pdf.disposition", {
                infoClass: e.infoClass,
                disposition: e.disposition,
                method: e.method,
                standard: e.standard || "—",
                date: w.day(e.completedOn),
              }),
              style: { size: 7.2 },
            }))
          : "—",
        r.certificateFileName ?? "—",
      ]),
    });
  }
}

async function disclosuresSection(rd: ReportDocument, life: ReportLifecycle): Promise<void> {
  const w = rd.words;
  const { t } = w;
  openSection(rd, t("lifecycle.pdf.cd.title"), 80, t("lifecycle.pdf.cd.intro"));
  if (!life.disclosures.length) {
    rd.paragraph(t("lifecycle.pdf.cd.none"), INTRO, { after: 4 });
    return;
  }
  await rd.table({
    title: t("lifecycle.pdf.cd.title"),
    columns: [
      { header: t("lifecycle.pdf.col.supplier"), width: 110 },
      { header: t("lifecycle.pdf.col.authority"), width: 120 },
      { header: t("lifecycle.pdf.col.received"), width: 65 },
      { header: t("lifecycle.pdf.col.complyBy"), width: 65 },
      { header: t("lifecycle.pdf.col.notice"), width: 70, align: "center" },
      { header: t("lifecycle.pdf.col.verdict"), width: 80 },
    ],
    rows: life.disclosures.map((d): Cell[] => [
      { kind: "text", text: d.supplierName, style: { weight: "bold", color: COLORS.ink } },
      [
        { kind: "text", text: d.authority },
        { kind: "text", text: d.jurisdiction, style: SMALL },
      ],
      w.day(d.receivedOn),
      w.day(d.complyBy),
      t("lifecycle.pdf.cd.noticeValue", { given: d.noticeDays, required: d.requiredDays }),
      { kind: "badge", label: t(`lifecycle.pdf.verdict.${d.verdict}`), tone: VERDICT_TONE[d.verdict] },
    ]),
  });
}

async function auditsSection(rd: ReportDocument, life: ReportLifecycle): Promise<void> {
  const w = rd.words;
  const { t } = w;
  openSection(rd, t("lifecycle.pdf.au.title"), 80, t("lifecycle.pdf.au.intro"));
  if (!life.audits.length) {
    rd.paragraph(t("lifecycle.pdf.au.none"), INTRO, { after: 4 });
    return;
  }
  for (const a of life.audits) {
    rd.heading(
      t("lifecycle.pdf.au.heading", { supplier: a.supplierName, auditor: a.auditorName, date: w.day(a.scheduledFor) }),
      2,
      60,
    );
    rd.paragraph(
      a.outcome
        ? t("lifecycle.pdf.au.outcome", { outcome: a.outcome, date: w.day(a.completedOn) })
        : t(`lifecycle.pdf.au.status.${a.status}`),
      INTRO,
      { after: 6 },
    );
    if (!a.findings.length) continue;
    await rd.table({
      title: t("lifecycle.pdf.au.findings"),
      columns: [
        { header: t("lifecycle.pdf.col.requirement"), width: 75 },
        { header: t("lifecycle.pdf.col.severity"), width: 60 },
        { header: t("lifecycle.pdf.col.finding"), width: 230 },
        { header: t("lifecycle.pdf.col.due"), width: 65 },
        { header: t("lifecycle.pdf.col.status"), width: 60 },
      ],
      rows: a.findings.map((f): Cell[] => [
        { kind: "text", text: f.requirementId, style: { weight: "bold", color: COLORS.ink } },
        {
          kind: "badge",
          label: t(`lifecycle.pdf.severity.${f.severity}`),
          tone: f.severity === "major" ? "bad" : "warn",
        },
        f.description,
        w.day(f.dueDate),
        { kind: "badge", label: t(`lifecycle.pdf.finding.${f.status}`), tone: f.status === "open" ? "warn" : "ok" },
      ]),
    });
  }
}
