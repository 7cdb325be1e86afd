import mongoose, { Schema, type Model, type Types } from "mongoose";

/**
 * Every e-mail the portal sends, or would have sent: the record admins read
 * in the portal when a supplier says "I never got the invitation", and the
 * only copy of the message when no SMTP server is configured.
 * Written by sendMail (app/lib/mail.server.ts); rows are never edited by hand.
 */
export const OUTBOX_STATUSES = ["queued", "sent", "failed", "logged"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface OutboxData {
  to: string;
  subject: string;
  text: string;
  html: string | null;
  /** what the message is for, e.g. "invitation", "reminder" */
  kind: string;
  relatedType: string | null;
  relatedId: string | null;
  createdAt: Date;
  status: OutboxStatus;
  /** why sending failed; never contains SMTP credentials */
  error: string | null;
  messageId: string | null;
  sentAt: Date | null;
}

const outboxSchema = new Schema<OutboxData>(
  {
    to: { type: String, required: true, maxlength: 254 },
    subject: { type: String, required: true, maxlength: 300 },
    text: { type: String, required: true },
    html: { type: String, default: null },
    kind: { type: String, required: true, maxlength: 40 },
    relatedType: { type: String, default: null },
    relatedId: { type: String, default: null },
    createdAt: { type: Date, required: true, default: () => new Date() },
    status: { type: String, enum: OUTBOX_STATUSES, required: true },
    error: { type: String, default: null },
    messageId: { type: String, default: null },
    sentAt: { type: Date, default: null },
  },
  { collection: "outbox", versionKey: false },
);
// The admin page lists newest first and pages with `before`.
outboxSchema.index({ createdAt: -1, _id: -1 });
// "Which mails went out for this assessment?"
outboxSchema.index({ relatedType: 1, relatedId: 1, createdAt: -1 });

export const Outbox: Model<OutboxData> =
  (mongoose.models.Outbox as Model<OutboxData>) ?? mongoose.model<OutboxData>("Outbox", outboxSchema);

export type OutboxRow = OutboxData & { id: string };

function toRow(doc: OutboxData & { _id: Types.ObjectId }): OutboxRow {
  const { _id, ...rest } = doc;
  return { id: String(_id), ...rest };
}

/**
 * Newest first. `before` is the id of the last row of the previous page;
 * ties on createdAt are broken by _id so paging neither skips nor repeats rows.
 */
export async function listOutbox({ limit = 50, before }: { limit?: number; before?: string } = {}): Promise<
  OutboxRow[]
> {
  const size = Math.min(Math.max(Math.trunc(limit) || 1, 1), 500);
  let filter: Record<string, unknown> = {};
  if (before !== undefined) {
    if (!mongoose.isValidObjectId(before)) return [];
    const anchor = await Outbox.findById(before, { createdAt: 1 }).lean();
    if (!anchor) return [];
    filter = {
      $or: [
        { createdAt: mongoose.trusted({ $lt: anchor.createdAt }) },
        { createdAt: anchor.createdAt, _id: mongoose.trusted({ $lt: anchor._id }) },
      ],
    };
  }
  const docs = await Outbox.find(filter).sort({ createdAt: -1, _id: -1 }).limit(size).lean();
  return docs.map(toRow);
}
