import { Organization } from "#models/organization.server";
import { User, type Role } from "#models/user.server";
import { ROLE_LABEL } from "./navigation";

/** The operator's headline: how many organisations and users there are. */
export async function accountCounts() {
  const [organizations, users] = await Promise.all([Organization.countDocuments(), User.countDocuments()]);
  return { organizations, users };
}

/** Every user (the first 500 by e-mail) with their organisation and last sign-in, for the operator. */
export async function userDirectory() {
  const [users, orgs] = await Promise.all([
    User.find({}, { email: 1, name: 1, role: 1, orgId: 1, lastLoginAt: 1 }).sort({ email: 1 }).limit(500).lean(),
    Organization.find({}, { name: 1 }).lean(),
  ]);
  const orgName = new Map(orgs.map((o) => [String(o._id), o.name]));
  return users.map((u) => ({
    id: String(u._id),
    email: u.email,
    name: u.name,
    role: ROLE_LABEL[u.role as Role],
    org: orgName.get(String(u.orgId)) ?? "",
    lastLoginAt: u.lastLoginAt ? new Date(u.lastLoginAt).toISOString() : null,
  }));
}
