import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { createOrg, createUser, formRequest, loadAs, sessionCookie } from "#tests/fixtures/factories";
import { outcomeOf } from "#tests/fixtures/routes";
import { replyOf } from "#tests/helpers/responses";
import { createAssessmentWorld } from "#tests/fixtures/assessments";
import { PROFILE_SECTIONS, type ProfileSection } from "#questionnaires/question-identity";

setupTestDatabase();

const sharing = await import("#app/routes/_portal.supplier.profile_.sharing");
const profilePage = await import("#app/routes/_portal.procurement.suppliers.$id.profile");
const sendPage = await import("#app/routes/_portal.procurement.assessments.new");
const { keepAnswers } = await import("#app/features/profile/keep.server");
const { AuditEvent } = await import("#models/audit-event.server");
const { ProfileGrant } = await import("#models/profile-grant.server");
const { Outbox } = await import("#models/outbox.server");

const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

/** The kept answers of the supplier: one distinctive value per section, to look for in what a page sends. */
const KEPT: Record<string, { section: ProfileSection; value: string }> = {
  legalForm: { section: "organisation", value: "KEPT-VALUE-ORGANISATION-Gmbh" },
  encryptionAtRest: { section: "encryption", value: "KEPT-VALUE-ENCRYPTION-AES256" },
  mfaForAdmins: { section: "access-control", value: "KEPT-VALUE-ACCESS-HARDWARE-KEYS" },
};

/**
 * Two recipients (A and B) whose procurement both manage the supplier, a third (C)
 * that does not, and a disclosing party; the supplier keeps three answers.
 */
async function world() {
  const recipientA = await createOrg({ kind: "recipient", name: "Recipient Alpha" });
  const recipientB = await createOrg({ kind: "recipient", name: "Recipient Beta" });
  const recipientC = await createOrg({ kind: "recipient", name: "Recipient Gamma" });
  const supplierOrg = await createOrg({
    kind: "supplier",
    name: "Supplier Sigma",
    managedBy: [String(recipientA._id), String(recipientB._id)],
  });
  const supplier = await createUser("supplier", { orgId: String(supplierOrg._id) });
  const procurementA = await createUser("procurement", { orgId: String(recipientA._id) });
  const procurementB = await createUser("procurement", { orgId: String(recipientB._id) });
  const procurementC = await createUser("procurement", { orgId: String(recipientC._id) });
  const discloser = await createUser("discloser");
  await keepAnswers(
    {
      orgId: String(supplierOrg._id),
      templateId: "no-such-template",
      templateVersion: "no-such-version",
      by: { userId: String(supplier.user._id), name: supplier.user.name },
      source: { kind: "profile", assessmentId: null },
      at: new Date(),
    },
    Object.entries(KEPT).map(([name, k]) => ({
      identity: { name, version: "v1", meaning: null, requirements: [], section: k.section },
      value: k.value,
    })),
  );
  return {
    supplierId: String(supplierOrg._id),
    supplier,
    recipientA: String(recipientA._id),
    recipientC: String(recipientC._id),
    procurementA,
    procurementB,
    procurementC,
    discloser,
  };
}
type World = Awaited<ReturnType<typeof world>>;

async function postAsSupplier(w: World, fields: Record<string, string>, sections: string[] = []) {
  const request = formRequest("/supplier/profile/sharing", fields, await sessionCookie(String(w.supplier.user._id)));
  if (sections.length) {
    const body = new URLSearchParams(fields);
    for (const s of sections) body.append("sections", s);
    return sharing.action({
      request: new Request(request.url, { method: "POST", body, headers: request.headers }),
      params: {},
      context: {},
    });
  }
  return sharing.action({ request, params: {}, context: {} });
}

const grant = (w: World, to: string, scope: "all" | "chosen", sections: string[] = [], expiresOn = inDays(30)) =>
  postAsSupplier(w, { intent: "grant", recipientOrgId: to, scope, expiresOn }, sections);

/** What procurement's page of the supplier's profile sends the browser (its loader data: the page shows nothing else). */
async function lookAs(w: World, userId: unknown) {
  const data = await loadAs(profilePage.loader, `/procurement/suppliers/${w.supplierId}/profile`, userId, {
    id: w.supplierId,
  });
  return { data, sent: JSON.stringify(data) };
}

