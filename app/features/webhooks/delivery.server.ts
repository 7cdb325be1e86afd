import os from "node:os";
import crypto from "node:crypto";
import type { Types } from "mongoose";
import { isDuplicateKey } from "#models/duplicate-key";
import {
  attemptKey,
  WebhookAttempt,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEvent,
  type WebhookDeliveryData,
} from "#models/webhook.server";
import { trusted } from "#app/lib/ids.server";
import { open } from "#app/lib/secret-box.server";
import { DELIVERY_TIMEOUT_MS, nextAttemptAfter, signatureHeader } from "./signing";

/** How many due deliveries one run of the worker takes on. */
const BATCH = 50;
/** An attempt claimed this long ago and never finished belongs to an instance that died. */
const ABANDONED_AFTER_MS = 5 * 60_000;

export const secretPurpose = (endpointId: string) => `webhook:${endpointId}`;

export interface DeliveryOptions {
  now?: Date;
  /** who claims the attempts (tests name their workers) */
  owner?: string;
  fetch?: typeof fetch;
}

type Outcome = { statusCode: number | null; error: string | null; ok: boolean };

/** The body a receiver gets: the event's id, type, time and data. */
export function deliveryBody(event: { _id: string; type: string; occurredAt: Date; data: unknown }): string {
  return JSON.stringify({
    id: event._id,
    type: event.type,
    createdAt: event.occurredAt.toISOString(),
    data: event.data,
  });
}

async function post(
  url: string,
  headers: Record<string, string>,
  body: string,
  fetchFn: typeof fetch,
): Promise<Outcome> {
  try {
    const response = await fetchFn(url, {
      method: "POST",
      headers,
      body,
      // a redirect is the receiver's answer, not an instruction to send the signed event elsewhere
      redirect: "manual",
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    await response.body?.cancel().catch(() => {});
    const ok = response.status >= 200 && response.status < 300;
    return { statusCode: response.status, ok, error: ok ? null : `HTTP ${response.status}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const name = error instanceof Error ? error.name : "";
    const message =
      name === "TimeoutError" || name === "AbortError"
        ? `no answer within ${DELIVERY_TIMEOUT_MS / 1000} s`
        : (cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error)));
    // a short code or message for the log; an odd, long one is not worth keeping whole
    return { statusCode: null, ok: false, error: message.length <= 200 ? message : "network error" };
  }
}

async function claimAttempt(d: { _id: Types.ObjectId }, n: number, owner: string, now: Date): Promise<boolean> {
  try {
    await WebhookAttempt.create({
      _id: attemptKey(String(d._id), n),
      deliveryId: d._id,
      number: n,
      owner,
      claimedAt: now,
    });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/**
 * An attempt another instance claimed and never finished (it died while
 * sending): counted as failed, so the next one may be claimed. Every
 * instance that sees it writes the same values, so no race matters here.
 */
async function passAbandoned(d: WebhookDeliveryData & { _id: Types.ObjectId }, n: number, now: Date) {
  const held = await WebhookAttempt.findById(attemptKey(String(d._id), n)).lean();
  if (!held || held.finishedAt || now.getTime() - held.claimedAt.getTime() < ABANDONED_AFTER_MS) return;
  const next = nextAttemptAfter(n, held.claimedAt, d.giveUpAt);
  await WebhookDelivery.updateOne(
    { _id: d._id },
    {
      $set: {
        attempts: n,
        lastAttemptAt: held.claimedAt,
        lastStatusCode: null,
        lastError: "interrupted",
        status: next ? "pending" : "failed",
        nextAttemptAt: next ?? null,
      },
    },
  );
}

async function attempt(
  d: WebhookDeliveryData & { _id: Types.ObjectId },
  now: Date,
  owner: string,
  fetchFn: typeof fetch,
) {
  const n = d.attempts + 1;
  if (!(await claimAttempt(d, n, owner, now))) {
    await passAbandoned(d, n, now);
    return "taken" as const;
  }
  const [endpoint, event] = await Promise.all([
    WebhookEndpoint.findOne({ _id: d.endpointId, orgId: d.orgId }).select("+secretSealed").lean(),
    WebhookEvent.findOne({ _id: d.eventId, orgId: d.orgId }).lean(),
  ]);
  let outcome: Outcome;
  if (!endpoint || !event) outcome = { ok: false, statusCode: null, error: "endpoint or event removed" };
  else if (!endpoint.enabled) outcome = { ok: false, statusCode: null, error: "endpoint disabled" };
  else {
    const body = deliveryBody(event);
    const timestamp = Math.floor(now.getTime() / 1000);
    const secret = open(endpoint.secretSealed, secretPurpose(String(endpoint._id)));
    outcome = await post(
      endpoint.url,
      {
        "Content-Type": "application/json",
        "User-Agent": "Flowdown-Webhooks/1",
        "Flowdown-Event-Id": event._id,
        "Flowdown-Event-Type": event.type,
        "Flowdown-Timestamp": String(timestamp),
        "Flowdown-Signature": signatureHeader(secret, timestamp, body),
      },
      body,
      fetchFn,
    );
  }
  const finishedAt = new Date(now.getTime());
  await WebhookAttempt.updateOne(
    { _id: attemptKey(String(d._id), n) },
    { $set: { finishedAt, statusCode: outcome.statusCode, error: outcome.error } },
  );
  // a gone or disabled endpoint is not retried: there is nothing to send to
  const final = !endpoint || !event || !endpoint.enabled;
  const next = outcome.ok || final ? null : nextAttemptAfter(n, now, d.giveUpAt);
  await WebhookDelivery.updateOne(
    { _id: d._id },
    {
      $set: {
        attempts: n,
        lastAttemptAt: now,
        lastStatusCode: outcome.statusCode,
        lastError: outcome.error,
        status: outcome.ok ? "delivered" : next ? "pending" : "failed",
        nextAttemptAt: next,
        deliveredAt: outcome.ok ? now : null,
      },
    },
  );
  return outcome.ok ? ("delivered" as const) : next ? ("retry" as const) : ("failed" as const);
}

export interface DeliveryRun {
  delivered: number;
  retrying: number;
  failed: number;
  /** attempts another instance had claimed */
  skipped: number;
}

/**
 * Sends every delivery that is due at `now` (the worker's tick; tests call it
 * with the time they need). Safe with several instances: each attempt is
 * claimed by inserting its record, so exactly one of them sends it.
 */
export async function runWebhookDeliveries(options: DeliveryOptions = {}): Promise<DeliveryRun> {
  const now = options.now ?? new Date();
  const owner = options.owner ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString("hex")}`;
  const fetchFn = options.fetch ?? fetch;
  const due = await WebhookDelivery.find({ status: "pending", nextAttemptAt: trusted({ $lte: now }) })
    .limit(BATCH)
    .lean();
  const run: DeliveryRun = { delivered: 0, retrying: 0, failed: 0, skipped: 0 };
  await Promise.all(
    due.map(async (d) => {
      const result = await attempt(d, now, owner, fetchFn);
      if (result === "delivered") run.delivered++;
      else if (result === "retry") run.retrying++;
      else if (result === "failed") run.failed++;
      else run.skipped++;
    }),
  );
  return run;
}
