import mongoose from "mongoose";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { formRequest, getRequest, sessionCookie, jsonRequest } from "#tests/fixtures/factories";
import { createAssessmentWorld, SHORT_TEMPLATE_GOOD_ANSWERS } from "#tests/fixtures/assessments";
import { addMonthsIso, addDaysIso } from "#app/scoring/dates";
import { todayIso } from "#models/today";
import { formatDay, formatMoment } from "#app/i18n/format";
import { inEnglish } from "#app/i18n/reasons";
import { tabOf } from "#tests/fixtures/agreement-page";

setupTestDatabase();

const { action: reviewAction, loader: reviewLoader } = await import("#app/routes/_portal.procurement.assessments.$id");
const { action: supplierAction } = await import("#app/routes/_portal.supplier.assessments.$id");
const { action: saveAction } = await import("#app/routes/api.assessments.$id.answers");
const { action: incidentAction } = await import("#app/routes/_portal.supplier.incidents");
const { loader: reassessmentsLoader } = await import("#app/routes/_portal.procurement.reassessments");
const { loader: discloserAgreementLoader } = await import("#app/routes/_portal.discloser.agreements.$id");
const { sendDueReassessments } = await import("#app/features/reassessment/reassessment.server");
const { Assessment } = await import("#models/assessment.server");
const { syncAssessmentRow } = await import("#models/assessment-row.server");
const { Incident } = await import("#models/incident.server");
const { Outbox } = await import("#models/outbox.server");
const { AuditEvent } = await import("#models/audit-event.server");

async function save(id: string, cookie: string, changes: Record<string, unknown>, baseRevision: number) {
  const res = (await saveAction({
    request: jsonRequest(`/api/assessments/${id}/answers`, { baseRevision, changes }, cookie),
    params: { id },
    context: {},
  })) as Response;
  expect(res.status).toBe(200);
}

/** An assessment answered, submitted and approved: the start of a re-assessment cycle. */
async function approvedWorld() {
  const w = await createAssessmentWorld();
  const id = String(w.assessment._id);
  const supplierCookie = await sessionCookie(String(w.supplierUser.user._id));
  const procurementCookie = await sessionCookie(String(w.procurement.user._id));
  await save(id, supplierCookie, SHORT_TEMPLATE_GOOD_ANSWERS, 0);
  await supplierAction({
    request: formRequest(`/supplier/assessments/${id}`, { intent: "submit" }, supplierCookie),
    params: { id },
    context: {},
  });
  const approved = (await reviewAction({
    request: formRequest(
      `/procurement/assessments/${id}`,
      { intent: "decide", decision: "approved", comment: "" },
      procurementCookie,
    ),
    params: { id },
    context: {},
  })) as Response;
  expect(approved.status).toBe(302);
  const rating = (await Assessment.findById(id).lean())!.result!.rating;
  return { ...w, id, rating, supplierCookie, procurementCookie };
}

const MONTHS = { critical: 6, high: 12, medium: 18, low: 24 } as const;

