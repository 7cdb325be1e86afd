import ExcelJS from "exceljs";
import type { TemplateFile } from "#questionnaires/types";
import { templateTitleIn } from "#questionnaires/loader";
import { tIn } from "#app/i18n/messages.server";
import type { Locale } from "#app/i18n/locales";
import type { MessageId } from "#app/i18n/catalogue";
import {
  booleanChoices,
  choiceList,
  FORMAT_VERSION,
  META_MARK,
  META_SHEET,
  sheetName,
  templateTag,
  workbookShape,
  type WorkbookQuestion,
  type WorkbookShape,
} from "./workbook-shape.server";

/**
 * Writes an assessment's questionnaire as an XLSX workbook for answering
 * offline: a "Questions" sheet with one row per question (id, page, text,
 * allowed answers, condition, required, the stored answer, evidence file
 * names), one sheet per dynamic panel with a row per entry, drop-downs for
 * every choice, and a hidden sheet tying it to this assessment and version.
 */

export interface WorkbookSource {
  assessmentId: string;
  templateId: string;
  templateVersion: string;
  askedQuestions?: string[];
  answers: Record<string, unknown>;
}

/** Columns of the questions sheet, in order; the reader finds them by position. */
export const QUESTION_COLUMNS = [
  "id",
  "page",
  "question",
  "allowed",
  "condition",
  "required",
  "answer",
  "evidence",
] as const;
export const ANSWER_COLUMN = QUESTION_COLUMNS.indexOf("answer") + 1;
export const EVIDENCE_COLUMN = QUESTION_COLUMNS.indexOf("evidence") + 1;

const WIDTHS: Record<(typeof QUESTION_COLUMNS)[number], number> = {
  id: 24,
  page: 22,
  question: 60,
  allowed: 40,
  condition: 36,
  required: 12,
  answer: 40,
  evidence: 32,
};

export const LIST_SEPARATOR = "; ";

function fileNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((f) =>
    f && typeof f === "object" && typeof (f as { name?: unknown }).name === "string"
      ? [(f as { name: string }).name]
      : [],
  );
}

/** A stored answer as the workbook's cell shows it, in the workbook's language. */
export function cellOf(q: WorkbookQuestion, value: unknown, shape: WorkbookShape): string | number | null {
  if (value === undefined || value === null || value === "") return null;
  const { wording } = shape;
  switch (q.kind) {
    case "boolean":
      return typeof value === "boolean" ? booleanChoices(q.element, wording)[value ? 0 : 1] : String(value);
    case "choice": {
      const hit = choiceList(q.element, wording).find((c) => c.value === String(value));
      return hit ? hit.text : String(value);
    }
    case "multi": {
      if (!Array.isArray(value)) return String(value);
      const list = choiceList(q.element, wording);
      return value.map((v) => list.find((c) => c.value === String(v))?.text ?? String(v)).join(LIST_SEPARATOR);
    }
    case "number":
      return typeof value === "number" ? value : String(value);
    case "file":
      return fileNames(value).join(LIST_SEPARATOR) || null;
    case "panel":
      return null;
    default:
      return typeof value === "string" ? value : JSON.stringify(value);
  }
}

function allowedText(q: WorkbookQuestion, shape: WorkbookShape, panelSheet?: string): string {
  const say = (id: MessageId, values?: Record<string, string>) => tIn(shape.language, id, values);
  switch (q.kind) {
    case "boolean":
      return say("workbook.allowed.boolean", {
        yes: booleanChoices(q.element, shape.wording)[0],
        no: booleanChoices(q.element, shape.wording)[1],
      });
    case "choice":
      return say("workbook.allowed.choice");
    case "multi":
      return say("workbook.allowed.multi", {
        choices: choiceList(q.element, shape.wording)
          .map((c) => c.text)
          .join(LIST_SEPARATOR),
      });
    case "number":
      return say("workbook.allowed.number");
    case "date":
      return say("workbook.allowed.date");
    case "file":
      return say("workbook.allowed.file");
    case "panel":
      return say("workbook.allowed.panel", { sheet: panelSheet ?? "" });
    default:
      return q.element.inputType === "email" ? say("workbook.allowed.email") : say("workbook.allowed.text");
  }
}

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF4" } };

function styleHeader(row: ExcelJS.Row) {
  row.font = { bold: true };
  row.alignment = { vertical: "top", wrapText: true };
  row.eachCell((cell) => (cell.fill = HEADER_FILL));
}

/** Drop-down lists live on a hidden sheet, one column per list, so long lists (countries) fit. */
class Lists {
  private column = 0;
  private readonly known = new Map<string, string>();
  private readonly sheet: ExcelJS.Worksheet;
  private readonly name: string;
  constructor(sheet: ExcelJS.Worksheet, name: string) {
    this.sheet = sheet;
    this.name = name;
  }
  rangeFor(texts: string[]): string {
    const key = texts.join("\u0000");
    const hit = this.known.get(key);
    if (hit) return hit;
    this.column += 1;
    const letter = this.sheet.getColumn(this.column).letter;
    texts.forEach((text, i) => (this.sheet.getCell(i + 1, this.column).value = text));
    const range = `'${this.name.replace(/'/g, "''")}'!$${letter}$1:$${letter}$${Math.max(texts.length, 1)}`;
    this.known.set(key, range);
    return range;
  }
}

