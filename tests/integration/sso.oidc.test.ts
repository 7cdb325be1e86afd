import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { createUser, formRequest, getRequest, sessionCookie } from "#tests/fixtures/factories";
import { replyOf } from "#tests/helpers/responses";
import { startTestProvider } from "#tests/helpers/openid-provider";

/**
 * Single sign-on against a real OpenID provider (oidc-provider, with its
 * development login pages) started here on loopback: the portal's own
 * routes are called as a browser would call them, following every redirect
 * by hand, with a cookie jar for the provider and one for the portal.
 */
setupTestDatabase();

const { action: loginAction } = await import("#app/routes/login");
const { loader: callbackLoader } = await import("#app/routes/auth.oidc.callback");
const { loader: hopLoader } = await import("#app/routes/auth.oidc.go");
const { loader: ssoLoader, action: ssoAction } = await import("#app/routes/_portal.account_.team_.sso");
const { User } = await import("#models/user.server");
const { Session } = await import("#models/session.server");
const { AuditEvent } = await import("#models/audit-event.server");
const { SsoConnection } = await import("#models/sso-connection.server");

const CALLBACK = "http://localhost/auth/oidc/callback";
const CLIENT = { id: "flowdown-portal", secret: "provider-issued-secret-1234" };

/** The people the provider knows: accountId → claims. */
const people: Record<string, { email: string; email_verified?: boolean; name: string }> = {};
/** What the provider does wrong on purpose (set by a test, reset after it). */
const tamper = { idTokenSignature: false };

let stopProvider: () => Promise<void>;
let issuer: string;
let admin: { cookie: string; orgId: string; email: string };
const domain = `acme-${Date.now().toString(36)}.example`;

beforeAll(async () => {
  const started = await startTestProvider({ ...CLIENT, redirectUri: CALLBACK }, (id) => people[id]);
  issuer = started.issuer;
  stopProvider = started.stop;
  // a man in the middle: the token endpoint's ID token with one byte of its signature changed
  started.provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (tamper.idTokenSignature && ctx.path === "/token" && body?.id_token) {
      const [header, payload, signature] = body.id_token.split(".");
      const bytes = Buffer.from(signature!, "base64url");
      bytes[5] = bytes[5]! ^ 0xff;
      body.id_token = `${header}.${payload}.${bytes.toString("base64url")}`;
    }
  });

  const { user, orgId } = await createUser("procurement", { email: `ann.admin@${domain}` });
  await User.updateOne({ _id: user._id }, { $set: { teamAdmin: true } });
  admin = { cookie: await sessionCookie(String(user._id)), orgId, email: user.email };
});

afterAll(async () => {
  await stopProvider?.();
});

/** The settings form as the page posts it; an undefined field is left out (an unticked box). */
function settings(fields: Record<string, string | undefined> = {}) {
  const form: Record<string, string | undefined> = {
    intent: "save",
    issuer,
    clientId: CLIENT.id,
    clientSecret: CLIENT.secret,
    domains: domain,
    createAccounts: "on",
    newAccountTeamRole: "member",
    ...fields,
  };
  return Object.fromEntries(Object.entries(form).filter((e): e is [string, string] => e[1] !== undefined));
}

async function saveSettings(fields: Record<string, string | undefined> = {}) {
  return ssoAction({
    request: formRequest("/account/team/sso", settings(fields), admin.cookie),
    params: {},
    context: {},
  });
}

