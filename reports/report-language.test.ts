import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "#app/i18n/catalogue";
import { renderAgreementReport } from "./agreement-report";
import { renderAssessmentReport } from "./assessment-report";
import { tIn } from "#app/i18n/messages.server";
import type { Locale } from "#app/i18n/locales";
import { compact, drawnText, pageTexts, renderToBuffer } from "#tests/helpers/pdf";
import { agreementFixture, assessmentFixture } from "#tests/fixtures/reports";

/** The reports' own words follow `language`; the data (names, titles, reasons) stays as written. */
const assessment = (language: Locale) => renderToBuffer(renderAssessmentReport, assessmentFixture({ language }));
const agreement = (language: Locale) => renderToBuffer(renderAgreementReport, { ...agreementFixture(), language });

/** A right-to-left line as drawn, read back in logical order: its glyphs reversed. */
const readRtl = (glyphs: string[]) => [...glyphs].reverse().join("");

describe("report language", () => {
  it("names only messages the catalogue has (reports/ cannot import it to check them at compile time)", () => {
    const dir = new URL(".", import.meta.url);
    const sources = readdirSync(dir)
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .map((f) => readFileSync(new URL(f, dir), "utf8"))
      .join("\n");
    const ids = [...sources.matchAll(/"((?:pdf|labels)\.[\w.-]+)"/g)].map((m) => m[1]);
    const prefixes = [...sources.matchAll(/`((?:pdf|labels)\.[\w.-]+\.)\$\{/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(150);
    expect(ids.filter((id) => !Object.hasOwn(CATALOGUE, id))).toEqual([]);
    expect(prefixes.filter((p) => !Object.keys(CATALOGUE).some((id) => id.startsWith(p)))).toEqual([]);
  });

  it("prints the assessment report's labels, headings, dates and footer in German", async () => {
    const pages = await pageTexts(await assessment("de"));
    const text = pages.join("\n");
    for (const label of [
      "LIEFERANT",
      "BEWERTUNGSSTATUS",
      "Zusammenfassung",
      "RISIKOEINSTUFUNG",
      "Anforderungen im Detail",
      "Übersteuerungen",
      "Zertifizierungen",
      "Nachbesserung",
      "Verlauf der Bewertung",
      "Diesen Bericht prüfen",
    ])
      expect(text, label).toContain(label);
    expect(pages[0]).toMatch(new RegExp(`Seite 1 von ${pages.length}`));
    // dates in German form, categories by their German labels; the data stays as written
    expect(text).toContain("01.01.2026 bis 31.12.2028");
    expect(text).toContain("Kategorie: Vertraulichkeit und Zweckbindung");
    expect(compact(text)).toContain(compact("Žluťoučký Kůň Analýzy s.r.o."));
    for (const english of ["SUPPLIER", "Summary", "Page 1 of", "Requirement details", "Assessment history"])
      expect(text, english).not.toContain(english);
  });

  it("prints the agreement report's labels in German", async () => {
    const text = (await pageTexts(await agreement("de"))).join("\n");
    for (const label of [
      "VEREINBARUNGSBERICHT",
      "Lieferanten nach Risikoeinstufung",
      "Compliance-Matrix",
      "Unterauftragnehmerkette",
      "Phasenfreigaben",
      "Flow-down-Anforderungen",
    ])
      expect(text, label).toContain(label);
    expect(text).not.toContain("Compliance matrix");
    expect(text).not.toContain("Subcontractor chain");
  });

  it("prints Japanese labels with every glyph present", async () => {
    const pdf = await assessment("ja");
    const text = compact((await pageTexts(pdf)).join(" "));
    for (const id of ["pdf.a.lead.supplier", "pdf.summary", "pdf.a.hist.title"] as const)
      expect(text, id).toContain(compact(tIn("ja", id)));
    expect((await drawnText(pdf, 1)).notdef).toBe(0);
    const g = compact((await pageTexts(await agreement("ja"))).join(" "));
    expect(g).toContain(compact(tIn("ja", "pdf.g.mx.title")));
  });

  it("draws Arabic labels right to left with every glyph present", async () => {
    for (const [pdf, page, id] of [
      [await assessment("ar"), 2, "pdf.summary"],
      [await agreement("ar"), 2, "pdf.summary"],
      [await agreement("ar"), 2, "pdf.g.sum.byRating"],
    ] as const) {
      const drawn = await drawnText(pdf, page);
      expect(drawn.notdef).toBe(0);
      const logical = drawn.glyphs.map((g) => compact(readRtl(g)));
      expect(logical, id).toContain(compact(tIn("ar", id)));
    }
  });

  it("keeps English exactly as before: an English report has no German words", async () => {
    const text = (await pageTexts(await assessment("en"))).join("\n");
    expect(text).toContain("SUPPLIER");
    expect(text).toMatch(/Page 1 of \d+/);
    expect(text).toContain("2026-01-01 to 2028-12-31");
    expect(text).not.toContain("Zusammenfassung");
  });
});
