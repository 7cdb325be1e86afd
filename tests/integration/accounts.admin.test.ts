import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { createOrg, createUser, formRequest, getRequest, sessionCookie } from "#tests/fixtures/factories";
import { replyOf, responseOf } from "#tests/helpers/responses";

/**
 * Organisations and people as platform administrators and team
 * administrators manage them (issue 17, item 2 and /account/team):
 * through the routes, as the browser posts the forms.
 */
setupTestDatabase();

const orgsList = await import("#app/routes/_portal.admin.organisations._index");
const newOrg = await import("#app/routes/_portal.admin.organisations.new");
const orgPage = await import("#app/routes/_portal.admin.organisations.$id");
const usersPage = await import("#app/routes/_portal.admin.users");
const teamRoute = await import("#app/routes/_portal.account_.team");
const { action: loginAction } = await import("#app/routes/login");
const { loader: portalLoader } = await import("#app/routes/_portal");
const { openSetUpLink } = await import("#app/features/accounts/account-tokens.server");
const { deactivateOrganisation } = await import("#app/features/accounts/organisations.server");
const { deactivateUser, everyTeam, ownTeam } = await import("#app/features/accounts/team.server");
const { signedInUser } = await import("#tests/fixtures/assessments");
const { Organization } = await import("#models/organization.server");
const { User } = await import("#models/user.server");
const { Session } = await import("#models/session.server");
const { AuditEvent } = await import("#models/audit-event.server");
const { Outbox } = await import("#models/outbox.server");
const { Attempt } = await import("#models/attempt.server");

async function admin() {
  const a = await createUser("admin");
  return { ...a, cookie: await sessionCookie(String(a.user._id)) };
}

async function teamAdminOf(orgId: string, role: "supplier" | "procurement" | "discloser" = "supplier") {
  const a = await createUser(role, { orgId });
  await User.updateOne({ _id: a.user._id }, { $set: { teamAdmin: true } });
  return { ...a, cookie: await sessionCookie(String(a.user._id)) };
}

const post = (
  route: { action: (args: never) => unknown },
  url: string,
  fields: Record<string, string>,
  cookie: string,
  params: Record<string, string> = {},
) =>
  (route.action as (args: unknown) => Promise<unknown>)({
    request: formRequest(url, fields, cookie),
    params,
    context: {},
  });

const load = async <T>(
  loader: (args: never) => Promise<T>,
  url: string,
  cookie: string,
  params: Record<string, string> = {},
) => (loader as (args: unknown) => Promise<T>)({ request: getRequest(url, cookie), params, context: {} });

function location(response: unknown): string {
  expect(response).toBeInstanceOf(Response);
  expect((response as Response).status).toBe(302);
  return (response as Response).headers.get("Location") ?? "";
}

async function signIn(email: string, password: string) {
  await Attempt.deleteMany({});
  return loginAction({ request: formRequest("/login", { email, password }), params: {}, context: {} });
}

/** The set-password token of the newest invitation mailed to `email`. */
async function mailedToken(email: string): Promise<string> {
  const mail = await Outbox.findOne({ to: email, kind: "account-invite" }).sort({ _id: -1 }).lean();
  expect(mail, `an invitation mail to ${email}`).toBeTruthy();
  const token = /\/welcome\/([A-Za-z0-9_-]{43})/.exec(mail!.text)?.[1];
  expect(token).toBeTruthy();
  return token!;
}

const signedInAs = async (cookie: string) =>
  responseOf(() => load(portalLoader, "/account", cookie)).then(
    (r) => r.headers.get("Location") ?? "",
    () => "signed in",
  );

