/**
 * The scoring engine's reasons (`app/scoring/said.ts`) said in a reader's
 * language: on the pages (by the loaders, in the request's language) and in
 * the PDF reports (in the report's language), from the same stored result,
 * so the screen and the PDF say the same thing.
 *
 * Questionnaire and catalogue texts inside a reason (question titles,
 * choices, parameter labels, requirement titles) are looked up in the
 * questionnaire's and the catalogue's translations; a text they do not hold
 * (an imported questionnaire's own wording, a title from an older catalogue)
 * is said as it was stored. A reason stored as an English sentence (results
 * computed before reasons were messages) is shown as it is.
 */
import { formatDay, formatMoment } from "#app/i18n/format";
import type { Locale } from "#app/i18n/locales";
import { say } from "#app/i18n/messages.server";
import { catalogueFor, loadCatalogue, loadLocales, requirementTitle } from "#questionnaires/loader";
import type {
  Reason,
  SaidValue,
  SpokenChain,
  SpokenClearance,
  SpokenFinding,
  SpokenLink,
  SpokenRequirement,
  SpokenResult,
} from "#app/scoring/said";
import type {
  ChainLinkResult,
  ChainResult,
  PhaseClearance,
  CertificationFinding,
  RequirementResult,
  ScoringResult,
} from "#app/scoring/types";

/** A parameter label without its unit in brackets, as reasons name it ("… (hours)" → "…"). */
function withoutUnit(label: string): string {
  return label.replace(/\s*[(（][^()（）]*[)）]\s*$/u, "").trim();
}

const sourceTexts = new Map<Locale, Map<string, string>>();

/** English questionnaire and catalogue text → the same text in `locale`. */
function textsIn(locale: Locale): Map<string, string> {
  let map = sourceTexts.get(locale);
  if (map) return map;
  map = new Map();
  if (locale !== "en") {
    const english = loadCatalogue();
    const local = catalogueFor(locale);
    for (const requirement of english.requirements) {
      const translated = local.byId.get(requirement.id);
      if (!translated) continue;
      map.set(requirement.title, translated.title);
      for (const spec of requirement.parameters) {
        const label = translated.parameters.find((p) => p.key === spec.key)?.label;
        if (!label) continue;
        map.set(spec.label, label);
        map.set(withoutUnit(spec.label), withoutUnit(label));
      }
    }
    // the questionnaire's own translations win: a question may word a label differently
    for (const [from, to] of Object.entries(loadLocales().find((t) => t.language === locale)?.strings ?? {}))
      map.set(from, to);
  }
  sourceTexts.set(locale, map);
  return map;
}

const LIST_TYPE = { and: "conjunction", or: "disjunction", unit: "unit" } as const;

function sayValue(locale: Locale, value: SaidValue): string | number {
  if (typeof value === "string" || typeof value === "number") return value;
  if ("id" in value) return sayReason(locale, value);
  if ("text" in value) return textsIn(locale).get(value.text) ?? value.text;
  if ("requirement" in value) {
    const title = value.title ? requirementTitle(value.requirement, value.title, locale) : "";
    return title ? `${value.requirement} ${title}` : value.requirement;
  }
  if ("country" in value) {
    try {
      return new Intl.DisplayNames([locale], { type: "region", fallback: "code" }).of(value.country) ?? value.country;
    } catch {
      return value.country;
    }
  }
  if ("moment" in value)
    return Number.isNaN(Date.parse(value.moment)) ? value.moment : formatMoment(locale, value.moment);
  if ("date" in value) return /^\d{4}-\d{2}-\d{2}$/.test(value.date) ? formatDay(locale, value.date) : value.date;
  const items = value.list.map((item) => String(sayValue(locale, item)));
  if (value.style === "semicolon") return items.join(locale === "ja" ? "；" : locale === "ar" ? "؛ " : "; ");
  // Intl's "unit" lists in Japanese are separated by spaces, which reads as one word: use the enumeration comma
  if (value.style === "unit" && locale === "ja") return items.join("、");
  return new Intl.ListFormat(locale, { type: LIST_TYPE[value.style ?? "and"], style: "long" }).format(items);
}

/** One reason in `locale`. */
export function sayReason(locale: Locale, reason: Reason): string {
  if (typeof reason === "string") return reason;
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(reason.values ?? {})) values[key] = sayValue(locale, value);
  return say({ id: reason.id, values }, locale);
}

/** Each reason in `locale`. */
export function sayReasons(locale: Locale, reasons: readonly Reason[] | undefined | null): string[] {
  return (reasons ?? []).map((reason) => sayReason(locale, reason));
}

/** The reasons in English, the source language: for logs, audit records and tests. */
export function inEnglish(reasons: readonly Reason[] | Reason): string {
  return (Array.isArray(reasons) ? reasons : [reasons]).map((r: Reason) => sayReason("en", r)).join(" ");
}

export type {
  Reason,
  Said,
  SpokenAnswer,
  SpokenChain,
  SpokenClearance,
  SpokenFinding,
  SpokenIssue,
  SpokenLink,
  SpokenRequirement,
  SpokenResult,
} from "#app/scoring/said";

export function sayRequirement(locale: Locale, requirement: RequirementResult): SpokenRequirement {
  return {
    ...requirement,
    reasons: sayReasons(locale, requirement.reasons),
    answers: (requirement.answers ?? []).map((a) => ({ ...a, reason: sayReason(locale, a.reason) })),
  };
}

export function sayFinding(locale: Locale, finding: CertificationFinding): SpokenFinding {
  const { issues, ...rest } = finding;
  const spoken: SpokenFinding = { ...rest, findings: sayReasons(locale, finding.findings) };
  if (issues)
    spoken.issues = issues.map((i) => ({ ...i, name: sayReason(locale, i.name), detail: sayReason(locale, i.detail) }));
  return spoken;
}

/** Every reason of a result in `locale`; everything else as stored. */
export function sayResult(locale: Locale, result: ScoringResult): SpokenResult {
  return {
    ...result,
    riskReasons: sayReasons(locale, result.riskReasons),
    requirements: result.requirements.map((r) => sayRequirement(locale, r)),
    certifications: (result.certifications ?? []).map((c) => sayFinding(locale, c)),
  };
}

export function sayLink(locale: Locale, link: ChainLinkResult): SpokenLink {
  return { ...link, reasons: sayReasons(locale, link.reasons) };
}

export function sayChain(locale: Locale, chain: ChainResult): SpokenChain {
  return { ...chain, links: chain.links.map((l) => sayLink(locale, l)), errors: sayReasons(locale, chain.errors) };
}

export function sayClearance(locale: Locale, clearance: PhaseClearance): SpokenClearance {
  return { ...clearance, reasons: sayReasons(locale, clearance.reasons) };
}
