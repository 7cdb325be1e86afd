import crypto from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { createOrg, createUser, formRequest, getRequest, sessionCookie } from "#tests/fixtures/factories";
import { createAgreement, createAgreementParties } from "#tests/fixtures/agreements";
import { tabOf } from "#tests/fixtures/agreement-page";
import { thrown } from "#tests/helpers/responses";
import { startSmtpServer, type SmtpFixture } from "#tests/fixtures/smtp";
import { addDaysIso, isoDateOf } from "#app/scoring/dates";

setupTestDatabase();

const { action, loader } = await import("#app/routes/_portal.supplier.legal-demands");
const { loader: procurementView } = await import("#app/routes/_portal.procurement.agreements.$id._index");
const { loader: discloserView } = await import("#app/routes/_portal.discloser.agreements.$id");
const { loader: auditLoader } = await import("#app/routes/_portal.$role.agreements.$id.audit");
const { CompelledDisclosure } = await import("#models/compelled-disclosure.server");
const { AuditEvent } = await import("#models/audit-event.server");
const { Agreement } = await import("#models/agreement.server");
const { User } = await import("#models/user.server");

let smtp: SmtpFixture;
const savedEnv = { SMTP_URL: process.env.SMTP_URL, MAIL_FROM: process.env.MAIL_FROM };
beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "Flowdown Test <portal@flowdown.test>";
});
afterAll(async () => {
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await smtp.stop();
});
beforeEach(() => {
  smtp.messages.length = 0;
});

const today = () => isoDateOf(new Date());

/** A two-tier chain with a user at each supplier; the discloser's user reads German. */
async function world(noticeDays?: number) {
  const p = await createAgreementParties();
  const agreement = await createAgreement(p, {
    compelledDisclosure: { notifyBeforeDisclosure: true, seekProtectiveOrder: true, noticeDays },
  });
  const tier1User = await createUser("supplier", { orgId: String(p.tier1._id) });
  const tier2User = await createUser("supplier", { orgId: String(p.tier2._id) });
  await User.updateOne({ _id: p.discloserUser.user._id }, { $set: { language: "de" } });
  return {
    ...p,
    agreement,
    agreementId: String(agreement._id),
    tier1User,
    tier2User,
    tier2Cookie: await sessionCookie(String(tier2User.user._id)),
    tier1Cookie: await sessionCookie(String(tier1User.user._id)),
  };
}
type World = Awaited<ReturnType<typeof world>>;

function demand(w: World, overrides: Record<string, string | string[]> = {}) {
  const fields: Record<string, string | string[]> = {
    intent: "report",
    agreementId: w.agreementId,
    authority: `District Court of Zurich ${crypto.randomBytes(3).toString("hex")}`,
    jurisdiction: "CH",
    receivedOn: addDaysIso(today(), -2),
    complyBy: addDaysIso(today(), 10),
    classes: ["confidential"],
    noticePermitted: "yes",
    barredReason: "",
    description: "Production order for the evaluation binaries.",
    ...overrides,
  };
  return fields;
}

function post(fields: Record<string, string | string[]>, cookie: string) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return action({
    request: new Request("http://localhost/supplier/legal-demands", {
      method: "POST",
      body,
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    }),
    params: {},
    context: {},
  });
}

async function lifecycleTab(w: World, who: "procurement" | "discloser") {
  const user = who === "procurement" ? w.procurement.user : w.discloserUser.user;
  const cookie = await sessionCookie(String(user._id));
  const load = who === "procurement" ? procurementView : discloserView;
  const page = await load({
    request: getRequest(`/${who}/agreements/${w.agreementId}?tab=lifecycle`, cookie),
    params: { id: w.agreementId },
    context: {},
  });
  return tabOf(page as never, "lifecycle").lifecycle.disclosures;
}

async function agreementTrail(w: World, who: "procurement" | "discloser") {
  const user = who === "procurement" ? w.procurement.user : w.discloserUser.user;
  const cookie = await sessionCookie(String(user._id));
  const trail = await auditLoader({
    request: getRequest(`/${who}/agreements/${w.agreementId}/audit`, cookie),
    params: { role: who, id: w.agreementId },
    context: {},
  });
  return trail.rows;
}

const mailsAbout = (authority: string) => smtp.messages.filter((m) => m.text.includes(authority));

