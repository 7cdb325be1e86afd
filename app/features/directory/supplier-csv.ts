/**
 * A supplier list as CSV (RFC 4180): a header row naming the columns, then
 * one supplier per row. Fields are separated by commas (or semicolons, as
 * spreadsheets in many locales save them), may be quoted with ", quotes
 * doubled inside; a quoted field may span lines. A leading BOM is dropped.
 * Cells that a spreadsheet would run as a formula are refused per row.
 */
import type { SupplierImportRow } from "#models/supplier-import.server";
import { FORMULA_START } from "./organization-input";

export const MAX_CSV_BYTES = 1024 * 1024;
export const MAX_LINE_CHARS = 2000;
export const MAX_ROWS = 500;

export const COLUMNS = {
  name: "name",
  country: "country",
  registration_number: "registrationNumber",
  contact_email: "contactEmail",
  service: "service",
} as const;
type Column = keyof typeof COLUMNS;
export type RowField = (typeof COLUMNS)[Column];

/** A row as read from the file: the shape an upload is kept in until it is confirmed. */
export type CsvSupplierRow = SupplierImportRow;

export type CsvReadResult = { ok: true; rows: CsvSupplierRow[] } | { ok: false; error: string };

const fmt = (n: number) => n.toLocaleString("en");

/** The first line longer than the limit, if any (1-based). */
export function overlongLine(text: string, limit = MAX_LINE_CHARS): number | null {
  let line = 1;
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      line++;
      length = 0;
    } else if (++length > limit) return line;
  }
  return null;
}

export function overlongLineMessage(line: number): string {
  return `Line ${fmt(line)} is longer than ${fmt(MAX_LINE_CHARS)} characters, so the file was not read. A supplier list has one short line per supplier: check that this is the right file, saved as CSV.`;
}

/** Records with the line each starts on. Throws a message when a quoted field never closes. */
export function parseCsvRecords(text: string, delimiter: string): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let start = 1;
  let i = 0;
  let quotedCell = false;
  const endCell = () => {
    cells.push(cell);
    cell = "";
    quotedCell = false;
  };
  const endRecord = () => {
    endCell();
    records.push({ line: start, cells });
    cells = [];
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '"' && cell === "" && !quotedCell) {
      const opened = line;
      i++;
      for (;;) {
        if (i >= text.length) throw new Error(`The quoted field that starts on line ${opened} is never closed.`);
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (text[i] === "\n" || (text[i] === "\r" && text[i + 1] !== "\n")) line++;
        cell += text[i++];
      }
      const next = text[i];
      if (next !== undefined && next !== delimiter && next !== "\r" && next !== "\n")
        throw new Error(
          `Line ${line} has text after a closing quote; a quote inside a quoted field must be doubled ("").`,
        );
      quotedCell = true;
      continue;
    }
    if (c === delimiter) {
      endCell();
      i++;
    } else if (c === "\r" || c === "\n") {
      endRecord();
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      start = line;
    } else {
      cell += c;
      i++;
    }
  }
  if (cell !== "" || quotedCell || cells.length > 0) endRecord();
  return records;
}

function headerDelimiter(text: string): string {
  const first = text.split(/\r?\n|\r/, 1)[0] ?? "";
  const count = (d: string) => first.split(d).length - 1;
  return count(";") > count(",") ? ";" : ",";
}

function columnKey(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

/** Reads the file's text into rows of cells as typed; a file that cannot be read at all is one error. */
export function readSupplierCsv(source: string): CsvReadResult {
  const text = source.replace(/^\uFEFF/, "");
  const long = overlongLine(text);
  if (long !== null) return { ok: false, error: overlongLineMessage(long) };
  let records;
  try {
    records = parseCsvRecords(text, headerDelimiter(text));
  } catch (error) {
    return { ok: false, error: `The file is not valid CSV: ${(error as Error).message}` };
  }
  const blank = (cells: string[]) => cells.every((c) => c.trim() === "");
  const [header, ...body] = records.filter((r) => !blank(r.cells));
  const expected = Object.keys(COLUMNS).join(",");
  if (!header) return { ok: false, error: `The file is empty. The first row names the columns: ${expected}.` };
  const keys = header.cells.map(columnKey);
  const unknown = keys.filter((k) => !(k in COLUMNS));
  if (unknown.length)
    return {
      ok: false,
      error: `The first row must name the columns ${expected}; it has ${unknown
        .map((k) => `"${k.slice(0, 40)}"`)
        .join(", ")} too.`,
    };
  const missing = (["name", "country"] as const).filter((k) => !keys.includes(k));
  if (missing.length)
    return {
      ok: false,
      error: `The first row must name the columns ${expected}; ${missing.join(" and ")} is missing.`,
    };
  const repeated = keys.filter((k, i) => keys.indexOf(k) !== i);
  if (repeated.length) return { ok: false, error: `The column ${repeated[0]} appears twice in the first row.` };
  if (body.length === 0) return { ok: false, error: "The file names the columns but lists no supplier." };
  if (body.length > MAX_ROWS)
    return {
      ok: false,
      error: `The file lists ${fmt(body.length)} suppliers; at most ${fmt(MAX_ROWS)} can be imported at once. Split it into several files.`,
    };
  const rows = body.map(({ line, cells }) => {
    const row: CsvSupplierRow = {
      line,
      name: "",
      country: "",
      registrationNumber: "",
      contactEmail: "",
      service: "",
      readErrors: [],
    };
    if (cells.length > keys.length)
      row.readErrors.push(`Has ${cells.length} cells but the first row names ${keys.length} columns`);
    keys.forEach((key, i) => {
      const raw = cells[i] ?? "";
      const field = COLUMNS[key as Column];
      const formula = FORMULA_START.test(raw) ? raw[0] : FORMULA_START.test(raw.trim()) ? raw.trim()[0] : null;
      if (formula !== null)
        row.readErrors.push(
          `The ${key} cell starts with "${JSON.stringify(formula).slice(1, -1)}": cells that start with =, +, -, @, a tab or a carriage return are refused, as a spreadsheet would run them as formulas`,
        );
      row[field] = raw.trim();
    });
    return row;
  });
  return { ok: true, rows };
}
