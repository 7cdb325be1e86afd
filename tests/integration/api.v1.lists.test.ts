import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { sessionCookie } from "#tests/fixtures/factories";
import { createAssessmentWorld } from "#tests/fixtures/assessments";
import { expectDocumented, type OpenApiDocument } from "#tests/helpers/openapi";

/**
 * The API's lists and reads beyond agreements: through the security layer
 * server.ts serves them with, every answer checked against the served
 * document, every token seeing what its organisation's pages show.
 */
setupTestDatabase();

const { served, respond, mintToken } = await import("#tests/helpers/api");
const sendRoute = await served(import("#app/routes/api.v1.agreements.$id.assessments"));
const listAssessmentsRoute = await served(import("#app/routes/api.v1.assessments._index"));
const suppliersRoute = await served(import("#app/routes/api.v1.suppliers._index"));
const supplierRoute = await served(import("#app/routes/api.v1.suppliers.$id"));
const certificatesRoute = await served(import("#app/routes/api.v1.certificates._index"));
const listReportsRoute = await served(import("#app/routes/api.v1.reports._index"));
const pdfRoute = await served(import("#app/routes/api.v1.reports.$id.pdf"));
const verifyRoute = await served(import("#app/routes/api.v1.reports.verify"));
const openApiRoute = await served(import("#app/routes/api.v1.openapi[.json]"));
const { loader: docsLoader } = await import("#app/routes/api.v1.docs");
const { Assessment } = await import("#models/assessment.server");
const { Certification } = await import("#models/certification.server");
const { ReportRecord } = await import("#models/report.server");
const { AuditEvent } = await import("#models/audit-event.server");
const { generateAgreementReport } = await import("#app/features/reports/reports.server");

type World = Awaited<ReturnType<typeof createAssessmentWorld>>;
let a: World;
let b: World;
let doc: OpenApiDocument;
let write: string;
let read: string;

const token = async (userId: unknown, scope: "read" | "read-write") => (await mintToken(userId, scope, "Lists")).token;

/** GETs `url` from `route` with the token; the answer checked against the document's `template` operation. */
async function get(
  route: { loader?: (args: never) => unknown },
  template: string,
  url: string,
  tok: string,
  params: Record<string, string> = {},
  headers: Record<string, string> = {},
) {
  const loader = route.loader as unknown as (args: {
    request: Request;
    params: Record<string, string>;
    context: object;
  }) => unknown;
  const response = await respond(() =>
    loader({
      request: new Request(`http://localhost${url}`, { headers: { Authorization: `Bearer ${tok}`, ...headers } }),
      params,
      context: {},
    }),
  );
  const status = response.status;
  const etag = response.headers.get("ETag");
  const body = (await expectDocumented(doc, "get", template, response)) as Record<string, unknown>;
  return { status, etag, body, headers: response.headers };
}

type Page = { items: { id: string; status: string; supplier: { id: string }; result: unknown }[]; next: string | null };

/** Every item of a list, following `next` from `url`. */
async function walk(route: Parameters<typeof get>[0], template: string, url: string, tok: string) {
  const ids: string[] = [];
  let next: string | null = url;
  while (next) {
    const res = await get(route, template, next, tok);
    expect(res.status, next).toBe(200);
    const page = res.body as unknown as Page;
    ids.push(...page.items.map((i) => i.id));
    next = page.next;
  }
  return ids;
}

beforeAll(async () => {
  a = await createAssessmentWorld({ status: "approved" });
  b = await createAssessmentWorld();
  write = await token(a.procurement.user._id, "read-write");
  read = await token(a.procurement.user._id, "read");
  const res = await respond(() =>
    openApiRoute.loader!({ request: new Request("http://localhost/api/v1/openapi.json"), params: {}, context: {} }),
  );
  doc = (await res.json()) as OpenApiDocument;
  // two more of org A's, to tier 2, sent through the API
  const agreementId = String(a.agreement._id);
  const supplierId = String(a.tier2._id);
  const tok = write;
  const sendOne = () =>
    respond(() =>
      sendRoute.action!({
        request: new Request(`http://localhost/api/v1/agreements/${agreementId}/assessments`, {
          method: "POST",
          headers: { Authorization: `Bearer ${tok}`, "Content-Type": "application/json" },
          body: JSON.stringify({
            supplierId,
            templateId: "full-security",
            dueDate: "2099-03-01",
            recipients: ["lists@tier2.example"],
            sendAnother: true,
          }),
        }),
        params: { id: agreementId },
        context: {},
      }),
    );
  for (let i = 0; i < 2; i++) expect((await sendOne()).status).toBe(201);
}, 120_000);

