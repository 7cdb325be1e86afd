/**
 * When a supplier must be assessed again, and why; how late an incident was
 * reported against the agreement's breach window along the chain. Pure: no
 * database, no clock (today and the instants are inputs), shared by the
 * scheduler, the pages and the tests.
 */
import type { RiskRating } from "#app/scoring/types";
import { addDaysIso, addMonthsIso } from "#app/scoring/dates";
import { dateRef, said, type Said, type SaidValue } from "#app/scoring/said";
import type { AgreementData } from "#models/agreement.server";
import type { MessageId } from "#app/i18n/catalogue";

export const RATING_ORDER: readonly RiskRating[] = ["low", "medium", "high", "critical"];

export interface ReassessmentPolicy {
  /** months between approvals, by the rating of the last approved assessment */
  months: Record<RiskRating, number>;
  /** a required certificate expiring within this many days triggers an early one; 0 = off */
  certificateDays: number;
  onRatingFall: boolean;
  onIncident: boolean;
  onNewPhase: boolean;
}

export const DEFAULT_POLICY: ReassessmentPolicy = {
  months: { critical: 6, high: 12, medium: 18, low: 24 },
  certificateDays: 60,
  onRatingFall: true,
  onIncident: true,
  onNewPhase: true,
};

/** The agreement's policy, the defaults filling what it does not say. */
export function policyOf(a: Pick<AgreementData, "reassessment">): ReassessmentPolicy {
  const r = a.reassessment;
  if (!r) return DEFAULT_POLICY;
  return {
    months: {
      critical: r.months?.critical ?? 6,
      high: r.months?.high ?? 12,
      medium: r.months?.medium ?? 18,
      low: r.months?.low ?? 24,
    },
    certificateDays: r.certificateDays ?? DEFAULT_POLICY.certificateDays,
    onRatingFall: r.onRatingFall ?? true,
    onIncident: r.onIncident ?? true,
    onNewPhase: r.onNewPhase ?? true,
  };
}

/** How long before its due date a scheduled re-assessment is sent, so the supplier has time to answer. */
export const LEAD_DAYS = 30;
/** The least time a supplier gets to answer a re-assessment sent because of a trigger. */
export const MIN_ANSWER_DAYS = 14;

export type TriggerKind = "cadence" | "certificate" | "rating" | "incident" | "phase";

export interface SupplierHistory {
  /**
   * The latest approved assessment of this supplier under the agreement, with the instant it was
   * sent (ISO): its answers were given knowing every trigger that had come about by then.
   */
  lastApproved: {
    id: string;
    approvedOn: string;
    sentAt: string;
    /** the instant of the approval (ISO, to the millisecond), where known */
    approvedAt?: string;
    rating: RiskRating;
  } | null;
  /** the rating of the approved assessment before it, if any */
  previousRating: RiskRating | null;
  /** an assessment sent after the last approval and not yet decided */
  open: { id: string; dueDate: string; status: string } | null;
  /**
   * The supplier's certificates for the standards the agreement requires, with the instant each was
   * last filed or changed (ISO; absent for certificates of unknown age).
   */
  certificates: { standard: string; certificateNumber: string; expiryDate: string; filedAt?: string }[];
  /** incidents the supplier reported under the agreement (calendar date of the report, and its instant, ISO) */
  incidents: { id: string; reportedOn: string; reportedAt: string }[];
}

export interface Reason {
  kind: TriggerKind;
  /** when this reason makes the re-assessment due */
  on: string;
  /** in English, as kept with the assessment it caused and in the audit trail */
  text: string;
  /** the same in the reader's language: a catalogue message (its dates ISO days, to be shown in the reader's format) */
  message: { id: MessageId; values: Record<string, string | number> };
}

export type PlanState = "not-assessed" | "scheduled" | "due" | "in-progress" | "overdue";

export interface ReassessmentPlan {
  state: PlanState;
  /** the date the next assessment should be completed by; null before a first approval */
  dueDate: string | null;
  /** the date it is (or was) to be sent */
  sendOn: string | null;
  reasons: Reason[];
  /** the approved assessment it follows (its answers pre-fill the next one) */
  basisId: string | null;
  openId: string | null;
}

/**
 * The next re-assessment of one supplier under one agreement. A trigger
 * makes it due on the trigger's date (sent at once, answered within
 * MIN_ANSWER_DAYS); the cadence makes it due `months` after the approval
 * (sent LEAD_DAYS before). The earliest reason wins; all are reported.
 *
 * A trigger counts once per cause: an approved assessment that was sent
 * after the trigger came about (a certificate entering its warning period,
 * an incident, a new phase) has answered it, so it does not make another
 * one due; the re-assessment it caused is such an assessment. A renewed
 * certificate or a new incident is a new cause.
 */
