import { utcMinute } from "#app/components/time";
import { ListTable } from "#app/components/list-table";
import type { IncidentView } from "#app/features/incidents/incidents.server";
import { LEAD_DAYS, MIN_ANSWER_DAYS, type PlanState, type Reason, type ReassessmentPolicy } from "./reassessment";

export interface ReassessmentRow {
  supplierId: string;
  supplierName: string;
  agreement?: { id: string; reference: string };
  tier: number;
  plan: { state: PlanState; dueDate: string | null; sendOn: string | null; reasons: Reason[]; openId: string | null };
}

const STATE: Record<PlanState, { label: string; tone: string }> = {
  "not-assessed": { label: "no approved assessment yet", tone: "none" },
  scheduled: { label: "scheduled", tone: "info" },
  due: { label: "due: being sent", tone: "warn" },
  "in-progress": { label: "sent, in progress", tone: "info" },
  overdue: { label: "overdue", tone: "bad" },
};

/** Each supplier's next re-assessment: when, and why. */
export function ReassessmentTable({
  rows,
  assessmentHref,
}: {
  rows: ReassessmentRow[];
  assessmentHref?: (id: string) => string;
}) {
  return (
    <ListTable
      label="Re-assessments"
      rows={rows}
      rowKey={(r) => `${r.agreement?.id ?? ""}${r.supplierId}`}
      empty="No suppliers."
      columns={[
        {
          header: "Supplier",
          cell: (r) => (
            <>
              {r.supplierName} <span className="muted small">tier {r.tier}</span>
            </>
          ),
        },
        // the overview lists every supplier per agreement; an agreement's own page has no such column
        rows.some((r) => r.agreement) && { header: "Agreement", cell: (r) => r.agreement?.reference },
        {
          header: "State",
          cell: (r) => (
            <>
              <span className={`badge ${STATE[r.plan.state].tone}`}>{STATE[r.plan.state].label}</span>
              {r.plan.openId && assessmentHref ? (
                <div className="small">
                  <a href={assessmentHref(r.plan.openId)}>open the assessment</a>
                </div>
              ) : null}
            </>
          ),
        },
        {
          header: "Due",
          cell: (r) => (
            <>
              {r.plan.dueDate ?? "—"}
              {r.plan.sendOn && r.plan.state === "scheduled" ? (
                <div className="muted small">sent on {r.plan.sendOn}</div>
              ) : null}
            </>
          ),
        },
        {
          header: "Why",
          cell: (r) =>
            r.plan.reasons.length ? (
              <ul className="reasons">
                {r.plan.reasons.map((reason, i) => (
                  <li key={i}>{reason.text}</li>
                ))}
              </ul>
            ) : (
              <span className="muted">{noReasonText(r.plan)}</span>
            ),
        },
      ]}
    />
  );
}

/** The "why" of a plan without reasons: nothing approved yet, so the cycle has not started (a plan after an approval always has one). */
export function noReasonText(plan: { openId: string | null }): string {
  return plan.openId
    ? "The first assessment is under way: the cycle starts when it is approved."
    : "Send a first assessment to start the cycle.";
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
  return (
    <ListTable
      label="Incidents"
      rows={incidents}
      rowKey={(i) => i.id}
      empty="No incidents reported."
      columns={[
        showSupplier
          ? { header: "Supplier", cell: (i) => i.supplier }
          : { header: "Agreement", cell: (i) => i.agreementRef },
        {
          header: "Detected → reported",
          cell: (i) => (
            <>
              {utcMinute(i.detectedAt)}
              <div className="muted small">
                reported {utcMinute(i.reportedAt)} by {i.reportedBy}
              </div>
            </>
          ),
        },
        {
          header: "Supplier's delay",
          cell: (i) => (
            <>
              {i.timing.delayHours} h{" "}
              {i.timing.withinCommitment === null ? (
                <span className="badge none">no commitment on record</span>
              ) : i.timing.withinCommitment ? (
                <span className="badge ok">within its {i.timing.committedHours} h</span>
              ) : (
                <span className="badge bad">later than its {i.timing.committedHours} h</span>
              )}
            </>
          ),
        },
        {
          header: "Disclosing party told in time?",
          cell: (i) => (
            <>
              {i.timing.onTrack === null ? (
                <span className="badge none">unknown: a link's notice time is missing</span>
              ) : i.timing.onTrack ? (
                <span className="badge ok">on track, {i.timing.marginHours} h to spare</span>
              ) : (
                <span className="badge bad">window missed by {-(i.timing.marginHours ?? 0)} h</span>
              )}
              <div className="muted small">deadline {utcMinute(i.timing.discloserDeadline)}</div>
            </>
          ),
        },
        {
          header: "What happened",
          cell: (i) => (
            <>
              {i.description}
              <div className="muted small">information affected: {i.classes.join(", ")}</div>
            </>
          ),
        },
      ]}
    />
  );
}

/** The agreement's re-assessment policy as the parties agreed it: how often, and what brings one forward. */
export function ReassessmentPolicyFacts({ policy }: { policy: ReassessmentPolicy }) {
  const triggers = [
    policy.certificateDays > 0
      ? `a required certificate expiring within ${policy.certificateDays} days`
      : "not by an expiring certificate",
    policy.onRatingFall ? "a risk rating that fell" : "not by a rating that fell",
    policy.onIncident ? "an incident the supplier reports" : "not by an incident",
    policy.onNewPhase ? "a disclosure phase added after the approval" : "not by a new disclosure phase",
  ];
  return (
    <dl className="facts" data-testid="reassessment-policy">
      <dt>Assessed again</dt>
      <dd>
        every {policy.months.critical} months at critical risk, {policy.months.high} at high, {policy.months.medium} at
        medium, {policy.months.low} at low (from the last approval; sent {LEAD_DAYS} days before)
      </dd>
      <dt>Brought forward by</dt>
      <dd>
        {triggers.join("; ")} (sent at once, at least {MIN_ANSWER_DAYS} days to answer; each cause once)
      </dd>
    </dl>
  );
}
