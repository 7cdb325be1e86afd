/**
 * Entry points of the questionnaire import: a file's bytes → a draft with
 * findings (importQuestionnaire), and a draft plus the admin's requirement
 * mapping → a template that passes the loader's validation (finalizeDraft).
 * Pure: no database, no file system.
 */
import { checkPortalSupport, validateTemplate, type CatalogueLike } from "#questionnaires/validate-template";
import { TEMPLATE_ID_RE } from "#questionnaires/schema";
import { isObject, walkElements } from "#questionnaires/survey-walk";
import type { QuestionMeta, TemplateFile } from "#questionnaires/types";
import { parseCsv } from "./csv";
import { importTable } from "./table";
import { ImportError, MAX_IMPORT_BYTES, type ImportDraft, type ImportFormat, type ImportOutcome } from "./types";
import { importSurveyJs, looksLikeSurveyJs } from "./surveyjs";
import { importVsaq } from "./vsaq";
import { parseVsaq } from "./vsaq-preparse";
import { readXlsxRows } from "./xlsx";

export { ImportError, MAX_IMPORT_BYTES, MAX_IMPORT_QUESTIONS } from "./types";
export type { DraftQuestion, Finding, ImportDraft, ImportFormat, ImportOutcome } from "./types";
export { slugify } from "./text";
export { suggestRequirements, type RequirementSuggester } from "./suggest";

/** What kind of file this is: JSON (SurveyJS or VSAQ, told apart by content), CSV or an Excel workbook. */
export function fileKindOf(fileName: string, bytes: Uint8Array): "json" | "csv" | "xlsx" | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === "xlsx") return "xlsx";
  if (ext === "csv" || ext === "tsv") return "csv";
  if (ext === "json" || ext === "vsaq") return "json";
  // no telling extension: a zip is a workbook, text starting with { or // is JSON, other text is CSV
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return "xlsx";
  const head = new TextDecoder()
    .decode(bytes.slice(0, 200))
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (head.startsWith("{") || head.startsWith("//") || head.startsWith("[")) return "json";
  return ext === "txt" || !ext ? "csv" : null;
}

/**
 * Which questionnaire format a parsed JSON file is in: SurveyJS (a "pages"
 * list, top-level "elements", or a Flowdown template around a survey) or
 * VSAQ (a "questionnaire" list, an extension file, or a bare item list).
 */
export function jsonFormatOf(value: unknown): "surveyjs" | "vsaq" | null {
  if (Array.isArray(value)) return "vsaq";
  if (value === null || typeof value !== "object") return null;
  const obj = value as Record<string, unknown>;
  if (Array.isArray(obj.questionnaire) || Array.isArray(obj.extensions)) return "vsaq";
  return looksLikeSurveyJs(value) ? "surveyjs" : null;
}

/** The format of an uploaded file, reading JSON files to tell SurveyJS from VSAQ; null when it is neither. */
export function formatOf(fileName: string, bytes: Uint8Array): ImportFormat | null {
  const kind = fileKindOf(fileName, bytes);
  if (kind !== "json") return kind;
  try {
    return jsonFormatOf(parseVsaq(decodeText(bytes)));
  } catch {
    return null;
  }
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
    const kind = fileKindOf(file.name, file.bytes);
    if (!kind)
      throw new ImportError(
        "Upload a SurveyJS survey or a VSAQ questionnaire (.json), a CSV file (.csv) or an Excel workbook (.xlsx).",
      );
    const requirementIds = new Set(catalogue.requirements.map((r) => r.id));
    let draft: ImportDraft;
    if (kind === "json") {
      const text = decodeText(file.bytes);
      // VSAQ's JSON allows comments and joined strings, so its reader takes SurveyJS files too
      const value = parseVsaq(text);
      const format = jsonFormatOf(value);
      if (format === "surveyjs") draft = importSurveyJs(value, { fileName: file.name, catalogue });
      else if (format === "vsaq") draft = importVsaq(text, { fileName: file.name });
      else
        throw new ImportError(
          'This JSON file is neither a SurveyJS survey (an object with a "pages" list) nor a VSAQ questionnaire (an object with a "questionnaire" list).',
        );
    } else if (kind === "csv")
      draft = importTable(parseCsv(decodeText(file.bytes)), { format: kind, fileName: file.name, requirementIds });
    else draft = importTable(await readXlsxRows(file.bytes), { format: kind, fileName: file.name, requirementIds });
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
 * question (the requirement ids of `mapping`, else those of the file) and
 * the questions of `required` marked required (else those the file marks),
 * then checked exactly as the loader checks shipped templates, and against
 * what the portal can show and score.
 */
export function finalizeDraft(
  draft: ImportDraft,
  header: TemplateHeader,
  catalogue: CatalogueLike,
  mapping?: Record<string, string[]>,
  required?: ReadonlySet<string>,
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
    // a SurveyJS file may bring gate, weight or fact with its metadata; they hold only while the question is judged
    const brought = isObject(el.element.flowdown) ? (el.element.flowdown as Partial<QuestionMeta>) : {};
    const meta: QuestionMeta = requirements.length
      ? { ...brought, requirements: [...requirements], judge: q.judge }
      : { requirements: [], judge: { kind: "info" } };
    el.element.flowdown = meta;
    const isRequired = required ? required.has(q.name) : q.required;
    if (isRequired === true) el.element.isRequired = true;
    else if (isRequired === false) delete el.element.isRequired;
  }
  if (required) {
    for (const name of required)
      if (!byName.has(name)) errors.push(`The question "${name}" marked required is not in the draft.`);
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
  errors.push(...validateTemplate(template, catalogue), ...checkPortalSupport(template));
  if (!draft.questions.some((q) => (mapping?.[q.name] ?? q.requirements).length > 0)) {
    errors.push(
      "Link at least one question to a requirement: a questionnaire that answers no requirement cannot be scored.",
    );
  }
  return errors.length ? { ok: false, errors } : { ok: true, template };
}
