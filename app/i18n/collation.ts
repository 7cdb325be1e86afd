import type { Locale } from "#app/i18n/locales";

/**
 * Names as people write them (docs/decisions/013-portal-languages.md):
 * suppliers are sorted and searched with the reader's language's collation
 * (Intl.Collator), not by code points. Sorting ignores case and accents
 * unless they are all that differ, and reads digits as numbers ("Lab 9"
 * before "Lab 10"); search ignores case, accents and the kana a word is
 * written in ("zurich" finds "Zürich", "さく" finds "サクラ").
 */
const collators = new Map<string, Intl.Collator>();

function collator(locale: Locale, usage: "sort" | "search"): Intl.Collator {
  const key = `${locale}|${usage}`;
  let found = collators.get(key);
  if (!found) {
    found =
      usage === "sort"
        ? new Intl.Collator(locale, { usage, sensitivity: "variant", numeric: true })
        : // the language's own order at its base letters: some "search" tailorings read ü as ue (German), which would miss "zurich"
          new Intl.Collator(locale, { sensitivity: "base", ignorePunctuation: true });
    collators.set(key, found);
  }
  return found;
}

/** Compares two names in the reader's order. */
export function compareNames(locale: Locale): (a: string, b: string) => number {
  return collator(locale, "sort").compare;
}

/**
 * Each distinct name's place in the reader's order: sorting many rows by a
 * number is cheap, comparing their names with a collator is not, and many
 * rows share a name (a supplier's assessments).
 */
export function nameRanks(names: Iterable<string>, locale: Locale): Map<string, number> {
  const distinct = [...new Set(names)].sort(compareNames(locale));
  return new Map(distinct.map((name, rank) => [name, rank]));
}

const WORD_START = /[\s\-‐/&,.()（）・「」『』]+/gu;

/** Where the words of a name start: search matches from the start of any of them ("cloud" finds "Baltic Cloud"). */
function wordStarts(name: string): number[] {
  const starts = [0];
  for (const match of name.matchAll(WORD_START)) starts.push(match.index + match[0].length);
  return starts;
}

/**
 * A search for names: does the needle match the start of the name or of one
 * of its words, as the reader's language compares letters? A candidate is
 * tried one character shorter and longer than the needle as well, for
 * letters that are one character in one spelling and two in the other
 * ("ß" and "ss").
 */
export function nameSearch(needle: string, locale: Locale): (name: string) => boolean {
  const wanted = needle.normalize("NFC").trim();
  if (!wanted) return () => true;
  const { compare } = collator(locale, "search");
  const lengths = [wanted.length, wanted.length - 1, wanted.length + 1].filter((n) => n > 0);
  return (name) => {
    const text = name.normalize("NFC");
    for (const start of wordStarts(text))
      for (const length of lengths) if (compare(text.slice(start, start + length), wanted) === 0) return true;
    return false;
  };
}
