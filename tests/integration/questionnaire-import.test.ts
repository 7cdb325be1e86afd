import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { createUser, getRequest, sessionCookie } from "#tests/fixtures/factories";
import { createAgreement, createAgreementParties, multiFormRequest } from "#tests/fixtures/agreements";

setupTestDatabase();

const { loader: importLoader, action: importAction } = await import("#app/routes/_portal.admin.questionnaires.import");
const { loader: listLoader } = await import("#app/routes/_portal.admin.questionnaires._index");
const { loader: sendLoader, action: sendAction } = await import("#app/routes/_portal.procurement.assessments.new");
const { ImportDraftDoc, ImportedTemplate } = await import("#models/imported-template.server");
const { QuestionnaireVersion } = await import("#models/questionnaire-version.server");
const { Assessment } = await import("#models/assessment.server");
const { AuditEvent } = await import("#models/audit-event.server");
const { templateForAssessment } = await import("#app/features/questionnaires/questionnaire.server");

const { loader: reviewLoader } = await import("#app/routes/_portal.procurement.assessments.$id");
const { templateTitle } = await import("#app/features/questionnaires/questionnaire.server");

const SURVEYJS = fs.readFileSync(
  path.join(import.meta.dirname, "../../questionnaires/import/fixtures/supplier-surveyjs.json"),
  "utf8",
);
const VSAQ = fs.readFileSync(
  path.join(import.meta.dirname, "../../questionnaires/import/fixtures/supplier-vsaq.json"),
  "utf8",
);
const CSV = [
  "id;section;question;answer type;choices;requirement ids;expected answer",
  "mfa;Access;Do you enforce MFA for remote access?;yes/no;;FD-ACC-01;yes",
  "plan;Incidents;Upload your incident response plan;file;;;",
].join("\n");

function upload(name: string, content: string, cookie: string): Request {
  const form = new FormData();
  form.append("file", new File([content], name));
  return new Request("http://localhost/admin/questionnaires/import", {
    method: "POST",
    body: form,
    headers: { Cookie: cookie },
  });
}

async function admin() {
  const { user } = await createUser("admin");
  return { user, cookie: await sessionCookie(String(user._id)) };
}

type ImportPage = Awaited<ReturnType<typeof importLoader>>;
const questionsOf = (page: ImportPage) => page.draft!.sections.flatMap((s) => s.questions);

async function importFile(name: string, content: string, cookie: string) {
  const res = (await importAction({ request: upload(name, content, cookie), params: {}, context: {} })) as Response;
  expect(res.status).toBe(302);
  const draftId = new URL(res.headers.get("Location")!, "http://localhost").searchParams.get("draft")!;
  const page = await importLoader({
    request: getRequest(`/admin/questionnaires/import?draft=${draftId}`, cookie),
    params: {},
    context: {},
  });
  return { draftId, page };
}

function publish(cookie: string, fields: Record<string, string | string[]>) {
  return importAction({
    request: multiFormRequest(
      "/admin/questionnaires/import",
      { intent: "publish", description: "", ...fields },
      cookie,
    ),
    params: {},
    context: {},
  });
}

