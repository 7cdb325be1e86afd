import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { formRequest, getRequest, sessionCookie } from "#tests/fixtures/factories";
import { tabOf } from "#tests/fixtures/agreement-page";
import { createAgreement, createAgreementParties, multiFormRequest } from "#tests/fixtures/agreements";
import { createAssessmentWorld } from "#tests/fixtures/assessments";
import { certify, createEndedAgreement, endAgreement } from "#tests/fixtures/lifecycle";
import { mintToken, respond, served } from "#tests/helpers/api";
import { replyOf } from "#tests/helpers/responses";
import { addDaysIso, addMonthsIso } from "#app/scoring/dates";
import { todayIso } from "#models/today";

setupTestDatabase();

const { loader: procurementPage } = await import("#app/routes/_portal.procurement.agreements.$id._index");
const { loader: discloserPage } = await import("#app/routes/_portal.discloser.agreements.$id");
const { loader: procurementList } = await import("#app/routes/_portal.procurement.agreements._index");
const { loader: discloserList } = await import("#app/routes/_portal.discloser._index");
const { action: editAction, loader: editLoader } = await import("#app/routes/_portal.procurement.agreements.$id.edit");
const { action: sendAction, loader: sendLoader } = await import("#app/routes/_portal.procurement.assessments.new");
const { action: supplierSubcontractors } = await import("#app/routes/_portal.supplier.agreements.$id.subcontractors");
const { action: decideSubcontractors } = await import("#app/routes/_portal.procurement.agreements.$id.subcontractors");
const sendRoute = await served(import("#app/routes/api.v1.agreements.$id.assessments"));
const { sendDueReassessments } = await import("#app/features/reassessment/reassessment.server");
const { Agreement } = await import("#models/agreement.server");
const { Assessment } = await import("#models/assessment.server");
const { Milestone } = await import("#models/lifecycle.server");

const today = todayIso();

async function page(role: "procurement" | "discloser", id: string, cookie: string) {
  const args = { request: getRequest(`/${role}/agreements/${id}?tab=lifecycle`, cookie), params: { id }, context: {} };
  return (role === "procurement" ? procurementPage(args) : discloserPage(args)) as ReturnType<typeof discloserPage>;
}

/** An agreement ended 40 days ago (due 10 days ago) whose survival runs 60 months: tier 1 certified, tier 2 not. */
async function inSurvival() {
  const w = await createEndedAgreement({
    endedOn: addDaysIso(today, -40),
    destroyWithinDays: 30,
    note: "Terminated for convenience",
  });
  await certify(w.tier1Request._id, w.tier1User.user._id);
  return w;
}

/** An agreement ended three years ago with a twelve-month survival: archived. */
async function archived() {
  return createEndedAgreement({ endedOn: addMonthsIso(today, -36), survivalMonths: 12 });
}

