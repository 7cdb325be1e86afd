import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "#app/i18n/catalogue";

/**
 * Every word a page shows goes through the message catalogue (app/i18n):
 * this reads the source of every page, component and use case and lists
 * each place where text for people is written in the code instead (JSX
 * text, a human attribute such as aria-label or placeholder, a string
 * shown from inside JSX, a refusal's or a schema's message that is not a
 * catalogue id). The browser tests (tests/e2e/languages.e2e.test.ts) check
 * the pages themselves.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");

/** Words that are the same in every language: the brand, the standards' and formats' own names. */
const SAME_IN_EVERY_LANGUAGE = /Flowdown|SHA-256|UTC|PDF|CSV|XLSX|ISO\/IEC 27001|https?:\/\/\S+/g;

/** Messages for the operator who starts the portal (the console, not a page): env checks, `npm run admin:create`. */
const OPERATOR_FILES = new Set([
  "app/lib/env.server.ts",
  "app/features/accounts/first-admin.server.ts",
  // the mailer's checks of the code's own input: a programming error, never shown on a page
  "app/lib/mail.server.ts",
  // the REST API's checks answer programs, in English like its OpenAPI document (problem+json `errors`)
  "app/features/api/schemas.ts",
]);

/** Attributes whose value people read or hear. */
const HUMAN_ATTRIBUTES = new Set([
  "alt",
  "title",
  "placeholder",
  "aria-label",
  "aria-description",
  "aria-roledescription",
  "aria-valuetext",
  "label",
  "hint",
  "caption",
  "legend",
  "heading",
  "summary",
  "description",
  "empty",
  "emptyText",
  "confirm",
  "submitLabel",
  "busyLabel",
  "pendingLabel",
]);

/** Calls whose string arguments are messages for people: refusals and zod's checks. */
const MESSAGE_CALLS = new Set([
  "Refusal",
  "min",
  "max",
  "length",
  "regex",
  "refine",
  "superRefine",
  "email",
  "url",
  "nonempty",
]);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) out.push(...sourceFiles(file));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !/\.d\.ts$/.test(name)) out.push(file);
  }
  return out;
}

const hasWords = (text: string) => /\p{L}{2,}/u.test(text);
const sameEverywhere = (text: string) => !hasWords(text.replace(SAME_IN_EVERY_LANGUAGE, ""));
const isCatalogueId = (text: string) => Object.hasOwn(CATALOGUE, text);

/** Where a string literal inside a JSX expression ends up on the page (not a key, class or comparison). */
function isShownValue(node: ts.Node): boolean {
  let child: ts.Node = node;
  let parent = node.parent;
  while (parent) {
    if (ts.isJsxExpression(parent) && isStyleElement(parent.parent)) return false;
    if (ts.isJsxExpression(parent))
      return !ts.isJsxAttribute(parent.parent) || HUMAN_ATTRIBUTES.has(attrName(parent.parent));
    if (ts.isConditionalExpression(parent)) {
      if (child === parent.condition) return false;
    } else if (ts.isBinaryExpression(parent)) {
      const op = parent.operatorToken.kind;
      const joins =
        op === ts.SyntaxKind.PlusToken ||
        ((op === ts.SyntaxKind.AmpersandAmpersandToken ||
          op === ts.SyntaxKind.BarBarToken ||
          op === ts.SyntaxKind.QuestionQuestionToken) &&
          child === parent.right);
      if (!joins) return false;
    } else if (
      !ts.isParenthesizedExpression(parent) &&
      !ts.isTemplateSpan(parent) &&
      !ts.isTemplateExpression(parent)
    ) {
      return false;
    }
    child = parent;
    parent = parent.parent;
  }
  return false;
}

/** A `<style>` element: its text is CSS. */
function isStyleElement(node: ts.Node): boolean {
  return ts.isJsxElement(node) && node.openingElement.tagName.getText() === "style";
}

function attrName(attr: ts.Node): string {
  return ts.isJsxAttribute(attr) ? attr.name.getText() : "";
}

function callName(call: ts.CallExpression | ts.NewExpression): string {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return "";
}

/** A message argument that is not a catalogue id (`{ message: "…" }` or `{ error: "…" }` included). */
function messageLiterals(call: ts.CallExpression | ts.NewExpression): ts.StringLiteralLike[] {
  const out: ts.StringLiteralLike[] = [];
  for (const arg of call.arguments ?? []) {
    if (ts.isStringLiteralLike(arg)) out.push(arg);
    if (ts.isObjectLiteralExpression(arg))
      for (const prop of arg.properties)
        if (
          ts.isPropertyAssignment(prop) &&
          ["message", "error"].includes(prop.name.getText()) &&
          ts.isStringLiteralLike(prop.initializer)
        )
          out.push(prop.initializer);
  }
  return out;
}

export function uncataloguedStrings(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: string[] = [];
  const report = (node: ts.Node, value: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${path.relative(ROOT, file)}:${line + 1}: ${JSON.stringify(value.trim().slice(0, 80))}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      if (hasWords(node.text) && !sameEverywhere(node.text)) report(node, node.text);
    } else if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer)) {
      const value = node.initializer.text;
      if (HUMAN_ATTRIBUTES.has(attrName(node)) && hasWords(value) && !sameEverywhere(value) && !isCatalogueId(value))
        report(node, value);
    } else if (ts.isStringLiteralLike(node) && file.endsWith(".tsx") && hasWords(node.text) && isShownValue(node)) {
      if (!sameEverywhere(node.text) && !isCatalogueId(node.text)) report(node, node.text);
    } else if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && MESSAGE_CALLS.has(callName(node))) {
      for (const literal of messageLiterals(node))
        if (hasWords(literal.text) && !isCatalogueId(literal.text) && !sameEverywhere(literal.text))
          report(literal, literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("every word on a page comes from the message catalogue", () => {
  const files = [...sourceFiles(path.join(ROOT, "app")), ...sourceFiles(path.join(ROOT, "models"))].filter(
    (file) => !file.includes(`${path.sep}i18n${path.sep}catalogue`) && !OPERATOR_FILES.has(path.relative(ROOT, file)),
  );

  it("finds text written in the code of a page, a component or a use case", () => {
    // the check itself: text in JSX, a human attribute, a shown literal, a refusal
    const probe = path.join(ROOT, "tests/unit/fixtures/uncatalogued-probe.tsx");
    expect(uncataloguedStrings(probe).map((line) => line.replace(/^[^:]+:\d+: /, ""))).toEqual([
      '"Save the answers"',
      '"Search suppliers"',
      '"Not yet"',
      '"Nothing was typed"',
    ]);
  });

  it("leaves no text outside the catalogue", () => {
    const found = files.flatMap(uncataloguedStrings);
    expect(found, `${found.length} strings reach pages without the catalogue:\n${found.join("\n")}`).toEqual([]);
  });
});
