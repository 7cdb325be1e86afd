import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { createUser, formRequest, getRequest, jsonRequest, sessionCookie } from "#tests/fixtures/factories";
import { createAssessmentWorld, SHORT_TEMPLATE_GOOD_ANSWERS } from "#tests/fixtures/assessments";
import { answersToEverything, secondRecipient, sendQuestionnaire } from "#tests/fixtures/profile";
import { Model } from "survey-core";
import { askedTemplateFor } from "#app/features/assessments/survey-model.server";

setupTestDatabase();

const { action: saveAction } = await import("#app/routes/api.assessments.$id.answers");
const { action: supplierAction, loader: questionnaireLoader } = await import(
  "#app/routes/_portal.supplier.assessments.$id"
);
const { loader: reviewLoader } = await import("#app/routes/_portal.procurement.assessments.$id");
const { Assessment } = await import("#models/assessment.server");
const { ProfileAnswer } = await import("#models/supplier-profile.server");
const { AuditEvent } = await import("#models/audit-event.server");
const { prefillOnFirstOpen } = await import("#app/features/prefill/prefill.server");

type Page = Awaited<ReturnType<typeof questionnaireLoader>>;

async function open(id: string, cookie: string): Promise<Page> {
  return questionnaireLoader({
    request: getRequest(`/supplier/assessments/${id}`, cookie),
    params: { id },
    context: {},
  });
}

async function save(id: string, cookie: string, changes: Record<string, unknown>, baseRevision: number) {
  const res = (await saveAction({
    request: jsonRequest(`/api/assessments/${id}/answers`, { baseRevision, changes }, cookie),
    params: { id },
    context: {},
  })) as Response;
  const body = (await res.json()) as { revision?: number; error?: string };
  expect(res.status, body.error).toBe(200);
  return body.revision!;
}

async function submit(id: string, cookie: string) {
  const res = await supplierAction({
    request: formRequest(`/supplier/assessments/${id}`, { intent: "submit" }, cookie),
    params: { id },
    context: {},
  });
  // a refusal is data with a status; a success is the plain result
  const r = res as unknown as { data?: unknown; init?: { status?: number } } & Record<string, unknown>;
  return (r.data ?? r) as { kind: string; pending?: { name: string }[]; missing?: { name: string }[] };
}

/** A supplier that answered the full questionnaire for recipient A, and recipient B that manages it too. */
async function answeredOnce() {
  const a = await createAssessmentWorld({ templateId: "full-security" });
  const supplierCookie = await sessionCookie(String(a.supplierUser.user._id));
  const firstId = String(a.assessment._id);
  // the questions the agreement asks of the full questionnaire, each answered
  const fullAnswers = answersToEverything(await askedTemplateFor(a.assessment));
  const opened = await open(firstId, supplierCookie);
  expect(opened.reused.items).toEqual([]);
  await save(firstId, supplierCookie, fullAnswers, opened.revision);
  expect((await submit(firstId, supplierCookie)).kind).toBe("submitted");
  const b = await secondRecipient(a);
  return { a, b, supplierCookie, firstId, fullAnswers };
}

