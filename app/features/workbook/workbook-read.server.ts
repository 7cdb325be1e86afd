import ExcelJS from "exceljs";
import type { TemplateFile } from "#questionnaires/types";
import { said, type Said } from "#models/refusal";
import { isLanguageCode } from "#questionnaires/languages";
import type { Locale } from "#app/i18n/locales";
import { abbreviate } from "#app/lib/text-limits";
import { ANSWER_TEXT_MAX } from "#app/features/assessments/answer-limits";
import { checkAnswerChanges } from "#app/features/assessments/answers.server";
import { checkWorkbookPackage } from "./workbook-package.server";
import {
  booleanChoices,
  choiceList,
  META_MARK,
  META_SHEET,
  templateTag,
  workbookShape,
  type WorkbookQuestion,
  type WorkbookShape,
} from "./workbook-shape.server";
import { ANSWER_COLUMN, EVIDENCE_COLUMN } from "./workbook.server";

/**
 * Reads a filled-in workbook back into answer changes: every row checked
 * (a wrong value is an error naming its sheet, row and question, and one
 * wrong row applies nothing), choices taken by their text in the workbook's
 * language or by their value, evidence by its name in the supplier's own
 * library. Formula cells are refused: what a workbook says must be what the
 * supplier typed, not what a cell computes.
 */

export interface EvidenceEntry {
  id: string;
  name: string;
  contentType: string;
}

export interface RowError {
  sheet: string;
  row: number;
  question: string;
  message: Said;
}

export interface ReadTarget {
  assessmentId: string;
  templateId: string;
  templateVersion: string;
  askedQuestions?: string[];
  answers: Record<string, unknown>;
}

export type ReadOutcome =
  | { kind: "refused"; message: Said }
  | { kind: "rows"; errors: RowError[] }
  | {
      kind: "read";
      language: Locale;
      /** question → new answer; null clears it */
      changes: Record<string, unknown>;
    };

type Input = string | number | boolean | Date | null;
type Parsed = { ok: true; value: unknown } | { ok: false; message: Said };

function inputOf(cell: ExcelJS.Cell): Input | { error: true } {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  if (typeof v === "string") return v.trim() === "" ? null : v.trim();
  if (typeof v === "object" && "error" in v) return { error: true };
  const text = cell.text.trim();
  return text === "" ? null : text;
}

const normal = (s: string) => s.normalize("NFC").trim().toLowerCase();