/** A browser's cookie jar for the provider. */
class Jar {
  private cookies = new Map<string, string>();
  take(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair!.indexOf("=");
      this.cookies.set(pair!.substring(0, eq), pair!.substring(eq + 1));
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

interface Journey {
  /** changes the authorization request on its way to the provider */
  alter?: (url: URL) => void;
  /** the person cancels at the provider's sign-in page */
  cancel?: boolean;
}

/**
 * Starts "Sign in with your organisation's single sign-on" for `email`,
 * signs in at the provider as `accountId`, and returns the portal's answer
 * to the provider's redirect back.
 */
async function signInThroughProvider(email: string, accountId: string, journey: Journey = {}) {
  const start = await loginAction({
    request: formRequest("/login", { intent: "sso", email }),
    params: {},
    context: {},
  });
  if (!(start instanceof Response)) throw new Error(`SSO did not start: ${JSON.stringify(replyOf(start).data)}`);
  expect(start.status).toBe(302);
  const stateCookie = start.headers.get("Set-Cookie")!.split(";")[0]!;
  // the form lands on the portal's own hop page, which moves on to the provider
  expect(start.headers.get("Location")).toBe("/auth/oidc/go");
  const hop = replyOf<{ url: string }>(
    await hopLoader({ request: getRequest("/auth/oidc/go", stateCookie), params: {}, context: {} }),
  );
  let url = new URL(hop.data.url);
  expect(url.origin).toBe(issuer);
  expect(url.searchParams.get("code_challenge_method")).toBe("S256");
  journey.alter?.(url);
  const jar = new Jar();
  for (let step = 0; step < 12; step++) {
    if (url.href.startsWith(CALLBACK)) {
      const callback = await callbackLoader({
        request: getRequest(url.pathname + url.search, stateCookie),
        params: {},
        context: {},
      });
      return { callback, stateCookie };
    }
    const res = await fetch(url, { redirect: "manual", headers: { Cookie: jar.header() } });
    jar.take(res);
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get("Location")!, url);
      continue;
    }
    const html = await res.text();
    expect(res.status, html).toBe(200);
    if (journey.cancel) {
      const abort = /href="([^"]*\/abort)"/.exec(html)?.[1];
      url = new URL(abort!, url);
      continue;
    }
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="([a-z]+)"/.exec(html)?.[1] ?? "consent";
    const res2 = await fetch(new URL(action!, url), {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: jar.header(), "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ prompt, login: accountId, password: "any" }),
    });
    jar.take(res2);
    url = new URL(res2.headers.get("Location")!, url);
  }
  throw new Error("The provider never sent the browser back");
}

function refusalText(callback: unknown) {
  const reply = replyOf<{ message: string }>(callback);
  return { status: reply.status, message: reply.data.message };
}

describe("single sign-on settings", () => {
  it("are saved by the team administrator with the secret sealed and never shown back", async () => {
    const saved = await saveSettings();
    expect(saved).toRedirectTo("/account/team/sso?done=saved");
    const stored = await SsoConnection.findById(admin.orgId).lean();
    expect(stored?.clientSecretSealed).toMatch(/^v1\./);
    expect(JSON.stringify(stored)).not.toContain(CLIENT.secret);
    const page = await ssoLoader({ request: getRequest("/account/team/sso", admin.cookie), params: {}, context: {} });
    expect(JSON.stringify(page)).not.toContain(CLIENT.secret);
    expect(page.connection).toMatchObject({ issuer, clientId: CLIENT.id, secretSet: true, domains: [domain] });
    expect(page.redirectUri).toBe(CALLBACK);
    // an empty secret keeps the stored one
    expect(await saveSettings({ clientSecret: "" })).toRedirectTo("/account/team/sso?done=saved");
    expect((await SsoConnection.findById(admin.orgId).lean())?.clientSecretSealed).toBe(stored?.clientSecretSealed);
  });

  it("checks the provider by discovery and shows what it announces", async () => {
    const reply = replyOf<{ check: { issuer: string; pkceS256: boolean; jwksUri: string } }>(
      await ssoAction({
        request: formRequest("/account/team/sso", { intent: "check", issuer }, admin.cookie),
        params: {},
        context: {},
      }),
    );
    expect(reply.status).toBe(200);
    expect(reply.data.check).toMatchObject({ issuer, pkceS256: true, jwksUri: `${issuer}/jwks` });
    const down = replyOf(
      await ssoAction({
        request: formRequest("/account/team/sso", { intent: "check", issuer: "http://127.0.0.1:9" }, admin.cookie),
        params: {},
        context: {},
      }),
    );
    expect(down.status).toBe(400);
    expect(down.data.errors[""]![0]).toMatch(/No OpenID Connect provider answered/);
  });

  it("refuses a domain another organisation signs in with, and a plain-http issuer off loopback", async () => {
    const other = await createUser("supplier", { email: `bo@other-${domain}` });
    await User.updateOne({ _id: other.user._id }, { $set: { teamAdmin: true } });
    const otherCookie = await sessionCookie(String(other.user._id));
    const clash = replyOf(
      await ssoAction({
        request: formRequest("/account/team/sso", settings({ domains: `other-${domain}\n${domain}` }), otherCookie),
        params: {},
        context: {},
      }),
    );
    expect(clash.status).toBe(400);
    expect(clash.data.errors.domains).toEqual([
      `Another organisation already signs in with: ${domain}. A domain belongs to one organisation.`,
    ]);
    // nothing of the refused list was kept: the other domain is still free
    expect(await SsoConnection.exists({ _id: other.orgId })).toBeNull();
    const insecure = replyOf(await saveSettings({ issuer: "http://login.example.com" }));
    expect(insecure.status).toBe(400);
    expect(insecure.data.errors.issuer).toEqual(["The issuer URL must start with https://"]);
    expect(insecure.data.values).toMatchObject({ issuer: "http://login.example.com", domains: domain });
    expect(JSON.stringify(insecure.data)).not.toContain(CLIENT.secret);
  });
});

