import { z } from "zod";
import { recordAudit } from "#models/audit-event.server";
import { type Role, ROLE_FOR_KIND, TEAM_ROLES, type TeamRole } from "#models/enums";
import { Organization } from "#models/organization.server";
import { Refusal, said } from "#models/refusal";
import { User } from "#models/user.server";
import { publicOrigin } from "#app/lib/env.server";
import { fieldErrors } from "#app/lib/forms.server";
import { t } from "#app/i18n/messages.server";
import { clientIp } from "#app/lib/http.server";
import { isObjectId, trusted } from "#app/lib/ids.server";
import {
  InviteSchema,
  inviteUser,
  pendingInvitations,
  resendInvitation,
  revokeInvitation,
  type Context,
  type InviteInput,
} from "./account-tokens.server";
import { endSessions, type CurrentUser } from "./auth.server";

/**
 * An organisation's team: its users and its open invitations. The same use
 * cases serve platform administrators (any organisation, from
 * /admin/organisations/<id> and /admin/users) and an organisation's team
 * administrators (their own organisation, on /account/team). Who acts where
 * is fixed by the scope: a user or invitation outside it is not found.
 *
 * Rules (docs/decisions/009): nobody deactivates themselves; the portal's
 * last active administrator cannot be deactivated; an organisation's last
 * active team administrator cannot be demoted, nor deactivated by their
 * team (a platform administrator can, and invites the next one).
 * Deactivation and a new team role end the user's sessions at once.
 */

/** Where an actor manages people: one organisation, or (platform administrators only) any. */
export interface TeamScope {
  actor: CurrentUser;
  /** null: every organisation (a platform administrator's user list) */
  orgId: string | null;
}

/** One organisation's team. */
export type OrganisationScope = TeamScope & { orgId: string };

/** A team administrator's own team. The caller has checked the right (requireTeamAdmin). */
export function ownTeam(actor: CurrentUser): OrganisationScope {
  return { actor, orgId: actor.orgId };
}

/** A platform administrator's view of one organisation's team; null when there is no such organisation. */
export async function organisationTeam(actor: CurrentUser, orgId: string): Promise<OrganisationScope | null> {
  if (actor.role !== "admin" || !isObjectId(orgId)) return null;
  return (await Organization.exists({ _id: orgId })) ? { actor, orgId } : null;
}

/** A platform administrator acting on any user (the user list). */
export function everyTeam(actor: CurrentUser): TeamScope {
  if (actor.role !== "admin") throw new Error("Only platform administrators act on every organisation.");
  return { actor, orgId: null };
}

export function requestContext(request: Request): Context {
  return { origin: publicOrigin(request), ip: clientIp(request) };
}

const UNKNOWN = { invitation: "accounts.refusal.unknownInvitation", user: "accounts.refusal.unknownUser" } as const;

const objectId = (what: keyof typeof UNKNOWN) =>
  z
    .string()
    .max(24, UNKNOWN[what])
    .refine((v) => isObjectId(v), UNKNOWN[what]);

/** The team forms, told apart by their hidden `intent`. */
export const TeamActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("invite"), ...InviteSchema.shape }),
  z.object({ intent: z.literal("resend"), invitationId: objectId("invitation") }),
  z.object({ intent: z.literal("revoke"), invitationId: objectId("invitation") }),
  z.object({
    intent: z.literal("team-role"),
    userId: objectId("user"),
    teamRole: z.enum(TEAM_ROLES, "accounts.refusal.pickTeamRole"),
  }),
  z.object({ intent: z.literal("deactivate"), userId: objectId("user") }),
  z.object({ intent: z.literal("reactivate"), userId: objectId("user") }),
]);
export type TeamAction = z.output<typeof TeamActionSchema>;
export const TEAM_INTENTS: readonly string[] = TeamActionSchema.options.map((o) => o.shape.intent.value);