describe("organisations (platform administrators)", () => {
  it("creates an organisation with its details, lists it under its kind and records it", async () => {
    const { cookie } = await admin();
    const parent = await createOrg({ kind: "supplier", name: `Group Holding ${Date.now()}` });
    const name = `Aurora Components ${Date.now()}`;
    const created = await post(
      newOrg,
      "/admin/organisations/new",
      {
        kind: "supplier",
        name,
        legalName: "Aurora Components Oy",
        country: "FI",
        registrationNumber: "FI-1234567-8",
        parentOrgId: String(parent._id),
      },
      cookie,
    );
    const to = location(created);
    expect(to).toMatch(/^\/admin\/organisations\/[0-9a-f]{24}\?done=created$/);
    const id = to.split("/")[3].split("?")[0];
    const org = await Organization.findById(id).lean();
    expect(org).toMatchObject({
      name,
      kind: "supplier",
      country: "FI",
      legalName: "Aurora Components Oy",
      registrationNumber: "FI-1234567-8",
      active: true,
    });
    expect(String(org!.parentOrgId)).toBe(String(parent._id));

    const suppliers = await load(orgsList.loader, "/admin/organisations?kind=supplier", cookie);
    expect(suppliers.rows.find((r) => r.id === id)).toMatchObject({
      kindLabel: "Supplier",
      country: "FI",
      users: 0,
      active: true,
      parent: parent.name,
    });
    const disclosers = await load(orgsList.loader, "/admin/organisations?kind=discloser", cookie);
    expect(disclosers.rows.some((r) => r.id === id)).toBe(false);

    const page = await load(orgPage.loader, `/admin/organisations/${id}`, cookie, { id });
    expect(page.org.parent).toEqual({ id: String(parent._id), name: parent.name });
    expect(await AuditEvent.exists({ action: "organization.create", targetId: id })).toBeTruthy();
  });

  it("refuses a duplicate on create and on edit, naming the existing organisation with a link to it", async () => {
    const { cookie } = await admin();
    const name = `Baltic Data ${Date.now()}`;
    const existing = await createOrg({ kind: "supplier", name, country: "LV" });
    await Organization.updateOne(
      { _id: existing._id },
      { $set: { registrationNumber: "40003000001", registrationKey: "40003000001" } },
    );

    // the same name written differently
    const sameName = replyOf<{ duplicates: { id: string; name: string }[]; values: Record<string, string> }>(
      await post(
        newOrg,
        "/admin/organisations/new",
        { kind: "supplier", name: `  ${name.toUpperCase()} `, country: "EE" },
        cookie,
      ),
    );
    expect(sameName.status).toBe(400);
    expect(sameName.data.errors[""][0]).toContain(name);
    expect(sameName.data.duplicates).toEqual([expect.objectContaining({ id: String(existing._id), name })]);
    expect(sameName.data.values.country).toBe("EE");

    // another name, the same registration number in the same country
    const sameNumber = replyOf<{ duplicates: { id: string }[] }>(
      await post(
        newOrg,
        "/admin/organisations/new",
        { kind: "supplier", name: `Other ${Date.now()}`, country: "LV", registrationNumber: "40003 000001" },
        cookie,
      ),
    );
    expect(sameNumber.status).toBe(400);
    expect(sameNumber.data.errors[""][0]).toMatch(/same registration number/);
    expect(sameNumber.data.duplicates[0].id).toBe(String(existing._id));

    // renaming another organisation to the existing name
    const other = await createOrg({ kind: "supplier", name: `Renamed ${Date.now()}` });
    const id = String(other._id);
    const edit = replyOf<{ duplicates: { id: string }[] }>(
      await post(orgPage, `/admin/organisations/${id}`, { intent: "edit", name, country: "DE" }, cookie, { id }),
    );
    expect(edit.status).toBe(400);
    expect(edit.data.duplicates[0].id).toBe(String(existing._id));
    expect((await Organization.findById(id).lean())!.name).toBe(other.name);
  });

  it("edits an organisation but never its kind, and records what changed", async () => {
    const { cookie } = await admin();
    const org = await createOrg({ kind: "recipient", name: `Northbound ${Date.now()}` });
    const id = String(org._id);
    const renamed = `Northbound Integration ${Date.now()}`;
    const saved = await post(
      orgPage,
      `/admin/organisations/${id}`,
      {
        intent: "edit",
        kind: "supplier",
        name: renamed,
        legalName: "Northbound Integration AG",
        country: "CH",
        registrationNumber: "CHE-123.456.789",
      },
      cookie,
      { id },
    );
    expect(location(saved)).toBe(`/admin/organisations/${id}?done=updated`);
    const after = await Organization.findById(id).lean();
    expect(after).toMatchObject({
      name: renamed,
      kind: "recipient",
      country: "CH",
      legalName: "Northbound Integration AG",
    });
    const audit = await AuditEvent.findOne({ action: "organization.update", targetId: id }).lean();
    expect(Object.keys(audit!.details).sort()).toEqual(["country", "legalName", "name", "registrationNumber"]);

    const tooLong = replyOf(
      await post(
        orgPage,
        `/admin/organisations/${id}`,
        { intent: "edit", name: "x".repeat(201), country: "CH" },
        cookie,
        { id },
      ),
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.data.errors.name).toEqual(["At most 200 characters"]);
  });

  it("offers an operator organisation only while none exists", async () => {
    const { cookie } = await admin(); // its organisation is an operator
    const page = await load(newOrg.loader, "/admin/organisations/new", cookie);
    expect(page.kinds.map((k) => k.value)).toEqual(["discloser", "recipient", "supplier"]);
    const refused = await post(
      newOrg,
      "/admin/organisations/new",
      { kind: "operator", name: `Second Operator ${Date.now()}`, country: "DE" },
      cookie,
    );
    expect(refused).toBeRefused("kind", "The portal has its operator organisation already.");
  });

  it("deactivating an organisation ends its users' sessions at once and blocks their sign-in until reactivated", async () => {
    const { cookie } = await admin();
    const org = await createOrg({ kind: "supplier" });
    const id = String(org._id);
    const a = await createUser("supplier", { orgId: id });
    const b = await createUser("supplier", { orgId: id });
    const cookieA = await sessionCookie(String(a.user._id));
    await sessionCookie(String(b.user._id));
    expect(await signedInAs(cookieA)).toBe("signed in");

    expect(
      location(await post(orgPage, `/admin/organisations/${id}`, { intent: "deactivate-org" }, cookie, { id })),
    ).toBe(`/admin/organisations/${id}?done=org-deactivated`);
    expect(
      (await Session.countDocuments({ userId: a.user._id })) + (await Session.countDocuments({ userId: b.user._id })),
    ).toBe(0);
    expect(await signedInAs(cookieA)).toMatch(/^\/login/);
    const refused = replyOf(await signIn(a.user.email, a.password));
    expect(refused.status).toBe(400);
    expect(refused.data.errors[""]).toEqual(["E-mail or password is incorrect."]);
    const audit = await AuditEvent.findOne({ action: "organization.deactivate", targetId: id }).lean();
    expect(audit!.details).toMatchObject({ users: "2", sessionsEnded: "2" });

    // nobody can be invited into a deactivated organisation
    const invite = await post(
      orgPage,
      `/admin/organisations/${id}`,
      { intent: "invite", email: `late-${Date.now()}@example.test` },
      cookie,
      { id },
    );
    expect(invite).toBeRefused(/deactivated/);

    expect(
      location(await post(orgPage, `/admin/organisations/${id}`, { intent: "reactivate-org" }, cookie, { id })),
    ).toBe(`/admin/organisations/${id}?done=org-reactivated`);
    expect(await signIn(a.user.email, a.password)).toRedirectTo("/supplier");
    expect(await AuditEvent.exists({ action: "organization.reactivate", targetId: id })).toBeTruthy();
  });

  it("never deactivates the organisation of the portal's last active administrators, nor the actor's own", async () => {
    const me = await admin();
    const own = await post(orgPage, `/admin/organisations/${me.orgId}`, { intent: "deactivate-org" }, me.cookie, {
      id: me.orgId,
    });
    expect(own).toBeRefused("", "You cannot deactivate your own organisation.");

    // the actor's page was open while every other administrator, the actor included, was deactivated
    const actor = await signedInUser(me.user._id);
    const lonely = await createUser("admin");
    const others = (await User.find({ role: "admin", active: true }, { _id: 1 }).lean()).filter(
      (u) => String(u._id) !== String(lonely.user._id),
    );
    for (const o of others) await User.updateOne({ _id: o._id }, { $set: { active: false } });
    try {
      // a refusal carries its catalogue id; the page says it in the asker's language
      await expect(deactivateOrganisation(actor, lonely.orgId, {})).rejects.toThrow("admin.org.lastAdmins");
      expect((await Organization.findById(lonely.orgId).lean())!.active).toBe(true);
      // a refusal carries its catalogue id; refusalResponse says it in the reader's language
      await expect(deactivateUser(everyTeam(actor), String(lonely.user._id), {})).rejects.toThrow(
        "accounts.refusal.lastAdministrator",
      );
      expect((await User.findById(lonely.user._id).lean())!.active).toBe(true);
    } finally {
      for (const o of others) await User.updateOne({ _id: o._id }, { $set: { active: true } });
    }
  });
});

