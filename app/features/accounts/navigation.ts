import type { Role } from "#models/enums";

/** The words for each role and kind of organisation, for the pages that name one. */
export { ORG_KIND_LABEL, ROLE_LABEL } from "#models/labels";

export interface NavItem {
  to: string;
  label: string;
}

const ACCOUNT: NavItem = { to: "/account", label: "Account" };

/** Each role's navigation: only pages that exist. */
export const NAVIGATION: Record<Role, NavItem[]> = {
  supplier: [
    { to: "/supplier", label: "My assessments" },
    { to: "/supplier/certifications", label: "Certifications" },
    { to: "/supplier/evidence", label: "Evidence files" },
    { to: "/supplier/incidents", label: "Incidents" },
    ACCOUNT,
  ],
  procurement: [
    { to: "/procurement", label: "Dashboard" },
    { to: "/procurement/agreements", label: "Agreements" },
    { to: "/procurement/assessments", label: "Assessments" },
    { to: "/procurement/suppliers", label: "Suppliers" },
    { to: "/procurement/disclosing-parties", label: "Disclosing parties" },
    { to: "/procurement/reassessments", label: "Re-assessments" },
    ACCOUNT,
  ],
  discloser: [{ to: "/discloser", label: "Agreements" }, ACCOUNT],
  admin: [
    { to: "/admin", label: "Overview" },
    { to: "/admin/organisations", label: "Organisations" },
    { to: "/admin/users", label: "Users" },
    { to: "/admin/questionnaires", label: "Questionnaires" },
    { to: "/admin/outbox", label: "Outbox" },
    { to: "/admin/audit", label: "Audit trail" },
    ACCOUNT,
  ],
};

const TEAM: NavItem = { to: "/account/team", label: "Team" };

/** The navigation of a user: their role's, with "Team" before "Account" for an organisation's team administrators. */
export function navigationFor(role: Role, teamAdmin: boolean): NavItem[] {
  const items = NAVIGATION[role];
  if (!teamAdmin) return items;
  return items.flatMap((item) => (item === ACCOUNT ? [TEAM, item] : [item]));
}
