/**
 * Verdicts that stay true: when the agreement, a certificate or the date
 * changes, every view of the affected results (the assessment, the
 * compliance matrix, the chain, the phase gates, the dashboards and the next
 * report) changes with it, once, and says what it was computed from.
 */
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { formRequest, loadAs, sessionCookie } from "#tests/fixtures/factories";
import { tabOf } from "#tests/fixtures/agreement-page";
import { sayReasons } from "#app/i18n/reasons";
import { createAssessmentWorld, signedInUser } from "#tests/fixtures/assessments";
import { compact, pageTexts } from "#tests/helpers/pdf";

setupTestDatabase();

const { loader: procurementAgreement } = await import("#app/routes/_portal.procurement.agreements.$id._index");
const { loader: discloserAgreement } = await import("#app/routes/_portal.discloser.agreements.$id");
const { loader: reviewLoader, action: reviewAction } = await import("#app/routes/_portal.procurement.assessments.$id");
const { loader: dashboardLoader } = await import("#app/routes/_portal.procurement._index");
const { editAgreementForm, updateAgreementFromForm } = await import(
  "#app/features/agreements/agreement-editing.server"
);
const { refreshAgreementResults, refreshSupplierResults, refreshDueResults } = await import(
  "#app/features/assessments/freshness.server"
);
const { generateAgreementReport, openReport } = await import("#app/features/reports/reports.server");
const { Assessment } = await import("#models/assessment.server");
const { Certification } = await import("#models/certification.server");
const { ScoreRecord } = await import("#models/score-record.server");
const { CELL_CODE } = await import("#app/features/agreements/matrix-html");

type World = Awaited<ReturnType<typeof createAssessmentWorld>>;

/** Stored in the US under standard contractual clauses: fine only where the agreement accepts SCCs. */
const US_UNDER_SCC = { dataLocations: [{ country: "US", purpose: "storage", transferMechanism: "SCC" }] };

async function editAgreement(w: World, change: Record<string, string | string[]>) {
  const user = await signedInUser(w.procurement.user._id);
  const id = String(w.agreement._id);
  const form = await editAgreementForm(user, id);
  return updateAgreementFromForm(
    user,
    id,
    { ...form.values, ...change, revision: String(form.revision) },
    formRequest(`/procurement/agreements/${id}/edit`, {}),
  );
}

async function agreementTab<T extends "compliance" | "chain">(w: World, tab: T) {
  const id = String(w.agreement._id);
  const page = await loadAs(procurementAgreement, `/procurement/agreements/${id}?tab=${tab}`, w.procurement.user._id, {
    id,
  });
  return tabOf(page, tab);
}

async function reviewPage(w: World) {
  const id = String(w.assessment._id);
  return loadAs(reviewLoader, `/procurement/assessments/${id}`, w.procurement.user._id, { id });
}

function locationStatus(page: Awaited<ReturnType<typeof reviewPage>>) {
  return page.result!.requirements.find((r) => r.requirementId === "FD-LOC-01")!.status;
}

async function records(w: World) {
  return ScoreRecord.countDocuments({ assessmentId: w.assessment._id });
}

async function reportText(w: World, userId: unknown, orgId: string, role: string) {
  const report = await generateAgreementReport(
    String(w.agreement._id),
    { id: String(userId), name: "Test", actor: { id: String(userId), email: "t@example.test", orgId } },
    "on_demand",
  );
  const opened = await openReport({ role, orgId }, String(report._id));
  const chunks: Buffer[] = [];
  for await (const chunk of opened!.stream) chunks.push(chunk as Buffer);
  return compact((await pageTexts(Buffer.concat(chunks))).join(" "));
}

