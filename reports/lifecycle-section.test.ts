import { describe, expect, it } from "vitest";
import { renderAgreementReport } from "./agreement-report";
import { compact, pageTexts, renderToBuffer } from "#tests/helpers/pdf";
import { agreementFixture } from "#tests/fixtures/reports";
import type { ReportLifecycle } from "./types";

const lifecycle: ReportLifecycle = {
  state: "archived",
  end: {
    kind: "expiry",
    effectiveDate: "2030-12-31",
    survivalEnds: "2031-12-31",
    recordedByName: "Petra Procurement",
    note: "",
  },
  milestones: [
    {
      kind: "expiry",
      phaseName: null,
      effectiveDate: "2030-12-31",
      dueDate: "2031-01-30",
      certificateRequired: true,
      holders: 1,
      complete: 0,
      overdue: 1,
      rows: [
        {
          supplierName: "Baltic Cloud Hosting OÜ",
          tier: 1,
          depth: 0,
          state: "overdue",
          overdueDays: 12,
          certifiedOn: null,
          signer: null,
          entries: [],
          certificateFileName: null,
        },
      ],
    },
  ],
  disclosures: [],
  audits: [],
};

describe("the agreement report's life after signature", () => {
  it("prints the state, end and register in the report's language", async () => {
    const data = { ...agreementFixture(), language: "de" as const, lifecycle };
    const all = compact((await pageTexts(await renderToBuffer(renderAgreementReport, data))).join("\n"));
    for (const text of [
      "Nach Unterzeichnung",
      "Archiviert",
      "Abgelaufen am 31.12.2030",
      "Rückgabe oder Vernichtung",
      "Ablauf, 31.12.2030: 0 von 1 abgeschlossen",
      "12 Tage überfällig",
      "Erzwungene Offenlegungen",
      "Keine gemeldet.",
      "Keine Audits.",
    ])
      expect(all, text).toContain(compact(text));
  });

  it("prints nothing of it for a report made before it was kept", async () => {
    const all = compact((await pageTexts(await renderToBuffer(renderAgreementReport, agreementFixture()))).join("\n"));
    expect(all).not.toContain(compact("Where the agreement is in its life"));
  });
});
