import { SelectField } from "#app/components/forms";

/**
 * The agreement a supplier reports under (an incident, a legal demand):
 * "REF: title" for each agreement it works under, chosen already when
 * there is only one.
 */
export function AgreementSelectField({
  agreements,
  label,
  choose,
  errors,
  value,
}: {
  agreements: { id: string; reference: string; title: string }[];
  label: string;
  /** the empty choice's text */
  choose: string;
  errors?: string[];
  /** what was posted, when the form comes back */
  value?: string;
}) {
  return (
    <SelectField
      label={label}
      errors={errors}
      selectProps={{
        name: "agreementId",
        defaultValue: value ?? (agreements.length === 1 ? agreements[0].id : ""),
        required: true,
      }}
    >
      <option value="">{choose}</option>
      {agreements.map((a) => (
        <option key={a.id} value={a.id}>
          {a.reference}: {a.title}
        </option>
      ))}
    </SelectField>
  );
}