function isoDay(d: Date): string {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}`;
}

interface Context {
  shape: WorkbookShape;
  /** the supplier's evidence files by name, newest first */
  library: Map<string, EvidenceEntry>;
}

function parseChoice(q: WorkbookQuestion, text: string, ctx: Context): string | null {
  const wanted = normal(text);
  const list = choiceList(q.element, ctx.shape.wording);
  return (
    list.find((c) => normal(c.text) === wanted)?.value ??
    list.find((c) => normal(c.value) === wanted)?.value ??
    // English, the questionnaire's own language, is always understood
    (ctx.shape.language === "en"
      ? null
      : (choiceList(q.element, { ...ctx.shape.wording, text: (t) => englishOf(t) }).find(
          (c) => normal(c.text) === wanted,
        )?.value ?? null))
  );
}

function englishOf(text: unknown): string | null {
  if (typeof text === "string") return text;
  if (text && typeof text === "object" && typeof (text as { default?: unknown }).default === "string")
    return (text as { default: string }).default;
  return null;
}

function splitList(text: string): string[] {
  return text
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** One cell's answer for question `q`: its value as the questionnaire stores it, or what is wrong with it. */
export function parseCell(q: WorkbookQuestion, input: Input, ctx: Context, storedFiles?: unknown): Parsed {
  if (input === null) return { ok: true, value: null };
  const text = input instanceof Date ? isoDay(input) : String(input).trim();
  switch (q.kind) {
    case "boolean": {
      if (typeof input === "boolean") return { ok: true, value: input };
      const [yes, no] = booleanChoices(q.element, ctx.shape.wording);
      const t = normal(text);
      if ([normal(yes), "yes", "true"].includes(t)) return { ok: true, value: true };
      if ([normal(no), "no", "false"].includes(t)) return { ok: true, value: false };
      return { ok: false, message: said("workbook.row.yesNo", { value: abbreviate(text, 60), yes, no }) };
    }
    case "choice": {
      const value = parseChoice(q, text, ctx);
      return value === null
        ? { ok: false, message: said("workbook.row.noChoice", { value: abbreviate(text, 60) }) }
        : { ok: true, value };
    }
    case "multi": {
      const values: string[] = [];
      for (const part of splitList(text)) {
        const value = parseChoice(q, part, ctx);
        if (value === null)
          return { ok: false, message: said("workbook.row.noChoice", { value: abbreviate(part, 60) }) };
        if (!values.includes(value)) values.push(value);
      }
      return { ok: true, value: values.length ? values : null };
    }
    case "number": {
      const n =
        typeof input === "number" ? input : /^-?\d+([.,]\d+)?$/.test(text) ? Number(text.replace(",", ".")) : NaN;
      return Number.isFinite(n)
        ? { ok: true, value: n }
        : { ok: false, message: said("workbook.row.number", { value: abbreviate(text, 60) }) };
    }
    case "date": {
      if (input instanceof Date) return { ok: true, value: text };
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      const valid = m && isoDay(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]))) === text;
      return valid
        ? { ok: true, value: text }
        : { ok: false, message: said("workbook.row.date", { value: abbreviate(text, 60) }) };
    }
    case "text":
    case "comment": {
      if (text.length > ANSWER_TEXT_MAX)
        return { ok: false, message: said("workbook.row.tooLong", { max: ANSWER_TEXT_MAX, length: text.length }) };
      if (q.element.inputType === "email" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text))
        return { ok: false, message: said("workbook.row.email", { value: abbreviate(text, 60) }) };
      return { ok: true, value: text };
    }
    case "file": {
      const kept = Array.isArray(storedFiles) ? (storedFiles as { name?: unknown }[]) : [];
      const files: unknown[] = [];
      for (const name of splitList(text)) {
        const same = kept.find((f) => f && f.name === name);
        if (same) {
          files.push(same);
          continue;
        }
        const found = ctx.library.get(name);
        if (!found) return { ok: false, message: said("workbook.row.unknownFile", { name: abbreviate(name, 80) }) };
        files.push({ name: found.name, type: found.contentType, content: `/evidence/${found.id}` });
      }
      return { ok: true, value: files.length ? files : null };
    }
    default:
      return { ok: false, message: said("workbook.row.notAnswerable") };
  }
}

/** Key order and empty fields aside, are two answers the same? */
export function sameAnswer(a: unknown, b: unknown): boolean {
  const canon = (v: unknown): unknown => {
    if (v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0)) return null;
    if (Array.isArray(v)) return v.map(canon);
    if (typeof v === "object") {
      const entries = Object.entries(v as Record<string, unknown>)
        .map(([k, x]) => [k, canon(x)] as const)
        .filter(([, x]) => x !== null)
        .sort(([x], [y]) => (x < y ? -1 : 1));
      return entries.length ? Object.fromEntries(entries) : null;
    }
    return v;
  };
  return JSON.stringify(canon(a)) === JSON.stringify(canon(b));
}

function formulaCells(book: ExcelJS.Workbook): { sheet: string; cell: string }[] {
  const found: { sheet: string; cell: string }[] = [];
  book.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value as unknown;
        const isFormula =
          cell.type === ExcelJS.ValueType.Formula ||
          (v !== null && typeof v === "object" && ("formula" in v || "sharedFormula" in v));
        if (isFormula) found.push({ sheet: ws.name, cell: cell.address });
      });
    });
  });
  return found;
}

function metaOf(book: ExcelJS.Workbook) {
  const ws = book.getWorksheet(META_SHEET);
  if (!ws || ws.getCell(1, 1).text !== META_MARK) return null;
  const rows = new Map<string, string[]>();
  const panels = new Map<string, { sheet: string; fields: string[] }>();
  ws.eachRow((row) => {
    const cells = (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v)));
    if (cells[0] === "panel") panels.set(cells[1], { sheet: cells[2], fields: cells.slice(3) });
    else rows.set(cells[0], cells.slice(1));
  });
  return {
    assessmentId: rows.get("assessment")?.[0] ?? "",
    tag: rows.get("template")?.[0] ?? "",
    language: rows.get("language")?.[0] ?? "",
    questionsSheet: rows.get("questions")?.[0] ?? "",
    panels,
  };
}

/**
 * Reads `bytes` as a workbook of `target` and returns the changes against
 * its stored answers. `library` is the supplier's own evidence, newest first.
 */
export async function readWorkbook(
  bytes: Uint8Array,
  template: TemplateFile,
  target: ReadTarget,
  library: EvidenceEntry[],
): Promise<ReadOutcome> {
  const unsafe = checkWorkbookPackage(bytes);
  if (unsafe) return { kind: "refused", message: unsafe };
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    return { kind: "refused", message: said("workbook.refused.notXlsx") };
  }
  const formulas = formulaCells(book);
  if (formulas.length)
    return {
      kind: "refused",
      message: said("workbook.refused.formula", {
        count: formulas.length,
        cells: formulas
          .filter((_, i) => i < 5)
          .map((f) => `${f.sheet}!${f.cell}`)
          .join(", "),
      }),
    };
  const meta = metaOf(book);
  if (!meta) return { kind: "refused", message: said("workbook.refused.notOurs") };
  if (meta.assessmentId !== target.assessmentId || meta.tag !== templateTag(target) || !isLanguageCode(meta.language))
    return { kind: "refused", message: said("workbook.refused.otherQuestionnaire") };
  const language = meta.language as Locale;
  const shape = workbookShape(template, language);
  const byName = new Map<string, EvidenceEntry>();
  for (const f of library) if (!byName.has(f.name)) byName.set(f.name, f);
  const ctx: Context = { shape, library: byName };
  const errors: RowError[] = [];
  const changes: Record<string, unknown> = {};
  const change = (name: string, value: unknown) => {
    if (!sameAnswer(target.answers[name], value)) changes[name] = value ?? null;
  };

  const sheet = book.getWorksheet(meta.questionsSheet);
  if (!sheet)
    return { kind: "refused", message: said("workbook.refused.sheetMissing", { sheet: meta.questionsSheet }) };
  const questions = new Map(shape.questions.map((q) => [q.name, q]));
  const seen = new Set<string>();
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const id = row.getCell(1).text.trim();
    const q = questions.get(id);
    const error = (message: Said) => errors.push({ sheet: sheet.name, row: number, question: q?.title ?? id, message });
    if (!id) {
      if (row.getCell(ANSWER_COLUMN).text.trim() || row.getCell(EVIDENCE_COLUMN).text.trim())
        error(said("workbook.row.noId"));
      return;
    }
    if (!q) return error(said("workbook.row.unknownQuestion", { id: abbreviate(id, 60) }));
    if (seen.has(id)) return error(said("workbook.row.twice"));
    seen.add(id);
    if (q.kind === "panel") return;
    const column = q.kind === "file" ? EVIDENCE_COLUMN : ANSWER_COLUMN;
    const input = inputOf(row.getCell(column));
    if (input !== null && typeof input === "object" && "error" in input) return error(said("workbook.row.errorValue"));
    const parsed = parseCell(q, input, ctx, target.answers[q.name]);
    if (!parsed.ok) return error(parsed.message);
    change(q.name, parsed.value);
  });

  for (const panel of shape.panels) {
    const where = meta.panels.get(panel.question.name);
    const ws = where && book.getWorksheet(where.sheet);
    // a panel sheet the supplier removed changes nothing
    if (!where || !ws) continue;
    const fields = where.fields.map((name) => panel.fields.find((f) => f.name === name) ?? null);
    const items: Record<string, unknown>[] = [];
    const stored = Array.isArray(target.answers[panel.question.name])
      ? (target.answers[panel.question.name] as Record<string, unknown>[])
      : [];
    let rowFailed = false;
    ws.eachRow({ includeEmpty: false }, (row, number) => {
      if (number === 1) return;
      const item: Record<string, unknown> = {};
      fields.forEach((f, i) => {
        if (!f) return;
        const input = inputOf(row.getCell(i + 1));
        const question = `${panel.question.title} › ${f.title}`;
        if (input !== null && typeof input === "object" && "error" in input) {
          rowFailed = true;
          errors.push({ sheet: ws.name, row: number, question, message: said("workbook.row.errorValue") });
          return;
        }
        const parsed = parseCell(f, input, ctx, stored[number - 2]?.[f.name]);
        if (!parsed.ok) {
          rowFailed = true;
          errors.push({ sheet: ws.name, row: number, question, message: parsed.message });
        } else if (parsed.value !== null) item[f.name] = parsed.value;
      });
      if (Object.keys(item).length) items.push(item);
    });
    if (!rowFailed) change(panel.question.name, items.length ? items : null);
  }

  if (errors.length) return { kind: "rows", errors };
  // the questionnaire's own check, so a workbook can never store what the portal would not
  const checked = checkAnswerChanges(template, changes, null);
  if (!checked.ok)
    return {
      kind: "rows",
      errors: checked.errors.map((message) => ({ sheet: sheet.name, row: 0, question: "", message })),
    };
  return { kind: "read", language, changes };
}
