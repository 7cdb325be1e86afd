import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { BrandedCard } from "#app/components/branded-card";
import { Field, FormError } from "#app/components/forms";
import { requestPasswordReset } from "#app/features/accounts/account-tokens.server";
import { requireAnonymous } from "#app/features/accounts/auth.server";
import { publicOrigin } from "#app/lib/env.server";
import { fieldErrors } from "#app/lib/forms.server";
import { clientIp } from "#app/lib/http.server";
import { rateLimited, recordAttempt, tooManyAttempts } from "#app/lib/rate-limit.server";
import { titleOf as pageTitle } from "#app/i18n/meta";
import { useT } from "#app/i18n/react";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "accounts.forgot.title") }];

const ForgotSchema = z.object({
  email: z
    .string({ error: "accounts.email.enter" })
    .trim()
    .toLowerCase()
    .min(1, "accounts.email.enter")
    .max(254, "accounts.email.atMost")
    .pipe(z.email("accounts.email.invalid")),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return { sent: new URL(request.url).searchParams.get("sent") === "1" };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const form = Object.fromEntries(await request.formData());
  const email = typeof form.email === "string" ? form.email : "";
  const parsed = ForgotSchema.safeParse(form);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), email }, { status: 400 });
  const account = parsed.data.email;
  const wait = await rateLimited("reset", request, { account });
  if (wait) return tooManyAttempts(wait, { email }, "email");
  // every request counts, whether or not the address has an account: the answer must not tell them apart
  await recordAttempt("reset", request, { account });
  await requestPasswordReset(account, { origin: publicOrigin(request), ip: clientIp(request) });
  return redirect("/forgot-password?sent=1");
}

export default function ForgotPasswordPage() {
  const { sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const errors: Record<string, string[]> = actionData?.errors ?? {};
  const t = useT();
  if (sent && !actionData) {
    return (
      <BrandedCard>
        <h1>{t("accounts.forgot.sentTitle")}</h1>
        <p role="status">{t("accounts.forgot.sentText")}</p>
        <p className="muted">{t("accounts.forgot.nothingArrived")}</p>
        <p>
          <Link to="/login">{t("accounts.backToSignIn")}</Link> ·{" "}
          <Link to="/forgot-password">{t("accounts.forgot.askAgain")}</Link>
        </p>
      </BrandedCard>
    );
  }
  return (
    <BrandedCard>
      <h1>{t("accounts.forgot.title")}</h1>
      <p>{t("accounts.forgot.intro")}</p>
      <FormError messages={errors[""]} />
      <Form method="post" noValidate>
        <Field
          label={t("accounts.field.email")}
          errors={errors.email}
          inputProps={{
            name: "email",
            type: "email",
            autoComplete: "username",
            defaultValue: actionData?.email ?? "",
            maxLength: 254,
            autoFocus: true,
            required: true,
          }}
        />
        <button type="submit" disabled={busy}>
          {busy ? t("accounts.forgot.sending") : t("accounts.forgot.send")}
        </button>
      </Form>
      <p>
        <Link to="/login">{t("accounts.backToSignIn")}</Link>
      </p>
    </BrandedCard>
  );
}

export { CenteredErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
