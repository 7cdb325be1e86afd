import { z } from "zod";
import { NewPasswordSchema } from "#app/features/accounts/account-tokens.server";
import { rateLimited, tooManyAttemptsMessage } from "#app/lib/rate-limit.server";
import { tooLong } from "#app/lib/text-limits";
import { PASSWORD_MAX } from "./account-limits";

/** The "choose a password" pair of the set-up and reset forms; `.refine(passwordsMatch, PASSWORDS_DIFFER)`. */
export const PASSWORD_PAIR = {
  password: NewPasswordSchema,
  confirm: z.string().max(PASSWORD_MAX, tooLong("The password", PASSWORD_MAX)),
};

export const passwordsMatch = (v: { password: string; confirm: string }) => v.password === v.confirm;
export const PASSWORDS_DIFFER = { path: ["confirm"], message: "accounts.password.differ" };

/** A client over its `token` limit sees this page (429) instead of the link's. */
export async function limitedLinkView(request: Request) {
  const wait = await rateLimited("token", request);
  if (!wait) return null;
  return {
    view: { kind: "limited" as const, message: tooManyAttemptsMessage(wait) },
    status: 429,
    headers: { "Retry-After": String(wait * 60) },
  };
}
