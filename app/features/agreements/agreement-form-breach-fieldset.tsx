import { useT } from "#app/i18n/react";
import { FormFields, type FieldSpec, type FormErrors, type FormValues } from "./agreement-fields";
import {
  breachInputFromValues,
  composeBreachBudget,
  describeBreachBudget,
  SUPPLIER_NOTIFY_PARAM,
  type BreachRequirement,
} from "./agreement-form-breach";

/** Collects the form as it would be posted (repeated names become arrays), for the live budget. */
export function typedValues(form: HTMLFormElement): FormValues {
  const out: FormValues = {};
  for (const [key, raw] of new FormData(form).entries()) {
    if (typeof raw !== "string") continue;
    const existing = out[key];
    out[key] = existing === undefined ? raw : Array.isArray(existing) ? [...existing, raw] : [existing, raw];
  }
  return out;
}

const hours = (name: string, label: string, hint: string, fallback?: string): FieldSpec => ({
  kind: "text",
  name,
  label,
  hint,
  numeric: true,
  fallback,
});

/**
 * The breach window, the recipient's own time and each supplier's own time
 * (the requirement's parameter, stored there and edited only here), with what
 * each means and the composed budget as the user types.
 */
export function BreachFieldset({
  values,
  typed,
  errors,
  requirement,
}: {
  /** what the form opened with (stored, defaults or what a refused post sent back) */
  values: FormValues;
  /** what the form holds now */
  typed: FormValues;
  errors: FormErrors;
  requirement: BreachRequirement | null;
}) {
  const t = useT();
  const input = breachInputFromValues(typed, requirement);
  const budget = input ? composeBreachBudget(input, t) : null;
  const fields: FieldSpec[] = [
    hours("breachWindowHours", t("agreements.breach.window"), t("agreements.breach.windowHint")),
    hours("recipientNotifyHours", t("agreements.breach.recipient"), t("agreements.breach.recipientHint")),
  ];
  if (requirement)
    fields.push(
      hours(
        `param.${requirement.id}.${SUPPLIER_NOTIFY_PARAM}`,
        t("agreements.breach.supplier"),
        t("agreements.breach.supplierHint", { id: requirement.id }),
        requirement.defaultHours === null ? undefined : String(requirement.defaultHours),
      ),
    );

  return (
    <fieldset className="phase" data-testid="breach-notification">
      <legend>{t("agreements.breach.legend")}</legend>
      <p className="muted" id="breach-explained">
        {t("agreements.breach.explained")}
      </p>
      <div className="grid-2">
        <FormFields fields={fields} values={values} errors={errors} />
      </div>
      <p
        className={budget && !budget.fits ? "form-error" : "notice"}
        role="status"
        aria-live="polite"
        data-testid="breach-budget"
      >
        {budget
          ? budget.fits
            ? describeBreachBudget(budget, requirement?.id ?? "", t)
            : t("agreements.breach.doesNotFit", { budget: describeBreachBudget(budget, requirement?.id ?? "", t) })
          : t("agreements.breach.enterHours")}
      </p>
    </fieldset>
  );
}
