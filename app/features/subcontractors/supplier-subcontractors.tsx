import { Form, Link, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorList, Field, FormError, SelectField } from "#app/components/forms";
import { ListTable } from "#app/components/list-table";
import { useFormat, useT } from "#app/i18n/react";
import { PROPOSAL_STATUS_TONE } from "#models/labels";
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
  const t = useT();
  const format = useFormat();
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
        <p className="flash">{t("subcontractors.supplier.flashDeclared", { recipient: d.agreement.recipient })}</p>
      ) : null}
      {params.get("withdrawn") ? <p className="flash">{t("subcontractors.supplier.flashWithdrawn")}</p> : null}
      <div className="page-head">
        <h1>{t("subcontractors.supplier.title", { reference: d.agreement.reference })}</h1>
        <Link className="button secondary" to="/supplier">
          {t("common.nav.myAssessments")}
        </Link>
      </div>
      <p className="muted">
        {d.own.service
          ? t("subcontractors.supplier.contextService", {
              title: d.agreement.title,
              recipient: d.agreement.recipient,
              tier: d.own.tier,
              service: d.own.service,
            })
          : t("subcontractors.supplier.context", {
              title: d.agreement.title,
              recipient: d.agreement.recipient,
              tier: d.own.tier,
            })}
      </p>
      <p>{t("subcontractors.supplier.intro", { recipient: d.agreement.recipient, tier: d.own.tier + 1 })}</p>
      <section className="card form-section" aria-labelledby="declared-heading">
        <h2 id="declared-heading">{t("subcontractors.declared")}</h2>
        <FormError messages={withdrawError} />
        {d.declarations.length === 0 ? (
          <p className="empty">{t("subcontractors.supplier.none")}</p>
        ) : (
          <ListTable
            rows={d.declarations}
            rowKey={(r) => r.id}
            columns={[
              {
                header: t("subcontractors.subcontractor"),
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
                header: t("subcontractors.receivesAtMost"),
                cell: (r) => t("subcontractors.receivesShort", { maxClass: r.maxClass, accessLevel: r.accessLevel }),
              },
              {
                header: t("subcontractors.supplier.status"),
                cell: (r) => (
                  <>
                    <span className={`badge ${PROPOSAL_STATUS_TONE[r.status]}`}>
                      {t(`labels.proposalStatus.${r.status}`)}
                    </span>
                    {r.reason ? (
                      <div className="small">{t("subcontractors.reasonShown", { reason: r.reason })}</div>
                    ) : null}
                    <div className="small">
                      {r.declaredAt
                        ? t("subcontractors.supplier.declaredOn", { date: format.moment(r.declaredAt) })
                        : ""}
                      {r.decidedAt
                        ? ` · ${t("subcontractors.supplier.decidedOn", { date: format.moment(r.decidedAt) })}`
                        : ""}
                    </div>
                  </>
                ),
              },
              {
                header: t("subcontractors.supplier.actions"),
                cell: (r) =>
                  r.status === "proposed" ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="withdraw" />
                      <input type="hidden" name="proposalId" value={r.id} />
                      <button type="submit" className="secondary small" disabled={busy}>
                        {submitting("withdraw", r.id)
                          ? t("subcontractors.supplier.withdrawing")
                          : t("subcontractors.supplier.withdraw")}
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
          <h2 id="declare-heading">{t("subcontractors.supplier.declareTitle")}</h2>
          <input type="hidden" name="intent" value="declare" />
          <FormError messages={errors[""]} />
          <div className="grid-2">
            <Field
              label={t("subcontractors.supplier.companyName")}
              errors={errors.name}
              inputProps={{
                name: "name",
                maxLength: SUBCONTRACTOR_LIMITS.name,
                required: true,
                defaultValue: values.name ?? "",
              }}
            />
            <SelectField
              label={t("subcontractors.supplier.country")}
              errors={errors.country}
              selectProps={{ name: "country", required: true, defaultValue: values.country ?? "" }}
            >
              <option value="">{t("subcontractors.supplier.choose")}</option>
              {d.countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </SelectField>
            <Field
              label={t("subcontractors.supplier.service")}
              errors={errors.service}
              inputProps={{
                name: "service",
                maxLength: SUBCONTRACTOR_LIMITS.service,
                required: true,
                defaultValue: values.service ?? "",
              }}
            />
            <Field
              label={t("subcontractors.supplier.contactEmail")}
              errors={errors.contactEmail}
              hint={t("subcontractors.supplier.contactHint")}
              inputProps={{
                name: "contactEmail",
                type: "email",
                maxLength: SUBCONTRACTOR_LIMITS.contactEmail,
                required: true,
                defaultValue: values.contactEmail ?? "",
              }}
            />
            <Field
              label={t("subcontractors.supplier.registrationNumber")}
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
              label={t("subcontractors.supplier.maxClass")}
              errors={errors.maxClass}
              selectProps={{ name: "maxClass", defaultValue: values.maxClass ?? "" }}
            >
              <option value="">
                {t("subcontractors.supplier.asYou", { label: t(`labels.class.${d.own.maxClass}`) })}
              </option>
              {d.classes.map((c) => (
                <option key={c} value={c}>
                  {t(`labels.class.${c}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t("subcontractors.supplier.access")}
              errors={errors.accessLevel}
              selectProps={{ name: "accessLevel", defaultValue: values.accessLevel ?? "" }}
            >
              <option value="">
                {t("subcontractors.supplier.asYou", { label: t(`labels.access.${d.own.accessLevel}`) })}
              </option>
              {d.accessLevels.map((a) => (
                <option key={a} value={a}>
                  {t(`labels.access.${a}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <ErrorList errors={errors.proposalId} />
          <button type="submit" disabled={busy}>
            {submitting("declare") ? t("subcontractors.supplier.declaring") : t("subcontractors.supplier.declare")}
          </button>
        </Form>
      ) : (
        <p className="notice">{t("subcontractors.supplier.deepest", { recipient: d.agreement.recipient })}</p>
      )}
    </>
  );
}
