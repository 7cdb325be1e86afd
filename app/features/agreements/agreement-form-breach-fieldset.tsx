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
  const input = breachInputFromValues(typed, requirement);
  const budget = input ? composeBreachBudget(input) : null;
  const fields: FieldSpec[] = [
    hours(
      "breachWindowHours",
      "Breach window, whole chain (hours)",
      "What the disclosing party is promised: from a breach found at any tier to the disclosing party being told.",
    ),
    hours(
      "recipientNotifyHours",
      "Recipient's own time (hours)",
      "From the recipient hearing of a breach to telling the disclosing party.",
    ),
  ];
  if (requirement)
    fields.push(
      hours(
        `param.${requirement.id}.${SUPPLIER_NOTIFY_PARAM}`,
        "Each supplier's own time (hours)",
        `What every supplier commits to under ${requirement.id}: telling the party it works for within this time. ` +
          `Applies when ${requirement.id} is ticked under Flow-down requirements.`,
        requirement.defaultHours === null ? undefined : String(requirement.defaultHours),
      ),
    );

  return (
    <fieldset className="phase" data-testid="breach-notification">
      <legend>Breach notification</legend>
      <p className="muted" id="breach-explained">
        The window is what the disclosing party is promised. Each link commits to its own time: every supplier tells the
        party it works for, and the recipient tells the disclosing party. A breach found at the deepest tier of the
        chain passes every link on its way up, so their times add up and must fit in the window.
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
          ? `${budget.fits ? "" : "Does not fit: "}${describeBreachBudget(budget, requirement?.id ?? "")}`
          : "Enter the window and the hours as whole numbers to see how they add up."}
      </p>
    </fieldset>
  );
}
