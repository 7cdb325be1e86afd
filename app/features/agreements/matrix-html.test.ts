import { describe, expect, it } from "vitest";
import {
  cellTitle,
  escapeHtml,
  groupRequirements,
  groupSummary,
  groupSummaryText,
  matrixColumns,
  matrixRowsHtml,
  type MatrixGroup,
  type MatrixSupplier,
  type MatrixWords,
} from "./matrix-html";
import { tIn } from "#app/i18n/messages.server";
import type { Locale } from "#app/i18n/locales";

/** the matrix's words in one language, as a page would pass them */
const wordsIn = (locale: Locale): MatrixWords => ({ locale, say: (id, values) => tIn(locale, id, values) });
const en = wordsIn("en");
const say = en.say;

const supplier = (over: Partial<MatrixSupplier>): MatrixSupplier => ({
  id: "s1",
  name: "Baltic Cloud Hosting OÜ",
  tier: 1,
  latest: { score: 72, status: "under_review" },
  cells: "mpna",
  computed: {},
  ...over,
});

/** the first `count` requirements, all in one category */
const oneGroup = (count: number): MatrixGroup[] => [
  { key: "encryption", label: "Encryption", columns: Array.from({ length: count }, (_, i) => i) },
];

/** the body cells of the rows, in order */
const cells = (html: string) => html.match(/<td[^>]*>.*?<\/td>/g);

describe("the compliance matrix rows", () => {
  it("show each requirement's result as its class and its words, in the agreement's order", () => {
    const html = matrixRowsHtml(en, oneGroup(4), [supplier({})]);
    expect(html).toContain('<tr data-supplier="Baltic Cloud Hosting OÜ">');
    expect(html).toContain("tier 1 · 72/100, under review");
    expect(cells(html)).toEqual([
      '<td class="m"><i>Met</i></td>',
      '<td class="p"><i>Partly met</i></td>',
      '<td class="n"><i>Not met</i></td>',
      '<td class="a"><i>Not answered</i></td>',
    ]);
  });

  it("mark an override, and a supplier without a scored assessment", () => {
    const html = matrixRowsHtml(en, oneGroup(2), [
      supplier({ cells: "Mn", computed: { "FD-A": "not_met" } }),
      supplier({ id: "s2", name: "No score", latest: null, cells: ".." }),
    ]);
    expect(html).toContain('<td class="m o"><i>Met, overridden</i></td><td class="n"><i>Not met</i></td>');
    expect(html).toContain(
      'no score yet</div></th><td class="x"><i>No result</i></td><td class="x"><i>No result</i></td>',
    );
  });

  it("never turn a supplier's name into markup", () => {
    const name = `"><img src=x onerror=alert(1)> & 'Acme'`;
    const html = matrixRowsHtml(en, oneGroup(1), [supplier({ name, cells: "m" })]);
    expect(html).not.toContain("<img");
    expect(html).toContain(`data-supplier="&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &#39;Acme&#39;"`);
    expect(escapeHtml(name)).toBe("&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &#39;Acme&#39;");
  });

  it("explain a cell in words on hover, with the engine's result beside an override", () => {
    expect(cellTitle(say, "FD-INC-01", "n", undefined)).toBe("FD-INC-01: Not met");
    expect(cellTitle(say, "FD-VUL-01", "M", "partially_met")).toBe("FD-VUL-01: Met (overridden; computed Partly met)");
    expect(cellTitle(say, "FD-LOC-01", ".", undefined)).toBe("FD-LOC-01: no submitted assessment");
  });
  it("mark a cell held down by an open audit finding as such, with the computed result beside it", () => {
    const html = matrixRowsHtml(en, oneGroup(2), [supplier({ cells: "NM", findingCells: { 0: "major" } })]);
    expect(cells(html)).toEqual([
      '<td class="n o f"><i>Not met (open audit finding)</i></td>',
      '<td class="m o"><i>Met, overridden</i></td>',
    ]);
    expect(cellTitle(say, "FD-ENC-01", "N", "met", "major")).toBe(
      "FD-ENC-01: Not met (open audit finding, Major; computed Met)",
    );
  });
});

