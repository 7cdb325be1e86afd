/**
 * The review page's results: the certificates table shows the verdict the
 * requirement used (credit level and named findings), also for results
 * stored before credit levels existed; answers show the text the supplier
 * chose.
 */
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { IntlProvider } from "react-intl";
import { describe, expect, it } from "vitest";
import { scoreAssessment } from "#app/scoring/assessment";
import { certificate, makeInput, template } from "#tests/fixtures/scoring";
import { messagesFor } from "#app/i18n/messages.server";
import { sayResult } from "#app/i18n/reasons";
import { CertificationFindings, RequirementResults, ScoreSummary, type ResultView } from "./assessment-results";

function view(certifications = [certificate()], answers?: Record<string, unknown>): ResultView {
  const input = makeInput({ certifications });
  // as the page's loader gives it: every reason said in the reader's language
  return sayResult(
    "en",
    scoreAssessment(answers ? { ...input, answers: { ...input.answers, ...answers } } : input),
  ) as ResultView;
}

/** Rendered as a page renders it: in English, inside the portal's message provider. */
const renderToStaticMarkupInEnglish = (element: ReactElement) =>
  renderToStaticMarkup(
    createElement(IntlProvider, { locale: "en", messages: messagesFor("en"), timeZone: "UTC" }, element),
  );

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");

describe("certificates table", () => {
  it("shows the same verdict as the certification requirement: a scope not covering the service gives no credit", () => {
    const result = view([certificate({ scope: "Payroll processing" })]);
    expect(result.requirements.find((r) => r.requirementId === "FD-CERT-01")!.status).toBe("not_met");
    const shown = text(renderToStaticMarkupInEnglish(createElement(CertificationFindings, { r: result })));
    expect(shown).toContain("No credit");
    expect(shown).toContain("Scope does not cover the service");
  });

  it("names a partial-credit finding: a certificate issued after the term began with nothing before it", () => {
    const result = view([certificate({ issueDate: "2026-03-01" })]);
    expect(result.requirements.find((r) => r.requirementId === "FD-CERT-01")!.status).toBe("partially_met");
    const html = renderToStaticMarkupInEnglish(createElement(CertificationFindings, { r: result }));
    expect(html).toContain('data-credit="partial"');
    expect(text(html)).toContain("Partial credit");
    expect(text(html)).toContain("Issued after the term began : issued Mar 1, 2026");
  });

  it("reads a result stored before credit levels existed", () => {
    const old: ResultView = {
      ...view(),
      certifications: [
        { certificationId: "a", standard: "ISO/IEC 27001:2022", certificateNumber: "A-1", valid: true, findings: [] },
        {
          certificationId: "b",
          standard: "ISO/IEC 27001:2022",
          certificateNumber: "B-2",
          valid: false,
          findings: ["Certificate expires 2027-01-01, before the agreement ends on 2028-12-31."],
        },
      ],
    };
    const shown = text(renderToStaticMarkupInEnglish(createElement(CertificationFindings, { r: old })));
    expect(shown).toContain("Full credit");
    expect(shown).toContain("No credit");
    expect(shown).toContain("Certificate expires 2027-01-01");
  });
});

describe("answers", () => {
  it("show the choice's text, not the stored value", () => {
    const withChoices = structuredClone(template);
    const pages = withChoices.survey.pages as { elements: Record<string, unknown>[] }[];
    const pentest = pages.flatMap((p) => p.elements).find((e) => e.name === "vul_pentest")!;
    pentest.choices = [
      { value: "annual", text: "Every year" },
      { value: "biennial", text: "Every two years" },
    ];
    const input = makeInput({ template: withChoices, certifications: [certificate()] });
    const result = sayResult(
      "en",
      scoreAssessment({ ...input, answers: { ...input.answers, vul_pentest: "biennial" } }),
    ) as ResultView;
    const shown = text(renderToStaticMarkupInEnglish(createElement(RequirementResults, { r: result })));
    expect(shown).toContain("How often are penetration tests run? : Every two years");
    expect(shown).toContain('answered "Every two years"');
    expect(shown).not.toContain("biennial");
  });

  it("fall back to the stored value for a result recorded before answer texts were", () => {
    const result = view();
    const old: ResultView = {
      ...result,
      requirements: result.requirements.map((r) => ({
        ...r,
        answers: r.answers.map((a) => ({ ...a, answerText: undefined })),
      })),
    };
    const shown = text(renderToStaticMarkupInEnglish(createElement(RequirementResults, { r: old })));
    expect(shown).toContain("How often are penetration tests run? : annual");
  });
});

describe("score summary", () => {
  it("names a failed knock-out by id and title", () => {
    const input = makeInput({ certifications: [certificate()] });
    const result = scoreAssessment({ ...input, answers: { ...input.answers, inc_notify_hours: 96 } }) as ResultView;
    const shown = text(renderToStaticMarkupInEnglish(createElement(ScoreSummary, { r: result })));
    expect(shown).toContain("Knock-out not met: FD-INC-01 Breach notification. The score is capped.");
  });
});
