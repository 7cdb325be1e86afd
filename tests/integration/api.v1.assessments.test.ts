import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { getRequest, sessionCookie } from "#tests/fixtures/factories";
import { createAssessmentWorld } from "#tests/fixtures/assessments";
import { expectDocumented, type OpenApiDocument } from "#tests/helpers/openapi";

/**
 * The API's first write, POST /api/v1/agreements/{id}/assessments, and
 * GET /api/v1/assessments/{id}: through the security layer server.ts
 * serves them with, every answer checked against the served document.
 */
setupTestDatabase();

const { served, respond, mintToken } = await import("#tests/helpers/api");
const sendRoute = await served(import("#app/routes/api.v1.agreements.$id.assessments"));
const getRoute = await served(import("#app/routes/api.v1.assessments.$id"));
const openApiRoute = await served(import("#app/routes/api.v1.openapi[.json]"));
const { loader: docsLoader } = await import("#app/routes/api.v1.docs");
const { Assessment } = await import("#models/assessment.server");
const { Invitation } = await import("#models/invitation.server");
const { Outbox } = await import("#models/outbox.server");
const { AuditEvent } = await import("#models/audit-event.server");
const { loader: auditPage } = await import("#app/routes/_portal.procurement.assessments.$id.audit");

type World = Awaited<ReturnType<typeof createAssessmentWorld>>;
let a: World;
let b: World;
let doc: OpenApiDocument;
let write: { token: string; prefix: string };
let read: string;

const token = async (userId: unknown, scope: "read" | "read-write") => mintToken(userId, scope, "Suite");

