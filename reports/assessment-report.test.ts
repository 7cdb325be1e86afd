import { describe, expect, it } from "vitest";
import { renderAssessmentReport } from "./assessment-report";
import { compact, inkRatio, pageItems, pageTexts, rasterizePage, renderToBuffer } from "#tests/helpers/pdf";
import {
  CJK_SUPPLIER,
  CYRILLIC_SUPPLIER,
  LATIN_SUPPLIER,
  SCRIPT_JUSTIFICATION,
  assessmentFixture,
  assessmentFor,
  longAssessmentFixture,
} from "#tests/fixtures/reports";
import { STATUS_TEXT } from "#models/labels";

const render = (data: Parameters<typeof renderAssessmentReport>[0]) => renderToBuffer(renderAssessmentReport, data);

describe("assessment report", () => {
  const data = assessmentFixture();
  const pdfPromise = render(data);
  const textsPromise = pdfPromise.then(pageTexts);

  it("is a PDF with the document info taken from the data", async () => {
    const pdf = await pdfPromise;
    expect(pdf.subarray(0, 8).toString("latin1")).toBe("%PDF-1.7");
    expect(pdf.subarray(-6).toString("latin1")).toContain("%%EOF");
    // CreationDate from generatedAt (2026-06-02T08:15:00Z), not from the clock
    expect(pdf.toString("latin1")).toContain("D:20260602081500Z");
  });

  it("prints the supplier, agreement, score and rating", async () => {
    const all = compact((await textsPromise).join("\n"));
    expect(all).toContain(compact(LATIN_SUPPLIER));
    expect(all).toContain(compact(data.agreement.reference));
    expect(all).toContain(compact(data.agreement.title));
    expect(all).toContain(compact(`${data.result.score} / 100 (CAPPED)`));
    expect(all).toContain(compact("HIGH RISK"));
    expect(all).toContain(compact("out of 100"));
  });

  it("prints each requirement with its status text next to it", async () => {
    const all = compact((await textsPromise).join("\n"));
    for (const r of data.result.requirements) {
      // the detail heading: "<id>  <title>" followed by its status badge
      expect(all, r.requirementId).toContain(compact(`${r.requirementId} ${r.title} ${STATUS_TEXT[r.status]}`));
    }
    for (const label of Object.values(STATUS_TEXT)) expect(all).toContain(compact(label));
  });

  it("shows overrides with the computed result, the justification, who and when", async () => {
    const all = compact((await textsPromise).join("\n"));
    expect(all).toContain(compact("OVERRIDDEN (computed: NOT MET)"));
    expect(all).toContain(compact("OVERRIDDEN (computed: NOT ANSWERED)"));
    expect(all).toContain(compact("Override: MET (computed: NOT MET)"));
    // markup in free text is printed as text, not interpreted
    expect(all).toContain(compact(SCRIPT_JUSTIFICATION));
    expect(all).toContain(compact("<script>alert('x')</script>"));
    expect(all).toContain(compact("By Dana Müller-Østergaard on 2026-05-21 09:30 UTC."));
  });

  it("lists certifications with their findings and remediation with due dates", async () => {
    const all = compact((await textsPromise).join("\n"));
    // the fixture's result was stored before credit levels: valid reads as full credit, invalid as none
    expect(all).toContain(compact("FULL CREDIT"));
    expect(all).toContain(compact("NO CREDIT"));
    expect(all).toContain(compact("Expires 2027-03-01, inside the term (ends 2028-12-31)."));
    for (const item of data.remediation) {
      expect(all).toContain(compact(`${item.requirementId}`));
      expect(all).toContain(compact(item.dueDate));
    }
    // due 2026-05-30 and still open on 2026-06-02
    expect(all).toContain(compact("2026-05-30 OVERDUE"));
    expect(all).toContain(compact("<img src=x onerror=alert(1)>"));
  });

  it("prints the certificate verdict the scoring engine recorded: the credit level and each finding by name", async () => {
    const base = assessmentFixture();
    const data = {
      ...base,
      result: {
        ...base.result,
        certifications: base.result.certifications.map((c, i) =>
          i === 0
            ? {
                ...c,
                valid: false,
                credit: "partial" as const,
                findings: [
                  "Gap in coverage: no ISO/IEC 27001:2022 certificate on file covers 2026-02-15 to 2026-02-28.",
                ],
                issues: [
                  {
                    code: "coverage-gap" as const,
                    name: "Gap in coverage",
                    detail: "no ISO/IEC 27001:2022 certificate on file covers 2026-02-15 to 2026-02-28.",
                    credit: "partial" as const,
                  },
                ],
              }
            : c,
        ),
      },
    };
    const all = compact((await pageTexts(await render(data))).join("\n"));
    expect(all).toContain(compact("PARTIAL CREDIT • Gap in coverage No ISO/IEC 27001:2022 certificate on file covers"));
    expect(all).not.toContain(compact("FULL CREDIT"));
  });

  it("prints answers by the text the supplier saw, and parameters by their labels", async () => {
    const base = assessmentFixture();
    const [first, ...rest] = base.result.requirements;
    const data = {
      ...base,
      result: {
        ...base.result,
        requirements: [
          {
            ...first,
            parameters: [{ key: "survivalMonths", label: "Survival of confidentiality (months)", text: "60 months" }],
            answers: first.answers.map((a, i) => (i === 0 ? { ...a, value: "tls13", answerText: "TLS 1.3 only" } : a)),
          },
          ...rest,
        ],
      },
    };
    const all = compact((await pageTexts(await render(data))).join("\n"));
    expect(all).toContain(compact("TLS 1.3 only"));
    expect(all).not.toContain(compact("tls13"));
    expect(all).toContain(compact("Survival of confidentiality (months): 60 months"));
  });

  it("numbers every page 'Page N of M' and ends with the verification block", async () => {
    const texts = await textsPromise;
    expect(texts.length).toBeGreaterThan(3);
    texts.forEach((t, i) => expect(compact(t)).toContain(compact(`Page ${i + 1} of ${texts.length}`)));
    texts.slice(1).forEach((t) => expect(compact(t)).toContain(compact(data.agreement.reference)));
    const last = compact(texts[texts.length - 1]);
    expect(last).toContain(compact("verify it at /verify with SHA-256"));
    expect(last).toContain(compact("The SHA-256 of this file is recorded by the portal as version 3"));
  });

  it("draws a cover page that is not blank", async () => {
    const image = await rasterizePage(await pdfPromise, 1);
    expect(image.width).toBeGreaterThan(300);
    const ink = inkRatio(image);
    expect(ink).toBeGreaterThan(0.05); // the cover band alone is ~20 % of the page
    expect(ink).toBeLessThan(0.6);
  });

  it("renders the same bytes for the same data", async () => {
    const again = await render(assessmentFixture());
    expect(again.equals(await pdfPromise)).toBe(true);
  });

  it("prints Cyrillic and CJK supplier names", async () => {
    const [cyr, cjk] = await Promise.all([
      render(assessmentFor(CYRILLIC_SUPPLIER, "RU")),
      render(assessmentFor(CJK_SUPPLIER, "JP")),
    ]);
    const cyrText = compact((await pageTexts(cyr)).join("\n"));
    const cjkText = compact((await pageTexts(cjk)).join("\n"));
    expect(cyrText).toContain(compact(CYRILLIC_SUPPLIER));
    expect(cjkText).toContain(compact(CJK_SUPPLIER));
    // the CJK run is set in the Japanese font (kana, a Japanese supplier), the rest in DejaVu
    expect(cjk.toString("latin1")).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansJP/);
    expect(cjk.toString("latin1")).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    expect(cyr.toString("latin1")).not.toMatch(/NotoSansSC/);
  });

  it("breaks a long table across pages, repeating its header and never cutting a row", async () => {
    const long = longAssessmentFixture(90);
    const texts = (await pageTexts(await render(long))).map(compact);
    const continued = texts.filter((t) => t.includes(compact("Requirements (continued)")));
    expect(continued.length).toBeGreaterThanOrEqual(2);
    for (const t of continued) {
      expect(t).toContain(compact("ID REQUIREMENT WEIGHT STATUS"));
    }
    // the first time an id appears is its row in the overview table; its whole title is on that page
    for (const r of long.result.requirements) {
      const page = texts.findIndex((t) => t.includes(r.requirementId));
      expect(page, r.requirementId).toBeGreaterThan(0);
      expect(texts[page], r.requirementId).toContain(compact(r.title));
    }
  });

  it("continues a row taller than a page on the next page instead of losing text", async () => {
    const base = assessmentFixture();
    const words = Array.from({ length: 1400 }, (_, i) => `word${i}`).join(" ");
    const huge = {
      ...base,
      result: {
        ...base.result,
        requirements: base.result.requirements.map((r) =>
          r.override ? { ...r, override: { ...r.override, justification: `START ${words} FINISH` } } : r,
        ),
      },
    };
    const texts = (await pageTexts(await render(huge))).map(compact);
    const all = texts.join("");
    expect(all).toContain("STARTword0word1");
    expect(all).toContain("word1398word1399FINISH");
    // the overrides table continues under a repeated header
    const continued = texts.filter((t) => t.includes(compact("Overrides (continued)")));
    expect(continued.length).toBeGreaterThanOrEqual(1);
    for (const t of continued) expect(t).toContain(compact("JUSTIFICATION"));
  });

  it("keeps every line inside the page body for pathological input", async () => {
    const base = assessmentFixture();
    const long = (word: string, n: number) => Array.from({ length: n }, (_, i) => `${word}${i}`).join(" ");
    const weird = {
      ...base,
      agreement: { ...base.agreement, title: long("Title", 200) },
      supplier: { ...base.supplier, name: `${long("Name", 60)} ${CJK_SUPPLIER.repeat(20)}`, service: "x".repeat(600) },
      result: {
        ...base.result,
        requirements: base.result.requirements.map((r) =>
          r.override ? { ...r, override: { ...r.override, justification: long("just", 1500) } } : r,
        ),
      },
    };
    const pages = await pageItems(await render(weird));
    for (const [i, page] of pages.entries()) {
      for (const item of page.items) {
        if (!item.str.trim()) continue;
        if (Math.abs(item.y - 33.4) < 1) continue; // the footer line
        // everything else sits above the body's bottom margin (58 pt; baselines ≥ ~50)
        expect(item.y, `page ${i + 1}: ${item.str.slice(0, 40)}`).toBeGreaterThan(50);
        expect(item.y, `page ${i + 1}: ${item.str.slice(0, 40)}`).toBeLessThan(page.height);
        expect(item.x, `page ${i + 1}: ${item.str.slice(0, 40)}`).toBeGreaterThanOrEqual(0);
        expect(item.x, `page ${i + 1}: ${item.str.slice(0, 40)}`).toBeLessThan(page.width);
      }
    }
    const all = compact(pages.map((p) => p.items.map((it) => it.str).join("")).join(""));
    expect(all).toContain("just1498just1499");
    expect(all).toContain("Title199"); // the shortened cover title is printed in full in the facts
  });

  it("yields to the event loop while rendering a large report", async () => {
    const long = longAssessmentFixture(300);
    let turns = 0;
    let running = true;
    const spin = () => {
      turns++;
      if (running) setImmediate(spin);
    };
    setImmediate(spin);
    const pdf = await render(long);
    running = false;
    expect(pdf.length).toBeGreaterThan(10_000);
    expect(turns).toBeGreaterThan(5);
  });
});
