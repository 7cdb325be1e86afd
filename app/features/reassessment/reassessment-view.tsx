import { ListTable } from "#app/components/list-table";
import type { IncidentView } from "#app/features/incidents/incidents.server";
import type { MessageId } from "#app/i18n/catalogue";
import { useFormat, useT } from "#app/i18n/react";
import {
  LEAD_DAYS,
  MIN_ANSWER_DAYS,
  sayReason,
  type PlanState,
  type Reason,
  type ReassessmentPolicy,
} from "./reassessment";

export interface ReassessmentRow {
  supplierId: string;
  supplierName: string;
  agreement?: { id: string; reference: string };
  tier: number;
  plan: { state: PlanState; dueDate: string | null; sendOn: string | null; reasons: Reason[]; openId: string | null };
}

/** Each state's badge: its words (`reassessment.state.<state>`) and tone. */
const STATE_TONE: Record<PlanState, string> = {
  "not-assessed": "none",
  scheduled: "info",
  due: "warn",
  "in-progress": "info",
  overdue: "bad",
};

/** Each supplier's next re-assessment: when, and why. */
export function ReassessmentTable({
  rows,
  assessmentHref,
}: {
  rows: ReassessmentRow[];
  assessmentHref?: (id: string) => string;
}) {
  const t = useT();
  const format = useFormat();
  return (
    <ListTable
      label={t("reassessment.table.label")}
      rows={rows}
      rowKey={(r) => `${r.agreement?.id ?? ""}${r.supplierId}`}
      empty={t("reassessment.table.empty")}
      columns={[
        {
          header: t("reassessment.table.col.supplier"),
          cell: (r) => (
            <>
              {r.supplierName} <span className="muted small">{t("reassessment.table.tier", { tier: r.tier })}</span>
            </>
          ),
        },
        // the overview lists every supplier per agreement; an agreement's own page has no such column
        rows.some((r) => r.agreement) && {
          header: t("reassessment.table.col.agreement"),
          cell: (r) => r.agreement?.reference,
        },
        {
          header: t("reassessment.table.col.state"),
          cell: (r) => (
            <>
              <span className={`badge ${STATE_TONE[r.plan.state]}`}>{t(`reassessment.state.${r.plan.state}`)}</span>
              {r.plan.openId && assessmentHref ? (
                <div className="small">
                  <a href={assessmentHref(r.plan.openId)}>{t("reassessment.table.open")}</a>
                </div>
              ) : null}
            </>
          ),
        },
        {
          header: t("reassessment.table.col.due"),
          cell: (r) => (
            <>
              {r.plan.dueDate ? format.day(r.plan.dueDate) : "—"}
              {r.plan.sendOn && r.plan.state === "scheduled" ? (
                <div className="muted small">{t("reassessment.table.sentOn", { date: format.day(r.plan.sendOn) })}</div>
              ) : null}
            </>
          ),
        },
        {
          header: t("reassessment.table.col.why"),
          cell: (r) =>
            r.plan.reasons.length ? (
              <ul className="reasons">
                {r.plan.reasons.map((reason, i) => (
                  <li key={i}>{sayReason(reason, t, format.day)}</li>
                ))}
              </ul>
            ) : (
              <span className="muted">{t(noReasonMessage(r.plan))}</span>
            ),
        },
      ]}
    />
  );
}

/** The "why" of a plan without reasons: nothing approved yet, so the cycle has not started (a plan after an approval always has one). */
export function noReasonMessage(plan: { openId: string | null }): MessageId {
  return plan.openId ? "reassessment.noReason.underWay" : "reassessment.noReason.sendFirst";
}

export type IncidentRow = IncidentView;

/** Reported incidents with their notification delay against the supplier's commitment and the agreement's breach window. */
export function IncidentTable({
  incidents,
  showSupplier = true,
}: {
  incidents: IncidentRow[];
  showSupplier?: boolean;
}) {
  const t = useT();
  const format = useFormat();
  return (
    <ListTable
      label={t("incidents.table.label")}
      rows={incidents}
      rowKey={(i) => i.id}
      empty={t("incidents.table.empty")}
      columns={[
        showSupplier
          ? { header: t("incidents.table.col.supplier"), cell: (i) => i.supplier }
          : { header: t("incidents.table.col.agreement"), cell: (i) => i.agreementRef },
        {
          header: t("incidents.table.col.detected"),
          cell: (i) => (
            <>
              {format.moment(i.detectedAt)}
              <div className="muted small">
                {t("incidents.table.reportedBy", { at: format.moment(i.reportedAt), name: i.reportedBy })}
              </div>
            </>
          ),
        },
        {
          header: t("incidents.table.col.delay"),
          cell: (i) => (
            <>
              {t("incidents.table.hours", { hours: i.timing.delayHours })}{" "}
              {i.timing.withinCommitment === null ? (
                <span className="badge none">{t("incidents.table.noCommitment")}</span>
              ) : i.timing.withinCommitment ? (
                <span className="badge ok">{t("incidents.table.within", { hours: i.timing.committedHours })}</span>
              ) : (
                <span className="badge bad">{t("incidents.table.later", { hours: i.timing.committedHours })}</span>
              )}
            </>
          ),
        },
        {
          header: t("incidents.table.col.inTime"),
          cell: (i) => (
            <>
              {i.timing.onTrack === null ? (
                <span className="badge none">{t("incidents.table.unknown")}</span>
              ) : i.timing.onTrack ? (
                <span className="badge ok">{t("incidents.table.onTrack", { hours: i.timing.marginHours })}</span>
              ) : (
                <span className="badge bad">
                  {t("incidents.table.missed", { hours: -(i.timing.marginHours ?? 0) })}
                </span>
              )}
              <div className="muted small">
                {t("incidents.table.deadline", { at: format.moment(i.timing.discloserDeadline) })}
              </div>
            </>
          ),
        },
        {
          header: t("incidents.table.col.what"),
          cell: (i) => (
            <>
              {i.description}
              <div className="muted small">
                {t("incidents.table.affected", {
                  classes: i.classes.map((c) => t(`labels.class.${c}` as MessageId)).join(", "),
                })}
              </div>
            </>
          ),
        },
      ]}
    />
  );
}

/** The agreement's re-assessment policy as the parties agreed it: how often, and what brings one forward. */
export function ReassessmentPolicyFacts({ policy }: { policy: ReassessmentPolicy }) {
  const t = useT();
  const triggers = [
    policy.certificateDays > 0
      ? t("reassessment.policy.certificate", { days: policy.certificateDays })
      : t("reassessment.policy.noCertificate"),
    policy.onRatingFall ? t("reassessment.policy.ratingFall") : t("reassessment.policy.noRatingFall"),
    policy.onIncident ? t("reassessment.policy.incident") : t("reassessment.policy.noIncident"),
    policy.onNewPhase ? t("reassessment.policy.phase") : t("reassessment.policy.noPhase"),
  ];
  return (
    <dl className="facts" data-testid="reassessment-policy">
      <dt>{t("reassessment.policy.assessedAgain")}</dt>
      <dd>{t("reassessment.policy.cadence", { ...policy.months, lead: LEAD_DAYS })}</dd>
      <dt>{t("reassessment.policy.broughtForward")}</dt>
      <dd>{t("reassessment.policy.triggers", { triggers: triggers.join("; "), min: MIN_ANSWER_DAYS })}</dd>
    </dl>
  );
}
