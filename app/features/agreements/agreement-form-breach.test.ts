import { describe, expect, it } from "vitest";
import { composeChain } from "#app/scoring/chain";
import type { ChainLinkInput } from "#app/scoring/types";
import { makeAgreement } from "#tests/fixtures/scoring";
import {
  breachInputFromValues,
  composeBreachBudget,
  describeBreachBudget,
  type BreachInput,
} from "./agreement-form-breach";
import { tIn } from "#app/i18n/messages.server";
import type { Locale } from "#app/i18n/locales";
import type { Say } from "./say";

const sayIn =
  (locale: Locale): Say =>
  (id, values) =>
    tIn(locale, id, values);
const say = sayIn("en");

const input = (w: number, r: number, s: number | null, deepestTier: number): BreachInput => ({
  windowHours: w,
  recipientHours: r,
  supplierHours: s,
  deepestTier,
  requirementId: "FD-INC-01",
});

describe("the breach budget", () => {
  // window, recipient, each supplier (null: requirement not in the agreement), deepest tier → the line, the refusals
  const cases: [number, number, number | null, number, string, [string, RegExp][]][] = [
    [72, 24, 24, 2, "Recipient 24 h + tier 1 24 h + tier 2 24 h = 72 h of the 72 h window.", []],
    [72, 24, 12, 2, "Recipient 24 h + tier 1 12 h + tier 2 12 h = 48 h of the 72 h window (24 h to spare).", []],
    [
      72,
      24,
      24,
      3,
      "Recipient 24 h + tier 1 24 h + tier 2 24 h + tier 3 24 h = 96 h of the 72 h window (24 h too many).",
      [
        [
          "supplierHours",
          /^Recipient 24 h \+ 3 tiers × 24 h = 96 h, more than the 72 h window: a chain in which every supplier met FD-INC-01 would still break it\. It would fit with each supplier's time at most 16 h or a window of at least 96 h\.$/,
        ],
      ],
    ],
    [
      48,
      24,
      24,
      2,
      "Recipient 24 h + tier 1 24 h + tier 2 24 h = 72 h of the 48 h window (24 h too many).",
      [
        [
          "supplierHours",
          /2 tiers × 24 h = 72 h, more than the 48 h window.*It would fit with each supplier's time at most 12 h or a window of at least 72 h\./,
        ],
      ],
    ],
    [
      72,
      60,
      12,
      1,
      "Recipient 60 h + tier 1 12 h = 72 h of the 72 h window.",
      [], // exactly full is fine
    ],
    [
      72,
      66,
      4,
      2,
      "Recipient 66 h + tier 1 4 h + tier 2 4 h = 74 h of the 72 h window (2 h too many).",
      [
        [
          "supplierHours",
          /the recipient's own time at most 64 h, each supplier's time at most 3 h or a window of at least 74 h/,
        ],
      ],
    ],
    [
      72,
      72,
      24,
      1,
      "Recipient 72 h + tier 1 24 h = 96 h of the 72 h window (24 h too many).",
      [
        [
          "recipientNotifyHours",
          /^The recipient's own 72 h take the whole 72 h window, leaving no time for its suppliers to tell it\. It would fit with the recipient's own time at most 48 h or a window of at least 96 h\.$/,
        ],
      ],
    ],
    [
      72,
      96,
      24,
      2,
      "Recipient 96 h + tier 1 24 h + tier 2 24 h = 144 h of the 72 h window (72 h too many).",
      [
        [
          "recipientNotifyHours",
          /own 96 h are longer than the 72 h window.*at most 24 h or a window of at least 144 h/,
        ],
      ],
    ],
    [
      72,
      24,
      96,
      1,
      "Recipient 24 h + tier 1 96 h = 120 h of the 72 h window (48 h too many).",
      [
        [
          "supplierHours",
          /^Each supplier's 96 h under FD-INC-01 are longer than the whole chain's 72 h window\. It would fit with each supplier's time at most 48 h or a window of at least 120 h\.$/,
        ],
      ],
    ],
    [
      72,
      80,
      100,
      2,
      "Recipient 80 h + tier 1 100 h + tier 2 100 h = 280 h of the 72 h window (208 h too many).",
      [
        ["recipientNotifyHours", /own 80 h are longer than the 72 h window/],
        ["supplierHours", /Each supplier's 100 h under FD-INC-01 are longer/],
      ],
    ],
    // without the requirement only the window and the recipient's time count
    [
      72,
      24,
      null,
      2,
      "Recipient 24 h of the 72 h window, leaving 48 h for the suppliers. FD-INC-01 is not part of this agreement, so no supplier is held to its own time.",
      [],
    ],
    [
      72,
      72,
      null,
      2,
      "Recipient 72 h of the 72 h window. FD-INC-01 is not part of this agreement, so no supplier is held to its own time.",
      [
        [
          "recipientNotifyHours",
          /take the whole 72 h window.*the recipient's own time at most 71 h or a window of at least 73 h/,
        ],
      ],
    ],
    // an empty chain is counted as one tier: the first supplier must fit
    [
      72,
      24,
      24,
      0,
      "Recipient 24 h + tier 1 24 h = 48 h of the 72 h window (24 h to spare). The chain has no supplier yet: one tier is counted.",
      [],
    ],
    [
      72,
      24,
      60,
      0,
      "Recipient 24 h + tier 1 60 h = 84 h of the 72 h window (12 h too many). The chain has no supplier yet: one tier is counted.",
      [["supplierHours", /1 tier × 60 h = 84 h/]],
    ],
    // nothing that fits within the form's 720 h bound (and hours in thousands, as the locale writes them)
    [
      700,
      600,
      710,
      10,
      "Recipient 600 h + tier 1 710 h + tier 2 710 h + tier 3 710 h + tier 4 710 h + tier 5 710 h + tier 6 710 h + tier 7 710 h + tier 8 710 h + tier 9 710 h + tier 10 710 h = 7,700 h of the 700 h window (7,000 h too many).",
      [
        [
          "supplierHours",
          /longer than the whole chain's 700 h window\. It would fit with each supplier's time at most 10 h\.$/,
        ],
      ],
    ],
  ];

  it.each(cases)(
    "window %i h, recipient %i h, each supplier %s h, deepest tier %i",
    (w, r, s, tier, line, refusals) => {
      const budget = composeBreachBudget(input(w, r, s, tier), say);
      expect(describeBreachBudget(budget, "FD-INC-01", say)).toBe(line);
      expect(budget.fits).toBe(refusals.length === 0);
      expect(budget.problems.map((p) => p.field)).toEqual(refusals.map(([field]) => field));
      budget.problems.forEach((problem, i) => expect(problem.message).toMatch(refusals[i][1]));
    },
  );

  it("says when no window the form allows would fit", () => {
    const budget = composeBreachBudget(input(700, 699, 710, 10), say);
    expect(budget.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/no window the form allows fits these values/),
    ]);
  });

  it("every remedy it offers does fit", () => {
    for (const [w, r, s, tier] of [
      [72, 24, 24, 3],
      [48, 24, 24, 2],
      [72, 66, 4, 2],
      [72, 72, 24, 1],
      [72, 24, 96, 1],
      [30, 10, 7, 4],
    ]) {
      const [problem] = composeBreachBudget(input(w, r, s, tier), say).problems;
      const recipient = /recipient's own time at most (\d+) h/.exec(problem.message)?.[1];
      const supplier = /each supplier's time at most (\d+) h/.exec(problem.message)?.[1];
      const window = /a window of at least (\d+) h/.exec(problem.message)?.[1];
      if (recipient) expect(composeBreachBudget(input(w, Number(recipient), s, tier), say).fits).toBe(true);
      if (supplier) expect(composeBreachBudget(input(w, r, Number(supplier), tier), say).fits).toBe(true);
      if (window) expect(composeBreachBudget(input(Number(window), r, s, tier), say).fits).toBe(true);
      expect(recipient ?? supplier ?? window).toBeDefined();
    }
  });

  it("agrees with the chain composition: it fits exactly when a chain whose every supplier answers its hours passes", () => {
    const chainOf = (depth: number): ChainLinkInput[] =>
      Array.from({ length: depth }, (_, i) => ({
        supplierId: `s${i + 1}`,
        supplierName: `Supplier ${i + 1}`,
        tier: i + 1,
        parentSupplierId: i === 0 ? null : `s${i}`,
        service: "Hosting",
        maxClass: "internal",
        accessLevel: "read",
      }));
    for (const w of [24, 48, 72, 96])
      for (const r of [1, 12, 24, 48, 72])
        for (const s of [1, 12, 24, 48, 96])
          for (const depth of [1, 2, 3]) {
            const agreement = makeAgreement({ breachWindowHours: w, recipientNotifyHours: r, chain: chainOf(depth) });
            const facts = agreement.chain.map((l) => ({ supplierId: l.supplierId, notifyHours: s, locations: [] }));
            const deepest = composeChain(agreement, facts).links.find((l) => l.tier === depth)!;
            expect([w, r, s, depth, composeBreachBudget(input(w, r, s, depth), say).fits]).toEqual([
              w,
              r,
              s,
              depth,
              deepest.notifyOk,
            ]);
          }
  });
});