/** Runs one team action in the scope; returns the flash key and, for mails, their status. */
export async function runTeamAction(
  scope: TeamScope,
  action: TeamAction,
  ctx: Context,
): Promise<{ done: string; mailStatus?: string }> {
  switch (action.intent) {
    case "invite": {
      const { intent: _intent, ...input } = action;
      const sent = await inviteToTeam(scope, input, ctx);
      return { done: "invited", mailStatus: sent.mailStatus };
    }
    case "resend": {
      const sent = await resendInvitation(scope.actor, action.invitationId, scope.orgId, {
        ...ctx,
        invitedByName: inviterName(scope),
      });
      return { done: "resent", mailStatus: sent.mailStatus };
    }
    case "revoke":
      await revokeInvitation(scope.actor, action.invitationId, scope.orgId, ctx);
      return { done: "revoked" };
    case "team-role":
      await setTeamRole(scope, action.userId, action.teamRole, ctx);
      return { done: "team-role" };
    case "deactivate":
      await deactivateUser(scope, action.userId, ctx);
      return { done: "deactivated" };
    case "reactivate":
      await reactivateUser(scope, action.userId, ctx);
      return { done: "reactivated" };
  }
}

function inviterName(scope: TeamScope) {
  return `${scope.actor.name} (${scope.actor.org.name})`;
}

/** Invites someone into the scope's organisation; the role follows from its kind. */
export async function inviteToTeam(scope: TeamScope, input: InviteInput, ctx: Context) {
  if (!scope.orgId) throw new Error("An invitation needs an organisation.");
  return inviteUser(scope.actor, scope.orgId, { ...input, invitedByName: inviterName(scope) }, ctx);
}

/** The organisation's people and open invitations, for the team pages. */
export async function teamPage(scope: OrganisationScope) {
  const [org, users, invitations] = await Promise.all([
    Organization.findById(scope.orgId, { name: 1, kind: 1, active: 1 }).lean(),
    User.find(
      { orgId: scope.orgId },
      { email: 1, name: 1, role: 1, teamAdmin: 1, active: 1, lastLoginAt: 1, deactivatedAt: 1 },
    )
      .limit(1000)
      .lean(),
    pendingInvitations(scope.orgId),
  ]);
  if (!org) throw new Refusal("accounts.refusal.orgMissing", { status: 404 });
  return {
    org: {
      id: String(org._id),
      name: org.name,
      kind: t(`labels.orgKind.${org.kind}`),
      role: t(`labels.role.${ROLE_FOR_KIND[org.kind]}`),
      /** the role its users have (the page says it in the reader's language; `role` and `kind` are English, for the admin pages) */
      roleId: ROLE_FOR_KIND[org.kind],
      active: org.active !== false,
    },
    people: users
      .map((u, _, all) => ({
        id: String(u._id),
        name: u.name,
        email: u.email,
        teamAdmin: u.teamAdmin === true,
        teamRole: t(`labels.teamRole.${u.teamAdmin ? "admin" : "member"}`),
        active: u.active !== false,
        self: String(u._id) === scope.actor.id,
        /** can be neither demoted nor deactivated: the organisation's only active team administrator */
        lastTeamAdmin:
          u.teamAdmin === true &&
          u.active !== false &&
          all.filter((o) => o.teamAdmin === true && o.active !== false).length === 1,
        lastLoginAt: u.lastLoginAt ? new Date(u.lastLoginAt).toISOString() : null,
      }))
      .map((p) => ({
        ...p,
        /** what the rules let the actor do, so the page offers no button that would be refused */
        canChangeRole: p.active && !p.lastTeamAdmin,
        canDeactivate: !p.self && (!p.lastTeamAdmin || scope.actor.role === "admin"),
      }))
      .sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name)),
    hasTeamAdmin: users.some((u) => u.teamAdmin === true && u.active !== false),
    invitations: invitations.map((i) => ({
      ...i,
      teamRole: t(`labels.teamRole.${i.teamAdmin ? "admin" : "member"}`),
    })),
  };
}

