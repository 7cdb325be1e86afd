/**
 * Google VSAQ questionnaires (github.com/google/vsaq, questionnaires/*.json)
 * to a SurveyJS draft. Blocks become pages and panels; line, box, check,
 * yesno, radiogroup, checkgroup and upload become questions; info and tip
 * become text; `cond` becomes `visibleIf`. What cannot be carried over is
 * listed as a finding with the item id instead of being dropped silently.
 */
import type { JudgeRule } from "#questionnaires/types";
import {
  parseCond,
  quote,
  referencedIds,
  toSurveyExpression,
  Unmappable,
  CondSyntaxError,
  type CondNode,
} from "./vsaq-cond";
import { parseVsaq } from "./vsaq-preparse";
import { walkElements } from "#questionnaires/survey-walk";
import { htmlToText, safeHtml, safeName } from "./text";
import { importedSurvey } from "./survey";
import { ImportError, MAX_IMPORT_QUESTIONS, type DraftQuestion, type Finding, type ImportDraft } from "./types";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

/** What an id in a `cond` stands for once imported. */
type Target =
  | { kind: "boolean"; name: string }
  | { kind: "radio-choice"; name: string; value: string }
  | { kind: "check-choice"; name: string; value: string }
  | { kind: "text"; name: string }
  | { kind: "container" }
  | { kind: "display" }
  | { kind: "skipped" };

interface Node {
  item: Json;
  type: string;
  /** the source id, or "" */
  id: string;
  /** label for findings: the id, or a path such as "item 3 of block network" */
  label: string;
  parent: Node | null;
  /** for choices: the group */
  choiceOf?: Node;
  /** SurveyJS element produced for it, once mapped */
  element?: Json;
  children: Node[];
  cond: string;
}

const QUESTION_TYPES: Record<string, string> = {
  line: "text",
  box: "comment",
  check: "boolean",
  yesno: "boolean",
  radiogroup: "radiogroup",
  checkgroup: "checkbox",
  upload: "file",
};
const KNOWN_TYPES = new Set(["block", "info", "tip", "spacer", ...Object.keys(QUESTION_TYPES)]);
const FILE_QUESTION = {
  allowMultiple: true,
  storeDataAsText: false,
  waitForUpload: true,
  acceptedTypes: ".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.txt",
  maxSize: 20 * 1024 * 1024,
};

const text = (v: unknown) => (typeof v === "string" ? v : "");
/** VSAQ's `required`: any truthy value, except the strings people write to mean no. */
const isRequiredFlag = (v: unknown) =>
  typeof v === "string" ? !["", "false", "no", "0"].includes(v.trim().toLowerCase()) : Boolean(v);

export function importVsaq(source: string, opts: { fileName?: string } = {}): ImportDraft {
  const parsed = parseVsaq(source);
  const root = Array.isArray(parsed) ? parsed : isObject(parsed) ? parsed.questionnaire : undefined;
  if (isObject(parsed) && Array.isArray(parsed.extensions) && !root) {
    throw new ImportError(
      "This is a VSAQ extension file (it adds items to another questionnaire with insertAfter); import the questionnaire it extends instead.",
    );
  }
  if (!Array.isArray(root))
    throw new ImportError('This is not a VSAQ questionnaire: expected an object with a "questionnaire" list of items.');
  if (root.length === 0) throw new ImportError("The questionnaire has no items.");
  return new VsaqMapper(opts.fileName ?? "questionnaire").map(root);
}

class VsaqMapper {
  private findings: Finding[] = [];
  private errors: string[] = [];
  private byId = new Map<string, Node>();
  private names = new Map<Node, string>();
  private roots: Node[] = [];
  private targets = new Map<string, Target>();
  private generated = 0;
  private questions: DraftQuestion[] = [];

  private fileName: string;

  constructor(fileName: string) {
    this.fileName = fileName;
  }

  private find(itemId: string, level: Finding["level"], reason: string) {
    this.findings.push({ itemId, level, reason });
  }