describe("the breach budget in the reader's language", () => {
  it("says the line in German, Japanese and Arabic, with plural hours and tiers", () => {
    const line = (locale: Locale, w: number, r: number, s: number | null, tier: number) =>
      describeBreachBudget(composeBreachBudget(input(w, r, s, tier), sayIn(locale)), "FD-INC-01", sayIn(locale));
    expect(line("de", 72, 24, 12, 2)).toBe(
      "Empfänger 24 h + Ebene 1 12 h + Ebene 2 12 h = 48 h des Zeitfensters von 72 h (24 h Reserve).",
    );
    expect(line("de", 72, 24, 60, 0)).toBe(
      "Empfänger 24 h + Ebene 1 60 h = 84 h des Zeitfensters von 72 h (12 h zu viel). " +
        "Die Kette hat noch keinen Lieferanten: Eine Ebene wird gezählt.",
    );
    expect(line("de", 700, 600, 710, 10)).toMatch(/= 7\.700 h des Zeitfensters von 700 h \(7\.000 h zu viel\)\.$/);
    expect(line("ja", 72, 24, 24, 2)).toBe(
      "受領者 24時間 + 第1階層 24時間 + 第2階層 24時間 = 72時間（72時間の期間中）。",
    );
    expect(line("ar", 72, 1, null, 0)).toBe(
      "المستلم ساعة واحدة من نافذة 72 ساعة، ويتبقى 71 ساعة للموردين. FD-INC-01 ليس جزءًا من هذه الاتفاقية، لذا لا يلتزم أي مورد بمدة خاصة به.",
    );
    expect(line("ar", 2, 1, null, 0)).toMatch(/^المستلم ساعة واحدة من نافذة ساعتان، ويتبقى ساعة واحدة للموردين\./);
  });

  it("refuses in German, with the tiers counted and the remedies listed", () => {
    const budget = composeBreachBudget(input(72, 66, 4, 2), sayIn("de"));
    expect(budget.problems).toEqual([
      {
        field: "supplierHours",
        message:
          "Empfänger 66 h + 2 Ebenen × 4 h = 74 h, mehr als das Zeitfenster von 72 h: " +
          "Eine Kette, in der jeder Lieferant FD-INC-01 erfüllt, würde es dennoch überschreiten. " +
          "Es würde passen mit höchstens 64 h für den Empfänger selbst, höchstens 3 h je Lieferant " +
          "oder einem Zeitfenster von mindestens 74 h.",
      },
    ]);
    const [whole] = composeBreachBudget(input(72, 72, 24, 1), sayIn("ar")).problems;
    expect(whole.message).toMatch(/^تستغرق مدة المستلم نفسه البالغة 72 ساعة نافذة 72 ساعة بأكملها/);
  });
});

