import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { formRequest, getRequest, sessionCookie, jsonRequest } from "#tests/fixtures/factories";
import { tabOf } from "#tests/fixtures/agreement-page";
import { createAssessmentWorld, SHORT_TEMPLATE_GOOD_ANSWERS } from "#tests/fixtures/assessments";

setupTestDatabase();

const { action: reviewAction, loader: reviewLoader } = await import("#app/routes/_portal.procurement.assessments.$id");
const { action: supplierAction } = await import("#app/routes/_portal.supplier.assessments.$id");
const { loader: discloserAgreement } = await import("#app/routes/_portal.discloser.agreements.$id");
const { action: saveAction } = await import("#app/routes/api.assessments.$id.answers");
const { Assessment } = await import("#models/assessment.server");
const { loader: assessmentAudit } = await import("#app/routes/_portal.procurement.assessments.$id.audit");
const { loader: agreementAudit } = await import("#app/routes/_portal.$role.agreements.$id.audit");
const { AuditEvent } = await import("#models/audit-event.server");
const { Outbox } = await import("#models/outbox.server");

async function save(id: string, cookie: string, changes: Record<string, unknown>, baseRevision: number) {
  return (await saveAction({
    request: jsonRequest(`/api/assessments/${id}/answers`, { baseRevision, changes }, cookie),
    params: { id },
    context: {},
  })) as Response;
}

/** A submitted assessment of the short template where breach notification (48 h vs 24 h) fails. */
async function submittedWorld() {
  const w = await createAssessmentWorld();
  const id = String(w.assessment._id);
  const supplierCookie = await sessionCookie(String(w.supplierUser.user._id));
  expect((await save(id, supplierCookie, { ...SHORT_TEMPLATE_GOOD_ANSWERS, breachNotifyHours: 48 }, 0)).status).toBe(
    200,
  );
  const submitted = (await supplierAction({
    request: formRequest(`/supplier/assessments/${id}`, { intent: "submit" }, supplierCookie),
    params: { id },
    context: {},
  })) as { kind: string };
  expect(submitted.kind).toBe("submitted");
  const procurementCookie = await sessionCookie(String(w.procurement.user._id));
  return { ...w, id, supplierCookie, procurementCookie };
}

function review(w: { id: string; procurementCookie: string }, fields: Record<string, string>) {
  return reviewAction({
    request: formRequest(`/procurement/assessments/${w.id}`, fields, w.procurementCookie),
    params: { id: w.id },
    context: {},
  });
}

