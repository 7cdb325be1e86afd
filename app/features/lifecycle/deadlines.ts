import { addDaysIso, addMonthsIso, daysBetween, isoDateOf } from "#app/scoring/dates";
import type { CompelledNotice, NoticeVerdict } from "#models/compelled-disclosure.server";

/**
 * The dates of an agreement's life after signature, as pure functions of
 * calendar dates and instants (nothing here reads the clock).
 *
 * Deadlines are calendar days. A holder anywhere in the world has the whole
 * of its due date: a deadline passes when the due date has ended everywhere,
 * that is at the end of the day at UTC−12 ("anywhere on earth"). So the day
 * a request is overdue, and by how much, is counted in that calendar.
 */

const HOUR = 3_600_000;

/** The calendar date it still is somewhere on earth at `now`: the date at UTC−12. */
export function lastPlaceDate(now: Date): string {
  return isoDateOf(new Date(now.getTime() - 12 * HOUR));
}

/** The day by which a holder must have returned or destroyed the information: `destroyWithinDays` after the milestone. */
export function destructionDueDate(effectiveDate: string, destroyWithinDays: number): string {
  return addDaysIso(effectiveDate, destroyWithinDays);
}

/** The instant a due date has ended everywhere: the next day, 12:00 UTC. */
export function deadlineInstant(dueDate: string): Date {
  return new Date(`${addDaysIso(dueDate, 1)}T12:00:00Z`);
}

/** Whole days a due date is past at `now` (0 while it is still the due date somewhere, or earlier). */
export function daysOverdue(dueDate: string, now: Date): number {
  return Math.max(0, daysBetween(dueDate, lastPlaceDate(now)));
}

/** Whole days left until the due date (negative when overdue), in the same calendar. */
export function daysLeft(dueDate: string, now: Date): number {
  return daysBetween(lastPlaceDate(now), dueDate);
}

/** When confidentiality stops surviving: `survivalMonths` calendar months after the agreement ended (month ends clamp). */
export function survivalEnds(endedOn: string, survivalMonths: number): string {
  return addMonthsIso(endedOn, survivalMonths);
}

export type LifecycleState = "active" | "in-survival" | "archived";

/**
 * Where an agreement is in its life: active until its end (termination or
 * expiry) is recorded, then in survival until the survival period is over,
 * then archived (read-only; its reports stay verifiable). `today` is the
 * portal's calendar date (UTC).
 */
export function lifecycleState(end: { survivalEnds: string | null } | null, today: string): LifecycleState {
  if (!end) return "active";
  if (end.survivalEnds && today < end.survivalEnds) return "in-survival";
  return "archived";
}

export type NoticeCheck = { ok: true; noticeDays: number } | { ok: false; noticeDays: number; earliest: string };

/**
 * An audit must be announced `noticeDays` calendar days ahead: scheduled on
 * `today` for `scheduledFor`. `earliest` is the first day it may take place.
 * After a security incident the audit right needs no notice.
 */
export function checkAuditNotice(
  today: string,
  scheduledFor: string,
  noticeDays: number,
  afterIncident = false,
): NoticeCheck {
  const given = daysBetween(today, scheduledFor);
  if (afterIncident ? given >= 0 : given >= noticeDays) return { ok: true, noticeDays: given };
  return { ok: false, noticeDays: given, earliest: addDaysIso(today, afterIncident ? 0 : noticeDays) };
}

export type YearCheck = { ok: true } | { ok: false; windowStart: string; windowEnd: string; inWindow: string[] };

/**
 * The agreement allows `perYear` audits of a supplier in any twelve months
 * (a rolling year, not a calendar one: two audits on 31 December and 1
 * January are two in a year). `existing` are the dates of the supplier's
 * audits not cancelled under the agreement. Returns the first twelve-month
 * window that the new date would overfill, with the audits already in it.
 */
export function checkAuditsPerYear(existing: readonly string[], scheduledFor: string, perYear: number): YearCheck {
  const dates = [...existing, scheduledFor].sort();
  // every window holding the new date that could be fullest starts at one of the dates, at most a year before it
  for (const start of dates) {
    if (start > scheduledFor) break;
    const end = addMonthsIso(start, 12);
    if (end <= scheduledFor) continue;
    const inWindow = existing.filter((d) => d >= start && d < end);
    if (inWindow.length + 1 > perYear)
      return { ok: false, windowStart: start, windowEnd: addDaysIso(end, -1), inWindow: [...inWindow].sort() };
  }
  return { ok: true };
}

/**
 * How much notice a compelled disclosure left the disclosing party: from
 * the day the supplier reported it (in the portal, which tells procurement
 * and the disclosing party at once) to the deadline to comply, against the
 * agreement's minimum. Notice the law bars is recorded, not measured as a
 * breach.
 */
export function measureCompelledNotice(input: {
  receivedOn: string;
  reportedAt: Date;
  complyBy: string;
  noticePermitted: boolean;
  notifyBeforeDisclosure: boolean;
  requiredDays: number;
}): CompelledNotice {
  const reportedOn = isoDateOf(input.reportedAt);
  const reportDelayDays = Math.max(0, daysBetween(input.receivedOn, reportedOn));
  const noticeDays = daysBetween(reportedOn, input.complyBy);
  let verdict: NoticeVerdict;
  if (!input.notifyBeforeDisclosure) verdict = "not-required";
  else if (!input.noticePermitted) verdict = "barred";
  else if (noticeDays <= 0) verdict = "too-late";
  else if (noticeDays < input.requiredDays) verdict = "short";
  else verdict = "sufficient";
  return { reportDelayDays, noticeDays, requiredDays: input.requiredDays, verdict };
}