describe("the budget's input from the form as typed", () => {
  const requirement = { id: "FD-INC-01", defaultHours: 24 };
  const form = (changes: Record<string, string | string[]>) => ({
    breachWindowHours: "72",
    recipientNotifyHours: "24",
    requirements: ["FD-CONF-01", "FD-INC-01"],
    "param.FD-INC-01.notifyWithinHours": "12",
    "chain.0.supplierOrgId": "a",
    "chain.0.tier": "1",
    "chain.1.supplierOrgId": "b",
    "chain.1.tier": "2",
    ...changes,
  });

  const cases: [string, Record<string, string | string[]>, Partial<BreachInput> | null][] = [
    ["the values as typed", {}, { windowHours: 72, recipientHours: 24, supplierHours: 12, deepestTier: 2 }],
    ["a deeper row added", { "chain.5.supplierOrgId": "c", "chain.5.tier": "3" }, { deepestTier: 3 }],
    ["a row with no supplier chosen", { "chain.5.supplierOrgId": "", "chain.5.tier": "3" }, { deepestTier: 2 }],
    ["a tier that is not a number yet", { "chain.1.tier": "" }, { deepestTier: 1 }],
    ["the requirement unticked", { requirements: "FD-CONF-01" }, { supplierHours: null }],
    ["the supplier hours left empty", { "param.FD-INC-01.notifyWithinHours": " " }, { supplierHours: 24 }],
    ["a window being typed", { breachWindowHours: "" }, null],
    ["recipient hours that are not a number", { recipientNotifyHours: "a day" }, null],
    ["supplier hours that are not a number", { "param.FD-INC-01.notifyWithinHours": "12h" }, null],
  ];

  it.each(cases)("reads %s", (_label, changes, expected) => {
    const read = breachInputFromValues(form(changes), requirement);
    if (expected === null) expect(read).toBeNull();
    else expect(read).toMatchObject(expected);
  });

  it("uses the window alone when the catalogue has no such requirement", () => {
    expect(breachInputFromValues(form({}), null)).toMatchObject({ supplierHours: null, requirementId: "" });
  });
});
