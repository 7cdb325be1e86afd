import { z } from "zod";
import {
  API_TOKEN_MAX_DAYS,
  API_TOKEN_NAME_MAX,
  API_TOKEN_SCOPES,
  ApiToken,
  listApiTokens,
  mintApiToken,
} from "#models/api-token.server";
import { recordAudit } from "#models/audit-event.server";
import { Refusal } from "#models/refusal";
import type { CurrentUser } from "#app/features/accounts/auth.server";

const DAY_MS = 24 * 60 * 60 * 1000;
/** The lifetimes the form offers; the schema accepts any whole number of days up to a year. */
export const TOKEN_LIFETIMES = [30, 90, 180, 365] as const;

/** The token page's forms, told apart by their hidden `intent`. */
export const TokenActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create"),
    name: z.string().trim().min(1, "api.tokens.nameMissing").max(API_TOKEN_NAME_MAX, "api.tokens.nameTooLong"),
    scope: z.enum(API_TOKEN_SCOPES, "api.tokens.pickScope"),
    expiresInDays: z.coerce
      .number("api.tokens.pickLifetime")
      .int("api.tokens.pickLifetime")
      .min(1, "api.tokens.pickLifetime")
      .max(API_TOKEN_MAX_DAYS, "api.tokens.pickLifetime"),
  }),
  z.object({ intent: z.literal("revoke"), prefix: z.string().regex(/^[A-Za-z0-9]{8}$/, "api.tokens.unknownToken") }),
]);
export type TokenAction = z.output<typeof TokenActionSchema>;
export const TOKEN_INTENTS: readonly string[] = TokenActionSchema.options.map((o) => o.shape.intent.value);

const actorOf = (user: CurrentUser) => ({ id: user.id, email: user.email, orgId: user.orgId });

/** Creates a token for the team administrator's organisation; the token is returned once and never stored. */
export async function createApiToken(
  admin: CurrentUser,
  input: { name: string; scope: (typeof API_TOKEN_SCOPES)[number]; expiresInDays: number },
  ctx: { ip: string | null },
  now = new Date(),
): Promise<{ token: string; prefix: string; expiresAt: Date }> {
  const { token, prefix, hash } = mintApiToken();
  const expiresAt = new Date(now.getTime() + input.expiresInDays * DAY_MS);
  await ApiToken.create({
    _id: hash,
    orgId: admin.orgId,
    name: input.name,
    scope: input.scope,
    prefix,
    createdBy: admin.id,
    createdAt: now,
    expiresAt,
  });
  await recordAudit({
    action: "api_token.create",
    actor: actorOf(admin),
    targetType: "organization",
    targetId: admin.orgId,
    details: { name: input.name, scope: input.scope, prefix, expiresAt: expiresAt.toISOString() },
    ip: ctx.ip,
  });
  return { token, prefix, expiresAt };
}

/** Revokes one of the organisation's tokens; another organisation's (or an unknown) prefix is refused. */
export async function revokeApiToken(admin: CurrentUser, prefix: string, ctx: { ip: string | null }, now = new Date()) {
  const record = await ApiToken.findOne({ prefix, orgId: admin.orgId }, { _id: 1, name: 1, revokedAt: 1 }).lean();
  if (!record) throw new Refusal("api.tokens.unknownToken", { status: 404 });
  if (record.revokedAt) return;
  await ApiToken.updateOne({ _id: record._id }, { $set: { revokedAt: now, revokedBy: admin.id } });
  await recordAudit({
    action: "api_token.revoke",
    actor: actorOf(admin),
    targetType: "organization",
    targetId: admin.orgId,
    details: { name: record.name, prefix },
    ip: ctx.ip,
  });
}

/** The token page: the organisation's tokens, what a list may show of them. */
export async function tokenPage(admin: CurrentUser, now = new Date()) {
  const tokens = await listApiTokens(admin.orgId);
  return {
    organisation: admin.org.name,
    lifetimes: TOKEN_LIFETIMES,
    tokens: tokens.map((t) => ({
      name: t.name,
      scope: t.scope,
      prefix: t.prefix,
      createdAt: t.createdAt.toISOString(),
      expiresAt: t.expiresAt.toISOString(),
      lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
      state: t.revokedAt ? ("revoked" as const) : t.expiresAt <= now ? ("expired" as const) : ("active" as const),
    })),
  };
}
