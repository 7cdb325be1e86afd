import mongoose from "mongoose";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { formRequest, getRequest, sessionCookie, jsonRequest } from "#tests/fixtures/factories";
import { createAssessmentWorld, SHORT_TEMPLATE_GOOD_ANSWERS } from "#tests/fixtures/assessments";
import { replyOf } from "#tests/helpers/responses";

setupTestDatabase();

const { action: sendAction } = await import("#app/routes/_portal.procurement.assessments.new");
const { action: reviewAction } = await import("#app/routes/_portal.procurement.assessments.$id");
const { loader: inviteLoader, action: inviteAction } = await import("#app/routes/invite.$token");
const { action: saveAction } = await import("#app/routes/api.assessments.$id.answers");
const { action: submitActionRoute, loader: questionnaireLoader } = await import(
  "#app/routes/_portal.supplier.assessments.$id"
);
const { Assessment } = await import("#models/assessment.server");
const { Invitation, createInvitation } = await import("#models/invitation.server");
const { Outbox } = await import("#models/outbox.server");
const { User } = await import("#models/user.server");
const { AuditEvent } = await import("#models/audit-event.server");
const { sendDueReminders } = await import("#app/features/assessments/reminders.server");

function tokenFromMail(text: string): string {
  return text.match(/\/invite\/([A-Za-z0-9_-]{43})/)![1];
}

function save(id: string, cookie: string, body: unknown) {
  return saveAction({
    request: jsonRequest(`/api/assessments/${id}/answers`, body, cookie),
    params: { id },
    context: {},
  }) as Promise<Response>;
}

/** Posts the send form as the world's procurement user: the chain's tier-2 supplier, the full questionnaire. */
type World = Awaited<ReturnType<typeof createAssessmentWorld>>;

async function sendForm(w: World, fields: Record<string, string> = {}) {
  const cookie = await sessionCookie(String(w.procurement.user._id));
  return sendAction({
    request: formRequest(
      "/procurement/assessments/new",
      {
        agreementId: String(w.agreement._id),
        supplierOrgId: String(w.tier2._id),
        templateId: "full-security",
        dueDate: "2099-03-01",
        emails: "a@tier2.example",
        ...fields,
      },
      cookie,
    ),
    params: {},
    context: {},
  });
}

describe("sending a questionnaire", () => {
  it("creates the assessment, pins the template and catalogue versions, and e-mails each recipient a personal link", async () => {
    const w = await createAssessmentWorld();
    const res = (await sendForm(w, { emails: "a@tier2.example\nB@tier2.example, a@tier2.example" })) as Response;
    expect(res.status).toBe(302);
    const id = res.headers.get("Location")!.match(/assessments\/([0-9a-f]{24})/)![1];
    const assessment = await Assessment.findById(id).lean();
    expect(assessment).toMatchObject({
      status: "invited",
      templateId: "full-security",
      dueDate: "2099-03-01",
      revision: 0,
    });
    expect(assessment!.templateVersion).toMatch(/\+[0-9a-f]{12}$/);
    const invitations = await Invitation.find({ assessmentId: id }).lean();
    expect(invitations.map((i) => i.email).sort()).toEqual(["a@tier2.example", "b@tier2.example"]);
    const mails = await Outbox.find({ relatedId: id, kind: "invitation" }).lean();
    expect(mails).toHaveLength(2);
    const token = tokenFromMail(mails[0].text);
    // only the hash is stored
    expect(JSON.stringify(invitations)).not.toContain(token);
  });

  it("refuses a supplier outside the agreement's chain, a past due date and bad addresses, sending nothing", async () => {
    const w = await createAssessmentWorld();
    const other = await createAssessmentWorld();
    const before = await Assessment.countDocuments({ ownerOrgId: w.recipient._id });
    const result = await sendForm(w, {
      supplierOrgId: String(other.tier1._id),
      dueDate: "2001-01-01",
      emails: "not-an-address",
    });
    expect(result).toBeRefused("dueDate", "The due date cannot be in the past");
    expect(result).toBeRefused("emails", /not a valid e-mail/);
    const outside = await sendForm(w, {
      supplierOrgId: String(other.tier1._id),
      dueDate: "2099-01-01",
      emails: "x@y.example",
    });
    expect(outside).toBeRefused("supplierOrgId", "Choose a supplier in this agreement's chain");
    expect(await Assessment.countDocuments({ ownerOrgId: w.recipient._id })).toBe(before);
  });

  it("warns before a second questionnaire to a supplier with one open under the agreement, and sends it when the sender insists", async () => {
    const w = await createAssessmentWorld();
    const send = (extra: Record<string, string> = {}) => sendForm(w, extra);
    const first = (await send()) as Response;
    const firstId = first.headers.get("Location")!.match(/assessments\/([0-9a-f]{24})/)![1];

    const refused = await send();
    expect(refused).toBeRefused(
      "supplierOrgId",
      /already has an open questionnaire under .+ \(invited, due Mar 1, 2099\)/,
    );
    const { data } = replyOf<{ open: { id: string } }>(refused);
    expect(data.open.id).toBe(firstId);
    expect(data.values.emails).toBe("a@tier2.example");
    expect(await Assessment.countDocuments({ agreementId: w.agreement._id, supplierOrgId: w.tier2._id })).toBe(1);

    const insisted = (await send({ sendAnother: "on" })) as Response;
    expect(insisted.status).toBe(302);
    expect(await Assessment.countDocuments({ agreementId: w.agreement._id, supplierOrgId: w.tier2._id })).toBe(2);

    // once the open ones are decided, a new questionnaire needs no insisting
    await Assessment.updateMany(
      { agreementId: w.agreement._id, supplierOrgId: w.tier2._id },
      { $set: { status: "approved" } },
    );
    expect(((await send()) as Response).status).toBe(302);
  });
});

