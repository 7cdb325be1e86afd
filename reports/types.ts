/**
 * The data behind the PDF reports: plain, serialisable (JSON-safe) values.
 *
 * A report is rendered from one of these objects and nothing else: no
 * database, no clock, no request. The same object can be handed to a page, and
 * the derivations both need (labels, the compliance matrix, joins) live in
 * `./view.ts`, so the screen and the PDF cannot disagree.
 *
 * Dates: calendar dates are "YYYY-MM-DD" (UTC), instants are ISO 8601 UTC
 * timestamps ("2026-06-01T09:30:00.000Z").
 */
import type { AssessmentStatus } from "#models/assessment-status";
import type { InfoClass, RequirementStatus, RiskRating } from "#app/scoring/types";
import type { SpokenChain, SpokenClearance, SpokenResult } from "#app/scoring/said";

/** The languages a report's own words come in: the portal's (`LOCALES` in app/i18n/locales.ts). */
export type ReportLanguage = "en" | "de" | "ja" | "ar";

/** Calendar date, "YYYY-MM-DD" (UTC). */
export type IsoDate = string;
/** Instant, ISO 8601 in UTC. */
export type IsoDateTime = string;

/** What every stored report carries about itself. */
export interface ReportMeta {
  /** the version number under which the portal stores this file and its SHA-256 */
  version: number;
  /** when the report was generated; also the PDF's CreationDate (keeps output deterministic) */
  generatedAt: IsoDateTime;
  /** display name of the user who generated it */
  generatedBy: string;
  /** where a reader verifies a file, default "/verify" (may be an absolute URL) */
  verifyUrl?: string;
  /**
   * the language of the report's own words (labels, headings, dates): the generating person's, or the one
   * chosen on the form; also picks the forms of Han characters (see `hanFormFor`). Data is printed as written.
   */
  language: ReportLanguage;
}

export interface ReportAgreement {
  reference: string;
  title: string;
  /** display name of the disclosing party */
  discloser: string;
  /** display name of the recipient */
  recipient: string;
  effectiveDate: IsoDate;
  endDate: IsoDate;
  /** hours within which the discloser must be told of a breach (shared by the whole chain) */
  breachWindowHours: number;
  /** hours the recipient itself takes to notify the discloser */
  recipientNotifyHours: number;
  /** ISO 3166-1 alpha-2 codes */
  permittedJurisdictions: string[];
  /** standards the agreement requires, e.g. "ISO/IEC 27001:2022" */
  requiredCertifications: string[];
  /** the agreement's revision the report's results were scored against (absent in reports made before it was kept) */
  revision?: number;
}

export interface ReportSupplier {
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2 code of the supplier's seat */
  country: string;
  /** the service it provides under the agreement */
  service: string;
  /** 1 works for the recipient, 2 for a tier-1 supplier, ... */
  tier: number;
  /** the supplier it works for; null for tier 1 (works for the recipient) */
  parentId: string | null;
  parentName: string | null;
}

export interface StatusChange {
  /** null for the first entry (creation) */
  from: AssessmentStatus | null;
  to: AssessmentStatus;
  /** display name of who made the change */
  by: string;
  at: IsoDateTime;
  comment: string | null;
}

export interface ReportAssessment {
  id: string;
  status: AssessmentStatus;
  dueDate: IsoDate | null;
  submittedAt: IsoDateTime | null;
  templateTitle: string;
  templateVersion: string;
  catalogueVersion: string;
  /** oldest first */
  history: StatusChange[];
  /** when the result was computed, and against which revision of the agreement */
  scoredAt?: IsoDateTime | null;
  scoredAgreementRevision?: number | null;
  /** approved, but the current result differs from the one approved: how (empty = it does not) */
  approvedDrift?: string[];
}

/**
 * A certificate as the supplier recorded it. Its validity for this agreement
 * is not repeated here: it is the matching entry (by id) of
 * `ScoringResult.certifications`, joined by `certificationRows()`.
 */
export interface ReportCertification {
  id: string;
  standard: string;
  certificateNumber: string;
  certificationBody: string;
  scope: string;
  issueDate: IsoDate;
  expiryDate: IsoDate;
  /** portal reference of the certificate file, if uploaded */
  fileRef: string | null;
}

export const REMEDIATION_STATUSES = ["open", "responded", "accepted", "rejected", "closed"] as const;
export type RemediationStatus = (typeof REMEDIATION_STATUSES)[number];

export interface RemediationItem {
  requirementId: string;
  description: string;
  dueDate: IsoDate;
  status: RemediationStatus;
  /** the supplier's response, if any */
  response: string | null;
}

export interface GlossaryEntry {
  term: string;
  definition: string;
  /** the same term as agreed in other languages, printed under the definition */
  translations?: { language: string; languageName: string; term: string; definition: string }[];
}

/** Everything the assessment report (one supplier, one agreement) shows. */
export interface AssessmentReportData extends ReportMeta {
  kind: "assessment";
  agreement: ReportAgreement;
  supplier: ReportSupplier;
  assessment: ReportAssessment;
  /** the scoring engine's output, its reasons said in the report's language */
  result: SpokenResult;
  certifications: ReportCertification[];
  remediation: RemediationItem[];
  glossary?: GlossaryEntry[];
}

