/** Enumerations of agreement fields, shared by the models, the forms and the pages. */
export { INFO_CLASSES, ACCESS_LEVELS, type InfoClass, type AccessLevel } from "#app/scoring/types";

export const PURPOSES = ["evaluation", "testing", "integration"] as const;
export type Purpose = (typeof PURPOSES)[number];
export const PURPOSE_LABEL: Record<Purpose, string> = {
  evaluation: "Evaluation",
  testing: "Testing",
  integration: "Integration",
};

export const EXCLUSIONS = ["public-domain", "already-known", "independently-developed", "rightfully-received"] as const;
export type Exclusion = (typeof EXCLUSIONS)[number];
export const EXCLUSION_LABEL: Record<Exclusion, string> = {
  "public-domain": "In the public domain through no fault of the recipient",
  "already-known": "Already known to the recipient before disclosure",
  "independently-developed": "Independently developed without use of the information",
  "rightfully-received": "Rightfully received from a third party without restriction",
};

export const IMPROVEMENT_OWNERS = ["discloser", "recipient", "joint"] as const;
export type ImprovementOwner = (typeof IMPROVEMENT_OWNERS)[number];

export const TRANSFER_MECHANISMS = ["SCC", "BCR", "adequacy"] as const;
export type TransferMechanism = (typeof TRANSFER_MECHANISMS)[number];
export const TRANSFER_MECHANISM_LABEL: Record<TransferMechanism, string> = {
  SCC: "Standard contractual clauses",
  BCR: "Binding corporate rules",
  adequacy: "Adequacy decision",
};

export const AGREEMENT_STATUSES = ["draft", "active", "ended"] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const CLASS_LABEL = {
  public: "Public",
  internal: "Internal",
  confidential: "Confidential",
  restricted: "Restricted",
} as const;

export const ACCESS_LABEL = {
  none: "No system access",
  read: "Read access",
  write: "Read and write access",
  admin: "Administrative access",
} as const;
