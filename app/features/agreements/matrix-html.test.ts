import { describe, expect, it } from "vitest";
import { cellTitle, escapeHtml, matrixRowsHtml, type MatrixSupplier } from "./matrix-html";

const supplier = (over: Partial<MatrixSupplier>): MatrixSupplier => ({
  id: "s1",
  name: "Baltic Cloud Hosting OÜ",
  tier: 1,
  latest: { score: 72, status: "under_review" },
  cells: "mpna",
  computed: {},
  ...over,
});

describe("the compliance matrix rows", () => {
  it("show each requirement's result as its symbol and colour, in the agreement's order", () => {
    const html = matrixRowsHtml(["FD-A", "FD-B", "FD-C", "FD-D"], [supplier({})]);
    expect(html).toContain('<tr data-supplier="Baltic Cloud Hosting OÜ">');
    expect(html).toContain("tier 1 · 72/100, under review");
    expect(html.match(/<td[^>]*>[^<]*<\/td>/g)).toEqual([
      '<td class="m">✓</td>',
      '<td class="p">½</td>',
      '<td class="n">✗</td>',
      '<td class="a">–</td>',
    ]);
  });

  it("mark an override, and a supplier without a scored assessment", () => {
    const html = matrixRowsHtml(
      ["FD-A", "FD-B"],
      [
        supplier({ cells: "Mn", computed: { "FD-A": "not_met" } }),
        supplier({ id: "s2", name: "No score", latest: null, cells: ".." }),
      ],
    );
    expect(html).toContain('<td class="m o">✓*</td><td class="n">✗</td>');
    expect(html).toContain('no score yet</div></th><td class="x">·</td><td class="x">·</td>');
  });

  it("never turn a supplier's name into markup", () => {
    const name = `"><img src=x onerror=alert(1)> & 'Acme'`;
    const html = matrixRowsHtml(["FD-A"], [supplier({ name, cells: "m" })]);
    expect(html).not.toContain("<img");
    expect(html).toContain(`data-supplier="&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &#39;Acme&#39;"`);
    expect(escapeHtml(name)).toBe("&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &#39;Acme&#39;");
  });

  it("explain a cell in words on hover, with the engine's result beside an override", () => {
    expect(cellTitle("FD-INC-01", "n", undefined)).toBe("FD-INC-01: Not met");
    expect(cellTitle("FD-VUL-01", "M", "partially_met")).toBe("FD-VUL-01: Met (overridden; computed Partly met)");
    expect(cellTitle("FD-LOC-01", ".", undefined)).toBe("FD-LOC-01: no submitted assessment");
  });
});
