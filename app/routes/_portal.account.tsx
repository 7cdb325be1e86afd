import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Field, FormError } from "#app/components/forms";
import { requireUser } from "#app/features/accounts/auth.server";
import { changeOwnPassword } from "#app/features/accounts/sign-in.server";
import { fieldErrors } from "#app/lib/forms.server";
import { rateLimited, tooManyAttempts } from "#app/lib/rate-limit.server";
import { refusalResponse } from "#app/lib/refusal.server";
import { tooLong } from "#app/lib/text-limits";
import { PASSWORD_MAX } from "#app/features/accounts/account-limits";
import { titleOf as pageTitle } from "#app/i18n/meta";
import { useT } from "#app/i18n/react";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "accounts.account.title") }];

const PasswordSchema = z
  .object({
    intent: z.literal("change-password"),
    currentPassword: z
      .string()
      .min(1, "accounts.account.enterCurrent")
      .max(PASSWORD_MAX, tooLong("The password", PASSWORD_MAX)),
    newPassword: z
      .string()
      .min(12, "accounts.password.tooShort")
      .max(PASSWORD_MAX, tooLong("The password", PASSWORD_MAX)),
    confirm: z.string().max(PASSWORD_MAX, tooLong("The password", PASSWORD_MAX)),
  })
  .strict()
  .refine((v) => v.newPassword === v.confirm, { path: ["confirm"], message: "accounts.password.differ" })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "accounts.account.samePassword",
  });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { name: user.name, email: user.email, role: user.role, organisation: user.org.name };
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
  const t = useT();
  return (
    <>
      {params.get("changed") ? <p className="flash">{t("accounts.account.changed")}</p> : null}
      <h1>{t("accounts.account.title")}</h1>
      <section className="card form-section">
        <dl className="facts">
          <dt>{t("accounts.field.name")}</dt>
          <dd>{account.name}</dd>
          <dt>{t("accounts.field.email")}</dt>
          <dd>{account.email}</dd>
          <dt>{t("accounts.field.role")}</dt>
          <dd>{t(`labels.role.${account.role}`)}</dd>
          <dt>{t("accounts.field.organisation")}</dt>
          <dd>{account.organisation}</dd>
        </dl>
      </section>
      <Form method="post" className="card form-section" noValidate>
        <h2>{t("accounts.account.changePassword")}</h2>
        <FormError messages={errors[""]} />
        <input type="hidden" name="intent" value="change-password" />
        <Field
          label={t("accounts.field.currentPassword")}
          errors={errors.currentPassword}
          inputProps={{ name: "currentPassword", type: "password", autoComplete: "current-password", required: true }}
        />
        <Field
          label={t("accounts.field.newPassword")}
          errors={errors.newPassword}
          hint={t("accounts.account.newPasswordHint")}
          inputProps={{ name: "newPassword", type: "password", autoComplete: "new-password", required: true }}
        />
        <Field
          label={t("accounts.field.repeatNewPassword")}
          errors={errors.confirm}
          inputProps={{ name: "confirm", type: "password", autoComplete: "new-password", required: true }}
        />
        <button type="submit" disabled={busy}>
          {t("accounts.account.changePassword")}
        </button>
      </Form>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