describe("reviewing an assessment", () => {
  it("shows each requirement's result with its reasons and answers; a failed knock-out caps the score", async () => {
    const w = await submittedWorld();
    const page = await reviewLoader({
      request: getRequest(`/procurement/assessments/${w.id}`, w.procurementCookie),
      params: { id: w.id },
      context: {},
    });
    const inc = page.result!.requirements.find((r) => r.requirementId === "FD-INC-01")!;
    expect(inc.status).toBe("not_met");
    expect(inc.reasons.join(" ")).toMatch(/48/);
    expect(inc.answers.find((a) => a.question === "breachNotifyHours")!.value).toBe(48);
    // in the product's words: the parameter by its label, a choice by its text, the knock-out by id and title
    expect(inc.reasons.join(" ")).toContain("the agreement requires 24 h or less (Breach notification window)");
    expect(inc.reasons.join(" ")).not.toMatch(/notifyWithinHours/);
    const tls = page.result!.requirements.flatMap((r) => r.answers).find((a) => a.question === "tlsMinimum")!;
    expect(tls.answerText).not.toBe(tls.value);
    expect(tls.reason).toContain(`"${tls.answerText}"`);
    expect(page.result!.riskReasons.join(" ")).toContain(
      "Failed knock-out FD-INC-01 Breach notification within the agreed window",
    );
    expect(page.result!.knockOutsFailed).toContain("FD-INC-01");
    expect(page.result!.score).toBeLessThanOrEqual(40);
  });

  it("refuses an override without a written justification, and changes nothing", async () => {
    const w = await submittedWorld();
    const before = await Assessment.findById(w.id).lean();
    const res = await review(w, {
      intent: "override",
      requirementId: "FD-INC-01",
      status: "met",
      justification: "ok",
    });
    expect(res).toBeRefused("justification", /at least 10 characters/);
    const after = await Assessment.findById(w.id).lean();
    expect(after!.overrides).toHaveLength(0);
    expect(after!.result!.score).toBe(before!.result!.score);
  });

  it("an override changes the result and the score, keeps the computed result beside it, and is audited", async () => {
    const w = await submittedWorld();
    const before = (await Assessment.findById(w.id).lean())!.result!;
    const justification = "Contract addendum signed on 2026-11-20 commits to 24 h notification.";
    const res = (await review(w, {
      intent: "override",
      requirementId: "FD-INC-01",
      status: "met",
      justification,
    })) as Response;
    expect(res.status).toBe(302);
    const after = (await Assessment.findById(w.id).lean())!.result!;
    const inc = after.requirements.find((r) => r.requirementId === "FD-INC-01")!;
    expect(inc).toMatchObject({ status: "met", computedStatus: "not_met", override: { status: "met", justification } });
    expect(after.knockOutsFailed).not.toContain("FD-INC-01");
    expect(after.score).toBeGreaterThan(before.score);
    expect(after.computedScore).toBe(before.computedScore);
    const audit = await AuditEvent.findOne({ action: "assessment.override", targetId: w.id }).lean();
    expect(audit!.details).toMatchObject({
      requirement: "FD-INC-01",
      computed: "not_met",
      status: "met",
      justification,
    });
  });

  it("runs the remediation loop: request, the supplier answers, the score is recomputed, then approval", async () => {
    const w = await submittedWorld();
    const res = (await review(w, {
      intent: "remediate",
      "items.0.requirementId": "FD-INC-01",
      "items.0.description": "Commit to notifying within 24 hours and update your answer.",
      "items.0.dueDate": "2099-01-31",
    })) as Response;
    expect(res.status).toBe(302);
    let stored = (await Assessment.findById(w.id).lean())!;
    expect(stored.status).toBe("remediation_requested");
    expect(stored.remediation).toHaveLength(1);
    expect(await Outbox.countDocuments({ kind: "remediation", relatedId: w.id })).toBeGreaterThan(0);

    // the supplier corrects the answer and answers the item
    expect((await save(w.id, w.supplierCookie, { breachNotifyHours: 24 }, stored.revision)).status).toBe(200);
    const form = new FormData();
    form.append(
      `response.${stored.remediation[0].key}`,
      "Our incident procedure now requires notification within 24 hours (v3.2).",
    );
    form.append(
      `evidence.${stored.remediation[0].key}`,
      new File([Buffer.from("%PDF-1.4\n%%EOF\n")], "procedure.pdf", { type: "application/pdf" }),
    );
    const answered = await supplierAction({
      request: new Request(`http://localhost/supplier/assessments/${w.id}`, {
        method: "POST",
        body: form,
        headers: { Cookie: w.supplierCookie },
      }),
      params: { id: w.id },
      context: {},
    });
    expect(answered).toEqual({ kind: "remediation-answered" });
    stored = (await Assessment.findById(w.id).lean())!;
    expect(stored.status).toBe("submitted");
    expect(stored.remediation[0]).toMatchObject({ status: "answered", response: expect.stringContaining("24 hours") });
    expect(stored.remediation[0].evidence[0]).toMatch(/^\/evidence\/[0-9a-f]{24}$/);
    expect(stored.result!.requirements.find((r) => r.requirementId === "FD-INC-01")!.status).toBe("met");

    const approve = (await review(w, { intent: "decide", decision: "approved", comment: "" })) as Response;
    expect(approve.status).toBe(302);
    stored = (await Assessment.findById(w.id).lean())!;
    expect(stored.status).toBe("approved");
    expect(stored.history.map((h) => h.to)).toEqual([
      "invited",
      "in_progress",
      "submitted",
      "remediation_requested",
      "submitted",
      "approved",
    ]);
  });

  it("requires a comment to reject, and refuses decisions the status does not allow", async () => {
    const w = await submittedWorld();
    expect(await review(w, { intent: "decide", decision: "rejected", comment: "" })).toBeRefused(
      "comment",
      /Explain the rejection/,
    );
    expect(
      await review(w, {
        intent: "decide",
        decision: "rejected",
        comment: "Knock-out not met and no plan offered.",
      }),
    ).toHaveStatus(302);
    expect(await review(w, { intent: "decide", decision: "approved", comment: "" })).toBeRefused(
      "",
      /cannot become approved/,
    );
    expect(await review(w, { intent: "delete-everything" })).toHaveStatus(400);
  });
});