describe("editing the agreement's accepted transfer mechanisms", () => {
  it("changes the assessment, the matrix, the chain and the next report together, once, and says so", async () => {
    const w = await createAssessmentWorld({
      status: "submitted",
      answers: US_UNDER_SCC,
      agreement: { acceptedTransferMechanisms: [] },
    });
    const before = await reviewPage(w);
    expect(locationStatus(before)).toBe("not_met");
    expect(before.scoring).toMatchObject({ agreementRevision: 1, currentAgreementRevision: 1 });
    const chainBefore = await agreementTab(w, "chain");
    const link = (c: typeof chainBefore) => c.chain.links.find((l) => l.supplierId === String(w.tier1._id))!;
    expect(link(chainBefore).locationOk).toBe(false);
    expect(await records(w)).toBe(1);

    await editAgreement(w, { acceptedTransferMechanisms: ["SCC"] });

    // the assessment: re-scored against revision 2, with what changed
    const after = await reviewPage(w);
    expect(locationStatus(after)).toBe("met");
    expect(after.scoring).toMatchObject({ agreementRevision: 2, currentAgreementRevision: 2 });
    expect(after.scoring!.history[0].reasons).toContain("The agreement changed (revision 1 → 2).");
    expect(after.scoring!.history[0].changes.join(" ")).toMatch(/FD-LOC-01 .+: not met → met\./);
    // the compliance matrix and the chain read the same result
    const compliance = await agreementTab(w, "compliance");
    const column = compliance.compliance.requirements.findIndex((r) => r.id === "FD-LOC-01");
    const row = compliance.compliance.suppliers.find((s) => s.id === String(w.tier1._id))!;
    expect(row.cells[column]).toBe(CELL_CODE.met);
    expect(link(await agreementTab(w, "chain")).locationOk).toBe(true);
    // the page says which revision its results were computed against, and what changed
    expect(compliance.header.scoring).toMatchObject({ revision: 2, results: 1, current: 1 });
    expect(compliance.header.scoring.changes[0].changes.join(" ")).toContain("FD-LOC-01");
    // the disclosing party sees the same
    const discloserPage = await loadAs(
      discloserAgreement,
      `/discloser/agreements/${String(w.agreement._id)}?tab=compliance`,
      w.discloserUser.user._id,
      { id: String(w.agreement._id) },
    );
    expect(tabOf(discloserPage, "compliance").compliance.suppliers[0].cells[column]).toBe(CELL_CODE.met);
    // the next report states the new result and the revision it was scored against
    const text = await reportText(w, w.procurement.user._id, String(w.recipient._id), "procurement");
    expect(text).toContain(compact("agreement revision 2"));

    // exactly once: loading pages and asking again computes nothing more
    expect(await records(w)).toBe(2);
    expect((await refreshAgreementResults(w.agreement._id, "again")).rescored).toBe(0);
    await reviewPage(w);
    await agreementTab(w, "compliance");
    expect(await records(w)).toBe(2);
  });
});

describe("every kind of agreement edit", () => {
  const edits: {
    name: string;
    change: Record<string, string | string[]>;
    requirement: string;
    from: string | null;
    to: string | null;
  }[] = [
    {
      name: "a shorter breach window with a shorter per-supplier time",
      change: { breachWindowHours: "36", "param.FD-INC-01.notifyWithinHours": "6" },
      requirement: "FD-INC-01",
      from: "met",
      to: "not_met",
    },
    {
      name: "a jurisdiction no longer permitted",
      change: { permittedJurisdictions: "CH, GB" },
      requirement: "FD-LOC-01",
      from: "met",
      to: "not_met",
    },
    {
      name: "a requirement taken out of the agreement",
      change: { requirements: ["FD-CONF-01", "FD-INC-01"] },
      requirement: "FD-LOC-01",
      from: "met",
      to: null,
    },
  ];
  for (const edit of edits) {
    it(`re-scores after ${edit.name}, and the matrix and the assessment agree`, async () => {
      const w = await createAssessmentWorld({ status: "submitted" });
      const status = async () =>
        (await reviewPage(w)).result!.requirements.find((r) => r.requirementId === edit.requirement)?.status ?? null;
      expect(await status()).toBe(edit.from);
      const form = await editAgreementForm(await signedInUser(w.procurement.user._id), String(w.agreement._id));
      const requirements = edit.change.requirements ?? form.values.requirements;
      await editAgreement(w, { ...edit.change, requirements });
      expect(await status()).toBe(edit.to);
      const compliance = await agreementTab(w, "compliance");
      const column = compliance.compliance.requirements.findIndex((r) => r.id === edit.requirement);
      if (edit.to === null) expect(column).toBe(-1);
      else expect(compliance.compliance.suppliers[0].cells[column]).toBe(CELL_CODE[edit.to as "met"]);
      expect(compliance.header.scoring).toMatchObject({ revision: 2, current: 1 });
      expect(await records(w)).toBe(2);
    });
  }
});

