import { describe, expect, it } from "vitest";
import { splitByFont } from "./fonts";
import { cleanText, layoutText, textWidth, truncateText } from "./pdf";
import { daysBetween } from "#app/scoring/dates";
import { agreementFixture, assessmentFixture, assessmentResult } from "#tests/fixtures/reports";
import {
  certificatesExpiringWithin,
  certificationRows,
  complianceMatrix,
  formatAnswer,
  linkLocationText,
  linkLocationVerdict,
  linkNotifyVerdict,
  matrixCode,
  remediationRows,
  requirementStatusLine,
  requirementStatusText,
  summariseResult,
  verificationText,
} from "./view";

describe("report view helpers", () => {
  it("labels statuses in text, with the computed result beside an override", () => {
    const r = assessmentResult().requirements.find((x) => x.requirementId === "FD-VUL-02");
    expect(r).toBeDefined();
    if (!r) return;
    expect(requirementStatusText(r)).toEqual({
      label: "MET",
      tone: "ok",
      overrideNote: "OVERRIDDEN (computed: NOT MET)",
    });
    expect(requirementStatusLine(r)).toBe("MET — OVERRIDDEN (computed: NOT MET)");
    expect(
      requirementStatusText({ status: "partially_met", computedStatus: "partially_met", override: null }).label,
    ).toBe("PARTIAL");
    expect(
      requirementStatusText({ status: "not_answered", computedStatus: "not_answered", override: null }).label,
    ).toBe("NOT ANSWERED");
  });

  it("summarises a scoring result into matrix cells", () => {
    const summary = summariseResult(assessmentResult(), { id: "asm-1", status: "approved" });
    expect(summary.score).toBe(40);
    expect(summary.statuses["FD-VUL-02"]).toEqual({ status: "met", computedStatus: "not_met", overridden: true });
    expect(summary.statuses["FD-INC-01"]).toEqual({ status: "not_met", computedStatus: "not_met", overridden: false });
    expect(matrixCode(summary.statuses["FD-VUL-02"])).toBe("M*");
    expect(matrixCode(null)).toBe("");
  });

  it("builds the compliance matrix suppliers × requirements, null where there is no result", () => {
    const data = agreementFixture();
    const m = complianceMatrix(data);
    expect(m.rows).toHaveLength(data.suppliers.length);
    expect(m.rows[0].cells).toHaveLength(data.requirements.length);
    const unscored = m.rows.find((r) => r.supplier.latest === null);
    expect(unscored?.cells.every((c) => c === null)).toBe(true);
  });

  it("joins certificates with their findings and never drops a finding", () => {
    const data = assessmentFixture();
    const rows = certificationRows(data);
    expect(rows.map((r) => [r.id, r.valid])).toEqual([
      ["cert-1", true],
      ["cert-2", false],
    ]);
    const orphan = certificationRows({
      certifications: [],
      result: {
        ...data.result,
        certifications: [
          { certificationId: "x", standard: "S", certificateNumber: "N", valid: false, findings: ["f"] },
        ],
      },
    });
    expect(orphan).toHaveLength(1);
    expect(orphan[0].findings).toEqual(["f"]);
    expect(orphan[0].credit).toBe("none");
  });

  it("reads the credit level and named findings, and old results by their valid flag", () => {
    const data = assessmentFixture();
    const issue = {
      code: "expires-in-term" as const,
      name: "Expires inside the term",
      detail: "expires 2027-06-30, before the agreement ends on 2028-12-31.",
      credit: "partial" as const,
    };
    const rows = certificationRows({
      ...data,
      result: {
        ...data.result,
        certifications: data.result.certifications.map((c, i) =>
          i === 0 ? { ...c, valid: false, credit: "partial" as const, issues: [issue], findings: [] } : c,
        ),
      },
    });
    expect(rows.map((r) => [r.id, r.credit, r.valid])).toEqual([
      ["cert-1", "partial", false],
      ["cert-2", "none", false], // stored before credit levels: not valid, so no credit
    ]);
    expect(rows[0].issues).toEqual([{ name: "Expires inside the term", detail: issue.detail }]);
    expect(rows[0].findings).toEqual([`Expires inside the term: ${issue.detail}`]);
  });

  it("calls a chain link whose locations are covered by a mechanism 'covered by', never 'permitted'", () => {
    const link = { locationOk: true, locationViolations: [] };
    expect(linkLocationText(link)).toBe("permitted");
    expect(
      linkLocationText({
        ...link,
        locationsCovered: [
          { supplierId: "a", country: "US", mechanism: "SCC" },
          { supplierId: "b", country: "US", mechanism: "SCC" },
          { supplierId: "b", country: "IN", mechanism: "SCC" },
        ],
      }),
    ).toBe("US, IN covered by SCC");
    expect(linkLocationText({ locationOk: false, locationViolations: [{ supplierId: "a", country: "CN" }] })).toBe(
      "outside the permitted jurisdictions",
    );
  });

  it("orders remediation by due date and flags open items past due", () => {
    const rows = remediationRows(assessmentFixture());
    expect(rows.map((r) => r.dueDate)).toEqual(["2026-05-30", "2026-06-30", "2026-07-15"]);
    expect(rows.map((r) => r.overdue)).toEqual([true, false, false]);
  });

  it("finds certificates expiring within 90 days", () => {
    const certs = [
      {
        supplierId: "a",
        supplierName: "A",
        standard: "ISO",
        certificateNumber: "1",
        certificationBody: "B",
        expiryDate: "2026-08-30",
      },
      {
        supplierId: "b",
        supplierName: "B",
        standard: "ISO",
        certificateNumber: "2",
        certificationBody: "B",
        expiryDate: "2026-06-10",
      },
      {
        supplierId: "c",
        supplierName: "C",
        standard: "ISO",
        certificateNumber: "3",
        certificationBody: "B",
        expiryDate: "2026-12-01",
      },
      {
        supplierId: "d",
        supplierName: "D",
        standard: "ISO",
        certificateNumber: "4",
        certificationBody: "B",
        expiryDate: "2026-05-01",
      },
    ];
    const soon = certificatesExpiringWithin(certs, "2026-06-02");
    expect(soon.map((c) => [c.supplierId, c.daysLeft])).toEqual([
      ["b", 8],
      ["a", 89],
    ]);
    expect(daysBetween("2026-12-31", "2027-01-01")).toBe(1);
  });

  it("formats answers as plain text", () => {
    expect(formatAnswer(true)).toBe("Yes");
    expect(formatAnswer(null)).toBe("(no answer)");
    expect(formatAnswer([{ country: "DE" }, { country: "CZ" }])).toBe("country: DE; country: CZ");
    expect(formatAnswer({ name: "plan.pdf", type: "application/pdf" })).toBe("plan.pdf");
    expect(formatAnswer("<b>x</b>")).toBe("<b>x</b>");
  });

  it("explains verification without containing the hash", () => {
    const text = verificationText({ version: 4 }).join(" ");
    expect(text).toContain("/verify with SHA-256");
    expect(text).toContain("recorded by the portal as version 4");
  });
});

