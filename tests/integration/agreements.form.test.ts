import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { getRequest, loadAs, sessionCookie } from "#tests/fixtures/factories";
import { tabOf } from "#tests/fixtures/agreement-page";
import { replyOf, thrown } from "#tests/helpers/responses";
import {
  createAgreement,
  createAgreementParties,
  multiFormRequest,
  validAgreementFields,
} from "#tests/fixtures/agreements";

setupTestDatabase();

const { action: createAction } = await import("#app/routes/_portal.procurement.agreements.new");
const { action: editAction, loader: editLoader } = await import("#app/routes/_portal.procurement.agreements.$id.edit");
const { loader: procurementView } = await import("#app/routes/_portal.procurement.agreements.$id._index");
const { loader: discloserView } = await import("#app/routes/_portal.discloser.agreements.$id");
const { loader: discloserList } = await import("#app/routes/_portal.discloser._index");
const { Agreement, getAgreementFor, revisionClaimKey, stampRevision } = await import("#models/agreement.server");
const { Claim } = await import("#models/claim.server");
const { AuditEvent } = await import("#models/audit-event.server");

/** The edit form as it opens, with `changes` typed into it. */
async function editForm(id: string, cookie: string, changes: Record<string, string>) {
  const loaded = await editLoader({
    request: getRequest(`/procurement/agreements/${id}/edit`, cookie),
    params: { id },
    context: {},
  });
  return { ...(loaded.values as Record<string, string | string[]>), revision: String(loaded.revision), ...changes };
}

function saveEdit(id: string, cookie: string, fields: Record<string, string | string[]>) {
  return editAction({
    request: multiFormRequest(`/procurement/agreements/${id}/edit`, fields, cookie),
    params: { id },
    context: {},
  });
}