describe("people (platform administrators and team administrators)", () => {
  it("an invitation is pending with its expiry; a resend kills the old link; a revoke kills the new one", async () => {
    const { cookie } = await admin();
    const org = await createOrg({ kind: "recipient" });
    const id = String(org._id);
    const email = `buyer-${Date.now()}@example.test`;
    const sent = await post(
      orgPage,
      `/admin/organisations/${id}`,
      { intent: "invite", email: email.toUpperCase(), name: "Bea Buyer", teamAdmin: "on" },
      cookie,
      { id },
    );
    // no SMTP server in tests: the page says the mail is in the outbox
    expect(location(sent)).toBe(`/admin/organisations/${id}?done=invited&mail=logged`);
    const first = await mailedToken(email);
    expect(await openSetUpLink(first)).toMatchObject({ kind: "set-up", email, name: "Bea Buyer", role: "procurement" });

    let page = await load(orgPage.loader, `/admin/organisations/${id}`, cookie, { id });
    expect(page.team.invitations).toHaveLength(1);
    const invitation = page.team.invitations[0];
    expect(invitation).toMatchObject({ email, teamRole: "Team administrator", expired: false });
    const days = (Date.parse(invitation.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    expect(await AuditEvent.exists({ action: "user.invite", targetId: id, "details.email": email })).toBeTruthy();

    expect(
      location(
        await post(orgPage, `/admin/organisations/${id}`, { intent: "resend", invitationId: invitation.id }, cookie, {
          id,
        }),
      ),
    ).toBe(`/admin/organisations/${id}?done=resent&mail=logged`);
    const second = await mailedToken(email);
    expect(second).not.toBe(first);
    expect(await openSetUpLink(first)).toEqual({ kind: "dead", state: "revoked" });
    expect((await openSetUpLink(second)).kind).toBe("set-up");
    page = await load(orgPage.loader, `/admin/organisations/${id}`, cookie, { id });
    expect(page.team.invitations).toHaveLength(1);

    const newest = page.team.invitations[0].id;
    expect(
      location(
        await post(orgPage, `/admin/organisations/${id}`, { intent: "revoke", invitationId: newest }, cookie, { id }),
      ),
    ).toBe(`/admin/organisations/${id}?done=revoked`);
    expect(await openSetUpLink(second)).toEqual({ kind: "dead", state: "revoked" });
    page = await load(orgPage.loader, `/admin/organisations/${id}`, cookie, { id });
    expect(page.team.invitations).toEqual([]);
    expect(await AuditEvent.exists({ action: "user.invite_revoke", targetId: id })).toBeTruthy();
    // revoking twice is refused, not a fault
    expect(
      await post(orgPage, `/admin/organisations/${id}`, { intent: "revoke", invitationId: newest }, cookie, { id }),
    ).toBeRefused(/already used or revoked/);
  });

  it("refuses an invitation to an address that has an account, beside the e-mail field", async () => {
    const { cookie } = await admin();
    const org = await createOrg({ kind: "supplier" });
    const id = String(org._id);
    const existing = await createUser("supplier", { orgId: id });
    const refused = await post(
      orgPage,
      `/admin/organisations/${id}`,
      { intent: "invite", email: existing.user.email, name: "Again" },
      cookie,
      { id },
    );
    expect(refused).toBeRefused("email", "This person already has an account in this organisation.");
    expect(replyOf<{ intent: string }>(refused).data).toMatchObject({
      intent: "invite",
      values: { email: existing.user.email, name: "Again" },
    });
  });

  it("a team administrator manages their own team on /account/team", async () => {
    const org = await createOrg({ kind: "supplier" });
    const orgId = String(org._id);
    const lead = await teamAdminOf(orgId);
    const colleague = await createUser("supplier", { orgId });
    const colleagueCookie = await sessionCookie(String(colleague.user._id));

    const team = await load(teamRoute.loader, "/account/team", lead.cookie);
    expect(team.people.map((p) => p.email).sort()).toEqual([lead.user.email, colleague.user.email].sort());
    expect(team.people.find((p) => p.self)?.email).toBe(lead.user.email);

    // the portal navigation offers "Team" to team administrators only
    const nav = await load(portalLoader, "/account/team", lead.cookie);
    expect(nav.nav.map((n) => n.label)).toContain("common.nav.team");
    const colleagueNav = await load(portalLoader, "/supplier", colleagueCookie);
    expect(colleagueNav.nav.map((n) => n.label)).not.toContain("common.nav.team");
    await expect(responseOf(() => load(teamRoute.loader, "/account/team", colleagueCookie))).resolves.toHaveStatus(403);

    // invite: the role is the organisation's
    const email = `colleague-${Date.now()}@example.test`;
    expect(location(await post(teamRoute, "/account/team", { intent: "invite", email }, lead.cookie))).toBe(
      "/account/team?done=invited&mail=logged",
    );
    expect(await openSetUpLink(await mailedToken(email))).toMatchObject({ kind: "set-up", role: "supplier" });

    // a team role change ends the person's sessions so the new rights apply
    const promoted = await post(
      teamRoute,
      "/account/team",
      { intent: "team-role", userId: String(colleague.user._id), teamRole: "admin" },
      lead.cookie,
    );
    expect(location(promoted)).toBe("/account/team?done=team-role");
    expect((await User.findById(colleague.user._id).lean())!.teamAdmin).toBe(true);
    expect(await signedInAs(colleagueCookie)).toMatch(/^\/login/);
    expect(
      await AuditEvent.findOne({ action: "user.team_role", targetId: String(colleague.user._id) }).lean(),
    ).toMatchObject({
      details: { from: "member", to: "admin", sessionsEnded: "1" },
    });

    // the lead steps down (still signed in here); the colleague is now the last team administrator
    const colleagueAgain = await sessionCookie(String(colleague.user._id));
    expect(
      location(
        await post(
          teamRoute,
          "/account/team",
          { intent: "team-role", userId: String(lead.user._id), teamRole: "member" },
          lead.cookie,
        ),
      ),
    ).toBe("/account/team?done=team-role");
    await expect(responseOf(() => load(teamRoute.loader, "/account/team", lead.cookie))).resolves.toHaveStatus(403);
    const last = await post(
      teamRoute,
      "/account/team",
      { intent: "team-role", userId: String(colleague.user._id), teamRole: "member" },
      colleagueAgain,
    );
    expect(last).toBeRefused(/last active team administrator/);
    expect(
      await post(
        teamRoute,
        "/account/team",
        { intent: "deactivate", userId: String(colleague.user._id) },
        colleagueAgain,
      ),
    ).toBeRefused("", "You cannot deactivate your own account.");
  });

  it("a team administrator of one organisation cannot see or touch another's team", async () => {
    const a = await createOrg({ kind: "supplier" });
    const b = await createOrg({ kind: "supplier" });
    const leadA = await teamAdminOf(String(a._id));
    const leadB = await teamAdminOf(String(b._id));
    const memberB = await createUser("supplier", { orgId: String(b._id) });
    await post(teamRoute, "/account/team", { intent: "invite", email: `b-${Date.now()}@example.test` }, leadB.cookie);
    const invitationB = (await load(teamRoute.loader, "/account/team", leadB.cookie)).invitations[0].id;

    const teamA = await load(teamRoute.loader, "/account/team", leadA.cookie);
    expect(teamA.people.map((p) => p.email)).toEqual([leadA.user.email]);
    expect(teamA.invitations).toEqual([]);
    for (const fields of [
      { intent: "deactivate", userId: String(memberB.user._id) },
      { intent: "team-role", userId: String(memberB.user._id), teamRole: "admin" },
      { intent: "team-role", userId: String(leadB.user._id), teamRole: "member" },
      { intent: "resend", invitationId: invitationB },
      { intent: "revoke", invitationId: invitationB },
    ] as Record<string, string>[]) {
      expect(await post(teamRoute, "/account/team", fields, leadA.cookie), JSON.stringify(fields)).toHaveStatus(404);
    }
    expect(await User.findById(memberB.user._id).lean()).toMatchObject({ active: true, teamAdmin: false });
    expect(await User.findById(leadB.user._id).lean()).toMatchObject({ teamAdmin: true });
    expect((await load(teamRoute.loader, "/account/team", leadB.cookie)).invitations.map((i) => i.id)).toEqual([
      invitationB,
    ]);
    // nor the administrators' pages
    const id = String(b._id);
    await expect(
      responseOf(() => load(orgPage.loader, `/admin/organisations/${id}`, leadA.cookie, { id })),
    ).resolves.toHaveStatus(403);
  });

  it("deactivating a user ends their sessions at once; sign-in then answers like a wrong password; reactivation restores it", async () => {
    const { cookie } = await admin();
    const org = await createOrg({ kind: "discloser" });
    const id = String(org._id);
    const person = await createUser("discloser", { orgId: id });
    const personCookie = await sessionCookie(String(person.user._id));
    await sessionCookie(String(person.user._id));
    expect(await signedInAs(personCookie)).toBe("signed in");

    expect(
      location(
        await post(
          orgPage,
          `/admin/organisations/${id}`,
          { intent: "deactivate", userId: String(person.user._id) },
          cookie,
          { id },
        ),
      ),
    ).toBe(`/admin/organisations/${id}?done=deactivated`);
    expect(await Session.countDocuments({ userId: person.user._id })).toBe(0);
    expect(await signedInAs(personCookie)).toMatch(/^\/login/);
    const wrong = replyOf(await signIn(person.user.email, "not-the-password"));
    const deactivated = replyOf(await signIn(person.user.email, person.password));
    expect(deactivated.status).toBe(400);
    expect(deactivated.data.errors).toEqual(wrong.data.errors);
    expect(
      await AuditEvent.findOne({ action: "user.deactivate", targetId: String(person.user._id) }).lean(),
    ).toMatchObject({
      details: { sessionsEnded: "2" },
    });

    const users = await load(usersPage.loader, "/admin/users", cookie);
    expect(users.users.find((u) => u.id === String(person.user._id))).toMatchObject({
      active: false,
      teamRole: "Member",
      org: { id, name: org.name, active: true },
    });
    expect(
      location(
        await post(usersPage, "/admin/users", { intent: "reactivate", userId: String(person.user._id) }, cookie),
      ),
    ).toBe("/admin/users?done=reactivated");
    expect(await signIn(person.user.email, person.password)).toRedirectTo("/discloser");
    expect(await AuditEvent.exists({ action: "user.reactivate", targetId: String(person.user._id) })).toBeTruthy();
  });

  it("an organisation's last active team administrator is never demoted, nor deactivated by their team; a platform administrator can cut their access", async () => {
    const me = await admin();
    const org = await createOrg({ kind: "supplier" });
    const id = String(org._id);
    const lead = await teamAdminOf(id);
    const second = await teamAdminOf(id);

    // the team: of its two administrators, one was deactivated meanwhile; the other is now the last
    const byTeam = await signedInUser(lead.user._id);
    await User.updateOne({ _id: lead.user._id }, { $set: { active: false } });
    await expect(deactivateUser(ownTeam(byTeam), String(second.user._id), {})).rejects.toThrow(
      "accounts.refusal.lastTeamAdminDeactivate",
    );
    expect((await User.findById(second.user._id).lean())!.active).toBe(true);

    // the page offers no demotion of the last one, and the rule holds for administrators too
    let page = await load(orgPage.loader, `/admin/organisations/${id}`, me.cookie, { id });
    expect(page.team.people.find((p) => p.email === second.user.email)).toMatchObject({
      lastTeamAdmin: true,
      canChangeRole: false,
      canDeactivate: true,
    });
    expect(
      await post(
        orgPage,
        `/admin/organisations/${id}`,
        { intent: "team-role", userId: String(second.user._id), teamRole: "member" },
        me.cookie,
        { id },
      ),
    ).toBeRefused(/last active team administrator/);

    // someone who left must lose access at once: a platform administrator deactivates them
    expect(
      location(
        await post(
          orgPage,
          `/admin/organisations/${id}`,
          { intent: "deactivate", userId: String(second.user._id) },
          me.cookie,
          { id },
        ),
      ),
    ).toBe(`/admin/organisations/${id}?done=deactivated`);
    page = await load(orgPage.loader, `/admin/organisations/${id}`, me.cookie, { id });
    expect(page.team.hasTeamAdmin).toBe(false);

    expect(
      await post(usersPage, "/admin/users", { intent: "deactivate", userId: String(me.user._id) }, me.cookie),
    ).toBeRefused("", "You cannot deactivate your own account.");
    expect((await User.findById(me.user._id).lean())!.active).toBe(true);
  });
});
