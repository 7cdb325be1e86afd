/**
 * Reading a SurveyJS template: find every question that carries Flowdown
 * metadata, wherever it sits (pages, panels, dynamic panels), and index it by
 * requirement and by chain fact. The index is built once per survey object
 * (WeakMap), because scoring thousands of assessments against one template
 * must not walk the survey for every requirement.
 */
import type { JudgeRule, QuestionMeta, TemplateFile } from "#questionnaires/types";

/** The parts of a SurveyJS element the engine reads. */
export interface SurveyElement {
  type?: string;
  name?: string;
  /** a string, or a localised object { default: "...", de: "..." } */
  title?: unknown;
  /** SurveyJS stores the answer under valueName when set */
  valueName?: string;
  /** SurveyJS boolean questions may map true/false to other values */
  valueTrue?: unknown;
  valueFalse?: unknown;
  elements?: SurveyElement[];
  /** the questions repeated in each panel of a paneldynamic */
  templateElements?: SurveyElement[];
  flowdown?: QuestionMeta;
  [key: string]: unknown;
}

export interface IndexedQuestion {
  name: string;
  /** key of the answer: in survey.data, or inside each panel object when in a paneldynamic */
  valueKey: string;
  title: string;
  element: SurveyElement;
  meta: QuestionMeta;
  /** value keys of the enclosing paneldynamic questions, outermost first; empty at top level */
  panelPath: string[];
  /**
   * may legitimately stay unanswered: it, or a page or panel around it, has
   * a visibleIf / enableIf condition, or it is repeated in a dynamic panel
   * (no panels, no answer)
   */
  conditional: boolean;
}

export type ChainFact = NonNullable<QuestionMeta["fact"]>;

export interface TemplateIndex {
  /** every question with Flowdown metadata, in document order */
  questions: IndexedQuestion[];
  byRequirement: ReadonlyMap<string, readonly IndexedQuestion[]>;
  byFact: ReadonlyMap<ChainFact, readonly IndexedQuestion[]>;
}

const JUDGE_KINDS: ReadonlySet<JudgeRule["kind"]> = new Set([
  "boolean",
  "choice",
  "coverage",
  "atMost",
  "atLeast",
  "jurisdictions",
  "present",
  "info",
]);

export function titleOf(element: SurveyElement): string {
  const { title } = element;
  if (typeof title === "string" && title.trim() !== "") return title;
  if (title && typeof title === "object") {
    const localised = title as Record<string, unknown>;
    const text = localised.default ?? localised.en ?? Object.values(localised).find((v) => typeof v === "string");
    if (typeof text === "string" && text.trim() !== "") return text;
  }
  return element.name ?? "(unnamed question)";
}

function rootElements(survey: Record<string, unknown>): SurveyElement[] {
  const roots: SurveyElement[] = [];
  if (Array.isArray(survey.pages)) roots.push(...(survey.pages as SurveyElement[]));
  // SurveyJS also accepts a single-page survey with top-level elements (or the older "questions")
  if (Array.isArray(survey.elements)) roots.push(...(survey.elements as SurveyElement[]));
  if (Array.isArray(survey.questions)) roots.push(...(survey.questions as SurveyElement[]));
  return roots;
}

function hasCondition(element: SurveyElement): boolean {
  return (
    (typeof element.visibleIf === "string" && element.visibleIf.trim() !== "") ||
    (typeof element.enableIf === "string" && element.enableIf.trim() !== "")
  );
}

/**
 * Calls visit for every element in document order, with the paneldynamic
 * value keys around it and whether it is conditional (see IndexedQuestion).
 */