describe("GET /api/v1/assessments", () => {
  const list = (query: string, tok = read) =>
    get(listAssessmentsRoute, "/api/v1/assessments", `/api/v1/assessments${query}`, tok);

  it("walks every assessment of the organisation once, a page at a time, each with its current result", async () => {
    const mine = (await Assessment.find({ ownerOrgId: a.recipient._id }, { _id: 1 }).sort({ _id: 1 }).lean()).map((x) =>
      String(x._id),
    );
    expect(mine).toHaveLength(3);
    expect(await walk(listAssessmentsRoute, "/api/v1/assessments", "/api/v1/assessments?limit=2", read)).toEqual(mine);
    const first = await list("?limit=2");
    const page = first.body as unknown as Page;
    expect(page.items).toHaveLength(2);
    const approved = page.items.find((i) => i.id === String(a.assessment._id))!;
    expect(approved.result).toMatchObject({ rating: expect.any(String), score: expect.any(Number) });
    expect(await list("?limit=2", read).then((r) => r.etag)).toBe(first.etag);
    expect(
      (
        await get(
          listAssessmentsRoute,
          "/api/v1/assessments",
          "/api/v1/assessments?limit=2",
          read,
          {},
          {
            "If-None-Match": first.etag!,
          },
        )
      ).status,
    ).toBe(304);
  });

  it("filters as the dashboard does: status, rating, agreement, supplier, name search, overdue", async () => {
    const ids = async (query: string) => ((await list(query)).body as unknown as Page).items.map((i) => i.id);
    const approvedId = String(a.assessment._id);
    const rating = (await Assessment.findById(approvedId).lean())!.result!.rating;
    expect(await ids("?status=approved")).toEqual([approvedId]);
    expect(await ids("?status=invited")).toHaveLength(2);
    expect(await ids(`?rating=${rating}`)).toEqual([approvedId]);
    expect(await ids(`?agreement=${String(a.agreement._id)}`)).toHaveLength(3);
    expect(await ids(`?agreement=${String(b.agreement._id)}`)).toEqual([]);
    expect(await ids(`?supplier=${String(a.tier2._id)}`)).toHaveLength(2);
    expect(await ids(`?supplier=${String(a.tier1._id)}`)).toEqual([approvedId]);
    expect(await ids("?q=tier%20one")).toEqual([approvedId]);
    expect(await ids("?q=hosting&status=invited")).toEqual([]);
    expect(await ids("?overdue=1")).toEqual([]);
    // a filter keeps itself on the next page's link
    const paged = (await list("?status=invited&limit=1")).body as unknown as Page;
    expect(paged.next).toMatch(/status=invited/);
    expect(
      await walk(listAssessmentsRoute, "/api/v1/assessments", "/api/v1/assessments?status=invited&limit=1", read),
    ).toHaveLength(2);
  });

  it("shows a supplier's token its own questionnaires, another organisation's token none of org A's", async () => {
    const supplier = await token(a.supplierUser.user._id, "read");
    expect(((await list("", supplier)).body as unknown as Page).items.map((i) => i.id)).toEqual([
      String(a.assessment._id),
    ]);
    const other = await token(b.procurement.user._id, "read");
    expect(((await list("", other)).body as unknown as Page).items.map((i) => i.id)).toEqual([
      String(b.assessment._id),
    ]);
    const discloser = await token(a.discloserUser.user._id, "read");
    expect(((await list("", discloser)).body as unknown as Page).items).toEqual([]);
  });

  it("answers bad parameters with a 400 naming them", async () => {
    for (const [query, field] of [
      ["?status=nope", "status"],
      ["?rating=extreme", "rating"],
      ["?agreement=x", "agreement"],
      ["?supplier=x", "supplier"],
      ["?overdue=yes", "overdue"],
      ["?q=%20", "q"],
      ["?cursor=abc", "cursor"],
      ["?limit=0", "limit"],
      ["?sort=due", "sort"],
    ] as const) {
      const res = await list(query);
      expect(res.status, query).toBe(400);
      expect(Object.keys(res.body.errors as object), query).toEqual([field]);
    }
    expect((await list("?status=approved", "fd_nonsense")).status).toBe(401);
  });

  it("is in the document and on the reference page", () => {
    expect(docsLoader().operations.map((o) => o.id)).toContain("listAssessments");
  });
});

