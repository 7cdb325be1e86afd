import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { setupTestDatabase } from "#tests/setup/database";
import { createUser, formRequest, getRequest, sessionCookie } from "#tests/fixtures/factories";
import { createAssessmentWorld } from "#tests/fixtures/assessments";
import { createAgreement } from "#tests/fixtures/agreements";
import { replyOf } from "#tests/helpers/responses";
import { expectDocumented, schemaErrors, type OpenApiDocument } from "#tests/helpers/openapi";

/**
 * The REST API v1 end to end: tokens made and revoked on the token page,
 * the API's loaders called through the security layer server.ts serves
 * them with, and every API answer checked against the OpenAPI document the
 * API itself serves.
 */
const { uri } = setupTestDatabase();

const tokenRoute = await import("#app/routes/_portal.account_.team_.api-tokens");
const { served, respond } = await import("#tests/helpers/api");
const listRoute = await served(import("#app/routes/api.v1.agreements._index"));
const suppliersRoute = await served(import("#app/routes/api.v1.agreements.$id.suppliers"));
const openApiRoute = await served(import("#app/routes/api.v1.openapi[.json]"));
const { loader: docsLoader } = await import("#app/routes/api.v1.docs");
const { requireApiCaller, API_RATE_LIMIT } = await import("#app/features/api/auth.server");
const schemas = await import("#app/features/api/schemas");
const { ApiToken } = await import("#models/api-token.server");
const { AuditEvent } = await import("#models/audit-event.server");
const { Agreement } = await import("#models/agreement.server");
const { User } = await import("#models/user.server");

type World = Awaited<ReturnType<typeof createAssessmentWorld>>;
let a: World;
let b: World;
let doc: OpenApiDocument;
/** org A's recipient agreements: the world's and a few more, for pages */
let aAgreementIds: string[];

async function teamAdminCookie(userId: unknown): Promise<string> {
  await User.updateOne({ _id: String(userId) }, { $set: { teamAdmin: true } });
  return sessionCookie(String(userId));
}

/** Creates a token on the token page, as a team administrator does; returns what the page showed once. */
async function createToken(cookie: string, fields: Partial<Record<"name" | "scope" | "expiresInDays", string>> = {}) {
  const reply = replyOf<{ created: { token: string; prefix: string; name: string; expiresAt: string } }>(
    await tokenRoute.action({
      request: formRequest(
        "/account/team/api-tokens",
        { intent: "create", name: "Procurement suite", scope: "read", expiresInDays: "90", ...fields },
        cookie,
      ),
      params: {},
      context: {},
    }),
  );
  expect(reply.status).toBe(200);
  expect(reply.headers.get("Cache-Control")).toBe("no-store");
  return reply.data.created;
}

const apiRequest = (url: string, token: string | null, headers: Record<string, string> = {}) =>
  new Request(`http://localhost${url}`, {
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
  });

/** GET /api/v1/agreements…, checked against the document; the parsed body and the response. */
async function listAgreements(token: string | null, query = "", headers: Record<string, string> = {}) {
  const response = await respond(() =>
    listRoute.loader!({ request: apiRequest(`/api/v1/agreements${query}`, token, headers), params: {}, context: {} }),
  );
  const status = response.status;
  const etag = response.headers.get("ETag");
  const retryAfter = response.headers.get("Retry-After");
  const body = await expectDocumented(doc, "get", "/api/v1/agreements", response);
  return { status, etag, retryAfter, body: body as Record<string, unknown> & { items?: { id: string }[] } };
}

async function listSuppliers(token: string | null, id: string, headers: Record<string, string> = {}, query = "") {
  const response = await respond(() =>
    suppliersRoute.loader!({
      request: apiRequest(`/api/v1/agreements/${id}/suppliers${query}`, token, headers),
      params: { id },
      context: {},
    }),
  );
  const status = response.status;
  const etag = response.headers.get("ETag");
  const body = await expectDocumented(doc, "get", "/api/v1/agreements/{id}/suppliers", response);
  return { status, etag, body: body as Record<string, unknown> };
}

