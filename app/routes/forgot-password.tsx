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

export const meta: MetaFunction = () => [{ title: "Forgotten password · Flowdown" }];

const ForgotSchema = z.object({
  email: z
    .string({ error: "Enter your e-mail address" })
    .trim()
    .toLowerCase()
    .min(1, "Enter your e-mail address")
    .max(254, "At most 254 characters")
    .pipe(z.email("Enter a valid e-mail address")),
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
  if (sent && !actionData) {
    return (
      <BrandedCard>
        <h1>Check your e-mail</h1>
        <p role="status">
          If an account exists for that address, we have sent a link to it. The link lets you choose a new password; it
          works once and expires in 1 hour.
        </p>
        <p className="muted">Nothing arrived after a few minutes? Look in your spam folder, or ask again.</p>
        <p>
          <Link to="/login">Back to sign-in</Link> · <Link to="/forgot-password">Ask again</Link>
        </p>
      </BrandedCard>
    );
  }
  return (
    <BrandedCard>
      <h1>Forgotten password</h1>
      <p>Enter the e-mail address of your account. We will send you a link to choose a new password.</p>
      <FormError messages={errors[""]} />
      <Form method="post" noValidate>
        <Field
          label="E-mail"
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
          {busy ? "Sending…" : "Send me a link"}
        </button>
      </Form>
      <p>
        <Link to="/login">Back to sign-in</Link>
      </p>
    </BrandedCard>
  );
}

export { CenteredErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
