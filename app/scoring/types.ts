/**
 * The contract of the pure scoring module: plain data in, plain data out.
 * No mongoose, no I/O, no clock: the evaluation date is an input.
 * Dates are ISO calendar dates "YYYY-MM-DD" (UTC) so the same inputs always
 * give the same result on any machine.
 */
import type { CatalogueRequirement, TemplateFile } from "#questionnaires/types";
import type { Reason } from "./said";

export type { Reason, Said } from "./said";

export const INFO_CLASSES = ["public", "internal", "confidential", "restricted"] as const;
export type InfoClass = (typeof INFO_CLASSES)[number];

export const ACCESS_LEVELS = ["none", "read", "write", "admin"] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

export const STATUSES = ["met", "partially_met", "not_met", "not_answered"] as const;
export type RequirementStatus = (typeof STATUSES)[number];

export const RATINGS = ["low", "medium", "high", "critical"] as const;
export type RiskRating = (typeof RATINGS)[number];

export type ParamValue = number | string | boolean | string[];

/** One flow-down requirement as the agreement uses it, with its own parameters. */
export interface AgreementRequirementInput {
  id: string;
  /** parameter values set by the agreement; missing keys take the catalogue default */
  params: Record<string, ParamValue>;
}

export interface ChainLinkInput {
  supplierId: string;
  supplierName: string;
  /** 1 works for the recipient, 2 for a tier-1 supplier, ... */
  tier: number;
  /** the supplier this one works for; null = works for the recipient (tier 1) */
  parentSupplierId: string | null;
  /** the service it provides, e.g. "Source code hosting"; certification scope must cover it */
  service: string;
  /** the highest information class it may receive */
  maxClass: InfoClass;
  accessLevel: AccessLevel;
}

export interface PhaseInput {
  id: string;
  name: string;
  purpose: string;
  /** information classes the phase opens */
  classes: InfoClass[];
  /** supplier ids allowed to receive this phase; empty = any supplier of the chain */
  permittedSupplierIds: string[];
  /** requirement ids that must be met (effective result) on the latest approved assessment */
  requiredRequirementIds: string[];
}

export interface AgreementInput {
  reference: string;
  effectiveDate: string;
  endDate: string;
  /** ISO 3166-1 alpha-2 codes where information may be stored or accessed */
  permittedJurisdictions: string[];
  /** transfer mechanisms the agreement accepts for a country outside the permitted list, e.g. "SCC" */
  acceptedTransferMechanisms: string[];
  /** hours within which the discloser must be told of a breach (the whole chain shares this window) */
  breachWindowHours: number;
  /** hours the recipient itself takes to notify the discloser */
  recipientNotifyHours: number;
  /** certifications the agreement requires, e.g. [{ standard: "ISO/IEC 27001:2022" }] */
  requiredCertifications: { standard: string }[];
  requirements: AgreementRequirementInput[];
  phases: PhaseInput[];
  chain: ChainLinkInput[];
}

export interface CertificationInput {
  id: string;
  standard: string;
  certificateNumber: string;
  certificationBody: string;
  scope: string;
  issueDate: string;
  expiryDate: string;
  /** Annex A controls in the statement of applicability; undefined = all of Annex A */
  controls?: string[];
  /** reference to the certificate file, if uploaded */
  fileRef?: string;
}

export interface OverrideInput {
  requirementId: string;
  status: RequirementStatus;
  justification: string;
  by: string;
  at: string;
}

/** An uploaded file as it appears in a SurveyJS file answer. */
export interface EvidenceRef {
  question: string;
  name: string;
  /** portal reference (e.g. "/evidence/<id>") */
  ref: string;
}

export interface ScoringInput {
  agreement: AgreementInput;
  /** requirements from the pinned catalogue version */
  catalogue: CatalogueRequirement[];
  template: TemplateFile;
  /** the supplier being scored; must be in the agreement's chain */
  supplierId: string;
  /** SurveyJS answers (survey.data) */
  answers: Record<string, unknown>;
  certifications: CertificationInput[];
  overrides: OverrideInput[];
  evaluationDate: string;
  /** the questions asked when the questionnaire was tailored to the agreement; absent or empty: every question */
  askedQuestions?: string[];
}

export interface AnswerJudgement {
  question: string;
  title: string;
  value: unknown;
  /**
   * the answer as the supplier saw it: choice texts rather than stored
   * values, in the template's default language; absent from results stored
   * before it existed (format `value` then)
   */
  answerText?: string;
  /** 0..1, or null when not answered / informational */
  fraction: number | null;
  reason: Reason;
}