describe("periodic re-assessment", () => {
  it("is sent once, 30 days before the cadence date, pre-filled with the approved answers, even when two instances run at once", async () => {
    const w = await approvedWorld();
    const cadenceDate = addMonthsIso(todayIso(), MONTHS[w.rating]);
    // not yet: more than 30 days before
    expect(
      (
        await sendDueReassessments({
          now: new Date(`${addDaysIso(cadenceDate, -40)}T09:00:00Z`),
          origin: "http://localhost",
        })
      ).created,
    ).toEqual([]);

    const now = new Date(`${addDaysIso(cadenceDate, -20)}T09:00:00Z`);
    const runs = await Promise.all([
      sendDueReassessments({ now, origin: "http://localhost" }),
      sendDueReassessments({ now, origin: "http://localhost" }),
    ]);
    const created = runs.flatMap((r) => r.created);
    expect(created).toHaveLength(1);
    const next = (await Assessment.findById(created[0]).lean())!;
    expect(next).toMatchObject({ status: "invited", dueDate: cadenceDate, templateId: w.assessment.templateId });
    expect(String(next.reassessmentOf)).toBe(w.id);
    expect(next.answers).toEqual((await Assessment.findById(w.id).lean())!.answers);
    expect(inEnglish(next.reassessmentReasons!)).toMatch(
      new RegExp(`${w.rating} risk: every ${MONTHS[w.rating]} months`),
    );
    expect(
      await Outbox.countDocuments({ kind: "reassessment", relatedId: created[0], to: w.supplierUser.user.email }),
    ).toBe(1);

    // a later run sends nothing more for the same approval
    expect(
      (await sendDueReassessments({ now: new Date(now.getTime() + 86_400_000), origin: "http://localhost" })).created,
    ).toEqual([]);
    expect(await Assessment.countDocuments({ reassessmentOf: w.id })).toBe(1);

    // procurement sees it as in progress, with the reason
    const page = await reassessmentsLoader({
      request: getRequest("/procurement/reassessments", w.procurementCookie),
      params: {},
      context: {},
    });
    const row = page.rows.find((r) => r.supplierId === String(w.tier1._id))!;
    expect(row.plan).toMatchObject({ state: "in-progress", openId: created[0] });
  });

  it("counts from the day of approval, however much later the approved assessment's list row is written again", async () => {
    const w = await approvedWorld();
    const approvedOn = todayIso();
    // the approval recorded 40 days ago; a write of the row today (a supplier renamed, a re-sync) must not move the plan
    const approvedAt = new Date(Date.now() - 40 * 86_400_000);
    const { history } = (await Assessment.findById(w.id, { history: 1 }).lean())!;
    await Assessment.updateOne(
      { _id: w.id },
      { $set: { history: history.map((h) => (h.to === "approved" ? { ...h, at: approvedAt } : h)) } },
    );
    await syncAssessmentRow(w.id);
    const page = await reassessmentsLoader({
      request: getRequest("/procurement/reassessments", w.procurementCookie),
      params: {},
      context: {},
    });
    const row = page.rows.find((r) => r.supplierId === String(w.tier1._id))!;
    expect(JSON.stringify(row.plan)).toContain(addMonthsIso(addDaysIso(approvedOn, -40), MONTHS[w.rating]));
    expect(JSON.stringify(row.plan)).not.toContain(addMonthsIso(approvedOn, MONTHS[w.rating]));
  });

  it("marks for the reviewer the answers that changed since the approved assessment", async () => {
    const w = await approvedWorld();
    const now = new Date(`${addDaysIso(addMonthsIso(todayIso(), MONTHS[w.rating]), -1)}T09:00:00Z`);
    // other tests' approvals may fall due at the same time: this world's supplier's one
    const created = (await sendDueReassessments({ now, origin: "http://localhost" })).created;
    const id = String(
      (await Assessment.findOne(
        { _id: mongoose.trusted({ $in: created }), supplierOrgId: w.tier1._id },
        { _id: 1 },
      ).lean())!._id,
    );
    // one scored answer, and one that no requirement scores (it would be shown nowhere in the results)
    await save(id, w.supplierCookie, { breachNotifyHours: 48, securityContactName: "Jon Berg, CISO" }, 0);
    await supplierAction({
      request: formRequest(`/supplier/assessments/${id}`, { intent: "submit" }, w.supplierCookie),
      params: { id },
      context: {},
    });
    const page = await reviewLoader({
      request: getRequest(`/procurement/assessments/${id}`, w.procurementCookie),
      params: { id },
      context: {},
    });
    expect(page.reassessment).toMatchObject({ follows: w.id });
    // the earlier answer as the reviewer reads it (a choice would show its text)
    expect(page.changed).toEqual({ breachNotifyHours: "12", securityContactName: "Ada Sommer" });
    // the count the reviewer reads and the list it sees are the same answers
    expect(page.answerChanges).toEqual([
      expect.objectContaining({
        question: "securityContactName",
        title: "Name and role of the person responsible for information security",
        was: "Ada Sommer",
        now: "Jon Berg, CISO",
        scored: false,
      }),
      expect.objectContaining({ question: "breachNotifyHours", was: "12", now: "48", scored: true }),
    ]);
  });
});

