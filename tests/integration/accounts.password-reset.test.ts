import { beforeEach, describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { createUser, formRequest, getRequest, sessionCookie } from "#tests/fixtures/factories";
import { replyOf } from "#tests/helpers/responses";

/** "Forgot your password?": the same answer for every address, a link only for real accounts, every session ended. */
setupTestDatabase();

const { loader: forgotLoader, action: forgotAction } = await import("#app/routes/forgot-password");
const { loader: resetLoader, action: resetAction } = await import("#app/routes/reset-password.$token");
const { action: loginAction } = await import("#app/routes/login");
const { getUser } = await import("#app/features/accounts/auth.server");
const { AccountTokenModel } = await import("#models/account-token.server");
const { Outbox } = await import("#models/outbox.server");
const { Session } = await import("#models/session.server");
const { User } = await import("#models/user.server");
const { Organization } = await import("#models/organization.server");
const { Attempt } = await import("#models/attempt.server");
const { AuditEvent } = await import("#models/audit-event.server");
const { RATE_LIMITS } = await import("#app/lib/rate-limit.server");
const { onConnectionFrom } = await import("#app/lib/connection.server");

const NEW_PASSWORD = "a brand new passphrase";

beforeEach(async () => {
  await Attempt.deleteMany({});
});

function ask(email: string, ip = "203.0.113.9") {
  const request = formRequest("/forgot-password", { email });
  return onConnectionFrom(ip, () => forgotAction({ request, params: {}, context: {} }));
}

/** What a visitor gets back, as far as they can see it: status, where it leads, and the body. */
async function answerOf(result: unknown) {
  if (result instanceof Response)
    return { status: result.status, location: result.headers.get("Location"), body: await result.text() };
  const reply = replyOf(result);
  return { status: reply.status, location: null, body: JSON.stringify(reply.data) };
}

/** The reset mail to `to` (the link is sent without holding up the answer, so it may arrive a moment later). */
async function resetMailTo(to: string) {
  for (let i = 0; i < 100; i++) {
    const mail = await Outbox.findOne({ to, kind: "password-reset" }).sort({ createdAt: -1 }).lean();
    if (mail) return mail;
    await new Promise((r) => setTimeout(r, 50));
  }
  return null;
}

function linkIn(text: string) {
  const match = /http:\/\/localhost\/reset-password\/([A-Za-z0-9_-]{43})/.exec(text);
  expect(match, text).toBeTruthy();
  return match![1];
}

async function resetWith(token: string, fields: Record<string, string>, cookie?: string) {
  return resetAction({
    request: formRequest(`/reset-password/${token}`, fields, cookie),
    params: { token },
    context: {},
  });
}

describe("asking for a reset link", () => {
  it("answers a known and an unknown address alike, and mails only the known one", async () => {
    const { user } = await createUser("procurement");
    const unknown = "nobody-at-all@example.test";
    const known = await answerOf(await ask(user.email.toUpperCase()));
    const other = await answerOf(await ask(unknown));
    expect(known).toEqual(other);
    expect(known).toEqual({ status: 302, location: "/forgot-password?sent=1", body: "" });
    const page = await forgotLoader({ request: getRequest("/forgot-password?sent=1"), params: {}, context: {} });
    expect(page).toEqual({ sent: true });

    const mail = await resetMailTo(user.email);
    expect(mail?.subject).toBe("Reset your Flowdown password");
    linkIn(mail!.text);
    expect(await Outbox.exists({ to: unknown })).toBeNull();
    expect(await AccountTokenModel.exists({ email: unknown })).toBeNull();
  });

  it("sends nothing to a deactivated account or one of a deactivated organisation, with the same answer", async () => {
    const active = await createUser("supplier");
    const deactivated = await createUser("supplier");
    await User.updateOne({ _id: deactivated.user._id }, { $set: { active: false, deactivatedAt: new Date() } });
    const closedOrg = await createUser("supplier");
    await Organization.updateOne({ _id: closedOrg.orgId }, { $set: { active: false } });

    const answers = [];
    for (const email of [deactivated.user.email, closedOrg.user.email, active.user.email])
      answers.push(await answerOf(await ask(email)));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    // the active account's mail has arrived, so the others would have too
    expect(await resetMailTo(active.user.email)).toBeTruthy();
    expect(await Outbox.exists({ to: deactivated.user.email })).toBeNull();
    expect(await Outbox.exists({ to: closedOrg.user.email })).toBeNull();
    expect(await AccountTokenModel.exists({ email: deactivated.user.email })).toBeNull();
  });

  it("limits requests per address, known or not, with a 429 and Retry-After", async () => {
    const { user } = await createUser("discloser");
    for (const email of [user.email, "nobody-limited@example.test"]) {
      // from different client addresses, so only the per-address limit applies
      for (let i = 0; i < RATE_LIMITS.reset.account.max; i++) expect(await ask(email, `10.1.0.${i}`)).toHaveStatus(302);
      const blocked = await ask(email, "10.1.1.1");
      expect(blocked).toHaveStatus(429);
      expect(replyOf(blocked).headers.get("Retry-After")).toBe("3600");
      expect(replyOf(blocked).data.errors.email).toEqual(["Too many attempts; try again in 60 minutes."]);
    }
  });

  it("limits requests per client address across addresses", async () => {
    for (let i = 0; i < RATE_LIMITS.reset.ip.max; i++)
      expect(await ask(`someone-${i}@example.test`, "192.0.2.44")).toHaveStatus(302);
    const blocked = await ask("someone-else@example.test", "192.0.2.44");
    expect(blocked).toHaveStatus(429);
    expect(replyOf(blocked).headers.get("Retry-After")).toBe("900");
    expect(await ask("someone-else@example.test", "192.0.2.45")).toHaveStatus(302);
  });

  it("explains a malformed address beside the field, keeping it", async () => {
    const result = await ask("not an address");
    expect(result).toBeRefused("email", "Enter a valid e-mail address");
    expect(replyOf<{ email: string }>(result).data.email).toBe("not an address");
  });
});

describe("a reset link", () => {
  async function linkFor(email: string) {
    await Outbox.deleteMany({ to: email });
    expect(await ask(email)).toHaveStatus(302);
    return linkIn((await resetMailTo(email))!.text);
  }

  it("sets the new password, ends every other session, and signs the person in afresh", async () => {
    const { user, password } = await createUser("procurement");
    const laptop = await sessionCookie(String(user._id));
    const phone = await sessionCookie(String(user._id));
    const token = await linkFor(user.email);

    const page = replyOf<{ view: { kind: string; email?: string } }>(
      await resetLoader({ request: getRequest(`/reset-password/${token}`), params: { token }, context: {} }),
    );
    expect(page.data.view).toEqual({ kind: "reset", email: user.email });

    const response = (await resetWith(token, { password: NEW_PASSWORD, confirm: NEW_PASSWORD })) as Response;
    expect(response).toRedirectTo("/procurement?notice=password-reset");
    expect(await getUser(getRequest("/", laptop))).toBeNull();
    expect(await getUser(getRequest("/", phone))).toBeNull();
    const fresh = (response.headers.get("Set-Cookie") ?? "").split(";")[0];
    expect((await getUser(getRequest("/", fresh)))?.id).toBe(String(user._id));
    expect(await Session.countDocuments({ userId: user._id })).toBe(1);

    const signIn = (email: string, pw: string) =>
      loginAction({ request: formRequest("/login", { email, password: pw }), params: {}, context: {} });
    expect(await signIn(user.email, password)).toHaveStatus(400);
    expect(await signIn(user.email, NEW_PASSWORD)).toRedirectTo("/procurement");
    expect(await AuditEvent.exists({ action: "user.password_reset", targetId: String(user._id) })).toBeTruthy();
  });

  it("works once", async () => {
    const { user } = await createUser("supplier");
    const token = await linkFor(user.email);
    expect(await resetWith(token, { password: NEW_PASSWORD, confirm: NEW_PASSWORD })).toRedirectTo(
      "/supplier?notice=password-reset",
    );
    const again = replyOf<{ view: { kind: string } }>(
      await resetWith(token, { password: "yet another passphrase", confirm: "yet another passphrase" }),
    );
    expect(again.status).toBe(410);
    expect(again.data.view).toEqual({ kind: "dead" });
    const page = await resetLoader({ request: getRequest(`/reset-password/${token}`), params: { token }, context: {} });
    expect(page).toHaveStatus(410);
  });

  it("is dead once expired, or once a newer link was asked for", async () => {
    const { user, password } = await createUser("supplier");
    const first = await linkFor(user.email);
    const second = await linkFor(user.email);
    expect(await resetWith(first, { password: NEW_PASSWORD, confirm: NEW_PASSWORD })).toHaveStatus(410);
    await AccountTokenModel.updateOne(
      { email: user.email, purpose: "reset", status: "active" },
      { $set: { expiresAt: new Date(Date.now() - 1000) } },
    );
    expect(await resetWith(second, { password: NEW_PASSWORD, confirm: NEW_PASSWORD })).toHaveStatus(410);
    // the old password still works
    const signIn = await loginAction({
      request: formRequest("/login", { email: user.email, password }),
      params: {},
      context: {},
    });
    expect(signIn).toRedirectTo("/supplier");
  });

  it("says beside the fields when the passwords are short or differ, and keeps the link usable", async () => {
    const { user } = await createUser("supplier");
    const token = await linkFor(user.email);
    expect(await resetWith(token, { password: "short", confirm: "short" })).toBeRefused(
      "password",
      "Use at least 12 characters",
    );
    const differ = await resetWith(token, { password: NEW_PASSWORD, confirm: "something else entirely" });
    expect(differ).toBeRefused("confirm", "The two passwords differ");
    expect(JSON.stringify(replyOf(differ).data)).not.toContain(NEW_PASSWORD);
    expect(await resetWith(token, { password: NEW_PASSWORD, confirm: NEW_PASSWORD })).toHaveStatus(302);
  });

  it("counts dead links against the client and then answers 429 with Retry-After", async () => {
    const open = (token: string) => {
      const request = getRequest(`/reset-password/${token}`);
      return onConnectionFrom("198.51.100.77", () => resetLoader({ request, params: { token }, context: {} }));
    };
    for (let i = 0; i < RATE_LIMITS.token.ip.max; i++) expect(await open(`nope${i}`)).toHaveStatus(410);
    const blocked = await open("nope-again");
    expect(blocked).toHaveStatus(429);
    expect(replyOf(blocked).headers.get("Retry-After")).toBe("900");
  });
});
