/**
 * The words (and colour tones) for statuses, ratings, roles, requirement
 * categories and agreement enumerations: one home, so a page, a PDF and a
 * form never name the same thing two ways. Safe for the browser bundle.
 *
 * Two word sets live elsewhere on purpose: the scoring engine's in-sentence
 * words (app/scoring/status.ts STATUS_LABELS, "partially met"), because the
 * engine may not import models/; and the report's own remediation statuses
 * (reports/view.ts), which are a different set from the model's.
 */
import type { RequirementStatus, RiskRating } from "#app/scoring/types";
import type { RequirementCategory } from "#questionnaires/types";
import type { AccessLevel, InfoClass, Exclusion, Purpose, TransferMechanism } from "./agreement-enums";
import type { AssessmentStatus } from "./assessment-status";
import type { OrgKind, Role } from "./enums";

/** Colour families; every tone is always shown together with a text label. */
export type Tone = "ok" | "warn" | "bad" | "none" | "info" | "critical";

/** A requirement's status as the PDF reports print it. */
export const STATUS_TEXT: Record<RequirementStatus, string> = {
  met: "MET",
  partially_met: "PARTIAL",
  not_met: "NOT MET",
  not_answered: "NOT ANSWERED",
};

/** A requirement's status as the pages show it. */
export const REQUIREMENT_STATUS_LABEL: Record<RequirementStatus, string> = {
  met: "Met",
  partially_met: "Partly met",
  not_met: "Not met",
  not_answered: "Not answered",
};

export const STATUS_TONE: Record<RequirementStatus, Tone> = {
  met: "ok",
  partially_met: "warn",
  not_met: "bad",
  not_answered: "none",
};

/** One-character codes for the compliance matrix; "*" is appended when overridden. */
export const STATUS_CODE: Record<RequirementStatus, string> = {
  met: "M",
  partially_met: "P",
  not_met: "N",
  not_answered: "–",
};

/** Order in which statuses are counted and charted. */
export const STATUS_ORDER: readonly RequirementStatus[] = ["met", "partially_met", "not_met", "not_answered"];

/** A risk rating as the PDF reports print it. */
export const RATING_TEXT: Record<RiskRating, string> = {
  low: "LOW",
  medium: "MEDIUM",
  high: "HIGH",
  critical: "CRITICAL",
};

/** A risk rating's tone in the PDF reports. */
export const RATING_TONE: Record<RiskRating, Tone> = {
  low: "ok",
  medium: "warn",
  high: "bad",
  critical: "critical",
};

/** A risk rating's badge tone on the pages (one step milder than the PDF's). */
export const RATING_BADGE_TONE: Record<RiskRating, Tone> = { low: "ok", medium: "info", high: "warn", critical: "bad" };

/** An assessment's status, the same words on the pages and in the PDF reports. */
export const ASSESSMENT_STATUS_TEXT: Record<AssessmentStatus, string> = {
  invited: "Invited",
  in_progress: "In progress",
  submitted: "Submitted",
  under_review: "Under review",
  remediation_requested: "Remediation requested",
  approved: "Approved",
  rejected: "Rejected",
};

export const ASSESSMENT_STATUS_TONE: Record<AssessmentStatus, Tone> = {
  invited: "none",
  in_progress: "info",
  submitted: "info",
  under_review: "info",
  remediation_requested: "warn",
  approved: "ok",
  rejected: "bad",
};

export const ROLE_LABEL: Record<Role, string> = {
  supplier: "Supplier",
  procurement: "Procurement",
  discloser: "Disclosing party",
  admin: "Administrator",
};

export const CATEGORY_LABEL: Record<RequirementCategory, string> = {
  confidentiality: "Confidentiality and purpose limitation",
  "permitted-recipients": "Permitted recipients",
  "access-control": "Access control",
  encryption: "Encryption",
  "incident-response": "Incident response and breach notification",
  "incident-drills": "Incident-response drills",
  "vulnerability-management": "Vulnerability management",
  "data-location": "Data location and transfer",
  retention: "Retention and destruction",
  "audit-certification": "Audit rights and certification",
  "compelled-disclosure": "Compelled disclosure",
  personnel: "Personnel",
  "secure-development": "Secure development",
  "sub-processing": "Sub-processing and further flow-down",
};

export const PURPOSE_LABEL: Record<Purpose, string> = {
  evaluation: "Evaluation",
  testing: "Testing",
  integration: "Integration",
};

export const EXCLUSION_LABEL: Record<Exclusion, string> = {
  "public-domain": "In the public domain through no fault of the recipient",
  "already-known": "Already known to the recipient before disclosure",
  "independently-developed": "Independently developed without use of the information",
  "rightfully-received": "Rightfully received from a third party without restriction",
};

export const TRANSFER_MECHANISM_LABEL: Record<TransferMechanism, string> = {
  SCC: "Standard contractual clauses",
  BCR: "Binding corporate rules",
  adequacy: "Adequacy decision",
};

export const CLASS_LABEL: Record<InfoClass, string> = {
  public: "Public",
  internal: "Internal",
  confidential: "Confidential",
  restricted: "Restricted",
};

export const ACCESS_LABEL: Record<AccessLevel, string> = {
  none: "No system access",
  read: "Read access",
  write: "Read and write access",
  admin: "Administrative access",
};

/** What each kind of organisation is called on the pages. */
export const ORG_KIND_LABEL: Record<OrgKind, string> = {
  discloser: "Disclosing party",
  recipient: "Recipient",
  supplier: "Supplier",
  operator: "Portal operator",
};
