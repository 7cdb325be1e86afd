import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { BrandedCard } from "#app/components/branded-card";
import { FormError } from "#app/components/forms";
import { openResetLink, resetPassword } from "#app/features/accounts/account-tokens.server";
import { createUserSession, ROLE_HOME } from "#app/features/accounts/auth.server";
import { rememberDevice } from "#app/features/accounts/known-device.server";
import {
  limitedLinkView,
  PASSWORD_PAIR,
  PASSWORDS_DIFFER,
  passwordsMatch,
} from "#app/features/accounts/token-link.server";
import { DeadLink, NewPasswordFields, TooManyAttempts } from "#app/features/accounts/token-link-page";
import { fieldErrors } from "#app/lib/forms.server";
import { clientIp } from "#app/lib/http.server";
import { recordAttempt } from "#app/lib/rate-limit.server";
import { refusalResponse } from "#app/lib/refusal.server";
import { titleOf as pageTitle } from "#app/i18n/meta";
import { useT } from "#app/i18n/react";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "accounts.reset.title") },
  // the link is the key to the account: never pass it on to another site
  { name: "referrer", content: "no-referrer" },
];

type View = { kind: "limited"; message: string } | { kind: "dead" } | { kind: "reset"; email: string };

const ResetSchema = z.object(PASSWORD_PAIR).refine(passwordsMatch, PASSWORDS_DIFFER);

/** What a visitor with this link sees; an unknown or dead link counts against the client's `token` limit. */
async function viewFor(
  request: Request,
  token: string,
): Promise<{ view: View; status: number; headers?: HeadersInit }> {
  const limited = await limitedLinkView(request);
  if (limited) return limited;
  const opened = await openResetLink(token);
  if (!opened.valid) {
    await recordAttempt("token", request);
    return { view: { kind: "dead" }, status: 410 };
  }
  return { view: { kind: "reset", email: opened.email }, status: 200 };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  // anyone holding the link may open it: the link is the credential
  const { view, status, headers } = await viewFor(request, params.token ?? "");
  return data({ view }, { status, headers });
}

export async function action({ request, params }: ActionFunctionArgs) {
  // anyone holding the link: the link is the credential (checked below, rate limited)
  const token = params.token ?? "";
  const form = Object.fromEntries(await request.formData());
  const { view, status, headers } = await viewFor(request, token);
  if (view.kind !== "reset") return data({ view, errors: {} as Record<string, string[]> }, { status, headers });
  const parsed = ResetSchema.safeParse(form);
  // passwords are never sent back
  if (!parsed.success) return data({ view, errors: fieldErrors(parsed.error) }, { status: 400 });
  let reset;
  try {
    // ends every session of the account, this browser's included: it gets a fresh one below
    reset = await resetPassword(token, parsed.data.password, { ip: clientIp(request) });
  } catch (error) {
    return refusalResponse(error, { view });
  }
  const response = await createUserSession(request, reset.userId, `${ROLE_HOME[reset.role]}?notice=password-reset`);
  // the owner proved the address: this browser is one of theirs from now on
  response.headers.append("Set-Cookie", await rememberDevice(request, reset.email));
  return response;
}

export default function ResetPasswordPage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const view = (actionData?.view ?? loaded.view) as View;
  const errors: Record<string, string[]> = actionData?.errors ?? {};
  const t = useT();
  return (
    <BrandedCard>
      {view.kind === "limited" ? (
        <TooManyAttempts message={view.message} />
      ) : view.kind === "dead" ? (
        <DeadLink
          title={t("accounts.reset.deadTitle")}
          text={t("accounts.reset.deadText")}
          links={
            <>
              <Link to="/forgot-password">{t("accounts.reset.askNew")}</Link> ·{" "}
              <Link to="/login">{t("accounts.goToSignIn")}</Link>
            </>
          }
        />
      ) : (
        <>
          <h1>{t("accounts.reset.title")}</h1>
          <p className="muted">{t("accounts.reset.for", { email: view.email })}</p>
          <FormError messages={errors[""]} />
          <Form method="post" noValidate>
            {/* the e-mail address, for password managers */}
            <input type="hidden" name="username" autoComplete="username" value={view.email} />
            <NewPasswordFields
              errors={errors}
              label={t("accounts.field.newPassword")}
              repeatLabel={t("accounts.field.repeatNewPassword")}
              autoFocus
            />
            <button type="submit" disabled={busy}>
              {busy ? t("accounts.reset.saving") : t("accounts.reset.submit")}
            </button>
          </Form>
        </>
      )}
    </BrandedCard>
  );
}

export { CenteredErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
