/**
 * SurveyJS JSON (the portal's own template format, as SurveyJS Creator
 * exports it, or a Flowdown template file with its envelope) to a draft.
 * Nothing is translated: the survey is checked against what the portal can
 * show, store and score (validate-template.ts), made safe where that is
 * harmless (HTML, file uploads), and refused with one message per element
 * otherwise. Flowdown metadata already on questions is kept as the mapping.
 */
import { QuestionMetaSchema } from "#questionnaires/schema";
import { isObject, isQuestion, titleOf, walkElements, type Json } from "#questionnaires/survey-walk";
import type { JudgeRule, QuestionMeta } from "#questionnaires/types";
import { checkPortalSupport, validateTemplate, type CatalogueLike } from "#questionnaires/validate-template";
import { importedSurvey } from "./survey";
import { htmlToText, safeHtml } from "./text";
import { ImportError, MAX_IMPORT_QUESTIONS, type DraftQuestion, type Finding, type ImportDraft } from "./types";

/** Survey settings carried over from the file; the others are the portal's own (see importedSurvey). */
const KEPT_SURVEY_PROPS = ["description", "calculatedValues", "showProgressBar", "progressBarLocation"] as const;
/** Survey settings that only describe the file's shape, dropped without a finding. */
const SHAPE_PROPS = new Set(["title", "pages", "elements", "questions"]);
/** Answer names are MongoDB keys and {braces} in expressions. */
const NAME_RE = /^[A-Za-z][A-Za-z0-9_-]*$/;
/** Errors listed at most; the rest are counted. */
const MAX_ERRORS = 25;
/** The id the checks run under; their messages are shown without it. */
const CHECK_ID = "import-check";

/** The survey object of a SurveyJS file: the file itself, or the `survey` of a Flowdown template file. */
function surveyOf(file: Json): { survey: Json; envelopeTitle: string | null } {
  if (isObject(file.survey) && !("pages" in file)) {
    const title = typeof file.title === "string" && file.title.trim() ? file.title.trim() : null;
    return { survey: file.survey, envelopeTitle: title };
  }
  return { survey: file, envelopeTitle: null };
}

/** Whether a parsed JSON value looks like a SurveyJS survey (or a Flowdown template around one). */
export function looksLikeSurveyJs(value: unknown): boolean {
  if (!isObject(value)) return false;
  const { survey } = surveyOf(value);
  return Array.isArray(survey.pages) || Array.isArray(survey.elements) || Array.isArray(survey.questions);
}

export function importSurveyJs(value: unknown, opts: { fileName: string; catalogue: CatalogueLike }): ImportDraft {
  if (!isObject(value) || !looksLikeSurveyJs(value))
    throw new ImportError('This is not a SurveyJS survey: expected an object with a "pages" list.');
  const findings: Finding[] = [];
  const errors: string[] = [];
  const { survey: source, envelopeTitle } = surveyOf(structuredClone(value));
  const fallbackTitle =
    opts.fileName
      .replace(/\.[^.]+$/, "")
      .replace(/[_-]+/g, " ")
      .trim() || "Imported questionnaire";
  const title = envelopeTitle ?? htmlToText(titleOf(source, fallbackTitle));

  const pages = pagesOf(source, findings, errors);
  if (errors.length) throw new ImportError(errors);

  const survey = importedSurvey(title, pages);
  const dropped: string[] = [];
  for (const [key, v] of Object.entries(source)) {
    if ((KEPT_SURVEY_PROPS as readonly string[]).includes(key)) survey[key] = v;
    else if (!SHAPE_PROPS.has(key)) dropped.push(key);
  }
  if (dropped.length)
    findings.push({
      itemId: "survey",
      level: "info",
      reason: `survey settings not carried over, the portal uses its own: ${dropped.join(", ")}`,
    });

  const known = new Set(opts.catalogue.requirements.map((r) => r.id));
  const { elements } = walkElements(survey);
  const questions: DraftQuestion[] = [];
  const pageTitle = new Map(pages.map((p) => [String(p.name), htmlToText(titleOf(p, String(p.name)))]));
  for (const el of elements) {
    const where = el.name ? `"${el.name}"` : el.path;
    if (el.type === "html") {
      const { html, changed } = safeHtml(typeof el.element.html === "string" ? el.element.html : "");
      el.element.html = html;
      if (changed)
        findings.push({
          itemId: el.name || el.path,
          level: "info",
          reason: "markup other than simple formatting (p, ul, li, b, i, code) was removed from its text",
        });
    }
    if (el.type === "file" && el.element.storeDataAsText !== false) {
      el.element.storeDataAsText = false;
      el.element.waitForUpload = true;
      findings.push({
        itemId: el.name || el.path,
        level: "info",
        reason: "files are uploaded to the portal as evidence instead of being kept inside the answers",
      });
    }
    if (!el.type || (!el.name && isQuestion(el))) {
      const titled = isObject(el.element) && titleOf(el.element, "") ? ` titled "${titleOf(el.element, "")}"` : "";
      errors.push(
        `On page "${el.pageName}", ${friendlyPath(el.path)}${titled} has no "${el.type ? "name" : "type"}"; add it in the file.`,
      );
      continue;
    }
    if (!isQuestion(el)) continue;
    if (!NAME_RE.test(el.name)) {
      errors.push(
        `Question ${where} on page "${el.pageName}": a question name may only hold letters, digits, "_" and "-" and must start with a letter; rename it in the file.`,
      );
      continue;
    }
    const meta = readMeta(el.element, el.name, known, findings);
    // questions inside a dynamic panel are answered as part of it and mapped with it
    if (el.dynamicPanel) continue;
    questions.push({
      name: el.name,
      title: htmlToText(titleOf(el.element, el.name)) || el.name,
      type: el.type,
      pageName: el.pageName,
      section: pageTitle.get(el.pageName) ?? el.pageName,
      required: el.element.isRequired === true,
      requirements: meta?.requirements ?? [],
      judge: meta && meta.judge.kind !== "info" ? meta.judge : { kind: "present" },
      judgeNote: meta && meta.judge.kind !== "info" ? judgeNoteOf(meta.judge) : "judged as answered",
    });
  }

  const template = { id: CHECK_ID, title: title || fallbackTitle, version: "0", description: "", survey };
  const prefix = `template ${CHECK_ID}: `;
  const checks = [...validateTemplate(template, opts.catalogue), ...checkPortalSupport(template)]
    .map((e) => (e.startsWith(prefix) ? e.slice(prefix.length) : e))
    // elements without a name or type are reported above, in words
    .filter((e) => !/ has no (name|type)$/.test(e))
    .map(sentence);
  errors.push(...checks);
  if (errors.length) throw new ImportError(capped(errors));
  if (questions.length === 0)
    throw new ImportError("The survey has no questions, only text or panels. Add questions and upload it again.");
  if (questions.length > MAX_IMPORT_QUESTIONS)
    throw new ImportError(
      `The survey has ${questions.length} questions; at most ${MAX_IMPORT_QUESTIONS} can be imported at once.`,
    );
  return { format: "surveyjs", title: template.title, survey, questions, findings };
}

