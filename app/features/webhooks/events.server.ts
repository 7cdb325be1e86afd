import crypto from "node:crypto";
import { Types } from "mongoose";
import { isDuplicateKey } from "#models/duplicate-key";
import { WebhookDelivery, WebhookEndpoint, WebhookEvent, type WebhookEventType } from "#models/webhook.server";
import { RETRY_FOR_MS } from "./signing";

export interface RaisedEvent {
  type: WebhookEventType;
  /** the organisations the event belongs to: each gets its own event (and id), for its own endpoints */
  orgIds: (string | Types.ObjectId | null | undefined)[];
  data: Record<string, unknown>;
  /**
   * what makes the event one event, for callers that may raise it more than
   * once (a scheduled job on several instances): the same key gives the same
   * event id, stored once
   */
  key?: string;
  now?: Date;
}

function eventIdOf(orgId: string, type: string, key: string | undefined): string {
  if (!key) return `evt_${crypto.randomBytes(16).toString("hex")}`;
  return `evt_${crypto.createHash("sha256").update(`${orgId}\n${type}\n${key}`).digest("hex")}`;
}

/**
 * Stores the event for each organisation with an enabled endpoint that
 * subscribes to it, and one pending delivery per such endpoint; the worker
 * sends them. Organisations without a subscribed endpoint store nothing.
 */
export async function raiseWebhookEvent(event: RaisedEvent): Promise<string[]> {
  const now = event.now ?? new Date();
  const orgIds = [...new Set(event.orgIds.filter((o) => o).map(String))].filter((o) => Types.ObjectId.isValid(o));
  const raised: string[] = [];
  for (const orgId of orgIds) {
    const endpoints = await WebhookEndpoint.find({ orgId, enabled: true }, { _id: 1, events: 1 }).lean();
    const subscribed = endpoints.filter((e) => e.events.includes(event.type));
    if (!subscribed.length) continue;
    const id = eventIdOf(orgId, event.type, event.key);
    try {
      await WebhookEvent.create({ _id: id, orgId, type: event.type, occurredAt: now, data: event.data });
    } catch (error) {
      // the same event raised again (another instance, a job run twice): it has its deliveries already
      if (isDuplicateKey(error)) continue;
      throw error;
    }
    for (const endpoint of subscribed) {
      await WebhookDelivery.create({
        eventId: id,
        endpointId: endpoint._id,
        orgId,
        type: event.type,
        round: 0,
        status: "pending",
        attempts: 0,
        nextAttemptAt: now,
        giveUpAt: new Date(now.getTime() + RETRY_FOR_MS),
        createdAt: now,
      });
    }
    raised.push(id);
  }
  return raised;
}

/**
 * Stores an event beside the user's action, before the action answers, so an
 * event is never only in memory when the process stops; delivery happens
 * later, in the worker. A failure to store is logged and does not fail the
 * action: the action has happened, and a missed notification must not undo it.
 */
export async function recordWebhookEvent(event: RaisedEvent): Promise<void> {
  try {
    await raiseWebhookEvent(event);
  } catch (error) {
    console.error(`webhook event ${event.type} could not be stored`, error);
  }
}

const idOf = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** What an assessment event says: ids, state and result, no answers. */
export function assessmentEventData(a: {
  _id: unknown;
  agreementId: unknown;
  supplierOrgId: unknown;
  status: string;
  dueDate?: string | null;
  result?: { score: number; rating: string } | null;
}): Record<string, unknown> {
  return {
    assessment: {
      id: idOf(a._id),
      agreementId: idOf(a.agreementId),
      supplierOrgId: idOf(a.supplierOrgId),
      status: a.status,
      dueDate: a.dueDate ?? null,
      score: a.result?.score ?? null,
      rating: a.result?.rating ?? null,
    },
  };
}
