import { Form, useNavigation } from "@remix-run/react";
import { LEAD_DAYS } from "#app/features/reassessment/reassessment";
import { ACCESS_LEVELS, EXCLUSIONS, INFO_CLASSES, PURPOSES, TRANSFER_MECHANISMS } from "#models/agreement-enums";
import { useCallback, useEffect, useRef, useState } from "react";
import {
  ACCESS_LABEL,
  CATEGORY_LABEL,
  CLASS_LABEL,
  EXCLUSION_LABEL,
  PURPOSE_LABEL,
  TRANSFER_MECHANISM_LABEL,
} from "#models/labels";
import { QUESTIONNAIRE_LANGUAGES } from "#questionnaires/languages";
import { ErrorList } from "#app/components/forms";
import {
  FormField,
  FormFields,
  list,
  type FieldOption,
  type FieldSpec,
  type FormErrors,
  type FormValues,
} from "./agreement-fields";
import { BreachFieldset, typedValues } from "./agreement-form-breach-fieldset";
import { AGREEMENT_LIMITS as L } from "./agreement-limits";
import { limitHint } from "#app/lib/text-limits";
import { MAX_DEFINITION_LENGTH, MAX_TERM_LENGTH } from "#models/glossary";
import { findBreachRequirement, SUPPLIER_NOTIFY_PARAM } from "./agreement-form-breach";
import { AddOrganizationDialog, type AddedOrganization } from "#app/features/directory/add-organization-dialog";

export type { FormErrors, FormValues };

export interface CatalogueEntry {
  id: string;
  title: string;
  category: keyof typeof CATEGORY_LABEL;
  weight: number;
  knockOut: boolean;
  parameters: {
    key: string;
    label: string;
    type: string;
    min?: number;
    max?: number;
    default?: number | string | boolean | string[];
  }[];
}

interface Props {
  values: FormValues;
  errors: FormErrors;
  catalogue: CatalogueEntry[];
  disclosers: { id: string; name: string }[];
  suppliers: { id: string; name: string; service: string }[];
  submitLabel: string;
  revision?: number;
}

