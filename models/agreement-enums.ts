/** Enumerations of agreement fields, shared by the models, the forms and the pages. */
export { INFO_CLASSES, ACCESS_LEVELS, type InfoClass, type AccessLevel } from "#app/scoring/types";

export const PURPOSES = ["evaluation", "testing", "integration"] as const;
export type Purpose = (typeof PURPOSES)[number];

export const EXCLUSIONS = ["public-domain", "already-known", "independently-developed", "rightfully-received"] as const;
export type Exclusion = (typeof EXCLUSIONS)[number];

export const IMPROVEMENT_OWNERS = ["discloser", "recipient", "joint"] as const;
export type ImprovementOwner = (typeof IMPROVEMENT_OWNERS)[number];

export const TRANSFER_MECHANISMS = ["SCC", "BCR", "adequacy"] as const;
export type TransferMechanism = (typeof TRANSFER_MECHANISMS)[number];

export const AGREEMENT_STATUSES = ["draft", "active", "ended"] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