describe("reports: list, download, verify", () => {
  const author = { id: null, name: "Suite", actor: null };
  const listReports = (query: string, tok = read) =>
    get(listReportsRoute, "/api/v1/reports", `/api/v1/reports${query}`, tok);
  type ReportPage = {
    items: { id: string; subjectType: string; subjectId: string; version: number; sha256: string; pdf: string }[];
  };
  const pdf = (id: string, tok = read, headers: Record<string, string> = {}) =>
    get(pdfRoute, "/api/v1/reports/{id}/pdf", `/api/v1/reports/${id}/pdf`, tok, { id }, headers);
  async function verify(body: BodyInit, contentType: string, tok = read) {
    const response = await respond(() =>
      verifyRoute.action!({
        request: new Request("http://localhost/api/v1/reports/verify", {
          method: "POST",
          headers: { Authorization: `Bearer ${tok}`, "Content-Type": contentType },
          body,
        }),
        params: {},
        context: {},
      }),
    );
    const status = response.status;
    return {
      status,
      body: (await expectDocumented(doc, "post", "/api/v1/reports/verify", response)) as Record<string, unknown>,
    };
  }

  let v1: string;
  let v2: string;
  beforeAll(async () => {
    v1 = String((await generateAgreementReport(String(a.agreement._id), author, "on_demand", null, "en"))._id);
    v2 = String((await generateAgreementReport(String(a.agreement._id), author, "on_demand", null, "en"))._id);
    await generateAgreementReport(String(b.agreement._id), author, "on_demand", null, "en");
  }, 120_000);

  it("lists the organisation's reports, every version, filtered by subject; another organisation's none of them", async () => {
    const all = (await listReports("?limit=100")).body as unknown as ReportPage;
    const mine = (
      await ReportRecord.find({ recipientOrgId: a.recipient._id, state: "stored" }).sort({ _id: 1 }).lean()
    ).map((r) => String(r._id));
    expect(all.items.map((r) => r.id)).toEqual(mine);
    expect(mine).toEqual(expect.arrayContaining([v1, v2]));
    const agreementOnly = (await listReports(`?subjectType=agreement&subjectId=${String(a.agreement._id)}`))
      .body as unknown as ReportPage;
    expect(agreementOnly.items.map((r) => [r.id, r.version])).toEqual([
      [v1, 1],
      [v2, 2],
    ]);
    expect(((await listReports(`?subjectId=${String(b.agreement._id)}`)).body as unknown as ReportPage).items).toEqual(
      [],
    );
    expect(await walk(listReportsRoute, "/api/v1/reports", "/api/v1/reports?limit=1", read)).toEqual(mine);
    // the disclosing party sees the same, a supplier none (as the report pages allow)
    const discloser = await token(a.discloserUser.user._id, "read");
    expect(((await listReports("?limit=100", discloser)).body as unknown as ReportPage).items.map((r) => r.id)).toEqual(
      mine,
    );
    const supplier = await token(a.supplierUser.user._id, "read");
    expect(((await listReports("", supplier)).body as unknown as ReportPage).items).toEqual([]);
    expect((await listReports("?subjectType=memo")).status).toBe(400);
  });

  it("downloads the stored bytes with their SHA-256 as Repr-Digest and ETag, records it, 304 when unchanged", async () => {
    const record = (await ReportRecord.findById(v1).lean())!;
    const res = await pdf(v1);
    expect(res.status).toBe(200);
    const bytes = res.body as unknown as Uint8Array;
    const crypto = await import("node:crypto");
    const hash = crypto.createHash("sha256").update(bytes).digest();
    expect(hash.toString("hex")).toBe(record.sha256);
    expect(res.headers.get("Repr-Digest")).toBe(`sha-256=:${hash.toString("base64")}:`);
    expect(res.headers.get("ETag")).toBe(`"${record.sha256}"`);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(Buffer.from(bytes).subarray(0, 5).toString()).toBe("%PDF-");
    expect(await AuditEvent.countDocuments({ action: "report.download", actorEmail: /^API token fd_/ })).toBe(1);
    expect((await pdf(v1, read, { "If-None-Match": res.etag! })).status).toBe(304);
    // another organisation's token, a supplier's: 404; a bad id: 400
    const other = await token(b.procurement.user._id, "read");
    expect((await pdf(v1, other)).status).toBe(404);
    expect((await pdf(v1, await token(a.supplierUser.user._id, "read"))).status).toBe(404);
    expect((await pdf("nope")).status).toBe(400);
  });

  it("verifies a hash or the PDF's bytes as the verify page does, naming the report and a newer version", async () => {
    const record = (await ReportRecord.findById(v1).lean())!;
    const byHash = await verify(JSON.stringify({ sha256: record.sha256!.toUpperCase() }), "application/json");
    expect(byHash.status).toBe(200);
    expect(byHash.body).toMatchObject({
      authentic: true,
      sha256: record.sha256,
      report: { subjectType: "agreement", version: 1, latest: { version: 2 } },
    });
    const bytes = (await pdf(v2)).body as unknown as Uint8Array;
    const byFile = await verify(bytes as BodyInit, "application/pdf");
    expect(byFile.body).toMatchObject({ authentic: true, report: { version: 2, latest: null } });
    const tampered = Buffer.from(bytes);
    tampered[tampered.length - 10] ^= 1;
    expect((await verify(tampered as BodyInit, "application/pdf")).body).toMatchObject({
      authentic: false,
      report: null,
    });
    expect((await verify(JSON.stringify({ sha256: "0".repeat(64) }), "application/json")).body.authentic).toBe(false);
    const bad = await verify(JSON.stringify({ sha256: "xyz" }), "application/json");
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors as object)).toEqual(["sha256"]);
    expect((await verify("sha256=1", "application/x-www-form-urlencoded")).status).toBe(415);
    expect((await verify(new Uint8Array(0) as BodyInit, "application/pdf")).status).toBe(400);
  });
});