  map(root: unknown[]): ImportDraft {
    const nodes = this.collect(root, null, "questionnaire");
    this.roots = nodes;
    if (this.errors.length) throw new ImportError(this.errors);

    // a single outer block is the questionnaire's title; its children are the pages
    let title = this.fileName.replace(/\.[^.]+$/, "");
    let pageNodes = nodes;
    if (nodes.length === 1 && nodes[0].type === "block" && nodes[0].children.some((c) => c.type === "block")) {
      title = htmlToText(text(nodes[0].item.text)) || title;
      if (nodes[0].cond)
        this.find(
          nodes[0].label,
          "warning",
          "the condition on the outermost block was dropped: the whole questionnaire is always shown",
        );
      pageNodes = nodes[0].children;
    }

    this.assignNames(nodes);
    if (this.errors.length) throw new ImportError(this.errors);

    const pages: Json[] = [];
    let loose: Json[] = [];
    const flushLoose = () => {
      if (!loose.length) return;
      pages.push({
        name: this.uniqueName(`page_${pages.length + 1}`),
        title: pages.length ? "More questions" : "General",
        elements: loose,
      });
      loose = [];
    };
    for (const node of pageNodes) {
      if (node.type === "block") {
        flushLoose();
        const page: Json = {
          name: this.names.get(node)!,
          title: htmlToText(text(node.item.text)) || "Untitled section",
          elements: this.mapChildren(node),
        };
        node.element = page;
        pages.push(page);
      } else {
        const el = this.mapItem(node);
        if (el) loose.push(el);
      }
    }
    flushLoose();
    if (this.questions.length === 0)
      throw new ImportError(
        "The questionnaire has no questions that could be imported (line, box, check, yesno, radiogroup, checkgroup or upload).",
      );
    if (this.questions.length > MAX_IMPORT_QUESTIONS)
      throw new ImportError(
        `The questionnaire has ${this.questions.length} questions; at most ${MAX_IMPORT_QUESTIONS} can be imported at once.`,
      );

    this.mapConditions();
    this.inferJudges();

    const survey = importedSurvey(
      title,
      pages.filter((p) => Array.isArray(p.elements) && p.elements.length > 0),
    );
    const pageOf = new Map(walkElements(survey).elements.map((e) => [e.name, e.pageName]));
    const pageTitle = new Map((survey.pages as Json[]).map((p) => [String(p.name), String(p.title)]));
    for (const q of this.questions) {
      q.pageName = pageOf.get(q.name) ?? "";
      q.section = pageTitle.get(q.pageName) ?? "";
    }
    return { format: "vsaq", title, survey, questions: this.questions, findings: this.findings };
  }

  /** Builds the node tree, registers ids and reports duplicates and unknown types. */
  private collect(list: unknown[], parent: Node | null, where: string): Node[] {
    const out: Node[] = [];
    list.forEach((raw, i) => {
      const label = `item ${i + 1} of ${where}`;
      if (!isObject(raw)) {
        this.find(label, "warning", "not an item object; skipped");
        return;
      }
      const type = text(raw.type);
      const id = text(raw.id).trim();
      const node: Node = { item: raw, type, id, label: id || label, parent, children: [], cond: text(raw.cond).trim() };
      this.register(node);
      if (type === "block") {
        if (raw.items !== undefined && !Array.isArray(raw.items))
          this.find(node.label, "warning", '"items" is not a list; the block is empty');
        node.children = Array.isArray(raw.items)
          ? this.collect(raw.items, node, id ? `block ${id}` : `the block "${htmlToText(text(raw.text)).slice(0, 40)}"`)
          : [];
      } else if (type === "radiogroup" || type === "checkgroup") {
        node.children = this.collectChoices(node);
      }
      out.push(node);
    });
    return out;
  }

  private collectChoices(group: Node): Node[] {
    const choices = group.item.choices;
    if (!Array.isArray(choices) || choices.length === 0) {
      this.find(group.label, "warning", `a ${group.type} without choices; skipped`);
      group.type = "__skipped";
      return [];
    }
    const conds = new Map<string, string>();
    if (Array.isArray(group.item.choicesConds)) {
      for (const c of group.item.choicesConds)
        if (isObject(c)) for (const [k, v] of Object.entries(c)) conds.set(k, text(v));
    }
    const out: Node[] = [];
    for (const choice of choices) {
      const entries = isObject(choice) ? Object.entries(choice) : [];
      if (entries.length !== 1) {
        this.find(
          group.label,
          "warning",
          `a choice of this ${group.type} is not an object with exactly one "id": "text" entry; skipped`,
        );
        continue;
      }
      const [id, label] = entries[0];
      const node: Node = {
        item: { text: label },
        type: group.type === "radiogroup" ? "radio" : "check-choice",
        id,
        label: id,
        parent: group.parent,
        choiceOf: group,
        children: [],
        cond: (conds.get(id) ?? "").trim(),
      };
      this.register(node);
      out.push(node);
    }
    return out;
  }

