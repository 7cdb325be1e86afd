import { describe, expect, it } from "vitest";
import { inEnglish, sayReason } from "#app/i18n/reasons";
import type { JudgeRule, ParameterSpec, QuestionMeta } from "#questionnaires/types";
import { judgeAnswer, judgeEachPanel } from "./rules";
import type { SurveyElement } from "./template";

const terms = { permittedJurisdictions: ["DE", "FR"], acceptedTransferMechanisms: ["SCC"] };
const params = { notifyWithinHours: 24, logRetentionMonths: 12, scanEveryDays: 30 };

const specs = new Map<string, ParameterSpec>([
  [
    "notifyWithinHours",
    { key: "notifyWithinHours", label: "Breach notification window (hours)", type: "hours", default: 24 },
  ],
  [
    "logRetentionMonths",
    { key: "logRetentionMonths", label: "Keep access logs (months)", type: "months", default: 12 },
  ],
]);

function judge(rule: JudgeRule, value: unknown, question: Partial<SurveyElement> = {}) {
  const meta: QuestionMeta = { requirements: ["FD-X"], judge: rule };
  return judgeAnswer({ name: "q1", title: "Question one", ...question }, meta, value, params, terms, specs);
}

describe("judgeAnswer: unanswered values are never judged", () => {
  const rules: JudgeRule[] = [
    { kind: "boolean", expected: true },
    { kind: "choice", scores: { a: 1 } },
    { kind: "coverage", required: ["a"] },
    { kind: "atMost", param: "notifyWithinHours" },
    { kind: "atLeast", param: "logRetentionMonths" },
    { kind: "jurisdictions", countryField: "country" },
    { kind: "present" },
  ];
  for (const rule of rules) {
    it.each([undefined, null, "", "   ", [], [{}], [{ country: "" }]])(`${rule.kind}: %j → fraction null`, (value) => {
      const judgement = judge(rule, value);
      expect(judgement.fraction).toBeNull();
      expect(inEnglish(judgement.reason)).toBe("Not answered.");
    });
  }
});

describe("judgeAnswer: boolean", () => {
  it.each([
    [true, true, 1],
    [false, true, 0],
    [false, false, 1],
    ["yes", true, 1],
    ["No", true, 0],
  ] as const)("answer %j, expected %j → %d", (value, expected, fraction) => {
    expect(judge({ kind: "boolean", expected }, value).fraction).toBe(fraction);
  });

  it("honours SurveyJS valueTrue / valueFalse", () => {
    const question = { valueTrue: "Y", valueFalse: "N" };
    expect(judge({ kind: "boolean", expected: true }, "Y", question).fraction).toBe(1);
    expect(judge({ kind: "boolean", expected: true }, "N", question).fraction).toBe(0);
  });

  it("an unreadable answer is treated as not answered, with a reason", () => {
    const judgement = judge({ kind: "boolean", expected: true }, "maybe");
    expect(judgement.fraction).toBeNull();
    expect(inEnglish(judgement.reason)).toMatch(/not a yes\/no answer/);
  });

  it("the reason says what was needed", () => {
    expect(inEnglish(judge({ kind: "boolean", expected: true }, false).reason)).toBe(
      'Fails: answered "No"; the requirement needs "Yes".',
    );
  });

  it("names the answers by the question's own labels", () => {
    const question = { labelTrue: { default: "Agreed", de: "Zugestimmt" }, labelFalse: "Not agreed" };
    const judgement = judge({ kind: "boolean", expected: true }, false, question);
    expect(inEnglish(judgement.reason)).toBe('Fails: answered "Not agreed"; the requirement needs "Agreed".');
    expect(judgement.answerText).toBe("Not agreed");
  });
});

describe("judgeAnswer: choice", () => {
  const rule: JudgeRule = { kind: "choice", scores: { annual: 1, biennial: 0.5, never: 0 } };
  it.each([
    ["annual", 1],
    ["biennial", 0.5],
    ["never", 0],
    ["weekly", 0], // unlisted
    ["constructor", 0], // not inherited from Object.prototype
  ])("%s → %d", (value, fraction) => {
    expect(judge(rule, value).fraction).toBe(fraction);
  });

  it("an array is not one choice", () => {
    expect(judge(rule, ["annual"]).fraction).toBeNull();
  });

  const question = {
    choices: [
      { value: "annual", text: { default: "Every year", de: "Jährlich" } },
      { value: "biennial", text: "Every two years" },
      { value: "never", text: "Never" },
      "weekly",
    ],
  };
  it.each([
    ["annual", 'Meets: answered "Every year", worth 1 of 1.'],
    ["biennial", 'Partly meets: answered "Every two years", worth 0.5 of 1.'],
    ["weekly", 'Fails: answered "weekly", which earns no credit.'],
    ["monthly", 'Fails: answered "monthly", which is not one of the question\'s choices.'],
  ])("%s is named by its choice text (default language)", (value, reason) => {
    const judgement = judge(rule, value, question);
    expect(inEnglish(judgement.reason)).toBe(reason);
  });

  it("records the answer as the supplier saw it", () => {
    expect(judge(rule, "annual", question).answerText).toBe("Every year");
    expect(judge(rule, "annual", question).value).toBe("annual");
  });
});

