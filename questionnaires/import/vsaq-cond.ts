/**
 * VSAQ `cond` expressions: ids of items and choices combined with `&&`,
 * `||`, `!` and brackets, e.g. `!a && (b || c)`. A reference may carry a
 * suffix (`q/yes`, `q/no`, `q/value`) or the visibility prefix `^`, and the
 * functions `contains(x/value, "text")` and `matches(...)` exist.
 *
 * VSAQ evaluates `&&` and `||` strictly from left to right with equal
 * precedence, so `a || b && c` means `(a || b) && c` there; the parser
 * keeps that reading and reports when an expression relies on it.
 */
export type CondNode =
  | { kind: "ref"; id: string; suffix: "" | "yes" | "no" | "value"; visibility: boolean }
  | { kind: "literal"; value: boolean }
  | { kind: "string"; value: string }
  | { kind: "not"; operand: CondNode }
  | { kind: "and" | "or"; left: CondNode; right: CondNode }
  | { kind: "call"; name: string; args: CondNode[] };

export class CondSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CondSyntaxError";
  }
}

type Token =
  | { t: "ident"; v: string; at: number }
  | { t: "string"; v: string; at: number }
  | { t: "&&" | "||" | "!" | "(" | ")" | ","; at: number };

const SPECIAL = ' \t\r\n()!&|,"';

export function tokenizeCond(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === " " || c === "\t" || c === "\r" || c === "\n") {
      i++;
    } else if (c === "&" || c === "|") {
      if (source[i + 1] !== c) throw new CondSyntaxError(`single "${c}" at character ${i + 1}; use "${c}${c}"`);
      tokens.push({ t: c === "&" ? "&&" : "||", at: i });
      i += 2;
    } else if (c === "!" || c === "(" || c === ")" || c === ",") {
      tokens.push({ t: c, at: i });
      i++;
    } else if (c === '"') {
      let value = "";
      let j = i + 1;
      for (; j < source.length && source[j] !== '"'; j++) {
        if (source[j] === "\\" && j + 1 < source.length) j++;
        value += source[j];
      }
      if (j >= source.length) throw new CondSyntaxError(`string starting at character ${i + 1} is not closed`);
      tokens.push({ t: "string", v: value, at: i });
      i = j + 1;
    } else {
      let j = i;
      while (j < source.length && !SPECIAL.includes(source[j])) j++;
      tokens.push({ t: "ident", v: source.slice(i, j), at: i });
      i = j;
    }
  }
  return tokens;
}

export interface ParsedCond {
  /** null for an empty expression, which VSAQ treats as always true */
  node: CondNode | null;
  /** true when && and || meet at one level without brackets */
  mixesAndOr: boolean;
}

const REF_RE = /^(\^?)([^/^]+)(?:\/(yes|no|value))?$/;