describe("creating an agreement", () => {
  it("stores every field, with the chain, phases and the agreement's parameters, and records it in the audit trail", async () => {
    const p = await createAgreementParties();
    const cookie = await sessionCookie(String(p.procurement.user._id));
    const fields = validAgreementFields(p);
    const res = (await createAction({
      request: multiFormRequest("/procurement/agreements/new", fields, cookie),
      params: {},
      context: {},
    })) as Response;
    expect(res.status).toBe(302);
    const id = res.headers.get("Location")!.match(/agreements\/([0-9a-f]{24})/)![1];
    const stored = await Agreement.findById(id).lean();
    expect(stored).toMatchObject({
      reference: fields.reference,
      recipientOrgId: p.recipient._id,
      discloserOrgId: p.discloser._id,
      permittedJurisdictions: ["CH", "DE", "GB"],
      breachWindowHours: 72,
      recipientNotifyHours: 24,
      revision: 1,
    });
    expect(stored!.requirements.find((r) => r.requirementId === "FD-INC-01")!.params).toEqual({
      notifyWithinHours: 24,
    });
    expect(
      stored!.chain.map((l) => [
        String(l.supplierOrgId),
        l.tier,
        l.parentSupplierOrgId ? String(l.parentSupplierOrgId) : null,
      ]),
    ).toEqual([
      [String(p.tier1._id), 1, null],
      [String(p.tier2._id), 2, String(p.tier1._id)],
    ]);
    expect(stored!.chain[0].service).toBe("Cloud hosting");
    expect(stored!.phases.map((ph) => ph.name)).toEqual(["Evaluation", "Integration"]);
    expect(stored!.phases[1].permittedSupplierIds.map(String)).toEqual([String(p.tier1._id)]);
    expect(stored!.catalogueVersion).toMatch(/^\d{4}\.\d+\+[0-9a-f]{12}$/);
    expect(await AuditEvent.exists({ action: "agreement.create", targetId: id })).toBeTruthy();
  });

  const badInputs: [string, Record<string, string | string[]>, string, RegExp][] = [
    ["an agreement ending before it starts", { endDate: "2025-12-31" }, "endDate", /must end after it starts/],
    ["an impossible date", { effectiveDate: "2026-02-30" }, "effectiveDate", /YYYY-MM-DD/],
    [
      "unknown requirement ids",
      { requirements: ["FD-CONF-01", "FD-NOPE-99"] },
      "requirements",
      /Unknown requirement ids: FD-NOPE-99/,
    ],
    ["negative hours", { breachWindowHours: "-4" }, "breachWindowHours", /at least 1/],
    ["absurd hours", { breachWindowHours: "100000" }, "breachWindowHours", /at most 720/],
    ["hours that are not a number", { recipientNotifyHours: "a day" }, "recipientNotifyHours", /whole number/],
    [
      "a recipient's own time longer than the window",
      { recipientNotifyHours: "96" },
      "recipientNotifyHours",
      /^The recipient's own 96 h are longer than the 72 h window, leaving no time for its suppliers to tell it\. It would fit with the recipient's own time at most 24 h or a window of at least 144 h\.$/,
    ],
    [
      "a recipient's own time that takes the whole window",
      { recipientNotifyHours: "72" },
      "recipientNotifyHours",
      /own 72 h take the whole 72 h window.*at most 24 h or a window of at least 120 h/,
    ],
    [
      "each supplier's time longer than the whole window",
      { "param.FD-INC-01.notifyWithinHours": "96" },
      "param.FD-INC-01.notifyWithinHours",
      /^Each supplier's 96 h under FD-INC-01 are longer than the whole chain's 72 h window\. It would fit with each supplier's time at most 24 h or a window of at least 216 h\.$/,
    ],
    [
      "supplier times that add up past the window along the chain",
      { "param.FD-INC-01.notifyWithinHours": "36" },
      "param.FD-INC-01.notifyWithinHours",
      /^Recipient 24 h \+ 2 tiers × 36 h = 96 h, more than the 72 h window: a chain in which every supplier met FD-INC-01 would still break it\. It would fit with each supplier's time at most 24 h or a window of at least 96 h\.$/,
    ],
    [
      "a window too short for the chain's tiers",
      { breachWindowHours: "48" },
      "param.FD-INC-01.notifyWithinHours",
      /Recipient 24 h \+ 2 tiers × 24 h = 72 h, more than the 48 h window.*each supplier's time at most 12 h or a window of at least 72 h/,
    ],
    [
      "a parameter outside its bounds",
      { "param.FD-INC-01.notifyWithinHours": "0" },
      "param.FD-INC-01.notifyWithinHours",
      /^Each supplier's own time must be at least 1$/,
    ],
    [
      "unknown country codes",
      { permittedJurisdictions: "CH, XX, Germany" },
      "permittedJurisdictions",
      /Not ISO 3166 country codes: XX, GERMANY/,
    ],
    ["no permitted jurisdiction", { permittedJurisdictions: "" }, "permittedJurisdictions", /at least one/],
    [
      "a phase opening a class the agreement does not share",
      { "phases.0.classes": ["restricted"] },
      "phases.0.classes",
      /Not shared under this agreement: restricted/,
    ],
    [
      "a phase requiring a requirement the agreement lacks",
      { "phases.0.requiredRequirementIds": ["FD-ENC-01"] },
      "phases.0.requiredRequirementIds",
      /Not among the agreement's requirements: FD-ENC-01/,
    ],
    [
      "a supplier the recipient does not manage",
      { "chain.0.supplierOrgId": "6b0000000000000000000000" },
      "chain.0.supplierOrgId",
      /Choose one of your suppliers/,
    ],
  ];

  it.each(badInputs)(
    "refuses %s beside the field, keeps what was typed and saves nothing",
    async (_label, override, field, message) => {
      const p = await createAgreementParties();
      const cookie = await sessionCookie(String(p.procurement.user._id));
      const fields = validAgreementFields(p, override);
      const result = await createAction({
        request: multiFormRequest("/procurement/agreements/new", fields, cookie),
        params: {},
        context: {},
      });
      expect(result).toBeRefused(field, message);
      expect(replyOf(result).data.values.reference).toBe(fields.reference);
      expect(await Agreement.countDocuments({ recipientOrgId: p.recipient._id })).toBe(0);
    },
  );

  it("refuses breach hours that do not fit beside the field and sends back every value as typed", async () => {
    const p = await createAgreementParties();
    const cookie = await sessionCookie(String(p.procurement.user._id));
    const fields = validAgreementFields(p, {
      breachWindowHours: "60",
      recipientNotifyHours: "12",
      "param.FD-INC-01.notifyWithinHours": "30",
    });
    const result = await createAction({
      request: multiFormRequest("/procurement/agreements/new", fields, cookie),
      params: {},
      context: {},
    });
    expect(result).toBeRefused(
      "param.FD-INC-01.notifyWithinHours",
      /^Recipient 12 h \+ 2 tiers × 30 h = 72 h, more than the 60 h window: .* It would fit with each supplier's time at most 24 h or a window of at least 72 h\.$/,
    );
    const { errors, values } = replyOf(result).data;
    expect(Object.keys(errors)).toEqual(["param.FD-INC-01.notifyWithinHours"]);
    expect(values).toMatchObject({
      reference: fields.reference,
      breachWindowHours: "60",
      recipientNotifyHours: "12",
      "param.FD-INC-01.notifyWithinHours": "30",
      "chain.1.tier": "2",
      "chain.1.parentSupplierOrgId": String(p.tier1._id),
      "escalation.0.email": "soc@example.test",
    });
    expect(await Agreement.countDocuments({ recipientOrgId: p.recipient._id })).toBe(0);
  });

  it("refuses breach hours that do not fit in the same round as other mistakes", async () => {
    const p = await createAgreementParties();
    const cookie = await sessionCookie(String(p.procurement.user._id));
    const fields = validAgreementFields(p, { title: "", recipientNotifyHours: "80" });
    const result = await createAction({
      request: multiFormRequest("/procurement/agreements/new", fields, cookie),
      params: {},
      context: {},
    });
    expect(result).toBeRefused("title", "Enter a title");
    expect(result).toBeRefused("recipientNotifyHours", /own 80 h are longer than the 72 h window/);
  });

  it("measures the chain by its deepest tier, and by the window alone without the notification requirement", async () => {
    const p = await createAgreementParties();
    const cookie = await sessionCookie(String(p.procurement.user._id));
    const create = (fields: Record<string, string | string[]>) =>
      createAction({
        request: multiFormRequest("/procurement/agreements/new", fields, cookie),
        params: {},
        context: {},
      });

    // 24 h + 2 × 30 h is too long for 72 h; with tier 1 only, 24 h + 30 h fits
    const oneTier = validAgreementFields(p, { "param.FD-INC-01.notifyWithinHours": "30", "chain.1.supplierOrgId": "" });
    expect(await create(oneTier)).toHaveStatus(302);

    // FD-INC-01 not ticked: its hours bind no supplier and are not checked (nor stored)
    const withoutRequirement = validAgreementFields(p, {
      requirements: ["FD-CONF-01", "FD-LOC-01"],
      "phases.1.requiredRequirementIds": ["FD-CONF-01"],
      "param.FD-INC-01.notifyWithinHours": "96",
    });
    expect(await create(withoutRequirement)).toHaveStatus(302);
    const stored = await Agreement.findOne({ reference: withoutRequirement.reference }).lean();
    expect(stored!.requirements.map((r) => r.requirementId)).toEqual(["FD-CONF-01", "FD-LOC-01"]);

    // ... but the recipient's own time must still leave room in the window
    const recipientTooLong = validAgreementFields(p, {
      requirements: ["FD-CONF-01", "FD-LOC-01"],
      "phases.1.requiredRequirementIds": ["FD-CONF-01"],
      recipientNotifyHours: "72",
    });
    expect(await create(recipientTooLong)).toBeRefused(
      "recipientNotifyHours",
      /take the whole 72 h window.*the recipient's own time at most 71 h or a window of at least 73 h/,
    );
  });

  it("refuses a chain with a cycle and one with an unknown parent", async () => {
    const p = await createAgreementParties();
    const cookie = await sessionCookie(String(p.procurement.user._id));
    const cycle = validAgreementFields(p, {
      "chain.0.tier": "2",
      "chain.0.parentSupplierOrgId": String(p.tier2._id),
    });
    const r1 = await createAction({
      request: multiFormRequest("/procurement/agreements/new", cycle, cookie),
      params: {},
      context: {},
    });
    expect(r1).toBeRefused(/cycle/i);

    const stranger = await createAgreementParties();
    const unknownParent = validAgreementFields(p, { "chain.1.parentSupplierOrgId": String(stranger.tier1._id) });
    const r2 = await createAction({
      request: multiFormRequest("/procurement/agreements/new", unknownParent, cookie),
      params: {},
      context: {},
    });
    expect(r2).toBeRefused("chain.1.parentSupplierOrgId", /unknown supplier/);
    expect(await Agreement.countDocuments({ recipientOrgId: p.recipient._id })).toBe(0);
  });

  it("refuses a reference the recipient already uses", async () => {
    const p = await createAgreementParties();
    const cookie = await sessionCookie(String(p.procurement.user._id));
    const fields = validAgreementFields(p);
    await createAction({
      request: multiFormRequest("/procurement/agreements/new", fields, cookie),
      params: {},
      context: {},
    });
    const again = await createAction({
      request: multiFormRequest("/procurement/agreements/new", fields, cookie),
      params: {},
      context: {},
    });
    expect(again).toBeRefused("reference", "Another agreement of yours already has this reference");
  });
});

