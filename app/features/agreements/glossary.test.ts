import { describe, expect, it } from "vitest";
import { DEFAULT_GLOSSARY, inLanguage, type GlossaryTerm } from "#models/glossary";
import { findTerms, markTerms, termsUsed } from "./glossary";

describe("defined terms in question texts", () => {
  it("are found whatever the case, in plural and inflected forms, as whole words only", () => {
    const en = termsUsed(
      "Who approves adding a person to the permitted recipients? Is the Confidential Information encrypted?",
      DEFAULT_GLOSSARY,
      "en",
    );
    expect(en.map((t) => t.term)).toEqual(["Permitted recipients", "Confidential Information"]);
    // German case endings: "der Vertraulichen Informationen"
    const de = termsUsed(
      "Werden die Vertraulichen Informationen verschlüsselt, und wer sind die zugelassenen Empfänger?",
      DEFAULT_GLOSSARY,
      "de",
    );
    expect(de.map((t) => t.term)).toEqual(["Vertrauliche Informationen", "Zugelassene Empfänger"]);
    expect(de[0].definition).toBe(DEFAULT_GLOSSARY[0].definition.de);
    expect(termsUsed("A recipientless text about informational things", DEFAULT_GLOSSARY, "en")).toEqual([]);
  });

  it("are found in Japanese without word spaces, the longest term first", () => {
    const hits = findTerms("許可された受領者に秘密情報の返還または破棄を求めますか？", DEFAULT_GLOSSARY, "ja");
    expect(hits.map((h) => h.text)).toEqual(["許可された受領者", "秘密情報", "返還または破棄"]);
    expect(hits[1].definition).toBe(DEFAULT_GLOSSARY[0].definition.ja);
  });

  it("fall back to English where a term has no translation", () => {
    const glossary: GlossaryTerm[] = [{ term: { en: "Clean room" }, definition: { en: "A segregated workspace." } }];
    expect(inLanguage(glossary[0].definition, "ja")).toBe("A segregated workspace.");
    expect(termsUsed("Is work done in a clean room?", glossary, "de")).toEqual([
      { term: "Clean room", definition: "A segregated workspace." },
    ]);
  });

  it("are marked up with every text escaped, so a definition cannot inject markup", () => {
    const glossary: GlossaryTerm[] = [
      { term: { en: "Know-how" }, definition: { en: '"><img src=x onerror=alert(1)> & more' } },
    ];
    const html = markTerms("Is <b>know-how</b> & derived work covered?", glossary, "en");
    expect(html).toBe(
      'Is &lt;b&gt;<dfn class="glossary-term" title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; more">know-how</dfn>&lt;/b&gt; &amp; derived work covered?',
    );
    expect(markTerms("Nothing defined here", glossary, "en")).toBeNull();
  });
});
