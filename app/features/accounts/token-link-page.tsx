import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Field } from "#app/components/forms";

/** The page a client over its attempt limit sees instead of a link's page. */
export function TooManyAttempts({ message }: { message: string }) {
  return (
    <>
      <h1>Too many attempts</h1>
      <p>{message}</p>
    </>
  );
}

/** The page of a link that no longer works: what happened, then where to go. */
export function DeadLink({
  title,
  text,
  links = <Link to="/login">Go to sign-in</Link>,
}: {
  title: string;
  text: string;
  links?: ReactNode;
}) {
  return (
    <>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>{links}</p>
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
  return (
    <>
      <Field
        label={label}
        errors={errors.password}
        hint="At least 12 characters."
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
