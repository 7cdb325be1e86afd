import { Form, useNavigation } from "@remix-run/react";
import { LEAD_DAYS } from "#app/features/reassessment/reassessment";
import { ACCESS_LEVELS, EXCLUSIONS, INFO_CLASSES, PURPOSES, TRANSFER_MECHANISMS } from "#models/agreement-enums";
import { useCallback, useEffect, useRef, useState } from "react";
import type { CATEGORY_LABEL } from "#models/labels";
import type { MessageId } from "#app/i18n/catalogue";
import { useT } from "#app/i18n/react";
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

type T = ReturnType<typeof useT>;

/** Options named by a labels.* set (models/labels.ts holds the values). */
const labelled = (t: T, values: readonly string[], set: string): FieldOption[] =>
  values.map((value) => ({ value, label: t(`labels.${set}.${value}` as MessageId) }));
const CLASS_OPTIONS = (t: T) => labelled(t, INFO_CLASSES, "class");
const named = (orgs: { id: string; name: string }[]): FieldOption[] =>
  orgs.map((o) => ({ value: o.id, label: o.name }));
const CHOOSE = (t: T): FieldOption => ({ value: "", label: t("agreements.form.choose") });

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

const TERM_FIELDS = (t: T, disclosers: FieldOption[]): FieldSpec[] => [
  text("reference", t("agreements.form.reference"), {
    placeholder: t("agreements.form.referenceExample"),
    maxLength: L.reference,
  }),
  text("title", t("agreements.form.title"), { maxLength: L.title }),
  {
    kind: "select",
    name: "discloserOrgId",
    label: t("agreements.view.disclosingParty"),
    options: [CHOOSE(t), ...disclosers],
    described: true,
  },
  text("governingLaw", t("agreements.view.governingLaw"), {
    placeholder: t("agreements.form.governingLawExample"),
    maxLength: L.governingLaw,
  }),
  text("effectiveDate", t("agreements.form.effectiveDate"), { type: "date" }),
  text("endDate", t("agreements.form.endDate"), { type: "date" }),
  number("survivalMonths", t("agreements.form.survivalMonths")),
  text("arbitrationSeat", t("agreements.form.arbitrationSeat"), {
    placeholder: t("agreements.form.arbitrationSeatExample"),
    maxLength: L.arbitrationSeat,
  }),
];

const PURPOSE_FIELDS = (t: T): FieldSpec[] => [
  {
    kind: "checks",
    name: "purposes",
    label: t("agreements.form.purposes"),
    options: labelled(t, PURPOSES, "purpose"),
  },
  {
    kind: "textarea",
    name: "purposeDescription",
    label: t("agreements.form.purposeDescription"),
    maxLength: L.purposeDescription,
    hint: t("common.limit.hint", { max: L.purposeDescription }),
  },
  {
    kind: "checks",
    name: "exclusions",
    label: t("agreements.form.exclusions"),
    options: labelled(t, EXCLUSIONS, "exclusion"),
  },
];

const KNOW_HOW_FIELDS = (t: T): FieldSpec[] => [
  {
    kind: "select",
    name: "improvementsOwner",
    label: t("agreements.form.improvementsOwner"),
    options: [
      { value: "discloser", label: t("agreements.form.owner.discloser") },
      { value: "recipient", label: t("agreements.form.owner.recipient") },
      { value: "joint", label: t("agreements.form.owner.joint") },
    ],
  },
  text("knowHowNotes", t("agreements.form.knowHowNotes"), { maxLength: L.knowHowNotes }),
];

const KNOW_HOW_FLAGS = (t: T): FieldSpec[] => [
  flag("knowHowConfidential", t("agreements.form.knowHowConfidential")),
  flag("licenceBack", t("agreements.form.licenceBack")),
];

const COMPELLED_FLAGS = (t: T): FieldSpec[] => [
  flag("notifyBeforeDisclosure", t("agreements.form.notifyBeforeDisclosure")),
  flag("seekProtectiveOrder", t("agreements.form.seekProtectiveOrder")),
];
const COMPELLED_FIELDS = (t: T): FieldSpec[] => [
  number("compelledNoticeDays", t("compelled.form.noticeDays"), t("compelled.form.noticeDaysHint")),
];

const CLASSES_FIELD = (t: T): FieldSpec => ({
  kind: "checks",
  name: "informationClasses",
  label: t("agreements.form.informationClasses"),
  options: CLASS_OPTIONS(t),
});

