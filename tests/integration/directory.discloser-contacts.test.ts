import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { createUser, formRequest, getRequest, sessionCookie } from "#tests/fixtures/factories";
import { createAgreement, createAgreementParties } from "#tests/fixtures/agreements";
import { replyOf, thrown } from "#tests/helpers/responses";

setupTestDatabase();

const { action: contactsAction } = await import("#app/routes/procurement.agreements.$id.contacts");
const { loader: agreementLoader } = await import("#app/routes/_portal.procurement.agreements.$id._index");
const { loader: discloserList } = await import("#app/routes/_portal.discloser._index");
const { acceptInvitation } = await import("#app/features/accounts/account-tokens.server");
const { Outbox } = await import("#models/outbox.server");
const { AccountTokenModel } = await import("#models/account-token.server");
const { User } = await import("#models/user.server");
const { AuditEvent } = await import("#models/audit-event.server");

async function world() {
  const p = await createAgreementParties();
  const agreement = await createAgreement(p);
  const id = String(agreement._id);
  return { ...p, agreement, id, cookie: await sessionCookie(String(p.procurement.user._id)) };
}

function contacts(id: string, fields: Record<string, string>, cookie: string) {
  return contactsAction({
    request: formRequest(`/procurement/agreements/${id}/contacts`, fields, cookie),
    params: { id },
    context: {},
  });
}

const address = () => `contact-${Math.random().toString(36).slice(2, 8)}@discloser.example`;

async function mailTo(email: string) {
  return Outbox.find({ to: email }).sort({ createdAt: 1 }).lean();
}

describe("procurement invites the disclosing party's contacts", () => {
  it("mails a /welcome link; the account it makes lands in the disclosing organisation and sees the agreement", async () => {
    const w = await world();
    const email = address();
    const res = await contacts(w.id, { intent: "invite", email: email.toUpperCase(), name: "Iris Keller" }, w.cookie);
    expect(res).toMatchObject({ ok: true, message: `Invitation sent to ${email}.` });
    const [mail] = await mailTo(email);
    expect(mail.subject).toContain(w.discloser.name);
    const link = /http:\/\/localhost\/welcome\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1];
    expect(mail.text).toContain(w.agreement.reference);

    const token = (await AccountTokenModel.findOne({ email }).lean())!;
    // nobody manages the disclosing party's team yet: the first contact will
    expect(token).toMatchObject({ role: "discloser", teamAdmin: true, status: "active" });
    expect(String(token.orgId)).toBe(String(w.discloser._id));
    expect(String(token.agreementId)).toBe(w.id);
    expect(await AuditEvent.countDocuments({ action: "user.invite", targetId: String(w.discloser._id) })).toBe(1);

    // the agreement page lists the open invitation
    const page = await agreementLoader({
      request: getRequest(`/procurement/agreements/${w.id}`, w.cookie),
      params: { id: w.id },
      context: {},
    });
    expect(page.contacts.invitations.map((i) => i.email)).toEqual([email]);
    expect(page.contacts.users.map((u) => u.email)).toEqual([w.discloserUser.user.email]);

    const { userId } = await acceptInvitation(link, { name: "Iris Keller", password: "a long enough password" }, {});
    const user = (await User.findById(userId).lean())!;
    expect(String(user.orgId)).toBe(String(w.discloser._id));
    expect(user.role).toBe("discloser");
    const list = await discloserList({
      request: getRequest("/discloser", await sessionCookie(userId)),
      params: {},
      context: {},
    });
    expect(list.agreements.map((a) => a.id)).toEqual([w.id]);
  });

  it("resends with a new link and revokes; only invitations sent for this agreement", async () => {
    const w = await world();
    await User.updateOne({ _id: w.discloserUser.user._id }, { $set: { teamAdmin: true } });
    const email = address();
    await contacts(w.id, { intent: "invite", email, name: "" }, w.cookie);
    const first = (await AccountTokenModel.findOne({ email, status: "active" }).lean())!;
    // the disclosing party has a team administrator: a contact is a member
    expect(first.teamAdmin).toBe(false);
    expect(await contacts(w.id, { intent: "resend", invitationId: String(first._id) }, w.cookie)).toMatchObject({
      ok: true,
    });
    expect((await AccountTokenModel.findById(first._id).lean())!.status).toBe("revoked");
    const second = (await AccountTokenModel.findOne({ email, status: "active" }).lean())!;
    expect(await mailTo(email)).toHaveLength(2);
    expect(await contacts(w.id, { intent: "revoke", invitationId: String(second._id) }, w.cookie)).toMatchObject({
      ok: true,
    });
    expect((await AccountTokenModel.findById(second._id).lean())!.status).toBe("revoked");

    // an invitation into the same organisation for another agreement is not this page's to touch
    const other = await createAgreement(w);
    const elsewhere = address();
    await contacts(String(other._id), { intent: "invite", email: elsewhere }, w.cookie);
    const foreign = (await AccountTokenModel.findOne({ email: elsewhere }).lean())!;
    const refused = await contacts(w.id, { intent: "revoke", invitationId: String(foreign._id) }, w.cookie);
    expect(refused).toHaveStatus(404);
    expect((await AccountTokenModel.findById(foreign._id).lean())!.status).toBe("active");
  });

  it("only procurement of the agreement's recipient may invite", async () => {
    const w = await world();
    const stranger = await createUser("procurement");
    const email = address();
    const foreign = await thrown(
      contacts(w.id, { intent: "invite", email }, await sessionCookie(String(stranger.user._id))),
    );
    expect(foreign.status).toBe(404);
    const asDiscloser = await thrown(
      contacts(w.id, { intent: "invite", email }, await sessionCookie(String(w.discloserUser.user._id))),
    );
    expect(asDiscloser.status).toBe(403);
    expect(await AccountTokenModel.countDocuments({ email })).toBe(0);
    expect(await mailTo(email)).toHaveLength(0);
  });

  it("refuses a bad address beside the field and an address with an account elsewhere", async () => {
    const w = await world();
    const bad = await contacts(w.id, { intent: "invite", email: "not an address", name: "x" }, w.cookie);
    expect(bad).toBeRefused("email", "Enter a valid e-mail address");
    expect(replyOf(bad).data.values).toEqual({ email: "not an address", name: "x" });
    const taken = await contacts(w.id, { intent: "invite", email: w.procurement.user.email }, w.cookie);
    expect(taken).toBeRefused("email", /already has a Flowdown account in another organisation/);
    expect(await AccountTokenModel.countDocuments({ email: w.procurement.user.email })).toBe(0);
  });
});
