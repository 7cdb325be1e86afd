import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useState } from "react";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorList, Field, FormError, SelectField, TextareaField } from "#app/components/forms";
import { requireUser } from "#app/features/accounts/auth.server";
import { MILESTONE_NOTE_MAX } from "#app/features/destruction/destruction-limits";
import { milestonesPage, recordMilestone } from "#app/features/destruction/milestones.server";
import { publicOrigin } from "#app/lib/env.server";
import { refusalResponse } from "#app/lib/refusal.server";
import { t as tServer } from "#app/i18n/messages.server";
import { useFormat, useT } from "#app/i18n/react";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Flowdown" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  const page = await milestonesPage(user, params.id);
  return { ...page, metaTitle: tServer("destruction.milestones.metaTitle", { reference: page.agreement.reference }) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  const values: Record<string, string> = {};
  for (const [k, v] of (await request.formData()).entries()) if (typeof v === "string") values[k] = v;
  try {
    const done = await recordMilestone(user, params.id, values, request, publicOrigin(request));
    return redirect(`/procurement/agreements/${params.id}/milestones?recorded=${done.requests}`);
  } catch (error) {
    return refusalResponse(error, { intent: values.intent ?? "", values });
  }
}

export default function MilestonesPage() {
  const t = useT();
  const format = useFormat();
  const d = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const busyIntent = navigation.state !== "idle" ? navigation.formData?.get("intent") : null;
  const errorsOf = (intent: string): Record<string, string[]> =>
    reply && reply.intent === intent ? (reply.errors as Record<string, string[]>) : {};
  const valuesOf = (intent: string): Record<string, string> =>
    reply && reply.intent === intent ? (reply.values as Record<string, string>) : {};
  const phaseErrors = errorsOf("close-phase");
  const phaseValues = valuesOf("close-phase");
  const endErrors = errorsOf("end");
  const endValues = valuesOf("end");
  const open = d.phases.filter((p) => !p.closed);
  const recorded = params.get("recorded");
  // the end's date follows the kind chosen until one is typed: the agreement's end date for an expiry, today for a termination
  const [kind, setKind] = useState(endValues.kind ?? "termination");
  const [endDate, setEndDate] = useState<string | null>(endValues.effectiveDate ?? null);
  const unknownIntent = reply && reply.intent !== "close-phase" && reply.intent !== "end";
  return (
    <>
      {recorded !== null ? (
        <p className="flash">{t("destruction.milestones.recorded", { count: Number(recorded) || 0 })}</p>
      ) : null}
      <div className="page-head">
        <h1>{t("destruction.milestones.title", { reference: d.agreement.reference })}</h1>
        <Link className="button secondary" to={`/procurement/agreements/${d.agreement.id}?tab=lifecycle`}>
          {t("destruction.milestones.back")}
        </Link>
      </div>
      <p className="muted">
        {t("destruction.milestones.intro", {
          days: d.agreement.destroyWithinDays,
          certificate: d.agreement.certificateRequired ? "yes" : "no",
        })}
      </p>
      {unknownIntent ? <FormError messages={(reply.errors as Record<string, string[]>)[""]} /> : null}
      {d.end ? (
        <section className="card form-section" data-testid="milestone-ended">
          <h2>{t("destruction.milestones.endedHeading")}</h2>
          <p>
            {t("destruction.milestones.ended", {
              kind: d.end.kind,
              date: format.day(d.end.effectiveDate),
              by: d.end.recordedByName,
              at: format.moment(d.end.recordedAt),
              due: format.day(d.end.dueDate),
            })}
          </p>
        </section>
      ) : null}
      <section className="card form-section" aria-labelledby="close-phase-heading">
        <h2 id="close-phase-heading">{t("destruction.milestones.closeHeading")}</h2>
        {d.phases.length === 0 ? <p className="empty">{t("destruction.milestones.noPhases")}</p> : null}
        {d.phases.some((p) => p.closed) ? (
          <ul>
            {d.phases
              .filter((p) => p.closed)
              .map((p) => (
                <li key={p.key}>
                  {t("destruction.milestones.phaseClosed", {
                    phase: p.name,
                    date: format.day(p.closed!.effectiveDate),
                    by: p.closed!.recordedByName,
                    due: format.day(p.closed!.dueDate),
                  })}
                </li>
              ))}
          </ul>
        ) : null}
        {open.length > 0 && !d.end ? (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="close-phase" />
            <FormError messages={phaseErrors[""]} />
            <SelectField
              label={t("destruction.milestones.phase")}
              errors={phaseErrors.phaseKey}
              selectProps={{ name: "phaseKey", defaultValue: phaseValues.phaseKey ?? "", required: true }}
            >
              <option value="">{t("destruction.milestones.choosePhase")}</option>
              {open.map((p) => (
                <option key={p.key} value={p.key}>
                  {p.name} ({p.classes.map((c) => t(`labels.class.${c}`)).join(", ")})
                </option>
              ))}
            </SelectField>
            <Field
              label={t("destruction.milestones.effectiveDate")}
              errors={phaseErrors.effectiveDate}
              inputProps={{
                name: "effectiveDate",
                type: "date",
                min: d.agreement.effectiveDate,
                max: d.today,
                defaultValue: phaseValues.effectiveDate ?? d.today,
                required: true,
              }}
            />
            <TextareaField
              label={t("destruction.milestones.note")}
              errors={phaseErrors.note}
              textareaProps={{ name: "note", rows: 3, maxLength: MILESTONE_NOTE_MAX, defaultValue: phaseValues.note }}
            />
            <Confirm errors={phaseErrors.confirm} label={t("destruction.milestones.confirmPhase")} />
            <button type="submit" disabled={busyIntent != null}>
              {busyIntent === "close-phase"
                ? t("destruction.milestones.recording")
                : t("destruction.milestones.closePhase")}
            </button>
          </Form>
        ) : null}
      </section>
      {d.end ? null : (
        <section className="card form-section" aria-labelledby="end-heading">
          <h2 id="end-heading">{t("destruction.milestones.endHeading")}</h2>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="end" />
            <FormError messages={endErrors[""]} />
            <fieldset className="field">
              <legend>{t("destruction.milestones.kind")}</legend>
              {(["termination", "expiry"] as const).map((k) => (
                <label key={k} className="check">
                  <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />{" "}
                  {t(`destruction.kind.${k}`)}
                </label>
              ))}
              <ErrorList errors={endErrors.kind} />
            </fieldset>
            <Field
              label={t("destruction.milestones.effectiveDate")}
              errors={endErrors.effectiveDate}
              hint={t("destruction.milestones.endDateHint", {
                end: format.day(d.agreement.endDate),
                today: format.day(d.today),
              })}
              inputProps={{
                name: "effectiveDate",
                type: "date",
                min: d.agreement.effectiveDate,
                max: d.today,
                value: endDate ?? (kind === "expiry" ? d.agreement.endDate : d.today),
                onChange: (e) => setEndDate(e.currentTarget.value),
                required: true,
              }}
            />
            <TextareaField
              label={t("destruction.milestones.note")}
              errors={endErrors.note}
              textareaProps={{ name: "note", rows: 3, maxLength: MILESTONE_NOTE_MAX, defaultValue: endValues.note }}
            />
            <Confirm errors={endErrors.confirm} label={t("destruction.milestones.confirmEnd")} />
            <button type="submit" disabled={busyIntent != null}>
              {busyIntent === "end" ? t("destruction.milestones.recording") : t("destruction.milestones.recordEnd")}
            </button>
          </Form>
        </section>
      )}
    </>
  );
}

function Confirm({ label, errors }: { label: string; errors?: string[] }) {
  return (
    <div className="field">
      <label className="check">
        <input type="checkbox" name="confirm" value="on" required aria-invalid={errors?.length ? true : undefined} />{" "}
        {label}
      </label>
      <ErrorList errors={errors} />
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