const JURISDICTION_FIELDS = (t: T): FieldSpec[] => [
  text("permittedJurisdictions", t("agreements.view.permittedJurisdictions"), {
    hint: t("agreements.form.jurisdictionsHint"),
    maxLength: L.permittedJurisdictions,
  }),
  {
    kind: "textarea",
    name: "requiredCertifications",
    label: t("agreements.form.certifications"),
    hint: t("agreements.form.certificationsHint", { max: L.certificationStandard }),
    described: true,
    maxLength: L.requiredCertifications,
  },
];

const MECHANISMS_FIELD = (t: T): FieldSpec => ({
  kind: "checks",
  name: "acceptedTransferMechanisms",
  label: t("agreements.form.transferMechanisms"),
  options: labelled(t, TRANSFER_MECHANISMS, "transferMechanism"),
});

const COOPERATION_FIELD = (t: T): FieldSpec => ({
  kind: "textarea",
  name: "cooperationDuties",
  label: t("agreements.view.cooperationDuties"),
  maxLength: L.cooperationDuties,
  hint: t("common.limit.hint", { max: L.cooperationDuties }),
});

const CONTACT_FIELDS = (t: T, row: number): FieldSpec[] => [
  text(`escalation.${row}.name`, t("agreements.form.contactName"), { maxLength: L.contactName }),
  text(`escalation.${row}.email`, t("agreements.form.contactEmail"), { type: "email", maxLength: L.contactEmail }),
  text(`escalation.${row}.phone`, t("agreements.form.contactPhone"), { maxLength: L.contactPhone }),
];

const RETENTION_FIELDS = (t: T): FieldSpec[] => [
  number("retentionDays", t("agreements.form.retentionDays")),
  number("destroyWithinDays", t("agreements.form.destroyWithinDays")),
  number("auditNoticeDays", t("agreements.form.auditNoticeDays")),
  number("auditsPerYear", t("agreements.form.auditsPerYear")),
];

const REASSESS_INTERVAL_FIELDS = (t: T): FieldSpec[] => [
  number("reassessCritical", t("agreements.form.reassessCritical")),
  number("reassessHigh", t("agreements.form.reassessHigh")),
  number("reassessMedium", t("agreements.form.reassessMedium")),
  number("reassessLow", t("agreements.form.reassessLow")),
];

const REASSESS_TRIGGER_FIELDS = (t: T): FieldSpec[] => [
  number("reassessCertificateDays", t("agreements.form.reassessCertificateDays")),
  flag("reassessOnRatingFall", t("agreements.form.reassessOnRatingFall")),
  flag("reassessOnIncident", t("agreements.form.reassessOnIncident")),
  flag("reassessOnNewPhase", t("agreements.form.reassessOnNewPhase")),
];

/** A requirement category's name; one outside the labels set is shown as it is. */
function categoryLabel(t: T, category: string): string {
  const id = `labels.category.${category}` as MessageId;
  const text = t(id);
  return text === id ? category : text;
}

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

const CHAIN_FIELDS = (t: T, row: number, suppliers: FieldOption[]): FieldSpec[] => [
  {
    kind: "select",
    name: `chain.${row}.supplierOrgId`,
    label: t("agreements.form.supplier"),
    options: [CHOOSE(t), ...suppliers],
    described: true,
  },
  text(`chain.${row}.tier`, t("agreements.form.tier"), { numeric: true, size: 3, fallback: "1" }),
  {
    kind: "select",
    name: `chain.${row}.parentSupplierOrgId`,
    label: t("agreements.form.worksFor"),
    options: [{ value: "", label: t("agreements.form.recipientTier1") }, ...suppliers],
    described: true,
  },
  text(`chain.${row}.service`, t("agreements.form.service"), {
    placeholder: t("agreements.form.serviceExample"),
    maxLength: L.service,
  }),
  {
    kind: "select",
    name: `chain.${row}.maxClass`,
    label: t("agreements.form.maxClass"),
    options: CLASS_OPTIONS(t),
    fallback: "confidential",
    described: true,
  },
  {
    kind: "select",
    name: `chain.${row}.accessLevel`,
    label: t("agreements.form.access"),
    options: labelled(t, ACCESS_LEVELS, "access"),
    fallback: "read",
    described: true,
  },
];

const PHASE_NAME_FIELDS = (t: T, row: number): FieldSpec[] => [
  text(`phases.${row}.name`, t("agreements.form.phaseName"), {
    placeholder: t("agreements.form.phaseNameExample"),
    maxLength: L.phaseName,
  }),
  text(`phases.${row}.purpose`, t("agreements.view.purpose"), { maxLength: L.phasePurpose }),
];