describe("judgeAnswer: coverage", () => {
  const rule: JudgeRule = { kind: "coverage", required: ["aes256", "tls12", "hsm"] };
  it.each([
    [["aes256", "tls12", "hsm", "other"], 1],
    [["aes256", "tls12"], 2 / 3],
    [["other"], 0],
    ["aes256", 1 / 3],
  ] as const)("%j → %d", (value, fraction) => {
    expect(judge(rule, value).fraction).toBeCloseTo(fraction, 10);
  });

  it("names what is missing", () => {
    expect(inEnglish(judge(rule, ["aes256"]).reason)).toContain('missing "tls12", "hsm"');
  });

  it("names the choices by their text", () => {
    const question = {
      choices: [
        { value: "aes256", text: "AES-256" },
        { value: "tls12", text: "TLS 1.2 or newer" },
        { value: "hsm", text: "Keys in an HSM" },
      ],
      showNoneItem: true,
      noneText: "Nothing",
    };
    const judgement = judge(rule, ["aes256"], question);
    expect(inEnglish(judgement.reason)).toBe(
      'Partly meets: selected 1 of 3 required; missing "TLS 1.2 or newer", "Keys in an HSM".',
    );
    expect(judgement.answerText).toBe("AES-256");
    expect(judge(rule, ["none"], question).answerText).toBe("Nothing");
  });
});

describe("judgeAnswer: atMost cites the agreement parameter", () => {
  it.each([
    [24, 1, "Meets: answered 24 h; the agreement requires 24 h or less (Breach notification window)."],
    [48, 0, "Fails: answered 48 h; the agreement requires 24 h or less (Breach notification window)."],
    ["12", 1, "Meets: answered 12 h; the agreement requires 24 h or less (Breach notification window)."],
  ] as const)("%j → %d", (value, fraction, reason) => {
    const judgement = judge({ kind: "atMost", param: "notifyWithinHours" }, value);
    expect(judgement.fraction).toBe(fraction);
    expect(inEnglish(judgement.reason)).toBe(reason);
  });

  it.each([
    [30, 1],
    [31, 0.5],
    [60, 0.5],
    [61, 0],
  ])("partialWithin 2 on a 30-day limit: %d days → %d", (value, fraction) => {
    expect(judge({ kind: "atMost", param: "scanEveryDays", partialWithin: 2 }, value).fraction).toBe(fraction);
  });

  it("says the unit in the singular for one, and the half-credit band", () => {
    expect(inEnglish(judge({ kind: "atMost", param: "scanEveryDays", partialWithin: 2 }, 1).reason)).toBe(
      "Meets: answered 1 day; the agreement requires 30 days or less (Scan every days).",
    );
    const partial = judge({ kind: "atMost", param: "scanEveryDays", partialWithin: 2 }, 31).reason;
    expect(inEnglish(partial)).toBe(
      "Partly meets: answered 31 days; the agreement requires 30 days or less (Scan every days); half credit up to 60 days.",
    );
    expect(sayReason("de", partial)).toBe(
      "Teilweise erfüllt: Antwort 31 Tage; die Vereinbarung verlangt höchstens 30 Tage (Scan every days); " +
        "halbe Punktzahl bis 60 Tage.",
    );
  });

  it("a partialWithin factor of 1 or less gives no partial band", () => {
    expect(judge({ kind: "atMost", param: "scanEveryDays", partialWithin: 0.5 }, 31).fraction).toBe(0);
  });

  it("a non-numeric answer is not answered, with a reason", () => {
    const judgement = judge({ kind: "atMost", param: "notifyWithinHours" }, "soon");
    expect(judgement.fraction).toBeNull();
    expect(inEnglish(judgement.reason)).toBe('Not answered: "soon" is not a number.');
  });

  it("a rule pointing at a parameter the agreement does not have is a template error", () => {
    expect(() => judge({ kind: "atMost", param: "nope" }, 3)).toThrow(/parameter "nope", which is not set/);
  });
});