export function walkSurvey(
  survey: Record<string, unknown>,
  visit: (element: SurveyElement, panelPath: string[], conditional: boolean) => void,
): void {
  const walk = (elements: SurveyElement[], panelPath: string[], inherited: boolean): void => {
    for (const element of elements) {
      if (!element || typeof element !== "object") continue;
      const conditional = inherited || hasCondition(element);
      visit(element, panelPath, conditional);
      if (Array.isArray(element.elements)) walk(element.elements, panelPath, conditional);
      if (Array.isArray(element.templateElements)) {
        const key = element.valueName ?? element.name;
        if (key) walk(element.templateElements, [...panelPath, key], true);
      }
    }
  };
  walk(rootElements(survey), [], false);
}

function checkMeta(templateId: string, name: string, meta: QuestionMeta): void {
  const problem = !Array.isArray(meta.requirements)
    ? "requirements must be a list of requirement ids"
    : !meta.judge || !JUDGE_KINDS.has(meta.judge.kind)
      ? `unknown judge rule ${JSON.stringify(meta.judge?.kind)}`
      : null;
  if (problem) throw new Error(`Template ${templateId}, question "${name}": invalid flowdown metadata: ${problem}`);
}

const indexes = new WeakMap<object, TemplateIndex>();

export function indexTemplate(template: TemplateFile): TemplateIndex {
  const cached = indexes.get(template.survey);
  if (cached) return cached;

  const questions: IndexedQuestion[] = [];
  const byRequirement = new Map<string, IndexedQuestion[]>();
  const byFact = new Map<ChainFact, IndexedQuestion[]>();
  walkSurvey(template.survey, (element, panelPath, conditional) => {
    const meta = element.flowdown;
    if (!meta || typeof element.name !== "string") return;
    checkMeta(template.id, element.name, meta);
    const question: IndexedQuestion = {
      name: element.name,
      valueKey: element.valueName ?? element.name,
      title: titleOf(element),
      element,
      meta,
      panelPath,
      conditional,
    };
    questions.push(question);
    for (const id of new Set(meta.requirements)) {
      const list = byRequirement.get(id) ?? [];
      list.push(question);
      byRequirement.set(id, list);
    }
    if (meta.fact) {
      const list = byFact.get(meta.fact) ?? [];
      list.push(question);
      byFact.set(meta.fact, list);
    }
  });

  const index: TemplateIndex = { questions, byRequirement, byFact };
  indexes.set(template.survey, index);
  return index;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Panel objects at the end of a paneldynamic path, nested dynamic panels flattened. */
function panelsAt(answers: Record<string, unknown>, panelPath: string[]): Record<string, unknown>[] {
  let level: Record<string, unknown>[] = [answers];
  for (const key of panelPath) {
    const next: Record<string, unknown>[] = [];
    for (const holder of level) {
      const panels = holder[key];
      if (Array.isArray(panels)) for (const panel of panels) if (isRecord(panel)) next.push(panel);
    }
    level = next;
  }
  return level;
}

/**
 * The value a question is judged on. At top level: its answer. Inside a
 * paneldynamic: the panel array for the jurisdictions rule (it reads the
 * country of each panel), otherwise the list of this field's answers, one
 * per panel that has one (undefined when no panel has).
 */
export function answerOf(question: IndexedQuestion, answers: Record<string, unknown>): unknown {
  if (question.panelPath.length === 0) return answers[question.valueKey];
  const panels = panelsAt(answers, question.panelPath);
  if (question.meta.judge.kind === "jurisdictions") return panels.length > 0 ? panels : undefined;
  const values = panels.map((panel) => panel[question.valueKey]).filter((value) => !isUnanswered(value));
  return values.length > 0 ? values : undefined;
}

function isEmptyRecord(value: unknown): boolean {
  if (!isRecord(value)) return false;
  for (const key in value) if (!isUnanswered(value[key])) return false;
  return true;
}

/**
 * undefined, null, "" (or blank) and [] are not answers; nor is a list of
 * empty panels, which SurveyJS keeps when a dynamic panel was added but
 * never filled in.
 */
export function isUnanswered(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.every((item) => isUnanswered(item) || isEmptyRecord(item));
  return false;
}
