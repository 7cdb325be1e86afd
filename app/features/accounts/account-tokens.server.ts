import type { Types } from "mongoose";
import { z } from "zod";
import {
  AccountTokenModel,
  closeAccountToken,
  issueAccountToken,
  lookupAccountToken,
  type AccountToken,
  type AccountTokenLookup,
} from "#models/account-token.server";
import { recordAudit } from "#models/audit-event.server";
import { isDuplicateKey } from "#models/duplicate-key";
import { ROLE_FOR_KIND } from "#models/enums";
import { Organization } from "#models/organization.server";
import { Refusal, said } from "#models/refusal";
import { User } from "#models/user.server";
import { currentLocale, tIn } from "#app/i18n/messages.server";
import type { Locale } from "#app/i18n/locales";
import { sendMail } from "#app/lib/mail.server";
import { forgetAttempts } from "#app/lib/rate-limit.server";
import { EMAIL_MAX, limitedText, tooLong } from "#app/lib/text-limits";
import { NAME_MAX, PASSWORD_MAX } from "./account-limits";
import { endSessions } from "./auth.server";
import { localeOfRecipient } from "./locale.server";
import { hashPassword } from "./password.server";

/**
 * Accounts come into being through a link: an invitation (an administrator,
 * a team administrator or procurement invites someone into an organisation)
 * or, for the first administrator, the command line. Nobody types a password
 * for someone else; the invited person sets their own. Forgotten passwords
 * are reset through the same kind of link.
 */

/** Who acts: a signed-in user, or the operator at the command line (null). */
export type Actor = { id: string; email: string; orgId: string } | null;

export interface Context {
  /** the origin links in e-mails point to */
  origin: string;
  ip?: string;
}

export const NewPasswordSchema = z
  .string()
  .min(12, "accounts.password.tooShort")
  .max(PASSWORD_MAX, tooLong("The password", PASSWORD_MAX));

export const InviteSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(EMAIL_MAX, tooLong("The e-mail address", EMAIL_MAX))
    .pipe(z.email("accounts.email.invalid")),
  name: limitedText("The name", NAME_MAX).default(""),
  teamAdmin: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});
export type InviteInput = z.output<typeof InviteSchema>;

export function setUpLink(origin: string, token: string) {
  return `${origin.replace(/\/$/, "")}/welcome/${token}`;
}
export function resetLink(origin: string, token: string) {
  return `${origin.replace(/\/$/, "")}/reset-password/${token}`;
}

function actorIdOf(actor: Actor): Types.ObjectId | string | null {
  return actor ? actor.id : null;
}

/**
 * Invites `email` into the organisation with the role its kind gives
 * (models/enums.ts ROLE_FOR_KIND). An earlier open invitation of the same
 * address to the same organisation is replaced, so only the newest link
 * works. Who may invite into which organisation is the caller's policy.
 */
export async function inviteUser(
  actor: Actor,
  orgId: string,
  input: InviteInput & { agreementId?: string | null; invitedByName?: string; note?: string },
  ctx: Context,
): Promise<{ id: string; link: string; mailStatus: string }> {
  const org = await Organization.findById(orgId, { name: 1, kind: 1, active: 1 }).lean();
  if (!org) throw new Refusal("accounts.refusal.orgMissing", { status: 404 });
  if (org.active === false) throw new Refusal(said("accounts.refusal.orgDeactivated", { name: org.name }));
  const existing = await User.findOne({ email: input.email }, { orgId: 1, active: 1 }).lean();
  if (existing) {
    throw Refusal.ofFields({
      email: [
        String(existing.orgId) === orgId
          ? existing.active === false
            ? "accounts.refusal.deactivatedHere"
            : "accounts.refusal.alreadyMember"
          : "accounts.refusal.otherOrganisation",
      ],
    });
  }
  const role = ROLE_FOR_KIND[org.kind];
  const earlier = await AccountTokenModel.find(
    { email: input.email, purpose: "invite", orgId: org._id, status: "active" },
    { _id: 1 },
  ).lean();
  for (const e of earlier) await closeAccountToken(e._id, "revoked");
  const { token, record } = await issueAccountToken({
    purpose: "invite",
    email: input.email,
    orgId: org._id,
    role,
    teamAdmin: input.teamAdmin,
    name: input.name,
    agreementId: (input.agreementId ?? null) as unknown as Types.ObjectId | null,
    createdBy: actorIdOf(actor) as Types.ObjectId | null,
    replaces: earlier[0]?._id ?? null,
  });
  const link = setUpLink(ctx.origin, token);
  // said in the invited person's language: theirs if the address has an account, else the inviter's
  const locale = await localeOfRecipient(input.email, currentLocale());
  const intro = {
    inviter: input.invitedByName ?? tIn(locale, "accounts.mail.invite.anAdministrator"),
    organisation: org.name,
    role: roleInSentence(locale, role),
  };
  const mail = await sendMail({
    to: input.email,
    subject: tIn(locale, "accounts.mail.invite.subject", { organisation: org.name }),
    text: [
      tIn(locale, input.teamAdmin ? "accounts.mail.invite.introTeamAdmin" : "accounts.mail.invite.intro", intro),
      ...(input.note ? ["", input.note] : []),
      "",
      tIn(locale, "accounts.mail.invite.link", { link }),
      "",
      tIn(locale, "accounts.mail.invite.footer"),
    ].join("\n"),
    kind: "account-invite",
    relatedType: "organization",
    relatedId: orgId,
  });
  await recordAudit({
    action: earlier.length ? "user.invite_resend" : "user.invite",
    actor,
    targetType: "organization",
    targetId: orgId,
    details: {
      email: input.email,
      role,
      teamAdmin: String(input.teamAdmin),
      ...(input.agreementId ? { agreementId: input.agreementId } : {}),
    },
    ip: ctx.ip,
  });
  return { id: String(record._id), link, mailStatus: mail.status };
}

