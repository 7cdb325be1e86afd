import fs from "node:fs";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { IntlProvider } from "react-intl";
import { beforeEach, describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { createUser, formRequest, getRequest, sessionCookie, jsonRequest } from "#tests/fixtures/factories";
import { createAssessmentWorld, SHORT_TEMPLATE_GOOD_ANSWERS } from "#tests/fixtures/assessments";
import { compact, pageTexts } from "#tests/helpers/pdf";
import { replyOf, thrown } from "#tests/helpers/responses";

setupTestDatabase();

const security = await import("#app/lib/security.server");
const { action: loginAction } = await import("#app/routes/login");
const { action: accountAction } = await import("#app/routes/_portal.account");
const { loader: inviteLoader } = await import("#app/routes/invite.$token");
const { action: verifyAction } = await import("#app/routes/verify");
const { action: reviewAction, loader: reviewLoader } = await import("#app/routes/_portal.procurement.assessments.$id");
const { action: supplierAction } = await import("#app/routes/_portal.supplier.assessments.$id");
const { action: saveAction } = await import("#app/routes/api.assessments.$id.answers");
const { action: evidenceUpload } = await import("#app/routes/api.assessments.$id.evidence");
const { loader: downloadLoader } = await import("#app/routes/reports.$id");
const { RequirementResults } = await import("#app/features/review/assessment-results");
const { messagesFor } = await import("#app/i18n/messages.server");
const { getUser } = await import("#app/features/accounts/auth.server");
const { Attempt } = await import("#models/attempt.server");
const { Session } = await import("#models/session.server");
const { User } = await import("#models/user.server");
const { Assessment } = await import("#models/assessment.server");
const { ReportRecord } = await import("#models/report.server");
const { RATE_LIMITS } = await import("#app/lib/rate-limit.server");
const { onConnectionFrom } = await import("#app/lib/connection.server");
const { action: forgotAction } = await import("#app/routes/forgot-password");
const { action: resetAction } = await import("#app/routes/reset-password.$token");
const { Outbox } = await import("#models/outbox.server");

beforeEach(async () => {
  await Attempt.deleteMany({});
});

describe("cross-site requests", () => {
  const post = (headers: Record<string, string>) =>
    new Request("http://localhost/login", { method: "POST", headers, body: "a=1" });

  it("lets same-origin posts and clients without browser headers through, and names what it refused", () => {
    expect(security.crossSiteReason(post({ Origin: "http://localhost", "Sec-Fetch-Site": "same-origin" }))).toBeNull();
    expect(security.crossSiteReason(post({ Referer: "http://localhost/login" }))).toBeNull();
    expect(security.crossSiteReason(post({}))).toBeNull();
    expect(
      security.crossSiteReason(new Request("http://localhost/x", { headers: { Origin: "https://attacker.example" } })),
    ).toBeNull();
    expect(security.crossSiteReason(post({ Origin: "https://attacker.example" }))).toMatch(/Origin/);
    expect(security.crossSiteReason(post({ "Sec-Fetch-Site": "same-site", Origin: "http://localhost" }))).toMatch(
      /same-site/,
    );
    expect(security.crossSiteReason(post({ Origin: "http://localhost.attacker.example" }))).toMatch(/Origin/);
    expect(security.crossSiteReason(post({ Referer: "https://attacker.example/" }))).toMatch(/Referer/);
  });

  it("accepts the https origin a TLS proxy reports, and PUBLIC_URL", () => {
    expect(security.crossSiteReason(post({ Origin: "https://localhost", "X-Forwarded-Proto": "https" }))).toBeNull();
    expect(security.crossSiteReason(post({ Origin: "https://localhost" }))).toMatch(/Origin/);
  });
});

describe("body size", () => {
  it("refuses a form larger than the limit with 413 before the action reads it, declared or chunked", async () => {
    const big = "x".repeat(security.MAX_BODY_BYTES + 1);
    const declared = new Request("http://localhost/login", {
      method: "POST",
      body: `email=${big}`,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect((await thrown(() => security.limitBody(declared))).status).toBe(413);
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 40; i++) c.enqueue(new TextEncoder().encode("y".repeat(64 * 1024)));
        c.close();
      },
    });
    const chunked = new Request("http://localhost/login", {
      method: "POST",
      body: stream,
      headers: { "Content-Type": "application/json" },
      duplex: "half",
    } as RequestInit);
    expect((await thrown(() => security.limitBody(chunked))).status).toBe(413);
    const small = new Request("http://localhost/login", {
      method: "POST",
      body: new ReadableStream({
        start(c) {
          c.enqueue(new TextEncoder().encode("a=1"));
          c.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(await (await security.limitBody(small)).text()).toBe("a=1");
  });
});

describe("rate limits", () => {
  /** A sign-in as a browser sends it over a connection from `ip`, with that browser's cookies. */
  function signInFrom(
    ip: string,
    fields: Record<string, string>,
    cookie?: string,
    headers: Record<string, string> = {},
  ) {
    const request = formRequest("/login", fields, cookie);
    for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
    return onConnectionFrom(ip, () => loginAction({ request, params: {}, context: {} }));
  }

  /** The cookie the browser keeps from a response, as it sends it back ("name=value"; "" when there is none). */
  function cookieFrom(response: unknown, name: string): string {
    const cookie = (response as Response).headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
    return cookie?.split(";")[0] ?? "";
  }

  it("holds back new browsers after 5 wrong passwords for an account, with Retry-After, but not the owner's own browser", async () => {
    const { user, password } = await createUser("procurement");
    const owner = cookieFrom(await signInFrom("198.51.100.10", { email: user.email, password }), "__flowdown_device");
    // a stranger guesses from many addresses
    for (let i = 0; i < RATE_LIMITS.login.account.max; i++)
      expect(await signInFrom(`10.0.0.${i}`, { email: user.email, password: "wrong-password" })).toHaveStatus(400);
    const stranger = await signInFrom("10.0.1.1", { email: user.email, password });
    expect(stranger).toHaveStatus(429);
    // the owner's browser signs in with the right password, from any address
    const back = (await signInFrom("10.0.1.1", { email: user.email, password }, owner)) as Response;
    expect(back).toRedirectTo("/procurement");
    expect(await Session.countDocuments({ userId: user._id })).toBe(2);
    // the stranger is told how long to wait, and where the owner can still get in
    expect(replyOf(stranger).data.errors[""]).toEqual([
      "Too many attempts; try again in 15 minutes.",
      expect.stringMatching(/browser you have signed in with before can still sign in.*Forgot your password/),
    ]);
    expect(replyOf(stranger).headers.get("Retry-After")).toBe("900");
    // another account from the same addresses is not affected
    const other = await createUser("procurement");
    expect(await signInFrom("10.0.0.1", { email: other.user.email, password: other.password })).toRedirectTo(
      "/procurement",
    );
  });

  it("counts a known browser's wrong passwords against that browser, not against the account", async () => {
    const { user, password } = await createUser("supplier");
    const laptop = cookieFrom(await signInFrom("198.51.100.11", { email: user.email, password }), "__flowdown_device");
    for (let i = 0; i < RATE_LIMITS.device.account.max; i++)
      expect(await signInFrom("198.51.100.11", { email: user.email, password: "typo" }, laptop)).toHaveStatus(400);
    const held = await signInFrom("198.51.100.11", { email: user.email, password }, laptop);
    expect(held).toHaveStatus(429);
    expect(replyOf(held).headers.get("Retry-After")).toBe("900");
    // a browser's cookie names only the accounts it signed in to: it is no pass for another account
    const other = await createUser("supplier");
    for (let i = 0; i < RATE_LIMITS.login.account.max; i++)
      await signInFrom("198.51.100.12", { email: other.user.email, password: "wrong" }, laptop);
    expect(
      await signInFrom("198.51.100.12", { email: other.user.email, password: other.password }, laptop),
    ).toHaveStatus(429);
    // the account itself is not held back: a new browser signs in
    expect(await signInFrom("198.51.100.13", { email: user.email, password })).toRedirectTo("/supplier");
  });

  it("lifts an account's wait when its owner resets the password by the e-mailed link", async () => {
    const { user } = await createUser("discloser");
    for (let i = 0; i < RATE_LIMITS.login.account.max; i++)
      await signInFrom(`10.0.2.${i}`, { email: user.email, password: "wrong-password" });
    await onConnectionFrom("198.51.100.20", () =>
      forgotAction({ request: formRequest("/forgot-password", { email: user.email }), params: {}, context: {} }),
    );
    const token = await resetTokenMailedTo(user.email);
    const reset = (await resetAction({
      request: formRequest(`/reset-password/${token}`, {
        password: "a new long passphrase",
        confirm: "a new long passphrase",
      }),
      params: { token },
      context: {},
    })) as Response;
    expect(reset).toRedirectTo("/discloser?notice=password-reset");
    // any browser may sign in again, and the one that reset the password is known from now on
    expect(await signInFrom("198.51.100.21", { email: user.email, password: "a new long passphrase" })).toRedirectTo(
      "/discloser",
    );
    expect(cookieFrom(reset, "__flowdown_device")).toMatch(/^__flowdown_device=./);
  });

  it("counts a client address by its connection, whatever X-Forwarded-For it sends, across accounts and concurrently", async () => {
    await Promise.all(
      Array.from({ length: RATE_LIMITS.login.ip.max }, (_, i) =>
        signInFrom("192.0.2.7", { email: `nobody${i}@example.test`, password: "x" }, undefined, {
          "X-Forwarded-For": `203.0.113.${i}`,
        }),
      ),
    );
    expect(await Attempt.countDocuments({ key: "login:ip:192.0.2.7" })).toBe(RATE_LIMITS.login.ip.max);
    const { user, password } = await createUser("supplier");
    const blocked = await signInFrom("192.0.2.7", { email: user.email, password }, undefined, {
      "X-Forwarded-For": "203.0.113.200",
    });
    expect(blocked).toHaveStatus(429);
    expect(replyOf(blocked).headers.get("Retry-After")).toBe("900");
    expect(await signInFrom("192.0.2.8", { email: user.email, password })).toRedirectTo("/supplier");
  });

  it("believes X-Forwarded-For only from a proxy named in TRUST_PROXY", async () => {
    const saved = process.env.TRUST_PROXY;
    process.env.TRUST_PROXY = "192.0.2.50";
    try {
      const via = (proxy: string) =>
        signInFrom(proxy, { email: "nobody@example.test", password: "x" }, undefined, {
          "X-Forwarded-For": "10.9.9.9, 203.0.113.77",
        });
      await via("192.0.2.50");
      await via("192.0.2.51");
      expect(await Attempt.countDocuments({ key: "login:ip:203.0.113.77" })).toBe(1);
      expect(await Attempt.countDocuments({ key: "login:ip:192.0.2.51" })).toBe(1);
      expect(await Attempt.countDocuments({ key: "login:ip:10.9.9.9" })).toBe(0);
    } finally {
      if (saved === undefined) delete process.env.TRUST_PROXY;
      else process.env.TRUST_PROXY = saved;
    }
  });

  it("lets attempts older than the window go", async () => {
    const { user, password } = await createUser("procurement");
    const old = new Date(Date.now() - RATE_LIMITS.login.account.windowMs - 1000);
    await Attempt.insertMany(Array.from({ length: 10 }, () => ({ key: `login:account:${user.email}`, at: old })));
    expect(
      (
        (await loginAction({
          request: formRequest("/login", { email: user.email, password }),
          params: {},
          context: {},
        })) as Response
      ).status,
    ).toBe(302);
  });

  it("slows down a client trying invitation links, and report verifications", async () => {
    for (let i = 0; i < RATE_LIMITS.invite.ip.max; i++)
      await onConnectionFrom("198.51.100.1", () =>
        inviteLoader({ request: getRequest(`/invite/guess-${i}`), params: { token: `guess-${i}` }, context: {} }),
      );
    const res = await thrown(() =>
      onConnectionFrom("198.51.100.1", () =>
        inviteLoader({ request: getRequest("/invite/guess-x"), params: { token: "guess-x" }, context: {} }),
      ),
    );
    expect(res.status).toBe(429);
    expect(res.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect(await res.text()).toMatch(/^Too many attempts; try again in \d+ minutes?\.$/);

    const verify = () =>
      onConnectionFrom("198.51.100.2", () =>
        verifyAction({ request: formRequest("/verify", { sha256: "0".repeat(64) }), params: {}, context: {} }),
      );
    for (let i = 0; i < RATE_LIMITS.verify.ip.max; i++) await verify();
    const v = await verify();
    expect(v).toHaveStatus(429);
    expect(replyOf(v).data.errors.sha256[0]).toMatch(/Too many attempts/);
  });
});

/** The token of the latest reset link mailed to `to` (sent without holding up the answer: it may take a moment). */
async function resetTokenMailedTo(to: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const mail = await Outbox.findOne({ to, kind: "password-reset" }).sort({ createdAt: -1 }).lean();
    const token = mail && /\/reset-password\/([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
    if (token) return token;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no reset link was mailed to ${to}`);
}

describe("sessions", () => {
  it("signing in gives a new session id and ends the one the browser still sent", async () => {
    const { user, password } = await createUser("discloser");
    const planted = await sessionCookie(String(user._id));
    const plantedId = (await getUser(getRequest("/", planted)))!.sessionId;
    await Session.updateOne({ _id: plantedId }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    const request = formRequest("/login", { email: user.email, password });
    request.headers.set("Cookie", planted);
    const res = (await loginAction({ request, params: {}, context: {} })) as Response;
    expect(res.status).toBe(302);
    const fresh = res.headers.get("Set-Cookie")!.split(";")[0];
    const freshUser = await getUser(getRequest("/", fresh));
    expect(freshUser!.sessionId).not.toBe(plantedId);
    expect(await Session.exists({ _id: plantedId })).toBeNull();
  });

  it("changing the password needs the current one, validates the new one, and signs out every other session", async () => {
    const { user, password } = await createUser("supplier");
    const here = await sessionCookie(String(user._id));
    const elsewhere = [await sessionCookie(String(user._id)), await sessionCookie(String(user._id))];
    const change = (fields: Record<string, string>) =>
      accountAction({
        request: formRequest("/account", { intent: "change-password", ...fields }, here),
        params: {},
        context: {},
      });

    const wrong = await change({
      currentPassword: "not-it",
      newPassword: "a-new-long-password",
      confirm: "a-new-long-password",
    });
    expect(wrong).toBeRefused("currentPassword", "That is not your current password.");
    const short = await change({
      currentPassword: password,
      newPassword: "short",
      confirm: "short",
    });
    expect(short).toBeRefused("newPassword", "Use at least 12 characters");
    const differ = await change({
      currentPassword: password,
      newPassword: "a-new-long-password",
      confirm: "another-long-password",
    });
    expect(differ).toBeRefused("confirm", "The two passwords differ");
    const extra = await change({
      currentPassword: password,
      newPassword: "a-new-long-password",
      confirm: "a-new-long-password",
      role: "admin",
    });
    expect(extra).toHaveStatus(400);
    expect(JSON.stringify(replyOf(extra).data)).not.toContain("a-new-long-password");
    for (const c of elsewhere) expect(await getUser(getRequest("/", c))).not.toBeNull();

    const done = (await change({
      currentPassword: password,
      newPassword: "a-new-long-password",
      confirm: "a-new-long-password",
    })) as Response;
    expect(done).toRedirectTo("/account?changed=1");
    expect(await getUser(getRequest("/", here))).not.toBeNull();
    for (const c of elsewhere) expect(await getUser(getRequest("/", c))).toBeNull();
    const withOld = await loginAction({
      request: formRequest("/login", { email: user.email, password }),
      params: {},
      context: {},
    });
    expect(withOld).toHaveStatus(400);
    const withNew = (await loginAction({
      request: formRequest("/login", { email: user.email, password: "a-new-long-password" }),
      params: {},
      context: {},
    })) as Response;
    expect(withNew.status).toBe(302);
    expect((await User.findById(user._id).lean())!.role).toBe("supplier");
  });
});

describe("query operator injection", () => {
  it("turns an operator object in a filter value into an equality match, which a typed field refuses to cast", async () => {
    const { user } = await createUser("admin");
    await expect(User.findOne({ email: { $ne: "" } as unknown as string }).lean()).rejects.toThrow(
      /Cast to string failed/,
    );
    await expect(User.findOne({ email: { $gt: "" } as unknown as string }).lean()).rejects.toThrow(
      /Cast to string failed/,
    );
    // untyped (Mixed) paths get the equality match: nothing has that object as its value
    await createAssessmentWorld();
    expect(await Assessment.findOne({ answers: { $ne: null } as unknown as object }).lean()).toBeNull();
    const { trusted } = await import("#app/lib/ids.server");
    expect(await Assessment.findOne({ answers: trusted({ $ne: null }) }).lean()).not.toBeNull();
    expect(await User.findOne({ email: user.email }).lean()).not.toBeNull();
  });

  it("refuses operators in the autosave JSON and keeps them out of the answers", async () => {
    const w = await createAssessmentWorld();
    const id = String(w.assessment._id);
    const cookie = await sessionCookie(String(w.supplierUser.user._id));
    const save = (body: unknown) =>
      saveAction({
        request: jsonRequest(`/api/assessments/${id}/answers`, body, cookie),
        params: { id },
        context: {},
      }) as Promise<Response>;
    expect((await save({ baseRevision: { $gt: -1 }, changes: { orgLegalName: "x" } })).status).toBe(400);
    expect((await save({ baseRevision: 0, changes: { orgLegalName: { $gt: "" } } })).status).toBe(400);
    expect((await save({ baseRevision: 0, changes: { $where: "1" } })).status).toBe(400);
    expect((await Assessment.findById(id).lean())!.revision).toBe(0);
  });
});

describe("stored content stays inert", () => {
  const PAYLOAD = `<script>alert("x")</script><img src=x onerror=alert(1)> justification`;

  it("a script in an override justification is text on the review page and in the PDF", async () => {
    const w = await createAssessmentWorld();
    const id = String(w.assessment._id);
    const supplierCookie = await sessionCookie(String(w.supplierUser.user._id));
    const procurementCookie = await sessionCookie(String(w.procurement.user._id));
    await saveAction({
      request: jsonRequest(
        `/api/assessments/${id}/answers`,
        { baseRevision: 0, changes: { ...SHORT_TEMPLATE_GOOD_ANSWERS, breachNotifyHours: 48 } },
        supplierCookie,
      ),
      params: { id },
      context: {},
    });
    await supplierAction({
      request: formRequest(`/supplier/assessments/${id}`, { intent: "submit" }, supplierCookie),
      params: { id },
      context: {},
    });
    const overridden = (await reviewAction({
      request: formRequest(
        `/procurement/assessments/${id}`,
        { intent: "override", requirementId: "FD-INC-01", status: "met", justification: PAYLOAD },
        procurementCookie,
      ),
      params: { id },
      context: {},
    })) as Response;
    expect(overridden.status).toBe(302);

    const page = await reviewLoader({
      request: getRequest(`/procurement/assessments/${id}`, procurementCookie),
      params: { id },
      context: {},
    });
    // rendered as the page renders it: inside the portal's message provider
    const html = renderToString(
      createElement(
        IntlProvider,
        { locale: "en", messages: messagesFor("en"), timeZone: "UTC" },
        createElement(RequirementResults, { r: page.result! }),
      ),
    );
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).not.toMatch(/<script|<img/);

    await reviewAction({
      request: formRequest(`/procurement/assessments/${id}`, { intent: "report" }, procurementCookie),
      params: { id },
      context: {},
    });
    const record = await ReportRecord.findOne({ kind: "assessment", targetId: w.assessment._id }).lean();
    const res = (await downloadLoader({
      request: getRequest(`/reports/${record!._id}`, procurementCookie),
      params: { id: String(record!._id) },
      context: {},
    })) as Response;
    const text = compact((await pageTexts(Buffer.from(await res.arrayBuffer()))).join(" "));
    expect(text).toContain(compact(`<script>alert("x")</script>`));
  });

  it("an uploaded file's name cannot climb out of its folder", async () => {
    const w = await createAssessmentWorld();
    const id = String(w.assessment._id);
    const cookie = await sessionCookie(String(w.supplierUser.user._id));
    const form = new FormData();
    form.append(
      "file",
      new Blob([fs.readFileSync("tests/fixtures/files/incident-plan.pdf")], { type: "application/pdf" }),
      "../../../etc/..\\passwd.pdf",
    );
    const res = (await evidenceUpload({
      request: new Request(`http://localhost/api/assessments/${id}/evidence`, {
        method: "POST",
        body: form,
        headers: { Cookie: cookie },
      }),
      params: { id },
      context: {},
    })) as Response;
    expect(res.status).toBe(200);
    const { files } = (await res.json()) as { files: { name: string }[] };
    expect(files[0].name).toBe("passwd.pdf");
  });
});
