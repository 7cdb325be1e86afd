import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { createAssessmentWorld, SHORT_TEMPLATE_GOOD_ANSWERS } from "#tests/fixtures/assessments";
import { createUser, formRequest, getRequest, loadAs, sessionCookie } from "#tests/fixtures/factories";
import { keepProfileAnswers } from "#tests/fixtures/profile-answers";
import { replyOf, responseOf, thrown } from "#tests/helpers/responses";

setupTestDatabase();

const profileRoute = await import("#app/routes/_portal.supplier.profile");
const editRoute = await import("#app/routes/_portal.supplier.profile_.$answerId");
const { runInLocale } = await import("#app/lib/locale-scope.server");
const { ProfileAnswer, ProfileChange } = await import("#models/supplier-profile.server");
const { AuditEvent } = await import("#models/audit-event.server");
const { Certification } = await import("#models/certification.server");
const { answerHref } = await import("#app/features/profile/links");
const { storeEvidence } = await import("#app/features/evidence/evidence.server");
const { default: deTable } = await import("#questionnaires/locales/de.json");
const de: { strings: Record<string, string> } = deTable;

type World = Awaited<ReturnType<typeof createAssessmentWorld>>;
const PLAN = fs.readFileSync("tests/fixtures/files/incident-plan.pdf");

/** A supplier whose profile holds the answers of its submitted questionnaire, three of them confirmed again at `at`. */
async function supplierWithProfile(at = new Date()) {
  const w = await createAssessmentWorld({ status: "submitted" });
  const orgId = String(w.tier1._id);
  const ids = await keepProfileAnswers(
    orgId,
    { orgLegalName: "Tier One Hosting GmbH", tlsMinimum: "tls13", confUndertaking: true },
    { assessmentId: String(w.assessment._id), at },
  );
  return { w, orgId, ids, userId: w.supplierUser.user._id };
}

const profilePage = (userId: unknown) => loadAs(profileRoute.loader, "/supplier/profile", userId);

async function editPage(userId: unknown, answerId: string) {
  return loadAs(editRoute.loader, answerHref(answerId), userId, { answerId });
}

/** Saves `value` as the edit form sends it (JSON), or `raw` text as a broken form would. */
async function save(userId: unknown, answerId: string, value: unknown, revision: number, raw = false) {
  const request = formRequest(
    answerHref(answerId),
    { intent: "save", value: raw ? String(value) : JSON.stringify(value), revision: String(revision) },
    await sessionCookie(String(userId)),
  );
  return editRoute.action({ request, params: { answerId }, context: {} });
}

async function confirm(userId: unknown, answerId: string, revision: number) {
  const request = formRequest(
    "/supplier/profile",
    { intent: "confirm", answerId, revision: String(revision) },
    await sessionCookie(String(userId)),
  );
  return profileRoute.action({ request, params: {}, context: {} });
}

const kept = async (id: string) => (await ProfileAnswer.findById(id).lean())!;