  private register(node: Node) {
    if (!node.id) return;
    const first = this.byId.get(node.id);
    if (first) {
      this.errors.push(
        `The id "${node.id}" is used twice (${this.describe(first)} and ${this.describe(node)}); ids must be unique.`,
      );
      return;
    }
    this.byId.set(node.id, node);
  }

  private describe(node: Node): string {
    return node.choiceOf
      ? `a choice of ${node.choiceOf.id || node.choiceOf.type}`
      : `a ${node.type || "typeless"} item`;
  }

  private uniqueName(base: string): string {
    let name = base;
    for (let n = 2; [...this.names.values()].includes(name); n++) name = `${base}_${n}`;
    return name;
  }

  private setTarget(node: Node, target: Target) {
    if (node.id) this.targets.set(node.id, target);
  }

  /** SurveyJS names for every element: ids first (clashes after cleaning are errors), then generated ones. */
  private assignNames(nodes: Node[]) {
    const owner = new Map<string, string>();
    const all: Node[] = [];
    const visit = (node: Node) => {
      if (node.choiceOf) return;
      all.push(node);
      node.children.forEach(visit);
    };
    nodes.forEach(visit);
    for (const node of all) {
      if (!node.id) continue;
      const name = safeName(node.id);
      if (name !== node.id && QUESTION_TYPES[node.type])
        this.find(node.id, "info", `renamed to "${name}": answer names may only hold letters, digits, "_" and "-"`);
      const clash = owner.get(name);
      if (clash !== undefined) {
        this.errors.push(
          `The ids "${clash}" and "${node.id}" both become the question name "${name}"; rename one of them.`,
        );
        continue;
      }
      owner.set(name, node.id);
      this.names.set(node, name);
    }
    for (const node of all) {
      if (node.id) continue;
      let name =
        node.type === "radiogroup" || node.type === "checkgroup"
          ? this.groupName(node)
          : `${safeName(node.type || "item")}_${++this.generated}`;
      while (owner.has(name)) name = `${name}_${++this.generated}`;
      if (node.type === "radiogroup" || node.type === "checkgroup")
        this.find(node.label, "info", `has no id; its answers are stored as "${name}"`);
      else if (QUESTION_TYPES[node.type])
        this.find(node.label, "warning", `a ${node.type} without an id; named "${name}"`);
      owner.set(name, node.label);
      this.names.set(node, name);
    }
  }

  /** A group without an id is named after the common start of its choice ids (application_ssl_yes/no → application_ssl). */
  private groupName(node: Node): string {
    const ids = node.children.map((c) => c.id);
    let prefix = ids[0] ?? "";
    for (const id of ids) while (!id.startsWith(prefix)) prefix = prefix.slice(0, -1);
    prefix = safeName(prefix.replace(/[_-]+$/, ""));
    return prefix.length >= 3 && !ids.includes(prefix) ? prefix : `${node.type}_${++this.generated}`;
  }

  private mapChildren(node: Node): Json[] {
    return node.children.map((c) => this.mapItem(c)).filter((e): e is Json => e !== null);
  }

