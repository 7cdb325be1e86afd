import { Link } from "@remix-run/react";
import { ListTable } from "#app/components/list-table";
import { useFormat, useT } from "#app/i18n/react";
import { MilestonesSection } from "#app/features/destruction/register-view";
import { DisclosuresSection } from "#app/features/compelled/compelled-view";
import { AuditsSection } from "#app/features/audits/audits-view";
import type { LifecyclePageData } from "./lifecycle-page.server";
import { LifecycleBadge } from "./lifecycle-badge";

type Jsonified<T> = T extends (infer U)[] ? Jsonified<U>[] : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T;

const HOLDER_TONE = { complete: "ok", "waiting-on-subcontractors": "info", open: "warn", overdue: "bad" } as const;

/** The agreement page's "After signature" tab. */
export function LifecycleSection({
  v,
  role,
  agreementId,
}: {
  v: Jsonified<LifecyclePageData>;
  role: "procurement" | "discloser";
  agreementId: string;
}) {
  const t = useT();
  const format = useFormat();
  const { lifecycle, destruction } = v;
  const end = lifecycle.end;
  return (
    <>
      <section className="card form-section" aria-labelledby="lifecycle-heading">
        <h2 id="lifecycle-heading">{t("lifecycle.tab")}</h2>
        <p data-testid="lifecycle-state">
          <LifecycleBadge state={lifecycle.state} survivalEnds={end?.survivalEnds} />
        </p>
        {v.termEnded ? (
          <p className="notice" data-testid="lifecycle-term-ended">
            {t("lifecycle.termEnded", { date: format.day(v.termEnded) })}{" "}
            {role === "procurement" ? (
              <Link to={`/procurement/agreements/${agreementId}/milestones`}>{t("lifecycle.recordExpiry")}</Link>
            ) : null}
          </p>
        ) : null}
        {end ? (
          <dl className="facts" data-testid="lifecycle-end">
            <dt>{t("lifecycle.end.how")}</dt>
            <dd>
              {t(end.kind === "expiry" ? "lifecycle.end.expiry" : "lifecycle.end.termination", {
                date: format.day(end.effectiveDate),
              })}
            </dd>
            <dt>{t("lifecycle.end.recordedBy")}</dt>
            <dd>
              {end.recordedByName} <span className="small muted">({format.moment(end.recordedAt)})</span>
            </dd>
            {end.note ? (
              <>
                <dt>{t("lifecycle.end.note")}</dt>
                <dd>{end.note}</dd>
              </>
            ) : null}
            <dt>{t("lifecycle.end.survivalUntil")}</dt>
            <dd>{end.survivalEnds ? format.day(end.survivalEnds) : t("lifecycle.end.noSurvival")}</dd>
          </dl>
        ) : null}
        {lifecycle.state === "archived" ? <p className="small">{t("lifecycle.archived.explain")}</p> : null}
        {end ? (
          <>
            <h3 id="lifecycle-outstanding-heading">{t("lifecycle.outstanding.heading")}</h3>
            {destruction.outstanding.length === 0 ? (
              <p className="small" data-testid="lifecycle-outstanding-none">
                {destruction.holders === 0 ? t("lifecycle.outstanding.noRequests") : t("lifecycle.outstanding.none")}
              </p>
            ) : (
              <>
                <p className="small">
                  {t("lifecycle.outstanding.summary", {
                    outstanding: destruction.outstanding.length,
                    holders: destruction.holders,
                  })}
                </p>
                <ListTable
                  label={t("lifecycle.outstanding.heading")}
                  rows={destruction.outstanding}
                  rowKey={(r) => r.supplierId}
                  rowProps={(r) => ({
                    className: r.state === "overdue" ? "highlight-bad" : "highlight-warn",
                    "data-testid": "lifecycle-outstanding-row",
                  })}
                  columns={[
                    { header: t("lifecycle.outstanding.holder"), cell: (r) => <strong>{r.name}</strong> },
                    { header: t("lifecycle.outstanding.tier"), cell: (r) => r.tier },
                    {
                      header: t("lifecycle.outstanding.state"),
                      cell: (r) => (
                        <span className={`badge ${HOLDER_TONE[r.state]}`}>{t(`lifecycle.holder.${r.state}`)}</span>
                      ),
                    },
                    { header: t("lifecycle.outstanding.due"), cell: (r) => format.day(r.dueDate) },
                    {
                      header: t("lifecycle.outstanding.overdue"),
                      cell: (r) => (r.overdueDays > 0 ? t("lifecycle.overdueDays", { days: r.overdueDays }) : "—"),
                    },
                  ]}
                />
              </>
            )}
          </>
        ) : null}
      </section>
      <MilestonesSection milestones={v.milestones} role={role} agreementId={agreementId} />
      <DisclosuresSection disclosures={v.disclosures} />
      <AuditsSection audits={v.audits} role={role} agreementId={agreementId} />
    </>
  );
}