async function send(tok: string, agreementId: string, body: unknown, contentType = "application/json") {
  const response = await respond(() =>
    sendRoute.action!({
      request: new Request(`http://localhost/api/v1/agreements/${agreementId}/assessments`, {
        method: "POST",
        headers: { Authorization: `Bearer ${tok}`, "Content-Type": contentType },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
      params: { id: agreementId },
      context: {},
    }),
  );
  const status = response.status;
  const location = response.headers.get("Location");
  const json = (await expectDocumented(doc, "post", "/api/v1/agreements/{id}/assessments", response)) as Record<
    string,
    unknown
  >;
  return { status, location, body: json };
}

async function getAssessment(tok: string, id: string, headers: Record<string, string> = {}) {
  const response = await respond(() =>
    getRoute.loader!({
      request: new Request(`http://localhost/api/v1/assessments/${id}`, {
        headers: { Authorization: `Bearer ${tok}`, ...headers },
      }),
      params: { id },
      context: {},
    }),
  );
  const status = response.status;
  const etag = response.headers.get("ETag");
  const body = (await expectDocumented(doc, "get", "/api/v1/assessments/{id}", response)) as Record<string, unknown>;
  return { status, etag, body };
}

const valid = () => ({
  supplierId: String(a.tier2._id),
  templateId: "full-security",
  dueDate: "2099-03-01",
  recipients: ["Api@Tier2.example", "api@tier2.example"],
});

beforeAll(async () => {
  a = await createAssessmentWorld({ status: "approved" });
  b = await createAssessmentWorld();
  write = await token(a.procurement.user._id, "read-write");
  read = (await token(a.procurement.user._id, "read")).token;
  const res = await respond(() =>
    openApiRoute.loader!({ request: new Request("http://localhost/api/v1/openapi.json"), params: {}, context: {} }),
  );
  doc = (await res.json()) as OpenApiDocument;
}, 120_000);

describe("the document", () => {
  it("describes the send operation's body from its schema, and the reference page lists both operations", () => {
    const op = doc.paths["/api/v1/agreements/{id}/assessments"].post as unknown as {
      requestBody: { content: { "application/json": { schema: { required: string[]; properties: object } } } };
    };
    const schema = op.requestBody.content["application/json"].schema;
    expect(schema.required.sort()).toEqual(["dueDate", "recipients", "supplierId", "templateId"]);
    expect(Object.keys(schema.properties)).toContain("sendAnother");
    const page = docsLoader();
    expect(page.operations.map((o) => `${o.method} ${o.path}`)).toEqual(
      expect.arrayContaining(["POST /api/v1/agreements/{id}/assessments", "GET /api/v1/assessments/{id}"]),
    );
    expect(page.operations.find((o) => o.id === "sendAssessment")!.body).toContain("recipients");
  });
});

describe("POST /api/v1/agreements/{id}/assessments", () => {
  it("sends as the send form does: 201, the assessment, its invitations mailed, the audit naming the token", async () => {
    const res = await send(write.token, String(a.agreement._id), valid());
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    expect(res.location).toBe(`/api/v1/assessments/${id}`);
    expect(res.body).toMatchObject({
      agreementId: String(a.agreement._id),
      supplier: { id: String(a.tier2._id) },
      status: "invited",
      dueDate: "2099-03-01",
      templateId: "full-security",
      result: null,
    });
    const stored = await Assessment.findById(id).lean();
    expect(stored).toMatchObject({ status: "invited", ownerOrgId: a.recipient._id });
    expect(stored!.history[0]).toMatchObject({ byUserId: null, byName: `API token fd_${write.prefix}` });
    // the addresses as the form reads them: lower case, once each
    const invitations = await Invitation.find({ assessmentId: id }).lean();
    expect(invitations.map((i) => i.email)).toEqual(["api@tier2.example"]);
    const mails = await Outbox.find({ relatedId: id, kind: "invitation" }).lean();
    expect(mails.map((m) => m.to)).toEqual(["api@tier2.example"]);
    expect(mails[0].text).toMatch(/\/invite\/[A-Za-z0-9_-]{43}/);
    const audit = await AuditEvent.findOne({ action: "assessment.create", targetId: id }).lean();
    expect(audit).toMatchObject({ actorEmail: `API token fd_${write.prefix}`, orgId: String(a.recipient._id) });
    const invited = await AuditEvent.findOne({ action: "invitation.create", targetId: id }).lean();
    expect(invited!.actorEmail).toBe(`API token fd_${write.prefix}`);
    // and procurement's audit page for the assessment shows it, as it shows a user's sends
    const page = await auditPage({
      request: getRequest(`/procurement/assessments/${id}/audit`, await sessionCookie(String(a.procurement.user._id))),
      params: { id },
      context: {},
    });
    expect(JSON.stringify(page.rows)).toContain(`API token fd_${write.prefix}`);

    // a second one beside the open one is refused with 409, as the form refuses it, unless insisted on
    const again = await send(write.token, String(a.agreement._id), valid());
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain(id);
    expect(Object.keys(again.body.errors as object)).toEqual(["supplierId"]);
    const insisted = await send(write.token, String(a.agreement._id), { ...valid(), sendAnother: true });
    expect(insisted.status).toBe(201);
    expect(await Assessment.countDocuments({ agreementId: a.agreement._id, supplierOrgId: a.tier2._id })).toBe(2);
  });

  it("refuses a read token (403), another organisation's agreement (404) and a non-procurement token (403)", async () => {
    const before = await Assessment.countDocuments({});
    expect((await send(read, String(a.agreement._id), valid())).status).toBe(403);
    const other = await token(b.procurement.user._id, "read-write");
    const foreign = await send(other.token, String(a.agreement._id), valid());
    expect(foreign.status).toBe(404);
    const supplier = await token(a.supplierUser.user._id, "read-write");
    expect((await send(supplier.token, String(a.agreement._id), valid())).status).toBe(403);
    expect(await Assessment.countDocuments({})).toBe(before);
  });

  it("refuses bad bodies with 400 or 422 naming the fields, and sends nothing", async () => {
    const before = await Assessment.countDocuments({});
    const mailsBefore = await Outbox.countDocuments({});
    const agreementId = String(a.agreement._id);
    for (const [body, status, fields] of [
      [{}, 400, ["dueDate", "recipients", "supplierId", "templateId"]],
      [{ ...valid(), dueDate: "2000-01-01" }, 400, ["dueDate"]],
      [{ ...valid(), dueDate: "2099-02-30" }, 400, ["dueDate"]],
      [{ ...valid(), recipients: [] }, 400, ["recipients"]],
      [{ ...valid(), recipients: ["not-an-address"] }, 400, ["recipients.0"]],
      [{ ...valid(), extra: 1 }, 400, ["extra"]],
      [{ ...valid(), supplierId: "x" }, 400, ["supplierId"]],
      [{ ...valid(), supplierId: String(b.tier1._id) }, 422, ["supplierId"]],
      [{ ...valid(), templateId: "no-such-questionnaire" }, 422, ["templateId"]],
    ] as const) {
      const res = await send(write.token, agreementId, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(Object.keys(res.body.errors as object).sort(), JSON.stringify(body)).toEqual([...fields]);
      expect(res.body.type).toMatch(/^\/api\/v1\/docs#problem-/);
    }
    // the use case's refusals are said in English, like the rest of the API
    const unknown = await send(write.token, agreementId, { ...valid(), templateId: "no-such-questionnaire" });
    expect((unknown.body.errors as Record<string, string[]>).templateId[0]).toMatch(/[a-z]/i);
    expect((await send(write.token, agreementId, "{not json")).status).toBe(400);
    expect((await send(write.token, agreementId, "a=b", "application/x-www-form-urlencoded")).status).toBe(415);
    expect((await send(write.token, "not-an-id", valid())).status).toBe(400);
    expect(await Assessment.countDocuments({})).toBe(before);
    expect(await Outbox.countDocuments({})).toBe(mailsBefore);
  });
});

describe("GET /api/v1/assessments/{id}", () => {
  it("shows the organisation's assessment with its current result; 304 with its ETag", async () => {
    const res = await getAssessment(read, String(a.assessment._id));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: String(a.assessment._id),
      agreementId: String(a.agreement._id),
      supplier: { id: String(a.tier1._id), name: "Tier One Hosting GmbH" },
      status: "approved",
    });
    const result = res.body.result as { score: number; requirementCounts: Record<string, number> };
    expect(result.score).toBeGreaterThan(0);
    expect(Object.values(result.requirementCounts).reduce((n, c) => n + c, 0)).toBe(a.agreement.requirements.length);
    const again = await getAssessment(read, String(a.assessment._id), { "If-None-Match": res.etag! });
    expect(again.status).toBe(304);
  });

  it("shows the supplier's token its own assessment, and another organisation's token nothing (404)", async () => {
    const supplier = await token(a.supplierUser.user._id, "read");
    expect((await getAssessment(supplier.token, String(a.assessment._id))).status).toBe(200);
    const other = await token(b.procurement.user._id, "read");
    const foreign = await getAssessment(other.token, String(a.assessment._id));
    expect(foreign.status).toBe(404);
    expect(foreign.body).toMatchObject({ status: 404, title: "Not Found" });
    expect((await getAssessment(other.token, "not-an-id")).status).toBe(400);
  });
});
