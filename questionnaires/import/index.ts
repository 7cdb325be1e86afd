/**
 * Entry points of the questionnaire import: a file's bytes → a draft with
 * findings (importQuestionnaire), and a draft plus the admin's requirement
 * mapping → a template that passes the loader's validation (finalizeDraft).
 * Pure: no database, no file system.
 */
import { validateTemplate, type CatalogueLike } from "#questionnaires/validate-template";
import { TEMPLATE_ID_RE } from "#questionnaires/schema";
import { walkElements } from "#questionnaires/survey-walk";
import type { QuestionMeta, TemplateFile } from "#questionnaires/types";
import { parseCsv } from "./csv";
import { importTable } from "./table";
import { ImportError, MAX_IMPORT_BYTES, type ImportDraft, type ImportFormat, type ImportOutcome } from "./types";
import { importVsaq } from "./vsaq";
import { readXlsxRows } from "./xlsx";

export { ImportError, MAX_IMPORT_BYTES, MAX_IMPORT_QUESTIONS } from "./types";
export type { DraftQuestion, Finding, ImportDraft, ImportFormat, ImportOutcome } from "./types";
export { slugify } from "./text";

export function formatOf(fileName: string, bytes: Uint8Array): ImportFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === "xlsx") return "xlsx";
  if (ext === "csv" || ext === "tsv") return "csv";
  if (ext === "json" || ext === "vsaq") return "vsaq";
  // no telling extension: a zip is a workbook, text starting with { or // is VSAQ, other text is CSV
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return "xlsx";
  const head = new TextDecoder()
    .decode(bytes.slice(0, 200))
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (head.startsWith("{") || head.startsWith("//") || head.startsWith("[")) return "vsaq";
  return ext === "txt" || !ext ? "csv" : null;
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError("The file is not UTF-8 text. Save it as UTF-8 (in Excel: CSV UTF-8) and upload it again.");
  }
}

export async function importQuestionnaire(
  file: { name: string; bytes: Uint8Array },
  catalogue: CatalogueLike,
): Promise<ImportOutcome> {
  try {
    if (file.bytes.byteLength === 0) throw new ImportError("The file is empty.");
    if (file.bytes.byteLength > MAX_IMPORT_BYTES)
      throw new ImportError(
        `The file is ${(file.bytes.byteLength / 1024 / 1024).toFixed(1)} MB; questionnaires may be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
      );
    const format = formatOf(file.name, file.bytes);
    if (!format)
      throw new ImportError("Upload a VSAQ questionnaire (.json), a CSV file (.csv) or an Excel workbook (.xlsx).");
    const requirementIds = new Set(catalogue.requirements.map((r) => r.id));
    let draft: ImportDraft;
    if (format === "vsaq") draft = importVsaq(decodeText(file.bytes), { fileName: file.name });
    else if (format === "csv")
      draft = importTable(parseCsv(decodeText(file.bytes)), { format, fileName: file.name, requirementIds });
    else draft = importTable(await readXlsxRows(file.bytes), { format, fileName: file.name, requirementIds });
    return { ok: true, draft };
  } catch (e) {
    if (e instanceof ImportError) return { ok: false, errors: e.errors };
    throw e;
  }
}

export interface TemplateHeader {
  id: string;
  title: string;
  version: string;
  description: string;
}

export type FinalizeResult = { ok: true; template: TemplateFile } | { ok: false; errors: string[] };

/**
 * The template to publish: the draft's survey with Flowdown metadata on each
 * question (the requirement ids of `mapping`, else those of the file), then
 * checked exactly as the loader checks shipped templates.
 */
export function finalizeDraft(
  draft: ImportDraft,
  header: TemplateHeader,
  catalogue: CatalogueLike,
  mapping?: Record<string, string[]>,
): FinalizeResult {
  const errors: string[] = [];
  if (!TEMPLATE_ID_RE.test(header.id))
    errors.push(`The template id "${header.id}" must be lower-case words joined by hyphens.`);
  const survey = structuredClone(draft.survey) as Record<string, unknown>;
  const byName = new Map(draft.questions.map((q) => [q.name, q]));
  for (const el of walkElements(survey).elements) {
    const q = byName.get(el.name);
    if (!q || el.type === "html" || el.type === "panel") continue;
    const requirements = mapping?.[q.name] ?? q.requirements;
    const meta: QuestionMeta = requirements.length
      ? { requirements: [...requirements], judge: q.judge }
      : { requirements: [], judge: { kind: "info" } };
    el.element.flowdown = meta;
  }
  if (mapping) {
    for (const name of Object.keys(mapping))
      if (!byName.has(name)) errors.push(`The mapping names the question "${name}", which the draft does not have.`);
  }
  const template: TemplateFile = {
    id: header.id,
    title: header.title,
    version: header.version,
    description: header.description,
    survey,
  };
  errors.push(...validateTemplate(template, catalogue));
  if (!draft.questions.some((q) => (mapping?.[q.name] ?? q.requirements).length > 0)) {
    errors.push(
      "Link at least one question to a requirement: a questionnaire that answers no requirement cannot be scored.",
    );
  }
  return errors.length ? { ok: false, errors } : { ok: true, template };
}
