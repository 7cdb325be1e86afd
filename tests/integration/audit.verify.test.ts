import { beforeEach, describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { createUser, getRequest, sessionCookie } from "#tests/fixtures/factories";
import { runNpmScript } from "#tests/helpers/npm-script";

const db = setupTestDatabase();

const { loader: auditPageLoader } = await import("#app/routes/_portal.admin.audit");
const { AuditEvent, recordAudit, verifyAuditChain } = await import("#models/audit-event.server");
const { NAVIGATION } = await import("#app/features/accounts/navigation");

/** `npm run audit:verify` against this file's database, as an operator runs it. */
function runVerifyScript() {
  return runNpmScript("audit:verify", [], db.uri());
}

async function loadPage(cookie: string) {
  return (await auditPageLoader({ request: getRequest("/admin/audit", cookie), params: {}, context: {} })) as {
    verification: { ok: boolean; checked: number; problems: string[] };
    rows: { seq: number; action: string }[];
  };
}

let adminCookie: string;

/** A trail of five entries (the trail is the whole collection, so each test starts it afresh). */
beforeEach(async () => {
  const { user } = await createUser("admin");
  adminCookie = await sessionCookie(String(user._id));
  await AuditEvent.deleteMany({});
  for (let i = 1; i <= 5; i++) {
    await recordAudit({ action: `test.step_${i}`, targetType: "test", targetId: String(i), details: { step: i } });
  }
});

describe("verifying the audit trail", () => {
  it("reports an intact chain from the function, the script and the admin page", async () => {
    await expect(verifyAuditChain()).resolves.toEqual({ ok: true, checked: 5, problems: [] });

    const script = await runVerifyScript();
    expect(script.output).toContain("Audit trail intact: 5 entries checked.");
    expect(script.code).toBe(0);

    const page = await loadPage(adminCookie);
    expect(page.verification).toMatchObject({ ok: true, checked: 5, problems: [] });
    expect(page.rows.map((r) => r.seq)).toEqual([5, 4, 3, 2, 1]);
    expect(page.rows[0].action).toBe("test.step_5");
  });

  it("reports an entry edited in the database", async () => {
    await AuditEvent.collection.updateOne({ seq: 3 }, { $set: { action: "test.something_else" } });
    const expected = "Entry 3 was altered after it was written (its hash does not match its content).";

    const report = await verifyAuditChain();
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expected]);

    const script = await runVerifyScript();
    expect(script.code).toBe(1);
    expect(script.output).toContain("Audit trail BROKEN: 1 problem(s) in 5 entries checked.");
    expect(script.output).toContain(expected);

    const page = await loadPage(adminCookie);
    expect(page.verification).toMatchObject({ ok: false, checked: 5, problems: [expected] });
  });

  it("reports an entry removed from the database", async () => {
    await AuditEvent.collection.deleteOne({ seq: 2 });

    const report = await verifyAuditChain();
    expect(report.ok).toBe(false);
    expect(report.checked).toBe(4);
    expect(report.problems).toContain("Entry 2 is missing (found 3 next).");
    expect(report.problems).toContain(
      "Entry 3 does not follow the entry before it (its previous-hash does not match).",
    );

    const script = await runVerifyScript();
    expect(script.code).toBe(1);
    expect(script.output).toContain("Entry 2 is missing (found 3 next).");

    const page = await loadPage(adminCookie);
    expect(page.verification.ok).toBe(false);
    expect(page.verification.problems).toEqual(report.problems);
    expect(page.rows.map((r) => r.seq)).toEqual([5, 4, 3, 1]);
  });

  it("names a run of removed entries as a range", async () => {
    await AuditEvent.collection.deleteMany({ seq: { $in: [2, 3] } });
    const report = await verifyAuditChain();
    expect(report.problems[0]).toBe("Entries 2–3 are missing (found 4 next).");
  });

  it("is an admin page, in the admin navigation only", async () => {
    expect(NAVIGATION.admin).toContainEqual({ to: "/admin/audit", label: "Audit trail" });
    const { user } = await createUser("procurement");
    const res = await auditPageLoader({
      request: getRequest("/admin/audit", await sessionCookie(String(user._id))),
      params: {},
      context: {},
    }).catch((e: unknown) => e);
    expect(res).toBeInstanceOf(Response);
    expect((res as Response).status).toBe(403);
  });
});
