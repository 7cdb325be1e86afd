import { describe, expect, it } from "vitest";
import { composeChain, extractChainFacts, validateChainStructure } from "./chain";
import { answersWith, makeAgreement, template } from "#tests/fixtures/scoring";
import type { ChainLinkInput, SupplierChainFacts } from "./types";
import { sayChain, sayReason, sayReasons } from "#app/i18n/reasons";

function link(supplierId: string, tier: number, parentSupplierId: string | null): ChainLinkInput {
  return {
    supplierId,
    supplierName: `Supplier ${supplierId.toUpperCase()}`,
    tier,
    parentSupplierId,
    service: "Hosting",
    maxClass: "confidential",
    accessLevel: "read",
  };
}

function facts(
  supplierId: string,
  notifyHours: number | null,
  countries: (string | [string, string])[] = ["DE"],
): SupplierChainFacts {
  return {
    supplierId,
    notifyHours,
    locations: countries.map((entry) =>
      typeof entry === "string"
        ? { country: entry, transferMechanism: null }
        : { country: entry[0], transferMechanism: entry[1] },
    ),
  };
}

const threeTiers = [link("a", 1, null), link("b", 2, "a"), link("c", 3, "b")];

/** The composed chain with its reasons said in English. */
function compose(chain: ChainLinkInput[], supplierFacts: SupplierChainFacts[], window = 72) {
  return sayChain(
    "en",
    composeChain(makeAgreement({ chain, breachWindowHours: window, recipientNotifyHours: 24 }), supplierFacts),
  );
}

function linkOf<L extends { supplierId: string }>(result: { links: L[] }, id: string): L {
  const found = result.links.find((entry) => entry.supplierId === id);
  if (!found) throw new Error(`no link ${id}`);
  return found;
}

describe("notification windows add up along the chain", () => {
  it("tier 2 at 24 h to tier 1, tier 1 at 24 h, recipient 24 h: 72 h fits a 72 h window exactly", () => {
    const result = compose(threeTiers.slice(0, 2), [facts("a", 24), facts("b", 24)]);
    expect(linkOf(result, "b")).toMatchObject({ path: ["b", "a"], composedNotifyHours: 72, notifyOk: true, ok: true });
    expect(linkOf(result, "b").reasons[0]).toBe(
      "Notification: 24 h (recipient) + 24 h (Supplier A) + 24 h (Supplier B) = 72 h, within the agreement's 72 h window.",
    );
    expect(result.ok).toBe(true);
  });

  it("links that each pass alone fail together when the sum exceeds the window", () => {
    // every supplier notifies within 24 h, but three tiers plus the recipient need 96 h
    const result = compose(threeTiers, [facts("a", 24), facts("b", 24), facts("c", 24)], 72);
    expect(linkOf(result, "a")).toMatchObject({ composedNotifyHours: 48, notifyOk: true, ok: true });
    expect(linkOf(result, "b")).toMatchObject({ composedNotifyHours: 72, notifyOk: true, ok: true });
    expect(linkOf(result, "c")).toMatchObject({ composedNotifyHours: 96, notifyOk: false, ok: false });
    expect(linkOf(result, "c").reasons[0]).toContain("= 96 h, exceeding the agreement's 72 h window");
    expect(result.ok).toBe(false);
  });

  it.each([
    { hours: 47, ok: true },
    { hours: 48, ok: true },
    { hours: 49, ok: false },
  ])("recipient 24 h + tier 1 at $hours h against 72 h → ok: $ok", ({ hours, ok }) => {
    expect(linkOf(compose([link("a", 1, null)], [facts("a", hours)]), "a").notifyOk).toBe(ok);
  });

  it("an unanswered notification time anywhere on the path fails the link and names the supplier", () => {
    const result = compose(threeTiers.slice(0, 2), [facts("a", null), facts("b", 4)]);
    expect(linkOf(result, "b")).toMatchObject({ composedNotifyHours: null, notifyOk: false, ok: false });
    expect(linkOf(result, "b").reasons[0]).toBe(
      "Notification time not answered by Supplier A, so the chain's total is unknown.",
    );
  });

  it("a supplier with no facts at all (no assessment yet) counts as not answered", () => {
    const result = compose(threeTiers.slice(0, 2), [facts("a", 12)]);
    expect(linkOf(result, "a").ok).toBe(true);
    expect(linkOf(result, "b").reasons).toEqual([
      "Notification time not answered by Supplier B, so the chain's total is unknown.",
      "Data locations not answered by Supplier B.",
    ]);
  });
});