describe("editing an agreement", () => {
  it("saves a change and bumps the revision; a stale form is refused and keeps the typed changes", async () => {
    const p = await createAgreementParties();
    const cookie = await sessionCookie(String(p.procurement.user._id));
    const agreement = await createAgreement(p);
    const id = String(agreement._id);
    const fields = await editForm(id, cookie, { title: "Renamed" });
    expect(await saveEdit(id, cookie, fields)).toHaveStatus(302);
    expect(await Agreement.findById(id).lean()).toMatchObject({ title: "Renamed", revision: 2 });

    const stale = { ...fields, title: "Someone else's edit" };
    const refused = await saveEdit(id, cookie, stale);
    expect(refused).toHaveStatus(409);
    expect(replyOf(refused).data.errors[""][0]).toMatch(/Someone else saved this agreement/);
    expect(replyOf(refused).data.values.title).toBe("Someone else's edit");
    expect(await Agreement.findById(id).lean()).toMatchObject({ title: "Renamed", revision: 2 });
  });

  it("refuses narrowing the window below what the chain needs, keeping the edit and the revision", async () => {
    const p = await createAgreementParties();
    const cookie = await sessionCookie(String(p.procurement.user._id));
    const id = String((await createAgreement(p))._id);
    // the stored agreement leaves FD-INC-01 at its catalogue default, 24 h per supplier, over two tiers
    const fields = await editForm(id, cookie, { breachWindowHours: "48", title: "Tighter window" });
    const refused = await saveEdit(id, cookie, fields);
    expect(refused).toBeRefused(
      "param.FD-INC-01.notifyWithinHours",
      /Recipient 24 h \+ 2 tiers × 24 h = 72 h, more than the 48 h window/,
    );
    expect(replyOf(refused).data.values).toMatchObject({
      breachWindowHours: "48",
      title: "Tighter window",
      revision: "1",
    });
    expect(await Agreement.findById(id).lean()).toMatchObject({ breachWindowHours: 72, revision: 1 });

    // the same window with each supplier at 12 h fits
    expect(await saveEdit(id, cookie, { ...fields, "param.FD-INC-01.notifyWithinHours": "12" })).toHaveStatus(302);
    const saved = await Agreement.findById(id).lean();
    expect(saved).toMatchObject({ breachWindowHours: 48, revision: 2 });
    expect(saved!.requirements.find((r) => r.requirementId === "FD-INC-01")!.params).toEqual({ notifyWithinHours: 12 });
  });

  it("saves the demo agreement unchanged: the demo's breach hours fit its chain", async () => {
    const { seedDemoData, DEMO_ACCOUNTS, DEMO_AGREEMENT_REFERENCE } = await import("#scripts/demo/demo-data.server");
    const { User } = await import("#models/user.server");
    await seedDemoData();
    const procurement = await User.findOne({
      email: DEMO_ACCOUNTS.find((a) => a.role === "procurement")!.email,
    }).lean();
    const cookie = await sessionCookie(String(procurement!._id));
    const demo = await Agreement.findOne({ reference: DEMO_AGREEMENT_REFERENCE }).lean();
    const id = String(demo!._id);
    expect(await saveEdit(id, cookie, await editForm(id, cookie, {}))).toHaveStatus(302);
  });

  it("saves after a save that died between claiming its revision and writing it, once that claim is clearly stuck", async () => {
    const p = await createAgreementParties();
    const cookie = await sessionCookie(String(p.procurement.user._id));
    const id = String((await createAgreement(p))._id);
    const fields = await editForm(id, cookie, { title: "Saved after the crash" });
    // a writer in another instance claimed revision 2 a moment ago: it may still be writing
    await Claim.create({ key: revisionClaimKey(id, 2), at: new Date() });
    expect(await saveEdit(id, cookie, fields)).toHaveStatus(409);
    // the same claim a minute later, its revision never written: that writer died
    await Claim.updateOne({ key: revisionClaimKey(id, 2) }, { $set: { at: new Date(Date.now() - 60_000) } });
    expect(await saveEdit(id, cookie, fields)).toHaveStatus(302);
    expect(await Agreement.findById(id).lean()).toMatchObject({ title: "Saved after the crash", revision: 2 });
  });
});

