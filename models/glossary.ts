/**
 * An agreement's glossary: the defined terms its suppliers meet in the
 * questionnaire, each with the definition the parties agreed, per language.
 * English is required; other languages fall back to it. Plain data, shared
 * by the model, the form, the questionnaire page and the reports.
 */
import { QUESTIONNAIRE_LANGUAGES, type LanguageCode } from "#questionnaires/languages";

export type Localised = { en: string } & Partial<Record<LanguageCode, string>>;

export interface GlossaryTerm {
  term: Localised;
  definition: Localised;
}

export const GLOSSARY_LANGUAGES: readonly LanguageCode[] = QUESTIONNAIRE_LANGUAGES.map((l) => l.code);
export const MAX_GLOSSARY_ENTRIES = 40;
export const MAX_TERM_LENGTH = 80;
export const MAX_DEFINITION_LENGTH = 1000;

/** The text in a language, else the English one. */
export function inLanguage(text: Localised, language: string): string {
  const value = (text as Record<string, string | undefined>)[language];
  return value && value.trim() ? value : text.en;
}

/** Terms offered when an agreement is created (from the portal's domain glossary); procurement edits them to match the agreement's wording. */
export const DEFAULT_GLOSSARY: GlossaryTerm[] = [
  {
    term: { en: "Confidential Information", de: "Vertrauliche Informationen", ja: "秘密情報" },
    definition: {
      en: "All information the disclosing party shares under the agreement, in any form, except what the agreement excludes (public domain, already known, independently developed).",
      de: "Alle Informationen, die die offenlegende Partei im Rahmen der Vereinbarung in beliebiger Form weitergibt, mit Ausnahme dessen, was die Vereinbarung ausnimmt (allgemein bekannt, bereits bekannt, unabhängig entwickelt).",
      ja: "開示当事者が本契約に基づき形式を問わず提供するすべての情報。ただし、本契約が除外するもの（公知の情報、既知の情報、独自に開発された情報）を除く。",
    },
  },
  {
    term: { en: "Disclosing party", de: "Offenlegende Partei", ja: "開示当事者" },
    definition: {
      en: "The owner of the Confidential Information, who shares it under the agreement.",
      de: "Die Inhaberin der Vertraulichen Informationen, die diese im Rahmen der Vereinbarung weitergibt.",
      ja: "秘密情報の保有者であり、本契約に基づきそれを提供する当事者。",
    },
  },
  {
    term: { en: "Recipient", de: "Empfänger", ja: "受領者" },
    definition: {
      en: "The party receiving the Confidential Information under the agreement; it must impose the agreement's obligations on its subcontractors.",
      de: "Die Partei, die die Vertraulichen Informationen im Rahmen der Vereinbarung erhält; sie muss die Pflichten der Vereinbarung an ihre Unterauftragnehmer weitergeben.",
      ja: "本契約に基づき秘密情報を受領する当事者。本契約上の義務を自らの再委託先にも課さなければならない。",
    },
  },
  {
    term: { en: "Permitted recipients", de: "Zugelassene Empfänger", ja: "許可された受領者" },
    definition: {
      en: "The people and organisations allowed to receive a given class of information, and no one else.",
      de: "Die Personen und Organisationen, die eine bestimmte Informationsklasse erhalten dürfen, und niemand sonst.",
      ja: "特定の区分の情報を受領することが認められた個人および組織。それ以外の者は受領できない。",
    },
  },
  {
    term: { en: "Purpose limitation", de: "Zweckbindung", ja: "目的外使用の禁止" },
    definition: {
      en: "The Confidential Information may be used only for the purpose the agreement states (evaluation, testing or integration).",
      de: "Die Vertraulichen Informationen dürfen nur für den in der Vereinbarung genannten Zweck verwendet werden (Bewertung, Test oder Integration).",
      ja: "秘密情報は、本契約に定める目的（評価、試験または統合）にのみ使用できる。",
    },
  },
  {
    term: { en: "Return or destroy", de: "Rückgabe oder Vernichtung", ja: "返還または破棄" },
    definition: {
      en: "The obligation to give back or securely delete the Confidential Information, including copies and backups, at a milestone or at termination, by the agreed deadline.",
      de: "Die Pflicht, die Vertraulichen Informationen einschließlich Kopien und Datensicherungen bei einem Meilenstein oder bei Beendigung fristgerecht zurückzugeben oder sicher zu löschen.",
      ja: "マイルストーン到達時または契約終了時に、合意した期限までに、複製およびバックアップを含む秘密情報を返却し、または安全に消去する義務。",
    },
  },
  {
    term: { en: "Survival period", de: "Fortgeltungsdauer", ja: "存続期間" },
    definition: {
      en: "How long the confidentiality obligations last after the agreement ends.",
      de: "Wie lange die Vertraulichkeitspflichten nach dem Ende der Vereinbarung fortgelten.",
      ja: "本契約の終了後も秘密保持義務が継続する期間。",
    },
  },
  {
    term: { en: "Compelled disclosure", de: "Erzwungene Offenlegung", ja: "強制開示" },
    definition: {
      en: "A disclosure forced by a court or regulator; where lawful, the party must notify the other party first and seek a protective order.",
      de: "Eine von einem Gericht oder einer Behörde erzwungene Offenlegung; soweit rechtlich zulässig, muss die Partei zuvor die andere Partei benachrichtigen und eine Schutzanordnung beantragen.",
      ja: "裁判所または規制当局によって強制される開示。法令上認められる場合、当事者は事前に相手方へ通知し、保護命令を求めなければならない。",
    },
  },
  {
    term: { en: "Flow-down", de: "Flow-down", ja: "フローダウン" },
    definition: {
      en: "Contract terms the recipient must impose, equivalently, on its subcontractors, and they in turn on theirs.",
      de: "Vertragsbedingungen, die der Empfänger gleichwertig an seine Unterauftragnehmer weitergeben muss, und diese wiederum an ihre.",
      ja: "受領者が自らの再委託先に同等の内容で課さなければならない契約条件。再委託先はさらにその委託先に同様に課す。",
    },
  },
  {
    term: { en: "Standard contractual clauses", de: "Standardvertragsklauseln", ja: "標準契約条項" },
    definition: {
      en: "Model clauses adopted by the European Commission as a legal mechanism for transferring personal data out of the EU.",
      de: "Von der Europäischen Kommission erlassene Musterklauseln als rechtliche Grundlage für die Übermittlung personenbezogener Daten aus der EU.",
      ja: "EU域外への個人データの移転の法的根拠として欧州委員会が採択したひな形条項。",
    },
  },
];
