/**
 * Question lists kept as spreadsheets (CSV or XLSX): one row per question
 * with the columns id, section, question, answer type, choices and
 * requirement ids, and optionally "expected answer". Sections become pages
 * in the order they first appear.
 */
import type { JudgeRule } from "#questionnaires/types";
import { safeName, slugify } from "./text";
import { importedSurvey } from "./survey";
import {
  ImportError,
  MAX_IMPORT_QUESTIONS,
  type DraftQuestion,
  type Finding,
  type ImportDraft,
  type ImportFormat,
} from "./types";

type Json = Record<string, unknown>;

const COLUMNS = {
  id: ["id", "question id", "key", "name"],
  section: ["section", "page", "chapter", "group"],
  question: ["question", "question text", "title", "text"],
  type: ["answer type", "type", "answer", "kind"],
  choices: ["choices", "options", "answers", "values"],
  requirements: ["requirement ids", "requirements", "requirement", "requirement id"],
  expected: ["expected answer", "expected", "good answer"],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ["id", "question", "type"];

interface AnswerType {
  element: Json;
  choices: boolean;
  /** an element without an answer (text shown to the supplier) */
  display?: boolean;
}

const ANSWER_TYPES: Record<string, AnswerType> = {};
const defineType = (names: string[], t: AnswerType) => names.forEach((n) => (ANSWER_TYPES[n] = t));
defineType(["text", "short text", "line", "string"], { element: { type: "text" }, choices: false });
defineType(["long text", "comment", "paragraph", "box", "textarea"], { element: { type: "comment" }, choices: false });
defineType(["number", "integer", "numeric"], { element: { type: "text", inputType: "number" }, choices: false });
defineType(["date"], { element: { type: "text", inputType: "date" }, choices: false });
defineType(["yes/no", "yesno", "yes no", "boolean", "bool"], {
  element: { type: "boolean", labelTrue: "Yes", labelFalse: "No" },
  choices: false,
});
defineType(["single choice", "choice", "radio", "radiogroup", "one of"], {
  element: { type: "radiogroup" },
  choices: true,
});
defineType(["dropdown", "select"], { element: { type: "dropdown" }, choices: true });
defineType(["multiple choice", "multi", "multiple", "checkbox", "checkboxes", "many of"], {
  element: { type: "checkbox" },
  choices: true,
});
defineType(["file", "upload", "document", "evidence"], {
  element: {
    type: "file",
    allowMultiple: true,
    storeDataAsText: false,
    waitForUpload: true,
    acceptedTypes: ".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.txt",
    maxSize: 20 * 1024 * 1024,
  },
  choices: false,
});
defineType(["info", "note", "text block", "html"], { element: { type: "html" }, choices: false, display: true });

const normalise = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, " ");

function headerMap(header: string[]): { columns: Partial<Record<Column, number>>; errors: string[] } {
  const columns: Partial<Record<Column, number>> = {};
  const errors: string[] = [];
  header.forEach((raw, index) => {
    const name = normalise(raw);
    for (const [column, aliases] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
      if (!aliases.includes(name)) continue;
      if (columns[column] !== undefined)
        errors.push(`The header has two columns for "${column}" ("${header[columns[column]!]}" and "${raw}").`);
      else columns[column] = index;
    }
  });
  const missing = REQUIRED.filter((c) => columns[c] === undefined);
  if (missing.length) {
    errors.push(
      `The first row must name the columns; missing: ${missing.map((m) => `"${COLUMNS[m][0]}"`).join(", ")} (found: ${
        header
          .filter((h) => h.trim())
          .map((h) => `"${h.trim()}"`)
          .join(", ") || "nothing"
      }).`,
    );
  }
  return { columns, errors };
}

function splitChoices(cell: string): { value: string; text: string }[] {
  return cell
    .split(/\r?\n|\|/)
    .map((c) => c.trim())
    .filter(Boolean)
    .map((c) => {
      const eq = c.indexOf("=");
      if (eq > 0) return { value: c.slice(0, eq).trim(), text: c.slice(eq + 1).trim() || c.slice(0, eq).trim() };
      return { value: c, text: c };
    });
}

