import { z } from "zod";
import { AccountTokenModel } from "#models/account-token.server";
import { Organization } from "#models/organization.server";
import { Refusal } from "#models/refusal";
import { currentLocale, t, tIn } from "#app/i18n/messages.server";
import { localeOfRecipient } from "#app/features/accounts/locale.server";
import { User } from "#models/user.server";
import {
  InviteSchema,
  inviteUser,
  resendInvitation,
  revokeInvitation,
} from "#app/features/accounts/account-tokens.server";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { requireAgreement } from "#app/features/agreements/agreement-access.server";
import { publicOrigin } from "#app/lib/env.server";
import { clientIp } from "#app/lib/http.server";
import { fieldErrors } from "#app/lib/forms.server";
import { trusted } from "#app/lib/ids.server";

/**
 * Procurement invites the disclosing party's people to an agreement: their
 * accounts are made in the disclosing organisation (the role follows from
 * its kind) and see only the agreements that name it. Only procurement of
 * the agreement's recipient may do this (requireAgreement scopes the
 * agreement to the user's recipient organisation; anyone else gets a 404).
 */

/** The disclosing party's users and the invitations sent for this agreement that are still open. */
export async function discloserContacts(user: CurrentUser, agreementId: string | undefined) {
  const agreement = await requireAgreement(user, agreementId);
  const discloserOrgId = String(agreement.discloserOrgId);
  const [org, users, invitations] = await Promise.all([
    Organization.findById(discloserOrgId, { name: 1, active: 1 }).lean(),
    User.find({ orgId: discloserOrgId }, { name: 1, email: 1, active: 1 }).sort({ name: 1 }).limit(200).lean(),
    AccountTokenModel.find({
      orgId: discloserOrgId,
      purpose: "invite",
      status: "active",
      agreementId: agreement._id,
    })
      .sort({ createdAt: -1 })
      .limit(100)
      .lean(),
  ]);
  const now = new Date();
  return {
    agreementId: String(agreement._id),
    organisation: org?.name ?? t("directory.contacts.theDiscloser"),
    organisationActive: org?.active !== false,
    users: users.map((u) => ({ id: String(u._id), name: u.name, email: u.email, active: u.active !== false })),
    invitations: invitations.map((token) => ({
      id: String(token._id),
      email: token.email,
      name: token.name,
      sentAt: (token.createdAt ?? now).toISOString(),
      expiresAt: token.expiresAt.toISOString(),
      expired: token.expiresAt <= now,
    })),
  };
}

export type DiscloserContacts = Awaited<ReturnType<typeof discloserContacts>>;

const invitationId = z.string().regex(/^[0-9a-f]{24}$/, "directory.contacts.unknownInvitation");

export const ContactActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("invite"), email: z.string(), name: z.string().optional() }),
  z.object({ intent: z.literal("resend"), invitationId }),
  z.object({ intent: z.literal("revoke"), invitationId }),
]);

/** An open invitation of this agreement's disclosing party, sent for this agreement; anything else is a 404. */
async function agreementInvitation(discloserOrgId: string, agreementId: string, id: string) {
  const token = await AccountTokenModel.findOne(
    { _id: id, orgId: discloserOrgId, purpose: "invite", agreementId },
    { status: 1 },
  ).lean();
  if (!token) throw new Refusal("directory.contacts.noSuchInvitation", { status: 404 });
  return token;
}

/** Invites, resends or revokes; returns the message for the page. */
export async function discloserContactAction(
  user: CurrentUser,
  agreementId: string | undefined,
  values: Record<string, string>,
  request: Request,
): Promise<string> {
  const agreement = await requireAgreement(user, agreementId);
  const parsed = ContactActionSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Refusal(
      issue.path[0] === "intent"
        ? "directory.contacts.unknownAction"
        : (Object.values(fieldErrors(parsed.error)).flat()[0] ?? issue.message),
    );
  }
  const discloserOrgId = String(agreement.discloserOrgId);
  const id = String(agreement._id);
  const actor = { id: user.id, email: user.email, orgId: user.orgId };
  const ctx = { origin: publicOrigin(request), ip: clientIp(request) };
  const invitedByName = `${user.name} (${user.org.name})`;
  switch (parsed.data.intent) {
    case "invite": {
      const input = InviteSchema.safeParse({ email: parsed.data.email, name: parsed.data.name ?? "" });
      if (!input.success) throw Refusal.ofFields(fieldErrors(input.error));
      // a contact follows the agreement; the disclosing party manages its own team, so the first
      // contact of an organisation nobody manages yet becomes its team administrator
      // the note goes into the invitation e-mail: said in the language of its recipient
      const locale = await localeOfRecipient(input.data.email, currentLocale());
      const managed = await User.exists({ orgId: discloserOrgId, teamAdmin: true, active: trusted({ $ne: false }) });
      await inviteUser(
        actor,
        discloserOrgId,
        {
          ...input.data,
          teamAdmin: !managed,
          agreementId: id,
          invitedByName,
          note: tIn(locale, "directory.contacts.note", { reference: agreement.reference, title: agreement.title }),
        },
        ctx,
      );
      return t("directory.contacts.invited", { email: input.data.email });
    }
    case "resend": {
      await agreementInvitation(discloserOrgId, id, parsed.data.invitationId);
      await resendInvitation(actor, parsed.data.invitationId, discloserOrgId, { ...ctx, invitedByName });
      return t("directory.contacts.resent");
    }
    case "revoke": {
      await agreementInvitation(discloserOrgId, id, parsed.data.invitationId);
      await revokeInvitation(actor, parsed.data.invitationId, discloserOrgId, ctx);
      return t("directory.contacts.revoked");
    }
  }
}
