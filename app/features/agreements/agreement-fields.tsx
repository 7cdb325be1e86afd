import type { ReactNode } from "react";
import { ErrorList } from "#app/components/forms";

export type FormValues = Record<string, string | string[]>;
export type FormErrors = Record<string, string[]>;

export type FieldOption = { value: string; label: string };

/** One field of the agreement form, as data: what it is called, what it shows and how it is filled in. */
export type FieldSpec =
  | {
      kind: "text";
      name: string;
      label: ReactNode;
      hint?: string;
      type?: "date" | "email";
      numeric?: boolean;
      placeholder?: string;
      maxLength?: number;
      size?: number;
      /** shown when the values have nothing for the field */
      fallback?: string;
      className?: string;
    }
  | { kind: "textarea"; name: string; label: ReactNode; hint?: string; described?: boolean; maxLength?: number }
  | {
      kind: "select";
      name: string;
      label: ReactNode;
      hint?: string;
      options: readonly FieldOption[];
      fallback?: string;
      described?: boolean;
      /** a multiple choice list this many rows high */
      multiple?: number;
    }
  /** a checkbox beside its label (no field box) */
  | { kind: "flag"; name: string; label: string }
  /** a checkbox inside a field box, its label above it */
  | { kind: "check"; name: string; label: ReactNode; className?: string }
  /** a group of checkboxes, one per option, under a legend */
  | { kind: "checks"; name: string; label: string; options: readonly FieldOption[] };

function str(values: FormValues, key: string): string {
  const v = values[key];
  return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
}

export function list(values: FormValues, key: string): string[] {
  const v = values[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

export function errorProps(errors: FormErrors, key: string) {
  const has = Boolean(errors[key]?.length);
  return { "aria-invalid": has || undefined, "aria-describedby": has ? `${key}-error` : undefined };
}

function Box({
  spec,
  errors,
  className = "field",
  children,
}: {
  spec: { name: string; label: ReactNode; hint?: string };
  errors: FormErrors;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={spec.name}>{spec.label}</label>
      {children}
      {spec.hint ? <small className="muted">{spec.hint}</small> : null}
      <ErrorList id={`${spec.name}-error`} errors={errors[spec.name]} />
    </div>
  );
}

const Options = ({ options }: { options: readonly FieldOption[] }) =>
  options.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));

/** One field, rendered from its description with the value typed or stored and the errors beside it. */
export function FormField({ spec, values, errors }: { spec: FieldSpec; values: FormValues; errors: FormErrors }) {
  const { name } = spec;
  switch (spec.kind) {
    case "text":
      return (
        <Box spec={spec} errors={errors} className={spec.className}>
          <input
            id={name}
            name={name}
            defaultValue={str(values, name) || (spec.fallback ?? "")}
            {...errorProps(errors, name)}
            type={spec.type}
            inputMode={spec.numeric ? "numeric" : undefined}
            placeholder={spec.placeholder}
            maxLength={spec.maxLength}
            size={spec.size}
          />
        </Box>
      );
    case "textarea":
      return (
        <Box spec={spec} errors={errors}>
          <textarea
            id={name}
            name={name}
            rows={2}
            maxLength={spec.maxLength}
            defaultValue={str(values, name)}
            {...(spec.described ? errorProps(errors, name) : {})}
          />
        </Box>
      );
    case "select":
      return (
        <Box spec={spec} errors={errors}>
          <select
            id={name}
            name={name}
            multiple={spec.multiple ? true : undefined}
            size={spec.multiple}
            defaultValue={spec.multiple ? list(values, name) : str(values, name) || (spec.fallback ?? "")}
            {...(spec.described ? errorProps(errors, name) : {})}
          >
            <Options options={spec.options} />
          </select>
        </Box>
      );
    case "check":
      return (
        <Box spec={spec} errors={errors} className={spec.className}>
          <input type="checkbox" id={name} name={name} defaultChecked={str(values, name) === "on"} />
        </Box>
      );
    case "flag":
      return (
        <label className="check">
          <input type="checkbox" id={name} name={name} defaultChecked={str(values, name) === "on"} /> {spec.label}
        </label>
      );
    case "checks": {
      const selected = new Set(list(values, name));
      return (
        <fieldset className="checks" {...errorProps(errors, name)}>
          <legend>{spec.label}</legend>
          {spec.options.map((o) => (
            <label key={o.value} className="check">
              <input type="checkbox" name={name} value={o.value} defaultChecked={selected.has(o.value)} /> {o.label}
            </label>
          ))}
          <ErrorList id={`${name}-error`} errors={errors[name]} />
        </fieldset>
      );
    }
  }
}

/** Fields in order. */
export function FormFields({
  fields,
  values,
  errors,
}: {
  fields: readonly FieldSpec[];
  values: FormValues;
  errors: FormErrors;
}) {
  return fields.map((spec) => <FormField key={spec.name} spec={spec} values={values} errors={errors} />);
}
