import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import { ErrorList, Field, SelectField, TextareaField } from "#app/components/forms";
import { requireUser } from "#app/features/accounts/auth.server";
import {
  agreementAuditsPage,
  cancelAudit,
  requireAuditAccess,
  scheduleAudit,
  ScheduleSchema,
} from "#app/features/audits/audits.server";
import { SCOPE_MAX } from "#app/features/audits/audit-rules";
import { AuditsTable } from "#app/features/audits/audits-view";
import { publicOrigin } from "#app/lib/env.server";
import { fieldErrors } from "#app/lib/forms.server";
import { notFound } from "#app/lib/http.server";
import { titleOf } from "#app/i18n/meta";
import { useFormat, useT } from "#app/i18n/react";

export const meta: MetaFunction = ({ matches }) => [{ title: titleOf(matches, "audits.heading") }];

function roleOf(role: string | undefined): "procurement" | "discloser" {
  if (role !== "procurement" && role !== "discloser") notFound();
  return role;
}

/** An agreement's audits under its audit rights: for its procurement team and its disclosing party. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: roleOf(params.role) });
  return agreementAuditsPage(user, params.id);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const role = roleOf(params.role);
  const user = await requireUser(request, { role });
  await requireAuditAccess(user, params.id);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const back = `/${role}/agreements/${params.id ?? ""}/audits`;
  if (intent === "cancel") {
    const result = await cancelAudit(user, params.id, String(form.get("auditId") ?? ""), request);
    if (!result.ok) return data({ errors: result.errors, values: null }, { status: 400 });
    return redirect(`${back}?cancelled=1`);
  }
  if (intent !== "schedule") return data({ errors: { "": ["Unknown action"] }, values: null }, { status: 400 });
  const values = {
    supplierId: String(form.get("supplierId") ?? ""),
    scheduledFor: String(form.get("scheduledFor") ?? ""),
    scope: String(form.get("scope") ?? ""),
    afterIncident: form.get("afterIncident") === "yes" ? "yes" : "",
    incidentId: String(form.get("incidentId") ?? ""),
  };
  const parsed = ScheduleSchema.safeParse(values);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const result = await scheduleAudit(user, params.id, parsed.data, request, publicOrigin(request));
  if (!result.ok) return data({ errors: result.errors, values }, { status: 400 });
  return redirect(`${back}?scheduled=1`);
}

export default function AgreementAuditsPage() {
  const { role, agreement, suppliers, incidents, audits, today, orgId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string[]> = actionData?.errors ?? {};
  const values = actionData?.values ?? null;
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const t = useT();
  const format = useFormat();
  const [supplierId, setSupplierId] = useState(values?.supplierId ?? "");
  const [afterIncident, setAfterIncident] = useState(values?.afterIncident === "yes");
  const supplierIncidents = incidents.filter((i) => i.supplierId === supplierId);
  const cancellable = audits.filter((a) => a.status === "scheduled");
  return (
    <>
      {params.get("scheduled") ? <p className="flash">{t("audits.flash.scheduled")}</p> : null}
      {params.get("cancelled") ? <p className="flash">{t("audits.flash.cancelled")}</p> : null}
      <p>
        <Link to={`/${role}/agreements/${agreement.id}?tab=lifecycle`}>
          {t("audits.back", { reference: agreement.reference })}
        </Link>
      </p>
      <h1>{t("audits.page.title", { reference: agreement.reference })}</h1>
      <p className="muted">
        {t("audits.page.rights", { notice: agreement.noticeDays, perYear: agreement.auditsPerYear })}
      </p>
      {agreement.archived ? (
        <p className="empty">{t("audits.error.archived")}</p>
      ) : (
        <Form method="post" className="card form-section" noValidate>
          <h2>{t("audits.page.schedule")}</h2>
          <input type="hidden" name="intent" value="schedule" />
          <ErrorList errors={errors[""]} />
          <SelectField
            label={t("audits.field.supplier")}
            errors={errors.supplierId}
            selectProps={{
              name: "supplierId",
              value: supplierId,
              onChange: (e) => setSupplierId(e.target.value),
              required: true,
            }}
          >
            <option value="">{t("audits.field.choose")}</option>
            {suppliers.map((s) => (
              <option key={s.id} value={s.id}>
                {t("audits.field.supplierOption", { name: s.name, tier: s.tier })}
              </option>
            ))}
          </SelectField>
          <Field
            label={t("audits.field.firstDay")}
            errors={errors.scheduledFor}
            hint={t("audits.field.firstDayHint", { notice: agreement.noticeDays })}
            inputProps={{
              name: "scheduledFor",
              type: "date",
              min: today,
              defaultValue: values?.scheduledFor ?? "",
              required: true,
            }}
          />
          <TextareaField
            label={t("audits.field.scope")}
            errors={errors.scope}
            textareaProps={{
              name: "scope",
              rows: 3,
              maxLength: SCOPE_MAX,
              defaultValue: values?.scope ?? "",
              required: true,
            }}
          />
          <div className="field">
            <label className="check">
              <input
                type="checkbox"
                name="afterIncident"
                value="yes"
                checked={afterIncident}
                onChange={(e) => setAfterIncident(e.target.checked)}
              />{" "}
              {t("audits.field.afterIncident")}
            </label>
            <small className="muted">{t("audits.field.afterIncidentHint")}</small>
          </div>
          {afterIncident ? (
            <SelectField
              label={t("audits.field.incidentLabel")}
              errors={errors.incidentId}
              selectProps={{ name: "incidentId", defaultValue: values?.incidentId ?? "" }}
            >
              <option value="">{t("audits.field.choose")}</option>
              {supplierIncidents.map((i) => (
                <option key={i.id} value={i.id}>
                  {format.moment(i.detectedAt)}: {i.description}
                </option>
              ))}
            </SelectField>
          ) : (
            <ErrorList errors={errors.incidentId} />
          )}
          <button type="submit" disabled={busy}>
            {busy ? t("audits.action.scheduling") : t("audits.action.schedule")}
          </button>
        </Form>
      )}
      <section className="card form-section">
        <h2>{t("audits.heading")}</h2>
        <AuditsTable audits={audits} role={role} agreementId={agreement.id} />
        {cancellable.some((a) => a.auditorOrgId === orgId)
          ? cancellable
              .filter((a) => a.auditorOrgId === orgId)
              .map((a) => (
                <Form
                  key={a.id}
                  method="post"
                  className="audit-cancel"
                  onSubmit={(e) =>
                    !confirm(t("audits.confirm.cancel", { supplier: a.supplier, date: format.day(a.scheduledFor) })) &&
                    e.preventDefault()
                  }
                >
                  <input type="hidden" name="intent" value="cancel" />
                  <input type="hidden" name="auditId" value={a.id} />
                  <button type="submit" className="secondary" disabled={busy}>
                    {t("audits.action.cancel", { supplier: a.supplier, date: format.day(a.scheduledFor) })}
                  </button>
                </Form>
              ))
          : null}
      </section>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