/** The portal's active administrators whose organisation is active too (those who can still sign in). */
export async function activeAdministrators(): Promise<{ id: string; orgId: string }[]> {
  const admins = await User.find({ role: "admin", active: trusted({ $ne: false }) }, { orgId: 1 }).lean();
  const orgActive = new Map<string, boolean>();
  const out: { id: string; orgId: string }[] = [];
  for (const a of admins) {
    const orgId = String(a.orgId);
    if (!orgActive.has(orgId)) {
      const org = await Organization.findById(orgId, { active: 1 }).lean();
      orgActive.set(orgId, Boolean(org && org.active !== false));
    }
    if (orgActive.get(orgId)) out.push({ id: String(a._id), orgId });
  }
  return out;
}

async function activeTeamAdministrators(orgId: string) {
  return User.countDocuments({ orgId, teamAdmin: true, active: trusted({ $ne: false }) });
}

async function memberOf(scope: TeamScope, userId: string) {
  const user = isObjectId(userId)
    ? await User.findOne(
        { _id: userId, ...(scope.orgId ? { orgId: scope.orgId } : {}) },
        { email: 1, name: 1, role: 1, orgId: 1, teamAdmin: 1, active: 1 },
      ).lean()
    : null;
  if (!user) throw new Refusal("accounts.refusal.userMissing", { status: 404 });
  return user;
}

export async function setTeamRole(scope: TeamScope, userId: string, teamRole: TeamRole, ctx: { ip?: string }) {
  const user = await memberOf(scope, userId);
  const orgId = String(user.orgId);
  const was: TeamRole = user.teamAdmin ? "admin" : "member";
  if (was === teamRole) return;
  if (teamRole === "member" && user.active !== false && (await activeTeamAdministrators(orgId)) <= 1) {
    throw new Refusal(said("accounts.refusal.lastTeamAdmin", { name: user.name }));
  }
  await User.updateOne({ _id: user._id }, { $set: { teamAdmin: teamRole === "admin" } });
  // two administrators demoting each other at once: whoever finds none left undoes their own change
  if (teamRole === "member" && user.active !== false && (await activeTeamAdministrators(orgId)) === 0) {
    await User.updateOne({ _id: user._id }, { $set: { teamAdmin: true } });
    throw new Refusal(said("accounts.refusal.lastTeamAdmin", { name: user.name }));
  }
  // the new rights apply at once: the person signs in again (an actor changing their own role stays signed in here)
  const self = userId === scope.actor.id;
  const sessionsEnded = await endSessions(userId, self ? scope.actor.sessionId : undefined);
  await recordAudit({
    action: "user.team_role",
    actor: scope.actor,
    targetType: "user",
    targetId: userId,
    details: { email: user.email, orgId, from: was, to: teamRole, sessionsEnded: String(sessionsEnded) },
    ip: ctx.ip,
  });
}

export async function deactivateUser(scope: TeamScope, userId: string, ctx: { ip?: string }) {
  const user = await memberOf(scope, userId);
  const orgId = String(user.orgId);
  if (userId === scope.actor.id) throw new Refusal("accounts.refusal.selfDeactivate");
  if (user.active === false) throw new Refusal(said("accounts.refusal.alreadyDeactivated", { name: user.name }));
  const lastAdmin = () => new Refusal(said("accounts.refusal.lastAdministrator", { name: user.name }));
  const lastTeamAdmin = () => new Refusal(said("accounts.refusal.lastTeamAdminDeactivate", { name: user.name }));
  if (user.role === "admin") {
    const admins = await activeAdministrators();
    if (admins.every((a) => a.id === userId)) throw lastAdmin();
  }
  // a team cannot lock itself out; a platform administrator can (someone who left must lose access at
  // once) and invites the organisation's next team administrator (docs/decisions/009)
  const teamRule = user.teamAdmin === true && scope.actor.role !== "admin";
  if (teamRule && (await activeTeamAdministrators(orgId)) <= 1) throw lastTeamAdmin();
  await User.updateOne({ _id: user._id }, { $set: { active: false, deactivatedAt: new Date() } });
  // two deactivations racing: whoever finds nobody left undoes their own
  const undo = async (refusal: Refusal) => {
    await User.updateOne({ _id: user._id }, { $set: { active: true, deactivatedAt: null } });
    throw refusal;
  };
  if (user.role === "admin" && (await activeAdministrators()).length === 0) await undo(lastAdmin());
  if (teamRule && (await activeTeamAdministrators(orgId)) === 0) await undo(lastTeamAdmin());
  const sessionsEnded = await endSessions(userId);
  await recordAudit({
    action: "user.deactivate",
    actor: scope.actor,
    targetType: "user",
    targetId: userId,
    details: { email: user.email, orgId, sessionsEnded: String(sessionsEnded) },
    ip: ctx.ip,
  });
}