export function parseCond(source: string): ParsedCond {
  const tokens = tokenizeCond(source);
  let pos = 0;
  let mixesAndOr = false;
  const peek = () => tokens[pos];
  const describe = (tok: Token | undefined) =>
    tok ? `"${"v" in tok ? tok.v : tok.t}" at character ${tok.at + 1}` : "the end";

  const parseSequence = (): CondNode => {
    let left = parseUnary();
    let seen: "and" | "or" | null = null;
    for (;;) {
      const tok = peek();
      if (!tok || (tok.t !== "&&" && tok.t !== "||")) return left;
      pos++;
      const kind = tok.t === "&&" ? "and" : "or";
      if (seen && seen !== kind) mixesAndOr = true;
      seen = kind;
      left = { kind, left, right: parseUnary() };
    }
  };

  const parseUnary = (): CondNode => {
    const tok = peek();
    if (tok?.t === "!") {
      pos++;
      return { kind: "not", operand: parseUnary() };
    }
    return parsePrimary();
  };

  const parsePrimary = (): CondNode => {
    const tok = peek();
    if (!tok) throw new CondSyntaxError("expression ends where an id was expected");
    if (tok.t === "(") {
      pos++;
      const inner = parseSequence();
      if (peek()?.t !== ")") throw new CondSyntaxError(`expected ")" but found ${describe(peek())}`);
      pos++;
      return inner;
    }
    if (tok.t === "string") {
      pos++;
      return { kind: "string", value: tok.v };
    }
    if (tok.t !== "ident") throw new CondSyntaxError(`expected an id but found ${describe(tok)}`);
    pos++;
    if (peek()?.t === "(") {
      pos++;
      const args: CondNode[] = [];
      if (peek()?.t !== ")") {
        for (;;) {
          args.push(parseSequence());
          if (peek()?.t === ",") {
            pos++;
            continue;
          }
          break;
        }
      }
      if (peek()?.t !== ")")
        throw new CondSyntaxError(`expected ")" after the arguments of ${tok.v} but found ${describe(peek())}`);
      pos++;
      return { kind: "call", name: tok.v, args };
    }
    if (tok.v === "false" || tok.v === "true") return { kind: "literal", value: tok.v === "true" };
    const m = REF_RE.exec(tok.v);
    if (!m) throw new CondSyntaxError(`"${tok.v}" at character ${tok.at + 1} is not an item id`);
    return { kind: "ref", id: m[2], suffix: (m[3] ?? "") as "" | "yes" | "no" | "value", visibility: m[1] === "^" };
  };

  if (tokens.length === 0) return { node: null, mixesAndOr: false };
  const node = parseSequence();
  if (pos < tokens.length) throw new CondSyntaxError(`unexpected ${describe(tokens[pos])}`);
  return { node, mixesAndOr };
}

/** Every item id an expression refers to, in order of appearance. */
export function referencedIds(node: CondNode | null): string[] {
  const ids: string[] = [];
  const visit = (n: CondNode) => {
    switch (n.kind) {
      case "ref":
        if (!ids.includes(n.id)) ids.push(n.id);
        break;
      case "not":
        visit(n.operand);
        break;
      case "and":
      case "or":
        visit(n.left);
        visit(n.right);
        break;
      case "call":
        n.args.forEach(visit);
        break;
    }
  };
  if (node) visit(node);
  return ids;
}

/** Why a reference cannot be written as SurveyJS: returned instead of throwing so all problems are reported. */
export class Unmappable extends Error {}

/**
 * Writes a parsed condition as a SurveyJS expression. `ref` turns one
 * reference into a condition, or with `asValue` into the answer itself (a
 * function argument), or throws Unmappable; every `and`/`or` is
 * bracketed so the VSAQ left-to-right reading survives SurveyJS precedence.
 */
export type RefWriter = (n: Extract<CondNode, { kind: "ref" }>, asValue: boolean) => string;

export function toSurveyExpression(node: CondNode, ref: RefWriter): string {
  const write = (n: CondNode, nested: boolean): string => {
    switch (n.kind) {
      case "ref":
        return ref(n, false);
      case "literal":
        return n.value ? "true" : "false";
      case "not": {
        const inner = write(n.operand, true);
        return `!(${inner})`;
      }
      case "and":
      case "or": {
        const text = `${write(n.left, true)} ${n.kind} ${write(n.right, true)}`;
        return nested ? `(${text})` : text;
      }
      case "string":
        throw new Unmappable("a string outside a function call has no meaning as a condition");
      case "call":
        return writeCall(n, ref);
    }
  };
  return write(node, false);
}

function writeCall(n: Extract<CondNode, { kind: "call" }>, ref: RefWriter): string {
  if (n.name === "contains" && n.args.length === 2 && n.args[0].kind === "ref" && n.args[1].kind === "string") {
    const target = ref(n.args[0], true);
    return `${target} contains ${quote(n.args[1].value)}`;
  }
  if (n.name === "matches") throw new Unmappable("matches() (regular expressions) has no SurveyJS equivalent");
  throw new Unmappable(`the function ${n.name}() with these arguments has no SurveyJS equivalent`);
}

/** A SurveyJS string literal. */
export function quote(value: string): string {
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}