describe("admin questionnaire import", () => {
  it("imports a VSAQ file, previews it with findings, publishes a version procurement can send, pinned to that version", async () => {
    const { cookie } = await admin();
    const { draftId, page } = await importFile("supplier-vsaq.json", VSAQ, cookie);
    expect(page.draft!.format).toBe("vsaq");
    expect(questionsOf(page).map((q) => q.name)).toContain("access_auth");
    // VSAQ's required marker survives into the preview
    expect(questionsOf(page).find((q) => q.name === "company_name")!.required).toBe(true);
    expect(page.draft!.findings).toContainEqual(
      expect.objectContaining({ itemId: "incident_severity", level: "warning" }),
    );
    expect(page.defaults).toMatchObject({
      templateId: "supplier-security-questionnaire",
      title: "Supplier Security Questionnaire",
    });

    const res = (await publish(cookie, {
      draftId,
      templateId: "supplier-vsaq",
      title: "Supplier VSAQ",
      version: "2026.1",
      "req:access_auth": ["", "FD-ACC-01"],
      "req:access_review": ["", "FD-ACC-01", "FD-ACC-02"],
      "req:company_name": "",
    })) as Response;
    expect(res.status).toBe(302);
    const stored = await ImportedTemplate.findOne({ templateId: "supplier-vsaq" }).lean();
    expect(stored).toMatchObject({ version: "2026.1", sourceFormat: "vsaq", sourceFileName: "supplier-vsaq.json" });
    expect(await ImportDraftDoc.countDocuments({ _id: draftId })).toBe(0);
    expect(await QuestionnaireVersion.countDocuments({ kind: "template", versionTag: stored!.versionTag })).toBe(1);
    expect(await AuditEvent.countDocuments({ action: "questionnaire.publish", targetId: "supplier-vsaq" })).toBe(1);
    const list = await listLoader({ request: getRequest("/admin/questionnaires", cookie), params: {}, context: {} });
    expect(list.imported.map((t) => t.templateId)).toContain("supplier-vsaq");

    // procurement sees it and can send it
    const parties = await createAgreementParties();
    const agreement = await createAgreement(parties);
    const pcookie = await sessionCookie(String(parties.procurement.user._id));
    const form = await sendLoader({
      request: getRequest("/procurement/assessments/new", pcookie),
      params: {},
      context: {},
    });
    const offered = form.templates.find((t) => t.id === "supplier-vsaq");
    expect(offered).toMatchObject({ title: "Supplier VSAQ", version: "2026.1", covered: ["FD-ACC-01", "FD-ACC-02"] });
    const sent = (await sendAction({
      request: multiFormRequest(
        "/procurement/assessments/new",
        {
          agreementId: String(agreement._id),
          supplierOrgId: String(parties.tier1._id),
          templateId: "supplier-vsaq",
          dueDate: "2099-03-01",
          emails: "a@tier1.example",
        },
        pcookie,
      ),
      params: {},
      context: {},
    })) as Response;
    expect(sent.status).toBe(302);
    const assessment = await Assessment.findOne({ templateId: "supplier-vsaq" }).lean();
    expect(assessment!.templateVersion).toBe(stored!.versionTag);

    // a new version changes what is sent from now on, not what this assessment was sent with
    const again = await importFile("supplier-vsaq.json", VSAQ, cookie);
    expect(
      (
        (await publish(cookie, {
          draftId: again.draftId,
          templateId: "supplier-vsaq",
          title: "Supplier VSAQ v2",
          version: "2026.2",
          "req:access_auth": "FD-ACC-01",
        })) as Response
      ).status,
    ).toBe(302);
    const form2 = await sendLoader({
      request: getRequest("/procurement/assessments/new", pcookie),
      params: {},
      context: {},
    });
    expect(form2.templates.find((t) => t.id === "supplier-vsaq")).toMatchObject({
      title: "Supplier VSAQ v2",
      version: "2026.2",
    });
    const pinned = await templateForAssessment(assessment!);
    expect(pinned.title).toBe("Supplier VSAQ");
    expect(pinned.version).toBe("2026.1");
  });

  it("imports a CSV list with the requirement ids of the file", async () => {
    const { cookie } = await admin();
    const { draftId, page } = await importFile("list.csv", CSV, cookie);
    expect(questionsOf(page).find((q) => q.name === "mfa")!.requirements).toEqual(["FD-ACC-01"]);
    const res = (await publish(cookie, {
      draftId,
      templateId: "csv-list",
      title: "CSV list",
      version: "1",
      "req:mfa": "FD-ACC-01",
      "req:plan": "",
      "required:mfa": ["", "yes"],
      "required:plan": "",
    })) as Response;
    expect(res.status).toBe(302);
    const content = JSON.parse((await ImportedTemplate.findOne({ templateId: "csv-list" }).lean())!.contentJson);
    expect(JSON.stringify(content)).toContain(
      '"flowdown":{"requirements":["FD-ACC-01"],"judge":{"kind":"boolean","expected":true}}',
    );
  });

  it("refuses malformed files with clear errors and stores nothing", async () => {
    const { cookie } = await admin();
    const drafts = await ImportDraftDoc.countDocuments();
    const cases: [string, string, RegExp][] = [
      ["bad.json", '{"questionnaire": [ {"type": "line", "id": "a",} ]}', /not valid JSON at line 1/],
      ["dup.csv", "id,question,answer type\nq,A,text\nq,B,text", /already used on row 2/],
      ["req.csv", "id,question,answer type,requirement ids\nq,A,text,FD-NOPE-01", /not a requirement of the catalogue/],
      ["type.csv", "id,question,answer type\nq,A,slider", /unknown answer type "slider"/],
      ["empty.csv", "", /empty/],
      ["notes.txt", "hello", /\.json.*\.csv.*\.xlsx/],
      // SurveyJS and JSON in general
      ["survey.json", '{"pages": [ {"name": "p1", "elements": [] ', /not valid JSON/],
      ["photo.json", "\u0089PNG\r\n", /not valid JSON|not UTF-8/],
      [
        "other.json",
        '{"name": "my-package", "version": "1.0.0"}',
        /neither a SurveyJS survey .* nor a VSAQ questionnaire/,
      ],
      [
        "rating.json",
        JSON.stringify({ pages: [{ name: "p1", elements: [{ type: "rating", name: "happy" }] }] }),
        /question "happy" on page "p1" is of type "rating", which the portal cannot show and score/i,
      ],
      [
        "url.json",
        JSON.stringify({
          pages: [{ name: "p1", elements: [{ type: "dropdown", name: "c", choicesByUrl: { url: "x" } }] }],
        }),
        /"c" on page "p1" takes its choices from "choicesByUrl"/,
      ],
      ["empty-survey.json", '{"pages": []}', /no pages/],
    ];
    for (const [name, content, message] of cases) {
      const res = await importAction({
        request: upload(name, content, cookie),
        params: {},
        context: {},
      });
      expect(res, name).toBeRefused("file", message);
    }
    const big = await importAction({
      request: upload("big.csv", "x".repeat(1024 * 1024 + 10), cookie),
      params: {},
      context: {},
    });
    expect(big).toHaveStatus(413);
    const bigSurvey = await importAction({
      request: upload("big.json", `{"pages": [], "description": "${"x".repeat(1024 * 1024)}"}`, cookie),
      params: {},
      context: {},
    });
    expect(bigSurvey).toHaveStatus(413);
    expect(await ImportDraftDoc.countDocuments()).toBe(drafts);
  });

  it("refuses to publish without requirements, over a shipped id, or with unknown requirement ids, and publishes nothing", async () => {
    const { cookie } = await admin();
    const { draftId } = await importFile("supplier-vsaq.json", VSAQ, cookie);
    const before = await ImportedTemplate.countDocuments();
    const none = await publish(cookie, {
      draftId,
      templateId: "nothing-mapped",
      title: "T",
      version: "1",
    });
    expect(none).toBeRefused("", /at least one question to a requirement/);
    const shipped = await publish(cookie, {
      draftId,
      templateId: "full-security",
      title: "T",
      version: "1",
      "req:access_auth": "FD-ACC-01",
    });
    expect(shipped).toBeRefused("templateId", /shipped with the portal/);
    const unknown = await publish(cookie, {
      draftId,
      templateId: "x-y",
      title: "T",
      version: "1",
      "req:access_auth": "FD-FAKE-01",
    });
    expect(unknown).toBeRefused("", /Unknown requirement ids: FD-FAKE-01/);
    const badJudge = await publish(cookie, {
      draftId,
      templateId: "x-y",
      title: "T",
      version: "1",
      "req:incident_plan": "FD-INC-01",
      "req:nonexistent": "FD-INC-01",
    });
    expect(badJudge).toBeRefused("", /"nonexistent", which the draft does not have/);
    const unknownIntent = await importAction({
      request: multiFormRequest("/admin/questionnaires/import", { intent: "delete" }, cookie),
      params: {},
      context: {},
    });
    expect(unknownIntent).toHaveStatus(400);
    expect(await ImportedTemplate.countDocuments()).toBe(before);
    expect(await ImportDraftDoc.countDocuments({ _id: draftId })).toBe(1);
  });

  it("imports a SurveyJS file, keeps the admin's required marks and mapping, and shows its title wherever it is sent", async () => {
    const { cookie } = await admin();
    const { draftId, page } = await importFile("cloud-hosting.json", SURVEYJS, cookie);
    expect(page.draft!.format).toBe("surveyjs");
    expect(page.draft!.sections.map((s) => s.title)).toEqual(["Company", "Encryption", "Access control"]);
    const questions = questionsOf(page);
    expect(questions.find((q) => q.name === "companyName")!.required).toBe(true);
    expect(questions.find((q) => q.name === "encryptionAtRest")!.requirements).toEqual(["FD-ENC-02"]);
    // suggestions from the question's words
    expect(questions.find((q) => q.name === "tlsInTransit")!.suggestions[0]).toBe("FD-ENC-01");
    expect(questions.find((q) => q.name === "mfaRemote")!.suggestions[0]).toBe("FD-ACC-02");
    expect(page.requirements).toHaveLength(45);

    // the admin makes the MFA question required (and the company name no longer), and maps the access section to FD-ACC-01
    const access = page.draft!.sections.find((s) => s.title === "Access control")!.questions.map((q) => q.name);
    const fields: Record<string, string | string[]> = {
      draftId,
      templateId: "cloud-hosting",
      title: "Cloud hosting security",
      version: "2026.1",
      "req:tlsInTransit": ["", "FD-ENC-01"],
      "req:encryptionAtRest": ["", "FD-ENC-02"],
    };
    for (const q of questions) fields[`required:${q.name}`] = q.name === "mfaRemote" ? ["", "yes"] : "";
    for (const name of access) fields[`req:${name}`] = ["", "FD-ACC-01"];
    const res = (await publish(cookie, fields)) as Response;
    expect(res).toRedirectTo(/\/admin\/questionnaires\?published=Cloud/);
    const stored = await ImportedTemplate.findOne({ templateId: "cloud-hosting" }).lean();
    expect(stored).toMatchObject({ sourceFormat: "surveyjs", title: "Cloud hosting security" });
    const content = JSON.parse(stored!.contentJson) as { survey: Record<string, unknown> };
    const { Model } = await import("survey-core");
    const model = new Model(content.survey);
    expect(model.getQuestionByName("mfaRemote").isRequired).toBe(true);
    expect(model.getQuestionByName("companyName").isRequired).toBe(false);
    const { listQuestions } = await import("#questionnaires/loader");
    const meta = new Map(listQuestions(content.survey).map((q) => [q.name, q.meta]));
    for (const name of access) expect(meta.get(name)?.requirements).toEqual(["FD-ACC-01"]);
    expect(meta.get("tlsInTransit")?.requirements).toEqual(["FD-ENC-01"]);

    // procurement chooses it by title; the review page and the reports name it by title, the id only beside it
    const parties = await createAgreementParties();
    const agreement = await createAgreement(parties);
    const pcookie = await sessionCookie(String(parties.procurement.user._id));
    const form = await sendLoader({
      request: getRequest("/procurement/assessments/new", pcookie),
      params: {},
      context: {},
    });
    expect(form.templates.find((t) => t.id === "cloud-hosting")).toMatchObject({ title: "Cloud hosting security" });
    const sent = (await sendAction({
      request: multiFormRequest(
        "/procurement/assessments/new",
        {
          agreementId: String(agreement._id),
          supplierOrgId: String(parties.tier1._id),
          templateId: "cloud-hosting",
          dueDate: "2099-03-01",
          emails: "a@tier1.example",
        },
        pcookie,
      ),
      params: {},
      context: {},
    })) as Response;
    expect(sent.status).toBe(302);
    const assessment = (await Assessment.findOne({ templateId: "cloud-hosting" }).lean())!;
    const review = await reviewLoader({
      request: getRequest(`/procurement/assessments/${String(assessment._id)}`, pcookie),
      params: { id: String(assessment._id) },
      context: {},
    });
    expect(review.assessment).toMatchObject({ template: "Cloud hosting security", templateId: "cloud-hosting" });
    expect(await templateTitle("cloud-hosting", assessment.templateVersion)).toBe("Cloud hosting security");
    expect(await templateTitle("full-security")).toBe("Full security and flow-down questionnaire");
  });

  it("does not publish a questionnaire without a required question unless the admin confirms it", async () => {
    const { cookie } = await admin();
    const { draftId, page } = await importFile("cloud-hosting.json", SURVEYJS, cookie);
    const fields: Record<string, string | string[]> = {
      draftId,
      templateId: "nothing-required",
      title: "Nothing required",
      version: "1",
      "req:tlsInTransit": "FD-ENC-01",
    };
    for (const q of questionsOf(page)) fields[`required:${q.name}`] = "";
    const refused = await publish(cookie, fields);
    expect(refused).toBeRefused(
      "required",
      /No question is required, so a supplier could submit this questionnaire blank/,
    );
    expect(await ImportedTemplate.countDocuments({ templateId: "nothing-required" })).toBe(0);
    expect(await ImportDraftDoc.countDocuments({ _id: draftId })).toBe(1);
    const badConfirm = await publish(cookie, { ...fields, confirmNoRequired: "maybe" });
    expect(badConfirm).toBeRefused("confirmNoRequired");
    const confirmed = (await publish(cookie, { ...fields, confirmNoRequired: "yes" })) as Response;
    expect(confirmed.status).toBe(302);
    expect(await ImportedTemplate.countDocuments({ templateId: "nothing-required" })).toBe(1);
  });

  it("an imported questionnaire with a question marked required cannot be submitted blank", async () => {
    const { createAssessmentWorld, signedInUser } = await import("#tests/fixtures/assessments");
    const { submitAssessment } = await import("#app/features/assessments/submission.server");
    const { formRequest } = await import("#tests/fixtures/factories");
    const { cookie } = await admin();
    const { draftId, page } = await importFile("cloud-hosting.json", SURVEYJS, cookie);
    const fields: Record<string, string | string[]> = {
      draftId,
      templateId: "cloud-required",
      title: "Cloud, MFA required",
      version: "1",
      "req:mfaRemote": "FD-ACC-02",
    };
    for (const q of questionsOf(page)) fields[`required:${q.name}`] = q.name === "mfaRemote" ? ["", "yes"] : "";
    expect(((await publish(cookie, fields)) as Response).status).toBe(302);
    const stored = (await ImportedTemplate.findOne({ templateId: "cloud-required" }).lean())!;
    const world = await createAssessmentWorld();
    await Assessment.updateOne(
      { _id: world.assessment._id },
      { $set: { templateId: "cloud-required", templateVersion: stored.versionTag } },
    );
    const supplier = await signedInUser(world.supplierUser.user._id);
    const id = String(world.assessment._id);
    const outcome = await submitAssessment(supplier, id, formRequest(`/supplier/assessments/${id}`, {}));
    expect(outcome).toMatchObject({ kind: "incomplete", missing: [expect.objectContaining({ name: "mfaRemote" })] });
    expect((await Assessment.findById(id).lean())!.status).toBe("invited");
  });

  it("names an imported questionnaire by its title in the assessment report's data", async () => {
    const { createAssessmentWorld } = await import("#tests/fixtures/assessments");
    const { assessmentReportData } = await import("#app/features/reports/reports.server");
    const { Agreement } = await import("#models/agreement.server");
    const world = await createAssessmentWorld({ status: "submitted" });
    // the short template, exported and imported again as SurveyJS under an id and title of its own
    const { cookie } = await admin();
    const shortJson = fs.readFileSync(
      path.join(import.meta.dirname, "../../questionnaires/templates/short-low-risk.json"),
      "utf8",
    );
    const { draftId } = await importFile("short.json", shortJson, cookie);
    expect(
      ((await publish(cookie, { draftId, templateId: "short-copy", title: "Short copy", version: "1" })) as Response)
        .status,
    ).toBe(302);
    const stored = (await ImportedTemplate.findOne({ templateId: "short-copy" }).lean())!;
    await Assessment.updateOne(
      { _id: world.assessment._id },
      { $set: { templateId: "short-copy", templateVersion: stored.versionTag } },
    );
    const assessment = (await Assessment.findById(world.assessment._id).lean())!;
    const agreement = (await Agreement.findById(assessment.agreementId).lean())!;
    const data = await assessmentReportData(assessment as never, agreement as never, {
      version: 1,
      generatedAt: "2026-12-05T10:00:00.000Z",
      generatedBy: "Test",
      language: "en",
    });
    expect(data.assessment.templateTitle).toBe("Short copy");
  });

  it("is for administrators only", async () => {
    const { user } = await createUser("procurement");
    const cookie = await sessionCookie(String(user._id));
    await expect(
      importLoader({ request: getRequest("/admin/questionnaires/import", cookie), params: {}, context: {} }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      importAction({ request: upload("list.csv", CSV, cookie), params: {}, context: {} }),
    ).rejects.toMatchObject({ status: 403 });
  });
});
