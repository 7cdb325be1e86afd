import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect, useState } from "react";
import { titleOf } from "#app/i18n/meta";
import { ErrorList, Field, SelectField, TextareaField } from "#app/components/forms";
import { requireUser } from "#app/features/accounts/auth.server";
import { AgreementSelectField } from "#app/features/agreements/agreement-select";
import { DemandSchema, liftBar, reportDemand, supplierDemandsPage } from "#app/features/compelled/compelled.server";
import { DemandTable } from "#app/features/compelled/compelled-view";
import { AUTHORITY_MAX, BARRED_REASON_MAX, DEMAND_DESCRIPTION_MAX } from "#app/features/compelled/compelled-limits";
import { publicOrigin } from "#app/lib/env.server";
import { fieldErrors } from "#app/lib/forms.server";
import { INFO_CLASSES } from "#app/scoring/types";
import { useCountries, useT } from "#app/i18n/react";
import { t } from "#app/i18n/messages.server";

export const meta: MetaFunction = ({ matches }) => [{ title: titleOf(matches, "compelled.page.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "supplier" });
  return supplierDemandsPage(user);
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "supplier" });
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "report");
  if (intent === "lift") {
    await liftBar(user, String(form.get("id") ?? ""), request, publicOrigin(request));
    return redirect("/supplier/legal-demands?lifted=1");
  }
  const values = {
    agreementId: String(form.get("agreementId") ?? ""),
    authority: String(form.get("authority") ?? ""),
    jurisdiction: String(form.get("jurisdiction") ?? ""),
    receivedOn: String(form.get("receivedOn") ?? ""),
    complyBy: String(form.get("complyBy") ?? ""),
    classes: form.getAll("classes").map(String),
    noticePermitted: String(form.get("noticePermitted") ?? ""),
    barredReason: String(form.get("barredReason") ?? ""),
    description: String(form.get("description") ?? ""),
  };
  if (intent !== "report")
    return data({ errors: { "": [t("compelled.error.unknownIntent")] }, values }, { status: 400 });
  const parsed = DemandSchema.safeParse(values);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const result = await reportDemand(user, parsed.data, request, publicOrigin(request));
  if (!result.ok) return data({ errors: result.errors, values }, { status: 400 });
  return redirect(`/supplier/legal-demands?reported=${result.notified ? "notified" : "barred"}`);
}

function LiftButton({ id, busy }: { id: string; busy: boolean }) {
  const t = useT();
  return (
    <Form method="post" onSubmit={(e) => !confirm(t("compelled.lift.confirm")) && e.preventDefault()}>
      <input type="hidden" name="intent" value="lift" />
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="secondary" disabled={busy}>
        {busy ? t("compelled.lift.busy") : t("compelled.lift.button")}
      </button>
    </Form>
  );
}

