import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Field } from "#app/components/forms";
import { useT } from "#app/i18n/react";

/** The page a client over its attempt limit sees instead of a link's page. */
export function TooManyAttempts({ message }: { message: string }) {
  const t = useT();
  return (
    <>
      <h1>{t("accounts.tooManyAttempts")}</h1>
      <p>{message}</p>
    </>
  );
}

/** The page of a link that no longer works: what happened, then where to go. */
export function DeadLink({ title, text, links }: { title: string; text: string; links?: ReactNode }) {
  const t = useT();
  return (
    <>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>{links ?? <Link to="/login">{t("accounts.goToSignIn")}</Link>}</p>
    </>
  );
}

/** The new password and its repetition (fields `password` and `confirm`). */
export function NewPasswordFields({
  errors,
  label,
  repeatLabel,
  autoFocus,
}: {
  errors: Record<string, string[]>;
  label: string;
  repeatLabel: string;
  autoFocus?: boolean;
}) {
  const t = useT();
  return (
    <>
      <Field
        label={label}
        errors={errors.password}
        hint={t("accounts.password.hint")}
        inputProps={{
          name: "password",
          type: "password",
          autoComplete: "new-password",
          autoFocus,
          required: true,
        }}
      />
      <Field
        label={repeatLabel}
        errors={errors.confirm}
        inputProps={{
          name: "confirm",
          type: "password",
          autoComplete: "new-password",
          required: true,
        }}
      />
    </>
  );
}