describe("the agreement an instance keeps in memory", () => {
  it("shows every edit on the next page, whichever instance saved it, and never a half-written one", async () => {
    const p = await createAgreementParties();
    const cookie = await sessionCookie(String(p.procurement.user._id));
    const agreement = await createAgreement(p);
    const id = String(agreement._id);
    const title = async () =>
      tabOf(
        await procurementView({
          request: getRequest(`/procurement/agreements/${id}?tab=terms`, cookie),
          params: { id },
          context: {},
        }),
        "terms",
      ).agreement.title;
    const original = await title();
    expect(await title()).toBe(original);

    // through this instance's edit form
    expect(await saveEdit(id, cookie, await editForm(id, cookie, { title: "Edited here" }))).toHaveStatus(302);
    expect(await title()).toBe("Edited here");

    // another instance saves revision 3 the same way: claim, stamp, write
    await stampRevision(id, 3);
    await Agreement.updateOne({ _id: id }, { $set: { title: "Edited elsewhere", revision: 3 } });
    expect(await title()).toBe("Edited elsewhere");

    // an edit that stamped revision 4 and then failed to write: the stored revision 3 is what shows, every time
    await stampRevision(id, 4);
    await Agreement.updateOne({ _id: id }, { $set: { title: "Written behind the stamp's back" } });
    expect(await title()).toBe("Written behind the stamp's back");

    const kept = await getAgreementFor({ role: "procurement", orgId: String(p.recipient._id) }, id);
    expect(Object.isFrozen(kept) && Object.isFrozen(kept!.chain[0])).toBe(true);
  });
});

