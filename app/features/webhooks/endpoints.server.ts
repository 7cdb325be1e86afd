import { Types } from "mongoose";
import { z } from "zod";
import { recordAudit } from "#models/audit-event.server";
import { isDuplicateKey } from "#models/duplicate-key";
import { Refusal } from "#models/refusal";
import {
  WEBHOOK_DESCRIPTION_MAX,
  WEBHOOK_ENDPOINTS_MAX,
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_URL_MAX,
  WebhookAttempt,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEvent,
} from "#models/webhook.server";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { seal } from "#app/lib/secret-box.server";
import { atMost } from "#app/lib/text-limits";
import { checkEndpointUrl, newSigningSecret, RETRY_FOR_MS } from "./signing";
import { secretPurpose } from "./delivery.server";

const objectId = z.string().regex(/^[0-9a-f]{24}$/, "webhooks.unknownEndpoint");

/** The webhook page's forms, told apart by their hidden `intent`. */
export const WebhookActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create"),
    url: z
      .string()
      .trim()
      .min(1, "webhooks.url.missing")
      .max(WEBHOOK_URL_MAX, atMost(WEBHOOK_URL_MAX))
      .superRefine((value, ctx) => {
        if (value.length > WEBHOOK_URL_MAX) return; // said by the length check
        const verdict = checkEndpointUrl(value);
        if (!verdict.ok) ctx.addIssue({ code: "custom", message: `webhooks.url.${verdict.reason}` });
      }),
    description: z.string().trim().max(WEBHOOK_DESCRIPTION_MAX, atMost(WEBHOOK_DESCRIPTION_MAX)).default(""),
    events: z.array(z.enum(WEBHOOK_EVENT_TYPES, "webhooks.events.unknown")).min(1, "webhooks.events.missing"),
  }),
  z.object({ intent: z.literal("rotate"), endpointId: objectId }),
  z.object({ intent: z.literal("disable"), endpointId: objectId }),
  z.object({ intent: z.literal("enable"), endpointId: objectId }),
  z.object({
    intent: z.literal("delete"),
    endpointId: objectId,
    confirm: z.literal("delete", "webhooks.delete.confirmMissing"),
  }),
  z.object({
    intent: z.literal("resend"),
    endpointId: objectId,
    deliveryId: z.string().regex(/^[0-9a-f]{24}$/, "webhooks.unknownDelivery"),
  }),
]);
export type WebhookAction = z.output<typeof WebhookActionSchema>;
export const WEBHOOK_INTENTS: readonly string[] = WebhookActionSchema.options.map((o) => o.shape.intent.value);

/** The form as zod reads it: `events` is every checked box. */
export function webhookFormInput(form: FormData): Record<string, unknown> {
  const input: Record<string, unknown> = Object.fromEntries(form);
  input.events = form.getAll("events").map(String);
  return input;
}

const actorOf = (user: CurrentUser) => ({ id: user.id, email: user.email, orgId: user.orgId });

async function ownEndpoint(admin: CurrentUser, endpointId: string) {
  const endpoint = await WebhookEndpoint.findOne({ _id: endpointId, orgId: admin.orgId }).lean();
  if (!endpoint) throw new Refusal("webhooks.unknownEndpoint", { status: 404 });
  return endpoint;
}

function hintOf(secret: string): string {
  return secret.replace(/^(whsec_.{4}).*$/s, "$1…");
}

type Ctx = { ip: string | null };

/** Registers an endpoint; its signing secret is returned once and stored sealed. */
export async function createEndpoint(
  admin: CurrentUser,
  input: Extract<WebhookAction, { intent: "create" }>,
  ctx: Ctx,
  now = new Date(),
): Promise<{ id: string; secret: string; url: string }> {
  const verdict = checkEndpointUrl(input.url);
  if (!verdict.ok) throw Refusal.ofFields({ url: [`webhooks.url.${verdict.reason}`] });
  if ((await WebhookEndpoint.countDocuments({ orgId: admin.orgId })) >= WEBHOOK_ENDPOINTS_MAX)
    throw new Refusal({ id: "webhooks.tooMany", values: { max: WEBHOOK_ENDPOINTS_MAX } });
  const _id = new Types.ObjectId();
  const secret = newSigningSecret();
  await WebhookEndpoint.create({
    _id,
    orgId: admin.orgId,
    url: verdict.url,
    description: input.description,
    events: [...new Set(input.events)],
    secretSealed: seal(secret, secretPurpose(String(_id))),
    secretHint: hintOf(secret),
    enabled: true,
    createdBy: admin.id,
    createdAt: now,
  });
  await recordAudit({
    action: "webhook.create",
    actor: actorOf(admin),
    targetType: "organization",
    targetId: admin.orgId,
    details: { endpoint: String(_id), url: verdict.url, events: input.events.join(" ") },
    ip: ctx.ip,
  });
  return { id: String(_id), secret, url: verdict.url };
}

/** A new signing secret for an endpoint, returned once; the old one stops working at once. */
export async function rotateSecret(admin: CurrentUser, endpointId: string, ctx: Ctx, now = new Date()) {
  const endpoint = await ownEndpoint(admin, endpointId);
  const secret = newSigningSecret();
  await WebhookEndpoint.updateOne(
    { _id: endpoint._id },
    {
      $set: { secretSealed: seal(secret, secretPurpose(endpointId)), secretHint: hintOf(secret), secretRotatedAt: now },
    },
  );
  await recordAudit({
    action: "webhook.rotate",
    actor: actorOf(admin),
    targetType: "organization",
    targetId: admin.orgId,
    details: { endpoint: endpointId, url: endpoint.url },
    ip: ctx.ip,
  });
  return { id: endpointId, secret, url: endpoint.url };
}

