import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { createUser, formRequest, getRequest, sessionCookie } from "#tests/fixtures/factories";
import { createAssessmentWorld, SHORT_TEMPLATE_GOOD_ANSWERS, signedInUser } from "#tests/fixtures/assessments";
import { tabOf } from "#tests/fixtures/agreement-page";
import { replyOf, responseOf, thrown } from "#tests/helpers/responses";

setupTestDatabase();

const milestonesRoute = await import("#app/routes/_portal.procurement.agreements.$id.milestones");
const returnsRoute = await import("#app/routes/_portal.supplier.returns._index");
const certifyRoute = await import("#app/routes/_portal.supplier.returns.$requestId");
const certificateRoute = await import("#app/routes/destruction-certificates.$requestId");
const discloserPage = await import("#app/routes/_portal.discloser.agreements.$id");
const agreementPage = await import("#app/routes/_portal.procurement.agreements.$id._index");
const { DestructionRequest, Milestone } = await import("#models/lifecycle.server");
const { AuditEvent } = await import("#models/audit-event.server");
const { Outbox } = await import("#models/outbox.server");
const { Assessment } = await import("#models/assessment.server");
const { sendAssessment } = await import("#app/features/assessments/assessments.server");
const { answerableAssessment, saveAnswerChanges } = await import("#app/features/assessments/autosave.server");
const { submitAssessment } = await import("#app/features/assessments/submission.server");
const { decide } = await import("#app/features/review/review.server");
const { todayIso } = await import("#models/today");
const { addDaysIso } = await import("#app/scoring/dates");
const { survivalEnds } = await import("#app/features/lifecycle/deadlines");
const { CERTIFY_LIMITS } = await import("#app/features/destruction/destruction-limits");

const PDF = fs.readFileSync(path.join("tests/fixtures/files/incident-plan.pdf"));

/** An approved assessment for `supplierOrgId` under the world's agreement, reached as users reach it. */
async function approve(w: Awaited<ReturnType<typeof createAssessmentWorld>>, supplierOrgId: string) {
  const reviewer = await signedInUser(w.procurement.user._id);
  const supplierUser = await createUser("supplier", { orgId: supplierOrgId });
  const sent = await sendAssessment(
    reviewer,
    {
      agreementId: String(w.agreement._id),
      supplierOrgId,
      templateId: "short-low-risk",
      dueDate: "2099-01-01",
      emails: [],
    },
    formRequest("/procurement/assessments/new", {}),
  );
  if (!sent.ok) throw new Error(JSON.stringify(sent.errors));
  const supplier = await signedInUser(supplierUser.user._id);
  const answerable = (await answerableAssessment(supplier, sent.assessmentId))!;
  const saved = await saveAnswerChanges(supplier, answerable, {
    baseRevision: 0,
    changes: SHORT_TEMPLATE_GOOD_ANSWERS,
  });
  expect(saved.kind).toBe("saved");
  await submitAssessment(supplier, sent.assessmentId, formRequest(`/supplier/assessments/${sent.assessmentId}`, {}));
  await decide(
    reviewer,
    sent.assessmentId,
    { decision: "approved", comment: "" },
    formRequest(`/procurement/assessments/${sent.assessmentId}`, {}),
  );
  expect((await Assessment.findById(sent.assessmentId))!.status).toBe("approved");
  return supplierUser;
}

/**
 * A two-tier chain (tier 1 may receive confidential information, tier 2
 * internal) with both suppliers approved, and two phases: "Evaluation"
 * (internal) permitted to tier 2 only, "Integration" (confidential) to tier 1.
 */
