/** Rows of the first worksheet of an .xlsx file, as text. */
import readXlsxFile from "read-excel-file/node";
import { ImportError } from "./types";

export async function readXlsxRows(bytes: Uint8Array): Promise<string[][]> {
  let sheets;
  try {
    sheets = await readXlsxFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (e) {
    throw new ImportError(
      `The file could not be read as an Excel workbook (.xlsx): ${(e as Error).message.slice(0, 200)}`,
    );
  }
  const first = sheets[0];
  if (!first || first.data.length === 0) throw new ImportError("The workbook's first sheet is empty.");
  return first.data.map((row) =>
    row.map((cell) =>
      cell === null || cell === undefined ? "" : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell),
    ),
  );
}
