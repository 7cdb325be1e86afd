/** Enumerations shared by the server models and the pages (safe for the browser bundle). */
export const ROLES = ["supplier", "procurement", "discloser", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ORG_KINDS = ["discloser", "recipient", "supplier", "operator"] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
