import { pruneRowChanges, ROW_CHANGE_RETENTION_DAYS } from "#models/assessment-row.server";
import { pruneRevisionClaims, REVISION_CLAIM_RETENTION_DAYS } from "#models/claim.server";
import { pruneApiRateWindows } from "#models/api-rate-window.server";
import { pruneIdempotencyKeys } from "#models/idempotency-key.server";
import { pruneWorkbookImports } from "#models/workbook-import.server";
import { todayIso } from "#models/today";
import { refreshDueResults } from "#app/features/assessments/freshness.server";
import { sendDueReminders } from "#app/features/assessments/reminders.server";
import { mailAuditAnchor } from "#app/features/audit/anchor.server";
import { removeLongUnusedEvidence } from "#app/features/evidence/evidence-library.server";
import { sendDueDestructionReminders } from "#app/features/lifecycle/destruction-reminders.server";
import { sendDueReassessments } from "#app/features/reassessment/reassessment.server";
import { runWebhookDeliveries } from "#app/features/webhooks/delivery.server";
import { raiseExpiringCertificates } from "#app/features/webhooks/scheduled.server";
import { pruneWebhookHistory } from "#app/features/webhooks/prune.server";
import type { Env } from "#app/lib/env.server";
import { runExclusively } from "#app/lib/scheduler.server";

export interface ScheduledJob {
  name: string;
  /** how often an instance looks whether the job is due */
  everyMs: number;
  run: () => Promise<unknown>;
}

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/**
 * The jobs every app instance runs on a timer (unless FLOWDOWN_SCHEDULER is
 * off). Each is safe with several instances: what it sends or changes is
 * claimed in the database, or the whole run is, once per day.
 */
export function scheduledJobs(env: Pick<Env, "PUBLIC_URL" | "PORT" | "AUDIT_ANCHOR_MAIL">): ScheduledJob[] {
  const origin = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
  const daily = (key: string, run: () => Promise<unknown>) => () => runExclusively(key, todayIso(), run);
  const anchorMail = env.AUDIT_ANCHOR_MAIL;
  return [
    // every instance may run this: each day's reminder is claimed in the database, so it goes out once
    { name: "reminders", everyMs: HOUR, run: () => sendDueReminders({ origin }) },
    // return-or-destroy reminders and escalation: each request's mail of each stage is claimed in the database, so it goes out once
    { name: "destruction-reminders", everyMs: HOUR, run: () => sendDueDestructionReminders({ origin }) },
    // each approval's re-assessment is claimed in the database, so it is sent once whichever instance sees it due
    { name: "reassessments", everyMs: HOUR, run: () => sendDueReassessments({ origin }) },
    // old revision claims (one per save): once a day, by one instance
    {
      name: "prune-claims",
      everyMs: HOUR,
      run: daily("prune-revision-claims", () =>
        pruneRevisionClaims(new Date(Date.now() - REVISION_CLAIM_RETENTION_DAYS * DAY)),
      ),
    },
    // the dashboards' change feed (one entry per row write): once a day, by one instance
    {
      name: "prune-row-changes",
      everyMs: HOUR,
      run: daily("prune-row-changes", () => pruneRowChanges(new Date(Date.now() - ROW_CHANGE_RETENTION_DAYS * DAY))),
    },
    // the API's Idempotency-Keys, kept a day for retries: once a day, by one instance
    {
      name: "prune-idempotency-keys",
      everyMs: HOUR,
      run: daily("prune-idempotency-keys", () => pruneIdempotencyKeys()),
    },
    // the API's rate-limit slots (up to 120 a token a minute) of ended windows: once an hour, by one instance
    {
      name: "prune-api-rate-windows",
      everyMs: 10 * 60 * 1000,
      run: () =>
        runExclusively("prune-api-rate-windows", new Date().toISOString().substring(0, 13), () =>
          pruneApiRateWindows(),
        ),
    },
    // workbook uploads nobody confirmed within their day: once a day, by one instance
    {
      name: "prune-workbook-imports",
      everyMs: HOUR,
      run: daily("prune-workbook-imports", () => pruneWorkbookImports()),
    },
    // webhook events, deliveries and attempts finished more than 30 days ago: once a day, by one instance
    { name: "prune-webhooks", everyMs: HOUR, run: daily("prune-webhook-history", () => pruneWebhookHistory()) },
    // evidence files nothing has used for the grace period: once a day, by one instance
    { name: "evidence-cleanup", everyMs: HOUR, run: daily("remove-unused-evidence", () => removeLongUnusedEvidence()) },
    // the audit trail's head, kept outside the database by those it is mailed to: once a day, by one instance
    ...(anchorMail
      ? [{ name: "audit-anchor", everyMs: HOUR, run: daily("mail-audit-anchor", () => mailAuditAnchor(anchorMail)) }]
      : []),
    // webhook deliveries that are due: every instance looks; each attempt is claimed in the database, so it is sent once
    { name: "webhooks", everyMs: 10_000, run: () => runWebhookDeliveries() },
    // certificates coming within 90 days of expiry: once a day, by one instance (and each event is stored once anyway)
    {
      name: "webhook-certificates",
      everyMs: HOUR,
      run: daily("webhook-expiring-certificates", () => raiseExpiringCertificates()),
    },
    // results whose certificate or agreement dates the day has passed: once a day, by one instance
    {
      name: "rescoring",
      everyMs: 15 * 60 * 1000,
      run: () =>
        runExclusively("rescore-due-results", todayIso(), () => refreshDueResults(), {
          retryFailed: true,
          staleAfterMs: HOUR,
        }),
    },
  ];
}