export function planReassessment(
  policy: ReassessmentPolicy,
  agreement: { phases: { key: string; name: string; addedOn: string | null }[] },
  history: SupplierHistory,
  today: string,
): ReassessmentPlan {
  const last = history.lastApproved;
  if (!last) {
    if (history.open)
      return {
        state: history.open.dueDate < today ? "overdue" : "in-progress",
        dueDate: history.open.dueDate,
        sendOn: null,
        reasons: [],
        basisId: null,
        openId: history.open.id,
      };
    return { state: "not-assessed", dueDate: null, sendOn: null, reasons: [], basisId: null, openId: null };
  }
  const reasons: Reason[] = [];
  const lastSentOn = last.sentAt.slice(0, 10);
  const months = policy.months[last.rating];
  reasons.push({
    kind: "cadence",
    on: addMonthsIso(last.approvedOn, months),
    text: `${last.rating} risk: every ${months} months after the approval of ${last.approvedOn}`,
    message: {
      id: "reassessment.reason.cadence",
      values: { rating: last.rating, months, approved: last.approvedOn },
    },
  });
  if (policy.certificateDays > 0) {
    for (const c of history.certificates) {
      const warnOn = addDaysIso(c.expiryDate, -policy.certificateDays);
      // this expiry counts from its warning date, or from when the certificate was filed if that was later;
      // an approved assessment sent after that has answered it
      const countsFrom = c.filedAt && c.filedAt > `${warnOn}T00:00:00.000Z` ? c.filedAt : `${warnOn}T00:00:00.000Z`;
      if (!cameAfter(countsFrom, last)) continue;
      reasons.push({
        kind: "certificate",
        on: warnOn,
        text: `certificate ${c.certificateNumber} (${c.standard}) expires on ${c.expiryDate}`,
        message: {
          id: "reassessment.reason.certificate",
          values: { number: c.certificateNumber, standard: c.standard, expires: c.expiryDate },
        },
      });
    }
  }
  if (
    policy.onRatingFall &&
    history.previousRating &&
    RATING_ORDER.indexOf(last.rating) > RATING_ORDER.indexOf(history.previousRating)
  ) {
    reasons.push({
      kind: "rating",
      on: last.approvedOn,
      text: `the rating fell from ${history.previousRating} to ${last.rating}`,
      message: { id: "reassessment.reason.rating", values: { from: history.previousRating, to: last.rating } },
    });
  }
  if (policy.onIncident) {
    for (const i of history.incidents)
      if (cameAfter(i.reportedAt, last))
        reasons.push({
          kind: "incident",
          on: i.reportedOn,
          text: `an incident was reported on ${i.reportedOn}`,
          message: { id: "reassessment.reason.incident", values: { on: i.reportedOn } },
        });
  }
  if (policy.onNewPhase) {
    for (const p of agreement.phases)
      if (p.addedOn && p.addedOn > lastSentOn)
        reasons.push({
          kind: "phase",
          on: p.addedOn,
          text: `disclosure phase "${p.name}" was added on ${p.addedOn}`,
          message: { id: "reassessment.reason.phase", values: { phase: p.name, on: p.addedOn } },
        });
  }
  reasons.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const first = reasons[0];
  const triggered = first.kind !== "cadence";
  const dueDate = triggered ? maxDate(addDaysIso(first.on, MIN_ANSWER_DAYS), addDaysIso(today, 0)) : first.on;
  const sendOn = triggered ? first.on : addDaysIso(first.on, -LEAD_DAYS);
  // only the reasons that have come about by today explain why it is due; the others are what is coming
  const active = reasons.filter((r) => r.on <= maxDate(today, sendOn));
  const shown = active.length ? active : [first];
  if (history.open) {
    return {
      state: history.open.dueDate < today ? "overdue" : "in-progress",
      dueDate: history.open.dueDate,
      sendOn,
      reasons: shown,
      basisId: last.id,
      openId: history.open.id,
    };
  }
  return {
    state: sendOn <= today ? (dueDate < today ? "overdue" : "due") : "scheduled",
    dueDate,
    sendOn,
    reasons: shown,
    basisId: last.id,
    openId: null,
  };
}

/**
 * Whether a cause came about after the approved assessment was sent, so that
 * its answers could not know of it. The sending instant is known to the second
 * (it is the assessment id's time); within that second the approval decides:
 * a cause before the approval was known to it (a re-assessment is often sent
 * within the second of what caused it), one after it was not.
 */
function cameAfter(at: string, last: NonNullable<SupplierHistory["lastApproved"]>): boolean {
  const [cause, sent] = [at.slice(0, 19), last.sentAt.slice(0, 19)];
  if (cause !== sent) return cause > sent;
  return last.approvedAt !== undefined && at > last.approvedAt;
}

function maxDate(a: string, b: string) {
  return a > b ? a : b;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The reason as the re-assessment it caused keeps it: a message said to each
 * reader later (app/i18n/reasons.ts), its dates written for the reader.
 */
export function reasonMessage(reason: Pick<Reason, "message">): Said {
  const values: Record<string, SaidValue> = {};
  for (const [k, v] of Object.entries(reason.message.values))
    values[k] = typeof v === "string" && ISO_DAY.test(v) ? dateRef(v) : v;
  return said(reason.message.id, values);
}

/**
 * A reason in the reader's language: `say` is the page's `useT()` or the
 * server's `tIn(locale, …)`, `day` shows an ISO day in the reader's format.
 */
export function sayReason(
  reason: Pick<Reason, "message">,
  say: (id: MessageId, values: Record<string, string | number>) => string,
  day: (iso: string) => string,
): string {
  const values = Object.fromEntries(
    Object.entries(reason.message.values).map(([k, v]) => [k, typeof v === "string" && ISO_DAY.test(v) ? day(v) : v]),
  );
  return say(reason.message.id, values);
}
