import type { Types } from "mongoose";
import { z } from "zod";
import { AccountTokenModel, closeAccountToken, issueAccountToken } from "#models/account-token.server";
import { recordAudit } from "#models/audit-event.server";
import { isCountryCode } from "#models/countries";
import { Organization, createOrganization } from "#models/organization.server";
import { Refusal } from "#models/refusal";
import { User } from "#models/user.server";
import { trusted } from "#app/lib/ids.server";
import { setUpLink } from "./account-tokens.server";
import { needsFirstAdministrator } from "./account-upgrade.server";

/**
 * The first administrator of an empty portal (`npm run admin:create`). Nobody
 * can invite them, so the operator at the command line gets a one-time
 * set-password link instead: no password is typed, printed or stored here.
 */

export const DEFAULT_OPERATOR_NAME = "Flowdown Operations";

export const FirstAdminSchema = z.object({
  email: z
    .string({ error: "--email is required" })
    .trim()
    .toLowerCase()
    .min(1, "--email is required")
    .max(254, "--email: at most 254 characters")
    .pipe(z.email("--email: not a valid e-mail address")),
  name: z
    .string({ error: "--name is required" })
    .trim()
    .min(1, "--name is required")
    .max(200, "--name: at most 200 characters"),
  organisation: z
    .string()
    .trim()
    .min(1, "--organisation must not be empty")
    .max(200, "--organisation: at most 200 characters")
    .optional(),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isCountryCode, "--country: not an ISO 3166-1 country code (e.g. GB, DE, US)")
    .default("GB"),
});
export type FirstAdminInput = z.output<typeof FirstAdminSchema>;

export interface FirstAdminLink {
  link: string;
  expiresAt: Date;
  email: string;
  organisation: string;
  organisationCreated: boolean;
  /** earlier command-line links that stopped working */
  replaced: number;
}

/**
 * Issues the set-password link of the first administrator. Refused once an
 * active administrator exists (they invite the others from the portal).
 * Running it again before the link is used replaces the link.
 */
export async function createFirstAdministrator(
  input: FirstAdminInput,
  ctx: { origin: string },
): Promise<FirstAdminLink> {
  if (!(await needsFirstAdministrator())) {
    throw new Refusal(
      "Flowdown already has an administrator. Administrators invite more from Administration → Organisations.",
    );
  }
  const existing = await User.findOne({ email: input.email }, { role: 1 }).lean();
  if (existing) {
    throw new Refusal(`${input.email} already has a Flowdown account (${existing.role}): use another address.`);
  }
  const found = await Organization.findOne({ kind: "operator", active: trusted({ $ne: false }) }, { name: 1 })
    .sort({ createdAt: 1 })
    .lean();
  const organisationCreated = !found;
  let org: { _id: Types.ObjectId; name: string };
  if (found) {
    org = { _id: found._id, name: found.name };
  } else {
    const name = input.organisation ?? DEFAULT_OPERATOR_NAME;
    const created = await createOrganization({ name, kind: "operator", country: input.country });
    org = { _id: created._id, name: created.name };
  }
  // only the newest command-line link works: another run, for the same address or not, replaces it
  const earlier = await AccountTokenModel.find(
    { purpose: "invite", role: "admin", createdBy: null, status: "active" },
    { _id: 1 },
  ).lean();
  let replaced = 0;
  for (const e of earlier) if (await closeAccountToken(e._id, "revoked")) replaced++;
  const { token, record } = await issueAccountToken({
    purpose: "invite",
    email: input.email,
    orgId: org._id,
    role: "admin",
    teamAdmin: true,
    name: input.name,
    createdBy: null,
    replaces: earlier[0]?._id ?? null,
  });
  await recordAudit({
    action: "admin.bootstrap",
    targetType: "organization",
    targetId: String(org._id),
    details: {
      email: input.email,
      organisation: org.name,
      organisationCreated: String(organisationCreated),
      linksReplaced: String(replaced),
    },
  });
  return {
    link: setUpLink(ctx.origin, token),
    expiresAt: record.expiresAt,
    email: input.email,
    organisation: org.name,
    organisationCreated,
    replaced,
  };
}
