import mongoose from "mongoose";
import { beforeEach, describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { createUser, getRequest, sessionCookie } from "#tests/fixtures/factories";
import { runNpmScript } from "#tests/helpers/npm-script";

const db = setupTestDatabase();

const { loader: auditPageLoader } = await import("#app/routes/_portal.admin.audit");
const { AuditEvent, auditHead, formatAuditAnchor, recordAudit, verifyAuditChain } = await import(
  "#models/audit-event.server"
);
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
    expect(NAVIGATION.admin).toContainEqual({ to: "/admin/audit", label: "common.nav.auditTrail" });
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

describe("an anchor kept outside the database", () => {
  it("shows a tail cut off the trail, which the chain alone cannot", async () => {
    const head = (await auditHead())!;
    const anchor = formatAuditAnchor(head);
    expect(head.seq).toBe(5);
    // the last two entries removed: what is left is a consistent chain of three
    await AuditEvent.collection.deleteMany({ seq: { $in: [4, 5] } });
    await expect(verifyAuditChain()).resolves.toMatchObject({ ok: true, checked: 3 });
    const expected = "The trail ends at entry 3, before the anchor's entry 5: entries were cut off its end.";
    await expect(verifyAuditChain(head)).resolves.toEqual({ ok: false, checked: 3, problems: [expected] });

    const script = await runNpmScript("audit:verify", ["--anchor", anchor], db.uri());
    expect(script.code).toBe(1);
    expect(script.output).toContain(expected);
  });

  it("shows a trail rewritten since, and accepts one that only grew", async () => {
    const head = (await auditHead())!;
    await recordAudit({ action: "test.step_6", targetType: "test", targetId: "6" });
    await expect(verifyAuditChain(head)).resolves.toMatchObject({ ok: true, checked: 6 });

    await AuditEvent.deleteMany({});
    for (let i = 1; i <= 6; i++) await recordAudit({ action: `test.forged_${i}`, targetType: "test", targetId: "x" });
    await expect(verifyAuditChain(head)).resolves.toMatchObject({
      ok: false,
      problems: ["Entry 5 is not the one the anchor recorded: the trail was rewritten since."],
    });
  });

  it("is kept in every backup's manifest and printed by the check, for the next one", async () => {
    const { backupDatabase } = await import("../../scripts/lib/backup");
    const fs = await import("node:fs");
    const os = await import("node:os");
    const path = await import("node:path");
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "flowdown-anchor-")), "backup");
    try {
      const manifest = await backupDatabase(mongoose.connection.db!, dir);
      const head = (await auditHead())!;
      expect(manifest.auditHead).toEqual({ seq: head.seq, hash: head.hash, at: head.at.toISOString() });

      const intact = await runNpmScript("audit:verify", ["--anchor-from", dir], db.uri());
      expect(intact.code).toBe(0);
      expect(intact.output).toContain(`Anchor for a later check`);
      expect(intact.output).toContain(formatAuditAnchor(head));

      await AuditEvent.collection.deleteOne({ seq: 5 });
      const cut = await runNpmScript("audit:verify", ["--anchor-from", dir], db.uri());
      expect(cut.code).toBe(1);
      expect(cut.output).toContain("cut off its end");
    } finally {
      fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  });

  it("is e-mailed once a day to AUDIT_ANCHOR_MAIL, as an anchor that later shows a cut-off tail", async () => {
    const { scheduledJobs } = await import("#app/jobs.server");
    const { Outbox } = await import("#models/outbox.server");
    const { JobRun } = await import("#models/job-run.server");
    await JobRun.deleteMany({});
    await Outbox.deleteMany({ kind: "audit-anchor" });
    const base = { PORT: 3000, PUBLIC_URL: undefined };
    expect(scheduledJobs({ ...base, AUDIT_ANCHOR_MAIL: undefined }).map((j) => j.name)).not.toContain("audit-anchor");
    const to = ["dpo@discloser.example", "audit@recipient.example"];
    const job = scheduledJobs({ ...base, AUDIT_ANCHOR_MAIL: to }).find((j) => j.name === "audit-anchor")!;
    const head = (await auditHead())!;
    // two instances' timers on the same day: one sends
    await Promise.all([job.run(), job.run()]);
    await job.run();
    const mails = await Outbox.find({ kind: "audit-anchor" }).lean();
    expect(mails.map((m) => m.to).sort()).toEqual([...to].sort());
    expect(mails[0].text).toContain("The whole trail checked intact (5 entries).");
    const mailed = /^ {2}(\d+:[0-9a-f]{64})$/m.exec(mails[0].text)![1];
    expect(mailed).toBe(formatAuditAnchor(head));

    await AuditEvent.collection.deleteOne({ seq: 5 });
    const cut = await runNpmScript("audit:verify", ["--anchor", mailed], db.uri());
    expect(cut.code).toBe(1);
    expect(cut.output).toContain("cut off its end");
  });

  it("e-mails the head on demand with --mail", async () => {
    const { Outbox } = await import("#models/outbox.server");
    const run = await runNpmScript("audit:verify", ["--mail", "dpo@discloser.example"], db.uri());
    expect(run.code).toBe(0);
    expect(run.output).toContain("Anchor e-mailed to dpo@discloser.example.");
    const head = (await auditHead())!;
    const mail = await Outbox.findOne({ kind: "audit-anchor", to: "dpo@discloser.example" }).sort({ _id: -1 }).lean();
    expect(mail?.text).toContain(formatAuditAnchor(head));
  });

  it("refuses an anchor that is not one, with the usage", async () => {
    const run = await runNpmScript("audit:verify", ["--anchor", "5:not-a-hash"], db.uri());
    expect(run.code).toBe(2);
    expect(run.output).toContain("is not an anchor");
    expect(run.output).toContain("usage: npm run audit:verify");
  });
});