const PHASE_GATE_FIELDS = (t: T, row: number, requirements: FieldOption[], suppliers: FieldOption[]): FieldSpec[] => [
  {
    kind: "checks",
    name: `phases.${row}.classes`,
    label: t("agreements.form.phaseClasses"),
    options: CLASS_OPTIONS(t),
  },
  {
    kind: "select",
    name: `phases.${row}.requiredRequirementIds`,
    label: t("agreements.form.phaseRequirements"),
    hint: t("agreements.form.chooseSeveral"),
    options: requirements,
    multiple: 6,
    described: true,
  },
  {
    kind: "checks",
    name: `phases.${row}.permittedSupplierIds`,
    label: t("agreements.form.phasePermitted"),
    options: suppliers,
  },
];

const GLOSSARY_FIELDS = (t: T, row: number, lang: { code: string; name: string }): FieldSpec[] => [
  text(`glossary.${row}.term.${lang.code}`, t("agreements.form.glossaryTerm", { language: lang.name }), {
    maxLength: MAX_TERM_LENGTH,
  }),
  {
    kind: "textarea",
    name: `glossary.${row}.definition.${lang.code}`,
    label: t("agreements.form.glossaryDefinition", { language: lang.name }),
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
  const t = useT();
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
          {errors[""]?.join(" ") ?? t("agreements.form.errorSummary", { count: errorCount })}
        </p>
      ) : null}

      <section className="card form-section">
        <h2>{t("agreements.view.partiesAndTerm")}</h2>
        {dialogNotice?.target === "discloser" ? (
          <p className="flash" role="status">
            {dialogNotice.message}
          </p>
        ) : null}
        <div className="grid-2">{fields(TERM_FIELDS(t, named(disclosers)))}</div>
        <p className="small">
          {t("agreements.form.notInList")}{" "}
          <AddOrganizationDialog
            kind="discloser"
            label={t("agreements.form.addDiscloser")}
            title={t("agreements.form.addDiscloser")}
            fallbackHref="/procurement/disclosing-parties/new"
            onAdded={onAdded("discloser")}
          />
        </p>
        {field(flag("arbitrationConfidential", t("agreements.form.arbitrationConfidential")))}
      </section>

      <section className="card form-section">
        <h2>{t("agreements.form.purposeHeading")}</h2>
        {fields(PURPOSE_FIELDS(t))}
        <div className="grid-2">{fields(KNOW_HOW_FIELDS(t))}</div>
        {fields(KNOW_HOW_FLAGS(t))}
        <h3>{t("agreements.view.compelledDisclosure")}</h3>
        {fields(COMPELLED_FLAGS(t))}
        <div className="grid-2">{fields(COMPELLED_FIELDS(t))}</div>
      </section>

      <section className="card form-section">
        <h2>{t("agreements.view.informationHeading")}</h2>
        {field(CLASSES_FIELD(t))}
        <div className="grid-2">{fields(JURISDICTION_FIELDS(t))}</div>
        {field(MECHANISMS_FIELD(t))}
        <BreachFieldset values={values} typed={typed} errors={errors} requirement={breachRequirement} />
        {field(COOPERATION_FIELD(t))}
        <h3>{t("agreements.view.escalationContacts")}</h3>
        {contacts.rows.map((row) => (
          <div className="row-3" key={row}>
            {fields(CONTACT_FIELDS(t, row))}
            <button
              type="button"
              className="secondary small"
              onClick={() => contacts.remove(row)}
              aria-label={t("agreements.form.removeContact")}
            >
              {t("agreements.form.remove")}
            </button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={contacts.add}>
          {t("agreements.form.addContact")}
        </button>
      </section>

      <section className="card form-section">
        <h2>{t("agreements.form.retentionHeading")}</h2>
        <div className="grid-2">{fields(RETENTION_FIELDS(t))}</div>
        {field(flag("certificateOfDestruction", t("agreements.form.certificateOfDestruction")))}
      </section>

      <section className="card form-section">
        <h2>{t("agreements.view.reassessment")}</h2>
        <input type="hidden" name="reassessPolicy" value="1" />
        <p className="muted">{t("agreements.form.reassessIntro", { days: LEAD_DAYS })}</p>
        <div className="grid-4">{fields(REASSESS_INTERVAL_FIELDS(t))}</div>
        {fields(REASSESS_TRIGGER_FIELDS(t))}
      </section>

      <section className="card form-section">
        <h2>{t("agreements.form.requirementsHeading")}</h2>
        <p className="muted">{t("agreements.form.requirementsIntro")}</p>
        <ErrorList id="requirements-error" errors={errors.requirements} />
        {[...byCategory.entries()].map(([category, reqs]) => (
          <fieldset key={category} className="req-group">
            <legend>{categoryLabel(t, category)}</legend>
            {reqs.map((r) => (
              <div key={r.id} className="req-row">
                <label className="check">
                  <input type="checkbox" name="requirements" value={r.id} defaultChecked={selectedReqs.has(r.id)} />{" "}
                  <code>{r.id}</code> {r.title}{" "}
                  {r.knockOut ? <span className="badge bad">{t("agreements.view.knockOut")}</span> : null}
                </label>
                {fields(PARAMETER_FIELDS(r, r.id === breachRequirement?.id))}
                {r.id === breachRequirement?.id ? (
                  <p className="muted">
                    {t.rich("agreements.form.supplierTimeNote", {
                      link: (chunks) => <a href={`#param.${r.id}.${SUPPLIER_NOTIFY_PARAM}`}>{chunks}</a>,
                    })}
                  </p>
                ) : null}
              </div>
            ))}
          </fieldset>
        ))}
      </section>

      <section className="card form-section">
        <h2>{t("agreements.view.chain")}</h2>
        <p className="muted">{t("agreements.form.chainIntro")}</p>
        <ErrorList id="chain-error" errors={errors.chain} />
        {dialogNotice?.target === "chain" ? (
          <p className="flash" role="status">
            {dialogNotice.message}
          </p>
        ) : null}
        {chain.rows.map((row) => (
          <div className="chain-row" key={row} data-testid={`chain-row-${row}`}>
            {fields(CHAIN_FIELDS(t, row, supplierOptions))}
            <button type="button" className="secondary small" onClick={() => chain.remove(row)}>
              {t("agreements.form.remove")}
            </button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={chain.add}>
          {t("agreements.form.addToChain")}
        </button>{" "}
        <AddOrganizationDialog
          kind="supplier"
          label={t("agreements.form.addSupplier")}
          title={t("agreements.form.addSupplier")}
          fallbackHref="/procurement/suppliers/new"
          onAdded={onAdded("chain")}
        />
      </section>

      <section className="card form-section">
        <h2>{t("agreements.view.phases")}</h2>
        {phases.rows.map((row, index) => (
          <fieldset className="phase" key={row} data-testid={`phase-row-${row}`}>
            <legend>{t("agreements.form.phaseLegend", { number: index + 1 })}</legend>
            <div className="grid-2">{fields(PHASE_NAME_FIELDS(t, row))}</div>
            {fields(PHASE_GATE_FIELDS(t, row, requirementOptions, supplierOptions))}
            <button type="button" className="secondary small" onClick={() => phases.remove(row)}>
              {t("agreements.form.removePhase")}
            </button>
          </fieldset>
        ))}
        <button type="button" className="secondary" onClick={phases.add}>
          {t("agreements.form.addPhase")}
        </button>
      </section>

      <section className="card form-section" data-testid="glossary-section">
        <h2>{t("agreements.view.glossary")}</h2>
        <p className="muted">{t("agreements.form.glossaryIntro")}</p>
        <ErrorList id="glossary-error" errors={errors.glossary} />
        {glossary.rows.map((row, index) => (
          <fieldset className="phase glossary-row" key={row} data-testid={`glossary-row-${row}`}>
            <legend>{t("agreements.form.termLegend", { number: index + 1 })}</legend>
            {QUESTIONNAIRE_LANGUAGES.map((lang) => (
              <div className="grid-2" key={lang.code} lang={lang.code}>
                {fields(GLOSSARY_FIELDS(t, row, lang))}
              </div>
            ))}
            <button type="button" className="secondary small" onClick={() => glossary.remove(row)}>
              {t("agreements.form.removeTerm")}
            </button>
          </fieldset>
        ))}
        <button type="button" className="secondary" onClick={glossary.add}>
          {t("agreements.form.addTerm")}
        </button>
      </section>

      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {busy
            ? revision !== undefined
              ? t("agreements.form.savingRescoring")
              : t("agreements.form.saving")
            : submitLabel}
        </button>
        {revision !== undefined ? <p className="small muted">{t("agreements.form.rescoreNote")}</p> : null}
      </div>
    </Form>
  );
}
