import { Form, Link, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorList, Field, FormError, SelectField } from "#app/components/forms";
import { ListTable } from "#app/components/list-table";
import { utcMinute } from "#app/components/time";
import { ACCESS_LABEL, CLASS_LABEL, PROPOSAL_STATUS_TEXT, PROPOSAL_STATUS_TONE } from "#models/labels";
import type { supplierSubcontractorsPage } from "./subcontractors.server";
import { SUBCONTRACTOR_LIMITS } from "./subcontractor-limits";

type Jsonified<T> = T extends (infer U)[] ? Jsonified<U>[] : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T;
type Data = Jsonified<Awaited<ReturnType<typeof supplierSubcontractorsPage>>>;

export interface DeclarationReply {
  intent?: string;
  proposalId?: string;
  errors?: Record<string, string[]>;
  values?: Record<string, string>;
}

/** The supplier's subcontractors under one agreement: what it declared, and the form to declare another. */
export function SupplierSubcontractors({ d, reply }: { d: Data; reply?: DeclarationReply }) {
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const declaring = reply?.intent === "declare";
  const errors = declaring ? (reply?.errors ?? {}) : {};
  const values = declaring ? (reply?.values ?? {}) : {};
  const withdrawError = reply?.intent !== "declare" ? reply?.errors?.[""] : undefined;
  const submitting = (intent: string, id?: string) =>
    navigation.state !== "idle" &&
    navigation.formData?.get("intent") === intent &&
    (id === undefined || navigation.formData?.get("proposalId") === id);
  return (
    <>
      {params.get("declared") ? (
        <p className="flash">Subcontractor declared. {d.agreement.recipient} decides whether it joins the chain.</p>
      ) : null}
      {params.get("withdrawn") ? <p className="flash">Declaration withdrawn.</p> : null}
      <div className="page-head">
        <h1>Subcontractors for {d.agreement.reference}</h1>
        <Link className="button secondary" to="/supplier">
          My assessments
        </Link>
      </div>
      <p className="muted">
        {d.agreement.title} · for {d.agreement.recipient} · you are a tier-{d.own.tier} supplier
        {d.own.service ? ` (${d.own.service})` : ""}
      </p>
      <p>
        The agreement's obligations flow down to every company you pass its information to. Name each subcontractor you
        use for this agreement: {d.agreement.recipient} accepts it into the chain as a tier-{d.own.tier + 1} supplier
        working for you, and sends it its own security questionnaire, or tells you why not.
      </p>
      <section className="card form-section" aria-labelledby="declared-heading">
        <h2 id="declared-heading">Declared</h2>
        <FormError messages={withdrawError} />
        {d.declarations.length === 0 ? (
          <p className="empty">You have not declared any subcontractor for this agreement.</p>
        ) : (
          <ListTable
            rows={d.declarations}
            rowKey={(r) => r.id}
            columns={[
              {
                header: "Subcontractor",
                cell: (r) => (
                  <>
                    {r.name} <span className="muted">({r.countryName})</span>
                    <div className="small">
                      {r.service} · {r.contactEmail}
                      {r.registrationNumber ? ` · ${r.registrationNumber}` : ""}
                    </div>
                  </>
                ),
              },
              {
                header: "Receives at most",
                cell: (r) => `${CLASS_LABEL[r.maxClass]}, ${ACCESS_LABEL[r.accessLevel].toLowerCase()}`,
              },
              {
                header: "Status",
                cell: (r) => (
                  <>
                    <span className={`badge ${PROPOSAL_STATUS_TONE[r.status]}`}>{PROPOSAL_STATUS_TEXT[r.status]}</span>
                    {r.reason ? <div className="small">Reason: {r.reason}</div> : null}
                    <div className="small">
                      {r.declaredAt ? `declared ${utcMinute(r.declaredAt)}` : ""}
                      {r.decidedAt ? ` · decided ${utcMinute(r.decidedAt)}` : ""}
                    </div>
                  </>
                ),
              },
              {
                header: "Actions",
                cell: (r) =>
                  r.status === "proposed" ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="withdraw" />
                      <input type="hidden" name="proposalId" value={r.id} />
                      <button type="submit" className="secondary small" disabled={busy}>
                        {submitting("withdraw", r.id) ? "Withdrawing…" : "Withdraw"}
                      </button>
                    </Form>
                  ) : null,
              },
            ]}
          />
        )}
      </section>
      {d.canDeclare ? (
        <Form method="post" className="card form-section" noValidate aria-labelledby="declare-heading">
          <h2 id="declare-heading">Declare a subcontractor</h2>
          <input type="hidden" name="intent" value="declare" />
          <FormError messages={errors[""]} />
          <div className="grid-2">
            <Field
              label="Company name"
              errors={errors.name}
              inputProps={{
                name: "name",
                maxLength: SUBCONTRACTOR_LIMITS.name,
                required: true,
                defaultValue: values.name ?? "",
              }}
            />
            <SelectField
              label="Country"
              errors={errors.country}
              selectProps={{ name: "country", required: true, defaultValue: values.country ?? "" }}
            >
              <option value="">Choose…</option>
              {d.countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </SelectField>
            <Field
              label="Service it provides to you"
              errors={errors.service}
              inputProps={{
                name: "service",
                maxLength: SUBCONTRACTOR_LIMITS.service,
                required: true,
                defaultValue: values.service ?? "",
              }}
            />
            <Field
              label="Contact e-mail"
              errors={errors.contactEmail}
              hint="Where its security questionnaire will be sent."
              inputProps={{
                name: "contactEmail",
                type: "email",
                maxLength: SUBCONTRACTOR_LIMITS.contactEmail,
                required: true,
                defaultValue: values.contactEmail ?? "",
              }}
            />
            <Field
              label="Registration number (optional)"
              errors={errors.registrationNumber}
              inputProps={{
                name: "registrationNumber",
                maxLength: SUBCONTRACTOR_LIMITS.registrationNumber,
                defaultValue: values.registrationNumber ?? "",
              }}
            />
          </div>
          <div className="grid-2">
            <SelectField
              label="Highest information class it receives"
              errors={errors.maxClass}
              selectProps={{ name: "maxClass", defaultValue: values.maxClass ?? "" }}
            >
              <option value="">As you: {CLASS_LABEL[d.own.maxClass]}</option>
              {d.classes.map((c) => (
                <option key={c} value={c}>
                  {CLASS_LABEL[c]}
                </option>
              ))}
            </SelectField>
            <SelectField
              label="Its access"
              errors={errors.accessLevel}
              selectProps={{ name: "accessLevel", defaultValue: values.accessLevel ?? "" }}
            >
              <option value="">As you: {ACCESS_LABEL[d.own.accessLevel]}</option>
              {d.accessLevels.map((a) => (
                <option key={a} value={a}>
                  {ACCESS_LABEL[a]}
                </option>
              ))}
            </SelectField>
          </div>
          <ErrorList errors={errors.proposalId} />
          <button type="submit" disabled={busy}>
            {submitting("declare") ? "Declaring…" : "Declare the subcontractor"}
          </button>
        </Form>
      ) : (
        <p className="notice">
          Your link is at the deepest tier an agreement allows; tell {d.agreement.recipient} about further
          subcontractors directly.
        </p>
      )}
    </>
  );
}
