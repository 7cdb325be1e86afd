import { describe, expect, it } from "vitest";
import { loadCatalogue, loadTemplates } from "./loader";
import { proposeAnswers, questionIdentity, type KeptAnswer, type QuestionIdentity } from "./question-identity";

const catalogue = loadCatalogue();
const categoryOf = (id: string) => catalogue.byId.get(id)?.category;

function topLevel(templateId: string): Map<string, QuestionIdentity> {
  const t = loadTemplates().find((x) => x.id === templateId)!;
  const out = new Map<string, QuestionIdentity>();
  const walk = (els: Record<string, unknown>[] | undefined) => {
    for (const el of els ?? []) {
      if (el.type === "panel") walk(el.elements as Record<string, unknown>[]);
      else if (typeof el.name === "string" && el.type !== "html") out.set(el.name, questionIdentity(el, categoryOf));
    }
  };
  for (const p of (t.survey as { pages: { elements: Record<string, unknown>[] }[] }).pages) walk(p.elements);
  return out;
}

const kept = (q: QuestionIdentity, value: unknown): KeptAnswer => ({
  id: `org:${q.name}:${q.version}`,
  name: q.name,
  version: q.version,
  meaning: q.meaning,
  value,
  confirmedAt: new Date("2026-06-01T00:00:00Z"),
});

describe("question identity", () => {
  const full = topLevel("full-security");
  const short = topLevel("short-low-risk");

  it("gives a question asked in two questionnaires the same version, whatever its wording", () => {
    for (const name of ["breachNotifyHours", "mfaScope", "tlsMinimum", "dataLocations", "orgLegalName"]) {
      expect(short.get(name)?.version, name).toBe(full.get(name)?.version);
    }
  });

  it("changes the version when the answers it takes change", () => {
    const base = { type: "radiogroup", name: "q", choices: ["a", "b"] };
    const v = questionIdentity(base, categoryOf).version;
    expect(questionIdentity({ ...base, title: "Reworded", visibleIf: "{x} = true" }, categoryOf).version).toBe(v);
    expect(questionIdentity({ ...base, choices: ["a", "b", "c"] }, categoryOf).version).not.toBe(v);
    expect(questionIdentity({ ...base, type: "dropdown" }, categoryOf).version).not.toBe(v);
  });

  it("files questions under their requirement's category, identifying ones under the organisation", () => {
    expect(full.get("breachNotifyHours")?.section).toBe("incident-response");
    expect(full.get("orgLegalName")?.section).toBe("organisation");
    expect(full.get("orgLegalName")?.meaning).toBeNull();
  });

  it("offers the same question, and maps another name only through a unique meaning", () => {
    const profile = [
      kept(full.get("breachNotifyHours")!, 24),
      kept(full.get("incidentPlanUpload")!, [{ name: "plan.pdf", content: "/evidence/0123456789abcdef01234567" }]),
      kept(full.get("privilegedSeparate")!, true),
      kept(full.get("privilegedLogging")!, false),
    ];
    const asked = [short.get("breachNotifyHours")!, short.get("incidentPlanEvidence")!];
    const proposals = proposeAnswers(asked, profile);
    expect(proposals.map((p) => [p.name, p.match, p.answer.name])).toEqual([
      ["breachNotifyHours", "same", "breachNotifyHours"],
      ["incidentPlanEvidence", "mapped", "incidentPlanUpload"],
    ]);
    // two kept answers share a meaning: an imported question of a third name is not guessed
    const renamed = { ...full.get("privilegedSeparate")!, name: "separateAdminAccounts" };
    expect(proposeAnswers([renamed], profile)).toEqual([]);
  });
});
