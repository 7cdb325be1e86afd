import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "#scripts/demo/demo-data.server";
import { signInOverHttp } from "#tests/helpers/served-portal";
import { expectDocumented, type OpenApiDocument } from "#tests/helpers/openapi";
import { startApp, type RunningApp } from "./harness";

/**
 * The API as a second program uses it: over HTTP from the served build,
 * with nothing but a token (made on the token page by the demo procurement
 * team administrator) and the OpenAPI document.
 */
let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
}, 120_000);
afterAll(async () => {
  await app?.stop();
});

describe("the served API", () => {
  it("lists an agreement's suppliers with their results and sends a questionnaire, using only the OpenAPI document and a token", async () => {
    const procurement = DEMO_ACCOUNTS.find((a) => a.role === "procurement")!;
    const cookie = await signInOverHttp(app.baseUrl, procurement.email, procurement.password);
    const form = await fetch(`${app.baseUrl}/account/team/api-tokens`, {
      method: "POST",
      body: new URLSearchParams({ intent: "create", name: "Second program", scope: "read-write", expiresInDays: "30" }),
      headers: { Cookie: cookie, Origin: app.baseUrl, "Sec-Fetch-Site": "same-origin" },
    });
    expect(form.status).toBe(200);
    const html = await form.text();
    const token = /value="(fd_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43})"/.exec(html)?.[1];
    expect(token, "the page shows the new token once").toBeTruthy();
    const list = await (await fetch(`${app.baseUrl}/account/team/api-tokens`, { headers: { Cookie: cookie } })).text();
    expect(list).toContain("Second program");
    expect(list).not.toContain(token);

    const docRes = await fetch(`${app.baseUrl}/api/v1/openapi.json`);
    expect(docRes.status).toBe(200);
    const doc = (await docRes.json()) as OpenApiDocument & {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const pathOf = (operationId: string) =>
      Object.entries(doc.paths).find(([, ops]) => Object.values(ops).some((o) => o.operationId === operationId))![0];
    const auth = { Authorization: `Bearer ${token}` };

    const listPath = pathOf("listAgreements");
    const agreements = (await expectDocumented(
      doc,
      "get",
      listPath,
      await fetch(`${app.baseUrl}${listPath}`, { headers: auth }),
    )) as { items: { id: string; reference: string }[] };
    expect(agreements.items.length).toBeGreaterThan(0);

    const suppliersPath = pathOf("listAgreementSuppliers");
    const url = `${app.baseUrl}${suppliersPath.replace("{id}", agreements.items[0].id)}`;
    const response = await fetch(url, { headers: auth });
    const etag = response.headers.get("ETag");
    const suppliers = (await expectDocumented(doc, "get", suppliersPath, response)) as {
      suppliers: { id: string; name: string; latest: { score: number; rating: string; status: string } | null }[];
    };
    expect(suppliers.suppliers.some((s) => s.latest !== null)).toBe(true);
    const unchanged = await fetch(url, { headers: { ...auth, "If-None-Match": etag! } });
    expect(unchanged.status).toBe(304);

    // a questionnaire the portal sends, to the agreement's first supplier, as the document describes it
    const questionnairesPath = pathOf("listQuestionnaires");
    const questionnaires = (await expectDocumented(
      doc,
      "get",
      questionnairesPath,
      await fetch(`${app.baseUrl}${questionnairesPath}`, { headers: auth }),
    )) as { items: { id: string; version: string }[] };
    expect(questionnaires.items.length).toBeGreaterThan(0);
    const sendPath = pathOf("sendAssessment");
    const sent = await fetch(`${app.baseUrl}${sendPath.replace("{id}", agreements.items[0].id)}`, {
      method: "POST",
      headers: { ...auth, "Content-Type": "application/json", "Idempotency-Key": "second-program-1" },
      body: JSON.stringify({
        supplierId: suppliers.suppliers[0].id,
        templateId: questionnaires.items[0].id,
        dueDate: "2099-03-01",
        recipients: ["api-recipient@example.test"],
        sendAnother: true,
      }),
    });
    const created = (await expectDocumented(doc, "post", sendPath, sent)) as {
      id: string;
      status: string;
      templateVersion: string;
    };
    expect(sent.status).toBe(201);
    expect(created.templateVersion).toBe(questionnaires.items[0].version);
    const again = await fetch(`${app.baseUrl}${sent.headers.get("Location")}`, { headers: auth });
    expect(((await expectDocumented(doc, "get", pathOf("getAssessment"), again)) as { id: string }).id).toBe(
      created.id,
    );

    const refused = await fetch(`${app.baseUrl}${listPath}`, { headers: { Authorization: "Bearer fd_nope" } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("Content-Type")).toBe("application/problem+json");
    await expectDocumented(doc, "get", listPath, refused);

    const reference = await fetch(`${app.baseUrl}/api/v1/docs`);
    expect(reference.status).toBe(200);
    const page = await reference.text();
    expect(page).toContain("/api/v1/agreements/{id}/suppliers");
    expect(page).toContain('id="problem-unauthorized"');
  }, 120_000);
});
