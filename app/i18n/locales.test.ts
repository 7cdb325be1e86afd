import { describe, expect, it } from "vitest";
import { negotiateLocale, textDirection } from "#app/i18n/locales";

describe("the first guess at a new visitor's language", () => {
  it.each([
    ["ar-EG,ar;q=0.9,en;q=0.5", "ar"],
    ["de-CH", "de"],
    ["fr-FR,ja;q=0.8,en;q=0.7", "ja"],
    ["en;q=0.2,de;q=0.9", "de"],
    ["ko-KR", "en"],
    ["", "en"],
    [null, "en"],
    ["*", "en"],
  ])("reads %j as %s", (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });

  it("lays Arabic out right to left, the others left to right", () => {
    expect(["en", "de", "ja", "ar"].map((l) => textDirection(l as never))).toEqual(["ltr", "ltr", "ltr", "rtl"]);
  });
});