  private mapItem(node: Node): Json | null {
    const { item, type } = node;
    const name = this.names.get(node) ?? `item_${++this.generated}`;
    if (type === "__skipped") {
      this.markSkipped(node);
      return null;
    }
    if (item.auth === "admin") {
      this.find(node.label, "warning", "shown only to VSAQ administrators; not imported");
      this.markSkipped(node);
      return null;
    }
    if (item.className === "vsaq-invisible") {
      this.find(node.label, "info", "hidden in VSAQ (class vsaq-invisible); not imported");
      this.markSkipped(node);
      return null;
    }
    if (!KNOWN_TYPES.has(type)) {
      const reason =
        type === "radio" || type === "checkbox"
          ? `a "${type}" item outside a group; list it among the choices of a radiogroup or checkgroup`
          : type
            ? `unknown item type "${type}"`
            : "an item without a type";
      this.find(node.label, "warning", `${reason}; not imported`);
      this.markSkipped(node);
      return null;
    }
    let el: Json | null;
    switch (type) {
      case "block": {
        el = { type: "panel", name, title: htmlToText(text(item.text)), elements: this.mapChildren(node) };
        this.setTarget(node, { kind: "container" });
        if ((el.elements as Json[]).length === 0) {
          this.find(node.label, "info", "an empty block; not imported");
          el = null;
        }
        break;
      }
      case "spacer":
        this.find(node.label, "info", "a spacer (layout only); not imported");
        this.setTarget(node, { kind: "display" });
        return null;
      case "info":
        el = { type: "html", name, html: this.html(node, text(item.text)) };
        this.setTarget(node, { kind: "display" });
        break;
      case "tip":
        el = this.mapTip(node, name);
        break;
      default:
        el = this.mapQuestion(node, name);
    }
    if (el) node.element = el;
    return el;
  }

  private markSkipped(node: Node) {
    const mark = (n: Node) => {
      if (n.id) this.targets.set(n.id, { kind: "skipped" });
      n.children.forEach(mark);
    };
    mark(node);
  }

  private html(node: Node, source: string): string {
    const { html, changed } = safeHtml(source);
    if (changed)
      this.find(
        node.label,
        "info",
        "markup other than simple formatting (p, ul, li, b, i, code) was removed from its text",
      );
    return html.startsWith("<") ? html : `<p>${html}</p>`;
  }

  private mapTip(node: Node, name: string): Json {
    const { item } = node;
    const warn = item.warn === "yes" || item.warn === true;
    const severity = text(item.severity);
    const heading = warn
      ? `Warning${severity ? ` (${severity})` : ""}${text(item.name) ? `: ${htmlToText(text(item.name))}` : ""}`
      : "";
    if (warn && text(item.why)) {
      this.setTarget(node, { kind: "text", name });
      const q: Json = {
        type: "comment",
        name,
        title: htmlToText(text(item.why)) || "Please explain",
        description: [heading, htmlToText(text(item.text))].filter(Boolean).join(". "),
      };
      this.addQuestion(q, { kind: "present" }, "a VSAQ clarification: judged as answered");
      return q;
    }
    this.setTarget(node, { kind: "display" });
    const body = this.html(node, text(item.text));
    return {
      type: "html",
      name,
      html: heading ? `<p><b>${heading.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</b></p>${body}` : body,
    };
  }

  private mapQuestion(node: Node, name: string): Json {
    const { item, type } = node;
    const q: Json = { type: QUESTION_TYPES[type], name, title: htmlToText(text(item.text)) || name };
    // VSAQ reads the flag as Boolean(item.required) on every value item except check
    if (isRequiredFlag(item.required)) {
      if (type === "check")
        this.find(node.label, "info", "marked required, which VSAQ ignores on a check item; not required here either");
      else q.isRequired = true;
    }
    if (item.auth === "readonly") {
      q.readOnly = true;
      this.find(node.label, "info", "read-only in VSAQ; imported as a read-only question");
    }
    switch (type) {
      case "check":
        q.renderAs = "checkbox";
        this.setTarget(node, { kind: "boolean", name });
        break;
      case "yesno":
        q.labelTrue = htmlToText(text(item.yes)) || "Yes";
        q.labelFalse = htmlToText(text(item.no)) || "No";
        this.setTarget(node, { kind: "boolean", name });
        break;
      case "radiogroup":
      case "checkgroup": {
        q.choices = node.children.map((c) => {
          this.targets.set(c.id, { kind: type === "radiogroup" ? "radio-choice" : "check-choice", name, value: c.id });
          return { value: c.id, text: htmlToText(text(c.item.text)) || c.id };
        });
        if (item.defaultChoice === true || item.defaultChoice === "true") {
          q.showNoneItem = true;
          q.noneText = "None of the above.";
        }
        if (node.id) this.setTarget(node, { kind: "text", name });
        break;
      }
      case "line":
      case "box":
        this.setTarget(node, { kind: "text", name });
        break;
      case "upload":
        Object.assign(q, FILE_QUESTION);
        this.setTarget(node, { kind: "text", name });
        break;
    }
    this.addQuestion(q, { kind: "present" }, "judged as answered");
    return q;
  }

