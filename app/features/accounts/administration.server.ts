import { Organization } from "#models/organization.server";
import { User, type Role } from "#models/user.server";
import { isObjectId } from "#app/lib/ids.server";
import { listOutbox } from "#app/lib/mail.server";
import { getEnv } from "#app/lib/env.server";
import { ROLE_LABEL } from "#models/labels";

/** The operator's headline: how many organisations and users there are. */
export async function accountCounts() {
  const [organizations, users] = await Promise.all([Organization.countDocuments(), User.countDocuments()]);
  return { organizations, users };
}

/** Every user (the first 500 by e-mail) with their organisation and last sign-in, for the operator. */
export async function userDirectory() {
  const [users, orgs] = await Promise.all([
    User.find({}, { email: 1, name: 1, role: 1, orgId: 1, lastLoginAt: 1 }).sort({ email: 1 }).limit(500).lean(),
    Organization.find({}, { name: 1 }).lean(),
  ]);
  const orgName = new Map(orgs.map((o) => [String(o._id), o.name]));
  return users.map((u) => ({
    id: String(u._id),
    email: u.email,
    name: u.name,
    role: ROLE_LABEL[u.role as Role],
    org: orgName.get(String(u.orgId)) ?? "",
    lastLoginAt: u.lastLoginAt ? new Date(u.lastLoginAt).toISOString() : null,
  }));
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