describe("suppliers and certificates", () => {
  type Items = { items: { id: string; name?: string; supplierId?: string; status?: string }[]; next: string | null };
  const ids = (r: { body: Record<string, unknown> }) => (r.body as unknown as Items).items.map((i) => i.id);
  const suppliers = (query: string, tok = read) =>
    get(suppliersRoute, "/api/v1/suppliers", `/api/v1/suppliers${query}`, tok);
  const supplier = (id: string, tok = read) =>
    get(supplierRoute, "/api/v1/suppliers/{id}", `/api/v1/suppliers/${id}`, tok, { id });
  const certificates = (query: string, tok = read) =>
    get(certificatesRoute, "/api/v1/certificates", `/api/v1/certificates${query}`, tok);
  let valid: string;
  let expired: string;
  let foreign: string;
  beforeAll(async () => {
    const cert = async (supplierOrgId: typeof a.tier1._id, standard: string, expiryDate: string) => {
      const [created] = await Certification.insertMany([
        {
          supplierOrgId,
          standard,
          certificateNumber: `C-${standard}`,
          certificationBody: "Body",
          issueDate: "2020-01-01",
          expiryDate,
          controls: [],
          fileId: null,
          fileName: "",
          createdBy: null,
        },
      ]);
      return String(created._id);
    };
    valid = await cert(a.tier1._id, "ISO 27001", "2098-06-30");
    expired = await cert(a.tier1._id, "SOC 2", "2021-01-01");
    foreign = await cert(b.tier1._id, "ISO 27001", "2098-06-30");
  });

  it("lists the directory's suppliers as the directory page does, searchable by name, a page at a time", async () => {
    const all = await suppliers("?limit=100");
    expect(ids(all)).toEqual(expect.arrayContaining([String(a.tier1._id), String(a.tier2._id)]));
    expect(ids(all)).not.toContain(String(b.tier1._id));
    const walked = await walk(suppliersRoute, "/api/v1/suppliers", "/api/v1/suppliers?limit=1", read);
    expect(walked).toEqual(ids(all));
    expect(ids(await suppliers("?q=tier%20one"))).toEqual([String(a.tier1._id)]);
    // a supplier's or a discloser's token: no directory
    expect(ids(await suppliers("", await token(a.supplierUser.user._id, "read")))).toEqual([]);
    expect(ids(await suppliers("", await token(a.discloserUser.user._id, "read")))).toEqual([]);
    expect((await suppliers("?q=%20")).status).toBe(400);
  });

  it("shows one supplier with its certificates and latest result per agreement; 404 for another's", async () => {
    const res = await supplier(String(a.tier1._id));
    expect(res.status).toBe(200);
    const body = res.body as {
      certificates: { id: string; status: string }[];
      results: { assessmentId: string; agreementId: string }[];
    };
    expect(body.certificates.map((c) => [c.id, c.status])).toEqual([
      [valid, "valid"],
      [expired, "expired"],
    ]);
    expect(body.results).toEqual([
      expect.objectContaining({
        agreementId: String(a.agreement._id),
        assessmentId: String(a.assessment._id),
        status: "approved",
      }),
    ]);
    expect((await supplier(String(b.tier1._id))).status).toBe(404);
    expect((await supplier(String(a.tier1._id), await token(b.procurement.user._id, "read"))).status).toBe(404);
    expect((await supplier("zz")).status).toBe(400);
  });

  it("lists the certificates the organisation can see, filtered by supplier, expiry and status", async () => {
    expect(ids(await certificates(""))).toEqual([valid, expired]);
    expect(ids(await certificates(`?supplier=${String(a.tier1._id)}&status=expired`))).toEqual([expired]);
    expect(ids(await certificates("?status=valid"))).toEqual([valid]);
    expect(ids(await certificates("?expiringBefore=2099-01-01&status=valid"))).toEqual([valid]);
    expect(ids(await certificates("?expiringBefore=2050-01-01"))).toEqual([expired]);
    expect(ids(await certificates(`?supplier=${String(b.tier1._id)}`))).toEqual([]);
    expect(await walk(certificatesRoute, "/api/v1/certificates", "/api/v1/certificates?limit=1", read)).toEqual([
      valid,
      expired,
    ]);
    // the supplier sees its own, as on its certifications page; another organisation none of A's
    expect(ids(await certificates("", await token(a.supplierUser.user._id, "read")))).toEqual([valid, expired]);
    expect(ids(await certificates("", await token(b.procurement.user._id, "read")))).toEqual([foreign]);
    for (const q of ["?status=soon", "?expiringBefore=tomorrow", "?supplier=x"])
      expect((await certificates(q)).status, q).toBe(400);
  });
});