describe("every tier must keep information in permitted jurisdictions", () => {
  it("a tier-2 supplier in a non-permitted country behind a compliant tier 1: only the tier-2 link fails", () => {
    const result = compose(threeTiers.slice(0, 2), [facts("a", 12, ["DE"]), facts("b", 12, ["DE", "CN"])]);
    expect(linkOf(result, "a")).toMatchObject({ locationOk: true, locationViolations: [], ok: true });
    expect(linkOf(result, "b")).toMatchObject({
      locationOk: false,
      locationViolations: [{ supplierId: "b", country: "CN" }],
      ok: false,
    });
    expect(linkOf(result, "b").reasons).toContain(
      "Supplier B: China (CN) is outside the permitted jurisdictions (DE, FR, NL) and no transfer mechanism is in place.",
    );
    expect(result.ok).toBe(false);
  });

  it("a tier-1 violation also fails every link below it", () => {
    const result = compose(threeTiers.slice(0, 2), [facts("a", 12, ["US"]), facts("b", 12, ["DE"])]);
    expect(linkOf(result, "b").locationViolations).toEqual([{ supplierId: "a", country: "US" }]);
  });

  it.each([
    { mechanism: "SCC", ok: true },
    { mechanism: "BCR", ok: false },
  ])("a non-permitted country under $mechanism → ok: $ok", ({ mechanism, ok }) => {
    const result = compose(threeTiers.slice(0, 2), [facts("a", 12), facts("b", 12, [["US", mechanism]])]);
    expect(linkOf(result, "b").locationOk).toBe(ok);
  });

  it("unanswered locations fail the link without inventing a violation", () => {
    const result = compose([link("a", 1, null)], [facts("a", 12, [])]);
    expect(linkOf(result, "a")).toMatchObject({ locationOk: false, locationViolations: [], ok: false });
  });
});

describe("chain structure", () => {
  it.each([
    { label: "a well-formed chain", chain: threeTiers, errors: [] as string[] },
    {
      label: "an unknown parent",
      chain: [link("a", 1, null), link("b", 2, "ghost")],
      errors: ['Supplier B (b) works for unknown supplier "ghost".'],
    },
    {
      label: "a cycle",
      chain: [link("a", 1, null), link("b", 2, "c"), link("c", 3, "b")],
      errors: [
        "Supplier B (b) is tier 2 but works for Supplier C (tier 3); it must be tier 4.",
        "Cycle in the chain: Supplier B → Supplier C → Supplier B.",
      ],
    },
    {
      label: "a supplier working for itself",
      chain: [link("a", 1, "a")],
      errors: ["Supplier A (a) works for itself (cycle)."],
    },
    {
      label: "a tier that skips a level",
      chain: [link("a", 1, null), link("b", 3, "a")],
      errors: ["Supplier B (b) is tier 3 but works for Supplier A (tier 1); it must be tier 2."],
    },
    {
      label: "a tier-2 supplier with no parent",
      chain: [link("a", 2, null)],
      errors: ["Supplier A (a) works for the recipient directly, so it must be tier 1, not tier 2."],
    },
    {
      label: "a duplicate supplier",
      chain: [link("a", 1, null), link("a", 1, null)],
      errors: ["Supplier A (a) appears more than once in the chain."],
    },
    {
      label: "a tier of zero",
      chain: [link("a", 0, null)],
      errors: ["Supplier A (a): tier must be a whole number from 1, not 0."],
    },
  ])("$label", ({ chain, errors }) => {
    expect(sayReasons("en", validateChainStructure(chain))).toEqual(errors);
  });

  it("a cycle fails the chain but the links that can be computed still are", () => {
    const chain = [link("a", 1, null), link("b", 2, "c"), link("c", 3, "b")];
    const result = compose(chain, [facts("a", 12), facts("b", 12), facts("c", 12)]);
    expect(result.ok).toBe(false);
    expect(result.errors).toContain("Cycle in the chain: Supplier B → Supplier C → Supplier B.");
    expect(linkOf(result, "a")).toMatchObject({ ok: true, composedNotifyHours: 36 });
    expect(linkOf(result, "b")).toMatchObject({ ok: false, composedNotifyHours: null, path: ["b", "c"] });
    expect(linkOf(result, "b").reasons).toEqual(["No path to the recipient: the chain loops back to Supplier B."]);
  });

  it("an unknown parent fails that link and the chain, not the others", () => {
    const result = compose([link("a", 1, null), link("b", 2, "ghost")], [facts("a", 12), facts("b", 12)]);
    expect(result.errors).toEqual(['Supplier B (b) works for unknown supplier "ghost".']);
    expect(linkOf(result, "a").ok).toBe(true);
    expect(linkOf(result, "b").reasons).toEqual([
      'No path to the recipient: Supplier B works for unknown supplier "ghost".',
    ]);
  });

  it("a link whose tiers do not match its path is not ok even when the numbers are", () => {
    const result = compose([link("a", 1, null), link("b", 3, "a")], [facts("a", 12), facts("b", 12)]);
    expect(linkOf(result, "b").ok).toBe(false);
    expect(linkOf(result, "b").notifyOk).toBe(true);
  });

  it("facts given twice for one supplier are a caller error", () => {
    expect(() => compose(threeTiers, [facts("a", 1), facts("a", 2)])).toThrow(/twice/);
  });
});

