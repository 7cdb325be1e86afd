import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { formRequest, getRequest, sessionCookie, jsonRequest } from "#tests/fixtures/factories";
import { createAssessmentWorld, SHORT_TEMPLATE_GOOD_ANSWERS } from "#tests/fixtures/assessments";
import { tabOf } from "#tests/fixtures/agreement-page";
import { compact, drawnText, pageTexts } from "#tests/helpers/pdf";
import { replyOf } from "#tests/helpers/responses";

setupTestDatabase();

const { action: reviewAction, loader: reviewLoader } = await import("#app/routes/_portal.procurement.assessments.$id");
const { action: supplierAction } = await import("#app/routes/_portal.supplier.assessments.$id");
const { action: discloserAgreementAction, loader: discloserAgreementLoader } = await import(
  "#app/routes/_portal.discloser.agreements.$id"
);
const { loader: downloadLoader } = await import("#app/routes/reports.$id");
const { action: saveAction } = await import("#app/routes/api.assessments.$id.answers");
const { ReportRecord } = await import("#models/report.server");
const { runInLocale } = await import("#app/lib/locale-scope.server");
const { tIn } = await import("#app/i18n/messages.server");

/** A submitted assessment, ready to report on. */
async function submittedWorld() {
  const w = await createAssessmentWorld();
  const id = String(w.assessment._id);
  const supplierCookie = await sessionCookie(String(w.supplierUser.user._id));
  await saveAction({
    request: jsonRequest(
      `/api/assessments/${id}/answers`,
      { baseRevision: 0, changes: { ...SHORT_TEMPLATE_GOOD_ANSWERS } },
      supplierCookie,
    ),
    params: { id },
    context: {},
  });
  await supplierAction({
    request: formRequest(`/supplier/assessments/${id}`, { intent: "submit" }, supplierCookie),
    params: { id },
    context: {},
  });
  const procurementCookie = await sessionCookie(String(w.procurement.user._id));
  const discloserCookie = await sessionCookie(String(w.discloserUser.user._id));
  return { ...w, id, procurementCookie, discloserCookie };
}

function review(w: { id: string; procurementCookie: string }, fields: Record<string, string>) {
  return reviewAction({
    request: formRequest(`/procurement/assessments/${w.id}`, fields, w.procurementCookie),
    params: { id: w.id },
    context: {},
  });
}

async function versions(w: { id: string; procurementCookie: string }) {
  return (
    await reviewLoader({
      request: getRequest(`/procurement/assessments/${w.id}`, w.procurementCookie),
      params: { id: w.id },
      context: {},
    })
  ).reports;
}

async function download(reportId: string, cookie: string): Promise<Buffer> {
  const res = (await downloadLoader({
    request: getRequest(`/reports/${reportId}`, cookie),
    params: { id: reportId },
    context: {},
  })) as Response;
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

async function downloadText(reportId: string, cookie: string): Promise<string> {
  return (await pageTexts(await download(reportId, cookie))).join("\n");
}

describe("the language of a report's own words", () => {
  it("follows the language of the person who generates it, and is stored and listed with the report", async () => {
    const w = await submittedWorld();
    // server.ts serves every action in the requester's language; a German-speaking reviewer
    const res = (await runInLocale("de", () => review(w, { intent: "report" }))) as Response;
    expect(res.status).toBe(302);
    const [v1] = await versions(w);
    expect(v1.language).toBe("de");
    expect((await ReportRecord.findById(v1.id).lean())!.language).toBe("de");
    const text = await downloadText(v1.id, w.procurementCookie);
    for (const label of ["LIEFERANT", "Zusammenfassung", "Verlauf der Bewertung", "Diesen Bericht prüfen"])
      expect(text, label).toContain(label);
    expect(text).toMatch(/Seite 1 von \d+/);
    expect(text).not.toContain("SUPPLIER");
    expect(compact(text)).toContain(compact("Tier One Hosting GmbH"));
  });

  it("a report made on approval speaks the approving person's language", async () => {
    const w = await submittedWorld();
    const res = (await runInLocale("ja", () =>
      review(w, { intent: "decide", decision: "approved", comment: "Cleared." }),
    )) as Response;
    expect(res.status).toBe(302);
    const [v1] = await versions(w);
    expect(v1).toMatchObject({ trigger: "approval", language: "ja" });
    const text = compact(await downloadText(v1.id, w.procurementCookie));
    expect(text).toContain(compact(tIn("ja", "pdf.a.hist.title")));
    expect(text).toContain(compact(tIn("ja", "labels.assessmentStatus.approved")));
  });

  it("is the one chosen on the form when given; English is unchanged", async () => {
    const w = await submittedWorld();
    expect(((await review(w, { intent: "report", language: "de" })) as Response).status).toBe(302);
    expect(((await review(w, { intent: "report" })) as Response).status).toBe(302);
    const [english, german] = await versions(w);
    expect([english.language, german.language]).toEqual(["en", "de"]);
    expect(await downloadText(german.id, w.procurementCookie)).toContain("Zusammenfassung");
    const text = await downloadText(english.id, w.procurementCookie);
    expect(text).toContain("SUPPLIER");
    expect(text).toMatch(/Page 1 of \d+/);
  });

  it("refuses a language the reports do not speak, and stores nothing", async () => {
    const w = await submittedWorld();
    for (const language of ["fr", "", "de-CH", "A".repeat(5000)]) {
      const res = await review(w, { intent: "report", language });
      expect(res).toHaveStatus(400);
      expect(replyOf(res).data.errors.report[0]).toBe(tIn("en", "pdf.form.badLanguage"));
    }
    expect(await ReportRecord.countDocuments({ targetId: w.id })).toBe(0);
  });

  it("the agreement report in Arabic: right-to-left labels, the data as written", async () => {
    const w = await submittedWorld();
    const agreementId = String(w.agreement._id);
    const res = (await discloserAgreementAction({
      request: formRequest(
        `/discloser/agreements/${agreementId}`,
        { intent: "report", language: "ar" },
        w.discloserCookie,
      ),
      params: { id: agreementId },
      context: {},
    })) as Response;
    expect(res.status).toBe(302);
    const page = tabOf(
      await discloserAgreementLoader({
        request: getRequest(`/discloser/agreements/${agreementId}?tab=reports`, w.discloserCookie),
        params: { id: agreementId },
        context: {},
      }),
      "reports",
    );
    expect(page.reports[0].language).toBe("ar");
    const pdf = await download(page.reports[0].id, w.discloserCookie);
    // the summary's heading as drawn: right to left, so its glyphs reversed read the label, none missing
    const drawn = await drawnText(pdf, 2);
    expect(drawn.notdef).toBe(0);
    expect(drawn.glyphs.map((g) => compact([...g].reverse().join("")))).toContain(compact(tIn("ar", "pdf.summary")));
    const flat = compact((await pageTexts(pdf)).join(" "));
    expect(flat).toContain(compact("Tier One Hosting GmbH"));
    expect(flat).not.toContain(compact("Compliance matrix"));
  });
});