describe("signing in through the organisation's provider", () => {
  it("creates the account at the first sign-in with the organisation's role and default team role", async () => {
    people["u-carla"] = { email: `carla@${domain}`, email_verified: true, name: "Carla Diaz" };
    const { callback } = await signInThroughProvider(`carla@${domain}`, "u-carla");
    expect(callback).toRedirectTo("/procurement");
    const created = await User.findOne({ email: `carla@${domain}` }).lean();
    expect(created).toMatchObject({ name: "Carla Diaz", role: "procurement", teamAdmin: false });
    expect(String(created!.orgId)).toBe(admin.orgId);
    expect(await Session.countDocuments({ userId: created!._id })).toBe(1);
    expect(
      await AuditEvent.exists({ action: "auth.login", actorId: String(created!._id), "details.method": "sso" }),
    ).toBeTruthy();
    expect(await AuditEvent.exists({ action: "user.create", targetId: String(created!._id) })).toBeTruthy();
  });

  it("signs in an existing user of the organisation", async () => {
    people["u-ann"] = { email: admin.email, email_verified: true, name: "Ann" };
    const { callback } = await signInThroughProvider(admin.email, "u-ann");
    expect(callback).toRedirectTo("/procurement");
  });

  it("refuses an ID token whose signature was changed on the way", async () => {
    people["u-dan"] = { email: `dan@${domain}`, email_verified: true, name: "Dan" };
    tamper.idTokenSignature = true;
    try {
      const { callback } = await signInThroughProvider(`dan@${domain}`, "u-dan");
      expect(refusalText(callback)).toEqual({
        status: 400,
        message: expect.stringMatching(/could not be verified/),
      });
    } finally {
      tamper.idTokenSignature = false;
    }
    expect(await User.exists({ email: `dan@${domain}` })).toBeNull();
    expect(await AuditEvent.exists({ action: "auth.sso_failed", "details.reason": /^verification/ })).toBeTruthy();
  });

  it("refuses an ID token carrying another nonce than the one this sign-in sent", async () => {
    people["u-eve"] = { email: `eve@${domain}`, email_verified: true, name: "Eve" };
    const { callback } = await signInThroughProvider(`eve@${domain}`, "u-eve", {
      alter: (url) => url.searchParams.set("nonce", "a-nonce-the-portal-never-issued"),
    });
    expect(refusalText(callback).message).toMatch(/could not be verified/);
    expect(await User.exists({ email: `eve@${domain}` })).toBeNull();
  });

  it("refuses an answer whose state is not this browser's sign-in", async () => {
    people["u-fay"] = { email: `fay@${domain}`, email_verified: true, name: "Fay" };
    const { callback } = await signInThroughProvider(`fay@${domain}`, "u-fay", {
      alter: (url) => url.searchParams.set("state", "someone-elses-state"),
    });
    expect(refusalText(callback).message).toMatch(/does not belong to a sign-in started in this browser/);
  });

  it("says so when the person cancels at the provider", async () => {
    const { callback } = await signInThroughProvider(`gus@${domain}`, "u-gus", { cancel: true });
    expect(refusalText(callback).message).toMatch(/cancelled/);
    expect(await AuditEvent.exists({ action: "auth.sso_failed", "details.reason": "access_denied" })).toBeTruthy();
  });

  it("refuses an e-mail domain no organisation signs in with", async () => {
    const reply = replyOf<{ email: string }>(
      await loginAction({
        request: formRequest("/login", { intent: "sso", email: "someone@unknown-domain.example" }),
        params: {},
        context: {},
      }),
    );
    expect(reply.status).toBe(400);
    expect(reply.data.errors.email).toEqual([
      "No organisation signs in through single sign-on with this e-mail address. Sign in with your password.",
    ]);
    expect(reply.data.email).toBe("someone@unknown-domain.example");
  });

  it("refuses an address the provider vouches for outside the organisation's domains", async () => {
    people["u-hal"] = { email: "hal@elsewhere.example", email_verified: true, name: "Hal" };
    const { callback } = await signInThroughProvider(`hal@${domain}`, "u-hal");
    expect(refusalText(callback).message).toMatch(/not in a domain your organisation signs in with/);
  });

  it("refuses an unverified address and, where the organisation does not create accounts, an unknown person", async () => {
    people["u-ivy"] = { email: `ivy@${domain}`, email_verified: false, name: "Ivy" };
    expect(refusalText((await signInThroughProvider(`ivy@${domain}`, "u-ivy")).callback).message).toMatch(
      /not verified/,
    );
    expect(await saveSettings({ createAccounts: undefined })).toRedirectTo("/account/team/sso?done=saved");
    people["u-jo"] = { email: `jo@${domain}`, email_verified: true, name: "Jo" };
    const { callback } = await signInThroughProvider(`jo@${domain}`, "u-jo");
    expect(refusalText(callback)).toEqual({ status: 403, message: expect.stringMatching(/no account/) });
    expect(await User.exists({ email: `jo@${domain}` })).toBeNull();
  });

  it("turns password sign-in off for the organisation's users while SSO and other organisations keep working", async () => {
    const { user, password } = await createUser("procurement", { orgId: admin.orgId, email: `kim@${domain}` });
    expect(await saveSettings({ passwordSignInOff: "on" })).toRedirectTo("/account/team/sso?done=saved");
    const refused = replyOf<{ email: string }>(
      await loginAction({ request: formRequest("/login", { email: user.email, password }), params: {}, context: {} }),
    );
    expect(refused.status).toBe(400);
    expect(refused.data.errors[""]).toEqual([
      "Your organisation signs you in through its identity provider: use “Use your organisation's single sign-on” below.",
    ]);
    expect(await Session.countDocuments({ userId: user._id })).toBe(0);

    people["u-kim"] = { email: user.email, email_verified: true, name: "Kim" };
    expect((await signInThroughProvider(user.email, "u-kim")).callback).toRedirectTo("/procurement");

    const elsewhere = await createUser("supplier");
    const other = await loginAction({
      request: formRequest("/login", { email: elsewhere.user.email, password: elsewhere.password }),
      params: {},
      context: {},
    });
    expect(other).toRedirectTo("/supplier");
  });
});

describe("the hop to the provider", () => {
  it("tells a browser that started no sign-in to start again, and links nowhere else", async () => {
    const reply = replyOf<{ url: string | null }>(
      await hopLoader({ request: getRequest("/auth/oidc/go"), params: {}, context: {} }),
    );
    expect(reply.status).toBe(400);
    expect(reply.data.url).toBeNull();
  });
});
