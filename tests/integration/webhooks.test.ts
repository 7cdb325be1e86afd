import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { createOrg, createUser, getRequest, sessionCookie } from "#tests/fixtures/factories";
import { createAssessmentWorld, signedInUser, SHORT_TEMPLATE_GOOD_ANSWERS } from "#tests/fixtures/assessments";
import { replyOf } from "#tests/helpers/responses";
import { documentedVerifier } from "#tests/helpers/webhook-snippet";

/**
 * Webhooks end to end: an admin registers an endpoint on the page, a supplier
 * submits through the real use case, and the worker delivers to a receiver on
 * loopback that fails twice (a 500, then a dropped connection) before it
 * answers 200. Time is driven through the worker's `now`, not waited for.
 */
setupTestDatabase();

const { loader, action } = await import("#app/routes/_portal.account_.team_.webhooks");
const { runWebhookDeliveries } = await import("#app/features/webhooks/delivery.server");
const { answerableAssessment, saveAnswerChanges } = await import("#app/features/assessments/autosave.server");
const { submitAssessment } = await import("#app/features/assessments/submission.server");
const { decide } = await import("#app/features/review/review.server");
const { reportIncident } = await import("#app/features/incidents/incidents.server");
const { raiseExpiringCertificates } = await import("#app/features/webhooks/scheduled.server");
const { sendDueReassessments } = await import("#app/features/reassessment/reassessment.server");
const { Certification } = await import("#models/certification.server");
const { todayIso } = await import("#models/today");
const { addDaysIso } = await import("#app/scoring/dates");
const { WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookEvent } = await import("#models/webhook.server");
const { User } = await import("#models/user.server");

type Mode = "500" | "drop" | "ok";
interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A receiver on 127.0.0.1 that answers each request with the next scripted mode (then 200). */
function receiver() {
  const received: Received[] = [];
  const script: Mode[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const mode = script.shift() ?? "ok";
      if (mode === "drop") req.socket.destroy();
      else res.writeHead(mode === "500" ? 500 : 200).end(mode === "500" ? "down for maintenance" : "ok");
    });
  });
  return {
    received,
    script,
    start: () => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve())),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    url: (path: string) => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`,
  };
}

const hook = receiver();
beforeAll(() => hook.start());
afterAll(() => hook.stop());

async function teamAdminOf(orgId: string, role: "procurement" | "discloser" | "supplier" = "procurement") {
  const { user } = await createUser(role, { orgId });
  await User.updateOne({ _id: user._id }, { $set: { teamAdmin: true } });
  return { id: String(user._id), cookie: await sessionCookie(String(user._id)) };
}

function post(cookie: string, fields: [string, string][], url = "/account/team/webhooks") {
  const body = new URLSearchParams();
  for (const [k, v] of fields) body.append(k, v);
  const request = new Request(`http://localhost${url}`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
  });
  return action({ request, params: {}, context: {} });
}

async function register(cookie: string, url: string, events: string[]) {
  const reply = replyOf<{ secret: { value: string; url: string } }>(
    await post(cookie, [
      ["intent", "create"],
      ["url", url],
      ["description", "Ticketing"],
      ...events.map((e): [string, string] => ["events", e]),
    ]),
  );
  expect(reply.status).toBe(200);
  expect(reply.headers.get("Cache-Control")).toBe("no-store");
  const endpoint = await WebhookEndpoint.findOne({ url }).lean();
  return { id: String(endpoint!._id), secret: reply.data.secret.value };
}

async function page(cookie: string, endpointId?: string) {
  const url = `/account/team/webhooks${endpointId ? `?endpoint=${endpointId}` : ""}`;
  return (await loader({ request: getRequest(url, cookie), params: {}, context: {} })) as Awaited<
    ReturnType<typeof loader>
  >;
}

/** The supplier answers and submits as the questionnaire page does. */
async function submitAsSupplier(world: Awaited<ReturnType<typeof createAssessmentWorld>>) {
  const supplier = await signedInUser(world.supplierUser.user._id);
  const id = String(world.assessment._id);
  const answerable = (await answerableAssessment(supplier, id))!;
  const saved = await saveAnswerChanges(supplier, answerable, {
    baseRevision: 0,
    changes: SHORT_TEMPLATE_GOOD_ANSWERS,
  });
  expect(saved.kind).toBe("saved");
  const submitted = await submitAssessment(
    supplier,
    id,
    new Request(`http://localhost/supplier/assessments/${id}`, { method: "POST" }),
  );
  expect(submitted.kind).toBe("submitted");
}