/** The survey's pages, named; a survey with `elements` (or `questions`) at the top becomes one page. */
function pagesOf(source: Json, findings: Finding[], errors: string[]): Json[] {
  let raw: unknown[];
  if (Array.isArray(source.pages)) raw = source.pages;
  else {
    raw = [{ name: "page1", elements: Array.isArray(source.elements) ? source.elements : source.questions }];
    findings.push({ itemId: "survey", level: "info", reason: "a survey without pages; its questions form one page" });
  }
  if (raw.length === 0) errors.push('The survey has no pages: its "pages" list is empty.');
  const pages: Json[] = [];
  raw.forEach((page, i) => {
    if (!isObject(page)) {
      errors.push(`Page ${i + 1} is not an object with "name" and "elements".`);
      return;
    }
    if (typeof page.name !== "string" || !page.name.trim()) {
      page.name = `page${i + 1}`;
      findings.push({ itemId: `page ${i + 1}`, level: "info", reason: `a page without a name; named "page${i + 1}"` });
    }
    if (page.elements === undefined) page.elements = [];
    if (!Array.isArray(page.elements)) {
      errors.push(`Page "${String(page.name)}": "elements" must be a list of questions.`);
      return;
    }
    pages.push(page);
  });
  return pages;
}

/** Flowdown metadata already on a question, with requirements the catalogue lacks dropped (and reported). */
function readMeta(element: Json, name: string, known: Set<string>, findings: Finding[]): QuestionMeta | null {
  if (!("flowdown" in element)) return null;
  const parsed = QuestionMetaSchema.safeParse(element.flowdown);
  // the template checks run on what the draft will hold: no metadata until it is mapped again
  delete element.flowdown;
  if (!parsed.success) {
    findings.push({
      itemId: name,
      level: "warning",
      reason: "its Flowdown metadata (flowdown) could not be read; the question starts unmapped",
    });
    return null;
  }
  const meta = parsed.data as QuestionMeta;
  const unknown = meta.requirements.filter((id) => !known.has(id));
  if (unknown.length)
    findings.push({
      itemId: name,
      level: "warning",
      reason: `names requirements the catalogue does not have (${unknown.join(", ")}); they were left out`,
    });
  const requirements = [...new Set(meta.requirements.filter((id) => known.has(id)))];
  element.flowdown = requirements.length ? { ...meta, requirements } : { requirements: [], judge: { kind: "info" } };
  return element.flowdown as QuestionMeta;
}

function judgeNoteOf(judge: JudgeRule): string {
  switch (judge.kind) {
    case "boolean":
      return `"${judge.expected ? "yes" : "no"}" expected, as the file says`;
    case "choice":
      return "each choice scored as the file says";
    case "coverage":
      return `must include ${judge.required.join(", ")}, as the file says`;
    case "atMost":
      return `at most the agreement's ${judge.param}`;
    case "atLeast":
      return `at least the agreement's ${judge.param}`;
    case "jurisdictions":
      return "locations checked against the agreement's jurisdictions";
    default:
      return "judged as answered";
  }
}

/** "pages[0].elements[2].elements[1]" → "element 2 of element 3" */
function friendlyPath(path: string): string {
  const steps = [...path.matchAll(/\.(elements|templateElements)\[(\d+)\]/g)].map((m) => Number(m[2]) + 1);
  return steps
    .reverse()
    .map((n) => `element ${n}`)
    .join(" of ");
}

function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function capped(errors: string[]): string[] {
  if (errors.length <= MAX_ERRORS) return errors;
  return [...errors.slice(0, MAX_ERRORS), `… and ${errors.length - MAX_ERRORS} more problems of the same kinds.`];
}
