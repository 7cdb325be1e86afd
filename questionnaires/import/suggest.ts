/**
 * Requirement suggestions for an imported question: the words of its text
 * and of its section against the words of each catalogue requirement
 * (title, category, description, expected evidence). Plain word overlap,
 * with words that many requirements share counting less and a few common
 * security abbreviations spelled out. Pure and deterministic.
 */
import type { CatalogueRequirement } from "#questionnaires/types";

const STOP_WORDS = new Set(
  (
    "a an the and or of to in on for by with without within from at as is are be been being do does did done " +
    "you your yours we our us they their them it its this that these those there here which who whom what when " +
    "where how why any all each every some such other than then into onto over under about after before " +
    "has have had having not no yes can could should would will shall may might must per via also only more " +
    "most least please describe explain provide list state whether if so e g i ie eg etc use used using " +
    // words every supplier questionnaire uses, whatever it asks about
    "name company organisation organization business"
  ).split(" "),
);

/** Abbreviations and wordings questionnaires use, in the catalogue's words. */
const SYNONYMS: Record<string, string> = {
  mfa: "multi factor authentication",
  "2fa": "multi factor authentication",
  otp: "multi factor authentication",
  tls: "encryption transit",
  ssl: "encryption transit",
  https: "encryption transit",
  vpn: "encryption transit remote access",
  aes: "encryption rest",
  kms: "cryptographic key management",
  hsm: "cryptographic key management",
  pentest: "penetration testing",
  nda: "confidentiality agreement",
  ndas: "confidentiality agreement",
  breach: "breach incident notification",
  sdlc: "secure development lifecycle",
  siem: "logging monitoring",
  backup: "backups",
  subcontractor: "sub processors",
  subcontractors: "sub processors",
  subprocessor: "sub processors",
  subprocessors: "sub processors",
  vendor: "sub processors",
  vendors: "sub processors",
  iso: "certification",
  soc: "certification audit",
  patch: "remediation vulnerabilities",
  patching: "remediation vulnerabilities",
  antivirus: "malware protection",
  background: "screening",
  offboarding: "revocation access leavers",
  onboarding: "screening",
  delete: "destruction",
  deletion: "destruction",
  wipe: "destruction",
  subpoena: "compelled disclosure",
  datacenter: "location",
  datacentre: "location",
  hosted: "location",
  country: "location jurisdictions",
  countries: "location jurisdictions",
};

/** Two words match when equal, or when both are long and share their first five letters (encrypt, encryption). */
function same(a: string, b: string): boolean {
  if (a === b) return true;
  return a.length >= 5 && b.length >= 5 && a.slice(0, 5) === b.slice(0, 5);
}

export function words(text: string): string[] {
  const out: string[] = [];
  const raw = text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/<[^>]*>/g, " ")
    .split(/[^a-z0-9]+/);
  for (const w of raw) {
    if (!w || STOP_WORDS.has(w) || (w.length < 3 && !SYNONYMS[w])) continue;
    const expanded = SYNONYMS[w];
    if (expanded) out.push(...expanded.split(" "));
    out.push(w.length > 4 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w);
  }
  return out;
}

interface IndexedRequirement {
  id: string;
  /** word → weight: title 3, category 2, description and evidence 1 */
  weights: Map<string, number>;
}

export type RequirementSuggester = (question: { title: string; section?: string }, limit?: number) => string[];

/**
 * A function that suggests, for a question, up to `limit` (default 3)
 * requirement ids, best first; none when nothing overlaps enough.
 */
export function suggestRequirements(requirements: readonly CatalogueRequirement[]): RequirementSuggester {
  const indexed: IndexedRequirement[] = requirements.map((r) => {
    const weights = new Map<string, number>();
    const add = (text: string, weight: number) => {
      for (const w of words(text)) weights.set(w, Math.max(weights.get(w) ?? 0, weight));
    };
    add(r.description, 1);
    add(r.evidence.join(" "), 1);
    add(r.category.replace(/-/g, " "), 2);
    add(r.title, 3);
    return { id: r.id, weights };
  });
  // words most requirements have (information, supplier, ...) tell little
  const df = new Map<string, number>();
  for (const r of indexed) for (const w of r.weights.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const n = indexed.length;
  const idf = (w: string) => Math.log((n + 1) / ((df.get(w) ?? 0) + 1)) + 0.1;

  const scoreOf = (r: IndexedRequirement, questionWords: Set<string>, factor: number) => {
    let score = 0;
    for (const q of questionWords) {
      let best = 0;
      let bestWord = "";
      for (const [w, weight] of r.weights)
        if (weight > best && same(q, w)) {
          best = weight;
          bestWord = w;
        }
      if (best) score += best * idf(bestWord) * factor;
    }
    return score;
  };

  return (question, limit = 3) => {
    const own = new Set(words(question.title));
    const section = new Set(words(question.section ?? "").filter((w) => !own.has(w)));
    if (own.size === 0 && section.size === 0) return [];
    const scored = indexed
      .map((r) => ({ id: r.id, score: scoreOf(r, own, 1) + scoreOf(r, section, 0.5) }))
      // one word of a description alone is not enough
      .filter((s) => s.score >= 4)
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    if (scored.length === 0) return [];
    const best = scored[0].score;
    return scored
      .filter((s) => s.score >= best * 0.5)
      .slice(0, limit)
      .map((s) => s.id);
  };
}