describe("a legal demand where notice is permitted", () => {
  it("tells procurement, the disclosing party (in its language) and the supplier above, records it on the agreement and shows the verdict", async () => {
    const w = await world();
    const fields = demand(w);
    const authority = String(fields.authority);
    const res = await post(fields, w.tier2Cookie);
    expect(res).toRedirectTo("/supplier/legal-demands?reported=notified");

    await smtp.waitForMessage((m) => m.envelopeTo.includes(w.procurement.user.email));
    await smtp.waitForMessage((m) => m.envelopeTo.includes(w.discloserUser.user.email));
    await smtp.waitForMessage((m) => m.envelopeTo.includes(w.tier1User.user.email));
    const mails = mailsAbout(authority);
    expect(mails.flatMap((m) => m.envelopeTo).sort()).toEqual(
      [w.procurement.user.email, w.discloserUser.user.email, w.tier1User.user.email].sort(),
    );
    const toProcurement = mails.find((m) => m.envelopeTo.includes(w.procurement.user.email))!;
    expect(toProcurement.subject).toContain(`Legal demand to disclose reported by 株式会社ティアツー`);
    expect(toProcurement.text).toContain(
      "10 days' notice before the deadline to comply; the agreement asks for 5 (sufficient)",
    );
    const toDiscloser = mails.find((m) => m.envelopeTo.includes(w.discloserUser.user.email))!;
    expect(toDiscloser.subject).toContain("Behördliche Anordnung zur Offenlegung");
    expect(toDiscloser.text).toContain("Schweiz");

    const record = await CompelledDisclosure.findOne({ authority }).lean();
    expect(record).toMatchObject({
      notified: ["recipient", "discloser"],
      notice: { verdict: "sufficient", noticeDays: 10 },
    });
    expect(record!.noticeGivenAt).toBeInstanceOf(Date);

    const trail = await agreementTrail(w, "discloser");
    expect(trail.find((r) => r.action === "compelled.report")?.details).toMatchObject({
      disclosure: String(record!._id),
      verdict: "sufficient",
      notified: "recipient discloser",
    });

    for (const who of ["procurement", "discloser"] as const) {
      const rows = await lifecycleTab(w, who);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        supplier: "株式会社ティアツー",
        authority,
        jurisdiction: "CH",
        complyBy: fields.complyBy,
        classes: ["confidential"],
        notice: { noticeDays: 10, requiredDays: 5, verdict: "sufficient" },
      });
    }
    // the supplier above lists it among its subcontractors' demands
    const tier1Page = await loader({
      request: getRequest("/supplier/legal-demands", w.tier1Cookie),
      params: {},
      context: {},
    });
    expect(tier1Page.below.map((d) => d.authority)).toEqual([authority]);
  });

  it("measures short and too-late notice against the agreement's own notice days", async () => {
    const w = await world(7);
    const short = demand(w, { complyBy: addDaysIso(today(), 3) });
    await post(short, w.tier2Cookie);
    const late = demand(w, { complyBy: today(), receivedOn: addDaysIso(today(), -5) });
    await post(late, w.tier2Cookie);
    const rows = await lifecycleTab(w, "procurement");
    const byAuthority = new Map(rows.map((r) => [r.authority, r.notice]));
    expect(byAuthority.get(String(short.authority))).toMatchObject({
      noticeDays: 3,
      requiredDays: 7,
      verdict: "short",
    });
    expect(byAuthority.get(String(late.authority))).toMatchObject({
      noticeDays: 0,
      requiredDays: 7,
      verdict: "too-late",
    });
  });

  it("asks for 5 days on an agreement stored before the setting existed", async () => {
    const w = await world();
    await Agreement.collection.updateOne(
      { _id: w.agreement._id },
      { $unset: { "compelledDisclosure.noticeDays": "" } },
    );
    await post(demand(w, { complyBy: addDaysIso(today(), 4) }), w.tier2Cookie);
    const [row] = await lifecycleTab(w, "procurement");
    expect(row.notice).toMatchObject({ noticeDays: 4, requiredDays: 5, verdict: "short" });
  });
});

describe("a legal demand under a gag order", () => {
  it("reaches nobody while barred, is recorded with the reason, and is told to everyone once the supplier lifts the bar", async () => {
    const w = await world();
    const fields = demand(w, { noticePermitted: "no", barredReason: "Non-disclosure order of the court, 90 days" });
    const authority = String(fields.authority);
    const res = await post(fields, w.tier2Cookie);
    expect(res).toRedirectTo("/supplier/legal-demands?reported=barred");

    const record = await CompelledDisclosure.findOne({ authority }).lean();
    const id = String(record!._id);
    expect(record).toMatchObject({
      noticePermitted: false,
      barredReason: "Non-disclosure order of the court, 90 days",
      notified: [],
      noticeGivenAt: null,
      notice: { verdict: "barred" },
    });
    // recorded in the trail, on the record itself, with the reason and that nobody was told
    const entry = await AuditEvent.findOne({ targetType: "compelled-disclosure", targetId: id }).lean();
    expect(entry).toMatchObject({
      action: "compelled.barred",
      details: { notified: "nobody", barredReason: "Non-disclosure order of the court, 90 days" },
    });
    expect(await AuditEvent.countDocuments({ targetType: "agreement", targetId: w.agreementId })).toBe(0);

    // nothing reaches them: no mail, not on the tab, not in the agreement's audit trail
    await new Promise((r) => setTimeout(r, 300));
    expect(mailsAbout(authority)).toEqual([]);
    for (const who of ["procurement", "discloser"] as const) {
      expect(await lifecycleTab(w, who)).toEqual([]);
      expect(JSON.stringify(await agreementTrail(w, who))).not.toContain(id);
    }
    // nor the supplier above, while the law bars it
    const tier1Page = await loader({
      request: getRequest("/supplier/legal-demands", w.tier1Cookie),
      params: {},
      context: {},
    });
    expect(tier1Page.below).toEqual([]);

    // the reporter sees it as barred, with the reason
    const own = await loader({
      request: getRequest("/supplier/legal-demands", w.tier2Cookie),
      params: {},
      context: {},
    });
    expect(own.demands).toHaveLength(1);
    expect(own.demands[0]).toMatchObject({ id, noticeGivenAt: null, barredReason: fields.barredReason });

    // the bar lifts: notice now, measured from today
    const lifted = await post({ intent: "lift", id }, w.tier2Cookie);
    expect(lifted).toRedirectTo("/supplier/legal-demands?lifted=1");
    await smtp.waitForMessage((m) => m.envelopeTo.includes(w.discloserUser.user.email));
    await smtp.waitForMessage((m) => m.envelopeTo.includes(w.procurement.user.email));
    await smtp.waitForMessage((m) => m.envelopeTo.includes(w.tier1User.user.email));
    expect(mailsAbout(authority)).toHaveLength(3);
    const after = await CompelledDisclosure.findById(id).lean();
    expect(after!.noticeGivenAt).toBeInstanceOf(Date);
    expect(after!.notice).toMatchObject({ noticeDays: 10, requiredDays: 5, verdict: "sufficient" });
    const [row] = await lifecycleTab(w, "discloser");
    expect(row).toMatchObject({ id, authority, notice: { verdict: "sufficient" } });
    expect((await agreementTrail(w, "procurement")).map((r) => r.action)).toContain("compelled.notice");

    // lifting again tells nobody twice
    await post({ intent: "lift", id }, w.tier2Cookie);
    await new Promise((r) => setTimeout(r, 300));
    expect(mailsAbout(authority)).toHaveLength(3);
  });
});

