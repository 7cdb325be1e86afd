import { beforeEach, describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { createOrg, createUser, formRequest, getRequest, sessionCookie } from "#tests/fixtures/factories";
import { replyOf } from "#tests/helpers/responses";

/** The set-up page of an invitation link (/welcome/<token>): who gets which account, and which links are dead. */
setupTestDatabase();

const { loader: welcomeLoader, action: welcomeAction } = await import("#app/routes/welcome.$token");
const { action: loginAction } = await import("#app/routes/login");
const { inviteUser, resendInvitation, revokeInvitation } = await import("#app/features/accounts/account-tokens.server");
const { getUser } = await import("#app/features/accounts/auth.server");
const { AccountTokenModel } = await import("#models/account-token.server");
const { User } = await import("#models/user.server");
const { Attempt } = await import("#models/attempt.server");
const { AuditEvent } = await import("#models/audit-event.server");
const { RATE_LIMITS } = await import("#app/lib/rate-limit.server");
const { onConnectionFrom } = await import("#app/lib/connection.server");

const ORIGIN = { origin: "http://localhost" };
const PASSWORD = "correct horse battery staple";

type View = { kind: string; state?: string; email?: string; organisation?: string; role?: string; name?: string };

beforeEach(async () => {
  await Attempt.deleteMany({});
});

async function invite(opts: { kind?: "recipient" | "supplier" | "discloser" | "operator"; teamAdmin?: boolean } = {}) {
  const org = await createOrg({ kind: opts.kind ?? "recipient", name: `Acme ${Math.random().toString(36).slice(2)}` });
  const email = `new-${Math.random().toString(36).slice(2)}@example.test`;
  const sent = await inviteUser(
    null,
    String(org._id),
    { email, name: "Nadia Newcomer", teamAdmin: opts.teamAdmin ?? false },
    ORIGIN,
  );
  return { org, email, token: tokenOf(sent.link), inviteId: sent.id };
}

function tokenOf(link: string) {
  return link.split("/welcome/")[1];
}

async function open(token: string, cookie?: string) {
  return replyOf<{ view: View }>(
    await welcomeLoader({ request: getRequest(`/welcome/${token}`, cookie), params: { token }, context: {} }),
  );
}

function setUp(token: string, fields: Record<string, string> = {}, cookie?: string) {
  return welcomeAction({
    request: formRequest(
      `/welcome/${token}`,
      { intent: "set-up", name: "Nadia Newcomer", password: PASSWORD, confirm: PASSWORD, ...fields },
      cookie,
    ),
    params: { token },
    context: {},
  });
}

async function signInWith(email: string, password: string) {
  return loginAction({ request: formRequest("/login", { email, password }), params: {}, context: {} });
}

describe("an invitation link", () => {
  it("shows the organisation, role and address, with the inviter's name proposed", async () => {
    const { org, email, token } = await invite({ kind: "supplier" });
    const page = await open(token);
    expect(page.status).toBe(200);
    expect(page.data.view).toMatchObject({
      kind: "set-up",
      email,
      organisation: org.name,
      role: "supplier",
      name: "Nadia Newcomer",
    });
  });

  it("creates the account with the organisation's role and team right; the chosen password then signs in", async () => {
    const { org, email, token } = await invite({ kind: "recipient", teamAdmin: true });
    const response = (await setUp(token, { name: "Nadia N." })) as Response;
    expect(response).toRedirectTo("/procurement?notice=welcome");
    // signed in at once: the cookie names a session of the new user
    const cookie = (response.headers.get("Set-Cookie") ?? "").split(";")[0];
    const me = await getUser(getRequest("/procurement", cookie));
    expect(me).toMatchObject({ email, name: "Nadia N.", role: "procurement", orgId: String(org._id), teamAdmin: true });

    const user = await User.findOne({ email }).lean();
    expect(user).toMatchObject({ role: "procurement", teamAdmin: true, active: true });
    expect(await signInWith(email, PASSWORD)).toRedirectTo("/procurement");
    expect(await AuditEvent.exists({ action: "user.create", targetId: String(user!._id) })).toBeTruthy();
  });

  it("makes a member, not a team administrator, unless the invitation said so", async () => {
    const { email, token } = await invite({ kind: "supplier" });
    expect(await setUp(token)).toRedirectTo("/supplier?notice=welcome");
    expect(await User.findOne({ email }).lean()).toMatchObject({ role: "supplier", teamAdmin: false });
  });

  it("lands a disclosing party's contact invited to an agreement on that agreement's page", async () => {
    const org = await createOrg({ kind: "discloser" });
    const agreementId = "65a000000000000000000001";
    const sent = await inviteUser(
      null,
      String(org._id),
      { email: "legal@discloser.test", name: "", teamAdmin: false, agreementId },
      ORIGIN,
    );
    expect(await setUp(tokenOf(sent.link))).toRedirectTo(`/discloser/agreements/${agreementId}?notice=welcome`);
  });

  it("keeps the name and says beside the fields what is wrong: a short password, two that differ", async () => {
    const { email, token } = await invite();
    const short = replyOf<{ name: string }>(await setUp(token, { password: "short", confirm: "short" }));
    expect(short.status).toBe(400);
    expect(short.data.errors.password).toEqual(["Use at least 12 characters"]);
    expect(short.data.name).toBe("Nadia Newcomer");

    const differ = replyOf<{ name: string }>(await setUp(token, { confirm: `${PASSWORD}!` }));
    expect(differ.status).toBe(400);
    expect(differ.data.errors.confirm).toEqual(["The two passwords differ"]);
    expect(JSON.stringify(differ.data)).not.toContain(PASSWORD);

    const noName = await setUp(token, { name: "   " });
    expect(noName).toBeRefused("name", "Enter your name");
    expect(await User.exists({ email })).toBeNull();
  });

  it("works once: a second use is refused and makes no second account", async () => {
    const { email, token } = await invite();
    expect(await setUp(token)).toRedirectTo("/procurement?notice=welcome");
    const again = replyOf<{ view: View }>(
      await setUp(token, { password: "another password 123", confirm: "another password 123" }),
    );
    expect(again.status).toBe(410);
    expect(again.data.view).toEqual({ kind: "dead", state: "used" });
    expect((await open(token)).data.view).toEqual({ kind: "dead", state: "used" });
    expect(await User.countDocuments({ email })).toBe(1);
    // the first password is still the one
    expect(await signInWith(email, "another password 123")).toHaveStatus(400);
  });

  it("is refused once expired", async () => {
    const { email, token, inviteId } = await invite();
    await AccountTokenModel.updateOne({ _id: inviteId }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    const page = await open(token);
    expect(page.status).toBe(410);
    expect(page.data.view).toEqual({ kind: "dead", state: "expired" });
    expect(await setUp(token)).toHaveStatus(410);
    expect(await User.exists({ email })).toBeNull();
  });

  it("is refused once revoked", async () => {
    const { org, email, token, inviteId } = await invite();
    await revokeInvitation(null, inviteId, String(org._id), ORIGIN);
    expect((await open(token)).data.view).toEqual({ kind: "dead", state: "revoked" });
    expect(await setUp(token)).toHaveStatus(410);
    expect(await User.exists({ email })).toBeNull();
  });

  it("stops working when resent: only the new link sets the account up", async () => {
    const { org, email, token, inviteId } = await invite();
    const resent = await resendInvitation(null, inviteId, String(org._id), ORIGIN);
    const fresh = tokenOf(resent.link);
    expect(fresh).not.toBe(token);
    expect((await open(token)).data.view).toEqual({ kind: "dead", state: "revoked" });
    expect(await setUp(token)).toHaveStatus(410);
    expect(await User.exists({ email })).toBeNull();
    expect(await setUp(fresh)).toRedirectTo("/procurement?notice=welcome");
    expect(await User.countDocuments({ email })).toBe(1);
  });

  it("makes exactly one account when two set-ups race", async () => {
    const { email, token } = await invite();
    const results = await Promise.all([
      setUp(token, { name: "First" }),
      setUp(token, { name: "Second" }),
      setUp(token, { name: "Third" }),
    ]);
    const redirects = results.filter((r) => r instanceof Response && r.status === 302);
    expect(redirects).toHaveLength(1);
    for (const r of results.filter((r) => !redirects.includes(r))) expect(r).not.toHaveStatus(302);
    expect(await User.countDocuments({ email })).toBe(1);
    expect((await AccountTokenModel.findOne({ email, purpose: "invite" }).lean())?.status).toBe("used");
  });

  it("is refused when the organisation was deactivated after the invitation", async () => {
    const { org, email, token } = await invite();
    await org.updateOne({ $set: { active: false } });
    expect((await open(token)).status).toBe(410);
    expect(await setUp(token)).toHaveStatus(410);
    expect(await User.exists({ email })).toBeNull();
  });

  it("tells a signed-in visitor who they are, offers to sign out first, and creates nothing meanwhile", async () => {
    const { email, token } = await invite();
    const { user } = await createUser("supplier");
    const cookie = await sessionCookie(String(user._id));
    const page = await open(token, cookie);
    expect(page.data.view).toMatchObject({ kind: "signed-in", signedInAs: { email: user.email }, email });
    expect(await setUp(token, {}, cookie)).toHaveStatus(409);
    expect(await User.exists({ email })).toBeNull();

    const signedOut = (await welcomeAction({
      request: formRequest(`/welcome/${token}`, { intent: "sign-out" }, cookie),
      params: { token },
      context: {},
    })) as Response;
    expect(signedOut).toRedirectTo(`/welcome/${token}`);
    expect(await getUser(getRequest("/", cookie))).toBeNull();
    expect((await open(token)).data.view.kind).toBe("set-up");
  });

  it("counts unknown and dead links against the client, then answers 429 with Retry-After", async () => {
    const fromClient = <T>(fn: () => T) => onConnectionFrom("198.51.100.23", fn);
    const guess = (i: number) => {
      const token = `guess${String(i).padStart(38, "x")}`;
      return fromClient(() =>
        welcomeLoader({ request: new Request(`http://localhost/welcome/${token}`), params: { token }, context: {} }),
      );
    };
    for (let i = 0; i < RATE_LIMITS.token.ip.max; i++) expect(await guess(i)).toHaveStatus(404);
    const blocked = replyOf<{ view: View }>(await guess(999));
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("Retry-After")).toBe("900");
    expect(blocked.data.view.kind).toBe("limited");
    // even a good link waits: the limit is what makes guessing slow
    const { token } = await invite();
    const good = await fromClient(() =>
      welcomeLoader({ request: new Request(`http://localhost/welcome/${token}`), params: { token }, context: {} }),
    );
    expect(good).toHaveStatus(429);
    // another client is not affected, and a valid link does not count
    for (let i = 0; i < 3; i++) expect((await open(token)).status).toBe(200);
  });
});