describe("chain facts from a supplier's answers", () => {
  it("reads the notification hours and the data locations", () => {
    const answers = answersWith({
      inc_notify_hours: "36",
      data_locations: [
        { country: "de" },
        { country: "US", transferMechanism: "SCC" },
        { country: "FR", transferMechanism: "none" },
        {},
      ],
    });
    expect(extractChainFacts(template, answers, "sup-a")).toEqual({
      supplierId: "sup-a",
      notifyHours: 36,
      locations: [
        { country: "DE", transferMechanism: null },
        { country: "US", transferMechanism: "SCC" },
        { country: "FR", transferMechanism: null },
      ],
    });
  });

  it("unanswered facts are null and empty", () => {
    expect(extractChainFacts(template, {}, "sup-a")).toEqual({ supplierId: "sup-a", notifyHours: null, locations: [] });
  });

  it("feed composeChain directly", () => {
    const agreement = makeAgreement();
    const result = composeChain(agreement, [
      extractChainFacts(template, answersWith({ inc_notify_hours: 12 }), "sup-a"),
      extractChainFacts(template, answersWith({ inc_notify_hours: 12, data_locations: [{ country: "CN" }] }), "sup-b"),
    ]);
    expect(linkOf(result, "sup-a").ok).toBe(true);
    expect(linkOf(result, "sup-b").locationViolations).toEqual([{ supplierId: "sup-b", country: "CN" }]);
  });
});

describe("the chain's reasons in the reader's language", () => {
  const agreement = makeAgreement({ chain: threeTiers.slice(0, 2), breachWindowHours: 72, recipientNotifyHours: 24 });

  it("says the notification sum in German and Arabic, with the suppliers' names as they are", () => {
    const raw = composeChain(agreement, [facts("a", 24), facts("b", 36)]);
    const b = raw.links.find((l) => l.supplierId === "b")!;
    const german = sayReason("de", b.reasons[0]);
    expect(german).toBe(
      "Meldung: 24 h (Empfänger) + 24 h (Supplier A) + 36 h (Supplier B) = 84 h, mehr als die Frist der Vereinbarung von 72 h.",
    );
    const arabic = sayReason("ar", b.reasons[0]);
    expect(arabic).toContain("الإخطار");
    expect(arabic).toContain("Supplier B");
    expect(arabic).not.toMatch(/Notification|window/);
  });

  it("says an unanswered notification time and a structural error in Japanese", () => {
    const raw = composeChain(agreement, [facts("a", null), facts("b", 4)]);
    expect(sayReason("ja", raw.links[1].reasons[0])).toBe(
      "Supplier A が通知時間に回答していないため、チェーン全体の合計時間は不明です。",
    );
    const [error] = validateChainStructure([link("a", 1, null), link("b", 3, "a")]);
    expect(sayReason("de", error)).toBe(
      "Supplier B (b) ist Ebene 3, arbeitet aber für Supplier A (Ebene 1); es muss Ebene 2 sein.",
    );
  });
});
