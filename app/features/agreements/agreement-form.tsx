import { Form, useNavigation } from "@remix-run/react";
import { LEAD_DAYS } from "#app/features/reassessment/reassessment";
import { useState, type ReactNode } from "react";
import { ACCESS_LEVELS, EXCLUSIONS, INFO_CLASSES, PURPOSES, TRANSFER_MECHANISMS } from "#models/agreement-enums";
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

export type FormValues = Record<string, string | string[]>;
export type FormErrors = Record<string, string[]>;

export interface CatalogueEntry {
  id: string;
  title: string;
  category: keyof typeof CATEGORY_LABEL;
  weight: number;
  knockOut: boolean;
  parameters: { key: string; label: string; type: string; min?: number; max?: number }[];
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

function str(values: FormValues, key: string): string {
  const v = values[key];
  return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
}
function list(values: FormValues, key: string): string[] {
  const v = values[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
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

function errorProps(errors: FormErrors, key: string) {
  const has = Boolean(errors[key]?.length);
  return { "aria-invalid": has || undefined, "aria-describedby": has ? `${key}-error` : undefined };
}

function F({
  label,
  name,
  errors,
  children,
  hint,
}: {
  label: ReactNode;
  name: string;
  errors: FormErrors;
  children: ReactNode;
  hint?: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      {children}
      {hint ? <small className="muted">{hint}</small> : null}
      <ErrorList id={`${name}-error`} errors={errors[name]} />
    </div>
  );
}

function Input({
  name,
  values,
  errors,
  ...rest
}: { name: string; values: FormValues; errors: FormErrors } & React.InputHTMLAttributes<HTMLInputElement>) {
  return <input id={name} name={name} defaultValue={str(values, name)} {...errorProps(errors, name)} {...rest} />;
}

function Checks({
  name,
  options,
  values,
  errors,
  legend,
}: {
  name: string;
  options: readonly { value: string; label: string }[];
  values: FormValues;
  errors: FormErrors;
  legend: string;
}) {
  const selected = new Set(list(values, name));
  return (
    <fieldset className="checks" {...errorProps(errors, name)}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="check">
          <input type="checkbox" name={name} value={o.value} defaultChecked={selected.has(o.value)} /> {o.label}
        </label>
      ))}
      <ErrorList id={`${name}-error`} errors={errors[name]} />
    </fieldset>
  );
}

function Flag({ name, values, label }: { name: string; values: FormValues; label: string }) {
  return (
    <label className="check">
      <input type="checkbox" id={name} name={name} defaultChecked={str(values, name) === "on"} /> {label}
    </label>
  );
}

/** Rows that the user adds and removes; each keeps a stable key so typed values stay put. */
function useRows(initial: number) {
  const [rows, setRows] = useState(() => Array.from({ length: initial }, (_, i) => i));
  const add = () => setRows((r) => [...r, (r.length ? Math.max(...r) : -1) + 1]);
  const remove = (id: number) => setRows((r) => r.filter((x) => x !== id));
  return { rows, add, remove };
}

