import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { getTemplate, translatedText } from "#questionnaires/loader";
import { readWorkbook, type ReadOutcome, type ReadTarget } from "./workbook-read.server";
import { buildWorkbook } from "./workbook.server";
import { checkWorkbookPackage, WORKBOOK_MAX_BYTES } from "./workbook-package.server";

const template = getTemplate("full-security")!;
const de = (english: string) => translatedText(english, "de") ?? english;

const EVIDENCE_ID = "0123456789abcdef01234567";
const stored: Record<string, unknown> = {
  orgLegalName: "Baltic Data GmbH",
  confUndertaking: true,
  confSurvivalMonths: 24,
  handlingRules: ["labelling"],
  breachNotifyHours: 24,
  drillsPerformed: true,
  drillReportUpload: [{ name: "drill-2026.pdf", type: "application/pdf", content: `/evidence/${EVIDENCE_ID}` }],
  dataLocations: [{ country: "DE", purpose: "storage", transferMechanism: "none" }],
};
const target: ReadTarget = {
  assessmentId: "aaaaaaaaaaaaaaaaaaaaaaaa",
  templateId: template.id,
  templateVersion: template.version,
  answers: stored,
};
const library = [
  { id: EVIDENCE_ID, name: "drill-2026.pdf", contentType: "application/pdf" },
  { id: "bbbbbbbbbbbbbbbbbbbbbbbb", name: "pentest-summary.pdf", contentType: "application/pdf" },
];

async function germanWorkbook() {
  const bytes = await buildWorkbook(template, target, "de");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = book.getWorksheet("Fragen")!;
  const rowOf = (id: string) => {
    let found: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(1).text === id) found = row;
    });
    if (!found) throw new Error(`no row ${id}`);
    return found;
  };
  return { book, sheet, rowOf };
}

/** A dynamic panel's sheet, as the workbook's hidden sheet names it. */
function panelSheet(book: ExcelJS.Workbook, panel: string): ExcelJS.Worksheet {
  let name = "";
  book.getWorksheet("flowdown")!.eachRow((row) => {
    if (row.getCell(1).text === "panel" && row.getCell(2).text === panel) name = row.getCell(3).text;
  });
  return book.getWorksheet(name)!;
}