beforeAll(async () => {
  a = await createAssessmentWorld({ status: "approved" });
  b = await createAssessmentWorld();
  const more = [];
  for (let i = 0; i < 4; i++) more.push(await createAgreement(a));
  aAgreementIds = [String(a.agreement._id), ...more.map((m) => String(m._id))];
  const served = await respond(() =>
    openApiRoute.loader!({ request: new Request("http://localhost/api/v1/openapi.json"), params: {}, context: {} }),
  );
  expect(served.status).toBe(200);
  expect(served.headers.get("Content-Type")).toBe("application/json");
  doc = (await served.json()) as OpenApiDocument;
}, 120_000);

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with the bearer scheme, made from the zod schemas that check requests and answers", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components.securitySchemes.bearerToken).toMatchObject({ type: "http", scheme: "bearer" });
    const components = {
      Problem: schemas.Problem,
      Agreement: schemas.Agreement,
      AgreementList: schemas.AgreementList,
      SupplierResult: schemas.SupplierResult,
      AgreementSuppliers: schemas.AgreementSuppliers,
    };
    for (const [id, schema] of Object.entries(components)) {
      // standalone, a schema inlines the components it uses; the document refers to them instead
      const { $schema: _s, ...json } = z.toJSONSchema(schema) as Record<string, unknown>;
      if (id === "AgreementList" || id === "AgreementSuppliers")
        expect(doc.components.schemas[id], id).toMatchObject({ type: json.type, required: json.required });
      else expect(doc.components.schemas[id], id).toEqual(json);
    }
    const list = doc.paths["/api/v1/agreements"].get as unknown as { parameters: { name: string; schema: unknown }[] };
    expect(list.parameters.map((p) => p.name)).toEqual(Object.keys(schemas.ListAgreementsQuery.shape));
    expect(list.parameters[0].schema).toMatchObject({ type: "integer", minimum: 1, maximum: 100, default: 25 });
    expect(doc.paths["/api/v1/agreements"].get.responses["401"].content!["application/problem+json"].schema).toEqual({
      $ref: "#/components/schemas/Problem",
    });
  });

  it("is rendered as a reference page listing every operation with its parameters and schemas", () => {
    const page = docsLoader();
    expect(page.operations.map((o) => `${o.method} ${o.path}`)).toEqual([
      "GET /api/v1/agreements",
      "GET /api/v1/agreements/{id}/suppliers",
      "GET /api/v1/questionnaires",
      "POST /api/v1/agreements/{id}/assessments",
      "GET /api/v1/assessments",
      "GET /api/v1/assessments/{id}",
      "GET /api/v1/suppliers",
      "GET /api/v1/suppliers/{id}",
      "GET /api/v1/certificates",
      "GET /api/v1/reports",
      "GET /api/v1/incidents",
      "GET /api/v1/reports/{id}/pdf",
      "POST /api/v1/reports/verify",
    ]);
    const incidents = page.operations.find((o) => o.id === "listIncidents")!;
    expect(incidents.parameters.map((p) => p.name)).toEqual(["limit", "cursor", "agreement"]);
    expect(page.schemas.map((s) => s.id)).toEqual(expect.arrayContaining(["Incident", "IncidentList"]));
    const send = page.operations.find((o) => o.id === "sendAssessment")!;
    expect(send.parameters.map((p) => `${p.in}:${p.name}`)).toContain("header:Idempotency-Key");
    expect(page.operations[0].parameters.map((p) => p.name)).toEqual(["limit", "cursor"]);
    expect(page.schemas.map((s) => s.id)).toContain("SupplierResult");
    expect(page.problems.map((p) => p.status)).toEqual(expect.arrayContaining([400, 401, 403, 404, 429]));
  });

  it("has a validator that rejects what the schemas do not allow", () => {
    const schema = { $ref: "#/components/schemas/Agreement" };
    expect(schemaErrors(doc, schema, { id: "x" }).length).toBeGreaterThan(0);
    expect(
      schemaErrors(doc, { $ref: "#/components/schemas/Problem" }, { type: "t", title: "T", status: 700, detail: "" }),
    ).toEqual(["$.status: above 599"]);
  });
});