/** A role's name inside a sentence: lower case in English ("as procurement"); the other languages quote it as it is. */
function roleInSentence(locale: Locale, role: AccountToken["role"]): string {
  const name = tIn(locale, `labels.role.${role}`);
  return locale === "en" ? name.toLowerCase() : name;
}

/** Open invitations of an organisation (newest first). */
export async function pendingInvitations(orgId: string, now = new Date()) {
  const rows = await AccountTokenModel.find({ orgId, purpose: "invite", status: "active" })
    .sort({ createdAt: -1 })
    .limit(200)
    .lean();
  return rows.map((r) => ({
    id: String(r._id),
    email: r.email,
    name: r.name,
    role: r.role,
    teamAdmin: r.teamAdmin,
    expiresAt: r.expiresAt.toISOString(),
    expired: r.expiresAt <= now,
    sentAt: (r.createdAt ?? r.expiresAt).toISOString(),
  }));
}

async function openInvitation(id: string, orgId: string | null): Promise<AccountToken> {
  const record = (await AccountTokenModel.findOne({
    _id: id,
    purpose: "invite",
    ...(orgId ? { orgId } : {}),
  }).lean()) as AccountToken | null;
  if (!record) throw new Refusal("accounts.refusal.invitationMissing", { status: 404 });
  if (record.status !== "active") throw new Refusal("accounts.refusal.invitationClosed");
  return record;
}

/** Sends a fresh link for an open invitation; the old link stops working. `orgId` null: any organisation (an administrator). */
export async function resendInvitation(
  actor: Actor,
  id: string,
  orgId: string | null,
  ctx: Context & { invitedByName?: string },
) {
  const record = await openInvitation(id, orgId);
  return inviteUser(
    actor,
    String(record.orgId),
    {
      email: record.email,
      name: record.name,
      teamAdmin: record.teamAdmin,
      agreementId: record.agreementId ? String(record.agreementId) : null,
      invitedByName: ctx.invitedByName,
    },
    ctx,
  );
}

export async function revokeInvitation(actor: Actor, id: string, orgId: string | null, ctx: Context) {
  const record = await openInvitation(id, orgId);
  if (!(await closeAccountToken(record._id, "revoked"))) {
    throw new Refusal("accounts.refusal.invitationClosed");
  }
  await recordAudit({
    action: "user.invite_revoke",
    actor,
    targetType: "organization",
    targetId: String(record.orgId),
    details: { email: record.email },
    ip: ctx.ip,
  });
}

export type SetUpView =
  | { kind: "dead"; state: Exclude<AccountTokenLookup["state"], "valid"> }
  | {
      kind: "set-up";
      email: string;
      name: string;
      organisation: string;
      role: AccountToken["role"];
      teamAdmin: boolean;
    };

/** What a set-password link shows. */
export async function openSetUpLink(token: string): Promise<SetUpView> {
  const lookup = await lookupAccountToken(token, "invite");
  if (lookup.state !== "valid") return { kind: "dead", state: lookup.state };
  const org = await Organization.findById(lookup.record.orgId, { name: 1, active: 1 }).lean();
  if (!org || org.active === false) return { kind: "dead", state: "revoked" };
  return {
    kind: "set-up",
    email: lookup.record.email,
    name: lookup.record.name,
    organisation: org.name,
    role: lookup.record.role,
    teamAdmin: lookup.record.teamAdmin === true,
  };
}

/**
 * Creates the invited account with the password its owner chose and uses
 * the link up. Of two submissions racing, one wins; the other is refused.
 */