describe("who sees an agreement", () => {
  it("shows it to the recipient's procurement and the named disclosing party, and is a 404 to everyone else", async () => {
    const p = await createAgreementParties();
    const other = await createAgreementParties();
    const agreement = await createAgreement(p);
    const id = String(agreement._id);

    const mine = tabOf(
      await loadAs(procurementView, `/procurement/agreements/${id}?tab=terms`, p.procurement.user._id, { id }),
      "terms",
    );
    expect(mine.agreement.chain.map((l) => l.name)).toEqual(["Tier One Hosting GmbH", "株式会社ティアツー"]);
    const asDiscloser = tabOf(
      await loadAs(discloserView, `/discloser/agreements/${id}?tab=terms`, p.discloserUser.user._id, { id }),
      "terms",
    );
    expect(asDiscloser.agreement.reference).toBe(agreement.reference);

    const otherProcurement = await thrown(
      loadAs(procurementView, `/procurement/agreements/${id}`, other.procurement.user._id, { id }),
    );
    expect(otherProcurement.status).toBe(404);
    const otherDiscloser = await thrown(
      loadAs(discloserView, `/discloser/agreements/${id}`, other.discloserUser.user._id, { id }),
    );
    expect(otherDiscloser.status).toBe(404);
    const list = await loadAs(discloserList, "/discloser", other.discloserUser.user._id);
    expect(list.agreements).toEqual([]);
    const garbage = await thrown(
      loadAs(procurementView, "/procurement/agreements/not-an-id", p.procurement.user._id, { id: "not-an-id" }),
    );
    expect(garbage.status).toBe(404);
  });
});

describe("the agreement schema", () => {
  it("validates enums, date order and country codes even when written directly", async () => {
    const p = await createAgreementParties();
    await expect(createAgreement(p, { endDate: "2025-01-01" })).rejects.toThrow(/must end after it starts/);
    await expect(createAgreement(p, { permittedJurisdictions: ["ZZ"] })).rejects.toThrow(
      /not an ISO 3166-1 country code/,
    );
    await expect(createAgreement(p, { informationClasses: ["secret" as never] })).rejects.toThrow(/informationClasses/);
  });
});