describe("Idempotency-Key on POST /api/v1/agreements/{id}/assessments", () => {
  async function send(key: string | null, dueDate: string, tok = write) {
    const agreementId = String(a.agreement._id);
    const response = await respond(() =>
      sendRoute.action!({
        request: new Request(`http://localhost/api/v1/agreements/${agreementId}/assessments`, {
          method: "POST",
          headers: {
            Authorization: `Bearer ${tok}`,
            "Content-Type": "application/json",
            ...(key === null ? {} : { "Idempotency-Key": key }),
          },
          body: JSON.stringify({
            supplierId: String(a.tier2._id),
            templateId: "full-security",
            dueDate,
            recipients: ["idem@tier2.example"],
            sendAnother: true,
          }),
        }),
        params: { id: agreementId },
        context: {},
      }),
    );
    const status = response.status;
    const replayed = response.headers.get("Idempotent-Replayed");
    const location = response.headers.get("Location");
    const body = (await expectDocumented(doc, "post", "/api/v1/agreements/{id}/assessments", response)) as Record<
      string,
      unknown
    >;
    return { status, replayed, location, body };
  }

  it("sends once per key and token: a retry answers the first result, another body with the key is a 422", async () => {
    const count = () => Assessment.countDocuments({ ownerOrgId: a.recipient._id });
    const before = await count();
    const first = await send("order-4711", "2099-04-01");
    expect(first.status).toBe(201);
    const again = await send("order-4711", "2099-04-01");
    expect(again).toMatchObject({ status: 201, replayed: "true", location: first.location, body: first.body });
    expect(await count()).toBe(before + 1);
    const other = await send("order-4711", "2099-05-01");
    expect(other.status).toBe(422);
    expect(Object.keys(other.body.errors as object)).toEqual(["Idempotency-Key"]);
    // another token's key is its own; no key sends every time
    expect((await send("order-4711", "2099-04-01", await token(a.procurement.user._id, "read-write"))).status).toBe(
      201,
    );
    expect((await send(null, "2099-04-01")).status).toBe(201);
    expect(await count()).toBe(before + 3);
    // a refused send gives the key back: the corrected retry goes through
    expect((await send("order-4712", "2000-01-01")).status).toBe(400);
    expect((await send("order-4712", "2099-04-01")).status).toBe(201);
    expect((await send("x".repeat(201), "2099-04-01")).status).toBe(400);
  });
});

