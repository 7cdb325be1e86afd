import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { CATALOGUE, NAMESPACES } from "#app/i18n/catalogue";
import { LOCALES, SOURCE_LOCALE } from "#app/i18n/locales";

/** The ICU arguments a message names (plural and select included), sorted. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type !== TYPE.literal && element.type !== TYPE.pound && "value" in element)
      into.add(String(element.value));
    if (element.type === TYPE.tag) argumentsOf(element.children, into);
    if ("options" in element)
      for (const option of Object.values(element.options))
        argumentsOf((option as { value: MessageFormatElement[] }).value, into);
  }
  return into;
}

/** Text with no words of its own to translate: the brand and formats' names, numbers, punctuation, arguments. */
const UNTRANSLATABLE = /\{[^}]*\}|<\/?\w+>|Flowdown|SHA-256|UTC|PDF|CSV|XLSX|ISO\/IEC 27001|FD-[A-Z]+|[^\p{L}]/gu;

/** Arguments a translation leaves out on purpose: an English field label, which the other languages do not repeat. */
const MAY_OMIT: Record<string, string[]> = { "common.limit.tooLong": ["label"] };

describe("the message catalogue", () => {
  it("keeps every key in its namespace", () => {
    const misplaced = Object.entries(NAMESPACES).flatMap(([namespace, messages]) =>
      Object.keys(messages).filter((id) => !id.startsWith(`${namespace}.`)),
    );
    expect(misplaced).toEqual([]);
  });

  it("has every message in every language, none of them empty", () => {
    const missing = Object.entries(CATALOGUE).flatMap(([id, entry]) =>
      LOCALES.filter((locale) => !(entry as Record<string, string>)[locale]?.trim()).map(
        (locale) => `${id} (${locale})`,
      ),
    );
    expect(missing).toEqual([]);
  });

  it("parses every message as ICU and names the same arguments in every language", () => {
    const problems: string[] = [];
    for (const [id, entry] of Object.entries(CATALOGUE)) {
      const source = [...argumentsOf(parse((entry as Record<string, string>)[SOURCE_LOCALE]))].sort();
      for (const locale of LOCALES) {
        try {
          const args = [...argumentsOf(parse((entry as Record<string, string>)[locale]))].sort();
          const expected = locale === SOURCE_LOCALE ? source : source.filter((a) => !MAY_OMIT[id]?.includes(a));
          if (args.join() !== expected.join()) problems.push(`${id} (${locale}): ${args.join()} ≠ ${expected.join()}`);
        } catch (error) {
          problems.push(`${id} (${locale}): ${(error as Error).message}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("translates every message that has words: Japanese and Arabic never repeat the English", () => {
    const untranslated = Object.entries(CATALOGUE).flatMap(([id, entry]) => {
      const { en, ja, ar } = entry as Record<string, string>;
      if (!en.replace(UNTRANSLATABLE, "")) return [];
      return [ja === en ? `${id} (ja)` : null, ar === en ? `${id} (ar)` : null].filter(Boolean);
    });
    expect(untranslated).toEqual([]);
  });
});
