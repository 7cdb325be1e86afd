import mongoose, { Schema, type Model, type Types } from "mongoose";

/**
 * Webhooks: an organisation's endpoints, the events raised for it, one
 * delivery per (event, endpoint, round) and one record per attempt.
 *
 * Exclusivity never rests on a conditional update (FerretDB v1 lets several
 * concurrent ones match): an attempt is claimed by inserting its record,
 * whose `_id` is "<delivery id>:<attempt number>", so of several instances
 * exactly one sends it. A resend is a new delivery round under a unique
 * (eventId, endpointId, round) key. See docs/decisions/016-webhooks.md.
 */
export const WEBHOOK_EVENT_TYPES = [
  "assessment.submitted",
  "assessment.approved",
  "assessment.rejected",
  "assessment.remediation_requested",
  "reassessment.due",
  "incident.reported",
  "certificate.expiring",
  "chain.compliance_changed",
  "report.generated",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_URL_MAX = 2000;
export const WEBHOOK_DESCRIPTION_MAX = 200;
/** endpoints per organisation */
export const WEBHOOK_ENDPOINTS_MAX = 20;

export interface WebhookEndpointData {
  orgId: Types.ObjectId;
  url: string;
  description: string;
  events: WebhookEventType[];
  /** the signing secret, sealed with the purpose "webhook:<endpoint id>"; never sent to a page */
  secretSealed: string;
  /** the secret's first characters, so an admin can tell which one a receiver holds */
  secretHint: string;
  enabled: boolean;
  createdBy: Types.ObjectId;
  createdAt: Date;
  secretRotatedAt: Date | null;
}

const endpointSchema = new Schema<WebhookEndpointData>(
  {
    orgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true, index: true },
    url: { type: String, required: true, maxlength: WEBHOOK_URL_MAX },
    description: { type: String, default: "", maxlength: WEBHOOK_DESCRIPTION_MAX },
    events: { type: [String], enum: WEBHOOK_EVENT_TYPES, default: [] },
    secretSealed: { type: String, required: true, select: false },
    secretHint: { type: String, required: true },
    enabled: { type: Boolean, default: true },
    createdBy: { type: Schema.Types.ObjectId, ref: "User", required: true },
    createdAt: { type: Date, required: true },
    secretRotatedAt: { type: Date, default: null },
  },
  { versionKey: false },
);

export const WebhookEndpoint: Model<WebhookEndpointData> =
  (mongoose.models.WebhookEndpoint as Model<WebhookEndpointData>) ??
  mongoose.model<WebhookEndpointData>("WebhookEndpoint", endpointSchema, "webhook_endpoints");

export interface WebhookEventData {
  /** "evt_…": the idempotency id receivers see in Flowdown-Event-Id and the body */
  _id: string;
  orgId: Types.ObjectId;
  type: WebhookEventType;
  occurredAt: Date;
  data: Record<string, unknown>;
}

const eventSchema = new Schema<WebhookEventData>(
  {
    _id: { type: String, required: true },
    orgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true, index: true },
    type: { type: String, required: true, enum: WEBHOOK_EVENT_TYPES },
    occurredAt: { type: Date, required: true },
    data: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false, minimize: false },
);

export const WebhookEvent: Model<WebhookEventData> =
  (mongoose.models.WebhookEvent as Model<WebhookEventData>) ??
  mongoose.model<WebhookEventData>("WebhookEvent", eventSchema, "webhook_events");

export const DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface WebhookDeliveryData {
  eventId: string;
  endpointId: Types.ObjectId;
  orgId: Types.ObjectId;
  type: WebhookEventType;
  /** 0 for the first delivery, 1, 2, … for each resend */
  round: number;
  status: DeliveryStatus;
  /** attempts made (the next one is attempts + 1) */
  attempts: number;
  nextAttemptAt: Date | null;
  /** retries stop after this (a day after the event, or after the resend) */
  giveUpAt: Date;
  lastAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

const deliverySchema = new Schema<WebhookDeliveryData>(
  {
    eventId: { type: String, required: true },
    endpointId: { type: Schema.Types.ObjectId, required: true },
    orgId: { type: Schema.Types.ObjectId, required: true },
    type: { type: String, required: true, enum: WEBHOOK_EVENT_TYPES },
    round: { type: Number, required: true, min: 0 },
    status: { type: String, required: true, enum: DELIVERY_STATUSES },
    attempts: { type: Number, required: true, min: 0 },
    nextAttemptAt: { type: Date, default: null },
    giveUpAt: { type: Date, required: true },
    lastAttemptAt: { type: Date, default: null },
    lastStatusCode: { type: Number, default: null },
    lastError: { type: String, default: null, maxlength: 500 },
    deliveredAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
deliverySchema.index({ eventId: 1, endpointId: 1, round: 1 }, { unique: true });
deliverySchema.index({ status: 1, nextAttemptAt: 1 });
deliverySchema.index({ endpointId: 1, createdAt: -1 });

export const WebhookDelivery: Model<WebhookDeliveryData> =
  (mongoose.models.WebhookDelivery as Model<WebhookDeliveryData>) ??
  mongoose.model<WebhookDeliveryData>("WebhookDelivery", deliverySchema, "webhook_deliveries");

export interface WebhookAttemptData {
  /** "<delivery id>:<attempt number>": inserting it is the claim on that attempt */
  _id: string;
  deliveryId: Types.ObjectId;
  number: number;
  owner: string;
  claimedAt: Date;
  finishedAt: Date | null;
  statusCode: number | null;
  error: string | null;
}

const attemptSchema = new Schema<WebhookAttemptData>(
  {
    _id: { type: String, required: true },
    deliveryId: { type: Schema.Types.ObjectId, required: true, index: true },
    number: { type: Number, required: true, min: 1 },
    owner: { type: String, required: true },
    claimedAt: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
    statusCode: { type: Number, default: null },
    error: { type: String, default: null, maxlength: 500 },
  },
  { versionKey: false },
);

export const WebhookAttempt: Model<WebhookAttemptData> =
  (mongoose.models.WebhookAttempt as Model<WebhookAttemptData>) ??
  mongoose.model<WebhookAttemptData>("WebhookAttempt", attemptSchema, "webhook_attempts");

export const attemptKey = (deliveryId: string | Types.ObjectId, n: number) => `${String(deliveryId)}:${n}`;