async function world() {
  const w = await createAssessmentWorld({ status: "approved" });
  const t1 = String(w.tier1._id);
  const t2 = String(w.tier2._id);
  const { Agreement } = await import("#models/agreement.server");
  await Agreement.updateOne(
    { _id: w.agreement._id },
    {
      $set: {
        phases: [
          {
            key: "phase-1",
            name: "Evaluation",
            purpose: "Binaries",
            classes: ["internal"],
            permittedSupplierIds: [w.tier2._id],
            requiredRequirementIds: ["FD-CONF-01"],
          },
          {
            key: "phase-2",
            name: "Integration",
            purpose: "Source",
            classes: ["confidential"],
            permittedSupplierIds: [w.tier1._id],
            requiredRequirementIds: ["FD-CONF-01"],
          },
        ],
      },
      $inc: { revision: 1 },
    },
  );
  const { stampRevision } = await import("#models/agreement.server");
  const fresh = (await Agreement.findById(w.agreement._id).lean())!;
  await stampRevision(String(fresh._id), fresh.revision ?? 1);
  const tier2User = await approve(w, t2);
  const outsider = await createUser("supplier");
  const otherProcurement = await createUser("procurement");
  const id = String(w.agreement._id);
  return {
    ...w,
    id,
    t1,
    t2,
    tier2User,
    cookies: {
      procurement: await sessionCookie(String(w.procurement.user._id)),
      discloser: await sessionCookie(String(w.discloserUser.user._id)),
      tier1: await sessionCookie(String(w.supplierUser.user._id)),
      tier2: await sessionCookie(String(tier2User.user._id)),
      outsider: await sessionCookie(String(outsider.user._id)),
      otherProcurement: await sessionCookie(String(otherProcurement.user._id)),
    },
  };
}
type World = Awaited<ReturnType<typeof world>>;

function record(w: World, fields: Record<string, string>, cookie = w.cookies.procurement) {
  return milestonesRoute.action({
    request: formRequest(`/procurement/agreements/${w.id}/milestones`, fields, cookie),
    params: { id: w.id },
    context: {},
  });
}

const today = () => todayIso(new Date());

function certifyRequest(requestId: string, fields: Record<string, string>, cookie: string, file?: Buffer) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file)
    form.append("certificate", new Blob([new Uint8Array(file)], { type: "application/pdf" }), "certificate.pdf");
  return certifyRoute.action({
    request: new Request(`http://localhost/supplier/returns/${encodeURIComponent(requestId)}`, {
      method: "POST",
      body: form,
      headers: { Cookie: cookie },
    }),
    params: { requestId },
    context: {},
  });
}

function certification(classes: string[], overrides: Record<string, string> = {}) {
  const fields: Record<string, string> = {
    signedByName: "Ada Sommer",
    signedByTitle: "CISO",
    signedOn: today(),
  };
  for (const c of classes) {
    fields[`disposition.${c}`] = "destroyed";
    fields[`method.${c}`] = "Disks degaussed and shredded";
    fields[`standard.${c}`] = "NIST SP 800-88 Rev. 1 (Destroy)";
    fields[`completedOn.${c}`] = today();
  }
  return { ...fields, ...overrides };
}

async function lifecycleTab(w: World, cookie = w.cookies.discloser) {
  const loaded = await discloserPage.loader({
    request: getRequest(`/discloser/agreements/${w.id}?tab=lifecycle`, cookie),
    params: { id: w.id },
    context: {},
  });
  return tabOf(loaded, "lifecycle").lifecycle;
}

