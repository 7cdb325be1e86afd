import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { BrandedCard } from "#app/components/branded-card";
import { Field } from "#app/components/forms";
import { createUserSession } from "#app/features/accounts/auth.server";
import { DeadLink } from "#app/features/accounts/token-link-page";
import {
  openInvitation,
  resolveInvitation,
  setUpInvitedAccount,
  signInToInvitation,
  type DeadInvitationState,
} from "#app/features/accounts/invitation.server";
import { fieldErrors } from "#app/lib/forms.server";
import { rateLimited, recordAttempt, tooManyAttempts, tooManyAttemptsMessage } from "#app/lib/rate-limit.server";
import { refusalResponse } from "#app/lib/refusal.server";
import { limitedText, tooLong } from "#app/lib/text-limits";
import { NAME_MAX, PASSWORD_MAX } from "#app/features/accounts/account-limits";
import { titleOf as pageTitle } from "#app/i18n/meta";
import type { MessageId } from "#app/i18n/catalogue";
import { useT } from "#app/i18n/react";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "accounts.invite.title") },
  { name: "referrer", content: "no-referrer" },
];

const DEAD: Record<DeadInvitationState, { title: MessageId; text: MessageId }> = {
  expired: { title: "accounts.invite.dead.expired.title", text: "accounts.invite.dead.expired.text" },
  revoked: { title: "accounts.invite.dead.revoked.title", text: "accounts.invite.dead.revoked.text" },
  used: { title: "accounts.invite.dead.used.title", text: "accounts.invite.dead.used.text" },
  unknown: { title: "accounts.invite.dead.unknown.title", text: "accounts.invite.dead.unknown.text" },
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  // links are long random tokens; a client trying many of them is slowed down
  const wait = await rateLimited("invite", request);
  if (wait)
    throw new Response(tooManyAttemptsMessage(wait), {
      status: 429,
      headers: { "Retry-After": String(wait * 60), "Content-Type": "text/plain; charset=utf-8" },
    });
  const opened = await openInvitation(request, token);
  if ("enter" in opened) throw redirect(opened.enter);
  return { view: opened.view };
}

const SetUpSchema = z
  .object({
    intent: z.literal("set-up"),
    name: limitedText("Your name", NAME_MAX).min(1, "accounts.name.enter"),
    password: z.string().min(12, "accounts.password.tooShort").max(PASSWORD_MAX, tooLong("The password", PASSWORD_MAX)),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "accounts.password.differ" });
const SignInSchema = z.object({
  intent: z.literal("sign-in"),
  password: z.string().min(1, "accounts.password.enter").max(PASSWORD_MAX, tooLong("The password", PASSWORD_MAX)),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const form = Object.fromEntries(await request.formData());
  const name = typeof form.name === "string" ? form.name : "";
  const account = `token:${token.slice(0, 100)}`;
  const wait = await rateLimited("invite", request, { account });
  if (wait) return tooManyAttempts(wait, { name }, "password");
  const { view, lookup } = await resolveInvitation(request, token);
  if (!view || lookup.state !== "valid") {
    if (lookup.state === "unknown") await recordAttempt("invite", request, { account });
    return redirect(`/invite/${encodeURIComponent(token)}`);
  }
  const inv = lookup.invitation;

  if (view.kind === "set-up") {
    const parsed = SetUpSchema.safeParse(form);
    if (!parsed.success) return data({ errors: fieldErrors(parsed.error), name }, { status: 400 });
    const entered = await setUpInvitedAccount(request, token, inv, parsed.data);
    if (!entered) return redirect(`/invite/${encodeURIComponent(token)}`);
    return createUserSession(request, entered.userId, entered.target);
  }
  if (view.kind === "sign-in") {
    const parsed = SignInSchema.safeParse(form);
    if (!parsed.success) return data({ errors: fieldErrors(parsed.error), name }, { status: 400 });
    try {
      const entered = await signInToInvitation(request, token, inv, parsed.data.password, account);
      if (!entered) return redirect(`/invite/${encodeURIComponent(token)}`);
      return createUserSession(request, entered.userId, entered.target);
    } catch (error) {
      return refusalResponse(error, { name });
    }
  }
  return redirect(`/invite/${encodeURIComponent(token)}`);
}

export default function InvitationPage() {
  const { view } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const errors: Record<string, string[]> = actionData?.errors ?? {};
  const t = useT();
  return (
    <BrandedCard>
      {view.kind === "dead" ? (
        <DeadLink title={t(DEAD[view.state].title)} text={t(DEAD[view.state].text)} />
      ) : view.kind === "wrong-account" ? (
        <>
          <h1>{t("accounts.invite.wrongAccount.title")}</h1>
          <p>{t("accounts.invite.wrongAccount.text", { email: view.signedInAs })}</p>
          <Form method="post" action="/logout">
            <button type="submit">{t("common.signOut")}</button>
          </Form>
        </>
      ) : view.kind === "unusable" ? (
        <>
          <h1>{t("accounts.invite.unusable.title")}</h1>
          <p>{t("accounts.invite.unusable.text")}</p>
        </>
      ) : (
        <>
          <h1>{view.kind === "set-up" ? t("accounts.setUp.title") : t("accounts.invite.signInTitle")}</h1>
          <p className="muted">{t("accounts.invite.for", { email: view.email, organisation: view.organisation })}</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value={view.kind} />
            {view.kind === "set-up" ? (
              <>
                <Field
                  label={t("accounts.field.yourName")}
                  errors={errors.name}
                  inputProps={{
                    name: "name",
                    autoComplete: "name",
                    maxLength: NAME_MAX,
                    defaultValue: actionData?.name ?? "",
                    required: true,
                  }}
                />
                <Field
                  label={t("accounts.field.choosePassword")}
                  errors={errors.password}
                  hint={t("accounts.password.hint")}
                  inputProps={{ name: "password", type: "password", autoComplete: "new-password", required: true }}
                />
                <Field
                  label={t("accounts.field.repeatPassword")}
                  errors={errors.confirm}
                  inputProps={{ name: "confirm", type: "password", autoComplete: "new-password", required: true }}
                />
              </>
            ) : (
              <Field
                label={t("accounts.field.password")}
                errors={errors.password}
                inputProps={{ name: "password", type: "password", autoComplete: "current-password", required: true }}
              />
            )}
            <button type="submit" disabled={busy}>
              {busy
                ? t("accounts.pleaseWait")
                : view.kind === "set-up"
                  ? t("accounts.invite.create")
                  : t("accounts.invite.signIn")}
            </button>
          </Form>
        </>
      )}
    </BrandedCard>
  );
}

export { CenteredErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
