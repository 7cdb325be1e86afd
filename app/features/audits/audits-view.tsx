import { Link } from "@remix-run/react";
import { ListTable } from "#app/components/list-table";
import { useFormat, useT } from "#app/i18n/react";
import type { AuditView, FindingView } from "./audits.server";

type Role = "procurement" | "discloser";

/** A finding's state in words: open, closed, or overdue by how many days. */
export function FindingState({ f }: { f: Pick<FindingView, "state" | "overdueDays"> }) {
  const t = useT();
  if (f.state === "overdue")
    return <span className="badge bad">{t("audits.state.overdue", { days: f.overdueDays })}</span>;
  return <span className={`badge ${f.state === "open" ? "warn" : "ok"}`}>{t(`audits.state.${f.state}`)}</span>;
}

/** The findings of one audit: requirement, severity, due date, state. */
export function FindingsTable({ findings }: { findings: FindingView[] }) {
  const t = useT();
  const format = useFormat();
  return (
    <ListTable
      data-testid="audit-findings"
      label={t("audits.findings.heading")}
      rows={findings}
      rowKey={(f) => f.id}
      empty={t("audits.findings.none")}
      columns={[
        { header: t("audits.column.requirement"), cell: (f) => `${f.requirementId} ${f.requirementTitle}` },
        { header: t("audits.column.severity"), cell: (f) => t(`audits.severity.${f.severity}`) },
        { header: t("audits.column.due"), className: "nowrap", cell: (f) => format.day(f.dueDate) },
        { header: t("audits.column.state"), cell: (f) => <FindingState f={f} /> },
      ]}
    />
  );
}

/** The agreement's audits: supplier, auditor, notice, date, status, outcome; each links to its page. */
export function AuditsTable({ audits, role, agreementId }: { audits: AuditView[]; role: Role; agreementId: string }) {
  const t = useT();
  const format = useFormat();
  return (
    <ListTable
      data-testid="audits-table"
      label={t("audits.heading")}
      rows={audits}
      rowKey={(a) => a.id}
      empty={t("audits.list.none")}
      columns={[
        {
          header: t("audits.column.supplier"),
          cell: (a) => <Link to={`/${role}/agreements/${agreementId}/audits/${a.id}`}>{a.supplier}</Link>,
        },
        { header: t("audits.column.auditor"), cell: (a) => a.auditor },
        {
          header: t("audits.column.notice"),
          className: "nowrap",
          cell: (a) =>
            a.afterIncident
              ? t("audits.notice.afterIncident", { date: format.day(a.noticeGivenOn) })
              : format.day(a.noticeGivenOn),
        },
        { header: t("audits.column.date"), className: "nowrap", cell: (a) => format.day(a.scheduledFor) },
        { header: t("audits.column.status"), cell: (a) => t(`audits.status.${a.status}`) },
        { header: t("audits.column.outcome"), cell: (a) => (a.outcome ? t(`audits.outcome.${a.outcome}`) : "") },
        {
          header: t("audits.column.findings"),
          cell: (a) =>
            a.findings.length
              ? t("audits.findings.count", {
                  open: a.findings.filter((f) => f.state !== "closed").length,
                  overdue: a.findings.filter((f) => f.state === "overdue").length,
                  total: a.findings.length,
                })
              : "",
        },
      ]}
    />
  );
}

/** The "After signature" tab's audits with their findings, and a link to schedule one. */
export function AuditsSection({ audits, role, agreementId }: { audits: AuditView[]; role: Role; agreementId: string }) {
  const t = useT();
  const withFindings = audits.filter((a) => a.findings.length);
  return (
    <section className="card form-section" aria-labelledby="audits-heading" data-testid="audits-section">
      <h2 id="audits-heading">{t("audits.heading")}</h2>
      <p>
        <Link to={`/${role}/agreements/${agreementId}/audits`}>{t("audits.link.schedule")}</Link>
      </p>
      <AuditsTable audits={audits} role={role} agreementId={agreementId} />
      {withFindings.map((a) => (
        <div key={a.id}>
          <h3>{t("audits.findings.of", { supplier: a.supplier, date: a.scheduledFor })}</h3>
          <FindingsTable findings={a.findings} />
        </div>
      ))}
    </section>
  );
}
