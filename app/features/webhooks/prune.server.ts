import mongoose from "mongoose";
import { WebhookAttempt, WebhookDelivery, WebhookEvent, type DeliveryStatus } from "#models/webhook.server";

/**
 * Webhook history older than WEBHOOK_RETENTION_DAYS, dropped once a day
 * (app/jobs.server.ts), one small function per collection, run in this
 * order so that nothing still due is touched: a delivery is dropped only
 * when it is finished (delivered or failed), its attempts with it, and an
 * event only when no delivery of it is left. Each removes at most `batch`
 * a run; what is left goes the next day.
 */
export const WEBHOOK_RETENTION_DAYS = 30;
const FINISHED = ["delivered", "failed"] as const satisfies readonly DeliveryStatus[];

/** Finished deliveries made before `before`: their ids, oldest first. */
async function oldFinishedDeliveryIds(before: Date, batch: number) {
  const rows = await WebhookDelivery.find(
    { status: mongoose.trusted({ $in: [...FINISHED] }), createdAt: mongoose.trusted({ $lt: before }) },
    { _id: 1 },
  )
    .limit(batch)
    .lean();
  return rows.map((r) => r._id);
}

/** The attempts of finished deliveries made before `before`. */
export async function pruneWebhookAttempts(before: Date, batch = 5000): Promise<number> {
  const ids = await oldFinishedDeliveryIds(before, batch);
  if (ids.length === 0) return 0;
  return (await WebhookAttempt.deleteMany({ deliveryId: mongoose.trusted({ $in: ids }) })).deletedCount;
}

/** Finished deliveries made before `before` (after their attempts: pruneWebhookAttempts). */
export async function pruneWebhookDeliveries(before: Date, batch = 5000): Promise<number> {
  const ids = await oldFinishedDeliveryIds(before, batch);
  if (ids.length === 0) return 0;
  await WebhookAttempt.deleteMany({ deliveryId: mongoose.trusted({ $in: ids }) });
  return (await WebhookDelivery.deleteMany({ _id: mongoose.trusted({ $in: ids }) })).deletedCount;
}

/** Events that occurred before `before` and have no delivery left. */
export async function pruneWebhookEvents(before: Date, batch = 5000): Promise<number> {
  const old = await WebhookEvent.find({ occurredAt: mongoose.trusted({ $lt: before }) }, { _id: 1 })
    .limit(batch)
    .lean();
  if (old.length === 0) return 0;
  const ids = old.map((e) => e._id);
  const kept = new Set(
    (await WebhookDelivery.distinct("eventId", { eventId: mongoose.trusted({ $in: ids }) })).map(String),
  );
  const gone = ids.filter((id) => !kept.has(String(id)));
  if (gone.length === 0) return 0;
  return (await WebhookEvent.deleteMany({ _id: mongoose.trusted({ $in: gone }) })).deletedCount;
}

/** The three, in order. */
export async function pruneWebhookHistory(now = new Date()) {
  const before = new Date(now.getTime() - WEBHOOK_RETENTION_DAYS * 24 * 60 * 60 * 1000);
  const attempts = await pruneWebhookAttempts(before);
  const deliveries = await pruneWebhookDeliveries(before);
  const events = await pruneWebhookEvents(before);
  return { attempts, deliveries, events };
}