function rowCount(values: FormValues, prefix: string, min: number): number {
  let max = -1;
  const re = new RegExp(`^${prefix}\\.(\\d+)\\.`);
  for (const key of Object.keys(values)) {
    const m = re.exec(key);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return Math.max(max + 1, min);
}

/** Rows that the user adds and removes; each keeps a stable key so typed values stay put. */
function useRows(initial: number) {
  const [rows, setRows] = useState(() => Array.from({ length: initial }, (_, i) => i));
  const add = () => setRows((r) => [...r, (r.length ? Math.max(...r) : -1) + 1]);
  const remove = (id: number) => setRows((r) => r.filter((x) => x !== id));
  return { rows, add, remove };
}

const labelled = <T extends string>(values: readonly T[], label: Record<T, string>): FieldOption[] =>
  values.map((value) => ({ value, label: label[value] }));
const CLASS_OPTIONS = labelled(INFO_CLASSES, CLASS_LABEL);
const named = (orgs: { id: string; name: string }[]): FieldOption[] =>
  orgs.map((o) => ({ value: o.id, label: o.name }));
const CHOOSE: FieldOption = { value: "", label: "Choose…" };

/** The organisations the page loaded, with those added in a dialog since (until the page's data has them too). */
function withAdded<T extends { id: string; name: string }>(loaded: T[], added: T[]): T[] {
  const ids = new Set(loaded.map((o) => o.id));
  const more = added.filter((o) => !ids.has(o.id));
  return more.length ? [...loaded, ...more].sort((a, b) => a.name.localeCompare(b.name, "en")) : loaded;
}

const text = (name: string, label: string, more: Partial<Extract<FieldSpec, { kind: "text" }>> = {}): FieldSpec => ({
  kind: "text",
  name,
  label,
  ...more,
});
const number = (name: string, label: string, hint?: string): FieldSpec => text(name, label, { numeric: true, hint });
const flag = (name: string, label: string): FieldSpec => ({ kind: "flag", name, label });

const TERM_FIELDS = (disclosers: FieldOption[]): FieldSpec[] => [
  text("reference", "Reference", { placeholder: "e.g. TTA-2026-014", maxLength: L.reference }),
  text("title", "Title", { maxLength: L.title }),
  {
    kind: "select",
    name: "discloserOrgId",
    label: "Disclosing party",
    options: [CHOOSE, ...disclosers],
    described: true,
  },
  text("governingLaw", "Governing law", { placeholder: "e.g. Swiss law", maxLength: L.governingLaw }),
  text("effectiveDate", "Effective date", { type: "date" }),
  text("endDate", "End of term", { type: "date" }),
  number("survivalMonths", "Confidentiality survives the end by (months)"),
  text("arbitrationSeat", "Arbitration seat", {
    placeholder: "e.g. Geneva (Swiss Rules)",
    maxLength: L.arbitrationSeat,
  }),
];

const PURPOSE_FIELDS: FieldSpec[] = [
  { kind: "checks", name: "purposes", label: "Purpose of the disclosure", options: labelled(PURPOSES, PURPOSE_LABEL) },
  {
    kind: "textarea",
    name: "purposeDescription",
    label: "Purpose in the agreement's words",
    maxLength: L.purposeDescription,
    hint: limitHint(L.purposeDescription),
  },
  {
    kind: "checks",
    name: "exclusions",
    label: "Excluded from confidential information",
    options: labelled(EXCLUSIONS, EXCLUSION_LABEL),
  },
];

const KNOW_HOW_FIELDS: FieldSpec[] = [
  {
    kind: "select",
    name: "improvementsOwner",
    label: "Improvements and jointly developed work belong to",
    options: [
      { value: "discloser", label: "The disclosing party" },
      { value: "recipient", label: "The recipient" },
      { value: "joint", label: "Both, jointly" },
    ],
  },
  text("knowHowNotes", "Notes on derived know-how", { maxLength: L.knowHowNotes }),
];

const KNOW_HOW_FLAGS: FieldSpec[] = [
  flag("knowHowConfidential", "Derived know-how is confidential information too"),
  flag("licenceBack", "The recipient grants a licence back of improvements"),
];

const COMPELLED_FLAGS: FieldSpec[] = [
  flag(
    "notifyBeforeDisclosure",
    "Notify the other party before a disclosure forced by a court or regulator, where lawful",
  ),
  flag("seekProtectiveOrder", "Seek a protective order"),
];

const CLASSES_FIELD: FieldSpec = {
  kind: "checks",
  name: "informationClasses",
  label: "Information classes shared",
  options: CLASS_OPTIONS,
};

const JURISDICTION_FIELDS: FieldSpec[] = [
  text("permittedJurisdictions", "Permitted jurisdictions", {
    hint: "ISO 3166 country codes, separated by commas, e.g. CH, DE, EE",
    maxLength: L.permittedJurisdictions,
  }),
  {
    kind: "textarea",
    name: "requiredCertifications",
    label: "Certifications required",
    hint: `One standard per line, each at most ${L.certificationStandard} characters`,
    described: true,
    maxLength: L.requiredCertifications,
  },
];

const MECHANISMS_FIELD: FieldSpec = {
  kind: "checks",
  name: "acceptedTransferMechanisms",
  label: "Transfer mechanisms accepted outside the permitted jurisdictions",
  options: labelled(TRANSFER_MECHANISMS, TRANSFER_MECHANISM_LABEL),
};

const COOPERATION_FIELD: FieldSpec = {
  kind: "textarea",
  name: "cooperationDuties",
  label: "Cooperation duties",
  maxLength: L.cooperationDuties,
  hint: limitHint(L.cooperationDuties),
};

const CONTACT_FIELDS = (row: number): FieldSpec[] => [
  text(`escalation.${row}.name`, "Name", { maxLength: L.contactName }),
  text(`escalation.${row}.email`, "E-mail", { type: "email", maxLength: L.contactEmail }),
  text(`escalation.${row}.phone`, "Phone", { maxLength: L.contactPhone }),
];

const RETENTION_FIELDS: FieldSpec[] = [
  number("retentionDays", "Information may be kept for (days)"),
  number("destroyWithinDays", "Return or destroy within (days of a milestone or termination)"),
  number("auditNoticeDays", "Audit notice (days)"),
  number("auditsPerYear", "Audits per year"),
];

const REASSESS_INTERVAL_FIELDS: FieldSpec[] = [
  number("reassessCritical", "Critical risk (months)"),
  number("reassessHigh", "High risk (months)"),
  number("reassessMedium", "Medium risk (months)"),
  number("reassessLow", "Low risk (months)"),
];

const REASSESS_TRIGGER_FIELDS: FieldSpec[] = [
  number("reassessCertificateDays", "Assess again when a required certificate expires within (days; 0 = never)"),
  flag("reassessOnRatingFall", "Assess again when a supplier's rating falls"),
  flag("reassessOnIncident", "Assess again when a supplier reports a security incident"),
  flag("reassessOnNewPhase", "Assess again when a new disclosure phase is added"),
];

const NUMERIC_PARAMETERS = ["hours", "days", "months", "count"];

/** `breach`: the requirement whose supplier hours are edited under Breach notification instead. */
const PARAMETER_FIELDS = (r: CatalogueEntry, breach: boolean): FieldSpec[] =>
  r.parameters
    .filter((p) => !(breach && p.key === SUPPLIER_NOTIFY_PARAM))
    .map((p) => {
      const name = `param.${r.id}.${p.key}`;
      return p.type === "boolean"
        ? { kind: "check", name, label: p.label, className: "field param" }
        : text(name, p.label, {
            numeric: NUMERIC_PARAMETERS.includes(p.type),
            className: "field param",
            maxLength: p.type === "text" || p.type === "standard" ? L.parameterText : undefined,
          });
    });

const CHAIN_FIELDS = (row: number, suppliers: FieldOption[]): FieldSpec[] => [
  {
    kind: "select",
    name: `chain.${row}.supplierOrgId`,
    label: "Supplier",
    options: [CHOOSE, ...suppliers],
    described: true,
  },
  text(`chain.${row}.tier`, "Tier", { numeric: true, size: 3, fallback: "1" }),
  {
    kind: "select",
    name: `chain.${row}.parentSupplierOrgId`,
    label: "Works for",
    options: [{ value: "", label: "The recipient (tier 1)" }, ...suppliers],
    described: true,
  },
  text(`chain.${row}.service`, "Service", { placeholder: "as recorded for the supplier", maxLength: L.service }),
  {
    kind: "select",
    name: `chain.${row}.maxClass`,
    label: "Highest class it may receive",
    options: CLASS_OPTIONS,
    fallback: "confidential",
    described: true,
  },
  {
    kind: "select",
    name: `chain.${row}.accessLevel`,
    label: "Access",
    options: labelled(ACCESS_LEVELS, ACCESS_LABEL),
    fallback: "read",
    described: true,
  },
];

const PHASE_NAME_FIELDS = (row: number): FieldSpec[] => [
  text(`phases.${row}.name`, "Name", { placeholder: "e.g. Evaluation", maxLength: L.phaseName }),
  text(`phases.${row}.purpose`, "Purpose", { maxLength: L.phasePurpose }),
];

const PHASE_GATE_FIELDS = (row: number, requirements: FieldOption[], suppliers: FieldOption[]): FieldSpec[] => [
  { kind: "checks", name: `phases.${row}.classes`, label: "Information classes it opens", options: CLASS_OPTIONS },
  {
    kind: "select",
    name: `phases.${row}.requiredRequirementIds`,
    label: "Requirements a supplier must meet first",
    hint: "Ctrl/Cmd-click to choose several",
    options: requirements,
    multiple: 6,
    described: true,
  },
  {
    kind: "checks",
    name: `phases.${row}.permittedSupplierIds`,
    label: "Permitted recipients (none ticked: any supplier of the chain)",
    options: suppliers,
  },
];

const GLOSSARY_FIELDS = (row: number, lang: { code: string; name: string }): FieldSpec[] => [
  text(`glossary.${row}.term.${lang.code}`, `Term (${lang.name})`, { maxLength: MAX_TERM_LENGTH }),
  {
    kind: "textarea",
    name: `glossary.${row}.definition.${lang.code}`,
    label: `Definition (${lang.name})`,
    described: true,
    maxLength: MAX_DEFINITION_LENGTH,
  },
];

export function AgreementForm({
  values,
  errors,
  catalogue,
  disclosers: loadedDisclosers,
  suppliers: loadedSuppliers,
  submitLabel,
  revision,
}: Props) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const chain = useRows(rowCount(values, "chain", 1));
  // organisations added in a dialog join the selects at once, and the one just added is chosen
  const [added, setAdded] = useState<AddedOrganization[]>([]);
  const [choose, setChoose] = useState<{ id: string; target: "discloser" | "chain" } | null>(null);
  const [dialogNotice, setDialogNotice] = useState<{ target: "discloser" | "chain"; message: string } | null>(null);
  const disclosers = withAdded(
    loadedDisclosers,
    added.filter((o) => o.kind === "discloser"),
  );
  const suppliers = withAdded(
    loadedSuppliers,
    added.filter((o) => o.kind === "supplier").map((o) => ({ id: o.id, name: o.name, service: o.service })),
  );
  const onAdded = useCallback((target: "discloser" | "chain") => {
    return (org: AddedOrganization, message: string) => {
      setAdded((list) => [...list.filter((o) => o.id !== org.id), org]);
      setChoose({ id: org.id, target });
      setDialogNotice({ target, message });
    };
  }, []);
  const breachRequirement = findBreachRequirement(catalogue);
  // what the form holds as the user types, for the breach budget (it reads the window, the hours, the ticked requirements and the chain's tiers)
  const formRef = useRef<HTMLFormElement>(null);
  const [typed, setTyped] = useState(values);
  const retype = useCallback(() => {
    if (formRef.current) setTyped(typedValues(formRef.current));
  }, []);
  useEffect(retype, [chain.rows, retype]);
  useEffect(() => {
    const form = formRef.current;
    if (!choose || !form) return;
    const has = (select: HTMLSelectElement) => [...select.options].some((o) => o.value === choose.id);
    if (choose.target === "discloser") {
      const select = form.querySelector<HTMLSelectElement>('select[name="discloserOrgId"]');
      if (select && has(select)) {
        select.value = choose.id;
        select.focus();
        setChoose(null);
      }
      return;
    }
    const selects = [...form.querySelectorAll<HTMLSelectElement>('select[name^="chain."][name$=".supplierOrgId"]')];
    if (selects.some((s) => s.value === choose.id)) return setChoose(null);
    const empty = selects.find((s) => s.value === "");
    if (!empty) {
      // a new row for it: this runs again once the row is there
      chain.add();
      return;
    }
    if (has(empty)) {
      empty.value = choose.id;
      empty.focus();
      setChoose(null);
      retype();
    }
    // chain.add changes with every render; the rows and the options are what matter
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [choose, chain.rows, suppliers.length, disclosers.length, retype]);
  const phases = useRows(rowCount(values, "phases", 1));
  const contacts = useRows(rowCount(values, "escalation", 1));
  const glossary = useRows(rowCount(values, "glossary", 1));
  const selectedReqs = new Set(list(values, "requirements"));
  const byCategory = new Map<string, CatalogueEntry[]>();
  for (const r of catalogue) byCategory.set(r.category, [...(byCategory.get(r.category) ?? []), r]);
  const errorCount = Object.keys(errors).length;
  const supplierOptions = named(suppliers);
  const requirementOptions = catalogue.map((r) => ({ value: r.id, label: `${r.id} ${r.title}` }));
  const fields = (specs: readonly FieldSpec[]) => <FormFields fields={specs} values={values} errors={errors} />;
  const field = (spec: FieldSpec) => <FormField spec={spec} values={values} errors={errors} />;

  return (
    <Form method="post" noValidate className="agreement-form" ref={formRef} onChange={retype}>
      {revision !== undefined ? <input type="hidden" name="revision" value={revision} /> : null}
      {errorCount > 0 ? (
        <p className="form-error" role="alert">
          {errors[""]?.join(" ") ??
            `Nothing was saved: ${errorCount} field${errorCount === 1 ? " needs" : "s need"} attention (marked below).`}
        </p>
      ) : null}

      <section className="card form-section">
        <h2>Parties and term</h2>
        {dialogNotice?.target === "discloser" ? (
          <p className="flash" role="status">
            {dialogNotice.message}
          </p>
        ) : null}
        <div className="grid-2">{fields(TERM_FIELDS(named(disclosers)))}</div>
        <p className="small">
          Not in the list?{" "}
          <AddOrganizationDialog
            kind="discloser"
            label="Add a disclosing party"
            title="Add a disclosing party"
            fallbackHref="/procurement/disclosing-parties/new"
            onAdded={onAdded("discloser")}
          />
        </p>
        {field(flag("arbitrationConfidential", "The arbitration is confidential"))}
      </section>

      <section className="card form-section">
        <h2>Purpose, exclusions and know-how</h2>
        {fields(PURPOSE_FIELDS)}
        <div className="grid-2">{fields(KNOW_HOW_FIELDS)}</div>
        {fields(KNOW_HOW_FLAGS)}
        <h3>Compelled disclosure</h3>
        {fields(COMPELLED_FLAGS)}
      </section>

      <section className="card form-section">
        <h2>Information, jurisdictions and incidents</h2>
        {field(CLASSES_FIELD)}
        <div className="grid-2">{fields(JURISDICTION_FIELDS)}</div>
        {field(MECHANISMS_FIELD)}
        <BreachFieldset values={values} typed={typed} errors={errors} requirement={breachRequirement} />
        {field(COOPERATION_FIELD)}
        <h3>Escalation contacts</h3>
        {contacts.rows.map((row) => (
          <div className="row-3" key={row}>
            {fields(CONTACT_FIELDS(row))}
            <button
              type="button"
              className="secondary small"
              onClick={() => contacts.remove(row)}
              aria-label="Remove contact"
            >
              Remove
            </button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={contacts.add}>
          Add contact
        </button>
      </section>

      <section className="card form-section">
        <h2>Retention and audit</h2>
        <div className="grid-2">{fields(RETENTION_FIELDS)}</div>
        {field(flag("certificateOfDestruction", "A certificate of destruction is required"))}
      </section>

      <section className="card form-section">
        <h2>Re-assessment</h2>
        <input type="hidden" name="reassessPolicy" value="1" />
        <p className="muted">
          How often each supplier is assessed again, by the risk rating of its last approved assessment, and what brings
          one forward. The portal sends it {LEAD_DAYS} days before it is due, pre-filled with the last approved answers.
        </p>
        <div className="grid-4">{fields(REASSESS_INTERVAL_FIELDS)}</div>
        {fields(REASSESS_TRIGGER_FIELDS)}
      </section>

      <section className="card form-section">
        <h2>Flow-down requirements</h2>
        <p className="muted">Tick the requirements every subcontractor must meet and set the agreement's own values.</p>
        <ErrorList id="requirements-error" errors={errors.requirements} />
        {[...byCategory.entries()].map(([category, reqs]) => (
          <fieldset key={category} className="req-group">
            <legend>{CATEGORY_LABEL[category as keyof typeof CATEGORY_LABEL] ?? category}</legend>
            {reqs.map((r) => (
              <div key={r.id} className="req-row">
                <label className="check">
                  <input type="checkbox" name="requirements" value={r.id} defaultChecked={selectedReqs.has(r.id)} />{" "}
                  <code>{r.id}</code> {r.title} {r.knockOut ? <span className="badge bad">knock-out</span> : null}
                </label>
                {fields(PARAMETER_FIELDS(r, r.id === breachRequirement?.id))}
                {r.id === breachRequirement?.id ? (
                  <p className="muted">
                    Each supplier&apos;s own time is set under{" "}
                    <a href={`#param.${r.id}.${SUPPLIER_NOTIFY_PARAM}`}>Breach notification</a>, with the window it must
                    fit.
                  </p>
                ) : null}
              </div>
            ))}
          </fieldset>
        ))}
      </section>

      <section className="card form-section">
        <h2>Subcontractor chain</h2>
        <p className="muted">Tier 1 works for the recipient; tier 2 for a tier-1 supplier, and so on.</p>
        <ErrorList id="chain-error" errors={errors.chain} />
        {dialogNotice?.target === "chain" ? (
          <p className="flash" role="status">
            {dialogNotice.message}
          </p>
        ) : null}
        {chain.rows.map((row) => (
          <div className="chain-row" key={row} data-testid={`chain-row-${row}`}>
            {fields(CHAIN_FIELDS(row, supplierOptions))}
            <button type="button" className="secondary small" onClick={() => chain.remove(row)}>
              Remove
            </button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={chain.add}>
          Add supplier to the chain
        </button>{" "}
        <AddOrganizationDialog
          kind="supplier"
          label="Add a new supplier"
          title="Add a new supplier"
          fallbackHref="/procurement/suppliers/new"
          onAdded={onAdded("chain")}
        />
      </section>

      <section className="card form-section">
        <h2>Phases of staged disclosure</h2>
        {phases.rows.map((row, index) => (
          <fieldset className="phase" key={row} data-testid={`phase-row-${row}`}>
            <legend>Phase {index + 1}</legend>
            <div className="grid-2">{fields(PHASE_NAME_FIELDS(row))}</div>
            {fields(PHASE_GATE_FIELDS(row, requirementOptions, supplierOptions))}
            <button type="button" className="secondary small" onClick={() => phases.remove(row)}>
              Remove phase
            </button>
          </fieldset>
        ))}
        <button type="button" className="secondary" onClick={phases.add}>
          Add phase
        </button>
      </section>

      <section className="card form-section" data-testid="glossary-section">
        <h2>Glossary</h2>
        <p className="muted">
          Defined terms with the definitions agreed in the contract. Suppliers see the definition beside every question
          that uses a term, in their language (English when a translation is left empty); the reports print the glossary
          as an annex.
        </p>
        <ErrorList id="glossary-error" errors={errors.glossary} />
        {glossary.rows.map((row, index) => (
          <fieldset className="phase glossary-row" key={row} data-testid={`glossary-row-${row}`}>
            <legend>Term {index + 1}</legend>
            {QUESTIONNAIRE_LANGUAGES.map((lang) => (
              <div className="grid-2" key={lang.code} lang={lang.code}>
                {fields(GLOSSARY_FIELDS(row, lang))}
              </div>
            ))}
            <button type="button" className="secondary small" onClick={() => glossary.remove(row)}>
              Remove term
            </button>
          </fieldset>
        ))}
        <button type="button" className="secondary" onClick={glossary.add}>
          Add term
        </button>
      </section>

      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {busy ? (revision !== undefined ? "Saving and re-scoring the assessments…" : "Saving…") : submitLabel}
        </button>
        {revision !== undefined ? (
          <p className="small muted">Saving re-scores every assessment under this agreement against the new terms.</p>
        ) : null}
      </div>
    </Form>
  );
}