function dropDownTexts(q: WorkbookQuestion, shape: WorkbookShape): string[] | null {
  if (q.kind === "boolean") return booleanChoices(q.element, shape.wording);
  if (q.kind === "choice") return choiceList(q.element, shape.wording).map((c) => c.text);
  return null;
}

function addDropDown(cell: ExcelJS.Cell, q: WorkbookQuestion, shape: WorkbookShape, lists: Lists) {
  const texts = dropDownTexts(q, shape);
  if (!texts) return;
  cell.dataValidation = {
    type: "list",
    allowBlank: true,
    formulae: [lists.rangeFor(texts)],
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: tIn(shape.language, "workbook.dropDown.errorTitle"),
    error: tIn(shape.language, "workbook.dropDown.error"),
  };
}

/** Extra rows with drop-downs below a panel's entries, for the entries the supplier adds. */
const PANEL_SPARE_ROWS = 50;

export async function buildWorkbook(template: TemplateFile, source: WorkbookSource, language: Locale) {
  const shape = workbookShape(template, language);
  const say = (id: MessageId, values?: Record<string, string>) => tIn(language, id, values);
  const book = new ExcelJS.Workbook();
  book.creator = "Flowdown";
  book.title = templateTitleIn(template.title, language);
  const taken = new Set<string>();
  const questionsName = sheetName(say("workbook.sheet.questions"), taken);
  const sheet = book.addWorksheet(questionsName, {
    views: [{ state: "frozen", ySplit: 1, rightToLeft: language === "ar" }],
  });
  const panelNames = new Map(shape.panels.map((p) => [p.question.name, sheetName(p.question.title, taken)] as const));
  const listsName = sheetName(say("workbook.sheet.lists"), taken);
  const lists = new Lists(book.addWorksheet(listsName, { state: "hidden" }), listsName);
  const meta = book.addWorksheet(META_SHEET, { state: "veryHidden" });

  sheet.columns = QUESTION_COLUMNS.map((key) => ({ key, width: WIDTHS[key] }));
  const header = sheet.addRow(QUESTION_COLUMNS.map((key) => say(`workbook.column.${key}` as MessageId)));
  styleHeader(header);
  header.getCell(ANSWER_COLUMN).note = say("workbook.note.answer", { separator: LIST_SEPARATOR.trim() });
  header.getCell(EVIDENCE_COLUMN).note = say("workbook.note.evidence", { separator: LIST_SEPARATOR.trim() });

  for (const q of shape.questions) {
    const stored = source.answers[q.name];
    const row = sheet.addRow([
      q.name,
      q.page,
      q.title,
      allowedText(q, shape, panelNames.get(q.name)),
      q.condition ?? "",
      q.required ? say("workbook.required.yes") : "",
      q.kind === "file" || q.kind === "panel" ? null : cellOf(q, stored, shape),
      q.kind === "file" ? cellOf(q, stored, shape) : null,
    ]);
    row.alignment = { vertical: "top", wrapText: true };
    if (q.kind === "panel")
      row.getCell(ANSWER_COLUMN).value = say("workbook.panel.seeSheet", { sheet: panelNames.get(q.name)! });
    if (q.kind === "date") row.getCell(ANSWER_COLUMN).numFmt = "@";
    addDropDown(row.getCell(ANSWER_COLUMN), q, shape, lists);
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: QUESTION_COLUMNS.length } };

  for (const panel of shape.panels) {
    const name = panelNames.get(panel.question.name)!;
    const ws = book.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1, rightToLeft: language === "ar" }] });
    ws.columns = panel.fields.map((f) => ({ key: f.name, width: f.kind === "choice" ? 32 : 28 }));
    const head = ws.addRow(panel.fields.map((f) => (f.required ? `${f.title} *` : f.title)));
    styleHeader(head);
    panel.fields.forEach((f, i) => {
      head.getCell(i + 1).note = [allowedText(f, shape), f.condition ?? ""].filter(Boolean).join("\n");
    });
    const items = Array.isArray(source.answers[panel.question.name])
      ? (source.answers[panel.question.name] as unknown[])
      : [];
    for (const item of items) {
      const values = item && typeof item === "object" ? (item as Record<string, unknown>) : {};
      const row = ws.addRow(panel.fields.map((f) => cellOf(f, values[f.name], shape)));
      row.alignment = { vertical: "top", wrapText: true };
    }
    for (let r = 2; r <= items.length + 1 + PANEL_SPARE_ROWS; r++) {
      panel.fields.forEach((f, i) => {
        const cell = ws.getCell(r, i + 1);
        addDropDown(cell, f, shape, lists);
        if (f.kind === "date") cell.numFmt = "@";
      });
    }
  }

  meta.addRow([META_MARK, FORMAT_VERSION]);
  meta.addRow(["assessment", source.assessmentId]);
  meta.addRow(["template", templateTag(source)]);
  meta.addRow(["language", language]);
  meta.addRow(["questions", questionsName]);
  for (const panel of shape.panels)
    meta.addRow([
      "panel",
      panel.question.name,
      panelNames.get(panel.question.name)!,
      ...panel.fields.map((f) => f.name),
    ]);

  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A file name for the download: the questionnaire's id and the assessment, nothing a person typed. */
export function workbookFileName(templateId: string, assessmentId: string, language: string): string {
  return `${templateId}-${assessmentId}-${language}.xlsx`.replace(/[^A-Za-z0-9._-]/g, "_");
}