describe("an agreement in survival", () => {
  it("shows its state on every tab, how it ended and the holders that have not certified, highlighted", async () => {
    const w = await inSurvival();
    const id = String(w.agreement._id);
    const survivalEnds = addMonthsIso(addDaysIso(today, -40), 60);
    const cookie = await sessionCookie(String(w.procurement.user._id));
    for (const tab of ["compliance", "chain", "terms", "reports"]) {
      const other = await procurementPage({
        request: getRequest(`/procurement/agreements/${id}?tab=${tab}`, cookie),
        params: { id },
        context: {},
      });
      expect(other.header.lifecycle).toEqual({ state: "in-survival", survivalEnds });
    }
    const p = tabOf(await page("procurement", id, cookie), "lifecycle");
    expect(p.lifecycle.lifecycle.end).toMatchObject({
      kind: "termination",
      effectiveDate: addDaysIso(today, -40),
      survivalEnds,
      recordedByName: "Petra Procurement",
      note: "Terminated for convenience",
    });
    // tier 2 has not certified; tier 1 certified its own part but answers for tier 2: both outstanding, overdue 10 days
    expect(p.lifecycle.destruction).toMatchObject({ holders: 2, complete: 0 });
    expect(p.lifecycle.destruction.outstanding).toEqual([
      expect.objectContaining({
        name: "Tier One Hosting GmbH",
        tier: 1,
        state: "overdue",
        overdueDays: 10,
        waitingOn: 1,
      }),
      expect.objectContaining({ name: "株式会社ティアツー", tier: 2, state: "overdue", overdueDays: 10, waitingOn: 0 }),
    ]);
    expect(p.lifecycle.termEnded).toBeNull();

    // the disclosing party sees the same
    const d = tabOf(await page("discloser", id, await sessionCookie(String(w.discloserUser.user._id))), "lifecycle");
    expect(d.header.lifecycle.state).toBe("in-survival");
    expect(d.lifecycle.destruction).toEqual(p.lifecycle.destruction);

    // once tier 2 certifies, nobody is outstanding
    await certify(w.tier2Request._id, w.tier2User.user._id);
    const after = tabOf(await page("procurement", id, cookie), "lifecycle");
    expect(after.lifecycle.destruction).toMatchObject({ holders: 2, complete: 2, outstanding: [] });
  });

  it("is listed with its state and the day survival ends, for procurement and the disclosing party", async () => {
    const w = await inSurvival();
    const running = await createAgreement(w);
    const lists = [
      (await procurementList({
        request: getRequest("/procurement/agreements", await sessionCookie(String(w.procurement.user._id))),
        params: {},
        context: {},
      })) as { agreements: { id: string; lifecycle: unknown }[] },
      (await discloserList({
        request: getRequest("/discloser", await sessionCookie(String(w.discloserUser.user._id))),
        params: {},
        context: {},
      })) as { agreements: { id: string; lifecycle: unknown }[] },
    ];
    for (const list of lists) {
      expect(list.agreements.find((a) => a.id === String(w.agreement._id))!.lifecycle).toEqual({
        state: "in-survival",
        survivalEnds: addMonthsIso(addDaysIso(today, -40), 60),
      });
      expect(list.agreements.find((a) => a.id === String(running._id))!.lifecycle).toEqual({
        state: "active",
        survivalEnds: null,
      });
    }
  });

  it("says when the term has ended without a recorded end, with the way to record it", async () => {
    const p = await createAgreementParties();
    const a = await createAgreement(p, { effectiveDate: "2024-01-01", endDate: addDaysIso(today, -2) });
    const cookie = await sessionCookie(String(p.procurement.user._id));
    const v = tabOf(await page("procurement", String(a._id), cookie), "lifecycle");
    expect(v.header.lifecycle.state).toBe("active");
    expect(v.lifecycle.termEnded).toBe(addDaysIso(today, -2));
  });

  it("sends no new questionnaire under it (form, action and API) and no scheduled re-assessment", async () => {
    const w = await createAssessmentWorld({ status: "approved" });
    await endAgreement(w, w.agreement, { endedOn: addDaysIso(today, -5) });
    const id = String(w.agreement._id);
    const cookie = await sessionCookie(String(w.procurement.user._id));
    const before = await Assessment.countDocuments({ agreementId: id });

    // the form does not offer it; posting it anyway is refused, with what was typed kept
    const form = await sendLoader({
      request: getRequest("/procurement/assessments/new", cookie),
      params: {},
      context: {},
    });
    expect(form.agreements.map((a) => a.id)).not.toContain(id);
    const fields = {
      agreementId: id,
      supplierOrgId: String(w.tier2._id),
      templateId: "short-low-risk",
      dueDate: "2099-01-01",
      emails: "someone@tier2.example",
    };
    const refused = await sendAction({
      request: formRequest("/procurement/assessments/new", fields, cookie),
      params: {},
      context: {},
    });
    expect(refused).toBeRefused("agreementId", /ended on .*no new questionnaires are sent under it/);
    expect(replyOf(refused).data.values).toMatchObject(fields);

    // the API refuses with a problem
    const { token } = await mintToken(w.procurement.user._id, "read-write");
    const api = await respond(() =>
      sendRoute.action!({
        request: new Request(`http://localhost/api/v1/agreements/${id}/assessments`, {
          method: "POST",
          headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
          body: JSON.stringify({
            supplierId: String(w.tier2._id),
            templateId: "short-low-risk",
            dueDate: "2099-01-01",
            recipients: ["api@tier2.example"],
          }),
        }),
        params: { id },
        context: {},
      }),
    );
    expect(api.status).toBe(422);
    expect(api.headers.get("Content-Type")).toMatch(/application\/problem\+json/);
    expect(((await api.json()) as { detail: string }).detail).toMatch(/no new questionnaires are sent under it/);

    // the approval's re-assessment falls due in a year or more: by then the agreement has ended, nothing is sent
    const run = await sendDueReassessments({
      now: new Date(`${addMonthsIso(today, 30)}T09:00:00Z`),
      agreementId: id,
      origin: "http://localhost",
    });
    expect(run.created).toEqual([]);
    expect(await Assessment.countDocuments({ agreementId: id })).toBe(before);

    // the same approval without the end would be re-assessed: the refusal is the end's doing
    await Milestone.deleteOne({ agreementId: w.agreement._id });
    const control = await sendDueReassessments({
      now: new Date(`${addMonthsIso(today, 30)}T09:00:00Z`),
      agreementId: id,
      origin: "http://localhost",
    });
    expect(control.created).toHaveLength(1);
  });
});

