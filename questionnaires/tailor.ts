/**
 * Tailoring a questionnaire to an agreement: which of a template's questions
 * to ask, and the survey that asks only those.
 *
 * Asked: the questions mapped to one of the agreement's requirements, the
 * questions that give a chain fact the agreement needs, the questions the
 * template marks as identifying the supplier, and, transitively, every
 * question that the conditions, text piping or choice sources of those
 * questions (or of the panels and pages around them) refer to. A dynamic
 * panel is asked or not as a whole. Panels and pages left without a question
 * disappear.
 *
 * The selection is a list of top-level question names (dynamic panels by
 * their own name), in document order; an empty list means "every question",
 * which is also what a template that maps nothing to the agreement gets.
 */
import { isObject, metaOf, titleOf, type Json } from "./survey-walk";
import type { QuestionMeta } from "./types";

export type ChainFactName = NonNullable<QuestionMeta["fact"]>;

/** Why a question is asked ("all": for no reason of its own, when every question is asked). */
export type AskReason = "requirement" | "fact" | "identification" | "condition" | "all";

export interface TailorNeeds {
  /** the agreement's requirement ids */
  requirementIds: readonly string[];
  /** chain facts the agreement needs from every supplier (breach window → notifyHours, jurisdictions → dataLocations) */
  facts: readonly ChainFactName[];
}

export interface AskedQuestion {
  name: string;
  title: string;
  pageName: string;
  isRequired: boolean;
  reason: AskReason;
  /** the agreement's requirements this question serves */
  requirementIds: string[];
  /** the chain facts its answer gives */
  facts: ChainFactName[];
}

export interface Tailoring {
  /** top-level question names to ask, in document order; empty = every question */
  asked: string[];
  /** every question is asked (nothing to tailor, or tailoring would keep all of them) */
  all: boolean;
  /** the questions a supplier is asked (all of them when `all`) */
  questions: AskedQuestion[];
  pageCount: number;
  /** the whole template, for "31 of 97 questions" */
  templateQuestionCount: number;
  templatePageCount: number;
  /** per agreement requirement, in the agreement's order: how many asked questions serve it (0 = the template cannot answer it) */
  byRequirement: { requirementId: string; questions: number; judged: boolean }[];
}

/** A top-level question (or dynamic panel) with what the selection needs to know about it. */
interface Node {
  name: string;
  element: Json;
  pageIndex: number;
  /** the page and panels around it, outermost first */
  containers: Json[];
  /** requirement ids of its metadata, and of the questions in it when it is a dynamic panel */
  requirements: Set<string>;
  /** requirement ids judged by a rule other than "info" */
  judgedRequirements: Set<string>;
  facts: Set<ChainFactName>;
  identifies: boolean;
}

const NON_VALUE_TYPES = new Set(["panel", "html", "image"]);

function pagesOf(survey: Json): Json[] {
  return Array.isArray(survey.pages) ? survey.pages.filter(isObject) : [];
}

function childElements(element: Json): Json[] {
  return Array.isArray(element.elements) ? element.elements.filter(isObject) : [];
}

function typeOf(element: Json): string {
  return typeof element.type === "string" ? element.type : "";
}

/** Metadata of the element and of every question inside it (a dynamic panel's templateElements). */
function collectMeta(element: Json, node: Node) {
  const meta = metaOf(element);
  if (meta) {
    for (const id of Array.isArray(meta.requirements) ? meta.requirements : []) {
      node.requirements.add(id);
      if (meta.judge?.kind !== "info") node.judgedRequirements.add(id);
    }
    if (meta.fact) node.facts.add(meta.fact);
    if (meta.identifies === true) node.identifies = true;
  }
  const inner = Array.isArray(element.templateElements) ? element.templateElements : [];
  for (const child of [...inner, ...(Array.isArray(element.elements) ? element.elements : [])])
    if (isObject(child)) collectMeta(child, node);
}

/** Every top-level question of the survey, in document order. */
function questionNodes(survey: Json): Node[] {
  const nodes: Node[] = [];
  const visit = (elements: Json[], pageIndex: number, containers: Json[]) => {
    for (const element of elements) {
      const type = typeOf(element);
      if (type === "panel") {
        visit(childElements(element), pageIndex, [...containers, element]);
        continue;
      }
      if (NON_VALUE_TYPES.has(type) || typeof element.name !== "string" || !element.name) continue;
      const node: Node = {
        name: element.name,
        element,
        pageIndex,
        containers,
        requirements: new Set(),
        judgedRequirements: new Set(),
        facts: new Set(),
        identifies: false,
      };
      collectMeta(element, node);
      nodes.push(node);
    }
  };
  pagesOf(survey).forEach((page, i) => visit(childElements(page), i, [page]));
  return nodes;
}

/** Property names whose string values are question names rather than expressions. */
const NAME_PROPERTIES = new Set(["choicesFromQuestion", "sourceQuestion"]);

/**
 * Names that an element's strings refer to: {name}, {name.field}, {name[0]}
 * in conditions, expressions and piped texts, and choicesFromQuestion.
 * Child elements of a panel or page are left out (they are nodes of their
 * own); a dynamic panel's templateElements are part of it.
 */
