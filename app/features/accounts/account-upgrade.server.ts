import { claim } from "#models/claim.server";
import { Organization, organizationKeys } from "#models/organization.server";
import { User } from "#models/user.server";
import { trusted } from "#app/lib/ids.server";

/**
 * Brings organisations and users written before organisations were managed
 * in the portal up to date, once per database: duplicate-detection keys for
 * every organisation, and a team administrator (its earliest user) for every
 * organisation that has users but none who can manage them.
 */
export async function upgradeAccounts(): Promise<{ keyed: number; teamAdmins: number }> {
  if (!(await claim("upgrade:accounts-v1"))) return { keyed: 0, teamAdmins: 0 };
  let keyed = 0;
  const unkeyed = await Organization.find(
    { nameKey: trusted({ $in: [null, ""] }) },
    { name: 1, registrationNumber: 1 },
  ).lean();
  for (const org of unkeyed) {
    await Organization.updateOne(
      { _id: org._id },
      { $set: organizationKeys(org.name, org.registrationNumber ?? "") },
      { timestamps: false },
    );
    keyed++;
  }
  const managed = new Set((await User.find({ teamAdmin: true }, { orgId: 1 }).lean()).map((u) => String(u.orgId)));
  const users = await User.find({}, { orgId: 1, active: 1 }).sort({ createdAt: 1 }).lean();
  let teamAdmins = 0;
  for (const u of users) {
    const org = String(u.orgId);
    if (managed.has(org) || u.active === false) continue;
    await User.updateOne({ _id: u._id }, { $set: { teamAdmin: true } }, { timestamps: false });
    managed.add(org);
    teamAdmins++;
  }
  return { keyed, teamAdmins };
}

/** True when no active administrator exists: the portal needs `npm run admin:create` first. */
export async function needsFirstAdministrator(): Promise<boolean> {
  return !(await User.exists({ role: "admin", active: trusted({ $ne: false }) }));
}

export const FIRST_ADMIN_COMMAND = 'npm run admin:create -- --email you@example.com --name "Your Name"';

export const FIRST_ADMIN_HINT = [
  "Flowdown has no administrator yet. Create the first one with:",
  "",
  `  ${FIRST_ADMIN_COMMAND}`,
  "",
  "It prints a one-time link where you set your password. (Demo data instead: FLOWDOWN_DEMO_DATA=on npm start)",
].join("\n");