export async function setEndpointEnabled(admin: CurrentUser, endpointId: string, enabled: boolean, ctx: Ctx) {
  const endpoint = await ownEndpoint(admin, endpointId);
  await WebhookEndpoint.updateOne({ _id: endpoint._id }, { $set: { enabled } });
  await recordAudit({
    action: enabled ? "webhook.enable" : "webhook.disable",
    actor: actorOf(admin),
    targetType: "organization",
    targetId: admin.orgId,
    details: { endpoint: endpointId, url: endpoint.url },
    ip: ctx.ip,
  });
}

/** Removes an endpoint with its deliveries (the events stay: other endpoints may have them). */
export async function deleteEndpoint(admin: CurrentUser, endpointId: string, ctx: Ctx) {
  const endpoint = await ownEndpoint(admin, endpointId);
  const deliveries = await WebhookDelivery.find({ endpointId: endpoint._id, orgId: admin.orgId }, { _id: 1 }).lean();
  await WebhookEndpoint.deleteOne({ _id: endpoint._id, orgId: admin.orgId });
  for (const d of deliveries) await WebhookAttempt.deleteMany({ deliveryId: d._id });
  await WebhookDelivery.deleteMany({ endpointId: endpoint._id, orgId: admin.orgId });
  await recordAudit({
    action: "webhook.delete",
    actor: actorOf(admin),
    targetType: "organization",
    targetId: admin.orgId,
    details: { endpoint: endpointId, url: endpoint.url },
    ip: ctx.ip,
  });
}

/**
 * Sends a logged event to its endpoint again, as a new delivery round with
 * the same event id (a receiver that had it can tell). Two admins clicking
 * at once make one round: the round is a unique key.
 */
export async function resendDelivery(
  admin: CurrentUser,
  input: { endpointId: string; deliveryId: string },
  ctx: Ctx,
  now = new Date(),
) {
  const endpoint = await ownEndpoint(admin, input.endpointId);
  const delivery = await WebhookDelivery.findOne({
    _id: input.deliveryId,
    endpointId: endpoint._id,
    orgId: admin.orgId,
  }).lean();
  if (!delivery) throw new Refusal("webhooks.unknownDelivery", { status: 404 });
  if (!endpoint.enabled) throw new Refusal("webhooks.resend.disabled");
  if (!(await WebhookEvent.exists({ _id: delivery.eventId, orgId: admin.orgId })))
    throw new Refusal("webhooks.unknownDelivery", { status: 404 });
  const rounds = await WebhookDelivery.find(
    { eventId: delivery.eventId, endpointId: endpoint._id },
    { round: 1 },
  ).lean();
  const round = Math.max(...rounds.map((r) => r.round)) + 1;
  try {
    await WebhookDelivery.create({
      eventId: delivery.eventId,
      endpointId: endpoint._id,
      orgId: admin.orgId,
      type: delivery.type,
      round,
      status: "pending",
      attempts: 0,
      nextAttemptAt: now,
      giveUpAt: new Date(now.getTime() + RETRY_FOR_MS),
      createdAt: now,
    });
  } catch (error) {
    // someone resent it this very moment: that resend is the one asked for
    if (!isDuplicateKey(error)) throw error;
  }
  await recordAudit({
    action: "webhook.resend",
    actor: actorOf(admin),
    targetType: "organization",
    targetId: admin.orgId,
    details: { endpoint: input.endpointId, event: delivery.eventId },
    ip: ctx.ip,
  });
}

const LOG_SIZE = 50;

/** The page: the organisation's endpoints and, for the chosen one, its latest deliveries. */
export async function webhookPage(admin: CurrentUser, selected: string | null) {
  const endpoints = await WebhookEndpoint.find({ orgId: admin.orgId }).limit(WEBHOOK_ENDPOINTS_MAX).lean();
  endpoints.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const chosen = selected ? endpoints.find((e) => String(e._id) === selected) : undefined;
  const deliveries = chosen
    ? await WebhookDelivery.find({ endpointId: chosen._id, orgId: admin.orgId })
        .sort({ createdAt: -1, round: -1 })
        .limit(LOG_SIZE)
        .lean()
    : [];
  return {
    organisation: admin.org.name,
    eventTypes: WEBHOOK_EVENT_TYPES,
    endpoints: endpoints.map((e) => ({
      id: String(e._id),
      url: e.url,
      description: e.description,
      events: e.events,
      enabled: e.enabled,
      secretHint: e.secretHint,
      createdAt: e.createdAt.toISOString(),
    })),
    log: chosen
      ? {
          endpointId: String(chosen._id),
          url: chosen.url,
          deliveries: deliveries.map((d) => ({
            id: String(d._id),
            eventId: d.eventId,
            type: d.type,
            round: d.round,
            createdAt: d.createdAt.toISOString(),
            attempts: d.attempts,
            status: d.status,
            lastStatusCode: d.lastStatusCode,
            lastError: d.lastError,
            nextAttemptAt: d.status === "pending" && d.nextAttemptAt ? d.nextAttemptAt.toISOString() : null,
          })),
        }
      : null,
  };
}
