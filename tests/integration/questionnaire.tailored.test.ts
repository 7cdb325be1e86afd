import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { createUser, formRequest, jsonRequest, loadAs, sessionCookie } from "#tests/fixtures/factories";
import { createAgreement, createAgreementParties } from "#tests/fixtures/agreements";
import { replyOf } from "#tests/helpers/responses";
import type { SendPreview } from "#app/features/assessments/send-form.server";

setupTestDatabase();

const { action: sendAction } = await import("#app/routes/_portal.procurement.assessments.new");
const { loader: previewLoader } = await import("#app/routes/procurement.assessments.new.preview");
const { loader: questionnaireLoader, action: supplierAction } = await import(
  "#app/routes/_portal.supplier.assessments.$id"
);
const { action: saveAction } = await import("#app/routes/api.assessments.$id.answers");
const { Assessment } = await import("#models/assessment.server");
const { Agreement } = await import("#models/agreement.server");

/** An agreement that names four requirements, its parties and a supplier user at tier 1. */
async function fourRequirementWorld() {
  const parties = await createAgreementParties();
  const agreement = await createAgreement(parties, {
    requirements: ["FD-ENC-01", "FD-INC-01", "FD-DEV-01", "FD-RET-02"].map((requirementId) => ({
      requirementId,
      params: {},
    })),
  });
  const supplier = await createUser("supplier", { orgId: String(parties.tier1._id) });
  return { ...parties, agreement, supplier };
}
type World = Awaited<ReturnType<typeof fourRequirementWorld>>;

/** What the send form would show for this agreement and questionnaire, as procurement (or `userId`) loads it. */
async function preview(w: World, templateId: string, userId: unknown = w.procurement.user._id) {
  const url = `/procurement/assessments/new/preview?agreementId=${String(w.agreement._id)}&templateId=${templateId}`;
  return replyOf<{ preview: SendPreview }>(await loadAs(previewLoader, url, userId));
}

async function send(w: World, templateId = "full-security") {
  const cookie = await sessionCookie(String(w.procurement.user._id));
  const res = (await sendAction({
    request: formRequest(
      "/procurement/assessments/new",
      {
        agreementId: String(w.agreement._id),
        supplierOrgId: String(w.tier1._id),
        templateId,
        dueDate: "2099-03-01",
        emails: "security@tier1.example",
      },
      cookie,
    ),
    params: {},
    context: {},
  })) as Response;
  expect(res.status).toBe(302);
  return res.headers.get("Location")!.match(/assessments\/([0-9a-f]{24})/)![1];
}

type Survey = { pages: { name: string; elements: { name: string; elements?: unknown[] }[] }[] };

async function supplierSurvey(w: World, id: string) {
  const page = await loadAs(questionnaireLoader, `/supplier/assessments/${id}`, w.supplier.user._id, { id });
  return page.survey as unknown as Survey;
}

/** Every element name in a survey JSON, panels included. */
function names(survey: Survey): string[] {
  const out: string[] = [];
  const visit = (list: unknown) => {
    for (const el of (list as { name: string; elements?: unknown[] }[] | undefined) ?? []) {
      out.push(el.name);
      visit(el.elements);
    }
  };
  for (const p of survey.pages) visit(p.elements);
  return out;
}

async function save(w: World, id: string, baseRevision: number, changes: Record<string, unknown>) {
  const cookie = await sessionCookie(String(w.supplier.user._id));
  return (await saveAction({
    request: jsonRequest(`/api/assessments/${id}/answers`, { baseRevision, changes }, cookie),
    params: { id },
    context: {},
  })) as Response;
}

async function submit(w: World, id: string) {
  const cookie = await sessionCookie(String(w.supplier.user._id));
  return supplierAction({
    request: formRequest(`/supplier/assessments/${id}`, { intent: "submit" }, cookie),
    params: { id },
    context: {},
  });
}

const ASKED = [
  "orgLegalName",
  "orgRegistration",
  "serviceDescription",
  "securityContactName",
  "securityContactEmail",
  "tlsMinimum",
  "transitChannels",
  "cryptoPolicyUpload",
  "hasIncidentPlan",
  "incidentPlanUpload",
  "breachNotifyHours",
  "notificationContent",
  "developsSoftware",
  "sdlc",
  "threatModelling",
  "dataLocations",
  "destroyWithinDays",
  "destructionMethod",
  "destructionCertificate",
  "destructionCertificateSample",
];

