import { describe, expect, it } from "vitest";
import mongoose from "mongoose";
import { setupTestDatabase } from "#tests/setup/database";

/**
 * The daily clean-ups of what the API and the webhooks keep for a while:
 * old entries go, anything still in use stays.
 */
setupTestDatabase();

const { IdempotencyKey, pruneIdempotencyKeys, takeIdempotencyKey } = await import("#models/idempotency-key.server");
const { ApiRateSlot, pruneApiRateWindows, takeApiRequestSlot, windowStart } = await import(
  "#models/api-rate-window.server"
);
const { WebhookAttempt, WebhookDelivery, WebhookEvent } = await import("#models/webhook.server");
const { pruneWebhookAttempts, pruneWebhookDeliveries, pruneWebhookEvents, pruneWebhookHistory } = await import(
  "#app/features/webhooks/prune.server"
);
const { scheduledJobs } = await import("#app/jobs.server");

const DAY = 24 * 60 * 60 * 1000;
const now = new Date("2026-12-06T12:00:30Z");

describe("API pruning", () => {
  it("drops Idempotency-Keys older than a day and keeps the day's", async () => {
    await takeIdempotencyKey("tok:old", "h1", new Date(now.getTime() - DAY - 1000));
    await takeIdempotencyKey("tok:new", "h2", new Date(now.getTime() - DAY + 60_000));
    expect(await pruneIdempotencyKeys(now)).toBe(1);
    expect((await IdempotencyKey.find({}, { _id: 1 }).lean()).map((k) => k._id)).toEqual(["tok:new"]);
  });

  it("drops the rate-limit slots of ended windows and keeps the current window's count", async () => {
    const limit = { max: 3, windowMs: 60_000 };
    const earlier = windowStart(new Date(now.getTime() - 5 * 60_000), limit.windowMs);
    const current = windowStart(now, limit.windowMs);
    for (let i = 0; i < 3; i++) expect(await takeApiRequestSlot("tok-prune", earlier, limit)).toBe(true);
    for (let i = 0; i < 3; i++) expect(await takeApiRequestSlot("tok-prune", current, limit)).toBe(true);
    expect(await pruneApiRateWindows(now)).toBe(3);
    expect(await ApiRateSlot.countDocuments()).toBe(3);
    // the current window is still full after the clean-up
    expect(await takeApiRequestSlot("tok-prune", current, limit)).toBe(false);
  });

  it("is scheduled: idempotency keys and webhook history daily, rate-limit slots hourly", () => {
    const names = scheduledJobs({ PUBLIC_URL: "http://localhost", PORT: 3000, AUDIT_ANCHOR_MAIL: undefined }).map(
      (j) => j.name,
    );
    expect(names).toEqual(
      expect.arrayContaining(["prune-idempotency-keys", "prune-api-rate-windows", "prune-webhooks"]),
    );
  });
});

describe("webhook history pruning", () => {
  const old = new Date(now.getTime() - 31 * DAY);
  const recent = new Date(now.getTime() - 29 * DAY);
  const endpointId = new mongoose.Types.ObjectId();
  const orgId = new mongoose.Types.ObjectId();

  let round = 0;
  async function delivery(eventId: string, status: "pending" | "delivered" | "failed", createdAt: Date) {
    const d = await WebhookDelivery.create({
      eventId,
      endpointId,
      orgId,
      type: "incident.reported",
      round: round++,
      status,
      attempts: 1,
      giveUpAt: new Date(createdAt.getTime() + DAY),
      createdAt,
    });
    await WebhookAttempt.create({
      _id: `${String(d._id)}:1`,
      deliveryId: d._id,
      number: 1,
      owner: "test",
      claimedAt: createdAt,
      finishedAt: createdAt,
      statusCode: 200,
    });
    return String(d._id);
  }
  async function event(id: string, occurredAt: Date) {
    await WebhookEvent.create({ _id: id, orgId, type: "incident.reported", occurredAt, data: {} });
  }

  it("drops finished deliveries older than 30 days with their attempts, then their events; keeps the rest", async () => {
    await event("evt_old_done", old);
    await event("evt_old_pending", old);
    await event("evt_recent", recent);
    const oldDelivered = await delivery("evt_old_done", "delivered", old);
    const oldFailed = await delivery("evt_old_done", "failed", old);
    const oldPending = await delivery("evt_old_pending", "pending", old);
    const recentDelivered = await delivery("evt_recent", "delivered", recent);
    const before = new Date(now.getTime() - 30 * DAY);

    expect(await pruneWebhookAttempts(before)).toBe(2);
    expect((await WebhookAttempt.find({}, { deliveryId: 1 }).lean()).map((a) => String(a.deliveryId)).sort()).toEqual(
      [oldPending, recentDelivered].sort(),
    );
    expect(await pruneWebhookDeliveries(before)).toBe(2);
    const left = (await WebhookDelivery.find({}, { _id: 1 }).lean()).map((d) => String(d._id));
    expect(left.sort()).toEqual([oldPending, recentDelivered].sort());
    expect(left).not.toContain(oldDelivered);
    expect(left).not.toContain(oldFailed);
    // the old event whose delivery is still pending stays, as does the recent one
    expect(await pruneWebhookEvents(before)).toBe(1);
    expect((await WebhookEvent.find({}, { _id: 1 }).lean()).map((e) => e._id).sort()).toEqual([
      "evt_old_pending",
      "evt_recent",
    ]);
    // all three together, again: nothing more to drop
    expect(await pruneWebhookHistory(now)).toEqual({ attempts: 0, deliveries: 0, events: 0 });
  });
});
