import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "#app/i18n/catalogue";
import { getTemplate, loadCatalogue } from "#questionnaires/loader";
import { scoreAssessment } from "#app/scoring/assessment";
import { countryRef, dateRef, listOf, momentRef, requirementRef, said, sourceText } from "#app/scoring/said";
import { certificate, makeAgreement, makeInput, override } from "#tests/fixtures/scoring";
import { inEnglish, sayReason, sayResult } from "./reasons";
import { SERVER_ONLY, pageMessagesFor } from "./messages.server";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Every .ts/.tsx file under app/ that may run in the browser: not *.server.ts, not the engine, not tests. */
function browserSources(dir = `${root}app/`): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}${entry.name}`;
    if (entry.isDirectory()) return ["scoring", "catalogue"].includes(entry.name) ? [] : browserSources(`${path}/`);
    return /\.tsx?$/.test(entry.name) && !/\.(server|test)\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every said("…") id written in the engine's sources, and the prefixes of ids built from a template literal. */
function idsInEngine(): { exact: Set<string>; prefixes: Set<string> } {
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  const folder = `${root}app/scoring/`;
  for (const file of readdirSync(folder).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
    const source = readFileSync(folder + file, "utf8");
    for (const m of source.matchAll(/\bsaid\(\s*"([^"]+)"/g)) exact.add(m[1]);
    for (const m of source.matchAll(/\bsaid\(\s*`([^`$]+)\$\{/g)) prefixes.add(m[1]);
  }
  return { exact, prefixes };
}

describe("the engine's reasons", () => {
  it("name only messages the catalogue has, in every language", () => {
    const { exact, prefixes } = idsInEngine();
    expect(exact.size).toBeGreaterThan(10);
    expect([...exact].filter((id) => !Object.hasOwn(CATALOGUE, id))).toEqual([]);
    for (const prefix of prefixes)
      expect(
        Object.keys(CATALOGUE).some((id) => id.startsWith(prefix)),
        `${prefix}…`,
      ).toBe(true);
  });

  it("say a message with its values in the reader's language, numbers and lists included", () => {
    const reason = said("scoring.requirement.weighted", {
      mean: 0.67,
      answered: 2,
      count: 3,
      ignored: 1,
      status: said("scoring.status.partially_met"),
    });
    expect(sayReason("en", reason)).toBe(
      "Weighted result 0.67 from 2 of 3 questions (1 unanswered, ignored): partially met.",
    );
    expect(sayReason("de", reason)).toBe(
      "Gewichtetes Ergebnis 0,67 aus 2 von 3 Fragen (1 unbeantwortet, nicht berücksichtigt): teilweise erfüllt.",
    );
    expect(sayReason("ja", reason)).toContain("一部充足");
    expect(sayReason("ar", reason)).toContain("مستوفى جزئيًا");
    expect(
      sayReason(
        "de",
        said("scoring.credit.lift", {
          names: listOf(["A", "B", "C"], "semicolon"),
          from: said("scoring.status.not_answered"),
          to: said("scoring.status.met"),
        }),
      ),
    ).toBe("Anrechnung aus Zertifizierung durch A; B; C: nicht beantwortet → erfüllt.");
  });

  it("say questionnaire texts, requirement titles, countries, dates and moments as the reader's language writes them", () => {
    const english = loadCatalogue().requirements.find((r) => r.id === "FD-INC-01")!;
    const gate = said("scoring.requirement.gateSkipped", { question: sourceText(english.title) });
    expect(sayReason("en", gate)).toContain(`"${english.title}"`);
    expect(sayReason("de", gate)).not.toContain(english.title);
    const ref = said("scoring.certificate.finding", {
      name: requirementRef("FD-INC-01", english.title),
      detail: countryRef("JP"),
    });
    expect(sayReason("en", ref)).toBe(`FD-INC-01 ${english.title}: Japan`);
    expect(sayReason("de", ref)).toMatch(/^FD-INC-01 .+: Japan$/);
    expect(sayReason("de", ref)).not.toContain(english.title);
    expect(sayReason("ja", ref)).toContain("日本");
    // a title from an older catalogue is shown as it was stored, never replaced by a translation of other words
    expect(
      sayReason("de", said("scoring.certificate.plain", { certificate: requirementRef("FD-INC-01", "Old title") })),
    ).toBe("FD-INC-01 Old title");
    expect(sayReason("de", said("scoring.certificate.plain", { certificate: dateRef("2026-07-01") }))).toBe(
      "01.07.2026",
    );
    expect(
      sayReason("en", said("scoring.certificate.plain", { certificate: momentRef("2026-05-16T08:00:00.000Z") })),
    ).toBe("May 16, 2026, 08:00 UTC");
  });

  it("are said on the server: pages are not sent them, and no page code names one", () => {
    const sent = pageMessagesFor("de");
    expect(Object.keys(sent).filter((id) => SERVER_ONLY.test(id))).toEqual([]);
    expect(sent["pdf.form.language"]).toBeTruthy();
    expect(Object.keys(sent).length).toBeLessThan(Object.keys(CATALOGUE).length);
    const named = browserSources().flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/["'`]((?:scoring|rules|certs|chain|pdf)\.[A-Za-z][\w.]*)/g)]
        .map((m) => m[1])
        .filter((id) => SERVER_ONLY.test(id) && Object.hasOwn(CATALOGUE, id))
        .map((id) => `${file.slice(root.length)}: ${id}`),
    );
    expect(named).toEqual([]);
  });

  it("show a reason stored as an English sentence (before reasons were messages) as it is", () => {
    expect(sayReason("de", "The agreement changed (revision 4 → 5).")).toBe("The agreement changed (revision 4 → 5).");
  });

  it("give a German reader a shipped questionnaire's verdicts in German, from the same stored result", () => {
    const catalogue = loadCatalogue().requirements;
    const agreement = makeAgreement({ requirements: catalogue.map((r) => ({ id: r.id, params: {} })) });
    const template = getTemplate("short-low-risk")!;
    const result = scoreAssessment(
      makeInput({
        agreement,
        catalogue,
        template,
        answers: { confUndertaking: true, needToKnow: false, staffNda: true },
        certifications: [certificate()],
        overrides: [override({ requirementId: catalogue[0].id, status: "met" })],
      }),
    );
    // what is stored is language-neutral: no sentence of any language, only ids and values
    const stored = JSON.stringify(result.requirements.map((r) => r.reasons));
    expect(stored).not.toMatch(/Weighted result|Gate question|Overridden by/);
    const de = sayResult("de", result);
    const en = sayResult("en", result);
    const every = (r: typeof de) => r.requirements.flatMap((q) => [...q.reasons, ...q.answers.map((a) => a.reason)]);
    expect(every(en).join(" ")).toMatch(/Overridden by .+ computed .+, set to met\. Justification: /);
    expect(every(de).join(" ")).toMatch(/Überschrieben von .+ gesetzt auf erfüllt\. Begründung: /);
    for (const line of every(de))
      expect(line).not.toMatch(/\b(Weighted result|Gate question|Overridden by|Supporting answer)\b/);
    expect(inEnglish(result.requirements[0].reasons)).toBe(en.requirements[0].reasons.join(" "));
  });
});
