import { describe, expect, it } from "vitest";
import { Model } from "survey-core";
import "survey-core/i18n/german";
import "survey-core/i18n/japanese";
import "survey-core/i18n/arabic";
import catalogueJson from "./catalogue.json";
import shortJson from "./templates/short-low-risk.json";
import fullJson from "./templates/full-security.json";
import deJson from "./locales/de.json";
import jaJson from "./locales/ja.json";
import arJson from "./locales/ar.json";
import {
  contentHash,
  getTemplate,
  loadCatalogue,
  loadLocales,
  loadTemplates,
  prepareLocales,
  prepareTemplate,
  unusedTranslations,
  validateLocaleTable,
  type LocaleTable,
} from "./loader";
import { negotiateLanguage, QUESTIONNAIRE_LANGUAGES, TRANSLATED_LANGUAGES } from "./languages";
import { isLocalisationMap, localisableStrings } from "./localise";
import { choiceValues, walkElements, type Json } from "./survey-walk";

const tables = () => structuredClone([deJson, jaJson, arJson]) as LocaleTable[];
const prepare = (data: unknown, locales: LocaleTable[]) => prepareTemplate(data, loadCatalogue(), { locales });

describe("shipped translations", () => {
  it("offer English, a second Latin-script language, one in a non-Latin script and one written right to left", () => {
    expect(QUESTIONNAIRE_LANGUAGES.map((l) => l.code)).toEqual(["en", "de", "ja", "ar"]);
    expect(loadLocales().map((t) => t.language)).toEqual(TRANSLATED_LANGUAGES);
    for (const t of loadTemplates()) expect(t.languages).toEqual(["en", "de", "ja", "ar"]);
  });

  it("cover every title, description, choice and button text of both templates in every language", () => {
    for (const t of loadTemplates()) {
      const strings = localisableStrings(t.survey as Json);
      expect(strings.length).toBeGreaterThan(t.id === "full-security" ? 300 : 60);
      for (const s of strings) {
        expect(isLocalisationMap(s.value), `${t.id} ${s.path}`).toBe(true);
        const map = s.value as Record<string, string>;
        for (const code of TRANSLATED_LANGUAGES) expect(map[code]?.trim(), `${t.id} ${s.path} (${code})`).toBeTruthy();
      }
      // the Japanese texts really are Japanese: every question title carries kana or kanji
      for (const q of walkElements(t.survey as Json).elements) {
        const title = q.element.title as Record<string, string> | undefined;
        if (title) {
          expect(title.ja, `${t.id} ${q.name}`).toMatch(/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u);
          // and the Arabic ones Arabic
          expect(title.ar, `${t.id} ${q.name}`).toMatch(/\p{Script=Arabic}/u);
        }
      }
    }
  });

  it("leave the choice values, names and rules untouched, so answers mean the same in every language", () => {
    for (const [raw, id] of [
      [fullJson, "full-security"],
      [shortJson, "short-low-risk"],
    ] as const) {
      const loaded = getTemplate(id)!;
      const before = walkElements(raw.survey as unknown as Json).elements;
      const after = walkElements(loaded.survey as Json).elements;
      expect(after.map((e) => [e.name, e.type, e.element.flowdown ?? null])).toEqual(
        before.map((e) => [e.name, e.type, e.element.flowdown ?? null]),
      );
      after.forEach((e, i) => expect(choiceValues(e.element)).toEqual(choiceValues(before[i].element)));
    }
  });

  it("are what survey-core shows when the survey's locale is set", () => {
    const model = new Model(getTemplate("short-low-risk")!.survey);
    const q = model.getQuestionByName("orgLegalName");
    expect(q.title).toBe("Legal name of your organisation");
    model.locale = "ja";
    expect(q.title).toBe("貴社の正式名称");
    expect(model.pageNextText).toBe("次へ"); // survey-core's own strings
    model.locale = "de";
    expect(q.title).toBe("Rechtlicher Name Ihrer Organisation");
    const tls = model.getQuestionByName("tlsMinimum");
    expect(tls.choices.map((c: { value: string; text: string }) => [c.value, c.text])).toContainEqual([
      "legacy",
      "TLS 1.1 oder älter, oder SSL",
    ]);
    model.locale = "ar";
    expect(q.title).toBe("الاسم القانوني لمنظمتكم");
    expect(model.pageNextText).toBe("التالي");
    // survey-core lays an Arabic survey out right to left (its root gets dir="rtl")
    expect(model.localeDir).toBe("rtl");
  });
});

