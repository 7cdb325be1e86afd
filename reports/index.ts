/**
 * PDF reports: pure generators from plain data to a PDF stream.
 *
 *   renderAssessmentReport(data, out, words)  one supplier's assessment against one agreement
 *   renderAgreementReport(data, out, words)   the whole chain of one agreement
 *
 * `words` are the report's own words in `data.language` (./i18n; the portal's
 * come from app/features/reports/report-words.server.ts).
 *
 * The data shapes are in ./types; ./view has the derivations (labels, matrix,
 * joins) that a page should use to show exactly what the PDF shows.
 */
export { renderAssessmentReport } from "./assessment-report";
export type { RenderInfo } from "./scaffold";
export type { ReportWords, ReportMessageId } from "./i18n";
export { renderAgreementReport } from "./agreement-report";
export { preloadReportFonts } from "./fonts";
export type * from "./types";
export { REMEDIATION_STATUSES } from "./types";
export * from "./view";