describe("certificates and the passing of time", () => {
  it("re-scores once when a certificate is added, even when several instances notice it at the same moment", async () => {
    const w = await createAssessmentWorld({ status: "submitted" });
    const scored = (await Assessment.findById(w.assessment._id).lean())!;
    expect(scored.result!.certifications).toHaveLength(0);
    // another instance filed the certificate; three refreshes race for it
    await Certification.create({
      supplierOrgId: w.tier1._id,
      standard: "ISO/IEC 27001:2022",
      certificateNumber: "DE-2026-7781",
      certificationBody: "TÜV Nord Cert",
      scope: "Cloud hosting",
      issueDate: "2025-06-01",
      expiryDate: "2029-05-31",
    });
    const outcomes = await Promise.all([1, 2, 3].map(() => refreshSupplierResults(w.tier1._id, "certificate added")));
    expect(outcomes.reduce((n, o) => n + o.rescored, 0)).toBe(1);
    expect(await records(w)).toBe(2);
    const now = (await Assessment.findById(w.assessment._id).lean())!;
    expect(now.result!.certifications).toHaveLength(1);
    expect(now.resultBasis!.certificates).toHaveLength(1);
  });

  it("re-scores when a certificate expires as the days pass, and not before", async () => {
    const w = await createAssessmentWorld({ status: "submitted", agreement: { endDate: "2099-05-31" } });
    await Certification.create({
      supplierOrgId: w.tier1._id,
      standard: "ISO/IEC 27001:2022",
      certificateNumber: "DE-2026-1000",
      certificationBody: "TÜV Nord Cert",
      scope: "Cloud hosting",
      issueDate: "2025-06-01",
      expiryDate: "2099-05-31",
    });
    await refreshSupplierResults(w.tier1._id, "certificate added");
    const valid = (await Assessment.findById(w.assessment._id).lean())!;
    expect(valid.result!.certifications[0].valid).toBe(true);
    expect(valid.resultBasis!.validUntil).toBe("2099-05-31");
    const count = await records(w);

    expect((await refreshDueResults("2099-05-30")).changed.map((c) => c.assessmentId)).not.toContain(
      String(w.assessment._id),
    );
    expect(await records(w)).toBe(count);

    const due = await refreshDueResults("2099-06-01");
    expect(due.changed.map((c) => c.assessmentId)).toContain(String(w.assessment._id));
    const expired = (await Assessment.findById(w.assessment._id).lean())!;
    expect(expired.result!.certifications[0].valid).toBe(false);
    expect(expired.result!.evaluationDate).toBe("2099-06-01");
    const latest = await ScoreRecord.findOne({ assessmentId: w.assessment._id }).sort({ computedAt: -1 }).lean();
    expect(sayReasons("en", latest!.reasons)).toEqual([
      "The date passed a certificate's or the agreement's date (now Jun 1, 2099).",
    ]);
  });
});

