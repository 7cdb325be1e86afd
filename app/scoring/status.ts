/** Wording shared by the modules that explain a status. */
import { said, type Said } from "./said";
import type { RequirementStatus } from "./types";

export const STATUS_LABELS: Record<RequirementStatus, string> = {
  met: "met",
  partially_met: "partially met",
  not_met: "not met",
  not_answered: "not answered",
};

export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

/** Letters whose names start with a vowel sound: "an FBI", "an ISO", "an SOC 2". */
const VOWEL_SOUND_LETTERS = new Set("AEFHILMNORSX");
/** Words that start with a vowel letter but a consonant sound, and the reverse. */
const CONSONANT_SOUND = /^(uni|use|usu|ura|eu|ewe|one|once)/i;
const VOWEL_SOUND = /^(hour|honest|honou?r|heir)/i;

/**
 * "a" or "an" by how the next word sounds, not how it is spelt. An acronym
 * ("ISO", "SOC", "BSI") takes the article of its first letter's name: "an
 * ISO/IEC 27001 certificate", "an SOC 2 report", "a BSI certificate".
 */
export function indefiniteArticle(next: string): "a" | "an" {
  const word = next.trim();
  const first = word.match(/[\p{L}\p{N}]+/u)?.[0] ?? "";
  if (first === "") return "a";
  if (/^\d/.test(first)) return /^(8|11|18|80)/.test(first) ? "an" : "a";
  const isAcronym = first.length > 1 && first === first.toUpperCase() && /\p{Lu}/u.test(first);
  if (isAcronym) return VOWEL_SOUND_LETTERS.has(first[0]) ? "an" : "a";
  if (VOWEL_SOUND.test(first)) return "an";
  if (CONSONANT_SOUND.test(first)) return "a";
  return /^[aeiou]/i.test(first) ? "an" : "a";
}

/** "an ISO/IEC 27001:2022 certificate", "a certificate". */
export function withArticle(phrase: string): string {
  return `${indefiniteArticle(phrase)} ${phrase}`;
}

/** "FD-ACC-02 Access reviews": a requirement as the reasons name it. */
export function requirementName(id: string, title: string | undefined): string {
  return title && title.trim() !== "" ? `${id} ${title}` : id;
}

/** A status as a word inside a sentence ("met", "partially met"). */
export function statusWord(status: RequirementStatus): Said {
  return said(`scoring.status.${status}`);
}
