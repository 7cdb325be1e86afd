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

/** The page that adds a supplier or a disclosing party (or picks the one the portal already knows). */
export function NewOrganizationPage({
  kind,
  backHref,
  backLabel,
  actionData,
}: {
  kind: DirectoryKind;
  backHref: string;
  backLabel: string;
  actionData?: OrganizationActionData;
}) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errors = actionData?.errors ?? {};
  const word = KIND_WORD[kind];
  return (
    <>
      <p>
        <Link to={backHref}>← {backLabel}</Link>
      </p>
      <h1>Add a {word}</h1>
      <Form method="post" className="card" noValidate>
        <FormError messages={errors[""]} />
        {Object.keys(errors).some((k) => k !== "") ? (
          <p className="form-error" role="alert">
            Nothing was added: check the fields marked below.
          </p>
        ) : null}
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
}: {
  kind: DirectoryKind;
  name: string;
  shared: boolean;
  values: OrgValues;
  backHref: string;
  backLabel: string;
  actionData?: OrganizationActionData;
}) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errors = actionData?.errors ?? {};
  return (
    <>
      <p>
        <Link to={backHref}>← {backLabel}</Link>
      </p>
      <h1>Edit {name}</h1>
      {shared ? (
        <p className="notice">
          Other recipients also work with this {KIND_WORD[kind]}, so its record is shared and you cannot change it here.
          Ask an administrator to correct it.
        </p>
      ) : null}
      <Form method="post" className="card" noValidate>
        <fieldset disabled={shared} className="plain">
          <FormError messages={errors[""]} />
          {Object.keys(errors).some((k) => k !== "") ? (
            <p className="form-error" role="alert">
              Nothing was saved: check the fields marked below.
            </p>
          ) : null}
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
