/**
 * Validation of a questionnaire template against the requirement catalogue.
 * Returns human-readable problems; an empty list means the template is usable.
 */
import { forbiddenKeys } from "./mongo-keys";
import { NUMERIC_PARAMETER_TYPES, QuestionMetaSchema, TemplateEnvelopeSchema, formatIssues } from "./schema";
import { choiceValues, isObject, isQuestion, walkElements, type Json, type WalkedElement } from "./survey-walk";
import type { CatalogueRequirement, JudgeRule, QuestionMeta } from "./types";

/** Anything with the catalogue's requirements: RequirementCatalogue or LoadedCatalogue. */
export interface CatalogueLike {
  requirements: readonly CatalogueRequirement[];
}

type Kind = JudgeRule["kind"];

/** Question types each rule can read; null = any. */
const ACCEPTED_TYPES: Record<Kind, readonly string[] | null> = {
  boolean: ["boolean"],
  choice: ["radiogroup", "dropdown", "buttongroup", "imagepicker"],
  coverage: ["checkbox", "tagbox"],
  atMost: ["text"],
  atLeast: ["text"],
  jurisdictions: ["paneldynamic"],
  present: null,
  info: null,
};

const CONDITION_PROPS = ["visibleIf", "enableIf", "requiredIf"] as const;
const COUNTRY_RE = /^[A-Z]{2}$/;

function templateLabel(data: unknown): string {
  return isObject(data) && typeof data.id === "string" && data.id ? `template ${data.id}` : "template";
}

function checkNames(pages: Json[], elements: WalkedElement[], where: string): string[] {
  const errors: string[] = [];
  const pageNames = new Set<string>();
  for (const page of pages) {
    const name = String(page.name);
    if (pageNames.has(name)) errors.push(`${where}: duplicate page name "${name}"`);
    pageNames.add(name);
  }
  // SurveyJS keeps top-level answers in one namespace; a dynamic panel's items have their own
  const scopes = new Map<string, Map<string, string>>();
  for (const el of elements) {
    if (!el.type) errors.push(`${where}: ${el.path} has no type`);
    if (!el.name) {
      errors.push(`${where}: ${el.path} has no name`);
      continue;
    }
    const scopeKey = el.dynamicPanel ?? "";
    const scope = scopes.get(scopeKey) ?? new Map<string, string>();
    scopes.set(scopeKey, scope);
    const first = scope.get(el.name);
    if (first) {
      const inside = el.dynamicPanel ? ` inside dynamic panel "${el.dynamicPanel}"` : "";
      errors.push(`${where}: duplicate question name "${el.name}"${inside} (${first} and ${el.path})`);
    } else {
      scope.set(el.name, el.path);
    }
  }
  return errors;
}