describe("the supplier's profile page", () => {
  it("lists the kept answers by section, with where each came from and the certificates", async () => {
    const { w, orgId, userId } = await supplierWithProfile();
    await Certification.create({
      supplierOrgId: orgId,
      standard: "ISO/IEC 27001:2022",
      certificateNumber: "DE-1234",
      issueDate: "2025-01-01",
      expiryDate: "2099-01-01",
    });
    const { view } = await profilePage(userId);
    // the submission kept every answer it gave
    expect(view.total).toBe(Object.keys(SHORT_TEMPLATE_GOOD_ANSWERS).length);
    const sections = view.sections.map((s) => s.section);
    expect(sections.filter((s) => ["organisation", "confidentiality", "encryption"].includes(s))).toEqual([
      "organisation",
      "confidentiality",
      "encryption",
    ]);
    const answerTo = (name: string) => view.sections.flatMap((s) => s.answers).find((a) => a.name === name)!;
    const tls = answerTo("tlsMinimum");
    expect(tls.question).toBe(
      "What is the minimum protocol version accepted on connections that carry the Confidential Information?",
    );
    expect(tls.answer).toBe("TLS 1.3");
    expect(tls.source).toEqual({
      kind: "submission",
      agreement: w.agreement.reference,
      customer: w.recipient.name,
    });
    expect(answerTo("confUndertaking").answer).toBe("Yes");
    expect(view.certificates).toEqual([
      expect.objectContaining({ standard: "ISO/IEC 27001:2022", number: "DE-1234", expired: false }),
    ]);
  });

  it("says questions and answers in the reader's language; typed answers as typed", async () => {
    const { userId } = await supplierWithProfile();
    const cookie = await sessionCookie(String(userId));
    const load = () =>
      profileRoute.loader({ request: getRequest("/supplier/profile", cookie), params: {}, context: {} });
    const [en, german] = [await load(), await runInLocale("de", load)];
    const answers = (page: typeof en) => page.view.sections.flatMap((s) => s.answers);
    const find = (page: typeof en, name: string) => answers(page).find((a) => a.name === name)!;
    expect(find(german, "tlsMinimum").question).toBe(de.strings[find(en, "tlsMinimum").question]);
    expect(find(german, "tlsMinimum").answer).toBe(de.strings[find(en, "tlsMinimum").answer]);
    expect(find(german, "confUndertaking").answer).toBe("Ja");
    expect(find(german, "orgLegalName").answer).toBe("Tier One Hosting GmbH");
  });

  it("is empty, with nothing to confirm, until a questionnaire is submitted", async () => {
    const { user } = await createUser("supplier");
    const { view } = await profilePage(user._id);
    expect(view).toMatchObject({ total: 0, sections: [] });
  });

  it("confirms an answer as still true: today, in its history and the audit trail", async () => {
    const monthsAgo = new Date(Date.now() - 200 * 86_400_000);
    const { orgId, ids, userId } = await supplierWithProfile(monthsAgo);
    const response = await responseOf(() => confirm(userId, ids.tlsMinimum!, 0));
    expect(response.status).toBe(302);
    const answer = await kept(ids.tlsMinimum!);
    expect(answer.value).toBe("tls13");
    expect(Date.now() - new Date(answer.confirmedAt).getTime()).toBeLessThan(60_000);
    expect(answer.source.kind).toBe("profile");
    const history = await ProfileChange.find({ answerId: ids.tlsMinimum }).sort({ at: -1 }).lean();
    expect(history.map((h) => h.kind)).toEqual(["confirmed", "changed"]);
    expect(
      await AuditEvent.countDocuments({
        action: "profile.answer.confirm",
        targetType: "organization",
        targetId: orgId,
      }),
    ).toBe(1);
  });
});

