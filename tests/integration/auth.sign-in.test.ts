import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { createUser, formRequest, getRequest, sessionCookie } from "#tests/fixtures/factories";
import { replyOf, responseOf } from "#tests/helpers/responses";

setupTestDatabase();

const { action: loginAction, loader: loginLoader } = await import("#app/routes/login");
const { action: logoutAction } = await import("#app/routes/logout");
const { loader: procurementLoader } = await import("#app/routes/_portal.procurement._index");
const { loader: portalLoader } = await import("#app/routes/_portal");
const { Session } = await import("#models/session.server");
const { AuditEvent } = await import("#models/audit-event.server");

describe("sign-in", () => {
  it("rejects a wrong password with one message that does not say which part was wrong, and keeps the e-mail typed", async () => {
    const { user } = await createUser("procurement");
    const result = replyOf<{ email: string }>(
      await loginAction({
        request: formRequest("/login", { email: user.email, password: "not-the-password" }),
        params: {},
        context: {},
      }),
    );
    expect(result.status).toBe(400);
    expect(result.data.errors[""]).toEqual(["E-mail or password is incorrect."]);
    expect(result.data.email).toBe(user.email);
    expect(JSON.stringify(result.data)).not.toContain("not-the-password");
    expect(await AuditEvent.exists({ action: "auth.login_failed", "details.email": user.email })).toBeTruthy();
  });

  it("gives an unknown e-mail the same answer as a wrong password", async () => {
    const result = replyOf<{ email: string }>(
      await loginAction({
        request: formRequest("/login", { email: "nobody@example.test", password: "whatever" }),
        params: {},
        context: {},
      }),
    );
    expect(result.status).toBe(400);
    expect(result.data.errors[""]).toEqual(["E-mail or password is incorrect."]);
  });

  it("explains missing or malformed fields beside them", async () => {
    const result = replyOf<{ email: string }>(
      await loginAction({
        request: formRequest("/login", { email: "not-an-email", password: "" }),
        params: {},
        context: {},
      }),
    );
    expect(result.status).toBe(400);
    expect(result.data.errors.email).toEqual(["Enter a valid e-mail address"]);
    expect(result.data.errors.password).toEqual(["Enter your password"]);
  });

  it.each([
    ["supplier", "/supplier"],
    ["procurement", "/procurement"],
    ["discloser", "/discloser"],
    ["admin", "/admin"],
  ] as const)("lands a %s on its own dashboard with an httpOnly, SameSite=Lax session cookie", async (role, home) => {
    const { user, password } = await createUser(role);
    const response = await loginAction({
      request: formRequest("/login", { email: user.email.toUpperCase(), password }),
      params: {},
      context: {},
    });
    expect(response).toBeInstanceOf(Response);
    const res = response as Response;
    expect(res).toRedirectTo(home);
    const cookie = res.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(await Session.countDocuments({ userId: user._id })).toBe(1);
  });

  it("follows a redirectTo inside the user's own area but never off the portal", async () => {
    const { user, password } = await createUser("procurement");
    const inside = await loginAction({
      request: formRequest("/login", { email: user.email, password, redirectTo: "/procurement/suppliers" }),
      params: {},
      context: {},
    });
    expect(inside).toRedirectTo("/procurement/suppliers");
    const outside = await loginAction({
      request: formRequest("/login", { email: user.email, password, redirectTo: "//evil.example/x" }),
      params: {},
      context: {},
    });
    expect(outside).toRedirectTo("/procurement");
  });
});

describe("sessions", () => {
  it("lets a signed-in user through and sends an anonymous one to sign in", async () => {
    const { user } = await createUser("procurement");
    const cookie = await sessionCookie(String(user._id));
    const data = await procurementLoader({ request: getRequest("/procurement", cookie), params: {}, context: {} });
    expect(data.orgName).toMatch(/^Test Org/);

    const anonymous = await responseOf(
      procurementLoader({ request: getRequest("/procurement"), params: {}, context: {} }),
    );
    expect(anonymous).toRedirectTo("/login?redirectTo=%2Fprocurement");
  });

  it("ends an expired session and says so on the sign-in page", async () => {
    const { user } = await createUser("supplier");
    const cookie = await sessionCookie(String(user._id));
    await Session.updateMany({ userId: user._id }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await responseOf(portalLoader({ request: getRequest("/supplier", cookie), params: {}, context: {} }));
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get("Location")!, "http://localhost");
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("reason")).toBe("expired");
    const page = await loginLoader({
      request: getRequest(location.pathname + location.search),
      params: {},
      context: {},
    });
    expect(page).toMatchObject({ expired: true });
  });

  it("signs out: the session is gone on the server, so the old cookie no longer works", async () => {
    const { user } = await createUser("discloser");
    const cookie = await sessionCookie(String(user._id));
    const res = (await logoutAction({
      request: formRequest("/logout", {}, cookie),
      params: {},
      context: {},
    })) as Response;
    expect(res).toRedirectTo("/login");
    expect(res.headers.get("Set-Cookie")).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect(await Session.countDocuments({ userId: user._id })).toBe(0);
    const again = await responseOf(
      portalLoader({ request: getRequest("/discloser", cookie), params: {}, context: {} }),
    );
    expect(again.status).toBe(302);
    expect(await AuditEvent.exists({ action: "auth.logout", actorId: String(user._id) })).toBeTruthy();
  });

  it("refuses another role's pages with 403", async () => {
    const { user } = await createUser("supplier");
    const cookie = await sessionCookie(String(user._id));
    const res = await responseOf(
      procurementLoader({ request: getRequest("/procurement", cookie), params: {}, context: {} }),
    );
    expect(res.status).toBe(403);
  });

  it("ignores a tampered cookie", async () => {
    const { user } = await createUser("admin");
    const cookie = await sessionCookie(String(user._id));
    const [name, value] = cookie.split("=");
    const tampered = `${name}=${value.slice(0, -3)}abc`;
    const res = await responseOf(portalLoader({ request: getRequest("/admin", tampered), params: {}, context: {} }));
    expect(res.status).toBe(302);
  });
});
