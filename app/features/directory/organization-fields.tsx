import { useEffect, useMemo, useRef } from "react";
import type { OrgKind } from "#models/enums";
import { Field, SelectField } from "#app/components/forms";
import { useCountries, useLocale, useT } from "#app/i18n/react";
import { countryOptions, LIMITS, type DirectoryKind } from "./organization-input";

export type OrgValues = Partial<Record<string, string>>;
export type OrgErrors = Record<string, string[] | undefined>;

/**
 * The fields of a supplier or a disclosing party, with what was typed and
 * the errors beside each. `idPrefix` keeps ids unique when a dialog sits on
 * a page that has fields of the same names.
 */
export function OrganizationFields({
  kind,
  values,
  errors,
  idPrefix = "",
}: {
  kind: DirectoryKind;
  values: OrgValues;
  errors: OrgErrors;
  idPrefix?: string;
}) {
  const t = useT();
  const locale = useLocale();
  // every country by its name in the reader's language, as the server names and orders them (the browser's own
  // Intl data names some otherwise); a form rendered outside the portal's pages names them itself
  const served = useCountries().options;
  const countries = useMemo(() => (served.length ? served : countryOptions(locale)), [served, locale]);
  const input = (name: string, max: number, more: Record<string, unknown> = {}) => ({
    id: `${idPrefix}${name}`,
    name,
    defaultValue: values[name] ?? "",
    maxLength: max,
    ...more,
  });
  return (
    <>
      <Field
        label={t("directory.field.name")}
        errors={errors.name}
        inputProps={input("name", LIMITS.name, { required: true, autoComplete: "organization" })}
        hint={kind === "supplier" ? t("directory.field.nameHint") : undefined}
      />
      {kind === "discloser" ? (
        <Field
          label={t("directory.field.legalName")}
          errors={errors.legalName}
          inputProps={input("legalName", LIMITS.legalName)}
          hint={t("directory.field.legalNameHint")}
        />
      ) : null}
      <SelectField
        label={t("directory.field.country")}
        errors={errors.country}
        selectProps={{ id: `${idPrefix}country`, name: "country", defaultValue: values.country ?? "", required: true }}
      >
        <option value="">{t("directory.field.choose")}</option>
        {countries.map((c) => (
          <option key={c.code} value={c.code}>
            {t("directory.countryWithCode", { country: c.name, code: c.code })}
          </option>
        ))}
      </SelectField>
      <Field
        label={t("directory.field.registrationNumber")}
        errors={errors.registrationNumber}
        inputProps={input("registrationNumber", LIMITS.registrationNumber)}
        hint={t(`directory.field.registrationHint.${kind}`)}
      />
      {kind === "supplier" ? (
        <>
          <Field
            label={t("directory.field.contactEmail")}
            errors={errors.contactEmail}
            inputProps={input("contactEmail", LIMITS.contactEmail, { type: "email", autoComplete: "off" })}
            hint={t("directory.field.contactEmailHint")}
          />
          <Field
            label={t("directory.field.service")}
            errors={errors.service}
            inputProps={input("service", LIMITS.service)}
            hint={t("directory.field.serviceHint")}
          />
        </>
      ) : null}
    </>
  );
}

export interface DuplicateChoice {
  id: string;
  name: string;
  kind: OrgKind;
  kindLabel: string;
  countryName: string;
  country: string;
  matchedOn: "registration" | "name";
  yours: boolean;
  usable: boolean;
  reason: string | null;
}

/**
 * The organisations the portal already knows that match what was typed,
 * each with a "Use …" button (a submit button of the surrounding form, so
 * the typed details go with it and the server checks the match again).
 */
export function DuplicateChoices({
  duplicates,
  message,
  busy,
}: {
  duplicates: DuplicateChoice[];
  message: string;
  busy: boolean;
}) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  // below the form's button: bring it into view when it appears
  useEffect(() => {
    // braces: newer browsers return a promise from scrollIntoView, which React would take for a clean-up
    box.current?.scrollIntoView({ block: "nearest" });
  }, []);
  return (
    <div className="notice" role="alert" data-testid="duplicates" ref={box}>
      <p>{message}</p>
      <ul className="plain">
        {duplicates.map((d) => (
          <li key={d.id}>
            {t.rich("directory.duplicate.line", {
              b: (chunks) => <strong>{chunks}</strong>,
              name: d.name,
              country: d.countryName,
              kind: t(`directory.kindLower.${d.kind}`),
              matchedOn: d.matchedOn,
              yours: d.yours ? "yes" : "no",
            })}{" "}
            {d.usable ? (
              <button type="submit" name="useOrgId" value={d.id} className="secondary small" disabled={busy}>
                {t("directory.duplicate.use", { name: d.name })}
              </button>
            ) : (
              <span className="muted">{t("directory.duplicate.unusable", { reason: d.reason })}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
