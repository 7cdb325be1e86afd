import { describe, expect, it } from "vitest";
import { compareNames, nameRanks, nameSearch } from "#app/i18n/collation";

describe("names as people write them", () => {
  const names = [
    "Kestrel Labs",
    "さくらデータ",
    "Zürich Secure AG",
    "Baltic Cloud OÜ",
    "Østfold Data",
    "ärzte-IT",
    "サクラ精工",
  ];

  it.each([
    ["kes", "en", ["Kestrel Labs"]],
    ["KESTREL", "de", ["Kestrel Labs"]],
    ["さく", "ja", ["さくらデータ", "サクラ精工"]],
    ["zurich", "en", ["Zürich Secure AG"]],
    ["zurich", "de", ["Zürich Secure AG"]],
    ["cloud", "en", ["Baltic Cloud OÜ"]],
    ["arzte", "de", ["ärzte-IT"]],
    ["it", "en", ["ärzte-IT"]],
    ["secure ag", "ar", ["Zürich Secure AG"]],
  ] as const)("finds %j in %s", (needle, locale, found) => {
    expect(names.filter(nameSearch(needle, locale))).toEqual(found);
  });

  it("does not match inside a word", () => {
    expect(names.filter(nameSearch("strel", "en"))).toEqual([]);
    expect(names.filter(nameSearch("rich", "de"))).toEqual([]);
  });

  it("treats ß and ss alike", () => {
    expect(["Straßenbau GmbH"].filter(nameSearch("strasse", "de"))).toEqual(["Straßenbau GmbH"]);
  });

  it("sorts by the reader's alphabet, digits as numbers, accents after their letter", () => {
    const sorted = ["Zeta", "Lab 10", "Ärger", "Lab 9", "Apfel", "zeta"].sort(compareNames("de"));
    expect(sorted).toEqual(["Apfel", "Ärger", "Lab 9", "Lab 10", "zeta", "Zeta"]);
    // a code-point sort would put "Zeta" before "zeta" and "Ärger" last
    expect(["Zeta", "Ärger", "Apfel"].sort()).toEqual(["Apfel", "Zeta", "Ärger"]);
  });

  it("sorts Swedish å, ä, ö after z for a reader whose language does (not for a German one)", () => {
    // the portal speaks en/de/ja/ar; the collator still follows each language's rules
    expect(["Ö", "Z", "O"].sort(compareNames("de"))).toEqual(["O", "Ö", "Z"]);
  });

  it("ranks each distinct name once, in the reader's order", () => {
    const ranks = nameRanks(["b", "Á", "a", "b"], "en");
    expect([...ranks.entries()]).toEqual([
      ["a", 0],
      ["Á", 1],
      ["b", 2],
    ]);
  });
});