describe("a questionnaire tailored to an agreement with four requirements", () => {
  it("shows procurement, before sending, what will be asked and what the questionnaire cannot answer", async () => {
    const w = await fourRequirementWorld();
    const full = (await preview(w, "full-security")).data.preview;
    expect(full).toMatchObject({
      all: false,
      questions: ASKED.length,
      pages: [
        "Organisation and contacts",
        "Access control and encryption",
        "Incident response and exercises",
        "Vulnerability management and secure development",
        "Data location, transfers and sub-processors",
        "Retention, return and destruction",
      ],
      templatePages: 8,
      requirements: [
        { id: "FD-ENC-01", title: "Encryption in transit", questions: 3 },
        { id: "FD-INC-01", title: "Breach notification within the agreed window", questions: 4 },
        { id: "FD-DEV-01", title: "Secure development lifecycle", questions: 2 },
        { id: "FD-RET-02", title: "Return or destruction with certificate", questions: 4 },
      ],
      uncovered: [],
      alsoAsked: { identification: 5, fact: 1, condition: 1, facts: ["dataLocations"] },
    });
    expect(full.templateQuestions).toBeGreaterThan(90);

    // another questionnaire: the short one asks nothing about secure development
    const short = (await preview(w, "short-low-risk")).data.preview;
    expect(short.uncovered).toEqual([
      { id: "FD-DEV-01", title: "Secure development lifecycle", byCertificates: false },
    ]);

    // someone else's agreement, or nonsense, is not previewed
    const other = await createAgreementParties();
    expect((await preview(w, "full-security", other.procurement.user._id)).status).toBe(404);
    const bad = await loadAs(
      previewLoader,
      "/procurement/assessments/new/preview?agreementId=x",
      w.procurement.user._id,
    );
    expect(replyOf(bad).status).toBe(400);
  });

  it("pins the tailored questions, gives the supplier only those pages, and requires only them to submit", async () => {
    const w = await fourRequirementWorld();
    const id = await send(w);
    expect((await Assessment.findById(id).lean())!.askedQuestions).toEqual(ASKED);

    const survey = await supplierSurvey(w, id);
    expect(survey.pages.map((p) => p.name)).toEqual([
      "organisation",
      "access",
      "incidents",
      "vulnerabilities",
      "location",
      "retention",
    ]);
    const shown = names(survey);
    for (const name of ASKED) expect(shown).toContain(name);
    for (const name of [
      "confUndertaking",
      "mfaScope",
      "drillsPerformed",
      "vulnScanning",
      "auditRights",
      "staffInScope",
    ])
      expect(shown).not.toContain(name);

    // an answer to a question it is not asked is refused
    expect((await save(w, id, 0, { confUndertaking: true })).status).toBe(400);

    // submitting blank lists only asked, visible, required questions
    const blank = await submit(w, id);
    const { data } = replyOf<{ kind: string; missing: { name: string }[] }>(blank);
    expect(data.kind).toBe("incomplete");
    expect(data.missing.map((m) => m.name).sort()).toEqual(
      [
        "orgLegalName",
        "serviceDescription",
        "securityContactName",
        "securityContactEmail",
        "tlsMinimum",
        "transitChannels",
        "hasIncidentPlan",
        "breachNotifyHours",
        "notificationContent",
        "developsSoftware",
        "dataLocations",
        "destroyWithinDays",
        "destructionMethod",
        "destructionCertificate",
      ].sort(),
    );

    const answers = {
      orgLegalName: "Tier One Hosting GmbH",
      serviceDescription: "Hosting of the build servers",
      securityContactName: "Ada Sommer, CISO",
      securityContactEmail: "security@tier1.example",
      tlsMinimum: "tls13",
      transitChannels: ["email", "fileTransfer", "apis", "internal", "backupTraffic"],
      hasIncidentPlan: true,
      breachNotifyHours: 12,
      notificationContent: ["nature", "dataAffected", "measures", "contact", "consequences"],
      developsSoftware: true,
      dataLocations: [{ country: "DE", purpose: "storage", transferMechanism: "none" }],
      destroyWithinDays: 14,
      destructionMethod: "sanitisation",
      destructionCertificate: true,
    };
    expect((await save(w, id, 0, answers)).status).toBe(200);
    // answering "develops software" shows the secure development panel: its required questions join in
    const half = replyOf<{ kind: string; missing: { name: string }[] }>(await submit(w, id)).data;
    expect(half.missing.map((m) => m.name)).toEqual(["sdlc", "threatModelling"]);

    expect((await save(w, id, 1, { sdlc: "documented", threatModelling: true })).status).toBe(200);
    expect(await submit(w, id)).toMatchObject({ kind: "submitted" });
    expect((await Assessment.findById(id).lean())!.status).toBe("submitted");
  });

  it("keeps asking what it asked when sent, after the agreement changes; an assessment from before tailoring asks everything", async () => {
    const w = await fourRequirementWorld();
    const id = await send(w);
    await Agreement.updateOne(
      { _id: w.agreement._id },
      { $set: { requirements: [{ requirementId: "FD-CMP-01", params: {} }] } },
    );
    expect(names(await supplierSurvey(w, id))).not.toContain("compelledNotice");
    expect((await supplierSurvey(w, id)).pages).toHaveLength(6);

    await Assessment.updateOne({ _id: id }, { $unset: { askedQuestions: "" } });
    const old = await supplierSurvey(w, id);
    expect(old.pages).toHaveLength(8);
    expect(names(old)).toContain("compelledNotice");
    const missing = replyOf<{ missing: { name: string }[] }>(await submit(w, id)).data.missing.map((m) => m.name);
    expect(missing).toContain("confUndertaking");
  });

  it("asks every question of a questionnaire that maps nothing to the agreement", async () => {
    const w = await fourRequirementWorld();
    await Agreement.updateOne(
      { _id: w.agreement._id },
      { $set: { requirements: [{ requirementId: "FD-AUD-02", params: {} }] } },
    );
    expect((await preview(w, "short-low-risk")).data.preview).toMatchObject({
      all: true,
      uncovered: [{ id: "FD-AUD-02", title: "Independent certification", byCertificates: true }],
    });
    const id = await send(w, "short-low-risk");
    expect((await Assessment.findById(id).lean())!.askedQuestions).toEqual([]);
    expect((await supplierSurvey(w, id)).pages).toHaveLength(4);
  });
});