describe("answering once: the profile pre-fills another recipient's questionnaire", () => {
  it("keeps a submission in the profile, offers every shared question to recipient B, and submits only confirmed", async () => {
    const { a, b, supplierCookie, fullAnswers } = await answeredOnce();
    const kept = await ProfileAnswer.find({ orgId: a.tier1._id }).lean();
    expect(kept.map((k) => k.name).sort()).toEqual(Object.keys(fullAnswers).sort());

    const id = await sendQuestionnaire(b.procurement.user._id, b.agreement._id, a.tier1._id, "short-low-risk");
    const page = await open(id, supplierCookie);
    const sent = (await Assessment.findById(id).lean())!;
    const stored0 = () => sent;
    const offered = Object.fromEntries(page.reused.items.map((i) => [i.name, i]));
    // every question the short questionnaire shares with the full one the supplier answered
    const shortAnswers = answersToEverything(await askedTemplateFor(stored0()));
    const shared = Object.keys(shortAnswers).filter((n) => n in fullAnswers);
    expect(shared.length).toBeGreaterThan(10);
    for (const name of shared) expect(offered[name], name).toBeDefined();
    console.log(
      `profile-prefill: ${page.reused.items.length} of ${Object.keys(shortAnswers).length} questions pre-filled`,
    );
    expect(page.reused.items.every((i) => i.state === "pending" && !i.stale)).toBe(true);
    // offered, not answered: nothing is in the answers until the supplier confirms
    expect(page.answers).toEqual({});
    const stored = await Assessment.findById(id).lean();
    expect(stored!.answers).toEqual({});
    expect(Object.keys(stored!.reused!).sort()).toEqual(Object.keys(offered).sort());

    // opening again offers nothing new and keeps the revision
    const again = await open(id, supplierCookie);
    expect(again.revision).toBe(page.revision);

    const refused = await submit(id, supplierCookie);
    expect(refused.kind).toBe("unconfirmed");
    // every offered answer of a question the supplier sees (a question its conditions hide is not asked)
    expect(refused.pending!.length).toBeGreaterThan(10);
    for (const p of refused.pending!) expect(offered[p.name], p.name).toBeDefined();

    // confirm all but one, change that one, answer the rest by hand
    const names = Object.keys(offered);
    const changedName = names.find((n) => typeof offered[n]!.value === "boolean")!;
    const confirmed = Object.fromEntries(names.filter((n) => n !== changedName).map((n) => [n, offered[n]!.value]));
    let revision = await save(id, supplierCookie, confirmed, page.revision);
    revision = await save(id, supplierCookie, { [changedName]: !offered[changedName]!.value }, revision);
    const rest = Object.fromEntries(
      Object.entries({ ...SHORT_TEMPLATE_GOOD_ANSWERS }).filter(([n]) => !(n in offered)),
    );
    if (Object.keys(rest).length) await save(id, supplierCookie, rest, revision);
    const result = await submit(id, supplierCookie);
    expect(result.kind).toBe("submitted");

    const after = await Assessment.findById(id).lean();
    const states = Object.values(after!.reused!).map((r) => r.state);
    expect(states.filter((s) => s === "confirmed")).toHaveLength(names.length - 1);
    expect(states.filter((s) => s === "changed")).toHaveLength(1);
    expect(after!.reused![changedName]!.state).toBe("changed");

    // B's reviewer sees what was reused, confirmed and changed
    const reviewer = await sessionCookie(String(b.procurement.user._id));
    const review = await reviewLoader({
      request: getRequest(`/procurement/assessments/${id}`, reviewer),
      params: { id },
      context: {},
    });
    const reviewData = (review as { data?: unknown }).data ?? review;
    const reuse = (
      reviewData as { reuse: { counts: Record<string, number>; items: { name: string; state: string }[] } }
    ).reuse;
    expect(reuse.counts).toEqual({ reused: names.length, confirmed: names.length - 1, changed: 1 });
    expect(reuse.items.find((i) => i.name === changedName)!.state).toBe("changed");
    const audit = await AuditEvent.findOne({ action: "assessment.submit", targetId: id }).lean();
    expect(audit!.details).toMatchObject({
      reusedAnswers: String(names.length),
      reusedConfirmed: String(names.length - 1),
      reusedChanged: "1",
    });
    // recipient A's reviewer cannot open B's assessment
    const aReviewer = await sessionCookie(String(a.procurement.user._id));
    await expect(
      reviewLoader({ request: getRequest(`/procurement/assessments/${id}`, aReviewer), params: { id }, context: {} }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("submits once every offered answer the supplier sees is decided; one its conditions hide stays out of the answers", async () => {
    const { a, b, supplierCookie } = await answeredOnce();
    const id = await sendQuestionnaire(b.procurement.user._id, b.agreement._id, a.tier1._id, "short-low-risk");
    const page = await open(id, supplierCookie);
    const offered = Object.fromEntries(page.reused.items.map((i) => [i.name, i.value]));
    const refused = await submit(id, supplierCookie);
    expect(refused.kind).toBe("unconfirmed");
    const seen = refused.pending!.map((p) => p.name);
    const hidden = Object.keys(offered).filter((n) => !seen.includes(n));
    expect(hidden.length).toBeGreaterThan(0);
    // the supplier answers what it sees, one answer changed so that the hidden questions stay hidden
    const stored = (await Assessment.findById(id).lean())!;
    const template = await askedTemplateFor(stored);
    const seenAnswers = Object.fromEntries(seen.map((n) => [n, offered[n]]));
    const stillHidden = (answers: Record<string, unknown>) => {
      const model = new Model(template.survey);
      model.data = answers;
      return hidden.every((h) => !model.getQuestionByName(h)!.isVisible);
    };
    const flip = seen.find(
      (n) => typeof offered[n] === "boolean" && stillHidden({ ...seenAnswers, [n]: !offered[n] }),
    )!;
    expect(flip).toBeDefined();
    await save(id, supplierCookie, { ...seenAnswers, [flip]: !offered[flip] }, page.revision);
    expect((await submit(id, supplierCookie)).kind).toBe("submitted");
    const after = (await Assessment.findById(id).lean())!;
    expect(after.reused![flip]!.state).toBe("changed");
    for (const name of hidden) {
      expect(after.reused![name]!.state).toBe("pending");
      expect(after.answers[name]).toBeUndefined();
    }
  });

  it("flags answers older than the agreement's cadence, and gives another supplier nothing", async () => {
    const { a, b, supplierCookie } = await answeredOnce();
    // the supplier last confirmed its answers three years ago: older than any cadence of the default policy
    const threeYearsAgo = new Date(Date.now() - 3 * 365 * 24 * 3600 * 1000);
    await ProfileAnswer.updateMany({ orgId: a.tier1._id }, { $set: { confirmedAt: threeYearsAgo } });
    const id = await sendQuestionnaire(b.procurement.user._id, b.agreement._id, a.tier1._id, "short-low-risk");
    const page = await open(id, supplierCookie);
    expect(page.reused.items.length).toBeGreaterThan(0);
    expect(page.reused.items.every((i) => i.stale)).toBe(true);
    // not rated under B's agreement yet: the policy's shortest cadence
    expect(page.reused.months).toBe(6);

    // tier 2 is another supplier organisation: the tier-1 profile is not its own
    const tier2User = await createUser("supplier", { orgId: String(a.tier2._id) });
    const otherId = await sendQuestionnaire(b.procurement.user._id, b.agreement._id, a.tier2._id, "short-low-risk");
    const other = await open(otherId, await sessionCookie(String(tier2User.user._id)));
    expect(other.reused.items).toEqual([]);
    expect((await Assessment.findById(otherId).lean())!.reusedAt ?? null).toBeNull();
  });

  it("proposes once when the supplier opens the questionnaire twice at the same moment", async () => {
    const { a, b } = await answeredOnce();
    const id = await sendQuestionnaire(b.procurement.user._id, b.agreement._id, a.tier1._id, "short-low-risk");
    const before = (await Assessment.findById(id).lean())!;
    const opens = await Promise.all([
      prefillOnFirstOpen(before),
      prefillOnFirstOpen(before),
      prefillOnFirstOpen(before),
    ]);
    const after = (await Assessment.findById(id).lean())!;
    expect(after.revision).toBe(before.revision + 1);
    expect(opens.every((o) => o.revision === after.revision)).toBe(true);
    expect(Object.keys(after.reused!).length).toBeGreaterThan(0);
    expect(new Set(opens.map((o) => new Date(o.reusedAt!).getTime())).size).toBe(1);
  });
});
