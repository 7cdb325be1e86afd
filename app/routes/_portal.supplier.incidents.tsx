import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorList, Field, SelectField, TextareaField } from "#app/components/forms";
import { IncidentTable } from "#app/features/reassessment/reassessment-view";
import { requireUser } from "#app/features/accounts/auth.server";
import { publicOrigin } from "#app/lib/env.server";
import { fieldErrors } from "#app/lib/forms.server";
import { IncidentSchema, reportIncident, supplierIncidentsPage } from "#app/features/incidents/incidents.server";
import { INFO_CLASSES } from "#app/scoring/types";
import { INCIDENT_DESCRIPTION_MAX } from "#app/features/incidents/incident-limits";

export const meta: MetaFunction = () => [{ title: "Incidents · Flowdown" }];

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
  return (
    <>
      {params.get("reported") ? (
        <p className="flash">Incident reported. Your client and the disclosing party were told.</p>
      ) : null}
      <div className="page-head">
        <h1>Security incidents</h1>
      </div>
      <p className="muted">
        Report a security incident that may affect information shared under an agreement. The portal measures how
        quickly it was reported against what you committed to and against the agreement's breach window, and tells your
        client and the disclosing party at once.
      </p>
      {agreements.length === 0 ? (
        <p className="empty">You are not named in any agreement's subcontractor chain yet.</p>
      ) : (
        <Form method="post" className="card form-section" noValidate>
          <h2>Report an incident</h2>
          <ErrorList errors={errors[""]} />
          <SelectField
            label="Agreement"
            errors={errors.agreementId}
            selectProps={{
              name: "agreementId",
              defaultValue: values?.agreementId ?? (agreements.length === 1 ? agreements[0].id : ""),
              required: true,
            }}
          >
            <option value="">Choose…</option>
            {agreements.map((a) => (
              <option key={a.id} value={a.id}>
                {a.reference}: {a.title}
              </option>
            ))}
          </SelectField>
          <Field
            label="Detected at (UTC)"
            errors={errors.detectedAt}
            inputProps={{
              name: "detectedAt",
              type: "datetime-local",
              max: now,
              defaultValue: values?.detectedAt ?? "",
              required: true,
            }}
            hint="When you first knew of it, in UTC."
          />
          <fieldset className="field">
            <legend>Information affected</legend>
            {INFO_CLASSES.map((c) => (
              <label key={c} className="check">
                <input type="checkbox" name="classes" value={c} defaultChecked={values?.classes.includes(c)} /> {c}
              </label>
            ))}
            <ErrorList errors={errors.classes} />
          </fieldset>
          <TextareaField
            label="What happened"
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
            {busy ? "Reporting…" : "Report the incident"}
          </button>
        </Form>
      )}
      <section className="card form-section">
        <h2>Reported</h2>
        <IncidentTable incidents={incidents} showSupplier={false} />
      </section>
      {below.length ? (
        <section className="card form-section">
          <h2>Reported by your subcontractors</h2>
          <p className="muted">
            Incidents reported by suppliers below you in a chain: you pass the notice on towards the disclosing party,
            and each was sent to you with the time you have left.
          </p>
          <IncidentTable incidents={below} />
        </section>
      ) : null}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
