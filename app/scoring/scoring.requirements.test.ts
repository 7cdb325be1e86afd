import { describe, expect, it } from "vitest";
import type { TemplateFile } from "#questionnaires/types";
import { scoreInEnglish as scoreAssessment } from "#tests/fixtures/scoring-english";
import { answerOf, indexTemplate } from "./template";
import {
  answersWith,
  catalogue,
  makeAgreement,
  makeInput,
  requirementOf,
  template,
  withParams,
} from "#tests/fixtures/scoring";

/** Scores with no certificate, so answers alone decide. */
function resultFor(id: string, changes: Record<string, unknown>, agreement = makeAgreement()) {
  return requirementOf(
    scoreAssessment(makeInput({ agreement, answers: answersWith(changes), certifications: [] })),
    id,
  );
}

describe("combining the answers of one requirement", () => {
  it.each([
    { label: "every answer meets it", id: "FD-ACC-01", changes: {}, status: "met" },
    {
      label: "weighted mean between 0 and 1",
      id: "FD-ACC-01",
      changes: { acc_log_months: 6 },
      status: "partially_met",
    },
    { label: "a failed gate, other answers fine", id: "FD-ACC-01", changes: { acc_mfa: false }, status: "not_met" },
    {
      label: "every answer fails",
      id: "FD-ENC-01",
      changes: { enc_at_rest: false, enc_algorithms: ["other"] },
      status: "not_met",
    },
    {
      label: "nothing answered",
      id: "FD-ENC-01",
      changes: { enc_at_rest: undefined, enc_algorithms: [] },
      status: "not_answered",
    },
    { label: "only an informational answer", id: "FD-PER-01", changes: { per_nda: undefined }, status: "not_answered" },
    {
      label: "one sub-processor without flow-down",
      id: "FD-SUB-01",
      changes: { subprocessors: [{ sub_flowdown: true }, { sub_flowdown: false }] },
      status: "not_met",
    },
  ])("$label → $status", ({ id, changes, status }) => {
    expect(resultFor(id, changes).status).toBe(status);
  });

  it("weights the questions by their metadata weight", () => {
    // MFA (weight 1) meets, log retention (weight 2) fails: 1/3
    const result = resultFor("FD-ACC-01", { acc_log_months: 6 });
    expect(result.reasons[0]).toBe("Weighted result 0.33 from 2 of 2 questions: partially met.");
  });

  it("an unanswered hidden question is ignored when the others are answered", () => {
    // pen tests "never" hides the provider question: scan (1) and pen test (0) decide
    const result = resultFor("FD-VUL-01", { vul_pentest: "never", vul_pentest_provider: undefined });
    expect(result.status).toBe("partially_met");
    expect(result.reasons[0]).toBe("Weighted result 0.5 from 2 of 3 questions (1 unanswered, ignored): partially met.");
    expect(result.answers.map((answer) => answer.fraction)).toEqual([1, 0, null]);
  });

  it.each([
    { label: "a gate with a visibleIf condition", gate: { visibleIf: "{a} = true" }, status: "met" },
    { label: "a gate inside a conditional panel", gate: {}, panel: { visibleIf: "{a} = true" }, status: "met" },
    { label: "a gate in a dynamic panel with no panels", gate: {}, dynamic: true, status: "met" },
    { label: "a gate shown to everyone", gate: {}, status: "partially_met" },
  ])("an unanswered gate: $label → $status", ({ gate, panel, dynamic, status }) => {
    const gateQuestion = {
      type: "boolean",
      name: "g",
      ...gate,
      flowdown: { requirements: ["FD-CMP-01"], judge: { kind: "boolean", expected: true }, gate: true },
    };
    const wrapped = dynamic
      ? { type: "paneldynamic", name: "rows", templateElements: [gateQuestion] }
      : { type: "panel", name: "box", ...panel, elements: [gateQuestion] };
    const conditionalTemplate: TemplateFile = {
      ...template,
      survey: {
        elements: [
          {
            type: "boolean",
            name: "a",
            flowdown: { requirements: ["FD-CMP-01"], judge: { kind: "boolean", expected: true } },
          },
          wrapped,
        ],
      },
    };
    const result = scoreAssessment(
      makeInput({ template: conditionalTemplate, answers: { a: true }, certifications: [] }),
    );
    expect(requirementOf(result, "FD-CMP-01").status).toBe(status);
  });

  it("the gate's reason comes first and names the question", () => {
    expect(resultFor("FD-ACC-01", { acc_mfa: false }).reasons[0]).toBe(
      'Gate question "Is MFA enforced for all access?" fails, so the requirement is not met whatever the other answers.',
    );
  });

  it("every question of the requirement is reported, answered or not", () => {
    const result = resultFor("FD-PER-01", {});
    expect(result.answers.map((answer) => [answer.question, answer.fraction])).toEqual([
      ["per_contact", null],
      ["per_nda", 1],
    ]);
  });

  it("a requirement no template question answers is not answered, and says why", () => {
    const agreement = makeAgreement();
    const input = makeInput({
      agreement,
      catalogue: [...catalogue, { ...catalogue[7], id: "FD-EXTRA-01", title: "Extra" }],
      certifications: [],
    });
    input.agreement = { ...agreement, requirements: [...agreement.requirements, { id: "FD-EXTRA-01", params: {} }] };
    const result = requirementOf(scoreAssessment(input), "FD-EXTRA-01");
    expect(result.status).toBe("not_answered");
    expect(result.reasons).toEqual(["No judged question in the template answers this requirement."]);
  });
});