describe("judgeAnswer: atLeast", () => {
  it.each([
    [12, 1],
    [11, 0],
    [36, 1],
  ])("%d months against 12 → %d", (value, fraction) => {
    expect(judge({ kind: "atLeast", param: "logRetentionMonths" }, value).fraction).toBe(fraction);
  });

  it("says the minimum", () => {
    expect(inEnglish(judge({ kind: "atLeast", param: "logRetentionMonths" }, 6).reason)).toBe(
      "Fails: answered 6 months; the agreement requires at least 12 months (Keep access logs).",
    );
  });

  it("without the catalogue's spec, names the parameter in words rather than by its key", () => {
    const meta: QuestionMeta = { requirements: ["FD-X"], judge: { kind: "atLeast", param: "logRetentionMonths" } };
    const judgement = judgeAnswer({ name: "q1", title: "Question one" }, meta, 6, params, terms);
    expect(inEnglish(judgement.reason)).toBe(
      "Fails: answered 6 months; the agreement requires at least 12 months (Log retention months).",
    );
  });
});

describe("judgeAnswer: jurisdictions", () => {
  const rule: JudgeRule = { kind: "jurisdictions", countryField: "country", mechanismField: "mechanism" };
  it.each([
    ["all permitted", [{ country: "DE" }, { country: "fr" }], 1, "Germany (DE) is a permitted jurisdiction"],
    [
      "outside, accepted mechanism",
      [{ country: "US", mechanism: "scc" }],
      1,
      "United States (US) is outside the permitted jurisdictions but covered by scc",
    ],
    [
      "outside, no mechanism",
      [{ country: "DE" }, { country: "US" }],
      0,
      "United States (US) is outside the permitted jurisdictions (DE, FR) and no transfer mechanism is in place",
    ],
    ["outside, mechanism 'none'", [{ country: "US", mechanism: "none" }], 0, "no transfer mechanism"],
    [
      "outside, mechanism not accepted",
      [{ country: "US", mechanism: "BCR" }],
      0,
      "its transfer mechanism BCR is not one the agreement accepts (SCC)",
    ],
    ["a plain list of codes", ["DE", "CN"], 0, "China (CN) is outside"],
  ])("%s", (_label, value, fraction, reason) => {
    const judgement = judge(rule, value);
    expect(judgement.fraction).toBe(fraction);
    expect(inEnglish(judgement.reason)).toContain(reason);
  });

  it("one bad location fails the answer and only the bad one is named", () => {
    const judgement = judge(rule, [{ country: "DE" }, { country: "CN" }]);
    expect(judgement.fraction).toBe(0);
    expect(inEnglish(judgement.reason)).toContain("China (CN)");
    expect(inEnglish(judgement.reason)).not.toContain("Germany");
  });

  it("panels without a country are not an answer", () => {
    expect(judge(rule, [{ mechanism: "SCC" }]).fraction).toBeNull();
  });
});

describe("judgeAnswer: present and info", () => {
  it.each([
    ["text", "Our plan", 1],
    ["files", [{ name: "a.pdf", type: "application/pdf", content: "/evidence/1" }], 1],
    ["a number", 0, 1],
  ])("present: %s → 1", (_label, value, fraction) => {
    expect(judge({ kind: "present" }, value).fraction).toBe(fraction);
  });

  it("names the files provided", () => {
    const files = [
      { name: "a.pdf", content: "/evidence/1" },
      { name: "b.pdf", content: "/evidence/2" },
    ];
    expect(inEnglish(judge({ kind: "present" }, files.slice(0, 1)).reason)).toBe("Meets: 1 file provided (a.pdf).");
    expect(inEnglish(judge({ kind: "present" }, files).reason)).toBe("Meets: 2 files provided (a.pdf, b.pdf).");
    expect(sayReason("ja", judge({ kind: "present" }, files).reason)).toBe(
      "適合：2件のファイルが提出されています（a.pdf、b.pdf）。",
    );
  });

  it("info is never judged, even when answered", () => {
    const judgement = judge({ kind: "info" }, "Jane");
    expect(judgement.fraction).toBeNull();
    expect(inEnglish(judgement.reason)).toMatch(/Informational/);
  });

  it("the judgement carries the question name, its title and the value", () => {
    expect(judge({ kind: "present" }, "x", { title: { default: "Localised title", de: "Titel" } })).toMatchObject({
      question: "q1",
      title: "Localised title",
      value: "x",
    });
  });
});

describe("judgeEachPanel: a field repeated in a dynamic panel", () => {
  const meta: QuestionMeta = { requirements: ["FD-X"], judge: { kind: "boolean", expected: true } };
  it("the weakest panel decides", () => {
    const judgement = judgeEachPanel({ name: "signed" }, meta, [true, false, true], params, terms);
    expect(judgement.fraction).toBe(0);
    expect(judgement.value).toEqual([true, false, true]);
    expect(inEnglish(judgement.reason)).toMatch(/Weakest of 3 panel answers/);
  });

  it("all panels meeting it → 1", () => {
    expect(judgeEachPanel({ name: "signed" }, meta, [true, true], params, terms).fraction).toBe(1);
  });
});