describe("the disclosing party's view", () => {
  it("builds the matrix, chain and phase gates from stored assessments, and shows overrides as such", async () => {
    const w = await submittedWorld();
    const discloserCookie = await sessionCookie(String(w.discloserUser.user._id));
    const load = async <K extends "compliance" | "chain">(tab: K) =>
      tabOf(
        await discloserAgreement({
          request: getRequest(`/discloser/agreements/${w.agreement._id}?tab=${tab}`, discloserCookie),
          params: { id: String(w.agreement._id) },
          context: {},
        }),
        tab,
      );
    let view = (await load("compliance")).compliance;
    const tier1 = view.suppliers.find((s) => s.id === String(w.tier1._id))!;
    // the page sends one code per requirement, in the agreement's order: n = not met, upper case = overridden
    const inc = view.requirements.findIndex((r) => r.id === "FD-INC-01");
    expect(tier1.cells).toHaveLength(view.requirements.length);
    expect(tier1.cells[inc]).toBe("n");
    expect(tier1.computed).toEqual({});
    const tier2 = view.suppliers.find((s) => s.id === String(w.tier2._id))!;
    expect(tier2.latest).toBeNull();

    const chain = (await load("chain")).chain;
    const facts1 = chain.suppliers.find((s) => s.id === String(w.tier1._id))!;
    expect(facts1.notifyHours).toBe(48);
    expect(facts1.locations).toEqual([expect.objectContaining({ country: "DE", acceptable: true })]);
    const link1 = chain.links.find((l) => l.supplierId === String(w.tier1._id))!;
    expect(link1.composedNotifyHours).toBe(24 + 48);
    expect(link1.notifyOk).toBe(true);
    expect(chain.links.find((l) => l.supplierId === String(w.tier2._id))!.notifyOk).toBe(false);

    // the headline above every tab counts from the same data
    const { summary } = (await load("chain")).header;
    expect(summary).toMatchObject({ suppliers: 2, approved: 0, chainFailing: chain.links.filter((l) => !l.ok).length });

    await review(w, {
      intent: "override",
      requirementId: "FD-INC-01",
      status: "met",
      justification: "Addendum signed: 24 h notification from 2026-12.",
    });
    view = (await load("compliance")).compliance;
    const overridden = view.suppliers.find((s) => s.id === String(w.tier1._id))!;
    expect(overridden.cells[inc]).toBe("M");
    expect(overridden.computed).toEqual({ "FD-INC-01": "not_met" });
    expect(view.suppliers.find((s) => s.id === String(w.tier2._id))!.cells).toBe(".".repeat(view.requirements.length));
  });

  it("shows the discloser of one agreement nothing of another", async () => {
    const a = await submittedWorld();
    const b = await submittedWorld();
    const cookieB = await sessionCookie(String(b.discloserUser.user._id));
    await expect(
      discloserAgreement({
        request: getRequest(`/discloser/agreements/${a.agreement._id}`, cookieB),
        params: { id: String(a.agreement._id) },
        context: {},
      }),
    ).rejects.toSatisfy((r: unknown) => r instanceof Response && r.status === 404);
  });
});

describe("audit trail pages", () => {
  it("list an assessment's events for its reviewers, and an agreement's events for its disclosing party only", async () => {
    const w = await submittedWorld();
    await review(w, {
      intent: "override",
      requirementId: "FD-INC-01",
      status: "met",
      justification: "Addendum signed: 24 h notification from 2026-12.",
    });
    const page = await assessmentAudit({
      request: getRequest(`/procurement/assessments/${w.id}/audit`, w.procurementCookie),
      params: { id: w.id },
      context: {},
    });
    const actions = page.rows.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["assessment.submit", "assessment.score", "assessment.override"]));
    expect(page.rows.map((r) => r.seq)).toEqual([...page.rows.map((r) => r.seq)].sort((a, b) => b - a));

    const discloserCookie = await sessionCookie(String(w.discloserUser.user._id));
    const params = { role: "discloser", id: String(w.agreement._id) };
    const agreementPage = await agreementAudit({
      request: getRequest(`/discloser/agreements/${w.agreement._id}/audit`, discloserCookie),
      params,
      context: {},
    });
    expect(agreementPage.rows.map((r) => r.action)).toContain("assessment.override");

    const other = await submittedWorld();
    const foreign = await sessionCookie(String(other.discloserUser.user._id));
    await expect(
      agreementAudit({
        request: getRequest(`/discloser/agreements/${w.agreement._id}/audit`, foreign),
        params,
        context: {},
      }),
    ).rejects.toSatisfy((r: unknown) => r instanceof Response && r.status === 404);
    await expect(
      agreementAudit({
        request: getRequest(`/supplier/agreements/${w.agreement._id}/audit`, w.supplierCookie),
        params: { role: "supplier", id: String(w.agreement._id) },
        context: {},
      }),
    ).rejects.toSatisfy((r: unknown) => r instanceof Response && r.status === 404);
  });
});
