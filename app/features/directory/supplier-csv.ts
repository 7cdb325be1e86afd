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

/**
 * What is wrong with the file or a row: a catalogue id (app/i18n/catalogue/directory.ts)
 * with its values, said by the server in the reader's language. A list value is said
 * as a list ("name and country").
 */
export interface CsvMessage {
  id: `directory.csv.${string}`;
  values?: Record<string, string | number | string[]>;
}

/** A row as read from the file; kept until it is confirmed, each read error as its JSON (encodeCsvMessage). */
export type CsvSupplierRow = Omit<SupplierImportRow, "readErrors"> & { readErrors: CsvMessage[] };

export type CsvReadResult = { ok: true; rows: CsvSupplierRow[] } | { ok: false; error: CsvMessage };

/** A read error as the import record keeps it. */
export function encodeCsvMessage(message: CsvMessage): string {
  return JSON.stringify(message);
}

/** A read error kept by an import record; null for text that is not one (then shown as it is). */
export function decodeCsvMessage(text: string): CsvMessage | null {
  try {
    const value = JSON.parse(text) as Partial<CsvMessage> | null;
    return typeof value?.id === "string" && value.id.startsWith("directory.csv.") ? (value as CsvMessage) : null;
  } catch {
    return null;
  }
}

/** A file that is not CSV: the English message for the log, the message for the reader. */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly said: CsvMessage,
  ) {
    super(message);
    this.name = "CsvSyntaxError";
  }
}

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

export function overlongLineMessage(line: number): CsvMessage {
  return { id: "directory.csv.overlongLine", values: { line, max: MAX_LINE_CHARS } };
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
        if (i >= text.length)
          throw new CsvSyntaxError(`The quoted field that starts on line ${opened} is never closed.`, {
            id: "directory.csv.unclosedQuote",
            values: { line: opened },
          });
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
        throw new CsvSyntaxError(
          `Line ${line} has text after a closing quote; a quote inside a quoted field must be doubled ("").`,
          { id: "directory.csv.textAfterQuote", values: { line } },
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
    if (!(error instanceof CsvSyntaxError)) throw error;
    return { ok: false, error: error.said };
  }
  const blank = (cells: string[]) => cells.every((c) => c.trim() === "");
  const [header, ...body] = records.filter((r) => !blank(r.cells));
  const expected = Object.keys(COLUMNS).join(",");
  if (!header) return { ok: false, error: { id: "directory.csv.empty", values: { expected } } };
  const keys = header.cells.map(columnKey);
  const unknown = keys.filter((k) => !(k in COLUMNS));
  if (unknown.length)
    return {
      ok: false,
      error: {
        id: "directory.csv.unknownColumns",
        values: { expected, unknown: unknown.map((k) => `"${k.slice(0, 40)}"`).join(", ") },
      },
    };
  const missing = (["name", "country"] as const).filter((k) => !keys.includes(k));
  if (missing.length)
    return {
      ok: false,
      error: { id: "directory.csv.missingColumns", values: { expected, missing } },
    };
  const repeated = keys.filter((k, i) => keys.indexOf(k) !== i);
  if (repeated.length)
    return { ok: false, error: { id: "directory.csv.repeatedColumn", values: { column: repeated[0] } } };
  if (body.length === 0) return { ok: false, error: { id: "directory.csv.noSupplier" } };
  if (body.length > MAX_ROWS)
    return {
      ok: false,
      error: { id: "directory.csv.tooManyRows", values: { count: body.length, max: MAX_ROWS } },
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
      row.readErrors.push({
        id: "directory.csv.extraCells",
        values: { cells: cells.length, columns: keys.length },
      });
    keys.forEach((key, i) => {
      const raw = cells[i] ?? "";
      const field = COLUMNS[key as Column];
      const formula = FORMULA_START.test(raw) ? raw[0] : FORMULA_START.test(raw.trim()) ? raw.trim()[0] : null;
      if (formula !== null)
        row.readErrors.push({
          id: "directory.csv.formulaCell",
          values: { column: key, start: JSON.stringify(formula).slice(1, -1) },
        });
      row[field] = raw.trim();
    });
    return row;
  });
  return { ok: true, rows };
}
