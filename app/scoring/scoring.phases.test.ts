import { describe, expect, it } from "vitest";
import { scoreAssessment } from "./assessment";
import { composeChain } from "./chain";
import { approvedStatusesOf, clearPhases, type ApprovedStatuses } from "./phases";
import { answersWith, catalogue, makeAgreement, makeInput, override } from "#tests/fixtures/scoring";
import type { SupplierChainFacts } from "./types";
import { sayClearance, sayReason } from "#app/i18n/reasons";

const agreement = makeAgreement();
const allMet: ApprovedStatuses = Object.fromEntries(agreement.requirements.map((entry) => [entry.id, "met"]));
const goodFacts: SupplierChainFacts[] = [
  { supplierId: "sup-a", notifyHours: 12, locations: [{ country: "DE", transferMechanism: null }] },
  { supplierId: "sup-b", notifyHours: 12, locations: [{ country: "FR", transferMechanism: null }] },
];
const goodChain = composeChain(agreement, goodFacts);
const titles = new Map(catalogue.map((entry) => [entry.id, entry.title]));

function clearance(
  phaseId: string,
  supplierId: string,
  results: Map<string, ApprovedStatuses | null>,
  chain = goodChain,
) {
  const found = clearPhases(agreement, results, chain, titles).find(
    (entry) => entry.phaseId === phaseId && entry.supplierId === supplierId,
  );
  if (!found) throw new Error(`no clearance for ${phaseId}/${supplierId}`);
  return sayClearance("en", found);
}

describe("phase gates", () => {
  it("one clearance per phase and chain supplier, in the agreement's order", () => {
    const results = new Map([
      ["sup-a", allMet],
      ["sup-b", allMet],
    ]);
    expect(
      clearPhases(agreement, results, goodChain, titles).map((entry) => [
        entry.phaseId,
        entry.supplierId,
        entry.cleared,
      ]),
    ).toEqual([
      ["phase-1", "sup-a", true],
      ["phase-1", "sup-b", true],
      ["phase-2", "sup-a", true],
      ["phase-2", "sup-b", false],
    ]);
  });

  it("a cleared supplier gets a summary of why", () => {
    expect(clearance("phase-2", "sup-a", new Map([["sup-a", allMet]])).reasons).toEqual([
      "Cleared: FD-INC-01 Breach notification, FD-ENC-01 Encryption, FD-CERT-01 Independent certification met " +
        "on the latest approved assessment; a permitted recipient; " +
        "classes confidential, restricted within restricted; chain link ok.",
    ]);
  });

  it.each([
    { label: "no approved assessment (null)", statuses: null, reason: "No approved assessment." },
    { label: "no approved assessment (absent)", statuses: undefined, reason: "No approved assessment." },
    {
      label: "a required requirement only partially met",
      statuses: { ...allMet, "FD-ENC-01": "partially_met" },
      reason: "FD-ENC-01 Encryption is partially met; the phase requires it met.",
    },
    {
      label: "a required requirement not answered",
      statuses: { ...allMet, "FD-CERT-01": "not_answered" },
      reason: "FD-CERT-01 Independent certification is not answered; the phase requires it met.",
    },
    {
      label: "a required requirement missing from the assessment",
      statuses: Object.fromEntries(Object.entries(allMet).filter(([id]) => id !== "FD-INC-01")),
      reason: "FD-INC-01 Breach notification was not assessed on the latest approved assessment.",
    },
  ] as { label: string; statuses: ApprovedStatuses | null | undefined; reason: string }[])(
    "blocked by $label",
    ({ statuses, reason }) => {
      const results = new Map<string, ApprovedStatuses | null>();
      if (statuses !== undefined) results.set("sup-a", statuses);
      const result = clearance("phase-2", "sup-a", results);
      expect(result.cleared).toBe(false);
      expect(result.reasons).toContain(reason);
    },
  );

  it("a supplier not among the phase's permitted recipients, or cleared for a lower class, is blocked and told both", () => {
    const result = clearance("phase-2", "sup-b", new Map([["sup-b", allMet]]));
    expect(result.cleared).toBe(false);
    expect(result.reasons).toEqual([
      "Not a permitted recipient of this phase.",
      "The phase opens restricted information; the supplier may receive at most confidential.",
    ]);
  });

  it("an empty permitted list lets any chain supplier in", () => {
    expect(clearance("phase-1", "sup-b", new Map([["sup-b", allMet]])).cleared).toBe(true);
  });

  it("a failing chain link blocks the supplier even with every requirement met", () => {
    const chain = composeChain(agreement, [
      goodFacts[0],
      { ...goodFacts[1], locations: [{ country: "CN", transferMechanism: null }] },
    ]);
    const result = clearance("phase-1", "sup-b", new Map([["sup-b", allMet]]), chain);
    expect(result.cleared).toBe(false);
    expect(result.reasons[0]).toMatch(/^Chain link fails: .*China \(CN\) is outside the permitted jurisdictions/);
    expect(clearance("phase-1", "sup-a", new Map([["sup-a", allMet]]), chain).cleared).toBe(true);
  });

  it("lists every unmet condition at once", () => {
    const chain = composeChain(agreement, [goodFacts[0]]);
    const result = clearance("phase-2", "sup-b", new Map([["sup-b", { ...allMet, "FD-INC-01": "not_met" }]]), chain);
    expect(result.reasons).toHaveLength(4);
  });

  it("reads the effective (override-aware) status of a scoring result", () => {
    const scored = scoreAssessment(
      makeInput({
        answers: answersWith({ enc_at_rest: false }),
        overrides: [override({ requirementId: "FD-ENC-01", status: "met" })],
      }),
    );
    const result = clearance("phase-2", "sup-a", new Map([["sup-a", approvedStatusesOf(scored)]]));
    expect(result.cleared).toBe(true);
  });

  it("says a blocker in German and Arabic: the requirement's status, the failing link's reasons nested", () => {
    const chain = composeChain(agreement, [
      goodFacts[0],
      { ...goodFacts[1], notifyHours: null, locations: [{ country: "FR", transferMechanism: null }] },
    ]);
    const [found] = clearPhases(
      agreement,
      new Map([["sup-b", { ...allMet, "FD-INC-01": "not_met" }]]),
      chain,
      titles,
    ).filter((entry) => entry.phaseId === "phase-1" && entry.supplierId === "sup-b");
    const german = found.reasons.map((r) => sayReason("de", r));
    expect(german[0]).toMatch(/^FD-INC-01 .* ist nicht erfüllt; die Phase verlangt/);
    expect(german.at(-1)).toMatch(/^Kettenglied nicht in Ordnung: Die Meldefrist wurde von .* nicht beantwortet/);
    const arabic = found.reasons.map((r) => sayReason("ar", r)).join(" ");
    expect(arabic).toContain("غير مستوفى");
    expect(arabic).not.toMatch(/Chain link|not met|Notification/);
  });
});
