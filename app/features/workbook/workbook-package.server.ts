import { Unzip, UnzipInflate } from "fflate";
import { said, type Said } from "#models/refusal";

/**
 * Checks an uploaded file before a spreadsheet library opens it: small
 * enough, a zip (XLSX is one), with the parts of a workbook, and no more
 * data inside than a questionnaire needs. The sizes are counted while
 * inflating, not taken from the zip's headers, which a crafted file can
 * understate (a "zip bomb").
 */

export const WORKBOOK_MAX_BYTES = 2 * 1024 * 1024;
export const WORKBOOK_MAX_UNZIPPED_BYTES = 20 * 1024 * 1024;
export const WORKBOOK_MAX_ENTRIES = 500;

const MB = 1024 * 1024;

class TooLarge extends Error {}

export function checkWorkbookPackage(
  bytes: Uint8Array,
  limits = { maxBytes: WORKBOOK_MAX_BYTES, maxUnzipped: WORKBOOK_MAX_UNZIPPED_BYTES },
): Said | null {
  if (bytes.byteLength > limits.maxBytes)
    return said("workbook.refused.tooLarge", { mb: Math.round(limits.maxBytes / MB) });
  // every zip starts with a local file header: "PK\x03\x04"
  if (bytes.byteLength < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04)
    return said("workbook.refused.notXlsx");
  const names = new Set<string>();
  let total = 0;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    names.add(file.name);
    if (names.size > WORKBOOK_MAX_ENTRIES) throw new TooLarge();
    file.ondata = (error, chunk) => {
      if (error) throw error;
      total += chunk.byteLength;
      if (total > limits.maxUnzipped) throw new TooLarge();
    };
    file.start();
  };
  try {
    unzip.push(bytes, true);
  } catch (error) {
    if (error instanceof TooLarge)
      return said("workbook.refused.unzippedTooLarge", { mb: Math.round(limits.maxUnzipped / MB) });
    return said("workbook.refused.notXlsx");
  }
  if (!names.has("[Content_Types].xml") || !names.has("xl/workbook.xml")) return said("workbook.refused.notXlsx");
  return null;
}
