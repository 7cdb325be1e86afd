import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { inEnglish } from "#app/i18n/reasons";

setupTestDatabase();
const { seedDemoData, seedDemoDataIfEmpty, DEMO_ACCOUNTS, DEMO_CHAIN } = await import("#scripts/demo/demo-data.server");
const { Organization } = await import("#models/organization.server");
const { User } = await import("#models/user.server");
const { verifyLogin } = await import("#app/features/accounts/auth.server");

async function snapshot() {
  const orgs = await Organization.find({}).sort({ slug: 1 }).lean();
  const users = await User.find({}).select("+passwordHash").sort({ email: 1 }).lean();
  return JSON.stringify({ orgs, users });
}

describe("demo data", () => {
  it("has a disclosing party, a recipient, four or more suppliers in two tiers and three countries, one in a non-Latin script", async () => {
    expect(await seedDemoDataIfEmpty()).toBe(true);
    expect(await Organization.countDocuments({ kind: "discloser" })).toBe(1);
    expect(await Organization.countDocuments({ kind: "recipient" })).toBe(1);
    const suppliers = await Organization.find({ kind: "supplier" }).lean();
    expect(suppliers.length).toBeGreaterThanOrEqual(4);
    expect(new Set(suppliers.map((s) => s.country)).size).toBeGreaterThanOrEqual(3);
    expect(suppliers.some((s) => /[^\p{Script=Latin}\p{Script=Common}]/u.test(s.name))).toBe(true);
    expect(new Set(DEMO_CHAIN.map((c) => c.tier))).toEqual(new Set([1, 2]));
  });

  it("gives one user per role whose printed password works", async () => {
    await seedDemoData();
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.role))).toEqual(
      new Set(["supplier", "procurement", "discloser", "admin"]),
    );
    for (const account of DEMO_ACCOUNTS) {
      const result = await verifyLogin(account.email, account.password);
      expect(result).toMatchObject({ ok: true, role: account.role });
    }
  });

  it("changes nothing when run twice, and a first-start seed skips a database that has data", async () => {
    await seedDemoData();
    const before = await snapshot();
    const { created } = await seedDemoData();
    expect(created).toBe(0);
    expect(await seedDemoDataIfEmpty()).toBe(false);
    expect(await snapshot()).toBe(before);
  });
});