describe("evidence", () => {
  it("file answers become evidence references of their requirement", () => {
    const files = [
      { name: "irp.pdf", type: "application/pdf", content: "/evidence/ev-1" },
      { name: "runbook.docx", type: "application/msword", content: "/evidence/ev-2" },
    ];
    expect(resultFor("FD-INC-01", { inc_plan_file: files }).evidence).toEqual([
      { question: "inc_plan_file", name: "irp.pdf", ref: "/evidence/ev-1" },
      { question: "inc_plan_file", name: "runbook.docx", ref: "/evidence/ev-2" },
    ]);
  });

  it("requirements without file answers have no evidence", () => {
    expect(resultFor("FD-ENC-01", {}).evidence).toEqual([]);
  });
});

describe("parameters", () => {
  it("the agreement's values overlay the catalogue defaults", () => {
    const agreement = withParams(makeAgreement(), "FD-VUL-01", { scanEveryDays: 7, note: "weekly" });
    const result = resultFor("FD-VUL-01", { vul_scan_days: 10 }, agreement);
    expect(result.params).toEqual({ scanEveryDays: 7, note: "weekly" });
    expect(result.status).toBe("partially_met"); // 10 days is within 2 × 7: half credit
  });

  it("a question serving two requirements borrows the parameter from the one that defines it", () => {
    const shared: TemplateFile = {
      ...template,
      survey: {
        elements: [
          {
            type: "text",
            name: "hours",
            flowdown: {
              requirements: ["FD-CMP-01", "FD-INC-01"],
              judge: { kind: "atMost", param: "notifyWithinHours" },
            },
          },
        ],
      },
    };
    const agreement = withParams(makeAgreement(), "FD-INC-01", { notifyWithinHours: 12 });
    const result = scoreAssessment(
      makeInput({ agreement, template: shared, answers: { hours: 18 }, certifications: [] }),
    );
    expect(requirementOf(result, "FD-CMP-01").status).toBe("not_met");
    expect(requirementOf(result, "FD-CMP-01").reasons.join(" ")).toContain("requires 12 h or less");
  });
});

describe("input the engine refuses", () => {
  it.each([
    {
      label: "a requirement missing from the catalogue",
      input: () => makeInput({ catalogue: catalogue.filter((entry) => entry.id !== "FD-ENC-01") }),
      error: /FD-ENC-01 .* is not in the catalogue/,
    },
    {
      label: "a requirement listed twice",
      input: () => {
        const agreement = makeAgreement();
        return makeInput({
          agreement: { ...agreement, requirements: [...agreement.requirements, { id: "FD-ENC-01", params: {} }] },
        });
      },
      error: /lists requirement FD-ENC-01 twice/,
    },
    {
      label: "a supplier outside the chain",
      input: () => makeInput({ supplierId: "nobody" }),
      error: /not in the chain/,
    },
    {
      label: "an impossible evaluation date",
      input: () => makeInput({ evaluationDate: "2026-02-30" }),
      error: /evaluationDate/,
    },
    {
      label: "an agreement without a valid end date",
      input: () => makeInput({ agreement: makeAgreement({ endDate: "31/12/2028" }) }),
      error: /End date/,
    },
  ])("$label", ({ input, error }) => {
    expect(() => scoreAssessment(input())).toThrow(error);
  });
});

describe("the template walker", () => {
  it("finds questions in pages, nested panels and dynamic panels, in document order", () => {
    const index = indexTemplate(template);
    expect(index.questions.map((question) => [question.name, question.panelPath])).toEqual([
      ["inc_plan", []],
      ["inc_notify_hours", []],
      ["inc_plan_file", []],
      ["country", ["data_locations"]],
      ["enc_at_rest", []],
      ["enc_algorithms", []],
      ["vul_scan_days", []],
      ["vul_pentest", []],
      ["vul_pentest_provider", []],
      ["acc_mfa", []],
      ["acc_log_months", []],
      ["cert_held", []],
      ["per_contact", []],
      ["per_nda", []],
      ["cmp_notify", []],
      ["ret_destroy_days", []],
      ["ret_certificate", []],
      ["sub_flowdown", ["subprocessors"]],
    ]);
    expect(index.byRequirement.get("FD-RET-01")?.map((question) => question.name)).toEqual([
      "ret_destroy_days",
      "ret_certificate",
    ]);
    expect(index.byFact.get("notifyHours")?.map((question) => question.name)).toEqual(["inc_notify_hours"]);
  });

  it("is built once per template", () => {
    expect(indexTemplate(template)).toBe(indexTemplate({ ...template }));
  });

  it("reads top-level elements, valueName and metadata on the dynamic panel itself", () => {
    const flat: TemplateFile = {
      ...template,
      survey: {
        elements: [
          {
            type: "paneldynamic",
            name: "locations_question",
            valueName: "locations",
            flowdown: { requirements: ["FD-LOC-01"], judge: { kind: "jurisdictions", countryField: "cc" } },
            templateElements: [{ type: "text", name: "cc" }],
          },
        ],
      },
    };
    const [question] = indexTemplate(flat).questions;
    expect(answerOf(question, { locations: [{ cc: "DE" }] })).toEqual([{ cc: "DE" }]);
    const result = scoreAssessment(
      makeInput({ template: flat, answers: { locations: [{ cc: "US" }] }, certifications: [] }),
    );
    expect(requirementOf(result, "FD-LOC-01").status).toBe("not_met");
  });

  it("rejects metadata with an unknown rule", () => {
    const broken = {
      ...template,
      survey: {
        elements: [{ type: "text", name: "x", flowdown: { requirements: ["FD-X"], judge: { kind: "guess" } } }],
      },
    };
    expect(() => indexTemplate(broken as TemplateFile)).toThrow(
      /question "x": invalid flowdown metadata: unknown judge rule "guess"/,
    );
  });
});