async function saved(book: ExcelJS.Workbook) {
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const elementTitle = (name: string) => {
  const q = template.questions.find((x) => x.name === name)!;
  return q.title;
};

describe("the questionnaire workbook, written in German", () => {
  it("has one row per question with its id, German text, the stored answer and a drop-down of German choices", async () => {
    const { book, sheet, rowOf } = await germanWorkbook();
    expect(sheet.getRow(1).getCell(3).text).toBe("Frage");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const conf = rowOf("confUndertaking");
    expect(conf.getCell(3).text).toBe(de(elementTitle("confUndertaking")));
    expect(conf.getCell(7).text).toBe("Ja");
    expect(conf.getCell(7).dataValidation).toMatchObject({ type: "list" });
    // the condition in words, with the other question's German title
    expect(rowOf("confSurvivalMonths").getCell(5).text).toContain(de(elementTitle("confUndertaking")));
    expect(rowOf("confSurvivalMonths").getCell(5).text).toContain("„Ja“");
    expect(rowOf("handlingRules").getCell(7).text).toBe(de("Labelling"));
    expect(rowOf("drillReportUpload").getCell(8).text).toBe("drill-2026.pdf");
    // a dynamic panel on a sheet of its own, one row per entry
    const panel = panelSheet(book, "dataLocations");
    expect(panel.getRow(2).getCell(1).text).toBe(de("Germany"));
    // every question the assessment asks is there
    const ids: string[] = [];
    sheet.eachRow((row, n) => n > 1 && ids.push(row.getCell(1).text));
    expect(ids).toEqual(template.questions.filter((q) => !q.dynamicPanel).map((q) => q.name));
  });
});

describe("reading a filled-in workbook back", () => {
  it("returns a changed answer, a multiple choice, a new panel row and a linked evidence file", async () => {
    const { book, rowOf } = await germanWorkbook();
    rowOf("confUndertaking").getCell(7).value = "Nein";
    rowOf("confSurvivalMonths").getCell(7).value = null;
    rowOf("handlingRules").getCell(7).value = `${de("Labelling")}; ${de("Approved storage locations")}`;
    rowOf("pentestReportUpload").getCell(8).value = "pentest-summary.pdf";
    const panel = panelSheet(book, "dataLocations");
    panel.getRow(3).values = [de("France"), de("Backups and disaster recovery"), "none"];
    const read = await readWorkbook(await saved(book), template, target, library);
    expect(read.kind).toBe("read");
    expect((read as Extract<ReadOutcome, { kind: "read" }>).changes).toEqual({
      confUndertaking: false,
      confSurvivalMonths: null,
      handlingRules: ["labelling", "storage"],
      pentestReportUpload: [
        { name: "pentest-summary.pdf", type: "application/pdf", content: "/evidence/bbbbbbbbbbbbbbbbbbbbbbbb" },
      ],
      dataLocations: [
        { country: "DE", purpose: "storage", transferMechanism: "none" },
        { country: "FR", purpose: "backup", transferMechanism: "none" },
      ],
    });
  });

  it("changes nothing for a workbook returned as it was downloaded", async () => {
    const { book } = await germanWorkbook();
    const read = await readWorkbook(await saved(book), template, target, library);
    expect(read).toEqual({ kind: "read", language: "de", changes: {} });
  });

  it("names the sheet, row and question of every bad value, and returns no changes", async () => {
    const { book, sheet, rowOf } = await germanWorkbook();
    const hours = rowOf("breachNotifyHours");
    hours.getCell(7).value = "viele";
    rowOf("confUndertaking").getCell(7).value = "Vielleicht";
    rowOf("incidentPlanUpload").getCell(8).value = "not-uploaded.pdf";
    const read = await readWorkbook(await saved(book), template, target, library);
    expect(read.kind).toBe("rows");
    const errors = (read as Extract<ReadOutcome, { kind: "rows" }>).errors;
    expect(errors).toHaveLength(3);
    expect(errors).toContainEqual({
      sheet: sheet.name,
      row: hours.number,
      question: de(elementTitle("breachNotifyHours")),
      message: { id: "workbook.row.number", values: { value: "viele" } },
    });
    expect(
      errors.find(
        (e) => e.message !== null && typeof e.message === "object" && e.message.id === "workbook.row.unknownFile",
      ),
    ).toBeTruthy();
  });

  it("refuses a formula cell, naming the sheet and cell", async () => {
    const { book, rowOf } = await germanWorkbook();
    const cell = rowOf("breachNotifyHours").getCell(7);
    cell.value = { formula: "12*2", result: 24 } as ExcelJS.CellFormulaValue;
    const read = await readWorkbook(await saved(book), template, target, library);
    expect(read).toEqual({
      kind: "refused",
      message: { id: "workbook.refused.formula", values: { count: 1, cells: `Fragen!${cell.address}` } },
    });
  });

  it("refuses a workbook of another questionnaire or another assessment", async () => {
    const short = getTemplate("short-low-risk")!;
    const other = await buildWorkbook(
      short,
      { ...target, templateId: short.id, templateVersion: short.version, answers: {} },
      "de",
    );
    expect(await readWorkbook(new Uint8Array(other), template, target, library)).toEqual({
      kind: "refused",
      message: { id: "workbook.refused.otherQuestionnaire" },
    });
    const otherAssessment = await buildWorkbook(template, { ...target, assessmentId: "c".repeat(24) }, "de");
    expect((await readWorkbook(new Uint8Array(otherAssessment), template, target, library)).kind).toBe("refused");
  });
});

describe("the upload's package check", () => {
  it("refuses a file over the size limit", () => {
    expect(checkWorkbookPackage(new Uint8Array(WORKBOOK_MAX_BYTES + 1))).toEqual({
      id: "workbook.refused.tooLarge",
      values: { mb: 2 },
    });
  });

  it("refuses a small zip that inflates past the limit (a zip bomb) without inflating it all", () => {
    const bomb = zipSync({
      "[Content_Types].xml": strToU8("<Types/>"),
      "xl/workbook.xml": strToU8("<workbook/>"),
      "xl/worksheets/sheet1.xml": new Uint8Array(40 * 1024 * 1024),
    });
    expect(bomb.byteLength).toBeLessThan(WORKBOOK_MAX_BYTES);
    expect(checkWorkbookPackage(bomb)).toEqual({ id: "workbook.refused.unzippedTooLarge", values: { mb: 20 } });
  });

  it("refuses files that are not xlsx", async () => {
    expect(checkWorkbookPackage(strToU8("name,answer\nx,y\n"))).toEqual({ id: "workbook.refused.notXlsx" });
    expect(checkWorkbookPackage(zipSync({ "a.txt": strToU8("hello") }))).toEqual({ id: "workbook.refused.notXlsx" });
    const read = await readWorkbook(strToU8("%PDF-1.7"), template, target, library);
    expect(read).toEqual({ kind: "refused", message: { id: "workbook.refused.notXlsx" } });
  });
});
