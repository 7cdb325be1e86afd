/**
 * Shapes of the data kept in questionnaires/: the flow-down requirement
 * catalogue and the SurveyJS templates with Flowdown metadata on questions.
 * Everything here is plain data, shared by the loader, the scoring engine,
 * the pages and the reports.
 */

export const REQUIREMENT_CATEGORIES = [
  "confidentiality", // confidentiality and purpose limitation
  "permitted-recipients",
  "access-control",
  "encryption",
  "incident-response", // incident response and breach notification with escalation paths
  "incident-drills",
  "vulnerability-management", // periodic scans, penetration tests
  "data-location", // data location and transfer
  "retention", // retention and destruction
  "audit-certification", // audit rights and certification
  "compelled-disclosure",
  "personnel",
  "secure-development",
  "sub-processing", // sub-processing and further flow-down
] as const;
export type RequirementCategory = (typeof REQUIREMENT_CATEGORIES)[number];

/** Kinds of agreement parameter a requirement can take. */
export type ParameterType =
  | "hours" // non-negative integer, hours
  | "days" // non-negative integer, days
  | "months" // non-negative integer, months
  | "count" // non-negative integer
  | "countries" // ISO 3166-1 alpha-2 codes
  | "transferMechanisms" // e.g. ["SCC", "BCR", "adequacy"]
  | "standard" // a certification standard name, e.g. "ISO/IEC 27001:2022"
  | "text"
  | "boolean";

export interface ParameterSpec {
  /** key as used in the agreement and in question rules, e.g. "notifyWithinHours" */
  key: string;
  label: string;
  type: ParameterType;
  /** default value used when the agreement does not set one */
  default: number | string | boolean | string[];
  /** bounds for numeric types (inclusive) */
  min?: number;
  max?: number;
  description?: string;
}

export interface CatalogueRequirement {
  /** stable id, e.g. "FD-INC-01" */
  id: string;
  title: string;
  category: RequirementCategory;
  /** what the subcontractor must do, one or two sentences; may mention {paramKey} placeholders */
  description: string;
  /** 1 (minor) .. 5 (critical); used as weight in the overall score */
  weight: number;
  /** a failed knock-out caps the overall result */
  knockOut: boolean;
  parameters: ParameterSpec[];
  /** ISO/IEC 27001:2022 Annex A control ids, e.g. ["A.5.24", "A.5.25"] */
  isoControls: string[];
  /** the evidence a reviewer expects, e.g. "Incident response plan (PDF)" */
  evidence: string[];
  /**
   * true when the requirement is judged from the supplier's certifications
   * (e.g. "holds ISO/IEC 27001:2022 certification covering the service")
   * rather than only from answers.
   */
  judgedByCertification?: boolean;
}

export interface RequirementCatalogue {
  /** semantic version written by the authors, e.g. "2026.1" */
  version: string;
  requirements: CatalogueRequirement[];
}

/**
 * How one answer is judged. Every rule yields a fraction in [0, 1]
 * (1 = fully satisfies) or "unanswered", plus a human-readable reason.
 */
export type JudgeRule =
  /** boolean / yes-no question; `expected` answer earns 1, the other 0 */
  | { kind: "boolean"; expected: boolean }
  /** single choice; each choice value maps to a fraction; unlisted values earn 0 */
  | { kind: "choice"; scores: Record<string, number> }
  /** multiple choice; fraction of `required` values selected (1 when all are) */
  | { kind: "coverage"; required: string[] }
  /** numeric answer must be <= the agreement parameter `param` (e.g. hours to notify); `partialWithin` optional factor: <= param*factor earns 0.5 */
  | { kind: "atMost"; param: string; partialWithin?: number }
  /** numeric answer must be >= the agreement parameter `param` */
  | { kind: "atLeast"; param: string }
  /** data locations: answer is an array of { country, transferMechanism? } panels; every country must be permitted or covered by an accepted mechanism */
  | { kind: "jurisdictions"; countryField: string; mechanismField?: string }
  /** free text or file: present (non-empty) earns 1 */
  | { kind: "present" }
  /** answer is informational only, never judged (e.g. a contact name) */
  | { kind: "info" };

/** Flowdown metadata on a SurveyJS question, under the key "flowdown". */
export interface QuestionMeta {
  /** requirement ids this question provides evidence for */
  requirements: string[];
  judge: JudgeRule;
  /**
   * a gating question: when it scores 0 the requirement is not met,
   * whatever the other questions for that requirement score
   */
  gate?: boolean;
  /** relative weight among the questions of a requirement (default 1) */
  weight?: number;
  /**
   * a fact the chain view reads from this answer:
   * "notifyHours" = hours this supplier takes to notify the party it works for;
   * "dataLocations" = the data-location panel (countries where information is stored or accessed)
   */
  fact?: "notifyHours" | "dataLocations";
  /**
   * identifies the supplier or its contacts (e.g. legal name): asked in
   * every questionnaire, even one tailored to an agreement's requirements
   */
  identifies?: boolean;
}

/** A SurveyJS template as stored in questionnaires/templates/*.json */
export interface TemplateFile {
  /** stable id, e.g. "full-security" */
  id: string;
  title: string;
  /** authors' version, e.g. "2026.1" */
  version: string;
  description: string;
  /** the SurveyJS JSON; questions may carry a "flowdown": QuestionMeta property */
  survey: Record<string, unknown>;
}