function referencedNames(element: Json, skipChildren: boolean): Set<string> {
  const names = new Set<string>();
  const scan = (value: unknown, key: string) => {
    if (typeof value === "string") {
      if (NAME_PROPERTIES.has(key)) names.add(value);
      for (const [, raw] of value.matchAll(/\{([^{}]+)\}/g)) {
        const ref = raw.trim();
        // {panel.x}, {row.x}, {item}: the enclosing dynamic panel's or matrix's own fields
        if (/^(panel|row|item|parentPanel|composite)\b/.test(ref) || ref.startsWith("$")) continue;
        names.add(ref.split(/[.[]/)[0].replace(/-unwrapped$/, ""));
      }
    } else if (Array.isArray(value)) {
      for (const item of value) scan(item, key);
    } else if (isObject(value)) {
      for (const [k, v] of Object.entries(value)) {
        if (k === "flowdown") continue;
        scan(v, k);
      }
    }
  };
  for (const [key, value] of Object.entries(element)) {
    if (key === "flowdown" || (skipChildren && key === "elements")) continue;
    scan(value, key);
  }
  return names;
}

/** The selection for an agreement. */
export function tailorQuestions(survey: Json, needs: TailorNeeds): Tailoring {
  const nodes = questionNodes(survey);
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const wanted = new Set(needs.requirementIds);
  const facts = new Set(needs.facts);
  const calculated = new Map<string, Json>();
  if (Array.isArray(survey.calculatedValues))
    for (const cv of survey.calculatedValues)
      if (isObject(cv) && typeof cv.name === "string") calculated.set(cv.name, cv);

  const reason = new Map<string, AskReason>();
  const serves = (n: Node) => [...n.requirements].some((id) => wanted.has(id));
  for (const n of nodes) {
    if (serves(n)) reason.set(n.name, "requirement");
    else if ([...n.facts].some((f) => facts.has(f))) reason.set(n.name, "fact");
    else if (n.identifies) reason.set(n.name, "identification");
  }
  const servesAny = nodes.some(serves);

  // what the asked questions, and the panels and pages around them, refer to
  const queue = [...reason.keys()];
  const seenCalculated = new Set<string>();
  const require = (name: string) => {
    if (byName.has(name) && !reason.has(name)) {
      reason.set(name, "condition");
      queue.push(name);
    } else if (calculated.has(name) && !seenCalculated.has(name)) {
      seenCalculated.add(name);
      for (const ref of referencedNames(calculated.get(name)!, false)) require(ref);
    }
  };
  const scannedContainers = new Set<Json>();
  while (queue.length) {
    const node = byName.get(queue.pop()!)!;
    for (const ref of referencedNames(node.element, false)) require(ref);
    for (const container of node.containers) {
      if (scannedContainers.has(container)) continue;
      scannedContainers.add(container);
      for (const ref of referencedNames(container, true)) require(ref);
    }
  }

  const all = !servesAny || reason.size === nodes.length;
  const askedNodes = all ? nodes : nodes.filter((n) => reason.has(n.name));
  const describe = (n: Node): AskedQuestion => ({
    name: n.name,
    title: titleOf(n.element, n.name),
    pageName: String(n.containers[0]?.name ?? ""),
    isRequired: n.element.isRequired === true,
    reason: reason.get(n.name) ?? "all",
    requirementIds: needs.requirementIds.filter((id) => n.requirements.has(id)),
    facts: [...n.facts],
  });
  const pages = (list: Node[]) => new Set(list.map((n) => n.pageIndex)).size;
  return {
    asked: all ? [] : askedNodes.map((n) => n.name),
    all,
    questions: askedNodes.map(describe),
    pageCount: pages(askedNodes),
    templateQuestionCount: nodes.length,
    templatePageCount: pagesOf(survey).length,
    byRequirement: needs.requirementIds.map((id) => ({
      requirementId: id,
      questions: askedNodes.filter((n) => n.requirements.has(id)).length,
      judged: askedNodes.some((n) => n.judgedRequirements.has(id)),
    })),
  };
}

/**
 * The survey that asks only `asked` (top-level question names): other
 * questions are removed, then panels and pages left without a question.
 * Texts and images stay beside the questions they introduce. An empty list,
 * or one that matches nothing, leaves the survey whole.
 */
export function tailorSurvey(survey: Json, asked: readonly string[]): Json {
  if (asked.length === 0) return survey;
  const keep = new Set(asked);
  const prune = (elements: Json[]): Json[] => {
    const kept: Json[] = [];
    let hasQuestion = false;
    for (const element of elements) {
      const type = typeOf(element);
      if (type === "panel") {
        const inner = prune(childElements(element));
        if (inner.length) {
          kept.push({ ...element, elements: inner });
          hasQuestion = true;
        }
      } else if (NON_VALUE_TYPES.has(type)) {
        kept.push(element);
      } else if (typeof element.name === "string" && keep.has(element.name)) {
        kept.push(element);
        hasQuestion = true;
      }
    }
    return hasQuestion ? kept : [];
  };
  const pages = pagesOf(survey)
    .map((page) => ({ ...page, elements: prune(childElements(page)) }))
    .filter((page) => page.elements.length > 0);
  if (pages.length === 0) return survey;
  return { ...survey, pages };
}