describe("the re-assessment policy", () => {
  it("is stored as the form sets it, and a bad value is refused beside its field with nothing saved", async () => {
    const p = await createAgreementParties();
    const cookie = await sessionCookie(String(p.procurement.user._id));
    const fields = validAgreementFields(p, {
      reassessPolicy: "1",
      reassessCritical: "3",
      reassessHigh: "9",
      reassessMedium: "18",
      reassessLow: "30",
      reassessCertificateDays: "45",
      reassessOnRatingFall: "on",
      reassessOnNewPhase: "on",
    });
    const res = (await createAction({
      request: multiFormRequest("/procurement/agreements/new", fields, cookie),
      params: {},
      context: {},
    })) as Response;
    expect(res.status).toBe(302);
    const stored = await Agreement.findOne({ reference: fields.reference }).lean();
    expect(stored!.reassessment).toEqual({
      months: { critical: 3, high: 9, medium: 18, low: 30 },
      certificateDays: 45,
      onRatingFall: true,
      onIncident: false,
      onNewPhase: true,
    });

    const bad = validAgreementFields(p, {
      reassessPolicy: "1",
      reassessCritical: "0",
      reassessHigh: "12",
      reassessMedium: "18",
      reassessLow: "24",
      reassessCertificateDays: "60",
    });
    const refused = await createAction({
      request: multiFormRequest("/procurement/agreements/new", bad, cookie),
      params: {},
      context: {},
    });
    expect(refused).toBeRefused("reassessCritical", "Must be at least 1");
    expect(await Agreement.countDocuments({ reference: bad.reference })).toBe(0);
  });
});

describe("the notice before a compelled disclosure", () => {
  it("is stored as typed, shown with the terms, defaults to 5 days, and a bad value is refused beside its field", async () => {
    const p = await createAgreementParties();
    const cookie = await sessionCookie(String(p.procurement.user._id));
    const fields = validAgreementFields(p, { compelledNoticeDays: "12" });
    const res = (await createAction({
      request: multiFormRequest("/procurement/agreements/new", fields, cookie),
      params: {},
      context: {},
    })) as Response;
    expect(res.status).toBe(302);
    const stored = await Agreement.findOne({ reference: fields.reference }).lean();
    expect(stored!.compelledDisclosure).toEqual({
      notifyBeforeDisclosure: true,
      seekProtectiveOrder: true,
      noticeDays: 12,
    });
    const id = String(stored!._id);
    // the edit form opens with it, and the terms show it
    expect(((await editForm(id, cookie, {})) as Record<string, unknown>).compelledNoticeDays).toBe("12");
    const terms = tabOf(
      await loadAs(procurementView, `/procurement/agreements/${id}?tab=terms`, p.procurement.user._id, { id }),
      "terms",
    );
    expect(terms.agreement.compelledDisclosure.noticeDays).toBe(12);

    // an agreement stored before the setting existed asks for 5 days, on the terms and on the edit form
    const older = await createAgreement(p);
    await Agreement.collection.updateOne({ _id: older._id }, { $unset: { "compelledDisclosure.noticeDays": "" } });
    const olderId = String(older._id);
    const olderTerms = tabOf(
      await loadAs(procurementView, `/procurement/agreements/${olderId}?tab=terms`, p.procurement.user._id, {
        id: olderId,
      }),
      "terms",
    );
    expect(olderTerms.agreement.compelledDisclosure.noticeDays).toBe(5);
    expect(((await editForm(olderId, cookie, {})) as Record<string, unknown>).compelledNoticeDays).toBe("5");

    // a form without the field (an older client) gets the default
    const { compelledNoticeDays: _left, ...withoutIt } = validAgreementFields(p);
    void _left;
    const res2 = (await createAction({
      request: multiFormRequest("/procurement/agreements/new", withoutIt, cookie),
      params: {},
      context: {},
    })) as Response;
    expect(res2.status).toBe(302);
    expect((await Agreement.findOne({ reference: withoutIt.reference }).lean())!.compelledDisclosure.noticeDays).toBe(
      5,
    );

    const bad = validAgreementFields(p, { compelledNoticeDays: "many" });
    const refused = await createAction({
      request: multiFormRequest("/procurement/agreements/new", bad, cookie),
      params: {},
      context: {},
    });
    expect(refused).toBeRefused("compelledNoticeDays");
    expect(await Agreement.countDocuments({ reference: bad.reference })).toBe(0);
  });
});
