/**
 * Shapes shared by the questionnaire importers (SurveyJS, VSAQ, CSV, XLSX). Importers
 * are pure: bytes in, a draft template plus findings out; nothing here
 * touches the database.
 */
import type { JudgeRule } from "#questionnaires/types";

export type ImportFormat = "surveyjs" | "vsaq" | "csv" | "xlsx";

/**
 * Something in the source that was not carried over as it was: an unknown
 * item type, a condition on an id that does not exist, a construct SurveyJS
 * cannot express. "warning" changes what respondents see or how answers are
 * read; "info" is layout or wording only.
 */
export interface Finding {
  /** the item id in the source, or a row reference such as "row 7" */
  itemId: string;
  level: "warning" | "info";
  reason: string;
}

/** One question of a draft, as the mapping screen shows it. */
export interface DraftQuestion {
  /** the SurveyJS name (the source id, made safe) */
  name: string;
  title: string;
  /** SurveyJS question type */
  type: string;
  pageName: string;
  /** the title of its page: the section the mapping screen groups questions by */
  section: string;
  /** must be answered before the questionnaire can be submitted (from the file; the admin may change it) */
  required: boolean;
  /** requirement ids named by the source file (checked against the catalogue) */
  requirements: string[];
  /** how answers will be judged once a requirement is linked */
  judge: JudgeRule;
  /** why that judge was chosen, for the preview */
  judgeNote: string;
}

/**
 * An imported questionnaire before requirements are confirmed. `survey` has
 * no Flowdown metadata yet: finalizeDraft() adds it from `questions` and the
 * admin's mapping.
 */
export interface ImportDraft {
  format: ImportFormat;
  title: string;
  survey: Record<string, unknown>;
  questions: DraftQuestion[];
  findings: Finding[];
}

export type ImportOutcome = { ok: true; draft: ImportDraft } | { ok: false; errors: string[] };

/** A problem that stops the import: nothing is produced. */
export class ImportError extends Error {
  readonly errors: string[];
  constructor(errors: string | string[]) {
    const list = Array.isArray(errors) ? errors : [errors];
    super(list.join("\n"));
    this.name = "ImportError";
    this.errors = list;
  }
}

/** Upper bound on an uploaded file: questionnaires are text, not evidence. */
export const MAX_IMPORT_BYTES = 1024 * 1024;
/** Upper bound on questions in one import, to keep previews and templates usable. */
export const MAX_IMPORT_QUESTIONS = 1000;
