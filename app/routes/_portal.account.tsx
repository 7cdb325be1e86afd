import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Field, FormError } from "#app/components/forms";
import { requireUser } from "#app/features/accounts/auth.server";
import { ROLE_LABEL } from "#app/features/accounts/navigation";
import { changeOwnPassword } from "#app/features/accounts/sign-in.server";
import { fieldErrors } from "#app/lib/forms.server";
import { rateLimited, tooManyAttempts } from "#app/lib/rate-limit.server";
import { refusalResponse } from "#app/lib/refusal.server";
import { tooLong } from "#app/lib/text-limits";
import { PASSWORD_MAX } from "#app/features/accounts/account-limits";

export const meta: MetaFunction = () => [{ title: "Account · Flowdown" }];

const PasswordSchema = z
  .object({
    intent: z.literal("change-password"),
    currentPassword: z
      .string()
      .min(1, "Enter your current password")
      .max(PASSWORD_MAX, tooLong("The password", PASSWORD_MAX)),
    newPassword: z
      .string()
      .min(12, "Use at least 12 characters")
      .max(PASSWORD_MAX, tooLong("The password", PASSWORD_MAX)),
    confirm: z.string().max(PASSWORD_MAX, tooLong("The password", PASSWORD_MAX)),
  })
  .strict()
  .refine((v) => v.newPassword === v.confirm, { path: ["confirm"], message: "The two passwords differ" })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one",
  });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { name: user.name, email: user.email, role: ROLE_LABEL[user.role], organisation: user.org.name };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = PasswordSchema.safeParse(Object.fromEntries(await request.formData()));
  // passwords are never sent back
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error) }, { status: 400 });
  const wait = await rateLimited("password", request, { account: user.id });
  if (wait) return tooManyAttempts(wait, {}, "currentPassword");
  try {
    await changeOwnPassword(request, user, parsed.data.currentPassword, parsed.data.newPassword);
  } catch (error) {
    return refusalResponse(error);
  }
  return redirect("/account?changed=1");
}

export default function AccountPage() {
  const account = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string[]> = actionData?.errors ?? {};
  const [params] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  return (
    <>
      {params.get("changed") ? <p className="flash">Password changed. You were signed out everywhere else.</p> : null}
      <h1>Account</h1>
      <section className="card form-section">
        <dl className="facts">
          <dt>Name</dt>
          <dd>{account.name}</dd>
          <dt>E-mail</dt>
          <dd>{account.email}</dd>
          <dt>Role</dt>
          <dd>{account.role}</dd>
          <dt>Organisation</dt>
          <dd>{account.organisation}</dd>
        </dl>
      </section>
      <Form method="post" className="card form-section" noValidate>
        <h2>Change password</h2>
        <FormError messages={errors[""]} />
        <input type="hidden" name="intent" value="change-password" />
        <Field
          label="Current password"
          errors={errors.currentPassword}
          inputProps={{ name: "currentPassword", type: "password", autoComplete: "current-password", required: true }}
        />
        <Field
          label="New password"
          errors={errors.newPassword}
          hint="At least 12 characters. Every other session of your account is signed out."
          inputProps={{ name: "newPassword", type: "password", autoComplete: "new-password", required: true }}
        />
        <Field
          label="Repeat the new password"
          errors={errors.confirm}
          inputProps={{ name: "confirm", type: "password", autoComplete: "new-password", required: true }}
        />
        <button type="submit" disabled={busy}>
          Change password
        </button>
      </Form>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