describe("API tokens", () => {
  it("are shown once, stored as a hash, used, and refused once revoked", async () => {
    const cookie = await teamAdminCookie(a.procurement.user._id);
    const created = await createToken(cookie, { name: "ERP read" });
    expect(created.token).toMatch(/^fd_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(created.token.startsWith(`fd_${created.prefix}_`)).toBe(true);
    // only the hash is stored: nothing in the collection contains the token
    const stored = await ApiToken.findOne({ prefix: created.prefix }).lean();
    expect(stored!._id).toBe(crypto.createHash("sha256").update(created.token).digest("hex"));
    expect(JSON.stringify(await ApiToken.find({}).lean())).not.toContain(created.token.split("_")[2]);
    expect(stored).toMatchObject({ orgId: a.recipient._id, name: "ERP read", scope: "read", lastUsedAt: null });
    expect(stored!.expiresAt.getTime() - stored!.createdAt.getTime()).toBe(90 * 24 * 60 * 60 * 1000);
    // the list shows it without the token
    const page = await tokenRoute.loader({
      request: getRequest("/account/team/api-tokens", cookie),
      params: {},
      context: {},
    });
    const listed = page.tokens.find((t) => t.prefix === created.prefix);
    expect(listed).toMatchObject({ name: "ERP read", scope: "read", state: "active", lastUsedAt: null });
    expect(JSON.stringify(page)).not.toContain(created.token);
    expect(
      await AuditEvent.findOne({ action: "api_token.create", "details.prefix": created.prefix }).lean(),
    ).toBeTruthy();

    const used = await listAgreements(created.token);
    expect(used.status).toBe(200);
    expect((await ApiToken.findById(stored!._id).lean())!.lastUsedAt).toBeInstanceOf(Date);

    const revoked = await tokenRoute.action({
      request: formRequest("/account/team/api-tokens", { intent: "revoke", prefix: created.prefix }, cookie),
      params: {},
      context: {},
    });
    expect(revoked).toRedirectTo("/account/team/api-tokens?done=revoked");
    expect(
      await AuditEvent.findOne({ action: "api_token.revoke", "details.prefix": created.prefix }).lean(),
    ).toBeTruthy();
    const refused = await listAgreements(created.token);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({
      status: 401,
      title: "Unauthorized",
      type: "/api/v1/docs#problem-unauthorized",
    });
  });

  it("are refused when expired, unknown or missing", async () => {
    const cookie = await teamAdminCookie(a.procurement.user._id);
    const created = await createToken(cookie);
    expect((await listAgreements(created.token)).status).toBe(200);
    await ApiToken.updateOne({ prefix: created.prefix }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await listAgreements(created.token)).status).toBe(401);
    expect(
      (await listAgreements(`${created.token.slice(0, -1)}${created.token.endsWith("A") ? "B" : "A"}`)).status,
    ).toBe(401);
    expect((await listAgreements(null)).status).toBe(401);
    expect((await listAgreements("not-a-token")).status).toBe(401);
  });

  it("are made and revoked by team administrators only, and a year at most", async () => {
    const member = await createUser("procurement", { orgId: String(a.recipient._id) });
    const memberCookie = await sessionCookie(String(member.user._id));
    await expect(
      tokenRoute.action({
        request: formRequest(
          "/account/team/api-tokens",
          { intent: "create", name: "x", scope: "read", expiresInDays: "30" },
          memberCookie,
        ),
        params: {},
        context: {},
      }),
    ).rejects.toMatchObject({ status: 403 });
    const cookie = await teamAdminCookie(a.procurement.user._id);
    const tooLong = replyOf(
      await tokenRoute.action({
        request: formRequest(
          "/account/team/api-tokens",
          { intent: "create", name: "", scope: "admin", expiresInDays: "366" },
          cookie,
        ),
        params: {},
        context: {},
      }),
    );
    expect(tooLong.status).toBe(400);
    expect(Object.keys(tooLong.data.errors).sort()).toEqual(["expiresInDays", "name", "scope"]);
    // another organisation's token is not found by this one's administrator
    const other = await createToken(await teamAdminCookie(b.procurement.user._id));
    const foreign = replyOf(
      await tokenRoute.action({
        request: formRequest("/account/team/api-tokens", { intent: "revoke", prefix: other.prefix }, cookie),
        params: {},
        context: {},
      }),
    );
    expect(foreign.status).toBe(404);
    expect((await ApiToken.findOne({ prefix: other.prefix }).lean())!.revokedAt).toBeNull();
  });

  it("of read scope are refused a write with 403; read-write ones pass", async () => {
    const cookie = await teamAdminCookie(a.procurement.user._id);
    const read = await createToken(cookie, { scope: "read" });
    const write = await createToken(cookie, { scope: "read-write" });
    const refused = await respond(() =>
      requireApiCaller(apiRequest("/api/v1/agreements", read.token), { write: true }),
    );
    expect(refused.status).toBe(403);
    expect(refused.headers.get("Content-Type")).toBe("application/problem+json");
    expect(schemaErrors(doc, { $ref: "#/components/schemas/Problem" }, await refused.json())).toEqual([]);
    const caller = await requireApiCaller(apiRequest("/api/v1/agreements", write.token), { write: true });
    expect(caller).toMatchObject({ role: "procurement", orgId: String(a.recipient._id), scope: "read-write" });
  });
});

