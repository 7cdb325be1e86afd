import { useEffect, useRef } from "react";
import { Field, SelectField } from "#app/components/forms";
import { countryOptions, KIND_WORD, LIMITS, type DirectoryKind } from "./organization-input";

export type OrgValues = Partial<Record<string, string>>;
export type OrgErrors = Record<string, string[] | undefined>;

const COUNTRIES = countryOptions();

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
        label="Name"
        errors={errors.name}
        inputProps={input("name", LIMITS.name, { required: true, autoComplete: "organization" })}
        hint={kind === "supplier" ? "As the supplier is known, e.g. Baltic Cloud Hosting" : undefined}
      />
      {kind === "discloser" ? (
        <Field
          label="Legal name"
          errors={errors.legalName}
          inputProps={input("legalName", LIMITS.legalName)}
          hint="The registered name, when it differs"
        />
      ) : null}
      <SelectField
        label="Country"
        errors={errors.country}
        selectProps={{ id: `${idPrefix}country`, name: "country", defaultValue: values.country ?? "", required: true }}
      >
        <option value="">Choose…</option>
        {COUNTRIES.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name} ({c.code})
          </option>
        ))}
      </SelectField>
      <Field
        label="Registration number"
        errors={errors.registrationNumber}
        inputProps={input("registrationNumber", LIMITS.registrationNumber)}
        hint={`The ${KIND_WORD[kind]}'s company register number, if you have it: it tells apart organisations with similar names`}
      />
      {kind === "supplier" ? (
        <>
          <Field
            label="Primary contact e-mail"
            errors={errors.contactEmail}
            inputProps={input("contactEmail", LIMITS.contactEmail, { type: "email", autoComplete: "off" })}
            hint="Offered as the recipient when you send this supplier a questionnaire"
          />
          <Field
            label="Service"
            errors={errors.service}
            inputProps={input("service", LIMITS.service)}
            hint="What the supplier does for you, e.g. Cloud hosting"
          />
        </>
      ) : null}
    </>
  );
}

export interface DuplicateChoice {
  id: string;
  name: string;
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
            <strong>{d.name}</strong> ({d.countryName}, {d.kindLabel.toLowerCase()}):{" "}
            {d.matchedOn === "registration" ? "same registration number and country" : "same name"}
            {d.yours ? ", already in your directory" : ""}.{" "}
            {d.usable ? (
              <button type="submit" name="useOrgId" value={d.id} className="secondary small" disabled={busy}>
                Use {d.name}
              </button>
            ) : (
              <span className="muted">It cannot be used: {d.reason}.</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
