import { Form, Link, useNavigation } from "@remix-run/react";
import { FormError } from "#app/components/forms";
import { DuplicateChoices, OrganizationFields, type DuplicateChoice, type OrgValues } from "./organization-fields";
import { useT } from "#app/i18n/react";
import type { DirectoryKind } from "./organization-input";

export interface OrganizationActionData {
  values?: OrgValues;
  errors?: Record<string, string[]>;
  duplicates?: DuplicateChoice[];
  message?: string;
}

interface PageProps {
  kind: DirectoryKind;
  backHref: string;
  actionData?: OrganizationActionData;
}

/** Back to the list of the kind ("← Suppliers"). */
function BackLink({ href, kind }: { href: string; kind: DirectoryKind }) {
  const t = useT();
  return (
    <p>
      <Link to={href}>{t(`directory.back.${kind}`)}</Link>
    </p>
  );
}

/** The refusal of the whole form, then a line saying nothing was `done` when fields are marked. */
function FormErrors({ errors, done }: { errors: Record<string, string[]>; done: "added" | "saved" }) {
  const t = useT();
  return (
    <>
      <FormError messages={errors[""]} />
      {Object.keys(errors).some((k) => k !== "") ? (
        <p className="form-error" role="alert">
          {t(done === "added" ? "directory.form.nothingAdded" : "directory.form.nothingSaved")}
        </p>
      ) : null}
    </>
  );
}

/** The page that adds a supplier or a disclosing party (or picks the one the portal already knows). */
export function NewOrganizationPage({ kind, backHref, actionData }: PageProps) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errors = actionData?.errors ?? {};
  return (
    <>
      <BackLink href={backHref} kind={kind} />
      <h1>{t(`directory.add.${kind}`)}</h1>
      <Form method="post" className="card" noValidate>
        <FormErrors errors={errors} done="added" />
        <OrganizationFields kind={kind} values={actionData?.values ?? {}} errors={errors} />
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {busy ? t("directory.adding") : t(`directory.addButton.${kind}`)}
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
  actionData,
}: PageProps & { name: string; shared: boolean; values: OrgValues }) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errors = actionData?.errors ?? {};
  return (
    <>
      <BackLink href={backHref} kind={kind} />
      <h1>{t("directory.editName", { name })}</h1>
      {shared ? <p className="notice">{t(`directory.shared.${kind}`)}</p> : null}
      <Form method="post" className="card" noValidate>
        <fieldset disabled={shared} className="plain">
          <FormErrors errors={errors} done="saved" />
          <OrganizationFields kind={kind} values={actionData?.values ?? values} errors={errors} />
          <div className="form-actions">
            <button type="submit" disabled={busy}>
              {busy ? t("directory.saving") : t("directory.saveChanges")}
            </button>
          </div>
        </fieldset>
      </Form>
    </>
  );
}