describe("an archived agreement", () => {
  it("is read-only: the edit page shows why and no form, and the edit is refused with nothing changed", async () => {
    const w = await archived();
    const id = String(w.agreement._id);
    const cookie = await sessionCookie(String(w.procurement.user._id));
    const header = await page("procurement", id, cookie);
    expect(header.header.lifecycle.state).toBe("archived");

    const form = await editLoader({
      request: getRequest(`/procurement/agreements/${id}/edit`, cookie),
      params: { id },
      context: {},
    });
    expect(form.archived).toEqual({ survivalEnded: addMonthsIso(addMonthsIso(today, -36), 12) });

    const stored = await Agreement.findById(id).lean();
    const res = await editAction({
      request: multiFormRequest(
        `/procurement/agreements/${id}/edit`,
        { ...(form.values as Record<string, string | string[]>), revision: String(form.revision), title: "Renamed" },
        cookie,
      ),
      params: { id },
      context: {},
    });
    expect(res).toBeRefused(/archived .*read-only, so nothing was changed/);
    expect(replyOf(res).data.values).toMatchObject({ title: "Renamed" });
    const after = await Agreement.findById(id).lean();
    expect(after!.title).toBe(stored!.title);
    expect(after!.revision).toBe(stored!.revision);
  });

  it("refuses chain changes: a supplier declaring a subcontractor, procurement deciding one", async () => {
    const w = await archived();
    const id = String(w.agreement._id);
    const declared = await supplierSubcontractors({
      request: formRequest(
        `/supplier/agreements/${id}/subcontractors`,
        { intent: "declare", name: "Late Sub Ltd", country: "GB", service: "Printing" },
        await sessionCookie(String(w.tier1User.user._id)),
      ),
      params: { id },
      context: {},
    });
    expect(declared).toBeRefused(/archived .*read-only/);
    const decided = await decideSubcontractors({
      request: formRequest(
        `/procurement/agreements/${id}/subcontractors`,
        { intent: "accept", proposalId: "000000000000000000000000" },
        await sessionCookie(String(w.procurement.user._id)),
      ),
      params: { id },
      context: {},
    });
    expect(decided).toBeRefused(/archived .*read-only/);
    expect((await Agreement.findById(id).lean())!.chain).toHaveLength(2);
  });

  it("still lets procurement generate its report", async () => {
    const w = await archived();
    const id = String(w.agreement._id);
    const cookie = await sessionCookie(String(w.procurement.user._id));
    const { action } = await import("#app/routes/_portal.procurement.agreements.$id._index");
    const res = (await action({
      request: formRequest(`/procurement/agreements/${id}?tab=reports`, { intent: "report" }, cookie),
      params: { id },
      context: {},
    })) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toMatch(/tab=reports&report=1/);
  });
});
