/**
 * Finding an agreement's defined terms in question texts, in the language
 * the supplier reads. Runs in the browser; glossary texts come from users,
 * so everything that becomes HTML is escaped here.
 */
import { inLanguage, type GlossaryTerm } from "#models/glossary";

export interface TermHit {
  start: number;
  end: number;
  /** the text as it appears in the question */
  text: string;
  term: string;
  definition: string;
}

const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A pattern for a term. Scripts without spaces between words are matched
 * exactly; elsewhere case is ignored and each word may end differently
 * (plural, German case endings: "Vertrauliche Informationen" also finds
 * "Vertraulichen Informationen"), but only whole words match.
 */
export function termPattern(term: string): RegExp | null {
  const words = term.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  if (CJK_RE.test(term)) return new RegExp(escapeRegExp(words.join("")), "gu");
  const parts = words.map((word) => {
    const letters = [...word];
    const last = letters[letters.length - 1];
    if (!/\p{L}/u.test(last) || letters.length < 4) return escapeRegExp(word);
    const cut = letters.length >= 6 ? 2 : 1;
    return `${escapeRegExp(letters.slice(0, -cut).join(""))}\\p{L}{0,${cut + 1}}`;
  });
  return new RegExp(`(?<![\\p{L}\\p{N}])${parts.join("\\s+")}(?![\\p{L}\\p{N}])`, "giu");
}

/** Where the glossary's terms occur in a text, longest terms first, never overlapping. */
export function findTerms(text: string, glossary: readonly GlossaryTerm[], language: string): TermHit[] {
  const candidates = glossary
    .map((entry) => ({ term: inLanguage(entry.term, language), definition: inLanguage(entry.definition, language) }))
    .filter((e) => e.term.trim())
    .sort((a, b) => b.term.length - a.term.length);
  const hits: TermHit[] = [];
  for (const entry of candidates) {
    const re = termPattern(entry.term);
    if (!re) continue;
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (hits.some((h) => start < h.end && end > h.start)) continue;
      hits.push({ start, end, text: m[0], term: entry.term, definition: entry.definition });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** The distinct terms a text uses, in order of first use. */
export function termsUsed(
  text: string,
  glossary: readonly GlossaryTerm[],
  language: string,
): { term: string; definition: string }[] {
  const seen = new Map<string, string>();
  for (const h of findTerms(text, glossary, language)) if (!seen.has(h.term)) seen.set(h.term, h.definition);
  return [...seen].map(([term, definition]) => ({ term, definition }));
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** The text as HTML with each defined term marked up as a <dfn> carrying its definition; all text escaped. */
export function markTerms(text: string, glossary: readonly GlossaryTerm[], language: string): string | null {
  const hits = findTerms(text, glossary, language);
  if (hits.length === 0) return null;
  let html = "";
  let at = 0;
  for (const h of hits) {
    html += escapeHtml(text.slice(at, h.start));
    html += `<dfn class="glossary-term" title="${escapeHtml(h.definition)}">${escapeHtml(h.text)}</dfn>`;
    at = h.end;
  }
  return html + escapeHtml(text.slice(at));
}
