import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { createUser, formRequest, getRequest, loadAs, sessionCookie } from "#tests/fixtures/factories";
import { createAssessmentWorld } from "#tests/fixtures/assessments";
import { createAgreementParties } from "#tests/fixtures/agreements";
import { addDaysIso, addMonthsIso } from "#app/scoring/dates";
import { formatDay } from "#app/i18n/format";
import { todayIso } from "#models/today";
import { outcomeOf } from "#tests/fixtures/routes";
import { replyOf } from "#tests/helpers/responses";

/** What an action did: a redirect's status, or a refusal's status and body (errors and what was typed). */
interface Result {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}
async function run(action: () => unknown): Promise<Result> {
  const value = await action();
  if (value instanceof Response) return { status: value.status, body: null };
  const reply = replyOf(value);
  return { status: reply.status, body: reply.data };
}

setupTestDatabase();

const { action: auditsAction, loader: auditsLoader } = await import("#app/routes/_portal.$role.agreements.$id.audits");
const { action: auditAction, loader: auditLoader } = await import(
  "#app/routes/_portal.$role.agreements.$id.audits_.$auditId"
);
const { action: supplierAction, loader: supplierLoader } = await import("#app/routes/_portal.supplier.audits");
const { loader: discloserAgreementLoader } = await import("#app/routes/_portal.discloser.agreements.$id");
const { SupplierAudit, AuditFinding } = await import("#models/supplier-audit.server");
const { Incident } = await import("#models/incident.server");
const { Milestone, milestoneId } = await import("#models/lifecycle.server");
const { Outbox } = await import("#models/outbox.server");
const { AuditEvent } = await import("#models/audit-event.server");

type World = Awaited<ReturnType<typeof world>>;

/** An approved tier-1 assessment under an agreement with one phase, and sessions for everyone involved. */
async function world(agreement: NonNullable<Parameters<typeof createAssessmentWorld>[0]>["agreement"] = {}) {
  const w = await createAssessmentWorld({ status: "approved", agreement });
  const id = String(w.agreement._id);
  return {
    ...w,
    id,
    procurementCookie: await sessionCookie(String(w.procurement.user._id)),
    discloserCookie: await sessionCookie(String(w.discloserUser.user._id)),
    supplierCookie: await sessionCookie(String(w.supplierUser.user._id)),
  };
}

async function post(
  w: World,
  role: "procurement" | "discloser",
  fields: Record<string, string>,
  cookie = role === "procurement" ? w.procurementCookie : w.discloserCookie,
) {
  return run(() =>
    auditsAction({
      request: formRequest(`/${role}/agreements/${w.id}/audits`, fields, cookie),
      params: { role, id: w.id },
      context: {},
    }),
  );
}

const schedule = (w: World, role: "procurement" | "discloser", date: string, extra: Record<string, string> = {}) =>
  post(w, role, {
    intent: "schedule",
    supplierId: String(w.tier1._id),
    scheduledFor: date,
    scope: "Access control and backups",
    ...extra,
  });

async function detail(w: World, auditId: string, fields: Record<string, string>, role = "procurement" as const) {
  return run(() =>
    auditAction({
      request: formRequest(`/${role}/agreements/${w.id}/audits/${auditId}`, fields, w.procurementCookie),
      params: { role, id: w.id, auditId },
      context: {},
    }),
  );
}

async function incidentOf(w: World, supplierOrgId = w.tier1._id) {
  return Incident.create({
    agreementId: w.agreement._id,
    supplierOrgId,
    recipientOrgId: w.recipient._id,
    discloserOrgId: w.discloser._id,
    reportedById: w.supplierUser.user._id,
    reportedByName: "Supplier",
    detectedAt: new Date(Date.now() - 3_600_000),
    reportedAt: new Date(),
    classes: ["confidential"],
    description: "Ransomware on a backup host",
    timing: { delayHours: 1, discloserDeadline: new Date().toISOString(), path: [] },
  });
}

const body = async (res: Result) => res.body;