describe("the matrix's groups of requirements", () => {
  const requirements = [
    { id: "FD-CONF-01", category: "confidentiality" },
    { id: "FD-ENC-01", category: "encryption" },
    { id: "FD-CONF-02", category: "confidentiality" },
    { id: "FD-OLD-09", category: null },
    { id: "FD-ENC-02", category: "encryption" },
  ];

  it("group the columns by catalogue category, in the order the agreement first names each", () => {
    expect(groupRequirements(say, requirements)).toEqual([
      { key: "confidentiality", label: "Confidentiality and purpose limitation", columns: [0, 2] },
      { key: "encryption", label: "Encryption", columns: [1, 4] },
      { key: "other", label: "Other requirements", columns: [3] },
    ]);
  });

  it("put each cell under its own requirement's header when the columns are regrouped", () => {
    const groups = groupRequirements(say, requirements);
    // cells in the agreement's order: CONF-01 met, ENC-01 not met, CONF-02 partly, OLD-09 none, ENC-02 met
    const html = matrixRowsHtml(en, groups, [supplier({ cells: "mnp.m" })]);
    expect(cells(html)?.map((c) => c.match(/class="(\w+)/)?.[1])).toEqual(["m", "p", "n", "m", "x"]);
    expect(matrixColumns(groups, new Set())).toEqual([
      { requirement: 0 },
      { requirement: 2 },
      { requirement: 1 },
      { requirement: 4 },
      { requirement: 3 },
    ]);
  });

  it("show a collapsed group as one cell per supplier: the worst result and how many are met", () => {
    const groups = groupRequirements(say, requirements);
    const collapsed = new Set(["encryption"]);
    expect(matrixColumns(groups, collapsed)).toEqual([
      { requirement: 0 },
      { requirement: 2 },
      { group: groups[1] },
      { requirement: 3 },
    ]);
    const html = matrixRowsHtml(en, groups, [supplier({ cells: "mnp.m" })], collapsed);
    const row = cells(html)!;
    expect(row).toHaveLength(4);
    expect(row[2]).toBe(
      '<td class="n g" title="Encryption: 1 of 2 met, 1 not met; worst: Not met">' +
        '<i>Encryption: 1 of 2 met, 1 not met; worst: Not met</i><b aria-hidden="true">1/2</b></td>',
    );
    // expanding again gives back the very same rows
    expect(matrixRowsHtml(en, groups, [supplier({ cells: "mnp.m" })], new Set())).toBe(
      matrixRowsHtml(en, groups, [supplier({ cells: "mnp.m" })]),
    );
  });

  it.each([
    ["every requirement met", "mmm", "m", "Access control: 3 of 3 met; worst: Met"],
    ["a partial result among met ones", "mpm", "p", "Access control: 2 of 3 met, 1 partly met; worst: Partly met"],
    [
      "not answered ranks below partly met",
      "pam",
      "a",
      "Access control: 1 of 3 met, 1 partly met, 1 not answered; worst: Not answered",
    ],
    [
      "not met is the worst",
      "anp",
      "n",
      "Access control: 0 of 3 met, 1 partly met, 1 not answered, 1 not met; worst: Not met",
    ],
    [
      "a missing result is not hidden by met ones",
      "m.m",
      "x",
      "Access control: 2 of 3 met, 1 no result; worst: no result",
    ],
    [
      "a missing result does not hide a failure",
      "n.m",
      "n",
      "Access control: 1 of 3 met, 1 not met, 1 no result; worst: Not met",
    ],
    ["no assessment at all", "...", "x", "Access control: no submitted assessment"],
    ["overrides are counted", "MNm", "n", "Access control: 2 of 3 met, 1 not met; worst: Not met; 2 overridden"],
  ])("summarise a collapsed group: %s", (_, cellCodes, worst, text) => {
    const summary = groupSummary(cellCodes, [0, 1, 2]);
    expect(summary.worst).toBe(worst);
    expect(groupSummaryText(say, "Access control", summary)).toBe(text);
  });

  it("summarise only the group's own columns, mark a group holding an override, and count nothing without results", () => {
    const groups: MatrixGroup[] = [
      { key: "a", label: "A", columns: [0, 2] },
      { key: "b", label: "B & <C>", columns: [1, 3] },
    ];
    const html = matrixRowsHtml(en, groups, [supplier({ cells: "nMm." })], new Set(["a", "b"]));
    const [a, b] = cells(html)!;
    expect(a).toContain('class="n g"');
    expect(a).toContain("1/2</b>");
    expect(b).toContain('class="x g o"');
    expect(b).toContain("B &amp; &lt;C&gt;: 1 of 2 met, 1 no result; worst: no result; 1 overridden");

    const none = matrixRowsHtml(en, groups, [supplier({ cells: "...." })], new Set(["a"]));
    expect(cells(none)![0]).toBe(
      '<td class="x g" title="A: no submitted assessment"><i>A: no submitted assessment</i></td>',
    );
  });
});

describe("the matrix in the reader's language", () => {
  const de = wordsIn("de");
  const ar = wordsIn("ar");
  const requirements: { id: string; category: string | null }[] = [
    { id: "FD-ENC-01", category: "encryption" },
    { id: "FD-ENC-02", category: "encryption" },
  ];

  it("says the cells, the row's score and an empty row in German", () => {
    const html = matrixRowsHtml(de, oneGroup(4), [supplier({ cells: "Mpna" })]);
    expect(html).toContain("Ebene 1 · 72/100, in Prüfung");
    expect(cells(html)).toEqual([
      '<td class="m o"><i>Erfüllt, überschrieben</i></td>',
      '<td class="p"><i>Teilweise erfüllt</i></td>',
      '<td class="n"><i>Nicht erfüllt</i></td>',
      '<td class="a"><i>Nicht beantwortet</i></td>',
    ]);
    const none = matrixRowsHtml(de, oneGroup(1), [supplier({ latest: null, cells: "." })]);
    expect(none).toContain('Ebene 1 · noch keine Punktzahl</div></th><td class="x"><i>Kein Ergebnis</i></td>');
  });

  it("keeps one built matrix per language for the same data", () => {
    const rows = [supplier({ cells: "m" })];
    expect(cells(matrixRowsHtml(en, oneGroup(1), rows))).toEqual(['<td class="m"><i>Met</i></td>']);
    expect(cells(matrixRowsHtml(de, oneGroup(1), rows))).toEqual(['<td class="m"><i>Erfüllt</i></td>']);
    expect(cells(matrixRowsHtml(ar, oneGroup(1), rows))).toEqual(['<td class="m"><i>مستوفى</i></td>']);
    expect(cells(matrixRowsHtml(en, oneGroup(1), rows))).toEqual(['<td class="m"><i>Met</i></td>']);
  });

  it("explains a cell and names the groups in German", () => {
    expect(cellTitle(de.say, "FD-VUL-01", "M", "partially_met")).toBe(
      "FD-VUL-01: Erfüllt (überschrieben; berechnet: Teilweise erfüllt)",
    );
    expect(cellTitle(de.say, "FD-LOC-01", ".", undefined)).toBe("FD-LOC-01: keine eingereichte Bewertung");
    expect(
      groupRequirements(de.say, [...requirements, { id: "FD-OLD-09", category: null }]).map((g) => g.label),
    ).toEqual(["Verschlüsselung", "Weitere Anforderungen"]);
  });

  it("summarises a collapsed group in German and in Arabic", () => {
    const summary = groupSummary("MN.", [0, 1, 2]);
    expect(groupSummaryText(de.say, "Verschlüsselung", summary)).toBe(
      "Verschlüsselung: 1 von 3 erfüllt, 1 nicht erfüllt, 1 ohne Ergebnis; am schlechtesten: Nicht erfüllt; 2 überschrieben",
    );
    expect(groupSummaryText(ar.say, "التشفير", summary)).toBe(
      "التشفير: 1 من 3 مستوفى، 1 غير مستوفى، 1 بلا نتيجة؛ الأسوأ: غير مستوفى؛ 2 تم تجاوزها",
    );
    const html = matrixRowsHtml(
      de,
      groupRequirements(de.say, requirements),
      [supplier({ cells: "mn" })],
      new Set(["encryption"]),
    );
    expect(cells(html)).toEqual([
      '<td class="n g" title="Verschlüsselung: 1 von 2 erfüllt, 1 nicht erfüllt; am schlechtesten: Nicht erfüllt">' +
        '<i>Verschlüsselung: 1 von 2 erfüllt, 1 nicht erfüllt; am schlechtesten: Nicht erfüllt</i><b aria-hidden="true">1/2</b></td>',
    ]);
  });
});
