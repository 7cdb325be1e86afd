/** Enumerations shared by the server models and the pages (safe for the browser bundle). */
export const ROLES = ["supplier", "procurement", "discloser", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ORG_KINDS = ["discloser", "recipient", "supplier", "operator"] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/**
 * The portal role of every user of an organisation follows from the
 * organisation's kind: what a user may see is decided by the organisation's
 * place in the agreements (docs/decisions/009). Within an organisation a user
 * is a member or a team administrator (TEAM_ROLES).
 */
export const ROLE_FOR_KIND: Record<OrgKind, Role> = {
  discloser: "discloser",
  recipient: "procurement",
  supplier: "supplier",
  operator: "admin",
};

export const TEAM_ROLES = ["member", "admin"] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