export async function acceptInvitation(
  token: string,
  input: { name: string; password: string },
  ctx: { ip?: string },
): Promise<{ userId: string; role: AccountToken["role"]; agreementId: string | null }> {
  const lookup = await lookupAccountToken(token, "invite");
  if (lookup.state !== "valid") throw new Refusal("accounts.refusal.linkInvalid");
  const record = lookup.record;
  const org = await Organization.findById(record.orgId, { active: 1 }).lean();
  if (!org || org.active === false) throw new Refusal("accounts.refusal.linkInvalid");
  let created;
  try {
    created = await User.create({
      email: record.email,
      name: input.name,
      role: record.role,
      orgId: record.orgId,
      teamAdmin: record.teamAdmin,
      passwordHash: await hashPassword(input.password),
      passwordChangedAt: new Date(),
    });
  } catch (error) {
    if (isDuplicateKey(error)) throw new Refusal("accounts.refusal.accountExists");
    throw error;
  }
  if (!(await closeAccountToken(record._id, "used"))) {
    // someone used or revoked the link a moment earlier: undo the account just made
    await User.deleteOne({ _id: created._id });
    throw new Refusal("accounts.refusal.linkInvalid");
  }
  const userId = String(created._id);
  await recordAudit({
    action: "user.create",
    actor: { id: userId, email: record.email, orgId: String(record.orgId) },
    targetType: "user",
    targetId: userId,
    details: {
      via: "invitation",
      role: record.role,
      teamAdmin: String(record.teamAdmin),
      ...(record.agreementId ? { agreementId: String(record.agreementId) } : {}),
    },
    ip: ctx.ip,
  });
  return { userId, role: record.role, agreementId: record.agreementId ? String(record.agreementId) : null };
}

/**
 * Sends a reset link when the address belongs to an active account; says
 * nothing either way (the caller shows the same answer). The caller counts
 * the attempt and applies the rate limit before calling.
 */
export async function requestPasswordReset(email: string, ctx: Context): Promise<void> {
  const address = email.trim().toLowerCase();
  const user = await User.findOne({ email: address }, { orgId: 1, role: 1, active: 1 }).lean();
  const org = user ? await Organization.findById(user.orgId, { active: 1 }).lean() : null;
  await recordAudit({
    action: "auth.reset_requested",
    details: { email: address, known: String(Boolean(user && user.active !== false && org?.active !== false)) },
    ip: ctx.ip,
  });
  if (!user || user.active === false || !org || org.active === false) return;
  // not awaited: an address with an account must not answer more slowly than one without
  void sendResetLink(address, user, ctx, currentLocale()).catch((error) =>
    console.error("could not send a password reset link", error),
  );
}

async function sendResetLink(
  address: string,
  user: { _id: Types.ObjectId; orgId: Types.ObjectId; role: AccountToken["role"] },
  ctx: Context,
  /** the language of the request that asked, should the account have none of its own */
  requestLocale: Locale,
) {
  const earlier = await AccountTokenModel.find(
    { email: address, purpose: "reset", status: "active" },
    { _id: 1 },
  ).lean();
  for (const e of earlier) await closeAccountToken(e._id, "revoked");
  const { token } = await issueAccountToken({
    purpose: "reset",
    email: address,
    orgId: user.orgId,
    role: user.role,
    userId: user._id,
  });
  const link = resetLink(ctx.origin, token);
  const locale = await localeOfRecipient(address, requestLocale);
  await sendMail({
    to: address,
    subject: tIn(locale, "accounts.mail.reset.subject"),
    text: [
      tIn(locale, "accounts.mail.reset.intro"),
      "",
      tIn(locale, "accounts.mail.reset.link", { link }),
      "",
      tIn(locale, "accounts.mail.reset.expiry"),
      tIn(locale, "accounts.mail.reset.ignore"),
    ].join("\n"),
    kind: "password-reset",
    relatedType: "user",
    relatedId: String(user._id),
  });
}

export async function openResetLink(token: string) {
  const lookup = await lookupAccountToken(token, "reset");
  return lookup.state === "valid" ? { valid: true as const, email: lookup.record.email } : { valid: false as const };
}

/** Sets the new password and ends every session of the account; the caller signs the user in afresh. */
export async function resetPassword(token: string, password: string, ctx: { ip?: string }) {
  const lookup = await lookupAccountToken(token, "reset");
  const invalid = () => new Refusal("accounts.refusal.resetLinkInvalid");
  if (lookup.state !== "valid" || !lookup.record.userId) throw invalid();
  const user = await User.findById(lookup.record.userId, { email: 1, orgId: 1, active: 1, role: 1 }).lean();
  if (!user || user.active === false) throw invalid();
  if (!(await closeAccountToken(lookup.record._id, "used"))) throw invalid();
  await User.updateOne(
    { _id: user._id },
    { $set: { passwordHash: await hashPassword(password), passwordChangedAt: new Date() } },
  );
  const ended = await endSessions(String(user._id));
  // whoever holds the e-mailed link is the owner: failed sign-ins by others no longer hold the account back
  await forgetAttempts("login", user.email);
  await recordAudit({
    action: "user.password_reset",
    actor: { id: String(user._id), email: user.email, orgId: String(user.orgId) },
    targetType: "user",
    targetId: String(user._id),
    details: { sessionsEnded: String(ended) },
    ip: ctx.ip,
  });
  return { userId: String(user._id), role: user.role, email: user.email };
}
