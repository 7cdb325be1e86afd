/**
 * How long the texts of the review are, used both by the schemas that
 * refuse longer ones and by the form fields as `maxLength` (safe for the browser bundle).
 */
export const REVIEW_LIMITS = {
  /** an override's justification */
  justification: 4000,
  /** what a remediation item asks of the supplier */
  remediationDescription: 4000,
  /** a decision's comment, and a re-approval's */
  comment: 4000,
  /** the supplier's answer to a remediation item */
  remediationResponse: 10000,
  /** the dashboard's supplier search (a longer one is ignored, so the search box stops at it) */
  search: 100,
} as const;