describe("refusals", () => {
  it("refuses bad dates, a deadline before receipt and a bar without a reason, keeping what was typed", async () => {
    const w = await world();
    const future = await post(
      demand(w, { receivedOn: addDaysIso(today(), 3), complyBy: addDaysIso(today(), 9) }),
      w.tier2Cookie,
    );
    expect(future).toBeRefused("receivedOn", "The date received cannot be in the future.");
    const notADate = await post(demand(w, { receivedOn: "2026-02-30" }), w.tier2Cookie);
    expect(notADate).toBeRefused("receivedOn", "Enter a real calendar date.");
    const before = await post(demand(w, { complyBy: addDaysIso(today(), -5) }), w.tier2Cookie);
    expect(before).toBeRefused("complyBy", "The deadline to comply cannot be before the date received.");
    const noReason = demand(w, { noticePermitted: "no", barredReason: "  " });
    const refused = await post(noReason, w.tier2Cookie);
    expect(refused).toBeRefused("barredReason", "Say why notice is barred, e.g. a non-disclosure order.");
    expect((refused as unknown as { data: { values: Record<string, unknown> } }).data.values).toMatchObject({
      authority: noReason.authority,
      noticePermitted: "no",
    });
    const noAnswer = await post(demand(w, { noticePermitted: "" }), w.tier2Cookie);
    expect(noAnswer).toBeRefused("noticePermitted", "Say whether the law lets you notify the disclosing party.");
    expect(await CompelledDisclosure.countDocuments({ agreementId: w.agreement._id })).toBe(0);
    expect(smtp.messages).toEqual([]);
  });

  it("refuses an agreement the supplier is not in the chain of, and another organisation's demand is a 404", async () => {
    const w = await world();
    const outsider = await createUser("supplier", { orgId: String((await createOrg({ kind: "supplier" }))._id) });
    const outsiderCookie = await sessionCookie(String(outsider.user._id));
    expect(await post(demand(w), outsiderCookie)).toBeRefused(
      "agreementId",
      "You are not in this agreement's subcontractor chain.",
    );
    await post(demand(w, { noticePermitted: "no", barredReason: "Gag order" }), w.tier2Cookie);
    const record = await CompelledDisclosure.findOne({ agreementId: w.agreement._id }).lean();
    // neither an outsider nor the supplier above may lift the reporter's bar
    for (const cookie of [outsiderCookie, w.tier1Cookie]) {
      const res = await thrown(post({ intent: "lift", id: String(record!._id) }, cookie));
      expect(res.status).toBe(404);
    }
    expect((await thrown(post({ intent: "lift", id: "not-an-id" }, w.tier2Cookie))).status).toBe(404);
    expect((await CompelledDisclosure.findById(record!._id).lean())!.noticeGivenAt).toBeNull();
    const outsiderPage = await loader({
      request: getRequest("/supplier/legal-demands", outsiderCookie),
      params: {},
      context: {},
    });
    expect(outsiderPage).toMatchObject({ agreements: [], demands: [], below: [] });
  });

  it("is only for suppliers", async () => {
    const w = await world();
    const cookie = await sessionCookie(String(w.procurement.user._id));
    const res = await thrown(
      action({ request: formRequest("/supplier/legal-demands", {}, cookie), params: {}, context: {} }),
    );
    expect([302, 403, 404]).toContain(res.status);
  });
});