export function AgreementForm({ values, errors, catalogue, disclosers, suppliers, submitLabel, revision }: Props) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const chain = useRows(rowCount(values, "chain", 1));
  const phases = useRows(rowCount(values, "phases", 1));
  const contacts = useRows(rowCount(values, "escalation", 1));
  const glossary = useRows(rowCount(values, "glossary", 1));
  const selectedReqs = new Set(list(values, "requirements"));
  const byCategory = new Map<string, CatalogueEntry[]>();
  for (const r of catalogue) byCategory.set(r.category, [...(byCategory.get(r.category) ?? []), r]);
  const errorCount = Object.keys(errors).length;

  return (
    <Form method="post" noValidate className="agreement-form">
      {revision !== undefined ? <input type="hidden" name="revision" value={revision} /> : null}
      {errorCount > 0 ? (
        <p className="form-error" role="alert">
          {errors[""]?.join(" ") ??
            `Nothing was saved: ${errorCount} field${errorCount === 1 ? " needs" : "s need"} attention (marked below).`}
        </p>
      ) : null}

      <section className="card form-section">
        <h2>Parties and term</h2>
        <div className="grid-2">
          <F label="Reference" name="reference" errors={errors}>
            <Input name="reference" values={values} errors={errors} placeholder="e.g. TTA-2026-014" />
          </F>
          <F label="Title" name="title" errors={errors}>
            <Input name="title" values={values} errors={errors} />
          </F>
          <F label="Disclosing party" name="discloserOrgId" errors={errors}>
            <select
              id="discloserOrgId"
              name="discloserOrgId"
              defaultValue={str(values, "discloserOrgId")}
              {...errorProps(errors, "discloserOrgId")}
            >
              <option value="">Choose…</option>
              {disclosers.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </F>
          <F label="Governing law" name="governingLaw" errors={errors}>
            <Input name="governingLaw" values={values} errors={errors} placeholder="e.g. Swiss law" />
          </F>
          <F label="Effective date" name="effectiveDate" errors={errors}>
            <Input name="effectiveDate" type="date" values={values} errors={errors} />
          </F>
          <F label="End of term" name="endDate" errors={errors}>
            <Input name="endDate" type="date" values={values} errors={errors} />
          </F>
          <F label="Confidentiality survives the end by (months)" name="survivalMonths" errors={errors}>
            <Input name="survivalMonths" inputMode="numeric" values={values} errors={errors} />
          </F>
          <F label="Arbitration seat" name="arbitrationSeat" errors={errors}>
            <Input name="arbitrationSeat" values={values} errors={errors} placeholder="e.g. Geneva (Swiss Rules)" />
          </F>
        </div>
        <Flag name="arbitrationConfidential" values={values} label="The arbitration is confidential" />
      </section>

      <section className="card form-section">
        <h2>Purpose, exclusions and know-how</h2>
        <Checks
          name="purposes"
          legend="Purpose of the disclosure"
          options={PURPOSES.map((p) => ({ value: p, label: PURPOSE_LABEL[p] }))}
          values={values}
          errors={errors}
        />
        <F label="Purpose in the agreement's words" name="purposeDescription" errors={errors}>
          <textarea
            id="purposeDescription"
            name="purposeDescription"
            rows={2}
            defaultValue={str(values, "purposeDescription")}
          />
        </F>
        <Checks
          name="exclusions"
          legend="Excluded from confidential information"
          options={EXCLUSIONS.map((e) => ({ value: e, label: EXCLUSION_LABEL[e] }))}
          values={values}
          errors={errors}
        />
        <div className="grid-2">
          <F label="Improvements and jointly developed work belong to" name="improvementsOwner" errors={errors}>
            <select id="improvementsOwner" name="improvementsOwner" defaultValue={str(values, "improvementsOwner")}>
              <option value="discloser">The disclosing party</option>
              <option value="recipient">The recipient</option>
              <option value="joint">Both, jointly</option>
            </select>
          </F>
          <F label="Notes on derived know-how" name="knowHowNotes" errors={errors}>
            <Input name="knowHowNotes" values={values} errors={errors} />
          </F>
        </div>
        <Flag name="knowHowConfidential" values={values} label="Derived know-how is confidential information too" />
        <Flag name="licenceBack" values={values} label="The recipient grants a licence back of improvements" />
        <h3>Compelled disclosure</h3>
        <Flag
          name="notifyBeforeDisclosure"
          values={values}
          label="Notify the other party before a disclosure forced by a court or regulator, where lawful"
        />
        <Flag name="seekProtectiveOrder" values={values} label="Seek a protective order" />
      </section>

      <section className="card form-section">
        <h2>Information, jurisdictions and incidents</h2>
        <Checks
          name="informationClasses"
          legend="Information classes shared"
          options={INFO_CLASSES.map((c) => ({ value: c, label: CLASS_LABEL[c] }))}
          values={values}
          errors={errors}
        />
        <div className="grid-2">
          <F
            label="Permitted jurisdictions"
            name="permittedJurisdictions"
            errors={errors}
            hint="ISO 3166 country codes, separated by commas, e.g. CH, DE, EE"
          >
            <Input name="permittedJurisdictions" values={values} errors={errors} />
          </F>
          <F label="Certifications required" name="requiredCertifications" errors={errors} hint="One standard per line">
            <textarea
              id="requiredCertifications"
              name="requiredCertifications"
              rows={2}
              defaultValue={str(values, "requiredCertifications")}
              {...errorProps(errors, "requiredCertifications")}
            />
          </F>
        </div>
        <Checks
          name="acceptedTransferMechanisms"
          legend="Transfer mechanisms accepted outside the permitted jurisdictions"
          options={TRANSFER_MECHANISMS.map((m) => ({ value: m, label: TRANSFER_MECHANISM_LABEL[m] }))}
          values={values}
          errors={errors}
        />
        <div className="grid-2">
          <F
            label="Breach notification window (hours, whole chain)"
            name="breachWindowHours"
            errors={errors}
            hint="From detection at any tier to the disclosing party being told"
          >
            <Input name="breachWindowHours" inputMode="numeric" values={values} errors={errors} />
          </F>
          <F label="Recipient's own notification time (hours)" name="recipientNotifyHours" errors={errors}>
            <Input name="recipientNotifyHours" inputMode="numeric" values={values} errors={errors} />
          </F>
        </div>
        <F label="Cooperation duties" name="cooperationDuties" errors={errors}>
          <textarea
            id="cooperationDuties"
            name="cooperationDuties"
            rows={2}
            defaultValue={str(values, "cooperationDuties")}
          />
        </F>
        <h3>Escalation contacts</h3>
        {contacts.rows.map((row) => (
          <div className="row-3" key={row}>
            <F label="Name" name={`escalation.${row}.name`} errors={errors}>
              <Input name={`escalation.${row}.name`} values={values} errors={errors} />
            </F>
            <F label="E-mail" name={`escalation.${row}.email`} errors={errors}>
              <Input name={`escalation.${row}.email`} type="email" values={values} errors={errors} />
            </F>
            <F label="Phone" name={`escalation.${row}.phone`} errors={errors}>
              <Input name={`escalation.${row}.phone`} values={values} errors={errors} />
            </F>
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
        <div className="grid-2">
          <F label="Information may be kept for (days)" name="retentionDays" errors={errors}>
            <Input name="retentionDays" inputMode="numeric" values={values} errors={errors} />
          </F>
          <F
            label="Return or destroy within (days of a milestone or termination)"
            name="destroyWithinDays"
            errors={errors}
          >
            <Input name="destroyWithinDays" inputMode="numeric" values={values} errors={errors} />
          </F>
          <F label="Audit notice (days)" name="auditNoticeDays" errors={errors}>
            <Input name="auditNoticeDays" inputMode="numeric" values={values} errors={errors} />
          </F>
          <F label="Audits per year" name="auditsPerYear" errors={errors}>
            <Input name="auditsPerYear" inputMode="numeric" values={values} errors={errors} />
          </F>
        </div>
        <Flag name="certificateOfDestruction" values={values} label="A certificate of destruction is required" />
      </section>

      <section className="card form-section">
        <h2>Re-assessment</h2>
        <input type="hidden" name="reassessPolicy" value="1" />
        <p className="muted">
          How often each supplier is assessed again, by the risk rating of its last approved assessment, and what brings
          one forward. The portal sends it {LEAD_DAYS} days before it is due, pre-filled with the last approved answers.
        </p>
        <div className="grid-4">
          <F label="Critical risk (months)" name="reassessCritical" errors={errors}>
            <Input name="reassessCritical" inputMode="numeric" values={values} errors={errors} />
          </F>
          <F label="High risk (months)" name="reassessHigh" errors={errors}>
            <Input name="reassessHigh" inputMode="numeric" values={values} errors={errors} />
          </F>
          <F label="Medium risk (months)" name="reassessMedium" errors={errors}>
            <Input name="reassessMedium" inputMode="numeric" values={values} errors={errors} />
          </F>
          <F label="Low risk (months)" name="reassessLow" errors={errors}>
            <Input name="reassessLow" inputMode="numeric" values={values} errors={errors} />
          </F>
        </div>
        <F
          label="Assess again when a required certificate expires within (days; 0 = never)"
          name="reassessCertificateDays"
          errors={errors}
        >
          <Input name="reassessCertificateDays" inputMode="numeric" values={values} errors={errors} />
        </F>
        <Flag name="reassessOnRatingFall" values={values} label="Assess again when a supplier's rating falls" />
        <Flag
          name="reassessOnIncident"
          values={values}
          label="Assess again when a supplier reports a security incident"
        />
        <Flag name="reassessOnNewPhase" values={values} label="Assess again when a new disclosure phase is added" />
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
                {r.parameters.map((p) => {
                  const name = `param.${r.id}.${p.key}`;
                  return (
                    <div className="field param" key={p.key}>
                      <label htmlFor={name}>{p.label}</label>
                      {p.type === "boolean" ? (
                        <input type="checkbox" id={name} name={name} defaultChecked={str(values, name) === "on"} />
                      ) : (
                        <input
                          id={name}
                          name={name}
                          defaultValue={str(values, name)}
                          inputMode={["hours", "days", "months", "count"].includes(p.type) ? "numeric" : undefined}
                          {...errorProps(errors, name)}
                        />
                      )}
                      <ErrorList id={`${name}-error`} errors={errors[name]} />
                    </div>
                  );
                })}
              </div>
            ))}
          </fieldset>
        ))}
      </section>

      <section className="card form-section">
        <h2>Subcontractor chain</h2>
        <p className="muted">Tier 1 works for the recipient; tier 2 for a tier-1 supplier, and so on.</p>
        <ErrorList id="chain-error" errors={errors.chain} />
        {chain.rows.map((row) => (
          <div className="chain-row" key={row} data-testid={`chain-row-${row}`}>
            <F label="Supplier" name={`chain.${row}.supplierOrgId`} errors={errors}>
              <select
                id={`chain.${row}.supplierOrgId`}
                name={`chain.${row}.supplierOrgId`}
                defaultValue={str(values, `chain.${row}.supplierOrgId`)}
                {...errorProps(errors, `chain.${row}.supplierOrgId`)}
              >
                <option value="">Choose…</option>
                {suppliers.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </F>
            <F label="Tier" name={`chain.${row}.tier`} errors={errors}>
              <Input
                name={`chain.${row}.tier`}
                values={{ [`chain.${row}.tier`]: str(values, `chain.${row}.tier`) || "1" }}
                errors={errors}
                inputMode="numeric"
                size={3}
              />
            </F>
            <F label="Works for" name={`chain.${row}.parentSupplierOrgId`} errors={errors}>
              <select
                id={`chain.${row}.parentSupplierOrgId`}
                name={`chain.${row}.parentSupplierOrgId`}
                defaultValue={str(values, `chain.${row}.parentSupplierOrgId`)}
                {...errorProps(errors, `chain.${row}.parentSupplierOrgId`)}
              >
                <option value="">The recipient (tier 1)</option>
                {suppliers.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </F>
            <F label="Service" name={`chain.${row}.service`} errors={errors}>
              <Input
                name={`chain.${row}.service`}
                values={values}
                errors={errors}
                placeholder="as recorded for the supplier"
              />
            </F>
            <F label="Highest class it may receive" name={`chain.${row}.maxClass`} errors={errors}>
              <select
                id={`chain.${row}.maxClass`}
                name={`chain.${row}.maxClass`}
                defaultValue={str(values, `chain.${row}.maxClass`) || "confidential"}
                {...errorProps(errors, `chain.${row}.maxClass`)}
              >
                {INFO_CLASSES.map((c) => (
                  <option key={c} value={c}>
                    {CLASS_LABEL[c]}
                  </option>
                ))}
              </select>
            </F>
            <F label="Access" name={`chain.${row}.accessLevel`} errors={errors}>
              <select
                id={`chain.${row}.accessLevel`}
                name={`chain.${row}.accessLevel`}
                defaultValue={str(values, `chain.${row}.accessLevel`) || "read"}
                {...errorProps(errors, `chain.${row}.accessLevel`)}
              >
                {ACCESS_LEVELS.map((a) => (
                  <option key={a} value={a}>
                    {ACCESS_LABEL[a]}
                  </option>
                ))}
              </select>
            </F>
            <button type="button" className="secondary small" onClick={() => chain.remove(row)}>
              Remove
            </button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={chain.add}>
          Add supplier to the chain
        </button>
      </section>

      <section className="card form-section">
        <h2>Phases of staged disclosure</h2>
        {phases.rows.map((row, index) => (
          <fieldset className="phase" key={row} data-testid={`phase-row-${row}`}>
            <legend>Phase {index + 1}</legend>
            <div className="grid-2">
              <F label="Name" name={`phases.${row}.name`} errors={errors}>
                <Input name={`phases.${row}.name`} values={values} errors={errors} placeholder="e.g. Evaluation" />
              </F>
              <F label="Purpose" name={`phases.${row}.purpose`} errors={errors}>
                <Input name={`phases.${row}.purpose`} values={values} errors={errors} />
              </F>
            </div>
            <Checks
              name={`phases.${row}.classes`}
              legend="Information classes it opens"
              options={INFO_CLASSES.map((c) => ({ value: c, label: CLASS_LABEL[c] }))}
              values={values}
              errors={errors}
            />
            <F
              label="Requirements a supplier must meet first"
              name={`phases.${row}.requiredRequirementIds`}
              errors={errors}
              hint="Ctrl/Cmd-click to choose several"
            >
              <select
                id={`phases.${row}.requiredRequirementIds`}
                name={`phases.${row}.requiredRequirementIds`}
                multiple
                size={6}
                defaultValue={list(values, `phases.${row}.requiredRequirementIds`)}
                {...errorProps(errors, `phases.${row}.requiredRequirementIds`)}
              >
                {catalogue.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.id} {r.title}
                  </option>
                ))}
              </select>
            </F>
            <Checks
              name={`phases.${row}.permittedSupplierIds`}
              legend="Permitted recipients (none ticked: any supplier of the chain)"
              options={suppliers.map((s) => ({ value: s.id, label: s.name }))}
              values={values}
              errors={errors}
            />
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
                <F label={`Term (${lang.name})`} name={`glossary.${row}.term.${lang.code}`} errors={errors}>
                  <Input name={`glossary.${row}.term.${lang.code}`} values={values} errors={errors} maxLength={80} />
                </F>
                <F label={`Definition (${lang.name})`} name={`glossary.${row}.definition.${lang.code}`} errors={errors}>
                  <textarea
                    id={`glossary.${row}.definition.${lang.code}`}
                    name={`glossary.${row}.definition.${lang.code}`}
                    rows={2}
                    defaultValue={str(values, `glossary.${row}.definition.${lang.code}`)}
                    {...errorProps(errors, `glossary.${row}.definition.${lang.code}`)}
                  />
                </F>
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
          {busy ? "Saving…" : submitLabel}
        </button>
      </div>
    </Form>
  );
}