describe("demo assessments", () => {
  it("keep each submitted supplier's answers in its profile, and none for a supplier that has not answered", async () => {
    await seedDemoData();
    const { Assessment } = await import("#models/assessment.server");
    const { ProfileAnswer } = await import("#models/supplier-profile.server");
    const org = async (slug: string) => (await Organization.findOne({ slug }).lean())!._id;
    const sakuraOrg = await org("sakura-data");
    const sakura = (await Assessment.findOne({ supplierOrgId: sakuraOrg }).lean())!;
    const kept = await ProfileAnswer.find({ orgId: sakuraOrg }).lean();
    expect(kept.length).toBeGreaterThan(10);
    const breach = kept.find((a) => a.name === "breachNotifyHours")!;
    expect(breach).toMatchObject({ value: 48, section: "incident-response", source: { kind: "submission" } });
    expect(String(breach.source.assessmentId)).toBe(String(sakura._id));
    expect(await ProfileAnswer.countDocuments({ orgId: await org("kestrel-secure-dev") })).toBeGreaterThan(10);
    expect(await ProfileAnswer.countDocuments({ orgId: await org("baltic-cloud") })).toBe(0);
    expect(await ProfileAnswer.countDocuments({ orgId: await org("meridian-qa") })).toBe(0);
    // seeding again keeps the same answers, each once
    await seedDemoData();
    expect(await ProfileAnswer.countDocuments({ orgId: sakuraOrg })).toBe(kept.length);
  });

  it("has Kestrel share its whole profile with the demo recipient for a year, once", async () => {
    await seedDemoData();
    await seedDemoData();
    const { ProfileGrant, activeGrant } = await import("#models/profile-grant.server");
    const org = async (slug: string) => String((await Organization.findOne({ slug }).lean())!._id);
    const [kestrel, recipient] = [await org("kestrel-secure-dev"), await org("northwind-integration")];
    expect(await ProfileGrant.countDocuments({})).toBe(1);
    const grant = (await activeGrant(kestrel, recipient))!;
    expect(grant.allSections).toBe(true);
    const days = (grant.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(364);
    expect(days).toBeLessThanOrEqual(367);
    expect(await activeGrant(await org("sakura-data"), recipient)).toBeNull();
  });

  it("are answered and scored by the engine, one per state, one waiting for the demo supplier, and not created twice", async () => {
    await seedDemoData();
    const { Assessment } = await import("#models/assessment.server");
    const org = async (slug: string) => (await Organization.findOne({ slug }).lean())!._id;
    const kestrel = await Assessment.findOne({ supplierOrgId: await org("kestrel-secure-dev") }).lean();
    const sakura = await Assessment.findOne({ supplierOrgId: await org("sakura-data") }).lean();
    const meridian = await Assessment.findOne({ supplierOrgId: await org("meridian-qa") }).lean();
    expect(kestrel!.status).toBe("approved");
    // the full questionnaire, every flow-down met, the required ISO/IEC 27001 certificate on file
    expect(kestrel!.templateId).toBe("full-security");
    expect(kestrel!.result!.requirements.filter((r) => r.status !== "met").map((r) => r.requirementId)).toEqual([]);
    expect(kestrel!.result!.score).toBe(100);
    // Sakura notifies in 48 h where the agreement asks for 24 h: the knock-out fails and caps its score
    expect(sakura!.status).toBe("submitted");
    const inc = sakura!.result!.requirements.find((r) => r.requirementId === "FD-INC-01")!;
    expect(inc.status).toBe("not_met");
    expect(inEnglish(inc.reasons)).toMatch(/48/);
    expect(sakura!.result!.knockOutsFailed).toContain("FD-INC-01");
    // cleared for both disclosure phases; Sakura for neither
    const { agreementCompliance } = await import("#app/features/agreements/compliance.server");
    const { Agreement } = await import("#models/agreement.server");
    const view = await agreementCompliance((await Agreement.findById(kestrel!.agreementId).lean())!);
    const cleared = (id: unknown) =>
      view.clearances.filter((c) => c.supplierId === String(id) && c.cleared).map((c) => c.phaseId);
    expect(cleared(kestrel!.supplierOrgId)).toEqual(["phase-1", "phase-2"]);
    expect(cleared(sakura!.supplierOrgId)).toEqual([]);
    expect(meridian!.status).toBe("in_progress");
    expect(meridian!.result).toBeNull();
    // the demo supplier account's organisation has a questionnaire waiting, not yet opened
    const baltic = await Assessment.find({ supplierOrgId: await org("baltic-cloud") }).lean();
    expect(baltic.map((a) => [a.status, a.templateId, Object.keys(a.answers ?? {}).length])).toEqual([
      ["invited", "full-security", 0],
    ]);
    const { loader: supplierHome } = await import("#app/routes/_portal.supplier._index");
    const { getRequest, sessionCookie } = await import("#tests/fixtures/factories");
    const supplierUser = await User.findOne({ email: DEMO_ACCOUNTS.find((a) => a.role === "supplier")!.email }).lean();
    const home = await supplierHome({
      request: getRequest("/supplier", await sessionCookie(String(supplierUser!._id))),
      params: {},
      context: {},
    });
    expect(JSON.stringify(home)).toContain(String(baltic[0]._id));
    await seedDemoData();
    expect(await Assessment.countDocuments({})).toBe(4);
  });

  it("keep the approved one's approval report, as an approval in the portal does: version 1, verifiable by its SHA-256", async () => {
    await seedDemoData();
    await seedDemoData();
    const { Assessment } = await import("#models/assessment.server");
    const { reportVersions, verifyReportHash } = await import("#app/features/reports/reports.server");
    const kestrel = await Assessment.findOne({ status: "approved" }).lean();
    const versions = await reportVersions("assessment", kestrel!._id);
    expect(versions.map((v) => [v.version, v.trigger, v.generatedBy])).toEqual([
      [1, "approval", "Priya Raman (Northwind Integration Ltd)"],
    ]);
    expect(await verifyReportHash(versions[0].sha256)).toMatchObject({
      authentic: true,
      version: 1,
      subject: "Kestrel Secure Development GmbH",
      latest: null,
    });
    // its audit trail tells the same story, marked as demo data, and the hash chain holds
    const { AuditEvent, verifyAuditChain } = await import("#models/audit-event.server");
    const trail = await AuditEvent.find({ targetId: String(kestrel!._id) })
      .sort({ seq: 1 })
      .lean();
    expect(trail.map((e) => e.action)).toEqual([
      "assessment.create",
      "assessment.submit",
      "assessment.approved",
      "report.assessment.generated",
    ]);
    expect(trail.slice(0, 3).every((e) => e.details.source === "demo data")).toBe(true);
    expect(
      await AuditEvent.countDocuments({ action: "agreement.create", targetId: String(kestrel!.agreementId) }),
    ).toBe(1);
    expect((await verifyAuditChain()).ok).toBe(true);
    for (const other of (await Assessment.find({}).lean()).filter((a) => a.status !== "approved"))
      expect(await reportVersions("assessment", other._id)).toEqual([]);
  });
});

describe("procurement's supplier list", () => {
  it("shows each supplier's latest assessment and its certificates on file, from the recipient's own data only", async () => {
    await seedDemoData();
    const { loader } = await import("#app/routes/_portal.procurement.suppliers._index");
    const { getRequest, sessionCookie } = await import("#tests/fixtures/factories");
    const { createAgreementParties } = await import("#tests/fixtures/agreements");
    const procurement = await User.findOne({
      email: DEMO_ACCOUNTS.find((a) => a.role === "procurement")!.email,
    }).lean();
    const page = await loader({
      request: getRequest("/procurement/suppliers", await sessionCookie(String(procurement!._id))),
      params: {},
      context: {},
    });
    const byName = new Map(page.suppliers.map((s) => [s.name, s]));
    expect(byName.get("Kestrel Secure Development GmbH")).toMatchObject({
      latest: { agreementRef: "TTA-2026-001", status: "approved", score: 100, rating: "medium" },
      certificates: [{ standard: "ISO/IEC 27001:2022" }],
    });
    expect(byName.get("Kestrel Secure Development GmbH")!.certificates[0].daysLeft).toBeGreaterThan(90);
    expect(byName.get("Baltic Cloud Hosting OÜ")).toMatchObject({
      latest: { status: "invited", score: null },
      certificates: [],
    });
    // another recipient's procurement sees its own suppliers, none of these
    const other = await createAgreementParties();
    const theirs = await loader({
      request: getRequest("/procurement/suppliers", await sessionCookie(String(other.procurement.user._id))),
      params: {},
      context: {},
    });
    expect(theirs.suppliers.map((s) => s.name)).not.toContain("Kestrel Secure Development GmbH");
    expect(theirs.suppliers.every((s) => s.latest === null)).toBe(true);
  });
});

describe("the disclosing party's agreement list", () => {
  it("gives each agreement the same headline as its page: suppliers approved, failing chain links, who is cleared per phase", async () => {
    await seedDemoData();
    const { loader: list } = await import("#app/routes/_portal.discloser._index");
    const { loader: page } = await import("#app/routes/_portal.discloser.agreements.$id");
    const { getRequest, sessionCookie } = await import("#tests/fixtures/factories");
    const discloser = await User.findOne({ email: DEMO_ACCOUNTS.find((a) => a.role === "discloser")!.email }).lean();
    const cookie = await sessionCookie(String(discloser!._id));
    const { agreements } = await list({ request: getRequest("/discloser", cookie), params: {}, context: {} });
    expect(agreements).toHaveLength(1);
    const id = agreements[0].id;
    const shown = await page({
      request: getRequest(`/discloser/agreements/${id}`, cookie),
      params: { id },
      context: {},
    });
    expect(agreements[0].summary).toEqual(shown.header.summary);
    // from the stored assessments: Kestrel approved and cleared for both phases; the three others' links fail
    expect(agreements[0].summary).toMatchObject({
      suppliers: 4,
      approved: 1,
      chainFailing: 3,
      phases: [
        { name: "Evaluation", cleared: 1 },
        { name: "Integration", cleared: 1 },
      ],
    });
  });
});
