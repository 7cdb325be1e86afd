import { z } from "zod";
import { recordAudit } from "#models/audit-event.server";
import { ROLE_FOR_KIND, TEAM_ROLES } from "#models/enums";
import { Organization } from "#models/organization.server";
import { Refusal, said } from "#models/refusal";
import {
  claimDomains,
  findSsoConnection,
  SSO_DOMAINS_MAX,
  SsoConnection,
  SsoDomain,
} from "#models/sso-connection.server";
import { publicOrigin } from "#app/lib/env.server";
import { open, seal, SecretUnreadable } from "#app/lib/secret-box.server";
import { t } from "#app/i18n/messages.server";
import { carry } from "#app/i18n/carried";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { issuerProblem, parseDomains } from "./domains";
import { describeProvider, ProviderUnreachable } from "./provider.server";

/**
 * An organisation's single sign-on settings (docs/decisions/015), managed by
 * its team administrators on /account/team/sso.
 */

export const CALLBACK_PATH = "/auth/oidc/callback";

/** The redirect URI to register at the provider. */
export function redirectUri(request: Request): string {
  return publicOrigin(request) + CALLBACK_PATH;
}

export function secretPurpose(orgId: string): string {
  return `sso:${orgId}`;
}

const ISSUER_MAX = 500;
const CLIENT_ID_MAX = 500;
const SECRET_MAX = 2000;
const DOMAINS_TEXT_MAX = 5000;

const issuerField = z
  .string()
  .trim()
  .min(1, "sso.field.issuer.enter")
  .max(ISSUER_MAX, "sso.field.issuer.tooLong")
  .superRefine((value, ctx) => {
    const problem = issuerProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: `sso.field.issuer.${problem}` });
  })
  .transform((v) => v.replace(/\/+$/, ""));

const checkbox = z
  .enum(["on", "true", "1"])
  .optional()
  .transform((v) => v !== undefined);

export const SsoActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("save"),
    issuer: issuerField,
    clientId: z.string().trim().min(1, "sso.field.clientId.enter").max(CLIENT_ID_MAX, "sso.field.clientId.tooLong"),
    /** empty keeps the stored secret */
    clientSecret: z.string().max(SECRET_MAX, "sso.field.clientSecret.tooLong").default(""),
    domains: z
      .string()
      .max(DOMAINS_TEXT_MAX, "sso.field.domains.tooLong")
      .transform((value, ctx) => {
        const { domains, invalid } = parseDomains(value);
        if (invalid.length > 0)
          ctx.addIssue({ code: "custom", message: carry("sso.field.domains.invalid", { list: invalid.join(", ") }) });
        else if (domains.length === 0) ctx.addIssue({ code: "custom", message: "sso.field.domains.enter" });
        else if (domains.length > SSO_DOMAINS_MAX)
          ctx.addIssue({ code: "custom", message: "sso.field.domains.tooMany" });
        return domains;
      }),
    createAccounts: checkbox,
    newAccountTeamRole: z.enum(TEAM_ROLES, "sso.field.teamRole.pick").default("member"),
    passwordSignInOff: checkbox,
  }),
  z.object({ intent: z.literal("check"), issuer: issuerField }),
  z.object({ intent: z.literal("remove") }),
]);
export type SsoAction = z.output<typeof SsoActionSchema>;
export type SsoSave = Extract<SsoAction, { intent: "save" }>;

/** What the settings page shows; the secret only as "set". */
export async function ssoSettingsPage(admin: CurrentUser, request: Request) {
  const [org, connection] = await Promise.all([
    Organization.findById(admin.orgId, { name: 1, kind: 1 }).lean(),
    findSsoConnection(admin.orgId),
  ]);
  if (!org) throw new Refusal("accounts.refusal.orgMissing", { status: 404 });
  let secretReadable = true;
  if (connection) {
    try {
      open(connection.clientSecretSealed, secretPurpose(admin.orgId));
    } catch (error) {
      if (!(error instanceof SecretUnreadable)) throw error;
      secretReadable = false;
    }
  }
  return {
    organisation: org.name,
    role: t(`labels.role.${ROLE_FOR_KIND[org.kind]}`),
    redirectUri: redirectUri(request),
    connection: connection
      ? {
          issuer: connection.issuer,
          clientId: connection.clientId,
          secretSet: true,
          secretReadable,
          domains: connection.domains,
          createAccounts: connection.createAccounts,
          newAccountTeamRole: connection.newAccountTeamRole,
          passwordSignInOff: connection.passwordSignInOff,
          updatedAt: connection.updatedAt.toISOString(),
        }
      : null,
  };
}

/** Saves the organisation's settings; a domain another organisation holds is refused beside the field. */
export async function saveSsoSettings(admin: CurrentUser, input: SsoSave, ctx: { ip?: string }) {
  const orgId = admin.orgId;
  const existing = await findSsoConnection(orgId);
  const secret = input.clientSecret.trim();
  if (!secret && !existing) throw Refusal.ofFields({ clientSecret: ["sso.field.clientSecret.enter"] });
  const clashes = await claimDomains(orgId, input.domains, existing?.domains ?? []);
  if (clashes.length > 0) {
    throw Refusal.ofFields({ domains: [said("sso.field.domains.taken", { list: clashes.join(", ") })] });
  }
  const fields = {
    issuer: input.issuer,
    clientId: input.clientId,
    clientSecretSealed: secret ? seal(secret, secretPurpose(orgId)) : existing!.clientSecretSealed,
    domains: input.domains,
    createAccounts: input.createAccounts,
    newAccountTeamRole: input.newAccountTeamRole,
    passwordSignInOff: input.passwordSignInOff,
    updatedAt: new Date(),
    updatedBy: admin.id,
  };
  await SsoConnection.updateOne({ _id: orgId }, { $set: fields }, { upsert: true });
  await recordAudit({
    action: "sso.settings_saved",
    actor: admin,
    targetType: "organisation",
    targetId: orgId,
    details: {
      issuer: input.issuer,
      clientId: input.clientId,
      secretChanged: String(Boolean(secret)),
      domains: input.domains.join(" "),
      createAccounts: String(input.createAccounts),
      newAccountTeamRole: input.newAccountTeamRole,
      passwordSignInOff: String(input.passwordSignInOff),
    },
    ip: ctx.ip,
  });
}

/** Turns single sign-on off for the organisation: its users sign in with passwords again. */
export async function removeSsoSettings(admin: CurrentUser, ctx: { ip?: string }) {
  const existing = await findSsoConnection(admin.orgId);
  if (!existing) throw new Refusal("sso.settings.notSet");
  await SsoConnection.deleteOne({ _id: admin.orgId });
  await SsoDomain.deleteMany({ orgId: admin.orgId });
  await recordAudit({
    action: "sso.settings_removed",
    actor: admin,
    targetType: "organisation",
    targetId: admin.orgId,
    details: { issuer: existing.issuer },
    ip: ctx.ip,
  });
}

/** Runs discovery against the issuer; an unreachable or wrong provider is a Refusal. */
export async function checkProvider(issuer: string) {
  try {
    return await describeProvider(issuer);
  } catch (error) {
    if (error instanceof ProviderUnreachable) throw new Refusal("sso.check.unreachable", { status: 400 });
    throw error;
  }
}
