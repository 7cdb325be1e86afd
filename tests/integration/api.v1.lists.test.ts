import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { formRequest, sessionCookie } from "#tests/fixtures/factories";
import { createAssessmentWorld } from "#tests/fixtures/assessments";
import { replyOf } from "#tests/helpers/responses";
import { expectDocumented, type OpenApiDocument } from "#tests/helpers/openapi";

/**
 * The API's lists and reads beyond agreements: through the security layer
 * server.ts serves them with, every answer checked against the served
 * document, every token seeing what its organisation's pages show.
 */
setupTestDatabase();

const { secureRouteModule } = await import("#app/lib/security.server");
const tokenRoute = await import("#app/routes/_portal.account_.team_.api-tokens");
type RouteModule = Parameters<typeof secureRouteModule>[0];
const served = async (module: Promise<unknown>) => secureRouteModule((await module) as RouteModule);
const sendRoute = await served(import("#app/routes/api.v1.agreements.$id.assessments"));
const listAssessmentsRoute = await served(import("#app/routes/api.v1.assessments._index"));
const openApiRoute = await served(import("#app/routes/api.v1.openapi[.json]"));
const { loader: docsLoader } = await import("#app/routes/api.v1.docs");
const { User } = await import("#models/user.server");
const { Assessment } = await import("#models/assessment.server");

type World = Awaited<ReturnType<typeof createAssessmentWorld>>;
let a: World;
let b: World;
let doc: OpenApiDocument;
let write: string;
let read: string;

async function token(userId: unknown, scope: "read" | "read-write") {
  await User.updateOne({ _id: String(userId) }, { $set: { teamAdmin: true } });
  const cookie = await sessionCookie(String(userId));
  const reply = replyOf<{ created: { token: string; prefix: string } }>(
    await tokenRoute.action({
      request: formRequest(
        "/account/team/api-tokens",
        { intent: "create", name: "Lists", scope, expiresInDays: "30" },
        cookie,
      ),
      params: {},
      context: {},
    }),
  );
  return reply.data.created.token;
}

async function respond(run: () => unknown): Promise<Response> {
  try {
    const value = await run();
    if (!(value instanceof Response)) throw new Error("expected a Response");
    return value;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

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
