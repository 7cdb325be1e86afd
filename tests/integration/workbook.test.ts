import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { createOrg, createUser, formRequest, getRequest, sessionCookie } from "#tests/fixtures/factories";
import { createAssessmentWorld, signedInUser } from "#tests/fixtures/assessments";
import { replyOf, responseOf, thrown } from "#tests/helpers/responses";

/**
 * The offline workbook end to end through the routes: downloads for the
 * supplier and the procurement organisation that sent the questionnaire (404
 * for anyone else), an upload read into differences, applied once on
 * confirmation (answers stored, revision bumped, audit entry), a conflict
 * when the portal's answers moved meanwhile, and a submitted questionnaire
 * that takes no upload.
 */
setupTestDatabase();

const { loader: supplierDownload } = await import("#app/routes/supplier.assessments.$id.workbook[.xlsx]");
const { loader: procurementDownload } = await import("#app/routes/procurement.assessments.$id.workbook[.xlsx]");
const { loader: pageLoader, action: pageAction } = await import(
  "#app/routes/_portal.supplier.assessments.$id_.workbook"
);
const { Assessment } = await import("#models/assessment.server");
const { AuditEvent } = await import("#models/audit-event.server");
const { WorkbookImport } = await import("#models/workbook-import.server");
const { answerableAssessment, saveAnswerChanges } = await import("#app/features/assessments/autosave.server");

async function world(status?: "submitted") {
  const w = await createAssessmentWorld(status ? { status } : { status: "in_progress" });
  const id = String(w.assessment._id);
  return {
    ...w,
    id,
    supplierCookie: await sessionCookie(String(w.supplierUser.user._id)),
    procurementCookie: await sessionCookie(String(w.procurement.user._id)),
  };
}

async function download(cookie: string, id: string, lang = "en") {
  return responseOf(() =>
    supplierDownload({
      request: getRequest(`/supplier/assessments/${id}/workbook.xlsx?lang=${lang}`, cookie),
      params: { id },
      context: {},
    }),
  );
}

async function openBook(bytes: ArrayBuffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return book;
}

function rowOf(book: ExcelJS.Workbook, id: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  book.worksheets[0].eachRow((row) => {
    if (row.getCell(1).text === id) found = row;
  });
  return found!;
}

function uploadRequest(id: string, cookie: string, bytes: ArrayBuffer | Buffer) {
  const form = new FormData();
  form.append("intent", "upload");
  form.append("workbook", new Blob([new Uint8Array(bytes)]), "answers.xlsx");
  return new Request(`http://localhost/supplier/assessments/${id}/workbook`, {
    method: "POST",
    body: form,
    headers: { Cookie: cookie },
  });
}

/** Downloads the supplier's workbook, changes it as a person would, and uploads it through the page. */
async function upload(w: Awaited<ReturnType<typeof world>>, edit: (book: ExcelJS.Workbook) => void) {
  const book = await openBook(await (await download(w.supplierCookie, w.id)).arrayBuffer());
  edit(book);
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  return pageAction({ request: uploadRequest(w.id, w.supplierCookie, bytes), params: { id: w.id }, context: {} });
}

/** Applies or discards a pending upload; the answer as status and where it redirects to. */
async function decide(w: Awaited<ReturnType<typeof world>>, intent: "apply" | "discard", importId: string) {
  const request = formRequest(`/supplier/assessments/${w.id}/workbook`, { intent, importId }, w.supplierCookie);
  let result: unknown;
  try {
    result = await pageAction({ request, params: { id: w.id }, context: {} });
  } catch (error) {
    result = error;
  }
  if (result instanceof Response) return { status: result.status, location: result.headers.get("Location") };
  return { status: replyOf(result).status, location: null };
}

function importIdOf(res: Response): string {
  expect(res.status).toBe(302);
  const to = new URL(res.headers.get("Location")!, "http://localhost");
  expect(to.pathname).toMatch(/\/workbook$/);
  return to.searchParams.get("import")!;
}

describe("downloading the workbook", () => {
  it("gives the supplier and the sending procurement organisation an XLSX attachment, anyone else a 404", async () => {
    const w = await world();
    const res = await download(w.supplierCookie, w.id, "de");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("Content-Disposition")).toBe(`attachment; filename="short-low-risk-${w.id}-de.xlsx"`);
    const book = await openBook(await res.arrayBuffer());
    expect(book.worksheets[0].name).toBe("Fragen");
    expect(rowOf(book, "orgLegalName").getCell(7).text).toBe("Tier One Hosting GmbH");

    const sent = await responseOf(() =>
      procurementDownload({
        request: getRequest(`/procurement/assessments/${w.id}/workbook.xlsx`, w.procurementCookie),
        params: { id: w.id },
        context: {},
      }),
    );
    expect(sent.status).toBe(200);

    const stranger = await createUser("supplier", { orgId: String((await createOrg({ kind: "supplier" }))._id) });
    const strangerCookie = await sessionCookie(String(stranger.user._id));
    expect((await download(strangerCookie, w.id)).status).toBe(404);
    const otherBuyer = await createUser("procurement");
    const otherCookie = await sessionCookie(String(otherBuyer.user._id));
    const refused = await thrown(() =>
      procurementDownload({
        request: getRequest(`/procurement/assessments/${w.id}/workbook.xlsx`, otherCookie),
        params: { id: w.id },
        context: {},
      }),
    );
    expect(refused.status).toBe(404);
  });
});