describe("an approved assessment whose terms change", () => {
  it("keeps the result it was approved on, shows the current one, and is flagged until a reviewer acts", async () => {
    const w = await createAssessmentWorld({ status: "approved" });
    const approved = (await Assessment.findById(w.assessment._id).lean())!;
    expect(approved.approvedResult!.score).toBe(approved.result!.score);
    expect(locationStatus(await reviewPage(w))).toBe("met");

    // Germany, where the supplier stores the information, is no longer permitted
    await editAgreement(w, { permittedJurisdictions: "CH, GB" });

    const page = await reviewPage(w);
    expect(locationStatus(page)).toBe("not_met");
    expect(page.assessment.status).toBe("approved");
    expect(page.scoring!.approved!.requirements.find((r) => r.id === "FD-LOC-01")!.status).toBe("met");
    expect(page.scoring!.drift.join(" ")).toMatch(/FD-LOC-01 .+: met → not met\./);
    const dashboard = await loadAs(dashboardLoader, "/procurement", w.procurement.user._id);
    const row = dashboard.page.rows.find((r) => r.id === String(w.assessment._id))!;
    expect(row.needsReview).toBe(true);
    // the disclosing party's view reads the current result, not the approved one
    const compliance = await agreementTab(w, "compliance");
    expect(compliance.header.scoring.needsReview).toBe(1);

    // approving the current result needs a reason, then clears the flag
    const id = String(w.assessment._id);
    const cookie = await sessionCookie(String(w.procurement.user._id));
    const refused = (await reviewAction({
      request: formRequest(`/procurement/assessments/${id}`, { intent: "reapprove", comment: "ok" }, cookie),
      params: { id },
      context: {},
    })) as { data?: { errors: Record<string, string[]> } } & Response;
    expect(refused).toHaveStatus(400);
    const done = await reviewAction({
      request: formRequest(
        `/procurement/assessments/${id}`,
        { intent: "reapprove", comment: "Data now processed in Switzerland only, per addendum 3." },
        cookie,
      ),
      params: { id },
      context: {},
    });
    expect(done).toRedirectTo(`/procurement/assessments/${id}?done=reapproved`);
    const cleared = await reviewPage(w);
    expect(cleared.scoring!.drift).toEqual([]);
    expect(cleared.scoring!.approved!.requirements.find((r) => r.id === "FD-LOC-01")!.status).toBe("not_met");
  });
});

describe("results computed by older rules or before this was kept", () => {
  it("are re-scored when a page shows them", async () => {
    const w = await createAssessmentWorld({ status: "submitted" });
    // as stored before results recorded their basis
    await Assessment.updateOne({ _id: w.assessment._id }, { $set: { resultBasis: null, "summary.basis": null } });
    const { syncAssessmentRow } = await import("#models/assessment-row.server");
    await syncAssessmentRow(w.assessment._id);
    const compliance = await agreementTab(w, "compliance");
    expect(compliance.header.scoring).toMatchObject({ results: 1, current: 1 });
    const stored = (await Assessment.findById(w.assessment._id).lean())!;
    expect(stored.resultBasis!.agreementRevision).toBe(1);
  });

  it("are re-scored on the next page load after a certificate no writer re-scored, though nothing else changed", async () => {
    const w = await createAssessmentWorld({ status: "submitted" });
    // the page checked its rows and found them current; it remembers that for the same rows and inputs
    expect((await agreementTab(w, "compliance")).header.scoring).toMatchObject({ results: 1, current: 1 });
    expect(await records(w)).toBe(1);
    // another instance filed a certificate and stopped before re-scoring: no row changed
    await Certification.create({
      supplierOrgId: w.tier1._id,
      standard: "ISO/IEC 27001:2022",
      certificateNumber: "DE-2026-4410",
      certificationBody: "TÜV Nord Cert",
      scope: "Cloud hosting",
      issueDate: "2025-06-01",
      expiryDate: "2029-05-31",
    });
    await agreementTab(w, "compliance");
    expect(await records(w)).toBe(2);
    const now = (await Assessment.findById(w.assessment._id).lean())!;
    expect(now.resultBasis!.certificates).toHaveLength(1);
    // and once current, the next load re-scores nothing
    await agreementTab(w, "compliance");
    expect(await records(w)).toBe(2);
  });
});
