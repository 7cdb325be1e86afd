import { describe, expect, it } from "vitest";
import { DEFAULT_GLOSSARY, type GlossaryTerm } from "#models/glossary";
import { renderAgreementReport } from "./agreement-report";
import { renderAssessmentReport } from "./assessment-report";
import { getFont } from "./fonts";
import { compact, pageTexts, renderToBuffer } from "#tests/helpers/pdf";
import { agreementFixture, assessmentFixture } from "#tests/fixtures/reports";
import { reportGlossary } from "./view";

const glossary: GlossaryTerm[] = [
  ...DEFAULT_GLOSSARY.slice(0, 3),
  // a term agreed in English and German only: no Japanese line is printed for it
  {
    term: { en: "Clean room", de: "Reinraum" },
    definition: {
      en: "A segregated workspace for the disclosed source code.",
      de: "Ein abgetrennter Arbeitsbereich für den offengelegten Quellcode.",
    },
  },
];

/** The text of the pages from the annex's heading on. */
async function annexText(pdf: Buffer): Promise<string> {
  const pages = await pageTexts(pdf);
  const start = pages.findIndex((p) => compact(p).includes(compact("Annex: glossary")));
  expect(start, "the annex heading").toBeGreaterThan(0);
  return compact(pages.slice(start).join("\n"));
}

describe("the glossary annex of the reports", () => {
  it("lists each term with its English definition and the agreed German and Japanese ones, in the assessment report", async () => {
    const pdf = await renderToBuffer(renderAssessmentReport, assessmentFixture({ glossary: reportGlossary(glossary) }));
    const annex = await annexText(pdf);
    for (const g of glossary) {
      expect(annex).toContain(compact(g.term.en));
      expect(annex).toContain(compact(g.definition.en));
      expect(annex).toContain(compact(`Deutsch: ${g.term.de}`));
      expect(annex).toContain(compact(g.definition.de!));
    }
    // the non-Latin definitions come out as the same characters (Japanese kana and kanji)
    expect(annex).toContain(compact(`日本語: ${DEFAULT_GLOSSARY[0].term.ja}`));
    expect(annex).toContain(compact(DEFAULT_GLOSSARY[0].definition.ja!));
    expect(annex).toContain(compact(DEFAULT_GLOSSARY[2].definition.ja!));
    expect(annex).not.toContain(compact("日本語: Clean room"));
    // the annex comes before the verification block, which stays last
    expect(annex.indexOf(compact("Annex: glossary"))).toBeLessThan(annex.indexOf("Verification"));
  });

  it("is printed in the agreement report too, and left out when the agreement has no glossary", async () => {
    const withGlossary = await annexText(
      await renderToBuffer(renderAgreementReport, {
        ...agreementFixture(),
        glossary: reportGlossary(DEFAULT_GLOSSARY),
      }),
    );
    for (const g of DEFAULT_GLOSSARY) {
      expect(withGlossary).toContain(compact(g.term.en));
      expect(withGlossary).toContain(compact(g.definition.ja!));
    }
    const without = (
      await pageTexts(
        await renderToBuffer(renderAgreementReport, { ...agreementFixture(), glossary: reportGlossary([]) }),
      )
    ).join("\n");
    expect(compact(without)).not.toContain(compact("Annex: glossary"));
  });

  it("has a font for every character of the Japanese glossary (kana included)", () => {
    const text = DEFAULT_GLOSSARY.flatMap((g) => [g.term.ja!, g.definition.ja!]).join("");
    const drawable = (ch: string) =>
      [getFont("regular"), getFont("cjk")].some((f) => f.hasGlyphForCodePoint(ch.codePointAt(0)!));
    const missing = [...new Set(text)].filter((ch) => !drawable(ch));
    expect(missing).toEqual([]);
  });
});