describe("GET /api/v1/agreements", () => {
  it("walks every agreement of the organisation exactly once, page by page", async () => {
    const token = (await createToken(await teamAdminCookie(a.procurement.user._id))).token;
    const seen: string[] = [];
    let url: string | null = "?limit=2";
    let pages = 0;
    while (url) {
      const page = await listAgreements(token, url.replace("/api/v1/agreements", ""));
      expect(page.status).toBe(200);
      seen.push(...page.body.items!.map((i) => i.id));
      url = page.body.next as string | null;
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(new Set(seen).size);
    expect(seen.sort()).toEqual([...aAgreementIds].sort());
  });

  it("shows another organisation's token none of this organisation's agreements", async () => {
    const token = (await createToken(await teamAdminCookie(b.procurement.user._id))).token;
    const page = await listAgreements(token, "?limit=100");
    expect(page.body.items!.map((i) => i.id)).toEqual([String(b.agreement._id)]);
    const suppliers = await listSuppliers(token, String(a.agreement._id));
    expect(suppliers.status).toBe(404);
    expect(suppliers.body).toMatchObject({ status: 404, title: "Not Found" });
  });

  it("shows a disclosing party's token the agreements it discloses under; a supplier's none", async () => {
    const discloser = (await createToken(await teamAdminCookie(a.discloserUser.user._id))).token;
    const disclosed = await listAgreements(discloser, "?limit=100");
    expect(disclosed.body.items!.map((i) => i.id).sort()).toEqual([...aAgreementIds].sort());
    const supplier = (await createToken(await teamAdminCookie(a.supplierUser.user._id))).token;
    expect((await listAgreements(supplier)).body.items).toEqual([]);
    expect((await listSuppliers(supplier, String(a.agreement._id))).status).toBe(404);
  });

  it("answers 304 to If-None-Match with the current ETag, and a new tag after an edit", async () => {
    const token = (await createToken(await teamAdminCookie(a.procurement.user._id))).token;
    const first = await listAgreements(token, "?limit=100");
    expect(first.etag).toMatch(/^W\/".+"$/);
    const again = await listAgreements(token, "?limit=100", { "If-None-Match": first.etag! });
    expect(again.status).toBe(304);
    expect(again.etag).toBe(first.etag);
    await Agreement.updateOne({ _id: a.agreement._id }, { $set: { title: "Renamed for the ETag test" } });
    const changed = await listAgreements(token, "?limit=100", { "If-None-Match": first.etag! });
    expect(changed.status).toBe(200);
    expect(changed.etag).not.toBe(first.etag);
  });

  it("refuses bad query input with 400, naming each field", async () => {
    const token = (await createToken(await teamAdminCookie(a.procurement.user._id))).token;
    for (const [query, fields] of [
      ["?limit=0", ["limit"]],
      ["?limit=abc", ["limit"]],
      ["?limit=101", ["limit"]],
      ["?limit=2.5", ["limit"]],
      ["?cursor=nope", ["cursor"]],
      ["?cursor=AAAAAAAAAAAAAAA", ["cursor"]],
      ["?limit=0&cursor=x&sort=title", ["cursor", "limit", "sort"]],
    ] as const) {
      const res = await listAgreements(token, query);
      expect(res.status, query).toBe(400);
      expect(Object.keys(res.body.errors as object).sort(), query).toEqual([...fields]);
    }
    const badId = await listSuppliers(token, "not-an-id");
    expect(badId.status).toBe(400);
    expect(Object.keys(badId.body.errors as object)).toEqual(["id"]);
    const badQuery = await listSuppliers(token, String(a.agreement._id), {}, "?limit=3");
    expect(Object.keys(badQuery.body.errors as object)).toEqual(["limit"]);
  });

  it(`limits a token to ${API_RATE_LIMIT.max} requests a minute, then 429 with Retry-After`, async () => {
    const cookie = await teamAdminCookie(a.procurement.user._id);
    const token = (await createToken(cookie)).token;
    // the clock pinned 20 s into a minute, so the window cannot end during the test
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    const at = new Date(minute + 20_000);
    const call = (now: Date) =>
      respond(async () => {
        await requireApiCaller(apiRequest("/api/v1/agreements?limit=1", token), {}, now);
        return new Response(null, { status: 204 });
      });
    for (let i = 0; i < API_RATE_LIMIT.max; i++) expect((await call(at)).status).toBe(204);
    const limited = await call(at);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("Retry-After")).toBe("40");
    // the problem is the one the document describes for the list
    await expectDocumented(doc, "get", "/api/v1/agreements", limited);
    // still refused a second before the minute ends, allowed again in the next one
    expect((await call(new Date(minute + 59_500))).headers.get("Retry-After")).toBe("1");
    expect((await call(new Date(minute + 60_000))).status).toBe(204);
    // another token of the same organisation has its own count
    expect((await listAgreements((await createToken(cookie)).token)).status).toBe(200);
  });

  it(`shares the count between app instances: ${API_RATE_LIMIT.max} in a window in all, not per instance`, async () => {
    const mongoose = (await import("mongoose")).default;
    const { takeApiRequestSlot, windowStart } = await import("#models/api-rate-window.server");
    // a second instance: its own connection (pool) to the same database
    const other = await mongoose.createConnection(uri()).asPromise();
    try {
      const start = windowStart(new Date(), API_RATE_LIMIT.windowMs);
      const tokenId = crypto.randomBytes(32).toString("hex");
      // 150 requests at once, alternating between the two instances
      const allowed = await Promise.all(
        Array.from({ length: API_RATE_LIMIT.max + 30 }, (_, i) =>
          takeApiRequestSlot(tokenId, start, API_RATE_LIMIT, i % 2 ? other : mongoose.connection),
        ),
      );
      expect(allowed.filter(Boolean)).toHaveLength(API_RATE_LIMIT.max);
      // and afterwards, on either instance, none more in this window
      expect(await takeApiRequestSlot(tokenId, start, API_RATE_LIMIT, other)).toBe(false);
      expect(await takeApiRequestSlot(tokenId, start, API_RATE_LIMIT)).toBe(false);
    } finally {
      await other.close();
    }
  });
});