describe("a missing or stale translation", () => {
  it("stops the template from loading, naming the text and the language", () => {
    const locales = tables();
    delete locales[1].strings["Legal name of your organisation"];
    expect(() => prepare(shortJson, locales)).toThrow(
      /pages\[0\]\.elements\[0\]\.title: no ja translation of "Legal name of your organisation"/,
    );
  });

  it("is reported when a template's English text changed and the old translation is left over", () => {
    const changed = structuredClone(shortJson) as { survey: { title: string } };
    changed.survey.title = "Supplier security questionnaire (short)";
    expect(() => prepare(changed, tables())).toThrow(
      /short-low-risk: title: no de translation of "Supplier security questionnaire \(short\)"/,
    );
    const stale = unusedTranslations(
      [changed, fullJson],
      tables().map((t) => ({ ...t, strings: { ...t.strings, "Supplier security questionnaire (short)": "x" } })),
    );
    expect(stale).toEqual([
      'locales/de.json translates "Supplier security questionnaire (short form)", which no template uses',
      'locales/ja.json translates "Supplier security questionnaire (short form)", which no template uses',
      'locales/ar.json translates "Supplier security questionnaire (short form)", which no template uses',
    ]);
    expect(unusedTranslations([shortJson, fullJson], tables())).toEqual([]);
  });

  it("is caught in a template that carries its own localisation maps", () => {
    const inline = structuredClone(shortJson) as { survey: { pages: { elements: { title: unknown }[] }[] } };
    inline.survey.pages[0].elements[0].title = { default: "Legal name of your organisation", de: "Rechtlicher Name" };
    expect(() => prepare(inline, tables())).toThrow(
      /pages\[0\]\.elements\[0\]\.title: the localised text has no ja translation/,
    );
  });

  it("and translation files that are malformed, drop placeholders, or are for a language not offered", () => {
    expect(validateLocaleTable({ language: "de", strings: { "Location {panelIndex}": "Standort" } }, "de")).toEqual([
      'locales/de.json: the translation of "Location {panelIndex}" must keep the placeholders {panelIndex}; it has none',
    ]);
    expect(validateLocaleTable({ language: "fr", strings: { Yes: " " } }, "de")).toEqual([
      'locales/de.json: "language" is "fr", expected "de"',
      'locales/de.json: the translation of "Yes" is empty',
    ]);
    expect(() => prepareLocales({ de: deJson })).toThrow(/locales\/ja\.json is missing/);
    expect(() => prepareLocales({ de: deJson, ja: jaJson, ar: arJson, fr: { language: "fr", strings: {} } })).toThrow(
      /locales\/fr\.json is for a language the portal does not offer/,
    );
  });
});

describe("the version of a translated template", () => {
  it("covers the translations: changing one changes the hash and the version tag", () => {
    const shipped = getTemplate("short-low-risk")!;
    expect(prepare(shortJson, tables()).versionTag).toBe(shipped.versionTag);
    expect(shipped.hash).toBe(contentHash({ ...shortJson, survey: shipped.survey }));
    const locales = tables();
    locales[1].strings["Legal name of your organisation"] = "貴社の登記上の名称";
    const changed = prepare(shortJson, locales);
    expect(changed.hash).not.toBe(shipped.hash);
    expect(changed.versionTag).toBe(`${shortJson.version}+${changed.hash}`);
    // without translations the file is the English-only template of earlier versions
    expect(prepareTemplate(shortJson, catalogueJson as never).languages).toEqual(["en"]);
  });
});

describe("the language offered first", () => {
  it("follows Accept-Language, with quality values and regional variants", () => {
    const all = ["en", "de", "ja"];
    expect(negotiateLanguage("ja-JP,ja;q=0.9,en-US;q=0.8", all)).toBe("ja");
    expect(negotiateLanguage("de-CH", all)).toBe("de");
    expect(negotiateLanguage("fr-FR,fr;q=0.9,de;q=0.5,en;q=0.4", all)).toBe("de");
    expect(negotiateLanguage("en;q=0.2,ja;q=0.8", all)).toBe("ja");
    expect(negotiateLanguage("fr", all)).toBe("en");
    expect(negotiateLanguage(null, all)).toBe("en");
    expect(negotiateLanguage("ja", ["en"])).toBe("en");
    expect(negotiateLanguage("ja;q=0", all)).toBe("en");
  });
});
