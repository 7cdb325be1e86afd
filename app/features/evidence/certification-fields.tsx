import type { InputHTMLAttributes } from "react";
import { ErrorList, TextareaField } from "#app/components/forms";
import { limitHint } from "#app/lib/text-limits";
import { CERTIFICATION_LIMITS as L } from "./certification-input";

/**
 * The fields of the "Add a certificate" form, with what was typed and the
 * errors beside each; each text field stops at the limit its schema checks.
 */
export function CertificationFields({
  values,
  errors,
}: {
  values: Record<string, string>;
  errors: Record<string, string[]>;
}) {
  const input = (name: string, props: InputHTMLAttributes<HTMLInputElement> = {}) => (
    <input
      id={name}
      name={name}
      defaultValue={values[name] ?? ""}
      aria-invalid={errors[name] ? true : undefined}
      aria-describedby={errors[name] ? `${name}-error` : undefined}
      {...props}
    />
  );
  return (
    <>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="standard">Standard</label>
          {input("standard", { list: "standards", placeholder: "ISO/IEC 27001:2022", maxLength: L.standard })}
          <datalist id="standards">
            <option value="ISO/IEC 27001:2022" />
            <option value="ISO/IEC 27701:2019" />
            <option value="SOC 2 Type II" />
            <option value="TISAX" />
          </datalist>
          <ErrorList id="standard-error" errors={errors.standard} />
        </div>
        <div className="field">
          <label htmlFor="certificateNumber">Certificate number</label>
          {input("certificateNumber", { maxLength: L.certificateNumber })}
          <ErrorList id="certificateNumber-error" errors={errors.certificateNumber} />
        </div>
        <div className="field">
          <label htmlFor="certificationBody">Certification body</label>
          {input("certificationBody", { maxLength: L.certificationBody })}
          <ErrorList id="certificationBody-error" errors={errors.certificationBody} />
        </div>
        <div className="field">
          <label htmlFor="issueDate">Issued</label>
          {input("issueDate", { type: "date" })}
          <ErrorList id="issueDate-error" errors={errors.issueDate} />
        </div>
        <div className="field">
          <label htmlFor="expiryDate">Expires</label>
          {input("expiryDate", { type: "date" })}
          <ErrorList id="expiryDate-error" errors={errors.expiryDate} />
        </div>
      </div>
      <TextareaField
        label={
          <>
            Scope <small className="muted">({limitHint(L.scope).toLowerCase()})</small>
          </>
        }
        errors={errors.scope}
        textareaProps={{ id: "scope", name: "scope", rows: 3, maxLength: L.scope, defaultValue: values.scope ?? "" }}
      />
      <div className="field">
        <label htmlFor="controls">Annex A controls in the statement of applicability (optional)</label>
        {input("controls", { placeholder: "leave empty when all of Annex A applies", maxLength: L.controls })}
        <ErrorList id="controls-error" errors={errors.controls} />
      </div>
    </>
  );
}
