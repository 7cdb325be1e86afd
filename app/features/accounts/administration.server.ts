import { Organization } from "#models/organization.server";
import { User } from "#models/user.server";
import { isObjectId } from "#app/lib/ids.server";
import { listOutbox } from "#app/lib/mail.server";
import { getEnv } from "#app/lib/env.server";

/** The operator's headline: how many organisations and users there are. */
export async function accountCounts() {
  const [organizations, users] = await Promise.all([Organization.countDocuments(), User.countDocuments()]);
  return { organizations, users };
}

const OUTBOX_PAGE = 50;

/** A page of the outgoing mail, newest first, before the given message id. */
export async function outboxPage(before: string | null) {
  const rows = await listOutbox({ limit: OUTBOX_PAGE, before: before && isObjectId(before) ? before : undefined });
  return {
    smtp: Boolean(getEnv().SMTP_URL),
    rows: rows.map((r) => ({
      id: r.id,
      to: r.to,
      subject: r.subject,
      text: r.text,
      kind: r.kind,
      status: r.status,
      error: r.error,
      createdAt: new Date(r.createdAt).toISOString(),
    })),
    next: rows.length === OUTBOX_PAGE ? rows[rows.length - 1].id : null,
  };
}
