import type { MessageId } from "#app/i18n/catalogue";
import type { Role } from "#models/enums";

/** The words for each role and kind of organisation, for the pages that name one. */
export { ORG_KIND_LABEL, ROLE_LABEL } from "#models/labels";

export interface NavItem {
  to: string;
  /** the catalogue id of the item's name */
  label: MessageId;
}

const ACCOUNT: NavItem = { to: "/account", label: "common.nav.account" };

/** Each role's navigation: only pages that exist. */
export const NAVIGATION: Record<Role, NavItem[]> = {
  supplier: [
    { to: "/supplier", label: "common.nav.myAssessments" },
    { to: "/supplier/profile", label: "profile.nav" },
    { to: "/supplier/certifications", label: "common.nav.certifications" },
    { to: "/supplier/evidence", label: "common.nav.evidence" },
    { to: "/supplier/profile/sharing", label: "sharing.nav" },
    { to: "/supplier/incidents", label: "common.nav.incidents" },
    { to: "/supplier/returns", label: "destruction.nav" },
    { to: "/supplier/legal-demands", label: "compelled.page.title" },
    { to: "/supplier/audits", label: "audits.nav" },
    ACCOUNT,
  ],
  procurement: [
    { to: "/procurement", label: "common.nav.dashboard" },
    { to: "/procurement/agreements", label: "common.nav.agreements" },
    { to: "/procurement/assessments", label: "common.nav.assessments" },
    { to: "/procurement/suppliers", label: "common.nav.suppliers" },
    { to: "/procurement/disclosing-parties", label: "common.nav.disclosingParties" },
    { to: "/procurement/reassessments", label: "common.nav.reassessments" },
    ACCOUNT,
  ],
  discloser: [{ to: "/discloser", label: "common.nav.agreements" }, ACCOUNT],
  admin: [
    { to: "/admin", label: "common.nav.overview" },
    { to: "/admin/organisations", label: "common.nav.organisations" },
    { to: "/admin/users", label: "common.nav.users" },
    { to: "/admin/questionnaires", label: "common.nav.questionnaires" },
    { to: "/admin/outbox", label: "common.nav.outbox" },
    { to: "/admin/audit", label: "common.nav.auditTrail" },
    ACCOUNT,
  ],
};

const TEAM: NavItem = { to: "/account/team", label: "common.nav.team" };

/** The navigation of a user: their role's, with "Team" before "Account" for an organisation's team administrators. */
export function navigationFor(role: Role, teamAdmin: boolean): NavItem[] {
  const items = NAVIGATION[role];
  if (!teamAdmin) return items;
  return items.flatMap((item) => (item === ACCOUNT ? [TEAM, item] : [item]));
}