describe("report text layout", () => {
  const body = { size: 9 };

  it("keeps text plain: drops controls and bidi overrides, keeps markup characters", () => {
    expect(cleanText("a\u202Eb\u0000c\r\nd <script>")).toBe("abc\nd <script>");
    expect(cleanText("e\u0301")).toBe("é");
    // bidi marks are dropped like the overrides, the Arabic letter mark too
    expect(cleanText("a\u200Fb\u061Cc")).toBe("abc");
    expect(cleanText("a\u2028b\tc")).toBe("a\nb    c");
    expect(cleanText(null)).toBe("");
  });

  it("splits text into runs by the font that has the glyphs", () => {
    expect(splitByFont("ООО Северный Код", "regular")).toEqual([{ text: "ООО Северный Код", font: "regular" }]);
    // kana makes the text Japanese: its Han characters take the Japanese font too
    expect(splitByFont("株式会社さくらデータ (JP)", "bold")).toEqual([
      { text: "株式会社さくらデータ ", font: "jpBold" },
      { text: "(JP)", font: "bold" },
    ]);
    expect(splitByFont("北京数据 (CN)", "regular")).toEqual([
      { text: "北京数据 ", font: "cjk" },
      { text: "(CN)", font: "regular" },
    ]);
    expect(splitByFont("台灣資料", "regular", "tc")).toEqual([{ text: "台灣資料", font: "tc" }]);
    expect(splitByFont("주식회사 ACME", "regular")).toEqual([
      { text: "주식회사 ", font: "kr" },
      { text: "ACME", font: "regular" },
    ]);
    expect(splitByFont("שלום عربي", "regular")).toEqual([
      { text: "שלום ", font: "hebrew" },
      { text: "عربي", font: "arabic" },
    ]);
    // a letter the Arabic font lacks falls back to DejaVu rather than a missing-glyph box
    expect(splitByFont("عڢ", "regular")).toEqual([
      { text: "ع", font: "arabic" },
      { text: "ڢ", font: "regular" },
    ]);
  });

  it("wraps long text within the width, breaking overlong words and CJK anywhere", () => {
    const width = 120;
    const long = "The supplier notifies within 48 hours; the agreement requires 24 hours or less. " + "x".repeat(80);
    const lines = layoutText(long, body, width);
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(width + 0.01);
    const cjk = layoutText("株式会社さくらデータ".repeat(6), body, width);
    expect(cjk.length).toBeGreaterThan(2);
    for (const l of cjk) expect(l.width).toBeLessThanOrEqual(width + 0.01);
    expect(cjk.map((l) => l.runs.map((r) => r.text).join("")).join("")).toBe("株式会社さくらデータ".repeat(6));
    expect(layoutText("one\n\nthree", body, width)).toHaveLength(3);
  });

  it("truncates with an ellipsis to fit", () => {
    const t = truncateText("Société Générale d'Évaluation SAS and many more words", body, 80);
    expect(t.endsWith("…")).toBe(true);
    expect(textWidth(t, body)).toBeLessThanOrEqual(80);
  });
});

describe("a chain link's verdicts, as the page and the PDF print them", () => {
  it("says unknown, not wrong, where an answer on the path is missing", () => {
    expect(linkNotifyVerdict({ composedNotifyHours: null, notifyOk: false })).toBe("unknown");
    expect(linkNotifyVerdict({ composedNotifyHours: 36, notifyOk: true })).toBe("ok");
    expect(linkNotifyVerdict({ composedNotifyHours: 96, notifyOk: false })).toBe("bad");
    expect(linkLocationVerdict({ locationOk: false, locationViolations: [] })).toBe("unknown");
    expect(linkLocationVerdict({ locationOk: true, locationViolations: [] })).toBe("ok");
    expect(linkLocationVerdict({ locationOk: false, locationViolations: [{ supplierId: "s1", country: "US" }] })).toBe(
      "bad",
    );
  });
});
