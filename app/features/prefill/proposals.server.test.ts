import { describe, expect, it } from "vitest";
import type { Proposal } from "#questionnaires/question-identity";
import type { TemplateFile } from "#questionnaires/types";
import { fittingProposals } from "./proposals.server";

const template = {
  id: "t",
  survey: {
    pages: [
      {
        name: "p1",
        elements: [
          { type: "boolean", name: "mfa" },
          { type: "radiogroup", name: "backup", choices: ["daily", "weekly"] },
          { type: "text", name: "staff", inputType: "number" },
          { type: "file", name: "policy" },
        ],
      },
    ],
  },
} as unknown as TemplateFile;

const mine = "a".repeat(24);
const theirs = "b".repeat(24);

function proposal(name: string, value: unknown): Proposal {
  return {
    name,
    match: "same",
    answer: { id: `org:${name}:v`, name, version: "v", meaning: null, value, confirmedAt: new Date("2026-01-01") },
  };
}

describe("which profile answers a questionnaire offers", () => {
  it("offers a value that fits the question, as the questionnaire stores it", () => {
    const out = fittingProposals(template, [proposal("mfa", true), proposal("staff", "42")], {}, new Set());
    expect(out.map((p) => [p.name, p.value])).toEqual([
      ["mfa", true],
      ["staff", 42],
    ]);
  });

  it("drops a value the question no longer takes (a choice removed, another type)", () => {
    const out = fittingProposals(template, [proposal("backup", "monthly"), proposal("mfa", "yes")], {}, new Set());
    expect(out).toEqual([]);
  });

  it("drops evidence that is not the supplier's own", () => {
    const file = (id: string) => [{ name: "policy.pdf", type: "application/pdf", content: `/evidence/${id}` }];
    const out = fittingProposals(template, [proposal("policy", file(theirs))], {}, new Set([mine]));
    expect(out).toEqual([]);
    expect(fittingProposals(template, [proposal("policy", file(mine))], {}, new Set([mine]))).toHaveLength(1);
  });

  it("offers nothing for a question already answered (a re-assessment keeps its approved answers)", () => {
    const out = fittingProposals(
      template,
      [proposal("mfa", true), proposal("backup", "daily")],
      { mfa: false },
      new Set(),
    );
    expect(out.map((p) => p.name)).toEqual(["backup"]);
  });

  it("offers nothing for a question this questionnaire does not ask", () => {
    expect(fittingProposals(template, [proposal("gone", true)], {}, new Set())).toEqual([]);
  });
});