/** A personal invitation link to the world's assessment for someone at its tier-1 supplier. */
function inviteToTier1(w: World, email: string, now?: Date) {
  return createInvitation({
    assessmentId: w.assessment._id,
    supplierOrgId: w.tier1._id,
    ownerOrgId: w.recipient._id,
    email,
    createdBy: w.procurement.user._id,
    ...(now ? { now } : {}),
  });
}

describe("the invitation link", () => {
  it("sets up the supplier's account in the invited organisation, signs it in and opens the questionnaire; the link then works no more", async () => {
    const w = await createAssessmentWorld();
    const { token } = await inviteToTier1(w, "new.person@tier1.example");
    const page = await inviteLoader({ request: getRequest(`/invite/${token}`), params: { token }, context: {} });
    expect(page).toEqual({
      view: { kind: "set-up", email: "new.person@tier1.example", organisation: "Tier One Hosting GmbH" },
    });

    const weak = await inviteAction({
      request: formRequest(`/invite/${token}`, {
        intent: "set-up",
        name: "New Person",
        password: "short",
        confirm: "short",
      }),
      params: { token },
      context: {},
    });
    expect(weak).toBeRefused("password", "Use at least 12 characters");

    const res = (await inviteAction({
      request: formRequest(`/invite/${token}`, {
        intent: "set-up",
        name: "New Person",
        password: "a long enough secret",
        confirm: "a long enough secret",
      }),
      params: { token },
      context: {},
    })) as Response;
    expect(res).toRedirectTo(`/supplier/assessments/${w.assessment._id}`);
    expect(res.headers.get("Set-Cookie")).toMatch(/__flowdown=/);
    const user = await User.findOne({ email: "new.person@tier1.example" }).lean();
    // nobody managed the supplier's team yet: the first account set up from a questionnaire does
    expect(user).toMatchObject({ role: "supplier", orgId: w.tier1._id, name: "New Person", teamAdmin: true });

    const again = await inviteLoader({ request: getRequest(`/invite/${token}`), params: { token }, context: {} });
    expect(again).toEqual({ view: { kind: "dead", state: "used" } });
    expect(await AuditEvent.exists({ action: "invitation.redeem", targetId: String(w.assessment._id) })).toBeTruthy();
  });

  it("says clearly when a link has expired, was revoked, or is unknown, and reveals nothing else", async () => {
    const w = await createAssessmentWorld();
    const expired = await inviteToTier1(w, "e@x.example", new Date(Date.now() - 15 * 86400_000));
    const revoked = await inviteToTier1(w, "r@x.example");
    const cookie = await sessionCookie(String(w.procurement.user._id));
    const revoke = (await reviewAction({
      request: formRequest(
        `/procurement/assessments/${w.assessment._id}`,
        { intent: "revoke", invitationId: String(revoked.invitation._id) },
        cookie,
      ),
      params: { id: String(w.assessment._id) },
      context: {},
    })) as Response;
    expect(revoke.status).toBe(302);

    const cases: [string, string][] = [
      [expired.token, "expired"],
      [revoked.token, "revoked"],
      ["A".repeat(43), "unknown"],
      ["short", "unknown"],
      ["../../etc/passwd", "unknown"],
    ];
    for (const [token, state] of cases) {
      const page = await inviteLoader({
        request: getRequest(`/invite/${encodeURIComponent(token)}`),
        params: { token },
        context: {},
      });
      expect(page).toEqual({ view: { kind: "dead", state } });
    }
    // a refused redemption creates no account
    await inviteAction({
      request: formRequest(`/invite/${expired.token}`, {
        intent: "set-up",
        name: "X",
        password: "a long enough secret",
        confirm: "a long enough secret",
      }),
      params: { token: expired.token },
      context: {},
    });
    expect(await User.exists({ email: "e@x.example" })).toBeNull();
  });

  it("makes a colleague set up after the supplier's team administrator a member", async () => {
    const w = await createAssessmentWorld();
    await User.updateOne({ _id: w.supplierUser.user._id }, { $set: { teamAdmin: true } });
    const { token } = await inviteToTier1(w, "colleague@tier1.example");
    await inviteAction({
      request: formRequest(`/invite/${token}`, {
        intent: "set-up",
        name: "Colleague",
        password: "a long enough secret",
        confirm: "a long enough secret",
      }),
      params: { token },
      context: {},
    });
    const user = await User.findOne({ email: "colleague@tier1.example" }).lean();
    expect(user).toMatchObject({ orgId: w.tier1._id, teamAdmin: false });
  });

  it("is redeemed once when several set-ups race", async () => {
    const w = await createAssessmentWorld();
    const { token } = await inviteToTier1(w, "race@tier1.example");
    const { redeemInvitation } = await import("#models/invitation.server");
    const users = await Promise.all(
      Array.from({ length: 6 }, () =>
        User.create({
          email: `r${Math.random()}@x.example`,
          name: "R",
          role: "supplier",
          orgId: w.tier1._id,
          passwordHash: "x",
        }),
      ),
    );
    const results = await Promise.all(users.map((u) => redeemInvitation(token, u._id)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("cannot be taken by a user of another organisation", async () => {
    const w = await createAssessmentWorld();
    const other = await createAssessmentWorld();
    const { token } = await inviteToTier1(w, "z@x.example");
    const foreign = await sessionCookie(String(other.supplierUser.user._id));
    const page = await inviteLoader({
      request: getRequest(`/invite/${token}`, foreign),
      params: { token },
      context: {},
    });
    expect(page).toEqual({ view: { kind: "wrong-account", signedInAs: other.supplierUser.user.email } });
    expect((await Invitation.findOne({ email: "z@x.example" }).lean())!.status).toBe("active");
  });

  it("sending a new link revokes the old one", async () => {
    const w = await createAssessmentWorld();
    const first = await inviteToTier1(w, "re@x.example");
    const cookie = await sessionCookie(String(w.procurement.user._id));
    await reviewAction({
      request: formRequest(
        `/procurement/assessments/${w.assessment._id}`,
        { intent: "resend", invitationId: String(first.invitation._id) },
        cookie,
      ),
      params: { id: String(w.assessment._id) },
      context: {},
    });
    const page = await inviteLoader({
      request: getRequest(`/invite/${first.token}`),
      params: { token: first.token },
      context: {},
    });
    expect(page).toEqual({ view: { kind: "dead", state: "revoked" } });
    const mail = await Outbox.findOne({ to: "re@x.example", kind: "invitation" }).sort({ createdAt: -1 }).lean();
    const fresh = tokenFromMail(mail!.text);
    expect(fresh).not.toBe(first.token);
    expect(
      (await inviteLoader({ request: getRequest(`/invite/${fresh}`), params: { token: fresh }, context: {} })).view
        .kind,
    ).toBe("set-up");
  });
});

describe("answering", () => {
  it("saves answers, moves the assessment to in progress, and refuses a stale save from another tab with the newer answers", async () => {
    const w = await createAssessmentWorld();
    const id = String(w.assessment._id);
    const cookie = await sessionCookie(String(w.supplierUser.user._id));
    const first = await save(id, cookie, {
      baseRevision: 0,
      changes: { orgLegalName: "Tab one", breachNotifyHours: "12" },
    });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ revision: 1 });
    const stored = await Assessment.findById(id).lean();
    expect(stored!.answers).toEqual({ orgLegalName: "Tab one", breachNotifyHours: 12 });
    expect(stored!.status).toBe("in_progress");

    const stale = await save(id, cookie, { baseRevision: 0, changes: { orgLegalName: "Tab two" } });
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body).toMatchObject({ conflict: true, revision: 1, answers: { orgLegalName: "Tab one" } });
    expect(body.error).toMatch(/another tab or by a colleague/);
    expect((await Assessment.findById(id).lean())!.answers.orgLegalName).toBe("Tab one");

    const cleared = await save(id, cookie, { baseRevision: 1, changes: { orgLegalName: null } });
    expect(cleared.status).toBe(200);
    expect((await Assessment.findById(id).lean())!.answers).toEqual({ breachNotifyHours: 12 });
  });

  it("takes a save from a revision written elsewhere (another instance, another tab) and refuses one after a submission, even without its claim", async () => {
    const { saveAnswers } = await import("#models/assessment.server");
    const { Claim } = await import("#models/claim.server");
    const w = await createAssessmentWorld();
    const id = String(w.assessment._id);
    const cookie = await sessionCookie(String(w.supplierUser.user._id));
    expect((await save(id, cookie, { baseRevision: 0, changes: { orgLegalName: "Here" } })).status).toBe(200);
    // a second instance of the portal saves revision 2; this process has only seen revision 1
    const elsewhere = await saveAnswers({
      assessmentId: id,
      supplierOrgId: String(w.tier1._id),
      baseRevision: 1,
      set: { orgLegalName: "Elsewhere" },
      unset: [],
      by: { userId: String(w.supplierUser.user._id), name: "Other instance" },
    });
    expect(elsewhere.kind).toBe("saved");
    const next = await save(id, cookie, { baseRevision: 2, changes: { orgLegalName: "Here again" } });
    expect(next.status).toBe(200);
    expect(await next.json()).toEqual({ revision: 3 });

    // submitted elsewhere; the revision claims are gone (pruned): the write itself still refuses
    await saveAnswers({
      assessmentId: id,
      supplierOrgId: String(w.tier1._id),
      baseRevision: 3,
      set: SHORT_TEMPLATE_GOOD_ANSWERS,
      unset: [],
      by: { userId: String(w.supplierUser.user._id), name: "Other instance" },
    });
    const submitted = await submitActionRoute({
      request: formRequest(`/supplier/assessments/${id}`, { intent: "submit" }, cookie),
      params: { id },
      context: {},
    });
    expect((submitted as { kind: string }).kind).toBe("submitted");
    const afterSubmit = (await Assessment.findById(id).lean())!;
    await Claim.collection.deleteMany({ key: { $regex: `^assessment:${id}:` } });
    // the tab this process last answered still holds revision 3
    const late = await save(id, cookie, { baseRevision: 3, changes: { orgLegalName: "Late" } });
    expect(late.status).toBe(409);
    const stored = (await Assessment.findById(id).lean())!;
    expect(stored.answers.orgLegalName).toBe(SHORT_TEMPLATE_GOOD_ANSWERS.orgLegalName);
    expect(stored.revision).toBe(afterSubmit.revision);
    expect(stored.status).toBe("submitted");
  });

  it("prunes revision claims older than the retention, keeps once-only claims and recent ones, and saves on", async () => {
    const { claim, Claim, pruneRevisionClaims, REVISION_CLAIM_RETENTION_DAYS } = await import("#models/claim.server");
    const w = await createAssessmentWorld();
    const id = String(w.assessment._id);
    const cookie = await sessionCookie(String(w.supplierUser.user._id));
    expect((await save(id, cookie, { baseRevision: 0, changes: { orgLegalName: "One" } })).status).toBe(200);
    const old = new Date(Date.now() - (REVISION_CLAIM_RETENTION_DAYS + 1) * 86_400_000);
    const agreementKey = `agreement:${String(w.agreement._id)}:r99`;
    const onceOnly = `invitation:${id}:closed`;
    await claim(agreementKey, null, old);
    await claim(onceOnly, null, old);
    await Claim.collection.updateOne({ key: `assessment:${id}:r1` }, { $set: { at: old } });
    expect((await save(id, cookie, { baseRevision: 1, changes: { orgLegalName: "Two" } })).status).toBe(200);

    const cutoff = new Date(Date.now() - REVISION_CLAIM_RETENTION_DAYS * 86_400_000);
    expect(await pruneRevisionClaims(cutoff)).toBeGreaterThanOrEqual(2);
    const left = (
      await Claim.find({
        key: mongoose.trusted({ $in: [agreementKey, onceOnly, `assessment:${id}:r1`, `assessment:${id}:r2`] }),
      }).lean()
    ).map((c) => c.key);
    expect(left.sort()).toEqual([`assessment:${id}:r2`, onceOnly].sort());
    // a tab still on revision 1 is refused as before; the current one saves on
    expect((await save(id, cookie, { baseRevision: 1, changes: { orgLegalName: "Stale" } })).status).toBe(409);
    expect((await save(id, cookie, { baseRevision: 2, changes: { orgLegalName: "Three" } })).status).toBe(200);
    expect((await Assessment.findById(id).lean())!.answers.orgLegalName).toBe("Three");
  });

  it("lets exactly one of ten saves racing from the same revision through, on any database", async () => {
    const w = await createAssessmentWorld();
    const id = String(w.assessment._id);
    const cookie = await sessionCookie(String(w.supplierUser.user._id));
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        save(id, cookie, { baseRevision: 0, changes: { orgLegalName: `Writer ${i}` } }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    const winner = responses.findIndex((r) => r.status === 200);
    const stored = await Assessment.findById(id).lean();
    expect(stored!.revision).toBe(1);
    expect(stored!.answers.orgLegalName).toBe(`Writer ${winner}`);
    expect(stored!.history.filter((h) => h.to === "in_progress")).toHaveLength(1);
  });

  it.each([
    ["a question that does not exist", { nosuch: "x" }, /no question "nosuch"/],
    ["a number question given words", { breachNotifyHours: "a day" }, /takes a number/],
    ["a yes/no question given text", { confUndertaking: "yes" }, /takes yes or no/],
    ["a choice that is not offered", { tlsMinimum: "ssl2" }, /no choice "ssl2"/],
    ["a panel entry with an unknown field", { dataLocations: [{ country: "DE", $where: "1" }] }, /no field/],
    ["a file that was never uploaded", { dataLocations: [{ country: "DE" }], orgLegalName: { $gt: "" } }, /takes text/],
  ])("refuses %s and stores nothing of that save", async (_label, changes, message) => {
    const w = await createAssessmentWorld();
    const id = String(w.assessment._id);
    const cookie = await sessionCookie(String(w.supplierUser.user._id));
    const res = await save(id, cookie, { baseRevision: 0, changes });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(message);
    const stored = await Assessment.findById(id).lean();
    expect(stored).toMatchObject({ answers: {}, revision: 0, status: "invited" });
  });

  it("refuses malformed saves and other organisations' assessments without a trace", async () => {
    const w = await createAssessmentWorld();
    const other = await createAssessmentWorld();
    const id = String(w.assessment._id);
    const cookie = await sessionCookie(String(w.supplierUser.user._id));
    const notJson = (await saveAction({
      request: new Request(`http://localhost/api/assessments/${id}/answers`, {
        method: "POST",
        body: "{oops",
        headers: { Cookie: cookie },
      }),
      params: { id },
      context: {},
    })) as Response;
    expect(notJson.status).toBe(400);
    expect((await save(id, cookie, { baseRevision: -1, changes: { orgLegalName: "x" } })).status).toBe(400);
    expect((await save(id, cookie, { baseRevision: "0", changes: { orgLegalName: "x" } })).status).toBe(400);
    const foreign = await save(String(other.assessment._id), cookie, {
      baseRevision: 0,
      changes: { orgLegalName: "x" },
    });
    expect(foreign.status).toBe(404);
    const anonymous = await save(id, "", { baseRevision: 0, changes: { orgLegalName: "x" } });
    expect(anonymous.status).toBe(401);
    expect((await Assessment.findById(other.assessment._id).lean())!.answers).toEqual({});
  });
});

describe("submitting", () => {
  it("lists the required questions still unanswered and submits nothing", async () => {
    const w = await createAssessmentWorld();
    const id = String(w.assessment._id);
    const cookie = await sessionCookie(String(w.supplierUser.user._id));
    await save(id, cookie, { baseRevision: 0, changes: { orgLegalName: "Only this" } });
    const res = await submitActionRoute({
      request: formRequest(`/supplier/assessments/${id}`, { intent: "submit" }, cookie),
      params: { id },
      context: {},
    });
    expect(res).toHaveStatus(400);
    const { data } = replyOf<{ kind: string; missing: { name: string }[] }>(res);
    expect(data.kind).toBe("incomplete");
    expect(data.missing.map((m) => m.name)).toContain("breachNotifyHours");
    expect(data.missing.map((m) => m.name)).not.toContain("orgLegalName");
    expect((await Assessment.findById(id).lean())!.status).toBe("in_progress");
  });

  it("submits once however often it is clicked, scores with the pinned versions, locks the answers and tells procurement", async () => {
    const w = await createAssessmentWorld();
    const id = String(w.assessment._id);
    const cookie = await sessionCookie(String(w.supplierUser.user._id));
    expect((await save(id, cookie, { baseRevision: 0, changes: SHORT_TEMPLATE_GOOD_ANSWERS })).status).toBe(200);
    const submit = () =>
      submitActionRoute({
        request: formRequest(`/supplier/assessments/${id}`, { intent: "submit" }, cookie),
        params: { id },
        context: {},
      });
    const results = await Promise.all([submit(), submit(), submit()]);
    expect(results.map((r) => (r as { kind: string }).kind).sort()).toEqual([
      "already-submitted",
      "already-submitted",
      "submitted",
    ]);
    const stored = await Assessment.findById(id).lean();
    expect(stored!.status).toBe("submitted");
    expect(stored!.history.filter((h) => h.to === "submitted")).toHaveLength(1);
    expect(stored!.result).not.toBeNull();
    expect(stored!.result!.supplierId).toBe(String(w.tier1._id));
    const inc = stored!.result!.requirements.find((r) => r.requirementId === "FD-INC-01")!;
    expect(inc.status).toBe("met");
    expect(inc.answers.find((a) => a.question === "breachNotifyHours")!.value).toBe(12);
    expect(await Outbox.countDocuments({ to: w.procurement.user.email, kind: "submission", relatedId: id })).toBe(1);

    const late = await save(id, cookie, {
      baseRevision: stored!.revision,
      changes: { orgLegalName: "after the fact" },
    });
    expect(late.status).toBe(409);
    expect((await late.json()).error).toMatch(/submitted/);
    const page = await questionnaireLoader({
      request: getRequest(`/supplier/assessments/${id}`, cookie),
      params: { id },
      context: {},
    });
    expect(page.editable).toBe(false);
  });
});

describe("reminders", () => {
  it("e-mails suppliers whose assessment is due within three days or overdue, exactly once a day even when two instances run at once", async () => {
    const soon = await createAssessmentWorld({ dueDate: "2026-12-03" });
    const overdue = await createAssessmentWorld({ dueDate: "2026-11-20" });
    const later = await createAssessmentWorld({ dueDate: "2027-06-01" });
    const done = await createAssessmentWorld({ dueDate: "2026-11-20", status: "approved" });
    const now = new Date("2026-12-01T09:00:00Z");
    await Promise.all([
      sendDueReminders({ now, origin: "http://portal.test" }),
      sendDueReminders({ now, origin: "http://portal.test" }),
    ]);
    await sendDueReminders({ now: new Date("2026-12-01T18:00:00Z"), origin: "http://portal.test" });
    const count = (w: { assessment: { _id: unknown } }) =>
      Outbox.countDocuments({ kind: "reminder", relatedId: String(w.assessment._id) });
    expect(await count(soon)).toBe(1);
    expect(await count(overdue)).toBe(1);
    expect(await count(later)).toBe(0);
    expect(await count(done)).toBe(0);
    const mail = await Outbox.findOne({ kind: "reminder", relatedId: String(overdue.assessment._id) }).lean();
    expect(mail!.to).toBe(overdue.supplierUser.user.email);
    expect(mail!.subject).toMatch(/^Overdue/);
    expect(mail!.text).toContain(`http://portal.test/supplier/assessments/${overdue.assessment._id}`);
    await sendDueReminders({ now: new Date("2026-12-02T09:00:00Z"), origin: "http://portal.test" });
    expect(await count(overdue)).toBe(2);
  });
});