describe("return or destroy at milestones and termination", () => {
  it("closing a phase asks only the cleared holders and the parents they got it through", async () => {
    const w = await world();
    const res = await record(w, {
      intent: "close-phase",
      phaseKey: "phase-1",
      effectiveDate: today(),
      note: "",
      confirm: "on",
    });
    expect(res).toRedirectTo(`/procurement/agreements/${w.id}/milestones?recorded=2`);
    const requests = await DestructionRequest.find({ milestoneId: `${w.id}:phase:phase-1` }).lean();
    // tier 2 was cleared for "Evaluation"; tier 1 passed the information on to it
    expect(requests.map((r) => [String(r.supplierOrgId), r.tier, r.classes]).sort()).toEqual(
      [
        [w.t1, 1, ["internal"]],
        [w.t2, 2, ["internal"]],
      ].sort(),
    );
    for (const r of requests) expect(r.dueDate).toBe(addDaysIso(today(), 30));
    const milestone = (await Milestone.findById(`${w.id}:phase:phase-1`).lean())!;
    expect(milestone).toMatchObject({ destroyWithinDays: 30, certificateRequired: true, survivalEnds: null });
    // each holder's users hear of it, with the due date and a link
    const mail = await Outbox.findOne({ to: w.tier2User.user.email, kind: "destruction-request" }).lean();
    expect(mail?.text).toContain(`/supplier/returns/${encodeURIComponent(`${w.id}:phase:phase-1:${w.t2}`)}`);
    expect(await AuditEvent.countDocuments({ action: "destruction.milestone.phase", targetId: w.id })).toBe(1);

    // closing it again names who closed it first
    const again = await record(w, {
      intent: "close-phase",
      phaseKey: "phase-1",
      effectiveDate: today(),
      note: "",
      confirm: "on",
    });
    expect(again).toBeRefused("", /already closed.*Test procurement/);

    // "Integration" is permitted to tier 1 only: tier 2 is not asked
    const res2 = await record(w, {
      intent: "close-phase",
      phaseKey: "phase-2",
      effectiveDate: today(),
      note: "",
      confirm: "on",
    });
    expect(res2).toRedirectTo(/recorded=1$/);
    const second = await DestructionRequest.find({ milestoneId: `${w.id}:phase:phase-2` }).lean();
    expect(second.map((r) => [String(r.supplierOrgId), r.classes])).toEqual([[w.t1, ["confidential"]]]);
  });

  it("terminating asks every holder, and the register follows each certificate to completion", async () => {
    const w = await world();
    const res = await record(w, {
      intent: "end",
      kind: "termination",
      effectiveDate: today(),
      note: "Ended early",
      confirm: "on",
    });
    expect(res).toRedirectTo(/recorded=2$/);
    const endId = `${w.id}:end`;
    const milestone = (await Milestone.findById(endId).lean())!;
    expect(milestone.kind).toBe("termination");
    expect(milestone.survivalMonths).toBe(60);
    expect(milestone.survivalEnds).toBe(survivalEnds(today(), 60));
    const r1 = `${endId}:${w.t1}`;
    const r2 = `${endId}:${w.t2}`;
    expect((await DestructionRequest.findById(r1).lean())!.classes).toEqual(["internal", "confidential"]);
    expect((await DestructionRequest.findById(r2).lean())!.classes).toEqual(["internal"]);

    // the tier-1 supplier sees its request and that its subcontractor has not certified
    const list = await returnsRoute.loader({
      request: getRequest("/supplier/returns", w.cookies.tier1),
      params: {},
      context: {},
    });
    const own = list.requests.find((r) => r.id === r1)!;
    expect(own.state).toBe("open");
    expect(own.below.map((b) => [b.name, b.state])).toEqual([[w.tier2.name, "open"]]);

    // tier 1 certifies first: its own part is in, but it waits on tier 2
    expect(await certifyRequest(r1, certification(["internal", "confidential"]), w.cookies.tier1, PDF)).toRedirectTo(
      `/supplier/returns/${encodeURIComponent(r1)}?certified=1`,
    );
    let tab = await lifecycleTab(w);
    let end = tab.milestones.find((m) => m.id === endId)!;
    const row1 = end.holders.find((h) => h.supplierId === w.t1)!;
    expect(row1.state).toBe("waiting-on-subcontractors");
    expect(row1.waitingOn).toEqual([w.tier2.name]);
    expect(end.summary).toEqual({ holders: 2, complete: 0, overdue: 0 });

    // tier 2 without its certificate file: refused, nothing kept
    expect(await certifyRequest(r2, certification(["internal"]), w.cookies.tier2)).toBeRefused(
      "certificate",
      /requires a certificate of destruction/,
    );
    expect((await DestructionRequest.findById(r2).lean())!.certification).toBeNull();
    // with it: complete, and so is tier 1
    expect(await certifyRequest(r2, certification(["internal"]), w.cookies.tier2, PDF)).toRedirectTo(/certified=1$/);
    tab = await lifecycleTab(w);
    end = tab.milestones.find((m) => m.id === endId)!;
    expect(end.holders.map((h) => [h.supplierId, h.state])).toEqual([
      [w.t1, "complete"],
      [w.t2, "complete"],
    ]);
    expect(end.summary).toEqual({ holders: 2, complete: 2, overdue: 0 });
    expect(end.holders[1].entries[0]).toMatchObject({ infoClass: "internal", disposition: "destroyed" });
    expect(end.holders[1].certificate?.href).toBe(`/destruction-certificates/${encodeURIComponent(r2)}`);
    // procurement and the parent holder were told
    expect(await Outbox.countDocuments({ to: w.procurement.user.email, kind: "destruction-certified" })).toBe(2);
    expect(await Outbox.countDocuments({ to: w.supplierUser.user.email, kind: "destruction-certified" })).toBe(1);
    expect(await AuditEvent.countDocuments({ action: "destruction.certify", targetId: w.id })).toBe(2);

    // a second certification is refused
    expect(await certifyRequest(r2, certification(["internal"]), w.cookies.tier2, PDF)).toBeRefused(
      "",
      /already certified/,
    );
    // nothing may be recorded after the end
    expect(
      await record(w, { intent: "close-phase", phaseKey: "phase-1", effectiveDate: today(), note: "", confirm: "on" }),
    ).toBeRefused("", /already terminated.*Test procurement/);
    expect(
      await record(w, { intent: "end", kind: "expiry", effectiveDate: today(), note: "", confirm: "on" }),
    ).toBeRefused("", /already terminated/);

    // the chain tab shows each link's state under the latest milestone
    const chain = tabOf(
      await agreementPage.loader({
        request: getRequest(`/procurement/agreements/${w.id}?tab=chain`, w.cookies.procurement),
        params: { id: w.id },
        context: {},
      }),
      "chain",
    ).chain;
    expect(chain.destruction?.states[w.t2]).toEqual({ state: "complete", overdueDays: 0 });

    // the certificate: the holder, the holder above it, procurement and the discloser; nobody else
    const download = (cookie: string) =>
      responseOf(() =>
        certificateRoute.loader({
          request: getRequest(`/destruction-certificates/${encodeURIComponent(r2)}`, cookie),
          params: { requestId: r2 },
          context: {},
        }),
      );
    for (const cookie of [w.cookies.tier2, w.cookies.tier1, w.cookies.procurement, w.cookies.discloser]) {
      const file = await download(cookie);
      expect(file.status).toBe(200);
      expect(file.headers.get("Content-Type")).toBe("application/pdf");
      expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);
    }
    for (const cookie of [w.cookies.outsider, w.cookies.otherProcurement])
      expect((await download(cookie)).status).toBe(404);
    // tier 2 may not read tier 1's certificate: it is below, not above
    const up = await responseOf(() =>
      certificateRoute.loader({
        request: getRequest(`/destruction-certificates/${encodeURIComponent(r1)}`, w.cookies.tier2),
        params: { requestId: r1 },
        context: {},
      }),
    );
    expect(up.status).toBe(404);
    expect(await AuditEvent.countDocuments({ action: "destruction.certificate.download", targetId: w.id })).toBe(4);
  });

  it("refuses bad dates, a missing confirmation, other organisations and future dates", async () => {
    const w = await world();
    const base = { intent: "end", kind: "termination", note: "", confirm: "on" };
    expect(await record(w, { ...base, effectiveDate: addDaysIso(today(), 1) })).toBeRefused(
      "effectiveDate",
      /after today/,
    );
    expect(await record(w, { ...base, effectiveDate: "2025-12-31" })).toBeRefused(
      "effectiveDate",
      /before the agreement/,
    );
    expect(await record(w, { ...base, effectiveDate: "2026-02-30" })).toBeRefused(
      "effectiveDate",
      /real calendar date/,
    );
    const unconfirmed = await record(w, { ...base, effectiveDate: today(), confirm: "" });
    expect(unconfirmed).toBeRefused("confirm");
    // what was typed comes back
    expect(replyOf(unconfirmed).data.values).toMatchObject({ note: "", effectiveDate: today() });
    expect(
      await record(w, { intent: "close-phase", phaseKey: "phase-9", effectiveDate: today(), note: "", confirm: "on" }),
    ).toBeRefused("phaseKey");
    expect(await record(w, { intent: "nonsense" })).toBeRefused("");
    expect(await Milestone.countDocuments({ agreementId: w.id })).toBe(0);
    // another recipient's procurement: 404
    expect((await thrown(record(w, { ...base, effectiveDate: today() }, w.cookies.otherProcurement))).status).toBe(404);
    expect(
      (
        await thrown(
          milestonesRoute.loader({
            request: getRequest(`/procurement/agreements/${w.id}/milestones`, w.cookies.otherProcurement),
            params: { id: w.id },
            context: {},
          }),
        )
      ).status,
    ).toBe(404);

    expect(await record(w, { ...base, effectiveDate: today() })).toRedirectTo(/recorded=2$/);
    const r2 = `${w.id}:end:${w.t2}`;
    // another organisation's request: 404, on the page and on certifying
    const other = () =>
      certifyRoute.loader({
        request: getRequest(`/supplier/returns/${encodeURIComponent(r2)}`, w.cookies.outsider),
        params: { requestId: r2 },
        context: {},
      });
    expect((await thrown(other)).status).toBe(404);
    expect((await thrown(certifyRequest(r2, certification(["internal"]), w.cookies.outsider, PDF))).status).toBe(404);
    // a completion date in the future, an unknown disposition, no signer
    const bad = await certifyRequest(
      r2,
      certification(["internal"], {
        "completedOn.internal": addDaysIso(today(), 2),
        "disposition.internal": "burned",
        signedByName: "",
      }),
      w.cookies.tier2,
      PDF,
    );
    expect(bad).toBeRefused("completedOn.internal", /future/);
    expect(bad).toBeRefused("disposition.internal");
    expect(bad).toBeRefused("signedByName");
    expect(replyOf(bad).data.values).toMatchObject({ "method.internal": "Disks degaussed and shredded" });
    expect((await DestructionRequest.findById(r2).lean())!.certification).toBeNull();
    // over-long text is refused beside its field, never cut
    const long = await certifyRequest(
      r2,
      certification(["internal"], {
        "method.internal": "A".repeat(CERTIFY_LIMITS.method + 1),
        signedByTitle: "T".repeat(CERTIFY_LIMITS.signedByTitle + 1),
      }),
      w.cookies.tier2,
      PDF,
    );
    expect(long).toBeRefused("method.internal", /at most 500 characters/);
    expect(long).toBeRefused("signedByTitle", /at most 120 characters/);
    expect((await DestructionRequest.findById(r2).lean())!.certification).toBeNull();
  });

  it("a retry after a crash completes the set of requests without asking anyone twice", async () => {
    const w = await world();
    expect(
      await record(w, { intent: "end", kind: "expiry", effectiveDate: today(), note: "", confirm: "on" }),
    ).toRedirectTo(/recorded=2$/);
    const endId = `${w.id}:end`;
    // as if the process had died after the first request was written
    await DestructionRequest.deleteOne({ _id: `${endId}:${w.t2}` });
    const before = await Outbox.countDocuments({ kind: "destruction-request", to: w.supplierUser.user.email });
    expect(
      await record(w, { intent: "end", kind: "termination", effectiveDate: today(), note: "", confirm: "on" }),
    ).toBeRefused("", /already expired/);
    expect(await DestructionRequest.countDocuments({ milestoneId: endId })).toBe(2);
    expect(await Outbox.countDocuments({ kind: "destruction-request", to: w.supplierUser.user.email })).toBe(before);
    expect(await Outbox.countDocuments({ kind: "destruction-request", to: w.tier2User.user.email })).toBe(2);
  });
});
