import { Form, useNavigation } from "@remix-run/react";
import { Field, FormError, SelectField } from "#app/components/forms";
import { LIMITS as ORG } from "#app/features/directory/organization-input";
import { useT } from "#app/i18n/react";
import type { OrgKind } from "#models/enums";

export interface OrganisationFormValues {
  kind?: string;
  name?: string;
  legalName?: string;
  country?: string;
  registrationNumber?: string;
  parentOrgId?: string;
}

export interface DuplicateView {
  id: string;
  name: string;
}

/** The create and edit form of an organisation (the kind only when creating: it is fixed afterwards). */
export function OrganisationForm({
  intent,
  values,
  errors,
  duplicates,
  countries,
  parents,
  kinds,
  fixedKind,
  submitLabel,
  busyLabel,
}: {
  intent?: string;
  values: OrganisationFormValues;
  errors: Record<string, string[]>;
  duplicates: DuplicateView[];
  countries: { code: string; name: string }[];
  parents: { id: string; name: string }[];
  /** the kinds to pick from (a new organisation) */
  kinds?: { value: OrgKind }[];
  /** the kind, shown only (an existing organisation) */
  fixedKind?: string;
  submitLabel: string;
  busyLabel: string;
}) {
  const navigation = useNavigation();
  const t = useT();
  const busy = navigation.state !== "idle" && (!intent || navigation.formData?.get("intent") === intent);
  return (
    <Form method="post" className="card form-section" noValidate>
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      <FormError messages={errors[""]} />
      {duplicates.length ? (
        <ul className="plain" data-testid="duplicates">
          {duplicates.map((d) => (
            <li key={d.id}>
              {t("admin.form.existing")} <a href={`/admin/organisations/${d.id}`}>{d.name}</a>
            </li>
          ))}
        </ul>
      ) : null}
      {kinds ? (
        <SelectField
          label={t("admin.column.kind")}
          errors={errors.kind}
          selectProps={{ name: "kind", required: true, defaultValue: values.kind ?? "" }}
        >
          <option value="" disabled>
            {t("admin.form.pickOne")}
          </option>
          {kinds.map((k) => (
            <option key={k.value} value={k.value}>
              {t(`labels.orgKind.${k.value}`)}
            </option>
          ))}
        </SelectField>
      ) : (
        <p>
          <strong>{t("admin.form.kindFixed")}</strong> {fixedKind}{" "}
          <span className="muted">{t("admin.form.kindFixedNote")}</span>
        </p>
      )}
      <Field
        label={t("admin.column.name")}
        errors={errors.name}
        inputProps={{ name: "name", required: true, maxLength: ORG.name, defaultValue: values.name ?? "" }}
      />
      <Field
        label={t("admin.form.legalName")}
        errors={errors.legalName}
        hint={t("admin.form.legalNameHint")}
        inputProps={{ name: "legalName", maxLength: ORG.legalName, defaultValue: values.legalName ?? "" }}
      />
      <SelectField
        label={t("admin.column.country")}
        errors={errors.country}
        selectProps={{ name: "country", required: true, defaultValue: values.country ?? "" }}
      >
        <option value="" disabled>
          {t("admin.form.pickCountry")}
        </option>
        {countries.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name} ({c.code})
          </option>
        ))}
      </SelectField>
      <Field
        label={t("admin.form.registrationNumber")}
        errors={errors.registrationNumber}
        inputProps={{
          name: "registrationNumber",
          maxLength: ORG.registrationNumber,
          defaultValue: values.registrationNumber ?? "",
        }}
      />
      <SelectField
        label={t("admin.form.parent")}
        errors={errors.parentOrgId}
        selectProps={{ name: "parentOrgId", defaultValue: values.parentOrgId ?? "" }}
      >
        <option value="">{t("admin.form.parentNone")}</option>
        {parents.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <button type="submit" disabled={busy}>
        {busy ? busyLabel : submitLabel}
      </button>
    </Form>
  );
}