  private addQuestion(q: Json, judge: JudgeRule, judgeNote: string) {
    this.questions.push({
      name: String(q.name),
      title: String(q.title),
      type: String(q.type),
      pageName: "",
      // filled in with the page once the survey is assembled
      section: "",
      required: q.isRequired === true,
      requirements: [],
      judge,
      judgeNote,
    });
  }

  /** `cond` → `visibleIf` on every mapped element and choice. */
  private mapConditions() {
    for (const node of this.allNodes()) {
      if (!node.cond) continue;
      const target = node.choiceOf ? this.choiceItem(node) : node.element;
      if (!target) continue;
      const expr = this.condExpression(node);
      if (expr !== null && expr !== "true") target.visibleIf = expr;
    }
  }

  private choiceItem(node: Node): Json | undefined {
    const choices = node.choiceOf?.element?.choices;
    return Array.isArray(choices) ? (choices as Json[]).find((c) => c.value === node.id) : undefined;
  }

  private allNodes(): Node[] {
    const out: Node[] = [];
    const visit = (n: Node) => {
      out.push(n);
      n.children.forEach(visit);
    };
    this.roots.forEach(visit);
    return out;
  }

  private parsedConds = new Map<Node, CondNode | null | "invalid">();

  private parsed(node: Node): CondNode | null | "invalid" {
    if (this.parsedConds.has(node)) return this.parsedConds.get(node)!;
    let result: CondNode | null | "invalid";
    try {
      const p = parseCond(node.cond);
      result = p.node;
      if (p.mixesAndOr)
        this.find(
          node.label,
          "info",
          `its condition "${node.cond}" mixes && and || without brackets; read from left to right as VSAQ does`,
        );
    } catch (e) {
      if (!(e instanceof CondSyntaxError)) throw e;
      this.find(
        node.label,
        "warning",
        `its condition "${node.cond}" cannot be read (${e.message}); the item is always shown`,
      );
      result = "invalid";
    }
    this.parsedConds.set(node, result);
    return result;
  }

  /** The SurveyJS form of a node's own condition, or null when it could not be mapped (reported). */
  private condExpression(node: Node): string | null {
    const parsed = this.parsed(node);
    if (parsed === "invalid") return null;
    if (parsed === null) return "true";
    const unknown = referencedIds(parsed).filter((id) => !this.byId.has(id) && !this.targets.has(id));
    if (unknown.length) {
      this.find(
        node.label,
        "warning",
        `its condition "${node.cond}" refers to ${unknown.map((u) => `"${u}"`).join(", ")}, which ${unknown.length === 1 ? "is not an item or choice" : "are not items or choices"} of this questionnaire; the item is always shown`,
      );
      return null;
    }
    try {
      return toSurveyExpression(parsed, (ref, asValue) => this.refExpression(node, ref, asValue, new Set([node])));
    } catch (e) {
      if (!(e instanceof Unmappable)) throw e;
      this.find(
        node.label,
        "warning",
        `its condition "${node.cond}" cannot be expressed in SurveyJS: ${e.message}; the item is always shown`,
      );
      return null;
    }
  }

  private refExpression(
    owner: Node,
    ref: Extract<CondNode, { kind: "ref" }>,
    asValue: boolean,
    visiting: Set<Node>,
  ): string {
    const node = this.byId.get(ref.id);
    const target = this.targets.get(ref.id);
    if (!node || !target) throw new Unmappable(`"${ref.id}" is not an item or choice of this questionnaire`);
    if (target.kind === "skipped") throw new Unmappable(`"${ref.id}" was not imported`);
    if (asValue) {
      if (target.kind === "text" || target.kind === "boolean") return `{${target.name}}`;
      throw new Unmappable(`"${ref.id}" has no text answer to search`);
    }
    if (ref.visibility) return this.visibility(node, visiting);
    switch (target.kind) {
      case "boolean":
        if (ref.suffix === "value") return `{${target.name}} notempty`;
        return `{${target.name}} = ${ref.suffix === "no" ? "false" : "true"}`;
      case "radio-choice":
        if (ref.suffix === "no") throw new Unmappable(`"${ref.id}/no" on a choice has no clear meaning`);
        return `{${target.name}} = ${quote(target.value)}`;
      case "check-choice":
        if (ref.suffix === "no") throw new Unmappable(`"${ref.id}/no" on a choice has no clear meaning`);
        return `{${target.name}} contains ${quote(target.value)}`;
      case "text":
        if (ref.suffix === "value") return `{${target.name}} notempty`;
        this.find(
          owner.label,
          "warning",
          `its condition reads "${ref.id}", a text answer, as checked; VSAQ treats that as never true, and so does the import`,
        );
        return "false";
      case "container":
      case "display":
        throw new Unmappable(
          `"${ref.id}" is a ${node.type} and has no answer to test (use ^${ref.id} to test whether it is shown)`,
        );
    }
  }