export default function SupplierLegalDemandsPage() {
  const { agreements, demands, below, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const submitting = navigation.formData?.get("intent");
  const errors: Record<string, string[]> = actionData?.errors ?? {};
  const values = actionData?.values;
  const t = useT();
  const countries = useCountries().options;
  const [permitted, setPermitted] = useState(values?.noticePermitted ?? "");
  const reported = params.get("reported");
  // once a demand is recorded the form starts empty again, so the same demand is not reported twice
  const location = useLocation();
  useEffect(() => {
    if (reported) setPermitted("");
  }, [reported, location.key]);
  return (
    <>
      {reported === "notified" ? <p className="flash">{t("compelled.page.reportedNotified")}</p> : null}
      {reported === "barred" ? <p className="flash">{t("compelled.page.reportedBarred")}</p> : null}
      {params.get("lifted") ? <p className="flash">{t("compelled.page.lifted")}</p> : null}
      <div className="page-head">
        <h1>{t("compelled.page.title")}</h1>
      </div>
      <p className="muted">{t("compelled.page.intro")}</p>
      {agreements.length === 0 ? (
        <p className="empty">{t("compelled.page.notInChain")}</p>
      ) : (
        <Form method="post" className="card form-section" noValidate key={reported ? location.key : "report"}>
          <h2>{t("compelled.page.reportHeading")}</h2>
          <input type="hidden" name="intent" value="report" />
          <ErrorList errors={errors[""]} />
          <AgreementSelectField
            agreements={agreements}
            label={t("compelled.page.agreement")}
            choose={t("compelled.page.choose")}
            errors={errors.agreementId}
            value={values?.agreementId}
          />
          <div className="grid-2">
            <Field
              label={t("compelled.page.authority")}
              errors={errors.authority}
              hint={t("compelled.page.authorityHint")}
              inputProps={{
                name: "authority",
                maxLength: AUTHORITY_MAX,
                defaultValue: values?.authority ?? "",
                required: true,
              }}
            />
            <SelectField
              label={t("compelled.page.jurisdiction")}
              errors={errors.jurisdiction}
              selectProps={{ name: "jurisdiction", defaultValue: values?.jurisdiction ?? "", required: true }}
            >
              <option value="">{t("compelled.page.choose")}</option>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </SelectField>
            <Field
              label={t("compelled.page.receivedOn")}
              errors={errors.receivedOn}
              inputProps={{
                name: "receivedOn",
                type: "date",
                max: today,
                defaultValue: values?.receivedOn ?? "",
                required: true,
              }}
            />
            <Field
              label={t("compelled.page.complyBy")}
              errors={errors.complyBy}
              inputProps={{ name: "complyBy", type: "date", defaultValue: values?.complyBy ?? "", required: true }}
            />
          </div>
          <fieldset className="field">
            <legend>{t("compelled.page.classes")}</legend>
            {INFO_CLASSES.map((c) => (
              <label key={c} className="check">
                <input type="checkbox" name="classes" value={c} defaultChecked={values?.classes.includes(c)} />{" "}
                {t(`labels.class.${c}`)}
              </label>
            ))}
            <ErrorList errors={errors.classes} />
          </fieldset>
          <fieldset className="field">
            <legend>{t("compelled.page.noticePermitted")}</legend>
            {(["yes", "no"] as const).map((v) => (
              <label key={v} className="check">
                <input
                  type="radio"
                  name="noticePermitted"
                  value={v}
                  required
                  defaultChecked={values?.noticePermitted === v}
                  onChange={() => setPermitted(v)}
                />{" "}
                {t(v === "yes" ? "compelled.page.permittedYes" : "compelled.page.permittedNo")}
              </label>
            ))}
            <ErrorList errors={errors.noticePermitted} />
          </fieldset>
          <TextareaField
            label={t("compelled.page.barredReason")}
            errors={errors.barredReason}
            textareaProps={{
              name: "barredReason",
              rows: 2,
              maxLength: BARRED_REASON_MAX,
              defaultValue: values?.barredReason ?? "",
              required: permitted === "no",
              "aria-describedby": "barred-reason-hint",
            }}
          />
          <p id="barred-reason-hint" className="muted small">
            {t("compelled.page.barredReasonHint")}
          </p>
          <TextareaField
            label={t("compelled.page.description")}
            errors={errors.description}
            textareaProps={{
              name: "description",
              rows: 4,
              maxLength: DEMAND_DESCRIPTION_MAX,
              defaultValue: values?.description ?? "",
            }}
          />
          <button type="submit" disabled={busy}>
            {busy && submitting === "report" ? t("compelled.page.reporting") : t("compelled.page.report")}
          </button>
        </Form>
      )}
      <section className="card form-section">
        <h2>{t("compelled.page.reportedHeading")}</h2>
        <DemandTable
          demands={demands}
          showSupplier={false}
          lift={(d) => <LiftButton id={d.id} busy={busy && submitting === "lift"} />}
        />
      </section>
      {below.length ? (
        <section className="card form-section">
          <h2>{t("compelled.page.belowHeading")}</h2>
          <p className="muted">{t("compelled.page.belowIntro")}</p>
          <DemandTable demands={below} showSupplier />
        </section>
      ) : null}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