const noKeptValue = (sent: string) => Object.values(KEPT).every((k) => !sent.includes(k.value));

describe("sharing a supplier's profile by consent", () => {
  it("shows nothing without a grant: no value, no count", async () => {
    const w = await world();
    const { data, sent } = await lookAs(w, w.procurementA.user._id);
    expect(data.shared).toBeNull();
    expect(data.supplier.name).toBe("Supplier Sigma");
    expect(noKeptValue(sent)).toBe(true);
    expect(sent).not.toMatch(/legalForm|encryptionAtRest|mfaForAdmins/);
    expect(await AuditEvent.countDocuments({ action: "profile.view", targetId: w.supplierId })).toBe(0);
  });

  it("a grant of chosen sections shows only those, and the view is in the audit trail and on the supplier's page", async () => {
    const w = await world();
    expect(await outcomeOf(() => grant(w, w.recipientA, "chosen", ["organisation", "encryption"]))).toBe("redirect");
    const { data, sent } = await lookAs(w, w.procurementA.user._id);
    expect(data.shared?.profile.sections.map((s) => s.section)).toEqual(["organisation", "encryption"]);
    expect(sent).toContain(KEPT.legalForm.value);
    expect(sent).toContain(KEPT.encryptionAtRest.value);
    expect(sent).not.toContain(KEPT.mfaForAdmins.value);
    expect(sent).not.toContain("mfaForAdmins");
    expect(data.shared?.expiresAt).toBe(new Date(`${inDays(31)}T00:00:00.000Z`).toISOString());

    const views = await AuditEvent.find({ action: "profile.view", targetId: w.supplierId }).lean();
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({
      actorEmail: w.procurementA.user.email,
      orgId: w.recipientA,
      targetType: "organization",
      details: { sections: "organisation,encryption", grantId: data.shared!.grantId },
    });
    expect(await AuditEvent.countDocuments({ action: "profile.grant", targetId: w.supplierId })).toBe(1);
    // the recipient's procurement is told, with the link to the profile; the other recipient is not
    const mails = await Outbox.find({ kind: "profile.grant", relatedId: w.supplierId }).lean();
    expect(mails.map((m) => m.to)).toEqual([w.procurementA.user.email]);
    expect(mails[0]!.subject).toBe("Supplier Sigma has shared its security profile with you");
    expect(mails[0]!.text).toContain("(Organisation, Encryption)");
    expect(mails[0]!.text).toContain(`/procurement/suppliers/${w.supplierId}/profile`);

    const page = (await loadAs(sharing.loader, "/supplier/profile/sharing", w.supplier.user._id)).page;
    expect(page.views).toEqual([
      expect.objectContaining({
        who: w.procurementA.user.email,
        organisation: "Recipient Alpha",
        sections: ["organisation", "encryption"],
      }),
    ]);
    expect(page.grants).toEqual([
      expect.objectContaining({ recipient: "Recipient Alpha", status: "active", allSections: false }),
    ]);
  });

  it("another procurement organisation without a grant gets nothing, one outside the directory not even the page", async () => {
    const w = await world();
    await grant(w, w.recipientA, "all");
    const b = await lookAs(w, w.procurementB.user._id);
    expect(b.data.shared).toBeNull();
    expect(noKeptValue(b.sent)).toBe(true);
    expect(await outcomeOf(() => lookAs(w, w.procurementC.user._id))).toBe(404);
    // the supplier and the discloser are no procurement team
    expect(await outcomeOf(() => lookAs(w, w.discloser.user._id))).toBe(403);
    expect(await outcomeOf(() => lookAs(w, w.supplier.user._id))).toBe(403);
    expect(await AuditEvent.countDocuments({ action: "profile.view", targetId: w.supplierId })).toBe(0);
  });

  it("revoking ends access on the very next request", async () => {
    const w = await world();
    await grant(w, w.recipientA, "all");
    const before = await lookAs(w, w.procurementA.user._id);
    expect(before.data.shared?.sections).toHaveLength(PROFILE_SECTIONS.length);
    expect(before.sent).toContain(KEPT.mfaForAdmins.value);

    const revoked = await postAsSupplier(w, { intent: "revoke", grantId: before.data.shared!.grantId });
    expect(await outcomeOf(() => revoked)).toBe("redirect");
    const after = await lookAs(w, w.procurementA.user._id);
    expect(after.data.shared).toBeNull();
    expect(noKeptValue(after.sent)).toBe(true);
    expect(await AuditEvent.countDocuments({ action: "profile.revoke", targetId: w.supplierId })).toBe(1);
    const page = (await loadAs(sharing.loader, "/supplier/profile/sharing", w.supplier.user._id)).page;
    expect(page.grants.map((g) => g.status)).toEqual(["revoked"]);
    // a revoked grant cannot be revoked again
    expect(await outcomeOf(() => postAsSupplier(w, { intent: "revoke", grantId: before.data.shared!.grantId }))).toBe(
      404,
    );
  });

  it("an expired grant gives nothing, and a new grant replaces the one before", async () => {
    const w = await world();
    await grant(w, w.recipientA, "all");
    await ProfileGrant.updateMany(
      { supplierOrgId: w.supplierId },
      { $set: { expiresAt: new Date(Date.now() - 1000) } },
    );
    const expired = await lookAs(w, w.procurementA.user._id);
    expect(expired.data.shared).toBeNull();
    expect(noKeptValue(expired.sent)).toBe(true);

    await grant(w, w.recipientA, "chosen", ["encryption"]);
    const renewed = await lookAs(w, w.procurementA.user._id);
    expect(renewed.data.shared?.profile.sections.map((s) => s.section)).toEqual(["encryption"]);
    const page = (await loadAs(sharing.loader, "/supplier/profile/sharing", w.supplier.user._id)).page;
    expect(page.grants.map((g) => g.status)).toEqual(["active", "replaced"]);
    // revoking the newest leaves nothing in force, whatever older grants there are
    await ProfileGrant.updateMany(
      { supplierOrgId: w.supplierId },
      { $set: { expiresAt: new Date(Date.now() + DAY_MS) } },
    );
    await postAsSupplier(w, { intent: "revoke", grantId: renewed.data.shared!.grantId });
    expect((await lookAs(w, w.procurementA.user._id)).data.shared).toBeNull();
  });

  it("a supplier cannot grant to an organisation that does not manage it, nor without sections or a valid expiry", async () => {
    const w = await world();
    const refused = replyOf(await grant(w, w.recipientC, "all"));
    expect(refused.status).toBe(400);
    expect(refused.data.errors.recipientOrgId).toEqual(["Choose one of the customers listed."]);
    expect(refused.data.values).toMatchObject({ recipientOrgId: w.recipientC, scope: "all" });

    const noSections = replyOf(await grant(w, w.recipientA, "chosen"));
    expect(noSections.data.errors.sections).toEqual(["Choose at least one section."]);
    const past = replyOf(await grant(w, w.recipientA, "all", [], inDays(0)));
    expect(past.data.errors.expiresOn).toEqual(["Choose a date after today."]);
    const tooFar = replyOf(await grant(w, w.recipientA, "all", [], inDays(800)));
    expect(tooFar.data.errors.expiresOn).toEqual(["Choose a date at most two years ahead."]);
    const badSection = replyOf(await grant(w, w.recipientA, "chosen", ["payroll"]));
    expect(badSection.status).toBe(400);
    expect(badSection.data.errors).toHaveProperty(["sections.0"]);

    expect(await ProfileGrant.countDocuments({ supplierOrgId: w.supplierId })).toBe(0);
    const page = (await loadAs(sharing.loader, "/supplier/profile/sharing", w.supplier.user._id)).page;
    expect(page.recipients.map((r) => r.name)).toEqual(["Recipient Alpha", "Recipient Beta"]);
  });

  it("the send form offers a look at the profile of each supplier in the directory, before sending", async () => {
    const w = await createAssessmentWorld();
    const page = await loadAs(sendPage.loader, "/procurement/assessments/new", w.procurement.user._id);
    const chain = page.agreements.find((a) => a.id === String(w.agreement._id))!.suppliers;
    expect(chain.find((s) => s.id === String(w.tier1._id))?.profile).toBe(
      `/procurement/suppliers/${String(w.tier1._id)}/profile`,
    );
  });
});
