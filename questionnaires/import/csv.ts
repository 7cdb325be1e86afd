/**
 * RFC 4180 CSV: fields separated by a delimiter, optionally quoted with ",
 * quotes doubled inside quoted fields, line breaks (CRLF or LF) allowed
 * inside quotes. Spreadsheet exports in many locales use ";" instead of ",",
 * so the delimiter is detected from the header line. A leading UTF-8 BOM is
 * dropped.
 */
import { ImportError } from "./types";

export type Delimiter = "," | ";" | "\t";

/** The delimiter that occurs most often outside quotes in the first line. */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && (c === "," || c === ";" || c === "\t")) counts[c]++;
  }
  const best = (Object.keys(counts) as Delimiter[]).sort((a, b) => counts[b] - counts[a])[0];
  return counts[best] > 0 ? best : ",";
}

/** Rows of fields; blank lines are kept as [""] so row numbers match the file's lines. */
export function parseCsv(
  source: string,
  delimiter: Delimiter = detectDelimiter(source.replace(/^\uFEFF/, "")),
): string[][] {
  const text = source.replace(/^\uFEFF/, "");
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  /** the current field was quoted: it exists even when empty */
  let quotedField = false;
  let i = 0;
  let line = 1;
  const endField = () => {
    row.push(field);
    field = "";
    quotedField = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '"' && field === "" && !quotedField) {
      // a quoted field: runs to the next quote that is not doubled
      const startLine = line;
      i++;
      for (;;) {
        if (i >= text.length)
          throw new ImportError(`The CSV file has a quoted field starting on line ${startLine} that is never closed.`);
        const d = text[i];
        if (d === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (d === "\n") line++;
        field += d;
        i++;
      }
      const next = text[i];
      if (next !== undefined && next !== delimiter && next !== "\r" && next !== "\n") {
        throw new ImportError(
          `The CSV file has text after a closing quote on line ${line} ("${field.slice(0, 30)}"…); a quote inside a quoted field must be doubled ("").`,
        );
      }
      quotedField = true;
      continue;
    }
    if (c === delimiter) {
      endField();
      i++;
    } else if (c === "\r" || c === "\n") {
      endRow();
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== "" || quotedField || row.length > 0) endRow();
  return rows;
}
