import { describe, expect, it } from "vitest";
import catalogueJson from "./catalogue.json";
import deJson from "./locales/catalogue.de.json";
import jaJson from "./locales/catalogue.ja.json";
import arJson from "./locales/catalogue.ar.json";
import { catalogueFor, loadCatalogue, prepareCatalogueTranslations, requirementText, requirementTitle } from "./loader";
import { validateCatalogueTranslation } from "./catalogue-locales";
import type { RequirementCatalogue } from "./types";

const english = catalogueJson as RequirementCatalogue;
const TABLES = { de: deJson, ja: jaJson, ar: arJson } as const;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("requirement catalogue translations", () => {
  for (const [language, table] of Object.entries(TABLES)) {
    const code = language as keyof typeof TABLES;

    it(`translates every requirement, parameter and evidence item into ${code}`, () => {
      expect(validateCatalogueTranslation(table, code, english)).toEqual([]);
      const localised = catalogueFor(code);
      for (const r of english.requirements) {
        const shown = localised.byId.get(r.id)!;
        expect(shown.title, r.id).not.toBe(r.title);
        expect(shown.title.trim(), r.id).not.toBe("");
        expect(shown.description, r.id).not.toBe(r.description);
        expect(placeholders(shown.description), r.id).toEqual(placeholders(r.description));
        expect(shown.evidence, r.id).toHaveLength(r.evidence.length);
        shown.evidence.forEach((item, i) => expect(item, `${r.id} evidence ${i + 1}`).not.toBe(r.evidence[i]));
        expect(
          shown.parameters.map((p) => p.key),
          r.id,
        ).toEqual(r.parameters.map((p) => p.key));
        r.parameters.forEach((p, i) => {
          expect(shown.parameters[i].label, `${r.id} ${p.key}`).not.toBe(p.label);
          if (p.description) expect(shown.parameters[i].description, `${r.id} ${p.key}`).not.toBe(p.description);
          else expect(shown.parameters[i].description).toBeUndefined();
        });
      }
    });
  }

  it("keeps everything but the texts: codes, weights, parameter types and defaults, version and hash", () => {
    const source = loadCatalogue();
    for (const code of ["de", "ja", "ar"] as const) {
      const localised = catalogueFor(code);
      expect(localised.versionTag).toBe(source.versionTag);
      expect(localised.hash).toBe(source.hash);
      expect(localised.requirements.map((r) => r.id)).toEqual(source.requirements.map((r) => r.id));
      for (const r of localised.requirements) {
        const s = source.byId.get(r.id)!;
        expect({ ...r, title: "", description: "", evidence: [], parameters: [] }).toEqual({
          ...s,
          title: "",
          description: "",
          evidence: [],
          parameters: [],
        });
        expect(r.parameters.map(({ label: _l, description: _d, ...rest }) => rest)).toEqual(
          s.parameters.map(({ label: _l, description: _d, ...rest }) => rest),
        );
      }
    }
  });

  it("leaves the English source catalogue untouched, and English is the source itself", () => {
    catalogueFor("ja");
    expect(loadCatalogue().byId.get("FD-ACC-02")!.title).toBe("Multi-factor authentication");
    expect(catalogueFor("en")).toBe(loadCatalogue());
  });

  it("says one requirement's texts in a language", () => {
    expect(requirementText("FD-ACC-02", "de")!.title).toBe("Multi-Faktor-Authentifizierung");
    expect(requirementText("FD-INC-01", "ja")!.description).toContain("{notifyWithinHours}");
    expect(requirementText("FD-NOPE-01", "ar")).toBeUndefined();
  });

  it("translates a stored title only when it is the shipped English one", () => {
    expect(requirementTitle("FD-ACC-02", "Multi-factor authentication", "ja")).toBe("多要素認証");
    expect(requirementTitle("FD-ACC-02", "Multi-factor authentication", "en")).toBe("Multi-factor authentication");
    expect(requirementTitle("FD-ACC-02", "Two-factor authentication", "ja")).toBe("Two-factor authentication");
    expect(requirementTitle("FD-GONE-01", "Retired requirement", "de")).toBe("Retired requirement");
  });

  it("refuses a table with a requirement missing, a placeholder changed or an evidence item short", () => {
    const broken = structuredClone(deJson) as {
      requirements: Record<string, { description: string; evidence: string[]; parameters: Record<string, unknown> }>;
    };
    delete (broken.requirements as Record<string, unknown>)["FD-CONF-03"];
    broken.requirements["FD-INC-01"].description = "Innerhalb von {hours} Stunden.";
    broken.requirements["FD-ACC-02"].evidence.pop();
    delete broken.requirements["FD-RET-01"].parameters.retentionDays;
    expect(() => prepareCatalogueTranslations({ de: broken, ja: jaJson, ar: arJson }, english)).toThrow(
      /FD-CONF-03 is not translated[\s\S]*FD-ACC-02 has 1 evidence items, the English 2[\s\S]*FD-INC-01 description must have the placeholders of the English \{notifyWithinHours\}[\s\S]*FD-RET-01 parameter retentionDays is not translated/,
    );
  });
});
