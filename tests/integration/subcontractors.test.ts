import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { createOrg, createUser, formRequest, getRequest, sessionCookie } from "#tests/fixtures/factories";
import { createAgreement, createAgreementParties } from "#tests/fixtures/agreements";
import { tabOf } from "#tests/fixtures/agreement-page";
import { replyOf, thrown } from "#tests/helpers/responses";
import { loadCatalogue } from "#questionnaires/loader";

setupTestDatabase();

const supplierPage = await import("#app/routes/_portal.supplier.agreements.$id.subcontractors");
const decisions = await import("#app/routes/_portal.procurement.agreements.$id.subcontractors");
const agreementPage = await import("#app/routes/_portal.procurement.agreements.$id._index");
const discloserPage = await import("#app/routes/_portal.discloser.agreements.$id");
const sendPage = await import("#app/routes/_portal.procurement.assessments.new");
const supplierHome = await import("#app/routes/_portal.supplier._index");
const { Agreement } = await import("#models/agreement.server");
const { AuditEvent } = await import("#models/audit-event.server");
const { Organization } = await import("#models/organization.server");
const { Outbox } = await import("#models/outbox.server");
const { SubcontractorProposalModel } = await import("#models/subcontractor-proposal.server");

/**
 * An agreement whose chain holds one tier-1 supplier (with a user), its
 * recipient's procurement, a supplier outside the chain, and another
 * recipient's procurement.
 */
async function world(overrides: Parameters<typeof createAgreement>[1] = {}) {
  const p = await createAgreementParties();
  const agreement = await createAgreement(p, {
    chain: [
      {
        supplierOrgId: p.tier1._id,
        tier: 1,
        parentSupplierOrgId: null,
        service: "Cloud hosting",
        maxClass: "confidential",
        accessLevel: "write",
      },
    ],
    reassessment: {
      months: { critical: 6, high: 12, medium: 18, low: 24 },
      certificateDays: 60,
      onRatingFall: true,
      onIncident: false,
      onNewPhase: true,
    },
    ...overrides,
  });
  const supplier = await createUser("supplier", { orgId: String(p.tier1._id) });
  const outsider = await createUser("supplier");
  const otherProcurement = await createUser("procurement");
  const id = String(agreement._id);
  const tag = Math.random().toString(36).slice(2, 8);
  return {
    ...p,
    agreement,
    id,
    supplier,
    /** the subcontractor the supplier declares, named apart from every other test's */
    declaration: { ...DECLARATION, name: `Nordlicht Backup ${tag} AB` },
    cookies: {
      supplier: await sessionCookie(String(supplier.user._id)),
      outsider: await sessionCookie(String(outsider.user._id)),
      procurement: await sessionCookie(String(p.procurement.user._id)),
      otherProcurement: await sessionCookie(String(otherProcurement.user._id)),
      discloser: await sessionCookie(String(p.discloserUser.user._id)),
    },
  };
}
type World = Awaited<ReturnType<typeof world>>;

const DECLARATION: Record<string, string> = {
  intent: "declare",
  name: "Nordlicht Backup AB",
  country: "SE",
  service: "Offsite backups",
  contactEmail: "Security@Nordlicht.example",
  registrationNumber: "",
};

function supplierPost(w: World, fields: Record<string, string>, cookie = w.cookies.supplier) {
  return supplierPage.action({
    request: formRequest(`/supplier/agreements/${w.id}/subcontractors`, fields, cookie),
    params: { id: w.id },
    context: {},
  });
}

function supplierLoad(w: World, cookie = w.cookies.supplier) {
  return supplierPage.loader({
    request: getRequest(`/supplier/agreements/${w.id}/subcontractors`, cookie),
    params: { id: w.id },
    context: {},
  });
}

function decide(w: World, fields: Record<string, string>, cookie = w.cookies.procurement) {
  return decisions.action({
    request: formRequest(`/procurement/agreements/${w.id}/subcontractors`, fields, cookie),
    params: { id: w.id },
    context: {},
  });
}

function proposals(w: World, cookie = w.cookies.procurement) {
  return decisions.loader({
    request: getRequest(`/procurement/agreements/${w.id}/subcontractors`, cookie),
    params: { id: w.id },
    context: {},
  });
}

/** The supplier declares DECLARATION (with `changes`); the new proposal's id. */
async function declare(w: World, changes: Record<string, string> = {}) {
  const res = await supplierPost(w, { ...w.declaration, ...changes });
  expect(res).toRedirectTo(`/supplier/agreements/${w.id}/subcontractors?declared=1`);
  const latest = await SubcontractorProposalModel.findOne({ agreementId: w.id }).sort({ createdAt: -1 }).lean();
  return String(latest!._id);
}

