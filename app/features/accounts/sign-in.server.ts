import { recordAudit } from "#models/audit-event.server";
import { orUnavailable } from "#app/lib/db.server";
import { clientIp } from "#app/lib/http.server";
import { forgetAttempts, rateLimited, recordAttempt } from "#app/lib/rate-limit.server";
import { Refusal } from "#models/refusal";
import { prefetchOrgReadModel } from "#app/features/assessments/read-model.server";
import { passwordSignInOff } from "#app/features/sso/sign-in.server";
import { changePassword, verifyLogin, type CurrentUser } from "./auth.server";

/**
 * Minutes a sign-in to `email` must wait, or null. A browser that signed in
 * to the account before (`device`, see known-device.server) waits only for
 * its own failures; any other client waits for the account's failures from
 * such clients and for its address's.
 */
export function signInWait(request: Request, email: string, device: string | null): Promise<number | null> {
  return device
    ? rateLimited("device", request, { account: device })
    : rateLimited("login", request, { account: email.toLowerCase() });
}

/**
 * Checks the credentials and records the attempt; a wrong e-mail or password is a Refusal.
 * A success forgets the account's (or this browser's) failures.
 */
export async function signIn(request: Request, email: string, password: string, device: string | null = null) {
  const account = email.toLowerCase();
  const result = await orUnavailable(verifyLogin(email, password));
  if (!result.ok) {
    if (device) await recordAttempt("device", request, { account: device });
    else await recordAttempt("login", request, { account });
    await recordAudit({
      action: "auth.login_failed",
      details: { email: account, knownDevice: String(device !== null) },
      ip: clientIp(request),
    });
    throw new Refusal("accounts.login.incorrect");
  }
  // an organisation that signs its users in through its identity provider only (docs/decisions/015)
  if (await passwordSignInOff(result.orgId)) {
    await recordAudit({
      action: "auth.login_refused",
      actor: { id: result.userId, email: result.email, orgId: result.orgId },
      details: { reason: "password_sign_in_off" },
      ip: clientIp(request),
    });
    throw new Refusal("sso.login.passwordOff");
  }
  await forgetAttempts("login", account);
  if (device) await forgetAttempts("device", device);
  await recordAudit({
    action: "auth.login",
    actor: { id: result.userId, email: result.email, orgId: result.orgId },
    details: { knownDevice: String(device !== null) },
    ip: clientIp(request),
  });
  // procurement lands on the dashboard: its organisation's rows are read while the redirect travels
  if (result.role === "procurement") prefetchOrgReadModel(result.orgId);
  return result;
}

/** Changes the user's own password and signs out their other sessions; a wrong current password is a Refusal. */
export async function changeOwnPassword(request: Request, user: CurrentUser, current: string, next: string) {
  const ended = await changePassword(user, current, next);
  if (ended === null) {
    await recordAttempt("password", request, { account: user.id });
    throw Refusal.ofFields({ currentPassword: ["accounts.account.wrongCurrent"] });
  }
  await recordAudit({
    action: "user.password_change",
    actor: { id: user.id, email: user.email, orgId: user.orgId },
    targetType: "user",
    targetId: user.id,
    details: { otherSessionsEnded: ended },
    ip: clientIp(request),
  });
}