export async function reactivateUser(scope: TeamScope, userId: string, ctx: { ip?: string }) {
  const user = await memberOf(scope, userId);
  if (user.active !== false) throw new Refusal(said("accounts.refusal.alreadyActive", { name: user.name }));
  await User.updateOne({ _id: user._id }, { $set: { active: true, deactivatedAt: null } });
  await recordAudit({
    action: "user.reactivate",
    actor: scope.actor,
    targetType: "user",
    targetId: userId,
    details: { email: user.email, orgId: String(user.orgId) },
    ip: ctx.ip,
  });
}

/** Every user of the portal (the first 1,000 by e-mail) with their organisation, team role and state. */
export async function userDirectory(actor: CurrentUser) {
  const [users, orgs] = await Promise.all([
    User.find({}, { email: 1, name: 1, role: 1, orgId: 1, lastLoginAt: 1, teamAdmin: 1, active: 1 })
      .sort({ email: 1 })
      .limit(1000)
      .lean(),
    Organization.find({}, { name: 1, active: 1 }).lean(),
  ]);
  const orgOf = new Map(orgs.map((o) => [String(o._id), o]));
  return users.map((u) => {
    const org = orgOf.get(String(u.orgId));
    return {
      id: String(u._id),
      email: u.email,
      name: u.name,
      role: t(`labels.role.${u.role as Role}`),
      teamRole: t(`labels.teamRole.${u.teamAdmin ? "admin" : "member"}`),
      active: u.active !== false,
      self: String(u._id) === actor.id,
      org: org ? { id: String(org._id), name: org.name, active: org.active !== false } : null,
      lastLoginAt: u.lastLoginAt ? new Date(u.lastLoginAt).toISOString() : null,
    };
  });
}

/** The user list's actions: deactivate or reactivate anyone. */
export const UserListActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("deactivate"), userId: objectId("user") }),
  z.object({ intent: z.literal("reactivate"), userId: objectId("user") }),
]);

/** The submitted form's text values, to show again beside the errors (files and secrets never). */
export function typedValues(form: Record<string, FormDataEntryValue>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(form)) if (typeof v === "string" && !/password/i.test(k)) out[k] = v;
  return out;
}

export type TeamFormResult =
  | { ok: true; action: TeamAction }
  | { ok: false; intent: string; errors: Record<string, string[]>; values: Record<string, string> };

/** Parses one of the team forms; an unknown intent is refused as such. */
export function parseTeamForm(form: Record<string, FormDataEntryValue>): TeamFormResult {
  const intent = typeof form.intent === "string" ? form.intent : "";
  const values = typedValues(form);
  if (!TEAM_INTENTS.includes(intent))
    return { ok: false, intent, errors: { "": [t("accounts.refusal.unknownAction")] }, values };
  const parsed = TeamActionSchema.safeParse(form);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    // a row's hidden ids are not fields anyone typed: say it for the whole form
    for (const key of ["userId", "invitationId", "teamRole"]) {
      if (errors[key]) (errors[""] ??= []).push(...errors[key]);
    }
    return { ok: false, intent, errors, values };
  }
  return { ok: true, action: parsed.data };
}