const acceptFields = (proposalId: string, match = "new") => ({
  intent: "accept",
  proposalId,
  match,
  service: "Offsite backups",
  maxClass: "confidential",
  accessLevel: "write",
});

describe("a supplier declares its subcontractors", () => {
  it("lists what it declared as awaiting procurement, with its own class and access by default, and tells procurement", async () => {
    const w = await world();
    const id = await declare(w);
    const page = await supplierLoad(w);
    expect(page.agreement.reference).toBe(w.agreement.reference);
    expect(page.own.tier).toBe(1);
    expect(page.declarations).toEqual([
      expect.objectContaining({
        id,
        name: w.declaration.name,
        country: "SE",
        service: "Offsite backups",
        contactEmail: "security@nordlicht.example",
        maxClass: "confidential",
        accessLevel: "write",
        status: "proposed",
        reason: "",
      }),
    ]);
    const audit = await AuditEvent.findOne({ action: "subcontractor.propose", targetId: id }).lean();
    expect(audit?.actorId).toBe(String(w.supplier.user._id));
    const mail = await Outbox.findOne({ to: w.procurement.user.email, kind: "subcontractor" }).lean();
    expect(mail?.text).toContain(`/procurement/agreements/${w.id}/subcontractors`);
    // the supplier's home links to the page
    const home = await supplierHome.loader({
      request: getRequest("/supplier", w.cookies.supplier),
      params: {},
      context: {},
    });
    expect(home.agreements).toEqual([expect.objectContaining({ id: w.id, reference: w.agreement.reference })]);
  });

  it("refuses a subcontractor that would receive more than the supplier does, and the same one twice", async () => {
    const w = await world();
    const tooMuch = await supplierPost(w, { ...w.declaration, maxClass: "restricted", accessLevel: "admin" });
    expect(tooMuch).toBeRefused("maxClass");
    expect(tooMuch).toBeRefused("accessLevel");
    expect(replyOf(tooMuch).data.values).toMatchObject({ name: w.declaration.name });
    await declare(w);
    const sameName = w.declaration.name.toUpperCase().replace(" AB", ", ab");
    expect(await supplierPost(w, { ...w.declaration, name: sameName })).toBeRefused("name", /already declared/);
    expect(await supplierPost(w, { ...w.declaration, name: "x".repeat(201) })).toBeRefused("name", /200/);
    expect(await SubcontractorProposalModel.countDocuments({ agreementId: w.id })).toBe(1);
  });

  it("answers 404 to a supplier that is not in the agreement's chain, and stores nothing", async () => {
    const w = await world();
    expect(await thrown(supplierLoad(w, w.cookies.outsider))).toHaveStatus(404);
    expect(await thrown(supplierPost(w, w.declaration, w.cookies.outsider))).toHaveStatus(404);
    expect(await SubcontractorProposalModel.countDocuments({ agreementId: w.id })).toBe(0);
  });
});