describe("uploading a filled-in workbook", () => {
  it("shows the differences, applies them once on confirmation, bumps the revision and records it", async () => {
    const w = await world();
    const before = (await Assessment.findById(w.id).lean())!;
    const res = await responseOf(() =>
      upload(w, (book) => {
        rowOf(book, "orgLegalName").getCell(7).value = "Tier One Hosting SE";
        rowOf(book, "staffNda").getCell(7).value = "No";
      }),
    );
    const importId = importIdOf(res);
    // nothing is stored before the supplier confirms
    expect((await Assessment.findById(w.id).lean())!.answers).toEqual(before.answers);

    const page = await pageLoader({
      request: getRequest(`/supplier/assessments/${w.id}/workbook?import=${importId}`, w.supplierCookie),
      params: { id: w.id },
      context: {},
    });
    expect(page.pending?.rows.map((r) => [r.name, r.before, r.after])).toEqual([
      ["orgLegalName", "Tier One Hosting GmbH", "Tier One Hosting SE"],
      ["staffNda", "not answered", "No"],
    ]);

    const applied = await decide(w, "apply", importId);
    expect(applied.status).toBe(302);
    expect(applied.location).toBe(`/supplier/assessments/${w.id}/workbook?applied=2`);
    const after = (await Assessment.findById(w.id).lean())!;
    expect(after.answers.orgLegalName).toBe("Tier One Hosting SE");
    expect(after.answers.staffNda).toBe(false);
    expect(after.revision).toBe(before.revision + 1);
    const audit = await AuditEvent.findOne({ action: "assessment.workbook_applied", targetId: w.id }).lean();
    expect(audit?.details).toMatchObject({ changed: "2", revision: String(before.revision + 1) });

    // the same confirmation again (a second click, another tab) applies nothing
    const again = await decide(w, "apply", importId);
    expect(again.status).toBe(410);
    expect((await Assessment.findById(w.id).lean())!.revision).toBe(before.revision + 1);
    expect(await WorkbookImport.countDocuments({ assessmentId: w.id })).toBe(0);
  });

  it("lists each wrong row and stores nothing", async () => {
    const w = await world();
    const result = await upload(w, (book) => {
      rowOf(book, "breachNotifyHours").getCell(7).value = "a day";
      rowOf(book, "tlsMinimum").getCell(7).value = "TLS 9";
    });
    const { status, data } = replyOf<{ kind: string; rows: { question: string; row: number; message: string }[] }>(
      result,
    );
    expect(status).toBe(400);
    expect(data.kind).toBe("rows");
    expect(data.rows).toHaveLength(2);
    const hours = data.rows.find((r) => r.message === "“a day” is not a number.");
    expect(hours?.row).toBeGreaterThan(1);
    expect(hours?.question).toMatch(/hours/i);
    expect(data.rows.map((r) => r.message)).toContain("“TLS 9” is not one of this question's choices.");
    expect(await WorkbookImport.countDocuments({ assessmentId: w.id })).toBe(0);
  });

  it("refuses a formula cell, naming it", async () => {
    const w = await world();
    const result = await upload(w, (book) => {
      rowOf(book, "breachNotifyHours").getCell(7).value = { formula: "12*2", result: 24 } as ExcelJS.CellFormulaValue;
    });
    const { status, data } = replyOf<{ kind: string; message: string }>(result);
    expect(status).toBe(400);
    expect(data.message).toMatch(/formula \(Questions!G\d+\)/);
  });

  it("refuses to apply when the answers changed in the portal since the upload", async () => {
    const w = await world();
    const importId = importIdOf(
      await responseOf(() => upload(w, (book) => (rowOf(book, "orgLegalName").getCell(7).value = "From the workbook"))),
    );
    const supplier = await signedInUser(w.supplierUser.user._id);
    const answerable = (await answerableAssessment(supplier, w.id))!;
    const saved = await saveAnswerChanges(supplier, answerable, {
      baseRevision: answerable.revision,
      changes: { securityContactName: "Changed in the portal" },
    });
    expect(saved.kind).toBe("saved");
    const page = await pageLoader({
      request: getRequest(`/supplier/assessments/${w.id}/workbook?import=${importId}`, w.supplierCookie),
      params: { id: w.id },
      context: {},
    });
    expect(page.pending?.stale).toBe(true);
    const res = await decide(w, "apply", importId);
    expect(res.status).toBe(409);
    const stored = (await Assessment.findById(w.id).lean())!.answers;
    expect(stored.orgLegalName).toBe("Tier One Hosting GmbH");
    expect(stored.securityContactName).toBe("Changed in the portal");
  });

  it("takes no upload for a submitted questionnaire, which can still be downloaded", async () => {
    const w = await world("submitted");
    expect((await download(w.supplierCookie, w.id)).status).toBe(200);
    const result = await upload(w, (book) => (rowOf(book, "orgLegalName").getCell(7).value = "Too late"));
    const { status, data } = replyOf<{ kind: string; message: string }>(result);
    expect(status).toBe(409);
    expect(data.message).toMatch(/submitted/);
    expect(await WorkbookImport.countDocuments({ assessmentId: w.id })).toBe(0);
  });

  it("discards a pending upload without changing any answer", async () => {
    const w = await world();
    const importId = importIdOf(
      await responseOf(() => upload(w, (book) => (rowOf(book, "orgLegalName").getCell(7).value = "Discard me"))),
    );
    const res = await decide(w, "discard", importId);
    expect(res.location).toBe(`/supplier/assessments/${w.id}/workbook?discarded=1`);
    expect(await WorkbookImport.countDocuments({ assessmentId: w.id })).toBe(0);
    expect((await Assessment.findById(w.id).lean())!.answers.orgLegalName).toBe("Tier One Hosting GmbH");
  });
});
