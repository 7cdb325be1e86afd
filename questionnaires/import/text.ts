/**
 * Texts from imported files end up in the supplier's browser: question
 * titles as plain text, info blocks through SurveyJS "html" elements. Markup
 * is therefore reduced to a short list of harmless tags without attributes;
 * everything else becomes text.
 */
const KEPT_TAGS = new Set(["p", "br", "ul", "ol", "li", "b", "strong", "i", "em", "code", "pre"]);
const VOID_TAGS = new Set(["br"]);
const DROPPED_WITH_CONTENT = /<(script|style|iframe|object|embed|template)\b[\s\S]*?<\/\1\s*>/gi;

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  mdash: "\u2014",
  ndash: "\u2013",
  hellip: "\u2026",
  rsquo: "\u2019",
  lsquo: "\u2018",
  rdquo: "\u201d",
  ldquo: "\u201c",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Plain text of an HTML fragment, for titles and choice labels. */
export function htmlToText(html: string): string {
  const withoutTags = html
    .replace(DROPPED_WITH_CONTENT, " ")
    .replace(/<\s*(br|\/p|\/li|\/ul|\/ol)\b[^>]*>/gi, " ")
    .replace(/<[^>]*>/g, "");
  return decodeEntities(withoutTags).replace(/\s+/g, " ").trim();
}

/**
 * HTML limited to KEPT_TAGS without attributes; `changed` says whether
 * anything other than whitespace was removed (reported as a finding).
 */
export function safeHtml(html: string): { html: string; changed: boolean } {
  let changed = false;
  const source = html.replace(DROPPED_WITH_CONTENT, () => {
    changed = true;
    return " ";
  });
  let out = "";
  const tagRe = /<\s*(\/?)\s*([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g;
  let last = 0;
  const open: string[] = [];
  for (let m = tagRe.exec(source); m; m = tagRe.exec(source)) {
    out += escapeHtml(decodeEntities(source.slice(last, m.index)));
    last = tagRe.lastIndex;
    const closing = m[1] === "/";
    const tag = m[2].toLowerCase();
    const attributes = m[3].replace(/\/\s*$/, "").trim();
    if (!KEPT_TAGS.has(tag)) {
      changed = true;
      continue;
    }
    if (attributes) changed = true;
    if (VOID_TAGS.has(tag)) {
      out += `<${tag}>`;
    } else if (closing) {
      const index = open.lastIndexOf(tag);
      if (index < 0) continue;
      // close anything left open inside, so the output stays well formed
      while (open.length > index) out += `</${open.pop()}>`;
    } else {
      open.push(tag);
      out += `<${tag}>`;
    }
  }
  out += escapeHtml(decodeEntities(source.slice(last)));
  while (open.length) out += `</${open.pop()}>`;
  return { html: out.trim(), changed };
}

/**
 * A SurveyJS question name from a source id: answers are stored under these
 * names as MongoDB keys and referenced in {braces} in expressions, so only
 * letters, digits, "_" and "-" are kept.
 */
export function safeName(id: string): string {
  const cleaned = id
    .trim()
    .replace(/[^A-Za-z0-9_-]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `q_${cleaned}`;
}

/** A lower-case slug for template ids ("Web application security" → "web-application-security"). */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}