describe("GET /api/v1/agreements/{id}/suppliers", () => {
  it("lists the chain's suppliers with their current results, as the agreement page computes them", async () => {
    const token = (await createToken(await teamAdminCookie(a.procurement.user._id))).token;
    const res = await listSuppliers(token, String(a.agreement._id));
    expect(res.status).toBe(200);
    const body = res.body as z.output<typeof schemas.AgreementSuppliers>;
    expect(body.agreementId).toBe(String(a.agreement._id));
    const tier1 = body.suppliers.find((s) => s.id === String(a.tier1._id))!;
    expect(tier1).toMatchObject({ name: "Tier One Hosting GmbH", tier: 1, parentId: null });
    expect(tier1.latest).toMatchObject({ assessmentId: String(a.assessment._id), status: "approved" });
    expect(tier1.approved?.assessmentId).toBe(String(a.assessment._id));
    expect(tier1.latest!.score).toBeGreaterThan(0);
    const counted = Object.values(tier1.requirementCounts).reduce((n, c) => n + c, 0);
    expect(counted).toBe(a.agreement.requirements.length);
    // a supplier with no assessment yet has no results
    const tier2 = body.suppliers.find((s) => s.id === String(a.tier2._id));
    if (tier2) expect(tier2.latest).toBeNull();
    const again = await listSuppliers(token, String(a.agreement._id), { "If-None-Match": res.etag! });
    expect(again.status).toBe(304);
  });
});