// ---------------------------------------------------------------- agreement report

/** One requirement of the agreement, in the order the report lists them (matrix columns). */
export interface ReportRequirement {
  id: string;
  title: string;
  category: string;
  weight: number;
  knockOut: boolean;
}

/** One supplier × requirement result. */
export interface MatrixCell {
  /** the effective result (the override's when overridden) */
  status: RequirementStatus;
  /** what the rules produced */
  computedStatus: RequirementStatus;
  overridden: boolean;
  /** an open audit finding holds the status down (major: not met, minor: at most partly met), as on the agreement page */
  finding?: "major" | "minor";
}

/** The headline of a supplier's latest scored assessment. */
export interface SupplierResultSummary {
  assessmentId: string;
  assessmentStatus: AssessmentStatus;
  evaluationDate: IsoDate;
  score: number;
  computedScore: number;
  capped: boolean;
  knockOutsFailed: string[];
  inherentRisk: RiskRating;
  rating: RiskRating;
  counts: Record<RequirementStatus, number>;
  /** by requirement id; a requirement missing here has no result for this supplier */
  statuses: Record<string, MatrixCell>;
}

export interface AgreementSupplierEntry extends ReportSupplier {
  /** null when the supplier has no scored assessment yet */
  latest: SupplierResultSummary | null;
}

export interface ReportPhase {
  id: string;
  name: string;
  purpose: string;
  classes: InfoClass[];
  requiredRequirementIds: string[];
  /** empty = any supplier of the chain */
  permittedSupplierIds: string[];
}

export interface ExpiringCertificate {
  supplierId: string;
  supplierName: string;
  standard: string;
  certificateNumber: string;
  certificationBody: string;
  expiryDate: IsoDate;
  /** days from the report date to the expiry date (0 = expires that day) */
  daysLeft: number;
}

/** Everything the agreement report (the whole chain of one agreement) shows. */
export interface AgreementReportData extends ReportMeta {
  kind: "agreement";
  agreement: ReportAgreement;
  /** the agreement's flow-down requirements: the columns of the compliance matrix */
  requirements: ReportRequirement[];
  /** the chain's suppliers, in display order (the rows of the matrix) */
  suppliers: AgreementSupplierEntry[];
  /** the chain verdict, its reasons said in the report's language */
  chain: SpokenChain;
  phases: ReportPhase[];
  clearances: SpokenClearance[];
  /** certificates expiring within 90 days of the report date; see `certificatesExpiringWithin()` */
  expiringCertificates: ExpiringCertificate[];
  glossary?: GlossaryEntry[];
  /** the agreement's life after signature (issue 23); absent in reports made before it was kept */
  lifecycle?: ReportLifecycle;
}

// ---------------------------------------------------------------- the agreement's life after signature

export type ReportLifecycleState = "active" | "in-survival" | "archived";
export type ReportHolderState = "complete" | "waiting-on-subcontractors" | "open" | "overdue";

/** One holder's row of a milestone's destruction register, as the After signature tab shows it. */
export interface ReportHolderRow {
  supplierName: string;
  tier: number;
  /** depth below the recipient in the register's chain order (0 = tier 1) */
  depth: number;
  state: ReportHolderState;
  overdueDays: number;
  /** the day the holder signed its own certification; null while not certified */
  certifiedOn: IsoDate | null;
  signer: { name: string; title: string } | null;
  entries: {
    infoClass: InfoClass;
    disposition: "returned" | "destroyed";
    method: string;
    standard: string;
    completedOn: IsoDate;
  }[];
  certificateFileName: string | null;
}

export interface ReportMilestone {
  kind: "phase" | "termination" | "expiry";
  phaseName: string | null;
  effectiveDate: IsoDate;
  dueDate: IsoDate;
  certificateRequired: boolean;
  holders: number;
  complete: number;
  overdue: number;
  rows: ReportHolderRow[];
}

/** A compelled disclosure the recipient and the disclosing party were told of (never one still barred). */
export interface ReportDisclosure {
  supplierName: string;
  authority: string;
  /** the jurisdiction's country name (ISO 3166-1 code when unknown) */
  jurisdiction: string;
  receivedOn: IsoDate;
  complyBy: IsoDate;
  noticeDays: number;
  requiredDays: number;
  verdict: "sufficient" | "short" | "too-late" | "barred" | "not-required";
}

export interface ReportAudit {
  supplierName: string;
  auditorName: string;
  scheduledFor: IsoDate;
  completedOn: IsoDate | null;
  status: "scheduled" | "completed" | "cancelled";
  outcome: "satisfactory" | "findings" | "unsatisfactory" | null;
  findings: {
    requirementId: string;
    severity: "major" | "minor";
    description: string;
    dueDate: IsoDate;
    status: "open" | "closed";
  }[];
}

export interface ReportLifecycle {
  state: ReportLifecycleState;
  end: {
    kind: "termination" | "expiry";
    effectiveDate: IsoDate;
    survivalEnds: IsoDate | null;
    recordedByName: string;
    note: string;
  } | null;
  milestones: ReportMilestone[];
  disclosures: ReportDisclosure[];
  audits: ReportAudit[];
}

export type ReportData = AssessmentReportData | AgreementReportData;