  /** `^id`: the item is shown when its own condition and those of the blocks around it hold. */
  private visibility(node: Node, visiting: Set<Node>): string {
    if (visiting.has(node)) throw new Unmappable(`the conditions refer to each other in a loop through "${node.id}"`);
    const parts: string[] = [];
    const chain: Node[] = [];
    for (let n: Node | null = node; n; n = n.choiceOf ?? n.parent) chain.push(n);
    for (const n of chain) {
      const parsed = this.parsed(n);
      if (parsed === "invalid") throw new Unmappable(`the condition of "${n.label}" cannot be read`);
      if (parsed === null) continue;
      const next = new Set(visiting).add(node);
      parts.push(toSurveyExpression(parsed, (r, asValue) => this.refExpression(n, r, asValue, next)));
    }
    if (parts.length === 0) return "true";
    return parts.length === 1 ? `(${parts[0]})` : `(${parts.map((p) => `(${p})`).join(" and ")})`;
  }

  /**
   * VSAQ marks bad answers with warning tips ("warn": "yes") whose condition
   * names them. A choice named by such a tip scores 0 and the others 1; a
   * check or yes/no question is expected to take the other answer.
   */
  private inferJudges() {
    const badChoices = new Map<string, Set<string>>();
    const badBooleans = new Map<string, Set<boolean>>();
    for (const node of this.allNodes()) {
      if (node.type !== "tip" || !(node.item.warn === "yes" || node.item.warn === true) || !node.cond) continue;
      const parsed = this.parsed(node);
      if (!parsed || parsed === "invalid") continue;
      for (const ref of disjuncts(parsed)) {
        if (!ref || ref.visibility) continue;
        const t = this.targets.get(ref.id);
        if (t?.kind === "radio-choice")
          (badChoices.get(t.name) ?? badChoices.set(t.name, new Set()).get(t.name)!).add(t.value);
        if (t?.kind === "boolean" && ref.suffix !== "value")
          (badBooleans.get(t.name) ?? badBooleans.set(t.name, new Set()).get(t.name)!).add(ref.suffix !== "no");
      }
    }
    for (const q of this.questions) {
      const bad = badChoices.get(q.name);
      if (q.type === "radiogroup" && bad) {
        const el = this.elementByName(q.name);
        const scores: Record<string, number> = {};
        for (const c of (el?.choices as Json[]) ?? []) scores[String(c.value)] = bad.has(String(c.value)) ? 0 : 1;
        q.judge = { kind: "choice", scores };
        q.judgeNote = `choices that raise a VSAQ warning score 0: ${[...bad].join(", ")}`;
      }
      const badBool = badBooleans.get(q.name);
      if (q.type === "boolean" && badBool?.size === 1) {
        const expected = !badBool.has(true);
        q.judge = { kind: "boolean", expected };
        q.judgeNote = `"${expected ? "yes" : "no"}" expected: the other answer raises a VSAQ warning`;
      }
    }
  }

  private elementByName(name: string): Json | undefined {
    for (const n of this.allNodes()) if (n.element?.name === name && !n.choiceOf) return n.element;
    return undefined;
  }
}

/** The references of a plain `a || b || c` condition; [null] when it is anything else. */
function disjuncts(node: CondNode): (Extract<CondNode, { kind: "ref" }> | null)[] {
  if (node.kind === "ref") return [node];
  if (node.kind === "or") return [...disjuncts(node.left), ...disjuncts(node.right)];
  return [null];
}