describe("procurement decides", () => {
  it("another recipient's procurement can neither see nor decide the proposals", async () => {
    const w = await world();
    const id = await declare(w);
    expect(await thrown(proposals(w, w.cookies.otherProcurement))).toHaveStatus(404);
    expect(await thrown(decide(w, acceptFields(id), w.cookies.otherProcurement))).toHaveStatus(404);
    expect(
      await thrown(decide(w, { intent: "reject", proposalId: id, reason: "No" }, w.cookies.otherProcurement)),
    ).toHaveStatus(404);
    expect((await SubcontractorProposalModel.findById(id).lean())!.status).toBe("proposed");
  });

  it("shows a proposal as awaiting procurement, with who declared it and the tier it would take", async () => {
    const w = await world();
    const id = await declare(w);
    const page = await agreementPage.loader({
      request: getRequest(`/procurement/agreements/${w.id}?tab=chain`, w.cookies.procurement),
      params: { id: w.id },
      context: {},
    });
    expect(page.subcontractors.pending).toBe(1);
    expect(page.subcontractors.proposals[0]).toMatchObject({
      id,
      status: "proposed",
      proposedBy: { name: "Tier One Hosting GmbH", tier: 1 },
      tier: 2,
      matches: [],
    });
    // not in the chain until accepted
    expect(tabOf(page as never, "chain").chain.links).toHaveLength(1);
  });

  it("accepting adds a tier-2 link under the declaring supplier through an agreement edit, and offers the questionnaire", async () => {
    const w = await world();
    const id = await declare(w);
    const before = (await Agreement.findById(w.id).lean())!;
    const res = await decide(w, acceptFields(id));
    expect(res).toRedirectTo(`/procurement/agreements/${w.id}/subcontractors?accepted=${id}`);

    const after = (await Agreement.findById(w.id).lean())!;
    expect(after.revision).toBe((before.revision ?? 1) + 1);
    expect(after.chain).toHaveLength(2);
    const link = after.chain[1];
    expect(link).toMatchObject({ tier: 2, service: "Offsite backups", maxClass: "confidential", accessLevel: "write" });
    expect(String(link.parentSupplierOrgId)).toBe(String(w.tier1._id));
    // the rest of the agreement is as it was (an unticked re-assessment trigger stays off)
    expect(after.reassessment.onIncident).toBe(false);
    // (parameters left to the catalogue's default are written out, as any save of the form does)
    expect(after.requirements.map((r) => r.requirementId)).toEqual(before.requirements.map((r) => r.requirementId));
    for (const r of before.requirements)
      expect(after.requirements.find((x) => x.requirementId === r.requirementId)!.params).toMatchObject(r.params);
    expect(after.permittedJurisdictions).toEqual(before.permittedJurisdictions);

    const org = (await Organization.findById(link.supplierOrgId).lean())!;
    expect(org).toMatchObject({ name: w.declaration.name, kind: "supplier", country: "SE" });
    expect(org.contactEmail).toBe("security@nordlicht.example");
    expect(org.managedBy.map(String)).toEqual([String(w.recipient._id)]);

    const stored = (await SubcontractorProposalModel.findById(id).lean())!;
    expect(stored.status).toBe("accepted");
    expect(String(stored.supplierOrgId)).toBe(String(org._id));
    expect(String(stored.decidedBy)).toBe(String(w.procurement.user._id));
    expect(await AuditEvent.countDocuments({ action: "subcontractor.accept", targetId: id })).toBe(1);
    expect(await AuditEvent.countDocuments({ action: "agreement.update", targetId: w.id })).toBe(1);

    // the supplier sees it accepted; the discloser sees an ordinary chain link
    expect((await supplierLoad(w)).declarations[0].status).toBe("accepted");
    const discloser = await discloserPage.loader({
      request: getRequest(`/discloser/agreements/${w.id}?tab=chain`, w.cookies.discloser),
      params: { id: w.id },
      context: {},
    });
    expect(tabOf(discloser as never, "chain").chain.links.map((l: { supplierId: string }) => l.supplierId)).toContain(
      String(org._id),
    );

    // "Send a questionnaire" leads to a form that sends it
    const view = (await proposals(w)).proposals.find((p) => p.id === id)!;
    expect(view.supplier).toMatchObject({ id: String(org._id), inChain: true, assessmentId: null });
    const form = await sendPage.loader({
      request: getRequest("/procurement/assessments/new", w.cookies.procurement),
      params: {},
      context: {},
    });
    expect(form.agreements.find((a) => a.id === w.id)!.suppliers.map((s) => s.id)).toContain(String(org._id));
    const sent = await sendPage.action({
      request: formRequest(
        "/procurement/assessments/new",
        {
          agreementId: w.id,
          supplierOrgId: String(org._id),
          templateId: "short-low-risk",
          dueDate: "2099-01-01",
          emails: "security@nordlicht.example",
        },
        w.cookies.procurement,
      ),
      params: {},
      context: {},
    });
    expect(sent).toRedirectTo(/^\/procurement\/assessments\/[0-9a-f]{24}\?sent=1$/);
  });

  it("offers a known supplier with the same registration number, refuses to guess, and reuses the one picked", async () => {
    const w = await world();
    const elsewhere = await createOrg({ kind: "recipient" });
    const registration = `5566-${w.declaration.name.split(" ")[2]}`;
    const known = await Organization.create({
      slug: `known-${Date.now()}`,
      name: `Nordlicht Data Protection ${registration}`,
      kind: "supplier",
      country: "SE",
      registrationNumber: registration,
      managedBy: [elsewhere._id],
    });
    const id = await declare(w, { registrationNumber: registration.toUpperCase().replace("-", " ") });
    const view = (await proposals(w)).proposals.find((p) => p.id === id)!;
    expect(view.matches).toEqual([
      expect.objectContaining({ id: String(known._id), matchedOn: "registration", yours: false, unavailable: null }),
    ]);
    expect(await decide(w, acceptFields(id, ""))).toBeRefused("match");
    expect((await SubcontractorProposalModel.findById(id).lean())!.status).toBe("proposed");

    expect(await decide(w, acceptFields(id, String(known._id)))).toRedirectTo(/accepted=/);
    const after = (await Agreement.findById(w.id).lean())!;
    expect(after.chain.map((l) => String(l.supplierOrgId))).toContain(String(known._id));
    const reused = (await Organization.findById(known._id).lean())!;
    expect(reused.managedBy.map(String).sort()).toEqual([String(elsewhere._id), String(w.recipient._id)].sort());
    expect(reused.contactEmail).toBe("security@nordlicht.example");
    // nothing new in the directory
    expect(await Organization.countDocuments({ createdBy: w.procurement.user._id })).toBe(0);
  });

  it("refuses an acceptance the agreement's breach window cannot carry, and leaves the proposal open and the directory as it was", async () => {
    // 24 h for the recipient + 12 h per supplier: tier 1 fits a 40 h window, a tier 2 does not
    const catalogue = loadCatalogue();
    const w = await world({
      breachWindowHours: 40,
      requirements: catalogue.requirements.map((r) => ({
        requirementId: r.id,
        params: (r.id === "FD-INC-01" ? { notifyWithinHours: 12 } : {}) as Record<string, number>,
      })),
    });
    const id = await declare(w);
    const refused = await decide(w, acceptFields(id));
    expect(refused).toBeRefused(/breach window|window/i);
    expect((await SubcontractorProposalModel.findById(id).lean())!.status).toBe("proposed");
    expect(await Organization.countDocuments({ createdBy: w.procurement.user._id })).toBe(0);
    const after = (await Agreement.findById(w.id).lean())!;
    expect(after.chain).toHaveLength(1);
    expect(after.revision ?? 1).toBe(1);
    // the decision was given back: procurement can still reject it
    expect(await decide(w, { intent: "reject", proposalId: id, reason: "Too slow to notify" })).toRedirectTo(
      /rejected=/,
    );
  });

  it("rejecting needs a reason, records it, and the supplier sees it", async () => {
    const w = await world();
    const id = await declare(w);
    expect(await decide(w, { intent: "reject", proposalId: id, reason: " " })).toBeRefused("reason");
    const reason = "We do not allow backups outside the EEA without SCCs on file.";
    expect(await decide(w, { intent: "reject", proposalId: id, reason })).toRedirectTo(
      `/procurement/agreements/${w.id}/subcontractors?rejected=${id}`,
    );
    const seen = (await supplierLoad(w)).declarations[0];
    expect(seen).toMatchObject({ status: "rejected", reason });
    const audit = await AuditEvent.findOne({ action: "subcontractor.reject", targetId: id }).lean();
    expect(audit?.details).toMatchObject({ reason });
    const mail = await Outbox.findOne({ to: w.supplier.user.email, kind: "subcontractor" }).lean();
    expect(mail?.text).toContain(reason);
    expect((await Agreement.findById(w.id).lean())!.chain).toHaveLength(1);
    // decided once: accepting it now is refused
    expect(await decide(w, acceptFields(id))).toHaveStatus(409);
  });

  it("decides once when two decisions race", async () => {
    const w = await world();
    const id = await declare(w);
    const results = await Promise.all([
      decide(w, acceptFields(id)),
      decide(w, acceptFields(id)),
      decide(w, { intent: "reject", proposalId: id, reason: "Not needed" }),
      supplierPost(w, { intent: "withdraw", proposalId: id }),
    ]);
    const won = results.filter((r) => r instanceof Response && r.status === 302);
    expect(won).toHaveLength(1);
    for (const r of results.filter((x) => !(x instanceof Response))) expect(r).toHaveStatus(409);
    const stored = (await SubcontractorProposalModel.findById(id).lean())!;
    const chain = (await Agreement.findById(w.id).lean())!.chain;
    expect(chain).toHaveLength(stored.status === "accepted" ? 2 : 1);
    expect(await Organization.countDocuments({ createdBy: w.procurement.user._id })).toBe(
      stored.status === "accepted" ? 1 : 0,
    );
    let decisionsAudited = 0;
    for (const action of ["subcontractor.accept", "subcontractor.reject", "subcontractor.withdraw"])
      decisionsAudited += await AuditEvent.countDocuments({ action, targetId: id });
    expect(decisionsAudited).toBe(1);
  });
});

describe("withdrawing", () => {
  it("the supplier withdraws a declaration procurement has not decided, which then cannot be accepted", async () => {
    const w = await world();
    const id = await declare(w);
    expect(await supplierPost(w, { intent: "withdraw", proposalId: id })).toRedirectTo(
      `/supplier/agreements/${w.id}/subcontractors?withdrawn=1`,
    );
    expect((await supplierLoad(w)).declarations[0].status).toBe("withdrawn");
    expect(await AuditEvent.countDocuments({ action: "subcontractor.withdraw", targetId: id })).toBe(1);
    expect(await decide(w, acceptFields(id))).toHaveStatus(409);
    expect(await supplierPost(w, { intent: "withdraw", proposalId: id })).toHaveStatus(409);
    expect((await Agreement.findById(w.id).lean())!.chain).toHaveLength(1);
  });

  it("another supplier cannot withdraw it", async () => {
    const w = await world();
    const id = await declare(w);
    expect(await thrown(supplierPost(w, { intent: "withdraw", proposalId: id }, w.cookies.outsider))).toHaveStatus(404);
    expect((await SubcontractorProposalModel.findById(id).lean())!.status).toBe("proposed");
  });
});
