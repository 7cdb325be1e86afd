import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { BrandedCard } from "#app/components/branded-card";
import { Field, FormError } from "#app/components/forms";
import { FIRST_ADMIN_COMMAND, needsFirstAdministrator } from "#app/features/accounts/account-upgrade.server";
import { createUserSession, requireAnonymous, ROLE_HOME } from "#app/features/accounts/auth.server";
import { knownDevice, rememberDevice } from "#app/features/accounts/known-device.server";
import { signIn, signInWait } from "#app/features/accounts/sign-in.server";
import { SSO_HOP, startSsoSignIn } from "#app/features/sso/sign-in.server";
import { orUnavailable } from "#app/lib/db.server";
import { fieldErrors } from "#app/lib/forms.server";
import { safeRedirect } from "#app/lib/http.server";
import { tooManyAttempts } from "#app/lib/rate-limit.server";
import { refusalResponse } from "#app/lib/refusal.server";
import { EMAIL_MAX, tooLong } from "#app/lib/text-limits";
import { PASSWORD_MAX } from "#app/features/accounts/account-limits";
import { titleOf as pageTitle } from "#app/i18n/meta";
import { t as tRequest } from "#app/i18n/messages.server";
import { useT } from "#app/i18n/react";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "accounts.login.title") }];

const LoginSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "accounts.email.enter")
    .max(EMAIL_MAX, tooLong("The e-mail address", EMAIL_MAX))
    .pipe(z.email("accounts.email.invalid")),
  password: z.string().min(1, "accounts.password.enter").max(PASSWORD_MAX, tooLong("The password", PASSWORD_MAX)),
  redirectTo: z.string().max(2048).optional(),
});

const SsoStartSchema = z.object({
  intent: z.literal("sso"),
  email: LoginSchema.shape.email,
  redirectTo: z.string().max(2048).optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const reason = new URL(request.url).searchParams.get("reason");
  // a fresh deployment: nobody can sign in until the operator creates the first administrator
  const firstAdminCommand = (await orUnavailable(needsFirstAdministrator())) ? FIRST_ADMIN_COMMAND : null;
  return { expired: reason === "expired", firstAdminCommand };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const form = Object.fromEntries(await request.formData());
  if (form.intent === "sso") return startSso(request, form);
  const parsed = LoginSchema.safeParse(form);
  // shown again as typed (the password never is)
  const email = typeof form.email === "string" ? form.email : "";
  if (!parsed.success) {
    return data({ errors: fieldErrors(parsed.error), email }, { status: 400 });
  }
  const device = await knownDevice(request, parsed.data.email);
  const wait = await signInWait(request, parsed.data.email, device);
  if (wait) {
    const limited = tooManyAttempts(wait, { email });
    // where a client held back by the account's wait can still get in
    if (!device) limited.data.errors[""].push(tRequest("accounts.login.elsewhereHint"));
    return limited;
  }
  let result;
  try {
    result = await signIn(request, parsed.data.email, parsed.data.password, device);
  } catch (error) {
    return refusalResponse(error, { email });
  }
  const home = ROLE_HOME[result.role];
  const target = safeRedirect(parsed.data.redirectTo, home);
  // a link into another role's area would only end in a 403: land on the user's own dashboard
  const redirectTo = target === "/" || !target.startsWith(home) ? home : target;
  const response = await createUserSession(request, result.userId, redirectTo);
  response.headers.append("Set-Cookie", await rememberDevice(request, parsed.data.email));
  return response;
}

/** "Sign in with your organisation's single sign-on": off to the provider of the address's organisation. */
async function startSso(request: Request, form: Record<string, FormDataEntryValue>) {
  const email = typeof form.email === "string" ? form.email : "";
  const parsed = SsoStartSchema.safeParse(form);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), email }, { status: 400 });
  try {
    const start = await orUnavailable(startSsoSignIn(request, parsed.data.email, parsed.data.redirectTo ?? ""));
    // through a page of the portal: the form may not redirect to another site (form-action 'self')
    return redirect(SSO_HOP, { headers: { "Set-Cookie": start.setCookie } });
  } catch (error) {
    return refusalResponse(error, { email });
  }
}

export default function LoginPage() {
  const { expired, firstAdminCommand } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formAction === "/login";
  const errors = actionData?.errors ?? {};
  const ssoBusy = busy && navigation.formData?.get("intent") === "sso";
  const t = useT();
  return (
    <BrandedCard>
      <h1>{t("accounts.login.title")}</h1>
      {firstAdminCommand ? (
        <div className="notice" role="status">
          <p>{t.rich("accounts.login.noAdministrator", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
          <pre>
            <code>{firstAdminCommand}</code>
          </pre>
          <p>{t("accounts.login.noAdministratorLink")}</p>
        </div>
      ) : null}
      {expired && !actionData ? <p className="notice">{t("accounts.login.expired")}</p> : null}
      <FormError messages={errors[""]} />
      <Form method="post" id="login-form" noValidate>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <Field
          label={t("accounts.field.email")}
          errors={errors.email}
          inputProps={{
            name: "email",
            type: "email",
            autoComplete: "username",
            maxLength: EMAIL_MAX,
            defaultValue: actionData?.email ?? "",
            autoFocus: true,
            required: true,
          }}
        />
        <Field
          label={t("accounts.field.password")}
          errors={errors.password}
          inputProps={{ name: "password", type: "password", autoComplete: "current-password", required: true }}
        />
        <button type="submit" disabled={busy}>
          {busy && !ssoBusy ? t("accounts.login.signingIn") : t("accounts.login.title")}
        </button>
      </Form>
      <div className="sso-login">
        <p className="muted">{t("sso.login.intro")}</p>
        {/* submits the sign-in form (its e-mail names the organisation and its provider); outside it, so the
            form keeps one submit button of its own */}
        <button type="submit" form="login-form" name="intent" value="sso" className="secondary" disabled={busy}>
          {ssoBusy ? t("sso.login.redirecting") : t("sso.login.button")}
        </button>
      </div>
      <p>
        <Link to="/forgot-password">{t("accounts.login.forgot")}</Link>
      </p>
    </BrandedCard>
  );
}

export { CenteredErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