describe("a certificate close to its expiry", () => {
  it("sends one re-assessment at once when it is filed, and none again after that one is approved", async () => {
    const w = await approvedWorld();
    const { action: certificationsAction } = await import("#app/routes/_portal.supplier.certifications");
    const expiry = addDaysIso(todayIso(), 30);
    const form = new FormData();
    for (const [k, v] of Object.entries({
      standard: "ISO/IEC 27001:2022",
      certificateNumber: `DE-${Date.now()}`,
      certificationBody: "TÜV Nord Cert",
      scope: "Cloud hosting",
      issueDate: addDaysIso(todayIso(), -1000),
      expiryDate: expiry,
    }))
      form.append(k, v);
    const filed = (await certificationsAction({
      request: new Request("http://localhost/supplier/certifications", {
        method: "POST",
        body: form,
        headers: { Cookie: w.supplierCookie },
      }),
      params: {},
      context: {},
    })) as Response;
    expect(filed.status).toBe(302);
    // sent by the filing itself, not by the hourly run
    const sent = await Assessment.find({ reassessmentOf: w.id }).lean();
    expect(sent).toHaveLength(1);
    expect(inEnglish(sent[0].reassessmentReasons!)).toContain(`expires on ${formatDay("en", expiry)}`);

    // the supplier confirms its answers, procurement approves: the expiry has been answered
    const id = String(sent[0]._id);
    await save(id, w.supplierCookie, { orgLegalName: "Tier One Hosting GmbH" }, 0);
    await supplierAction({
      request: formRequest(`/supplier/assessments/${id}`, { intent: "submit" }, w.supplierCookie),
      params: { id },
      context: {},
    });
    expect((await Assessment.findById(id).lean())!.status).toBe("submitted");
    const approved = (await reviewAction({
      request: formRequest(
        `/procurement/assessments/${id}`,
        { intent: "decide", decision: "approved", comment: "" },
        w.procurementCookie,
      ),
      params: { id },
      context: {},
    })) as Response;
    expect(approved.status).toBe(302);
    for (const days of [0, 1, 20]) {
      const run = await sendDueReassessments({ now: new Date(Date.now() + days * 86_400_000), origin: "http://x" });
      expect(run.created, `${days} days after the approval`).toEqual([]);
    }
    expect(await Assessment.countDocuments({ agreementId: w.agreement._id, supplierOrgId: w.tier1._id })).toBe(2);
  });
});