export interface RequirementResult {
  requirementId: string;
  title: string;
  category: string;
  weight: number;
  knockOut: boolean;
  /** the agreement's parameter values used (defaults filled in) */
  params: Record<string, ParamValue>;
  /** the result the rules produced */
  computedStatus: RequirementStatus;
  /** the result that counts: the override's status when overridden, otherwise computedStatus */
  status: RequirementStatus;
  override: OverrideInput | null;
  reasons: Reason[];
  answers: AnswerJudgement[];
  evidence: EvidenceRef[];
  /** certificates that gave credit to this requirement */
  certificationCredit: {
    certificationId: string;
    standard: string;
    controls: string[];
    /** absent from results stored before credit levels existed (they gave only full credit) */
    credit?: CertificateCredit;
  }[];
  /**
   * the agreement's parameters with their catalogue labels, in catalogue
   * order; absent from results stored before it existed (read `params` then)
   */
  parameters?: { key: string; label: string; text: string }[];
}

/** How much a certificate may count for: everything, at most half, nothing. */
export const CERTIFICATE_CREDITS = ["full", "partial", "none"] as const;
export type CertificateCredit = (typeof CERTIFICATE_CREDITS)[number];

export type CertificateFindingCode =
  | "no-body"
  | "invalid-date"
  | "not-yet-issued"
  | "dates-inverted"
  | "expired"
  | "no-service"
  | "scope-not-covering"
  | "issued-after-term-start"
  | "coverage-gap"
  | "expires-in-term";

/** One named finding about a certificate. */
export interface CertificateIssue {
  code: CertificateFindingCode;
  /** the finding's name, e.g. "Gap in coverage" */
  name: Reason;
  /** what exactly, with the dates, e.g. "no ISO/IEC 27001:2022 certificate on file covers 2026-07-01 to 2026-08-14; …" */
  detail: Reason;
  /** the most credit a certificate with this finding may give */
  credit: Exclude<CertificateCredit, "full">;
}

export interface CertificationFinding {
  certificationId: string;
  standard: string;
  certificateNumber: string;
  /** true only with full credit */
  valid: boolean;
  /** each finding as one line, "Name: detail" (what results stored before `issues` existed hold) */
  findings: Reason[];
  /**
   * the verdict the requirement, the control credit and the certificates
   * table all read; absent from results stored before it existed (read it
   * with `certificateCreditOf`)
   */
  credit?: CertificateCredit;
  /** the findings, named; absent from results stored before it existed */
  issues?: CertificateIssue[];
}

export interface ScoringResult {
  supplierId: string;
  evaluationDate: string;
  /** 0..100 from the effective (override-aware) results, after the knock-out cap */
  score: number;
  /** 0..100 from the computed results only, after the knock-out cap */
  computedScore: number;
  /** ids of knock-out requirements whose effective status is not met or not answered */
  knockOutsFailed: string[];
  /** true when a knock-out capped the score */
  capped: boolean;
  inherentRisk: RiskRating;
  rating: RiskRating;
  riskReasons: Reason[];
  requirements: RequirementResult[];
  certifications: CertificationFinding[];
  counts: Record<RequirementStatus, number>;
}

/** Facts a supplier's answers contribute to the chain view. */
export interface SupplierChainFacts {
  supplierId: string;
  /** hours it takes to notify the party it works for; null when not answered */
  notifyHours: number | null;
  /** where its information is stored or accessed, with the transfer mechanism claimed */
  locations: { country: string; transferMechanism: string | null }[];
}

export interface ChainLinkResult {
  supplierId: string;
  supplierName: string;
  tier: number;
  parentSupplierId: string | null;
  /** supplier ids from this supplier up to tier 1 (this one first) */
  path: string[];
  /** recipientNotifyHours + each link's notifyHours along the path; null if any link is unknown */
  composedNotifyHours: number | null;
  notifyOk: boolean;
  /** countries along the path that are neither permitted nor covered by an accepted mechanism */
  locationViolations: { supplierId: string; country: string }[];
  /**
   * countries along the path outside the permitted list but covered by a
   * mechanism the agreement accepts: acceptable, yet never "permitted";
   * absent from chain results made before it existed
   */
  locationsCovered?: { supplierId: string; country: string; mechanism: string }[];
  locationOk: boolean;
  ok: boolean;
  reasons: Reason[];
}

export interface ChainResult {
  breachWindowHours: number;
  links: ChainLinkResult[];
  ok: boolean;
  /** structural problems: cycles, unknown parents, tier mismatches */
  errors: Reason[];
}

export interface PhaseClearance {
  phaseId: string;
  supplierId: string;
  cleared: boolean;
  reasons: Reason[];
}
