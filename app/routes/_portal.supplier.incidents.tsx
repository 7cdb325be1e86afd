import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { titleOf } from "#app/i18n/meta";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorList, Field, TextareaField } from "#app/components/forms";
import { IncidentTable } from "#app/features/reassessment/reassessment-view";
import { requireUser } from "#app/features/accounts/auth.server";
import { AgreementSelectField } from "#app/features/agreements/agreement-select";
import { publicOrigin } from "#app/lib/env.server";
import { fieldErrors } from "#app/lib/forms.server";
import { IncidentSchema, reportIncident, supplierIncidentsPage } from "#app/features/incidents/incidents.server";
import { INFO_CLASSES } from "#app/scoring/types";
import { INCIDENT_DESCRIPTION_MAX } from "#app/features/incidents/incident-limits";
import { useT } from "#app/i18n/react";

export const meta: MetaFunction = ({ matches }) => [{ title: titleOf(matches, "common.nav.incidents") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "supplier" });
  return supplierIncidentsPage(user);
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "supplier" });
  const form = await request.formData();
  const values = {
    agreementId: String(form.get("agreementId") ?? ""),
    detectedAt: String(form.get("detectedAt") ?? ""),
    classes: form.getAll("classes").map(String),
    description: String(form.get("description") ?? ""),
  };
  const parsed = IncidentSchema.safeParse(values);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const result = await reportIncident(user, parsed.data, request, publicOrigin(request));
  if (!result.ok) return data({ errors: result.errors, values }, { status: 400 });
  return redirect("/supplier/incidents?reported=1");
}

export default function SupplierIncidentsPage() {
  const { agreements, incidents, below, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const errors: Record<string, string[]> = actionData?.errors ?? {};
  const values = actionData?.values;
  const t = useT();
  return (
    <>
      {params.get("reported") ? <p className="flash">{t("incidents.page.reported")}</p> : null}
      <div className="page-head">
        <h1>{t("incidents.page.title")}</h1>
      </div>
      <p className="muted">{t("incidents.page.intro")}</p>
      {agreements.length === 0 ? (
        <p className="empty">{t("incidents.page.notInChain")}</p>
      ) : (
        <Form method="post" className="card form-section" noValidate>
          <h2>{t("incidents.page.reportHeading")}</h2>
          <ErrorList errors={errors[""]} />
          <AgreementSelectField
            agreements={agreements}
            label={t("incidents.page.agreement")}
            choose={t("incidents.page.choose")}
            errors={errors.agreementId}
            value={values?.agreementId}
          />
          <Field
            label={t("incidents.page.detectedAt")}
            errors={errors.detectedAt}
            inputProps={{
              name: "detectedAt",
              type: "datetime-local",
              max: now,
              defaultValue: values?.detectedAt ?? "",
              required: true,
            }}
            hint={t("incidents.page.detectedHint")}
          />
          <fieldset className="field">
            <legend>{t("incidents.page.affected")}</legend>
            {INFO_CLASSES.map((c) => (
              <label key={c} className="check">
                <input type="checkbox" name="classes" value={c} defaultChecked={values?.classes.includes(c)} />{" "}
                {t(`labels.class.${c}`)}
              </label>
            ))}
            <ErrorList errors={errors.classes} />
          </fieldset>
          <TextareaField
            label={t("incidents.page.whatHappened")}
            errors={errors.description}
            textareaProps={{
              name: "description",
              rows: 5,
              maxLength: INCIDENT_DESCRIPTION_MAX,
              defaultValue: values?.description ?? "",
              required: true,
            }}
          />
          <button type="submit" disabled={busy}>
            {busy ? t("incidents.page.reporting") : t("incidents.page.report")}
          </button>
        </Form>
      )}
      <section className="card form-section">
        <h2>{t("incidents.page.reportedHeading")}</h2>
        <IncidentTable incidents={incidents} showSupplier={false} />
      </section>
      {below.length ? (
        <section className="card form-section">
          <h2>{t("incidents.page.belowHeading")}</h2>
          <p className="muted">{t("incidents.page.belowIntro")}</p>
          <IncidentTable incidents={below} />
        </section>
      ) : null}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