describe("scheduling an audit", () => {
  it("accepts a date within the notice period, tells the supplier and records it; refuses a shorter notice naming the earliest date", async () => {
    const w = await world();
    const today = todayIso();
    const tooSoon = await schedule(w, "procurement", addDaysIso(today, 29));
    expect(tooSoon.status).toBe(400);
    const refused = await body(tooSoon);
    expect(refused.errors.scheduledFor[0]).toContain(formatDay("en", addDaysIso(today, 30)));
    expect(refused.values).toMatchObject({ scheduledFor: addDaysIso(today, 29), scope: "Access control and backups" });
    expect(await SupplierAudit.countDocuments({ agreementId: w.agreement._id })).toBe(0);

    const ok = await schedule(w, "procurement", addDaysIso(today, 30));
    expect(ok.status).toBe(302);
    const audit = (await SupplierAudit.findOne({ agreementId: w.agreement._id }).lean())!;
    expect(audit).toMatchObject({ status: "scheduled", noticeGivenOn: today, auditorRole: "procurement", seq: 1 });
    const mails = await Outbox.find({ kind: "supplier-audit", to: w.supplierUser.user.email }).lean();
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain("Access control and backups");
    expect(mails[0].text).toContain(formatDay("en", addDaysIso(today, 30)));
    expect(
      await AuditEvent.exists({
        action: "supplier-audit.schedule",
        targetId: w.id,
        "details.audit": String(audit._id),
      }),
    ).not.toBeNull();

    // the agreement's page lists it
    const page = await loadAs(auditsLoader, `/discloser/agreements/${w.id}/audits`, w.discloserUser.user._id, {
      role: "discloser",
      id: w.id,
    });
    expect(page.audits.map((a) => a.scheduledFor)).toEqual([addDaysIso(today, 30)]);
  });

  it("waives the notice after one of the supplier's incidents under the agreement, and only then", async () => {
    const w = await world({ auditRights: { noticeDays: 30, auditsPerYear: 3 } });
    const today = todayIso();
    const other = await incidentOf(w, w.tier2._id);
    const noIncident = await schedule(w, "discloser", today, { afterIncident: "yes", incidentId: "" });
    expect(noIncident.status).toBe(400);
    expect((await body(noIncident)).errors.incidentId).toHaveLength(1);
    const othersIncident = await schedule(w, "discloser", today, {
      afterIncident: "yes",
      incidentId: String(other._id),
    });
    expect(othersIncident.status).toBe(400);

    const incident = await incidentOf(w);
    const ok = await schedule(w, "discloser", today, { afterIncident: "yes", incidentId: String(incident._id) });
    expect(ok.status).toBe(302);
    const audit = (await SupplierAudit.findOne({ agreementId: w.agreement._id }).lean())!;
    expect(String(audit.afterIncidentId)).toBe(String(incident._id));
    expect(audit.auditorRole).toBe("discloser");
    // not in the past, even after an incident
    const past = await schedule(w, "discloser", addDaysIso(today, -1), {
      afterIncident: "yes",
      incidentId: String(incident._id),
    });
    expect(past.status).toBe(400);
  });

  it("keeps to the yearly limit over a rolling twelve months, counting both parties' audits but not cancelled ones", async () => {
    const w = await world({ auditRights: { noticeDays: 10, auditsPerYear: 1 } });
    const first = addDaysIso(todayIso(), 20);
    expect((await schedule(w, "procurement", first)).status).toBe(302);
    // the disclosing party's audit 11 months later falls in the same twelve months
    const second = await schedule(w, "discloser", addMonthsIso(first, 11));
    expect(second.status).toBe(400);
    const message = (await body(second)).errors.scheduledFor[0] as string;
    expect(message).toContain(formatDay("en", first));
    expect(message).toContain(formatDay("en", addDaysIso(addMonthsIso(first, 12), -1)));
    // twelve months later it is a new year
    expect((await schedule(w, "discloser", addMonthsIso(first, 12))).status).toBe(302);

    // a cancelled audit frees its place (only its auditor may cancel, after confirming in the page)
    const audit = (await SupplierAudit.findOne({ agreementId: w.agreement._id, scheduledFor: first }).lean())!;
    const byOther = await post(w, "discloser", { intent: "cancel", auditId: String(audit._id) });
    expect(byOther.status).toBe(400);
    expect((await post(w, "procurement", { intent: "cancel", auditId: String(audit._id) })).status).toBe(302);
    expect((await SupplierAudit.findById(audit._id).lean())!.status).toBe("cancelled");
    // (the day before the first: its twelve months end before the disclosing party's audit)
    expect((await schedule(w, "procurement", addDaysIso(first, -1))).status).toBe(302);
  });

  it("books exactly one audit when several people schedule at the limit at once", async () => {
    const w = await world({ auditRights: { noticeDays: 10, auditsPerYear: 1 } });
    const date = addDaysIso(todayIso(), 15);
    const results = await Promise.all([
      schedule(w, "procurement", date),
      schedule(w, "discloser", addDaysIso(date, 3)),
      schedule(w, "procurement", addDaysIso(date, 5)),
      schedule(w, "discloser", addDaysIso(date, 7)),
    ]);
    expect(results.filter((r) => r.status === 302)).toHaveLength(1);
    expect(results.filter((r) => r.status === 400)).toHaveLength(3);
    expect(await SupplierAudit.countDocuments({ agreementId: w.agreement._id, status: "scheduled" })).toBe(1);
  });

  it("is refused once the agreement is archived", async () => {
    const w = await world();
    await Milestone.create({
      _id: milestoneId(w.id, "termination"),
      agreementId: w.agreement._id,
      recipientOrgId: w.recipient._id,
      discloserOrgId: w.discloser._id,
      kind: "termination",
      classes: ["internal"],
      effectiveDate: "2020-01-01",
      destroyWithinDays: 30,
      certificateRequired: false,
      dueDate: "2020-01-31",
      survivalMonths: 12,
      survivalEnds: "2021-01-01",
      recordedById: w.procurement.user._id,
      recordedByName: "Procurement",
      recordedAt: new Date("2020-01-01T00:00:00Z"),
    });
    const res = await schedule(w, "procurement", addDaysIso(todayIso(), 40));
    expect(res.status).toBe(400);
    expect((await body(res)).errors[""][0]).toMatch(/archived/);
  });

  it("keeps what was typed when the input is bad, and gives other organisations a 404", async () => {
    const w = await world();
    const res = await post(w, "procurement", {
      intent: "schedule",
      supplierId: "nonsense",
      scheduledFor: "2027-02-30",
      scope: "",
    });
    expect(res.status).toBe(400);
    const b = await body(res);
    expect(Object.keys(b.errors).sort()).toEqual(["scheduledFor", "scope", "supplierId"]);
    expect(b.values).toMatchObject({ supplierId: "nonsense", scheduledFor: "2027-02-30" });

    const stranger = await createAgreementParties();
    const strangerCookie = await sessionCookie(String(stranger.procurement.user._id));
    expect(
      await outcomeOf(() =>
        auditsLoader({
          request: getRequest(`/procurement/agreements/${w.id}/audits`, strangerCookie),
          params: { role: "procurement", id: w.id },
          context: {},
        }),
      ),
    ).toBe(404);
    expect(
      await outcomeOf(() =>
        post(
          w,
          "procurement",
          {
            intent: "schedule",
            supplierId: String(w.tier1._id),
            scheduledFor: addDaysIso(todayIso(), 40),
            scope: "Everything",
          },
          strangerCookie,
        ),
      ),
    ).toBe(404);
    // a supplier is not an auditor
    expect(
      await outcomeOf(() =>
        auditsLoader({
          request: getRequest(`/supplier/agreements/${w.id}/audits`, w.supplierCookie),
          params: { role: "supplier", id: w.id },
          context: {},
        }),
      ),
    ).toBe(404);
  });
});