describe("editing a profile answer", () => {
  it("shows the question pre-filled as its questionnaire asks it", async () => {
    const { ids, userId } = await supplierWithProfile();
    const page = await editPage(userId, ids.tlsMinimum!);
    expect(page.value).toBe("tls13");
    expect(page.revision).toBe(0);
    const elements = (page.survey as { pages: { elements: { name: string; type: string }[] }[] }).pages[0]!.elements;
    expect(elements).toEqual([expect.objectContaining({ name: "tlsMinimum", type: "radiogroup" })]);
    expect(page.history).toHaveLength(1);
  });

  it("saves a new value and keeps the old one in the history, newest first", async () => {
    const { w, orgId, ids, userId } = await supplierWithProfile();
    const response = await responseOf(() => save(userId, ids.tlsMinimum!, "tls12", 0));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`${answerHref(ids.tlsMinimum!)}?saved=1`);
    const answer = await kept(ids.tlsMinimum!);
    expect(answer).toMatchObject({ value: "tls12", revision: 1, source: { kind: "profile" } });
    const page = await editPage(userId, ids.tlsMinimum!);
    expect(page.history.map((h) => [h.kind, h.answer, h.source.kind])).toEqual([
      ["changed", "TLS 1.2", "profile"],
      ["changed", "TLS 1.3", "submission"],
    ]);
    expect(page.history[0]!.by).toBe(w.supplierUser.user.name);
    expect(
      await AuditEvent.countDocuments({ action: "profile.answer.change", targetType: "organization", targetId: orgId }),
    ).toBe(1);
  });

  it("refuses a value the question does not take, keeping what was typed", async () => {
    const { ids, userId } = await supplierWithProfile();
    const reply = replyOf(await save(userId, ids.tlsMinimum!, "tls99", 0));
    expect(reply.status).toBe(400);
    expect(reply.data.errors[""]!.join(" ")).toMatch(/no choice "tls99"/);
    expect(reply.data.values.value).toBe('"tls99"');
    expect((await kept(ids.tlsMinimum!)).value).toBe("tls13");
    const number = replyOf(await save(userId, ids.confUndertaking!, "{not json", 0, true));
    expect(number.status).toBe(400);
    expect(number.data.values.value).toBe("{not json");
  });

  it("links an answer's evidence files, and refuses a file that is not the supplier's own", async () => {
    const { w, orgId, userId } = await supplierWithProfile();
    const other = await createAssessmentWorld();
    const upload = (world: World, fileName: string) =>
      storeEvidence({
        ownerOrgId: String(world.tier1._id),
        uploadedBy: String(world.supplierUser.user._id),
        assessmentId: String(world.assessment._id),
        questionName: "incidentPlanEvidence",
        fileName,
        data: PLAN,
      });
    const mine = await upload(w, "incident-plan.pdf");
    const theirs = await upload(other, "their-plan.pdf");
    const file = (id: string, name: string) => ({ name, type: "application/pdf", content: `/evidence/${id}` });
    const ids = await keepProfileAnswers(orgId, { incidentPlanEvidence: [file(mine.id, "incident-plan.pdf")] });
    const { view } = await profilePage(userId);
    const answer = view.sections.flatMap((s) => s.answers).find((a) => a.name === "incidentPlanEvidence")!;
    expect(answer.evidence).toEqual([{ href: `/evidence/${mine.id}`, name: "incident-plan.pdf" }]);
    const reply = replyOf(await save(userId, ids.incidentPlanEvidence!, [file(theirs.id, "their-plan.pdf")], 0));
    expect(reply.status).toBe(400);
    expect(reply.data.errors[""]!.join(" ")).toMatch(/not yours/);
    expect((await kept(ids.incidentPlanEvidence!)).evidence).toEqual([`/evidence/${mine.id}`]);
  });

  it("refuses a save over a change made meanwhile, showing the current value", async () => {
    const { ids, userId } = await supplierWithProfile();
    expect((await responseOf(() => save(userId, ids.tlsMinimum!, "tls12", 0))).status).toBe(302);
    // a second tab still at revision 0
    const reply = replyOf<{ current: { answer: string; revision: number } }>(
      await save(userId, ids.tlsMinimum!, "legacy", 0),
    );
    expect(reply.status).toBe(409);
    expect(reply.data.current).toMatchObject({ answer: "TLS 1.2", revision: 1 });
    expect(reply.data.values.value).toBe('"legacy"');
    expect(await kept(ids.tlsMinimum!)).toMatchObject({ value: "tls12", revision: 1 });
  });

  it("is a 404 for another supplier organisation's answer, to read and to save", async () => {
    const { ids } = await supplierWithProfile();
    const stranger = await supplierWithProfile();
    const id = ids.tlsMinimum!;
    expect((await thrown(() => editPage(stranger.userId, id))).status).toBe(404);
    expect((await thrown(() => save(stranger.userId, id, "tls12", 0))).status).toBe(404);
    expect((await thrown(() => confirm(stranger.userId, id, 0))).status).toBe(404);
    // the other organisation's own id prefix with this question: not theirs either
    const forged = id.replace(/^[0-9a-f]{24}/, stranger.orgId);
    expect((await thrown(() => editPage(stranger.userId, `${forged}x`))).status).toBe(404);
    expect((await kept(id)).revision).toBe(0);
  });
});