describe("GET /api/v1/incidents", () => {
  const incidentsRoute = served(import("#app/routes/api.v1.incidents._index"));

  it("shows each organisation the incidents its pages show, a page at a time, and no other's", async () => {
    const route = await incidentsRoute;
    const { getUser } = await import("#app/features/accounts/auth.server");
    const { reportIncident } = await import("#app/features/incidents/incidents.server");
    const report = async (w: World, description: string) => {
      const user = await getUser(
        new Request("http://localhost/", { headers: { Cookie: await sessionCookie(String(w.supplierUser.user._id)) } }),
      );
      const result = await reportIncident(
        user!,
        {
          agreementId: String(w.agreement._id),
          detectedAt: new Date(Date.now() - 3_600_000).toISOString().substring(0, 16),
          classes: ["confidential"],
          description,
        },
        new Request("http://localhost/supplier/incidents", { method: "POST" }),
        "http://localhost",
      );
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      return result.id;
    };
    const ofA = [await report(a, "Laptop stolen from a car"), await report(a, "Phishing mail opened by staff")];
    const ofB = [await report(b, "Backup tape lost in transit")];
    const discloserToken = await token(a.discloserUser.user._id, "read");
    const supplierToken = await token(a.supplierUser.user._id, "read");
    const otherToken = await token(b.procurement.user._id, "read");
    for (const tok of [read, discloserToken, supplierToken]) {
      const ids = await walk(route, "/api/v1/incidents", "/api/v1/incidents?limit=1", tok);
      expect(ids.sort()).toEqual([...ofA].sort());
    }
    expect(await walk(route, "/api/v1/incidents", "/api/v1/incidents", otherToken)).toEqual(ofB);
    const first = await get(route, "/api/v1/incidents", `/api/v1/incidents?agreement=${String(a.agreement._id)}`, read);
    const item = (first.body.items as Record<string, unknown>[]).find((i) => i.id === ofA[0])!;
    expect(item).toMatchObject({
      agreementId: String(a.agreement._id),
      supplierId: String(a.tier1._id),
      supplier: "Tier One Hosting GmbH",
      classes: ["confidential"],
      description: "Laptop stolen from a car",
    });
    expect((item.timing as { delayHours: number }).delayHours).toBeGreaterThanOrEqual(1);
    // another organisation's agreement as a filter: nothing of it
    const filtered = await get(
      route,
      "/api/v1/incidents",
      `/api/v1/incidents?agreement=${String(b.agreement._id)}`,
      read,
    );
    expect(filtered.body.items).toEqual([]);
    // a bad filter is a 400 naming it
    const bad = await get(route, "/api/v1/incidents", "/api/v1/incidents?agreement=nope", read);
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors as object)).toEqual(["agreement"]);
  });
});

describe("the disclosing party's view", () => {
  it("reads its agreement's suppliers with their current results, as procurement does; no assessments", async () => {
    const suppliers = await served(import("#app/routes/api.v1.agreements.$id.suppliers"));
    const discloser = await token(a.discloserUser.user._id, "read");
    const id = String(a.agreement._id);
    const url = `/api/v1/agreements/${id}/suppliers`;
    const seen = await get(suppliers, "/api/v1/agreements/{id}/suppliers", url, discloser, { id });
    expect(seen.status).toBe(200);
    // the discloser's agreement page shows the same chain and results as procurement's
    const procurement = await get(suppliers, "/api/v1/agreements/{id}/suppliers", url, read, { id });
    expect(seen.body).toEqual(procurement.body);
    const tier1 = (seen.body.suppliers as { id: string; latest: { status: string } | null }[]).find(
      (s) => s.id === String(a.tier1._id),
    );
    expect(tier1?.latest?.status).toBe("approved");
    // another organisation's agreement: not found
    const other = String(b.agreement._id);
    const refused = await get(
      suppliers,
      "/api/v1/agreements/{id}/suppliers",
      `/api/v1/agreements/${other}/suppliers`,
      discloser,
      { id: other },
    );
    expect(refused.status).toBe(404);
    // its pages list no assessments (no dashboard, no assessment links): the list is empty, as documented
    const listed = await get(listAssessmentsRoute, "/api/v1/assessments", "/api/v1/assessments", discloser);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([]);
    const op = (doc as unknown as { paths: Record<string, { get: { description: string } }> }).paths[
      "/api/v1/assessments"
    ];
    expect(op.get.description).toContain("disclosing party");
  });
});
