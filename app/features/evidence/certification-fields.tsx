import type { InputHTMLAttributes } from "react";
import { ErrorList, TextareaField } from "#app/components/forms";
import { useT } from "#app/i18n/react";
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
  const t = useT();
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
          <label htmlFor="standard">{t("evidence.field.standard")}</label>
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
          <label htmlFor="certificateNumber">{t("evidence.field.certificateNumber")}</label>
          {input("certificateNumber", { maxLength: L.certificateNumber })}
          <ErrorList id="certificateNumber-error" errors={errors.certificateNumber} />
        </div>
        <div className="field">
          <label htmlFor="certificationBody">{t("evidence.field.certificationBody")}</label>
          {input("certificationBody", { maxLength: L.certificationBody })}
          <ErrorList id="certificationBody-error" errors={errors.certificationBody} />
        </div>
        <div className="field">
          <label htmlFor="issueDate">{t("evidence.field.issued")}</label>
          {input("issueDate", { type: "date" })}
          <ErrorList id="issueDate-error" errors={errors.issueDate} />
        </div>
        <div className="field">
          <label htmlFor="expiryDate">{t("evidence.field.expires")}</label>
          {input("expiryDate", { type: "date" })}
          <ErrorList id="expiryDate-error" errors={errors.expiryDate} />
        </div>
      </div>
      <TextareaField
        label={
          <>
            {t("evidence.field.scope")}{" "}
            <small className="muted">{t("evidence.field.scopeHint", { max: L.scope })}</small>
          </>
        }
        errors={errors.scope}
        textareaProps={{ id: "scope", name: "scope", rows: 3, maxLength: L.scope, defaultValue: values.scope ?? "" }}
      />
      <div className="field">
        <label htmlFor="controls">{t("evidence.field.controls")}</label>
        {input("controls", { placeholder: t("evidence.field.controlsPlaceholder"), maxLength: L.controls })}
        <ErrorList id="controls-error" errors={errors.controls} />
      </div>
    </>
  );
}