describe("incident reports", () => {
  it("measure the delay along the chain, tell procurement and the disclosing party, audit it and bring the re-assessment forward", async () => {
    const w = await approvedWorld();
    const detected = new Date(Date.now() - 30 * 3_600_000).toISOString().slice(0, 16);
    const res = (await incidentAction({
      request: formRequest(
        "/supplier/incidents",
        {
          agreementId: String(w.agreement._id),
          detectedAt: detected,
          classes: "confidential",
          description: "Phishing led to a compromised build server account.",
        },
        w.supplierCookie,
      ),
      params: {},
      context: {},
    })) as Response;
    expect(res.status).toBe(302);
    const incident = (await Incident.findOne({ agreementId: w.agreement._id }).lean())!;
    // the supplier committed to 12 h in its answers and took about 30
    expect(incident.timing).toMatchObject({ committedHours: 12, withinCommitment: false });
    expect(incident.timing.delayHours).toBeGreaterThanOrEqual(29.9);
    const mails = await Outbox.find({ kind: "incident", relatedId: String(w.agreement._id) }).lean();
    expect(mails.map((m) => m.to).sort()).toEqual([w.procurement.user.email, w.discloserUser.user.email].sort());
    expect(mails[0].text).toMatch(/reported 3\d(\.\d)? h later \(it committed to 12 h\)/);
    expect(await AuditEvent.exists({ action: "incident.report", targetId: String(w.agreement._id) })).not.toBeNull();
    const next = await Assessment.findOne({ reassessmentOf: w.id }).lean();
    expect(inEnglish(next!.reassessmentReasons!)).toMatch(/an incident was reported on/);

    // the disclosing party sees it on the agreement
    const discloserCookie = await sessionCookie(String(w.discloserUser.user._id));
    const agreementId = String(w.agreement._id);
    const view = tabOf(
      await discloserAgreementLoader({
        request: getRequest(`/discloser/agreements/${agreementId}?tab=reassessments`, discloserCookie),
        params: { id: agreementId },
        context: {},
      }),
      "reassessments",
    );
    expect(view.incidents).toHaveLength(1);
    expect(view.incidents[0]).toMatchObject({ supplier: "Tier One Hosting GmbH", timing: { withinCommitment: false } });
    // and the agreement's re-assessment policy, on this tab and with the terms (not only on procurement's edit form)
    expect(view.policy).toMatchObject({ months: { critical: 6, high: 12, medium: 18, low: 24 }, onIncident: true });
    const terms = tabOf(
      await discloserAgreementLoader({
        request: getRequest(`/discloser/agreements/${agreementId}?tab=terms`, discloserCookie),
        params: { id: agreementId },
        context: {},
      }),
      "terms",
    );
    expect(terms.agreement.reassessment).toEqual(view.policy);
  });

  it("tell every party above a tier-2 reporter, each with the time it has left to pass the notice on", async () => {
    const w = await approvedWorld();
    const { createUser } = await import("#tests/fixtures/factories");
    const { loader: supplierIncidentsLoader } = await import("#app/routes/_portal.supplier.incidents");
    const tier2User = await createUser("supplier", { orgId: String(w.tier2._id) });
    const tier2Cookie = await sessionCookie(String(tier2User.user._id));
    const detectedMs = Date.now() - 2 * 3_600_000;
    const res = (await incidentAction({
      request: formRequest(
        "/supplier/incidents",
        {
          agreementId: String(w.agreement._id),
          detectedAt: new Date(detectedMs).toISOString().slice(0, 16),
          classes: "internal",
          description: "A backup bucket was readable without authentication for a day.",
        },
        tier2Cookie,
      ),
      params: {},
      context: {},
    })) as Response;
    expect(res.status).toBe(302);
    const incident = (await Incident.findOne({ supplierOrgId: w.tier2._id }).lean())!;
    expect(incident.timing.path).toEqual([String(w.tier2._id), String(w.tier1._id)]);
    const mails = await Outbox.find({ kind: "incident", relatedId: String(w.agreement._id) }).lean();
    const to = (email: string) => mails.find((m) => m.to === email)?.text ?? "";
    // the tier-1 parent is told as well as procurement and the disclosing party; the reporter is not
    expect(mails.map((m) => m.to).sort()).toEqual(
      [w.supplierUser.user.email, w.procurement.user.email, w.discloserUser.user.email].sort(),
    );
    // detection + 72 h window; after tier 1 only the recipient's 24 h remain: tier 1 has 72 - 24 - ~2 h
    const deadline = new Date(Math.floor(detectedMs / 60_000) * 60_000 + 72 * 3_600_000);
    // the e-mails show moments as Intl does, in the recipient's language (English here), in UTC
    const minute = (d: Date) => formatMoment("en", d);
    expect(to(w.supplierUser.user.email)).toContain(
      `tell ${w.recipient.name} (the recipient) by ${minute(new Date(deadline.getTime() - 24 * 3_600_000))}: `,
    );
    expect(to(w.supplierUser.user.email)).toMatch(/: (45\.\d|46) h from this report\. You committed to 12 h\./);
    expect(to(w.procurement.user.email)).toContain(`tell the disclosing party by ${minute(deadline)}: `);
    expect(to(w.procurement.user.email)).toMatch(/: (69\.\d|70) h from this report\. You committed to 24 h\./);
    expect(to(w.discloserUser.user.email)).toContain(`The disclosing party must know by ${minute(deadline)}`);

    // the tier-1 supplier finds it on its incidents page, beside its own reports
    const page = (await supplierIncidentsLoader({
      request: getRequest("/supplier/incidents", w.supplierCookie),
      params: {},
      context: {},
    })) as { incidents: unknown[]; below: { id: string; supplier: string }[] };
    expect(page.incidents).toEqual([]);
    expect(page.below).toEqual([expect.objectContaining({ id: String(incident._id), supplier: w.tier2.name })]);
  });

  it("refuses a report in the future, without information classes, or under someone else's agreement, and stores nothing", async () => {
    const w = await approvedWorld();
    const other = await createAssessmentWorld();
    const future = new Date(Date.now() + 3 * 3_600_000).toISOString().slice(0, 16);
    const attempts = [
      {
        fields: {
          agreementId: String(w.agreement._id),
          detectedAt: future,
          classes: "internal",
          description: "Something odd happened here.",
        },
        field: "detectedAt",
      },
      {
        fields: {
          agreementId: String(w.agreement._id),
          detectedAt: "2026-13-45T99:00",
          classes: "internal",
          description: "Something odd happened here.",
        },
        field: "detectedAt",
      },
      {
        fields: {
          agreementId: String(w.agreement._id),
          detectedAt: new Date().toISOString().slice(0, 16),
          description: "Something odd happened here.",
        },
        field: "classes",
      },
      {
        fields: {
          agreementId: String(other.agreement._id),
          detectedAt: new Date().toISOString().slice(0, 16),
          classes: "internal",
          description: "Something odd happened here.",
        },
        field: "agreementId",
      },
    ];
    for (const a of attempts) {
      const res = await incidentAction({
        request: formRequest("/supplier/incidents", a.fields as Record<string, string>, w.supplierCookie),
        params: {},
        context: {},
      });
      expect(res).toBeRefused(a.field);
    }
    expect(
      await Incident.countDocuments({ agreementId: mongoose.trusted({ $in: [w.agreement._id, other.agreement._id] }) }),
    ).toBe(0);
  });
});
