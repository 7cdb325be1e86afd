import { Form, Link, useNavigation } from "@remix-run/react";
import { FormError } from "#app/components/forms";
import { DuplicateChoices, OrganizationFields, type DuplicateChoice, type OrgValues } from "./organization-fields";
import { KIND_WORD, type DirectoryKind } from "./organization-input";

export interface OrganizationActionData {
  values?: OrgValues;
  errors?: Record<string, string[]>;
  duplicates?: DuplicateChoice[];
  message?: string;
}

interface PageProps {
  kind: DirectoryKind;
  backHref: string;
  backLabel: string;
  actionData?: OrganizationActionData;
}

function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <p>
      <Link to={href}>← {label}</Link>
    </p>
  );
}

/** The refusal of the whole form, then a line saying nothing was `done` when fields are marked. */
function FormErrors({ errors, done }: { errors: Record<string, string[]>; done: string }) {
  return (
    <>
      <FormError messages={errors[""]} />
      {Object.keys(errors).some((k) => k !== "") ? (
        <p className="form-error" role="alert">
          {`Nothing was ${done}: check the fields marked below.`}
        </p>
      ) : null}
    </>
  );
}

/** The page that adds a supplier or a disclosing party (or picks the one the portal already knows). */
export function NewOrganizationPage({ kind, backHref, backLabel, actionData }: PageProps) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errors = actionData?.errors ?? {};
  const word = KIND_WORD[kind];
  return (
    <>
      <BackLink href={backHref} label={backLabel} />
      <h1>Add a {word}</h1>
      <Form method="post" className="card" noValidate>
        <FormErrors errors={errors} done="added" />
        <OrganizationFields kind={kind} values={actionData?.values ?? {}} errors={errors} />
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {busy ? "Adding…" : `Add ${word}`}
          </button>
        </div>
        {actionData?.duplicates?.length ? (
          <DuplicateChoices duplicates={actionData.duplicates} message={actionData.message ?? ""} busy={busy} />
        ) : null}
      </Form>
    </>
  );
}

/** The page that edits one of the directory's organisations; a shared one is shown, not editable. */
export function EditOrganizationPage({
  kind,
  name,
  shared,
  values,
  backHref,
  backLabel,
  actionData,
}: PageProps & { name: string; shared: boolean; values: OrgValues }) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errors = actionData?.errors ?? {};
  return (
    <>
      <BackLink href={backHref} label={backLabel} />
      <h1>Edit {name}</h1>
      {shared ? (
        <p className="notice">
          Other recipients also work with this {KIND_WORD[kind]}, so its record is shared and you cannot change it here.
          Ask an administrator to correct it.
        </p>
      ) : null}
      <Form method="post" className="card" noValidate>
        <fieldset disabled={shared} className="plain">
          <FormErrors errors={errors} done="saved" />
          <OrganizationFields kind={kind} values={actionData?.values ?? values} errors={errors} />
          <div className="form-actions">
            <button type="submit" disabled={busy}>
              {busy ? "Saving…" : "Save changes"}
            </button>
          </div>
        </fieldset>
      </Form>
    </>
  );
}
