/**
 * The reports' own words in the report's language: labels, headings, table
 * headers, legends, footers and dates. reports/ holds no catalogue (it turns
 * plain data into PDFs), so the caller hands a `ReportWords` to the renderer:
 * the portal's is `reportWordsFor(language)` in
 * app/features/reports/report-words.server.ts, over the catalogue's `pdf.…`
 * and `labels.…` messages. Data (names, titles, reasons, justifications,
 * answers) is printed as written.
 */

/** A message the reports print: their own (`pdf.…`), a shared label (`labels.…`), or a feature's report words (`lifecycle.pdf.…`). */
export type ReportMessageId = `pdf.${string}` | `labels.${string}` | `lifecycle.pdf.${string}`;
export type ReportMessageValues = Record<string, string | number | null | undefined>;

export interface ReportWords {
  /** BCP 47 language of the words, also the PDF's /Lang */
  language: string;
  t: (id: ReportMessageId, values?: ReportMessageValues) => string;
  /** a calendar day ("2026-06-01" in English, "01.06.2026" in German); "—" when absent */
  day: (d: string | null | undefined) => string;
  /** an instant to the minute in UTC, the zone named; "—" when absent */
  moment: (at: string | null | undefined) => string;
  /** a requirement category (a catalogue id, "incident-response") as the report names it */
  category: (id: string) => string;
  /** a label in capitals, as the badges print them */
  upper: (text: string) => string;
}
