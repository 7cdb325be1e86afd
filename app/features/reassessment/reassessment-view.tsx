import type { IncidentView } from "#app/features/incidents/incidents.server";
import type { PlanState, Reason } from "./reassessment";

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
  if (!rows.length) return <p className="empty">No suppliers.</p>;
  return (
    <table className="data">
      <thead>
        <tr>
          <th>Supplier</th>
          {rows.some((r) => r.agreement) ? <th>Agreement</th> : null}
          <th>State</th>
          <th>Due</th>
          <th>Why</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.agreement?.id ?? ""}${r.supplierId}`}>
            <td>
              {r.supplierName} <span className="muted small">tier {r.tier}</span>
            </td>
            {r.agreement ? <td>{r.agreement.reference}</td> : null}
            <td>
              <span className={`badge ${STATE[r.plan.state].tone}`}>{STATE[r.plan.state].label}</span>
              {r.plan.openId && assessmentHref ? (
                <div className="small">
                  <a href={assessmentHref(r.plan.openId)}>open the assessment</a>
                </div>
              ) : null}
            </td>
            <td>
              {r.plan.dueDate ?? "—"}
              {r.plan.sendOn && r.plan.state === "scheduled" ? (
                <div className="muted small">sent on {r.plan.sendOn}</div>
              ) : null}
            </td>
            <td>
              {r.plan.reasons.length ? (
                <ul className="reasons">
                  {r.plan.reasons.map((reason, i) => (
                    <li key={i}>{reason.text}</li>
                  ))}
                </ul>
              ) : (
                <span className="muted">{noReasonText(r.plan)}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The "why" of a plan without reasons: nothing approved yet, so the cycle has not started (a plan after an approval always has one). */
export function noReasonText(plan: { openId: string | null }): string {
  return plan.openId
    ? "The first assessment is under way: the cycle starts when it is approved."
    : "Send a first assessment to start the cycle.";
}

export type IncidentRow = IncidentView;

function utc(iso: string) {
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}

/** Reported incidents with their notification delay against the supplier's commitment and the agreement's breach window. */
export function IncidentTable({
  incidents,
  showSupplier = true,
}: {
  incidents: IncidentRow[];
  showSupplier?: boolean;
}) {
  if (!incidents.length) return <p className="empty">No incidents reported.</p>;
  return (
    <table className="data">
      <thead>
        <tr>
          {showSupplier ? <th>Supplier</th> : <th>Agreement</th>}
          <th>Detected → reported</th>
          <th>Supplier's delay</th>
          <th>Disclosing party told in time?</th>
          <th>What happened</th>
        </tr>
      </thead>
      <tbody>
        {incidents.map((i) => (
          <tr key={i.id}>
            <td>{showSupplier ? i.supplier : i.agreementRef}</td>
            <td>
              {utc(i.detectedAt)}
              <div className="muted small">
                reported {utc(i.reportedAt)} by {i.reportedBy}
              </div>
            </td>
            <td>
              {i.timing.delayHours} h{" "}
              {i.timing.withinCommitment === null ? (
                <span className="badge none">no commitment on record</span>
              ) : i.timing.withinCommitment ? (
                <span className="badge ok">within its {i.timing.committedHours} h</span>
              ) : (
                <span className="badge bad">later than its {i.timing.committedHours} h</span>
              )}
            </td>
            <td>
              {i.timing.onTrack === null ? (
                <span className="badge none">unknown: a link's notice time is missing</span>
              ) : i.timing.onTrack ? (
                <span className="badge ok">on track, {i.timing.marginHours} h to spare</span>
              ) : (
                <span className="badge bad">window missed by {-(i.timing.marginHours ?? 0)} h</span>
              )}
              <div className="muted small">deadline {utc(i.timing.discloserDeadline)}</div>
            </td>
            <td>
              {i.description}
              <div className="muted small">information affected: {i.classes.join(", ")}</div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
