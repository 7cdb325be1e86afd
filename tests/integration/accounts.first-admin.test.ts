import { beforeEach, describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { formRequest, getRequest } from "#tests/fixtures/factories";
import { runNpmScript } from "#tests/helpers/npm-script";
import { replyOf } from "#tests/helpers/responses";

/** `npm run admin:create`, run as an operator runs it, on a database with no administrator. */
const db = setupTestDatabase();

const { loader: loginLoader } = await import("#app/routes/login");
const { loader: welcomeLoader, action: welcomeAction } = await import("#app/routes/welcome.$token");
const { AccountTokenModel } = await import("#models/account-token.server");
const { AuditEvent } = await import("#models/audit-event.server");
const { Organization } = await import("#models/organization.server");
const { User } = await import("#models/user.server");
const { Attempt } = await import("#models/attempt.server");

const LINK = /(https?:\/\/\S+)\/welcome\/([A-Za-z0-9_-]{43})\b/;
const PASSWORD = "the first admin's own passphrase";

function adminCreate(...args: string[]) {
  return runNpmScript("admin:create", args, db.uri());
}

function tokenIn(output: string) {
  const match = LINK.exec(output);
  expect(match, output).toBeTruthy();
  return match![2];
}

async function openLink(token: string) {
  return replyOf<{ view: { kind: string; state?: string; organisation?: string; role?: string; email?: string } }>(
    await welcomeLoader({ request: getRequest(`/welcome/${token}`), params: { token }, context: {} }),
  );
}

function setUp(token: string) {
  return welcomeAction({
    request: formRequest(`/welcome/${token}`, {
      intent: "set-up",
      name: "Ada Root",
      password: PASSWORD,
      confirm: PASSWORD,
    }),
    params: { token },
    context: {},
  });
}

beforeEach(async () => {
  await Promise.all([
    User.deleteMany({}),
    Organization.deleteMany({}),
    AccountTokenModel.deleteMany({}),
    Attempt.deleteMany({}),
  ]);
});

describe("the first administrator", () => {
  it("on an empty portal: the sign-in page says what to run; the command prints a link, no password, and creates no account", async () => {
    const login = (await loginLoader({ request: getRequest("/login"), params: {}, context: {} })) as {
      firstAdminCommand: string | null;
    };
    expect(login.firstAdminCommand).toBe('npm run admin:create -- --email you@example.com --name "Your Name"');

    const run = await adminCreate("--email", "Ada@Example.com", "--name", "Ada Root");
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('Created the operator organisation "Flowdown Operations".');
    expect(run.output).toMatch(/The link works once and expires at \d{4}-\d\d-\d\dT/);
    const token = tokenIn(run.output);
    // nothing in the output is a password, and nobody has one yet: the account is made from the link
    expect(run.output).not.toMatch(/password\s*[:=]/i);
    expect(await User.countDocuments({})).toBe(0);
    const org = await Organization.findOne({ kind: "operator" }).lean();
    expect(org).toMatchObject({ name: "Flowdown Operations", country: "GB" });
    expect(await AuditEvent.exists({ action: "admin.bootstrap", targetId: String(org!._id) })).toBeTruthy();

    expect((await openLink(token)).data.view).toMatchObject({
      kind: "set-up",
      email: "ada@example.com",
      organisation: "Flowdown Operations",
      role: "admin",
    });
    expect(await setUp(token)).toRedirectTo("/admin?notice=welcome");
    expect(await User.findOne({ email: "ada@example.com" }).lean()).toMatchObject({
      role: "admin",
      teamAdmin: true,
      orgId: org!._id,
    });
    const after = (await loginLoader({ request: getRequest("/login"), params: {}, context: {} })) as {
      firstAdminCommand: string | null;
    };
    expect(after.firstAdminCommand).toBeNull();

    const again = await adminCreate("--email", "someone@example.com", "--name", "Someone Else");
    expect(again.code).toBe(1);
    expect(again.output).toContain(
      "Flowdown already has an administrator. Administrators invite more from Administration → Organisations.",
    );
    expect(again.output).not.toMatch(LINK);
    expect(await AccountTokenModel.countDocuments({ email: "someone@example.com" })).toBe(0);
  });

  it("replaces the link when run again before it is used, and names the organisation and country given", async () => {
    const first = await adminCreate(
      "--email",
      "ops@example.com",
      "--name",
      "Op One",
      "--organisation",
      "Acme Ops",
      "--country",
      "de",
    );
    expect(first.code, first.output).toBe(0);
    const second = await adminCreate("--email", "ops2@example.com", "--name", "Op Two");
    expect(second.code, second.output).toBe(0);
    expect(second.output).toContain('Using the operator organisation "Acme Ops".');
    expect(second.output).toContain("The link printed earlier no longer works");

    expect((await openLink(tokenIn(first.output))).data.view).toEqual({ kind: "dead", state: "revoked" });
    expect(await setUp(tokenIn(first.output))).toHaveStatus(410);
    expect(await setUp(tokenIn(second.output))).toRedirectTo("/admin?notice=welcome");
    expect(await User.find({}, { email: 1 }).lean()).toEqual([expect.objectContaining({ email: "ops2@example.com" })]);
    expect(await Organization.find({ kind: "operator" }).lean()).toEqual([
      expect.objectContaining({ name: "Acme Ops", country: "DE" }),
    ]);
  });

  it.each([
    [[] as string[], "--email is required"],
    [["--email", "ada@example.com"], "--name is required"],
    [["--email", "not-an-address", "--name", "Ada"], "--email: not a valid e-mail address"],
    [["--email", "ada@example.com", "--name", "Ada", "--country", "XX"], "--country: not an ISO 3166-1 country code"],
    [["--email", "ada@example.com", "--name", "Ada", "--password", "hunter22hunter22"], "takes no password"],
    [["--email", "ada@example.com", "--name", "Ada", "--role", "admin"], "Unknown option '--role'"],
  ])("refuses %j with a usage message and creates nothing", async (args, message) => {
    const run = await adminCreate(...args);
    expect(run.code).toBe(2);
    expect(run.output).toContain(message);
    expect(run.output).toContain("usage: npm run admin:create -- --email <address>");
    expect(run.output).not.toMatch(LINK);
    expect(run.output).not.toContain("hunter22");
    expect(await AccountTokenModel.countDocuments({})).toBe(0);
    expect(await Organization.countDocuments({})).toBe(0);
  });

  it("refuses an address that already has an account", async () => {
    const org = await Organization.create({ slug: "sup-x1", name: "Supplier X", kind: "supplier", country: "FR" });
    await User.create({ email: "taken@example.com", name: "T", role: "supplier", orgId: org._id, passwordHash: "x" });
    const run = await adminCreate("--email", "taken@example.com", "--name", "Taken");
    expect(run.code).toBe(1);
    expect(run.output).toContain("taken@example.com already has a Flowdown account (supplier): use another address.");
    expect(await AccountTokenModel.countDocuments({})).toBe(0);
  });
});