/** The compliance tab's view of tier 1 on `requirement`: its cell code, finding, and the phase's clearance. */
async function verdict(w: World, requirement: string) {
  const page = (await loadAs(
    discloserAgreementLoader,
    `/discloser/agreements/${w.id}?tab=compliance`,
    w.discloserUser.user._id,
    { id: w.id },
  )) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
  const c = page.compliance;
  const i = c.requirements.findIndex((r: { id: string }) => r.id === requirement);
  const s = c.suppliers.find((x: { id: string }) => x.id === String(w.tier1._id));
  const clearance = c.clearances.find((x: { supplierId: string }) => x.supplierId === String(w.tier1._id));
  return {
    cell: s.cells[i] as string,
    computed: s.computed[requirement] as string | undefined,
    finding: s.findingCells?.[i] as string | undefined,
    cleared: clearance?.cleared as boolean,
    reasons: JSON.stringify(clearance?.reasons ?? []),
  };
}

describe("outcome and findings", () => {
  it("records the outcome and a finding that holds the verdict down until it is closed; the supplier answers it", async () => {
    const probe = await world();
    // a requirement the approved assessment meets
    const before = await loadAs(
      discloserAgreementLoader,
      `/discloser/agreements/${probe.id}?tab=compliance`,
      probe.discloserUser.user._id,
      { id: probe.id },
    );
    const c = (before as any).compliance; // eslint-disable-line @typescript-eslint/no-explicit-any
    const row = c.suppliers.find((x: { id: string }) => x.id === String(probe.tier1._id));
    const met = c.requirements.find((_: unknown, i: number) => row.cells[i] === "m").id as string;

    const w = await world({
      auditRights: { noticeDays: 30, auditsPerYear: 2 },
      phases: [
        {
          key: "prototype",
          name: "Prototype",
          classes: ["internal"],
          permittedSupplierIds: [],
          requiredRequirementIds: [met],
        } as never,
      ],
    });
    const baseline = await verdict(w, met);
    expect(baseline.cell).toBe("m");
    expect(baseline.reasons).not.toContain("Open audit finding");

    const incident = await incidentOf(w);
    const today = todayIso();
    expect(
      (await schedule(w, "procurement", today, { afterIncident: "yes", incidentId: String(incident._id) })).status,
    ).toBe(302);
    const audit = (await SupplierAudit.findOne({ agreementId: w.agreement._id }).lean())!;
    const auditId = String(audit._id);

    // findings need an outcome first; the outcome's date cannot be in the future
    const early = await detail(w, auditId, {
      intent: "finding",
      requirementId: met,
      severity: "major",
      description: "x",
      dueDate: addDaysIso(today, 30),
    });
    expect(early.status).toBe(400);
    const future = await detail(w, auditId, {
      intent: "outcome",
      outcome: "findings",
      completedOn: addDaysIso(today, 1),
      summary: "Two gaps",
    });
    expect(future.status).toBe(400);
    expect((await body(future)).values.summary).toBe("Two gaps");
    expect(
      (await detail(w, auditId, { intent: "outcome", outcome: "findings", completedOn: today, summary: "Two gaps" }))
        .status,
    ).toBe(302);

    // the due date comes after the completion
    const sameDay = await detail(w, auditId, {
      intent: "finding",
      requirementId: met,
      severity: "major",
      description: "Backups unencrypted",
      dueDate: today,
    });
    expect(sameDay.status).toBe(400);
    expect((await body(sameDay)).values.description).toBe("Backups unencrypted");
    const added = await detail(w, auditId, {
      intent: "finding",
      requirementId: met,
      severity: "major",
      description: "Backups unencrypted",
      dueDate: addDaysIso(today, 30),
    });
    expect(added.status).toBe(302);
    const finding = (await AuditFinding.findOne({ auditId: audit._id }).lean())!;
    expect(
      await Outbox.countDocuments({ kind: "supplier-audit", to: w.supplierUser.user.email, subject: /finding/ }),
    ).toBe(1);

    // while open: not met, marked as a finding with the computed result kept; the phase gate says why
    const held = await verdict(w, met);
    expect(held).toMatchObject({ cell: "N", computed: "met", finding: "major", cleared: false });
    expect(held.reasons).toContain(`Open audit finding on ${met}`);
    // the agreement report's matrix says what the page says
    const { agreementReportData } = await import("#app/features/reports/reports.server");
    const { Agreement } = await import("#models/agreement.server");
    const reported = await agreementReportData((await Agreement.findById(w.agreement._id).lean()) as never, {
      version: 1,
      generatedAt: new Date().toISOString(),
      generatedBy: "Test",
      verifyUrl: "/verify",
      language: "en",
    });
    const inReport = reported.suppliers.find((s) => s.id === String(w.tier1._id))!.latest!.statuses[met];
    expect(inReport).toMatchObject({ status: "not_met", computedStatus: "met", finding: "major" });

    // the supplier sees it and answers; the auditor is told
    const mine = await loadAs(supplierLoader, "/supplier/audits", w.supplierUser.user._id);
    expect(mine.audits).toHaveLength(1);
    expect(mine.audits[0].findings[0]).toMatchObject({ requirementId: met, state: "open" });
    const empty = await run(() =>
      supplierAction({
        request: formRequest("/supplier/audits", { findingId: String(finding._id), response: "" }, w.supplierCookie),
        params: {},
        context: {},
      }),
    );
    expect(empty.status).toBe(400);
    const answered = await run(() =>
      supplierAction({
        request: formRequest(
          "/supplier/audits",
          { findingId: String(finding._id), response: "Encrypted every backup with AES-256" },
          w.supplierCookie,
        ),
        params: {},
        context: {},
      }),
    );
    expect(answered.status).toBe(302);
    expect(
      await Outbox.countDocuments({ kind: "supplier-audit", to: w.procurement.user.email, subject: /answered/ }),
    ).toBe(1);
    // another supplier cannot answer it
    const other = await createUser("supplier", { orgId: String(w.tier2._id) });
    expect(
      await outcomeOf(async () =>
        supplierAction({
          request: formRequest(
            "/supplier/audits",
            { findingId: String(finding._id), response: "Not mine" },
            await sessionCookie(String(other.user._id)),
          ),
          params: {},
          context: {},
        }),
      ),
    ).toBe(404);

    // overdue once its due date has passed everywhere
    await AuditFinding.updateOne({ _id: finding._id }, { $set: { dueDate: addDaysIso(today, -3) } });
    const late = await loadAs(
      auditLoader,
      `/procurement/agreements/${w.id}/audits/${auditId}`,
      w.procurement.user._id,
      {
        role: "procurement",
        id: w.id,
        auditId,
      },
    );
    expect(late.audit.findings[0]).toMatchObject({ state: "overdue", response: "Encrypted every backup with AES-256" });

    // closing (a note is required) restores the verdict
    expect((await detail(w, auditId, { intent: "close", findingId: String(finding._id), note: "" })).status).toBe(400);
    expect(
      (await detail(w, auditId, { intent: "close", findingId: String(finding._id), note: "Verified on site" })).status,
    ).toBe(302);
    const restored = await verdict(w, met);
    expect(restored).toMatchObject({ cell: "m", finding: undefined, cleared: baseline.cleared });
    expect(restored.reasons).not.toContain("Open audit finding");
    expect(await AuditEvent.exists({ action: "supplier-audit.close-finding", targetId: w.id })).not.toBeNull();
  });

  it("caps a minor finding at partially met, and shows the audits on the agreement's After signature tab", async () => {
    const probe = await world();
    const before = (await loadAs(
      discloserAgreementLoader,
      `/discloser/agreements/${probe.id}?tab=compliance`,
      probe.discloserUser.user._id,
      { id: probe.id },
    )) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    const row = before.compliance.suppliers.find((x: { id: string }) => x.id === String(probe.tier1._id));
    const met = before.compliance.requirements.find((_: unknown, i: number) => row.cells[i] === "m").id as string;
    const w = await world();
    const incident = await incidentOf(w);
    const today = todayIso();
    await schedule(w, "procurement", today, { afterIncident: "yes", incidentId: String(incident._id) });
    const auditId = String((await SupplierAudit.findOne({ agreementId: w.agreement._id }).lean())!._id);
    await detail(w, auditId, { intent: "outcome", outcome: "findings", completedOn: today, summary: "One gap" });
    await detail(w, auditId, {
      intent: "finding",
      requirementId: met,
      severity: "minor",
      description: "Logs kept 60 days, not 90",
      dueDate: addDaysIso(today, 10),
    });
    expect(await verdict(w, met)).toMatchObject({ cell: "P", computed: "met", finding: "minor" });

    const tab = (await loadAs(
      discloserAgreementLoader,
      `/discloser/agreements/${w.id}?tab=lifecycle`,
      w.discloserUser.user._id,
      { id: w.id },
    )) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    const audits = tab.lifecycle.audits;
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ status: "completed", outcome: "findings", afterIncident: true });
    expect(audits[0].findings[0]).toMatchObject({ requirementId: met, severity: "minor", state: "open" });

    // the disclosing party, which did not audit, may neither record nor close it
    const asDiscloser = await loadAs(
      auditLoader,
      `/discloser/agreements/${w.id}/audits/${auditId}`,
      w.discloserUser.user._id,
      {
        role: "discloser",
        id: w.id,
        auditId,
      },
    );
    expect(asDiscloser).toMatchObject({ canRecord: false, canClose: false });
    // an unknown audit id is a 404
    expect(
      await outcomeOf(() =>
        loadAs(auditLoader, `/procurement/agreements/${w.id}/audits/0123456789abcdef01234567`, w.procurement.user._id, {
          role: "procurement",
          id: w.id,
          auditId: "0123456789abcdef01234567",
        }),
      ),
    ).toBe(404);
  });
});
