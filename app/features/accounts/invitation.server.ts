import { recordAudit } from "#models/audit-event.server";
import { lookupInvitation, redeemInvitation, type InvitationLookup } from "#models/invitation.server";
import { Organization } from "#models/organization.server";
import { User } from "#models/user.server";
import { isDuplicateKey } from "#models/duplicate-key";
import { recordAttempt } from "#app/lib/rate-limit.server";
import { clientIp } from "#app/lib/http.server";
import { Refusal } from "#models/refusal";
import { getUser, verifyLogin } from "./auth.server";
import { hashPassword } from "./password.server";

export type DeadInvitationState = Exclude<InvitationLookup["state"], "valid">;

export type InvitationView =
  | { kind: "dead"; state: DeadInvitationState }
  | { kind: "wrong-account"; signedInAs: string }
  | { kind: "sign-in"; email: string; organisation: string }
  | { kind: "set-up"; email: string; organisation: string }
  | { kind: "unusable" };

/** What the invitation link leads to for whoever opened it (no view: a colleague at the right supplier is signed in). */
export async function resolveInvitation(request: Request, token: string) {
  const lookup = await lookupInvitation(token);
  if (lookup.state !== "valid") return { view: { kind: "dead", state: lookup.state } as InvitationView, lookup };
  const inv = lookup.invitation;
  const user = await getUser(request);
  if (user) {
    if (user.role === "supplier" && user.orgId === String(inv.supplierOrgId)) return { view: null, lookup, user };
    return { view: { kind: "wrong-account", signedInAs: user.email } as InvitationView, lookup };
  }
  const org = await Organization.findById(inv.supplierOrgId, { name: 1 }).lean();
  const existing = await User.findOne({ email: inv.email }, { orgId: 1, role: 1 }).lean();
  if (existing && (existing.role !== "supplier" || String(existing.orgId) !== String(inv.supplierOrgId)))
    return { view: { kind: "unusable" } as InvitationView, lookup };
  return {
    view: { kind: existing ? "sign-in" : "set-up", email: inv.email, organisation: org?.name ?? "" } as InvitationView,
    lookup,
  };
}

export type ValidInvitation = Extract<InvitationLookup, { state: "valid" }>["invitation"];

/** Redeems the invitation for the user; the questionnaire to open, or null when someone redeemed it first. */
async function accept(
  request: Request,
  token: string,
  user: { id: string; email: string; orgId: string },
  assessmentId: string,
) {
  const ok = await redeemInvitation(token, user.id);
  if (!ok) return null;
  await recordAudit({
    action: "invitation.redeem",
    actor: user,
    targetType: "assessment",
    targetId: assessmentId,
    ip: clientIp(request),
  });
  return `/supplier/assessments/${assessmentId}`;
}

/** The invitation page: its view, or where to go when a colleague at the right supplier is already signed in. */
export async function openInvitation(
  request: Request,
  token: string,
): Promise<{ view: InvitationView } | { enter: string }> {
  const { view, lookup, user } = await resolveInvitation(request, token);
  if (lookup.state === "unknown") await recordAttempt("invite", request);
  if (!view && user && lookup.state === "valid") {
    // already signed in as a colleague at the right supplier: take the invitation and go straight in
    const target = await accept(
      request,
      token,
      { id: user.id, email: user.email, orgId: user.orgId },
      String(lookup.invitation.assessmentId),
    );
    if (target) return { enter: target };
    return { view: { kind: "dead", state: "used" } };
  }
  return { view: view! };
}

/** Creates the invited account and redeems the invitation; null when the link was used meanwhile. */
export async function setUpInvitedAccount(
  request: Request,
  token: string,
  inv: ValidInvitation,
  input: { name: string; password: string },
): Promise<{ userId: string; target: string } | null> {
  let created;
  // the supplier's first account manages its team, so it can invite colleagues
  const firstOfTeam = !(await User.exists({ orgId: inv.supplierOrgId, teamAdmin: true, active: true }));
  try {
    created = await User.create({
      email: inv.email,
      name: input.name,
      role: "supplier",
      orgId: inv.supplierOrgId,
      teamAdmin: firstOfTeam,
      passwordHash: await hashPassword(input.password),
    });
  } catch (error) {
    if (isDuplicateKey(error)) return null;
    throw error;
  }
  const actor = { id: String(created._id), email: created.email, orgId: String(inv.supplierOrgId) };
  const target = await accept(request, token, actor, String(inv.assessmentId));
  if (!target) {
    // someone redeemed the link a moment earlier: undo the account we just made
    await User.deleteOne({ _id: created._id });
    return null;
  }
  await recordAudit({
    action: "user.create",
    actor,
    targetType: "user",
    targetId: actor.id,
    details: { via: "invitation" },
    ip: clientIp(request),
  });
  return { userId: actor.id, target };
}

/** Signs the invited address's existing account in and redeems the invitation; null when the link was used meanwhile. */
export async function signInToInvitation(
  request: Request,
  token: string,
  inv: ValidInvitation,
  password: string,
  account: string,
): Promise<{ userId: string; target: string } | null> {
  const login = await verifyLogin(inv.email, password);
  if (!login.ok) {
    await recordAttempt("invite", request, { account });
    throw Refusal.ofFields({ password: ["accounts.invite.wrongPassword"] });
  }
  const target = await accept(
    request,
    token,
    { id: login.userId, email: login.email, orgId: login.orgId },
    String(inv.assessmentId),
  );
  return target ? { userId: login.userId, target } : null;
}