/** {name} references in visibleIf / enableIf / requiredIf must point at questions that exist. */
function checkConditions(survey: Json, pages: Json[], elements: WalkedElement[], where: string): string[] {
  const errors: string[] = [];
  const topLevel = new Set(elements.filter((e) => !e.dynamicPanel).map((e) => e.name));
  if (Array.isArray(survey.calculatedValues)) {
    for (const cv of survey.calculatedValues) if (isObject(cv) && typeof cv.name === "string") topLevel.add(cv.name);
  }
  const templateNames = new Map<string, Set<string>>();
  for (const e of elements) {
    if (e.dynamicPanel) {
      const set = templateNames.get(e.dynamicPanel) ?? new Set<string>();
      set.add(e.name);
      templateNames.set(e.dynamicPanel, set);
    }
  }
  const check = (expr: unknown, owner: string, prop: string, dynamicPanel?: string) => {
    if (typeof expr !== "string") return;
    for (const [, rawRef] of expr.matchAll(/\{([^{}]+)\}/g)) {
      const ref = rawRef.trim();
      if (ref.startsWith("panel.")) {
        const inner = ref.slice("panel.".length).split(/[.[]/)[0];
        if (!dynamicPanel || !templateNames.get(dynamicPanel)?.has(inner)) {
          errors.push(
            `${where}: ${owner}.${prop} refers to {${ref}}, which is not a question of the enclosing dynamic panel`,
          );
        }
        continue;
      }
      // SurveyJS context variables, not question names
      if (/^(row|item|parentPanel|composite)\b/.test(ref) || ref.startsWith("$")) continue;
      const base = ref.split(/[.[]/)[0];
      if (!topLevel.has(base))
        errors.push(`${where}: ${owner}.${prop} refers to {${ref}}, which is not a question of this template`);
    }
  };
  for (const page of pages) for (const prop of CONDITION_PROPS) check(page[prop], `page "${String(page.name)}"`, prop);
  for (const el of elements) {
    for (const prop of CONDITION_PROPS) check(el.element[prop], `"${el.name}"`, prop, el.dynamicPanel);
    if (el.type === "paneldynamic") check(el.element.templateVisibleIf, `"${el.name}"`, "templateVisibleIf", el.name);
  }
  return errors;
}

function checkJudge(
  el: WalkedElement,
  meta: QuestionMeta,
  byId: Map<string, CatalogueRequirement>,
  at: string,
): string[] {
  const errors: string[] = [];
  const judge = meta.judge;
  const accepted = ACCEPTED_TYPES[judge.kind];
  if (accepted && !accepted.includes(el.type)) {
    errors.push(
      `${at}: judge "${judge.kind}" needs a question of type ${accepted.map((t) => `"${t}"`).join(" or ")}, not "${el.type}"`,
    );
  }
  switch (judge.kind) {
    case "choice": {
      const values = choiceValues(el.element);
      if (!values) errors.push(`${at}: judge "choice" needs the choices listed in the template`);
      for (const [value, score] of Object.entries(judge.scores)) {
        if (!(score >= 0 && score <= 1))
          errors.push(`${at}: choice score for "${value}" is ${score}; scores must be between 0 and 1`);
        if (values && !values.has(value))
          errors.push(`${at}: choice score refers to "${value}", which is not one of the question's choices`);
      }
      break;
    }
    case "coverage": {
      const values = choiceValues(el.element);
      if (!values) errors.push(`${at}: judge "coverage" needs the choices listed in the template`);
      for (const value of judge.required) {
        if (values && !values.has(value))
          errors.push(`${at}: coverage requires "${value}", which is not one of the question's choices`);
      }
      break;
    }
    case "atMost":
    case "atLeast": {
      if (el.type === "text" && el.element.inputType !== "number") {
        errors.push(`${at}: judge "${judge.kind}" needs inputType "number"`);
      }
      // the scoring engine lets a question serve several requirements and takes the
      // parameter from whichever of them declares it, so one declaration is enough
      const linked = meta.requirements
        .map((id) => byId.get(id))
        .filter((r): r is CatalogueRequirement => r !== undefined);
      const declaring = linked.filter((r) => r.parameters.some((p) => p.key === judge.param));
      if (linked.length > 0 && declaring.length === 0) {
        const which =
          linked.length === 1
            ? `requirement ${linked[0].id} does`
            : `requirements ${linked.map((r) => r.id).join(", ")} do`;
        errors.push(`${at}: judge "${judge.kind}" uses parameter "${judge.param}", which ${which} not declare`);
      }
      for (const r of declaring) {
        const param = r.parameters.find((p) => p.key === judge.param)!;
        if (!NUMERIC_PARAMETER_TYPES.has(param.type)) {
          errors.push(
            `${at}: judge "${judge.kind}" uses parameter "${judge.param}" of requirement ${r.id}, which is not numeric (${param.type})`,
          );
        }
      }
      break;
    }
    case "jurisdictions": {
      if (el.type !== "paneldynamic") break;
      const fields = new Map<string, Json>();
      if (Array.isArray(el.element.templateElements)) {
        for (const t of el.element.templateElements)
          if (isObject(t) && typeof t.name === "string") fields.set(t.name, t);
      }
      const country = fields.get(judge.countryField);
      if (!country)
        errors.push(`${at}: countryField "${judge.countryField}" is not among the dynamic panel's templateElements`);
      if (judge.mechanismField && !fields.has(judge.mechanismField)) {
        errors.push(
          `${at}: mechanismField "${judge.mechanismField}" is not among the dynamic panel's templateElements`,
        );
      }
      const codes = country ? choiceValues(country) : null;
      const bad = codes ? [...codes].filter((c) => !COUNTRY_RE.test(c)) : [];
      if (bad.length)
        errors.push(
          `${at}: country choices must be ISO 3166-1 alpha-2 codes; found ${bad.map((c) => `"${c}"`).join(", ")}`,
        );
      break;
    }
  }
  return errors;
}

function checkMeta(el: WalkedElement, byId: Map<string, CatalogueRequirement>, at: string): string[] {
  // questions inside a dynamic panel may carry metadata too: scoring judges each panel and the weakest counts
  if (!("flowdown" in el.element)) return [];
  if (!isQuestion(el))
    return [`${at}: flowdown metadata belongs on questions, not on a ${el.type || "typeless element"}`];
  const parsed = QuestionMetaSchema.safeParse(el.element.flowdown);
  if (!parsed.success) return formatIssues(parsed.error, `${at}: flowdown`);
  const meta = parsed.data as QuestionMeta;
  const errors: string[] = [];

  const seen = new Set<string>();
  for (const id of meta.requirements) {
    if (!byId.has(id)) errors.push(`${at}: refers to unknown requirement ${id}`);
    if (seen.has(id)) errors.push(`${at}: lists requirement ${id} twice`);
    seen.add(id);
  }
  const judged = meta.judge.kind !== "info";
  if (judged && meta.requirements.length === 0)
    errors.push(`${at}: judge "${meta.judge.kind}" is set but no requirement is named`);
  if (!judged && meta.gate) errors.push(`${at}: an informational question cannot be a gate`);

  errors.push(...checkJudge(el, meta, byId, at));

  // several questions may give the same fact (the chain view takes the slowest / all locations)
  if (meta.fact === "notifyHours" && meta.judge.kind !== "atMost")
    errors.push(`${at}: fact "notifyHours" needs an "atMost" judge on a number of hours`);
  if (meta.fact === "dataLocations" && meta.judge.kind !== "jurisdictions")
    errors.push(`${at}: fact "dataLocations" needs a "jurisdictions" judge`);
  return errors;
}

export function validateTemplate(data: unknown, catalogue: CatalogueLike): string[] {
  const where = templateLabel(data);
  const errors = forbiddenKeys(data, where);
  const envelope = TemplateEnvelopeSchema.safeParse(data);
  if (!envelope.success) return [...errors, ...formatIssues(envelope.error, where)];

  const survey = envelope.data.survey as Json;
  const pages = envelope.data.survey.pages as Json[];
  const byId = new Map(catalogue.requirements.map((r) => [r.id, r]));
  const { elements, problems } = walkElements(survey);
  errors.push(...problems.map((p) => `${where}: ${p}`));
  errors.push(...checkNames(pages, elements, where));
  errors.push(...checkConditions(survey, pages, elements, where));
  for (const el of elements) errors.push(...checkMeta(el, byId, `${where}: question "${el.name}"`));
  return errors;
}

/**
 * Question types the portal can show, store answers of and score (the
 * answer check in app/features/assessments/answers.server.ts takes exactly
 * these). Shipped templates use nothing else; imported ones are held to it.
 */
export const PORTAL_QUESTION_TYPES = [
  "text",
  "comment",
  "boolean",
  "radiogroup",
  "dropdown",
  "checkbox",
  "file",
  "paneldynamic",
] as const;
/** Elements that hold no answer and that the portal shows as they are. */
export const PORTAL_LAYOUT_TYPES = ["panel", "html"] as const;

const SUPPORTED_TYPES: ReadonlySet<string> = new Set([...PORTAL_QUESTION_TYPES, ...PORTAL_LAYOUT_TYPES]);
/** Where choices come from somewhere other than the template: the answer check could not know them. */
const EXTERNAL_CHOICES = ["choicesByUrl", "choicesFromQuestion"] as const;

const CHOICE_TYPES: ReadonlySet<string> = new Set(["radiogroup", "dropdown", "checkbox"]);
/** Settings whose answers the portal would not store as the question's own value ("on": when true; "set": at all). */
const UNSTORED_PROPS: readonly [string, "on" | "set", string][] = [
  ["showOtherItem", "on", 'whose typed text the portal does not store; add a choice "Other" and a text question'],
  ["hasOther", "on", 'whose typed text the portal does not store; add a choice "Other" and a text question'],
  ["showCommentArea", "on", "whose comment the portal does not store; add a separate comment question"],
  ["hasComment", "on", "whose comment the portal does not store; add a separate comment question"],
  ["valueTrue", "set", "but the portal stores yes and no as true and false; remove it"],
  ["valueFalse", "set", "but the portal stores yes and no as true and false; remove it"],
  ["valuePropertyName", "set", "but the portal stores the chosen values themselves; remove it"],
];

function describeElement(el: WalkedElement): string {
  const what = el.name ? `"${el.name}"` : el.path;
  return `${isQuestion(el) ? "question" : el.type || "element"} ${what} on page "${el.pageName}"`;
}

/**
 * What in a template the portal cannot render, store or score: element types
 * outside PORTAL_QUESTION_TYPES / PORTAL_LAYOUT_TYPES, choices loaded from
 * elsewhere, and file questions that would keep files inside the answers.
 * One message per problem, naming the
 * element and its page. Run beside validateTemplate for templates that do
 * not come with the portal.
 */
export function checkPortalSupport(data: unknown): string[] {
  if (!isObject(data) || !isObject(data.survey)) return [];
  const where = templateLabel(data);
  const supported = [...PORTAL_QUESTION_TYPES, ...PORTAL_LAYOUT_TYPES].join(", ");
  const errors: string[] = [];
  for (const el of walkElements(data.survey).elements) {
    const at = `${where}: ${describeElement(el)}`;
    if (!el.type) continue; // checkNames reports elements without a type
    if (!SUPPORTED_TYPES.has(el.type)) {
      errors.push(`${at} is of type "${el.type}", which the portal cannot show and score; use one of ${supported}`);
      continue;
    }
    const external = EXTERNAL_CHOICES.filter((prop) => prop in el.element);
    for (const prop of external)
      errors.push(`${at} takes its choices from "${prop}"; list the choices in the file instead`);
    if (CHOICE_TYPES.has(el.type) && !external.length && !Array.isArray(el.element.choices))
      errors.push(`${at} has no "choices" list; list its choices in the file`);
    // the answer check stores only the question's own value: no second value beside it, no other encoding of it
    for (const [prop, when, why] of UNSTORED_PROPS) {
      const set = when === "on" ? el.element[prop] === true : el.element[prop] !== undefined;
      if (set) errors.push(`${at} sets "${prop}", ${why}`);
    }
    if (el.type === "file" && el.element.storeDataAsText !== false)
      errors.push(`${at} must set "storeDataAsText": false, so that files are uploaded as evidence`);
  }
  return errors;
}