export function splitRequirementIds(cell: string): string[] {
  return [
    ...new Set(
      cell
        .split(/[\s,;|]+/)
        .map((s) => s.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
}

function judgeFor(
  type: string,
  expected: string,
  choices: { value: string }[],
  row: number,
  errors: string[],
): { judge: JudgeRule; note: string } {
  const e = expected.trim();
  if (!e) return { judge: { kind: "present" }, note: "judged as answered (no expected answer given)" };
  if (type === "boolean") {
    const v = e.toLowerCase();
    if (["yes", "true", "y", "1"].includes(v))
      return { judge: { kind: "boolean", expected: true }, note: '"yes" expected' };
    if (["no", "false", "n", "0"].includes(v))
      return { judge: { kind: "boolean", expected: false }, note: '"no" expected' };
    errors.push(`Row ${row}: the expected answer of a yes/no question must be "yes" or "no", not "${e}".`);
  } else if (type === "radiogroup" || type === "dropdown" || type === "checkbox") {
    const good = e
      .split(/\r?\n|\|/)
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = good.filter((g) => !choices.some((c) => c.value === g));
    if (unknown.length)
      errors.push(
        `Row ${row}: the expected answer names ${unknown.map((u) => `"${u}"`).join(", ")}, which ${unknown.length === 1 ? "is not a choice" : "are not choices"} of the question.`,
      );
    if (type === "checkbox")
      return { judge: { kind: "coverage", required: good }, note: `must include ${good.join(", ")}` };
    return {
      judge: {
        kind: "choice",
        scores: Object.fromEntries(choices.map((c) => [c.value, good.includes(c.value) ? 1 : 0])),
      },
      note: `scores 1 for ${good.join(", ")}`,
    };
  } else if (type === "number") {
    const m = /^(<=|>=|≤|≥)\s*([a-z][A-Za-z0-9]*)$/.exec(e);
    if (m) {
      const atMost = m[1] === "<=" || m[1] === "≤";
      return {
        judge: atMost ? { kind: "atMost", param: m[2] } : { kind: "atLeast", param: m[2] },
        note: `${atMost ? "at most" : "at least"} the agreement's ${m[2]}`,
      };
    }
    errors.push(
      `Row ${row}: the expected answer of a number question must compare with an agreement parameter, e.g. "<= notifyWithinHours", not "${e}".`,
    );
  } else {
    errors.push(`Row ${row}: an expected answer can only be given for yes/no, choice and number questions.`);
  }
  return { judge: { kind: "present" }, note: "judged as answered" };
}

export interface TableOptions {
  format: Extract<ImportFormat, "csv" | "xlsx">;
  fileName: string;
  /** requirement ids of the catalogue, to check the file's references */
  requirementIds: ReadonlySet<string>;
}

export function importTable(rows: string[][], opts: TableOptions): ImportDraft {
  const nonEmpty = rows.map((r, i) => ({ cells: r, line: i + 1 })).filter((r) => r.cells.some((c) => c.trim() !== ""));
  if (nonEmpty.length === 0) throw new ImportError("The file is empty.");
  const { columns, errors } = headerMap(nonEmpty[0].cells);
  if (errors.length) throw new ImportError(errors);
  const body = nonEmpty.slice(1);
  if (body.length === 0) throw new ImportError("The file has a header row but no questions.");
  if (body.length > MAX_IMPORT_QUESTIONS)
    throw new ImportError(
      `The file has ${body.length} rows; at most ${MAX_IMPORT_QUESTIONS} questions can be imported at once.`,
    );

  const cell = (cells: string[], c: Column) => (columns[c] === undefined ? "" : (cells[columns[c]!] ?? "").trim());
  const findings: Finding[] = [];
  const questions: DraftQuestion[] = [];
  const pages = new Map<string, Json>();
  const seen = new Map<string, { id: string; row: number }>();

  for (const { cells, line } of body) {
    const rawId = cell(cells, "id");
    const title = cell(cells, "question");
    const typeName = cell(cells, "type");
    const rowErrors: string[] = [];
    if (!rawId) rowErrors.push(`Row ${line}: the id is empty.`);
    if (!title) rowErrors.push(`Row ${line}: the question text is empty.`);
    const answerType = ANSWER_TYPES[normalise(typeName)];
    if (!answerType)
      rowErrors.push(
        `Row ${line}: unknown answer type "${typeName}"; use one of text, long text, number, date, yes/no, single choice, dropdown, multiple choice, file or info.`,
      );
    const name = rawId ? safeName(rawId) : "";
    if (name) {
      const first = seen.get(name);
      if (first)
        rowErrors.push(
          first.id === rawId
            ? `Row ${line}: the id "${rawId}" is already used on row ${first.row}.`
            : `Row ${line}: the id "${rawId}" becomes "${name}", which row ${first.row} ("${first.id}") already uses.`,
        );
      else seen.set(name, { id: rawId, row: line });
      if (name !== rawId)
        findings.push({
          itemId: rawId,
          level: "info",
          reason: `renamed to "${name}": answer names may only hold letters, digits, "_" and "-"`,
        });
    }
    const requirements = splitRequirementIds(cell(cells, "requirements"));
    const unknown = requirements.filter((r) => !opts.requirementIds.has(r));
    if (unknown.length)
      rowErrors.push(
        `Row ${line}: ${unknown.map((u) => `"${u}"`).join(", ")} ${unknown.length === 1 ? "is not a requirement" : "are not requirements"} of the catalogue.`,
      );
    const choices = splitChoices(cell(cells, "choices"));
    if (answerType?.choices) {
      if (choices.length < 2)
        rowErrors.push(
          `Row ${line}: a ${typeName} question needs at least two choices, separated by "|" or line breaks.`,
        );
      const values = choices.map((c) => c.value);
      const dup = values.find((v, i) => values.indexOf(v) !== i);
      if (dup) rowErrors.push(`Row ${line}: the choice "${dup}" is listed twice.`);
    } else if (choices.length && answerType) {
      findings.push({
        itemId: rawId || `row ${line}`,
        level: "info",
        reason: `choices are ignored for a ${typeName} question`,
      });
    }
    if (answerType?.display && requirements.length)
      rowErrors.push(`Row ${line}: an info row shows text and has no answer, so it cannot name requirements.`);
    const elementType = answerType?.element.inputType === "number" ? "number" : String(answerType?.element.type ?? "");
    const { judge, note } = judgeFor(elementType, cell(cells, "expected"), choices, line, rowErrors);
    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }

    const section = cell(cells, "section") || "Questions";
    let page = pages.get(section);
    if (!page) {
      page = { name: uniquePageName(section, pages), title: section, elements: [] };
      pages.set(section, page);
    }
    const element: Json = { ...structuredClone(answerType!.element), name };
    if (answerType!.display)
      element.html = `<p>${title.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</p>`;
    else element.title = title;
    if (answerType!.choices) element.choices = choices.map((c) => (c.value === c.text ? c.value : c));
    (page.elements as Json[]).push(element);
    if (!answerType!.display)
      questions.push({
        name,
        title,
        type: String(element.type),
        pageName: String(page.name),
        section: String(page.title),
        required: false,
        requirements,
        judge,
        judgeNote: note,
      });
  }
  if (errors.length) throw new ImportError(errors);
  if (questions.length === 0) throw new ImportError("The file has no questions, only info rows.");

  const title =
    opts.fileName
      .replace(/\.[^.]+$/, "")
      .replace(/[_-]+/g, " ")
      .trim() || "Imported questionnaire";
  const survey = importedSurvey(title, [...pages.values()]);
  return { format: opts.format, title, survey, questions, findings };
}

function uniquePageName(section: string, pages: Map<string, Json>): string {
  const base = slugify(section) || "section";
  const used = new Set([...pages.values()].map((p) => String(p.name)));
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
  return name;
}