/** Two instances' workers at the same moment on the same database. */
const race = (now: Date) =>
  Promise.all([runWebhookDeliveries({ now, owner: "one" }), runWebhookDeliveries({ now, owner: "two" })]);

const MINUTE = 60_000;

describe("webhooks", () => {
  it("deliver 'assessment submitted' to the procurement organisation's endpoint, signed, retried, once per attempt", async () => {
    const world = await createAssessmentWorld();
    const admin = await teamAdminOf(String(world.recipient._id));
    const mine = await register(admin.cookie, hook.url("/procurement"), ["assessment.submitted", "incident.reported"]);
    // another procurement organisation listening to the same event hears nothing of this one's supplier
    const other = await teamAdminOf(String((await createOrg({ kind: "recipient" }))._id));
    await register(other.cookie, hook.url("/other"), ["assessment.submitted"]);
    // an endpoint of the procurement organisation that did not subscribe to submissions gets nothing either
    await register(admin.cookie, hook.url("/approvals-only"), ["assessment.approved"]);

    hook.script.push("500", "drop", "ok");
    await submitAsSupplier(world);
    const deliveries = await WebhookDelivery.find({}).lean();
    expect(deliveries.map((d) => String(d.endpointId))).toEqual([mine.id]);

    const t0 = new Date();
    const first = await race(t0);
    expect(first.map((r) => r.retrying + r.skipped)).toEqual(expect.arrayContaining([1]));
    expect(hook.received).toHaveLength(1);
    let d = (await WebhookDelivery.findById(deliveries[0]._id).lean())!;
    expect(d).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500 });
    expect(d.nextAttemptAt!.getTime()).toBe(t0.getTime() + MINUTE);

    // not due yet half a minute later
    await race(new Date(t0.getTime() + 30_000));
    expect(hook.received).toHaveLength(1);

    await race(new Date(t0.getTime() + MINUTE));
    expect(hook.received).toHaveLength(2);
    d = (await WebhookDelivery.findById(d._id).lean())!;
    expect(d).toMatchObject({ status: "pending", attempts: 2, lastStatusCode: null });
    expect(d.lastError).toBeTruthy();
    expect(d.nextAttemptAt!.getTime()).toBe(t0.getTime() + 3 * MINUTE);

    const t3 = new Date(t0.getTime() + 3 * MINUTE);
    await race(t3);
    expect(hook.received).toHaveLength(3);
    d = (await WebhookDelivery.findById(d._id).lean())!;
    expect(d).toMatchObject({ status: "delivered", attempts: 3, lastStatusCode: 200, nextAttemptAt: null });
    // delivered: nothing more, however long the workers run
    await race(new Date(t0.getTime() + 60 * MINUTE));
    expect(hook.received).toHaveLength(3);

    // every attempt was the same event, to the procurement organisation's endpoint only, signed as documented
    const verify = documentedVerifier();
    const eventIds = new Set(hook.received.map((r) => r.headers["flowdown-event-id"]));
    expect(eventIds.size).toBe(1);
    for (const r of hook.received) {
      expect(r.path).toBe("/procurement");
      const body = JSON.parse(r.body) as {
        id: string;
        type: string;
        data: { assessment: { id: string; status: string } };
      };
      expect(body.id).toBe(r.headers["flowdown-event-id"]);
      expect(body.type).toBe("assessment.submitted");
      expect(body.data.assessment).toMatchObject({ id: String(world.assessment._id), status: "submitted" });
      const signedAt = Number(r.headers["flowdown-timestamp"]) * 1000;
      expect(verify(mine.secret, r.headers, r.body, signedAt)).toBe(true);
      expect(verify(mine.secret, r.headers, r.body.replace("submitted", "approved"), signedAt)).toBe(false);
      expect(verify(mine.secret, r.headers, r.body, signedAt + 6 * MINUTE)).toBe(false);
    }
    const last = hook.received[2];
    expect(verify(mine.secret, last.headers, last.body, t3.getTime() + 1000)).toBe(true);

    // each attempt claimed once, recorded with its outcome and never the secret
    const attempts = await WebhookAttempt.find({ deliveryId: d._id }).sort({ number: 1 }).lean();
    expect(attempts.map((a) => [a.number, a.statusCode])).toEqual([
      [1, 500],
      [2, null],
      [3, 200],
    ]);
    expect(JSON.stringify(attempts)).not.toContain(mine.secret);
    const stored = await WebhookEndpoint.findById(mine.id).select("+secretSealed").lean();
    expect(stored!.secretSealed).not.toContain(mine.secret);

    // the log, for the organisation's admin; another organisation's admin cannot open it
    const log = (await page(admin.cookie, mine.id)).log!;
    expect(log.deliveries).toHaveLength(1);
    expect(log.deliveries[0]).toMatchObject({
      type: "assessment.submitted",
      attempts: 3,
      status: "delivered",
      lastStatusCode: 200,
    });
    expect((await page(other.cookie, mine.id)).log).toBeNull();
    expect(JSON.stringify(await page(other.cookie))).not.toContain("/procurement");

    // resend from the log: the same event id again; not for another organisation's admin
    const refused = await post(other.cookie, [
      ["intent", "resend"],
      ["endpointId", mine.id],
      ["deliveryId", log.deliveries[0].id],
    ]);
    expect(replyOf(refused).status).toBe(404);
    const resent = await post(admin.cookie, [
      ["intent", "resend"],
      ["endpointId", mine.id],
      ["deliveryId", log.deliveries[0].id],
    ]);
    expect(resent).toBeInstanceOf(Response);
    await race(new Date());
    expect(hook.received).toHaveLength(4);
    expect(hook.received[3].headers["flowdown-event-id"]).toBe(last.headers["flowdown-event-id"]);
    expect(verify(mine.secret, hook.received[3].headers, hook.received[3].body)).toBe(true);
    const relog = (await page(admin.cookie, mine.id)).log!;
    expect(relog.deliveries.map((x) => [x.round, x.status])).toEqual([
      [1, "delivered"],
      [0, "delivered"],
    ]);
    expect(await WebhookEvent.countDocuments({})).toBe(1);
  });

  it("tell the procurement organisation of an approval and of the report made on it, not the supplier", async () => {
    const world = await createAssessmentWorld({ status: "submitted" });
    const admin = await teamAdminOf(String(world.recipient._id));
    const procurementHook = await register(admin.cookie, hook.url("/decisions"), [
      "assessment.approved",
      "assessment.rejected",
      "report.generated",
    ]);
    const supplierAdmin = await teamAdminOf(String(world.tier1._id), "supplier");
    await register(supplierAdmin.cookie, hook.url("/supplier"), ["assessment.approved", "report.generated"]);
    const reviewer = await signedInUser(world.procurement.user._id);
    const id = String(world.assessment._id);
    await decide(
      reviewer,
      id,
      { decision: "approved", comment: "" },
      new Request(`http://localhost/procurement/assessments/${id}`),
    );
    const before = hook.received.length;
    await runWebhookDeliveries();
    const got = hook.received.slice(before);
    expect(got.map((r) => r.path)).toEqual(["/decisions", "/decisions"]);
    expect(got.map((r) => r.headers["flowdown-event-type"]).sort()).toEqual([
      "assessment.approved",
      "report.generated",
    ]);
    const verify = documentedVerifier();
    for (const r of got) expect(verify(procurementHook.secret, r.headers, r.body)).toBe(true);
  });

  it("tell the procurement organisation of a rejection, with the decision in the event", async () => {
    const world = await createAssessmentWorld({ status: "submitted" });
    const admin = await teamAdminOf(String(world.recipient._id));
    const endpoint = await register(admin.cookie, hook.url("/rejections"), ["assessment.rejected"]);
    const reviewer = await signedInUser(world.procurement.user._id);
    const id = String(world.assessment._id);
    await decide(
      reviewer,
      id,
      { decision: "rejected", comment: "Encryption at rest is not evidenced." },
      new Request(`http://localhost/procurement/assessments/${id}`),
    );
    const before = hook.received.length;
    await runWebhookDeliveries();
    const got = hook.received.slice(before).filter((r) => r.path === "/rejections");
    expect(got).toHaveLength(1);
    expect(got[0].headers["flowdown-event-type"]).toBe("assessment.rejected");
    const body = JSON.parse(got[0].body) as { data: { assessment: { id: string; status: string } } };
    expect(body.data.assessment).toMatchObject({ id, status: "rejected" });
    expect(documentedVerifier()(endpoint.secret, got[0].headers, got[0].body)).toBe(true);
  });

  it("tell procurement once that a re-assessment is due, though two instances run the job", async () => {
    const world = await createAssessmentWorld();
    const admin = await teamAdminOf(String(world.recipient._id));
    await register(admin.cookie, hook.url("/reassessments"), ["reassessment.due"]);
    await submitAsSupplier(world);
    const id = String(world.assessment._id);
    await decide(
      await signedInUser(world.procurement.user._id),
      id,
      { decision: "approved", comment: "" },
      new Request(`http://localhost/procurement/assessments/${id}`),
    );
    // past every cadence (at most 24 months): the re-assessment of this approval is due
    const now = new Date(`${addDaysIso(todayIso(), 25 * 31)}T09:00:00Z`);
    const runs = await Promise.all([
      sendDueReassessments({ now, origin: "http://localhost", agreementId: String(world.agreement._id) }),
      sendDueReassessments({ now, origin: "http://localhost", agreementId: String(world.agreement._id) }),
    ]);
    expect(runs.flatMap((r) => r.created)).toHaveLength(1);
    const before = hook.received.length;
    // the event happened at the job's time: the worker sends it from then on
    await runWebhookDeliveries({ now });
    const got = hook.received.slice(before).filter((r) => r.path === "/reassessments");
    expect(got).toHaveLength(1);
    const body = JSON.parse(got[0].body) as { type: string; data: { assessment: { supplierOrgId: string } } };
    expect(body.type).toBe("reassessment.due");
    expect(body.data.assessment.supplierOrgId).toBe(String(world.tier1._id));
  });

  it("tell procurement once of a chain supplier's certificate coming up for expiry, however often the job runs", async () => {
    const world = await createAssessmentWorld();
    const admin = await teamAdminOf(String(world.recipient._id));
    await register(admin.cookie, hook.url("/certificates"), ["certificate.expiring"]);
    const today = todayIso();
    await Certification.create({
      supplierOrgId: world.tier1._id,
      standard: "ISO/IEC 27001",
      certificateNumber: `EXP-${String(world.tier1._id).slice(-6)}`,
      issueDate: addDaysIso(today, -900),
      expiryDate: addDaysIso(today, 45),
    });
    // the daily job on two instances, and again the next day: one event for this certificate and expiry date
    await Promise.all([raiseExpiringCertificates(today), raiseExpiringCertificates(today)]);
    await raiseExpiringCertificates(addDaysIso(today, 1));
    const before = hook.received.length;
    await runWebhookDeliveries();
    const got = hook.received.slice(before).filter((r) => r.path === "/certificates");
    expect(got).toHaveLength(1);
    const body = JSON.parse(got[0].body) as { data: { certificate: { expiryDate: string } } };
    expect(body.data.certificate.expiryDate).toBe(addDaysIso(today, 45));
  });

  it("tell the procurement organisation and the disclosing party of an incident, not the reporting supplier", async () => {
    const world = await createAssessmentWorld();
    const procurement = await teamAdminOf(String(world.recipient._id));
    const discloser = await teamAdminOf(String(world.discloser._id), "discloser");
    const supplier = await teamAdminOf(String(world.tier1._id), "supplier");
    for (const [who, path] of [
      [procurement, "/incident-procurement"],
      [discloser, "/incident-discloser"],
      [supplier, "/incident-supplier"],
    ] as const)
      await register(who.cookie, hook.url(path), ["incident.reported"]);
    const reporter = await signedInUser(world.supplierUser.user._id);
    const now = new Date();
    const detectedAt = new Date(now.getTime() - 60 * MINUTE).toISOString().replace(/:\d{2}\.\d{3}Z$/, "");
    const reported = await reportIncident(
      reporter,
      {
        agreementId: String(world.agreement._id),
        detectedAt,
        classes: ["confidential"],
        description: "A backup bucket was readable without credentials.",
      },
      new Request("http://localhost/supplier/incidents", { method: "POST" }),
      "http://localhost",
      now,
    );
    expect(reported.ok).toBe(true);
    const before = hook.received.length;
    await runWebhookDeliveries({ now });
    const got = hook.received.slice(before);
    expect(got.map((r) => r.path).sort()).toEqual(["/incident-discloser", "/incident-procurement"]);
    // each organisation has its own event id for it
    expect(new Set(got.map((r) => r.headers["flowdown-event-id"])).size).toBe(2);
    for (const r of got) expect(JSON.parse(r.body)).toMatchObject({ type: "incident.reported" });
  });

  it("give up a day after the event, marking the delivery failed", async () => {
    const world = await createAssessmentWorld();
    const admin = await teamAdminOf(String(world.recipient._id));
    const endpoint = await register(admin.cookie, hook.url("/always-down"), ["assessment.submitted"]);
    await submitAsSupplier(world);
    const delivery = (await WebhookDelivery.findOne({ endpointId: endpoint.id }).lean())!;
    hook.script.push(...Array<Mode>(40).fill("500"));
    let now = delivery.createdAt;
    for (let i = 0; i < 40; i++) {
      await runWebhookDeliveries({ now });
      const d = (await WebhookDelivery.findById(delivery._id).lean())!;
      if (d.status !== "pending") break;
      now = d.nextAttemptAt!;
    }
    const d = (await WebhookDelivery.findById(delivery._id).lean())!;
    expect(d.status).toBe("failed");
    expect(d.lastAttemptAt!.getTime()).toBeLessThanOrEqual(delivery.createdAt.getTime() + 24 * 60 * MINUTE);
    expect(d.attempts).toBeGreaterThan(20);
    hook.script.length = 0;
  });

  it("refuse a plain-http or credentialed URL, keep what was typed, and store nothing", async () => {
    const org = await createOrg({ kind: "recipient" });
    const admin = await teamAdminOf(String(org._id));
    for (const [url, reason] of [
      ["http://hooks.example.com/flowdown", "https://"],
      ["https://user:secret@hooks.example.com/flowdown", "user name and password"],
      ["not a url", "not a URL"],
    ]) {
      const reply = replyOf(
        await post(admin.cookie, [
          ["intent", "create"],
          ["url", url],
          ["events", "incident.reported"],
        ]),
      );
      expect(reply.status).toBe(400);
      expect(reply.data.errors.url.join(" ")).toContain(reason);
      expect(reply.data.values).toMatchObject({ url, events: ["incident.reported"] });
    }
    const noEvents = replyOf(
      await post(admin.cookie, [
        ["intent", "create"],
        ["url", "https://hooks.example.com/x"],
      ]),
    );
    expect(noEvents.status).toBe(400);
    expect(noEvents.data.errors.events).toBeTruthy();
    expect(await WebhookEndpoint.countDocuments({ orgId: org._id })).toBe(0);
  });

  it("disable, delete only with confirmation, and never another organisation's endpoint", async () => {
    const org = await createOrg({ kind: "recipient" });
    const admin = await teamAdminOf(String(org._id));
    const other = await teamAdminOf(String((await createOrg({ kind: "recipient" }))._id));
    const endpoint = await register(admin.cookie, "https://hooks.example.com/flowdown", ["report.generated"]);
    const unconfirmed = replyOf(
      await post(admin.cookie, [
        ["intent", "delete"],
        ["endpointId", endpoint.id],
      ]),
    );
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.data.errors.confirm).toBeTruthy();
    const foreign = replyOf(
      await post(other.cookie, [
        ["intent", "delete"],
        ["endpointId", endpoint.id],
        ["confirm", "delete"],
      ]),
    );
    expect(foreign.status).toBe(404);
    expect(
      await post(admin.cookie, [
        ["intent", "disable"],
        ["endpointId", endpoint.id],
      ]),
    ).toBeInstanceOf(Response);
    expect((await WebhookEndpoint.findById(endpoint.id).lean())!.enabled).toBe(false);
    const rotated = replyOf<{ secret: { value: string } }>(
      await post(admin.cookie, [
        ["intent", "rotate"],
        ["endpointId", endpoint.id],
      ]),
    );
    expect(rotated.data.secret.value).not.toBe(endpoint.secret);
    expect(
      await post(admin.cookie, [
        ["intent", "delete"],
        ["endpointId", endpoint.id],
        ["confirm", "delete"],
      ]),
    ).toBeInstanceOf(Response);
    expect(await WebhookEndpoint.exists({ _id: endpoint.id })).toBeNull();
  });
});
