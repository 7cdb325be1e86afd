import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorList, Field, SelectField, TextareaField } from "#app/components/forms";
import { requireUser } from "#app/features/accounts/auth.server";
import {
  addFinding,
  auditPage,
  closeFinding,
  CloseSchema,
  FindingSchema,
  OutcomeSchema,
  recordOutcome,
  requireAuditAccess,
} from "#app/features/audits/audits.server";
import {
  DESCRIPTION_MAX,
  NOTE_MAX,
  OUTCOMES as AUDIT_OUTCOMES,
  SEVERITIES as FINDING_SEVERITIES,
  SUMMARY_MAX,
} from "#app/features/audits/audit-rules";
import { FindingState } from "#app/features/audits/audits-view";
import { publicOrigin } from "#app/lib/env.server";
import { fieldErrors } from "#app/lib/forms.server";
import { notFound } from "#app/lib/http.server";
import { titleOf } from "#app/i18n/meta";
import { useFormat, useT } from "#app/i18n/react";

export const meta: MetaFunction = ({ matches }) => [{ title: titleOf(matches, "audits.detail.meta") }];

function roleOf(role: string | undefined): "procurement" | "discloser" {
  if (role !== "procurement" && role !== "discloser") notFound();
  return role;
}

/** One audit: its outcome and findings, recorded by the auditing organisation. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: roleOf(params.role) });
  return auditPage(user, params.id, params.auditId);
}

const field = (form: FormData, name: string) => String(form.get(name) ?? "");

export async function action({ request, params }: ActionFunctionArgs) {
  const role = roleOf(params.role);
  const user = await requireUser(request, { role });
  await requireAuditAccess(user, params.id, params.auditId ?? "");
  const form = await request.formData();
  const intent = field(form, "intent");
  const here = `/${role}/agreements/${params.id ?? ""}/audits/${params.auditId ?? ""}`;
  const fail = (errors: Record<string, string[]>, values: Record<string, string>) =>
    data({ intent, errors, values }, { status: 400 });
  switch (intent) {
    case "outcome": {
      const values = {
        outcome: field(form, "outcome"),
        completedOn: field(form, "completedOn"),
        summary: field(form, "summary"),
      };
      const parsed = OutcomeSchema.safeParse(values);
      if (!parsed.success) return fail(fieldErrors(parsed.error), values);
      const result = await recordOutcome(user, params.id, params.auditId, parsed.data, request);
      if (!result.ok) return fail(result.errors, values);
      return redirect(`${here}?recorded=1`);
    }
    case "finding": {
      const values = {
        requirementId: field(form, "requirementId"),
        severity: field(form, "severity"),
        description: field(form, "description"),
        dueDate: field(form, "dueDate"),
      };
      const parsed = FindingSchema.safeParse(values);
      if (!parsed.success) return fail(fieldErrors(parsed.error), values);
      const result = await addFinding(user, params.id, params.auditId, parsed.data, request, publicOrigin(request));
      if (!result.ok) return fail(result.errors, values);
      return redirect(`${here}?added=1`);
    }
    case "close": {
      const values = { findingId: field(form, "findingId"), note: field(form, "note") };
      const parsed = CloseSchema.safeParse(values);
      if (!parsed.success) return fail(fieldErrors(parsed.error), values);
      const result = await closeFinding(user, params.id, params.auditId, parsed.data, request);
      if (!result.ok) return fail(result.errors, values);
      return redirect(`${here}?closed=1`);
    }
    default:
      return fail({ "": ["Unknown action"] }, {});
  }
}

export default function AuditPage() {
  const { role, agreement, audit, requirements, today, canRecord, canClose } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const t = useT();
  const format = useFormat();
  const errorsOf = (intent: string): Record<string, string[]> =>
    actionData?.intent === intent ? (actionData.errors as Record<string, string[]>) : {};
  const valuesOf = (intent: string): Record<string, string> =>
    actionData?.intent === intent ? (actionData.values as Record<string, string>) : {};
  const outcome = { errors: errorsOf("outcome"), values: valuesOf("outcome") };
  const finding = { errors: errorsOf("finding"), values: valuesOf("finding") };
  const close = { errors: errorsOf("close"), values: valuesOf("close") };
  return (
    <>
      {params.get("recorded") ? <p className="flash">{t("audits.flash.recorded")}</p> : null}
      {params.get("added") ? <p className="flash">{t("audits.flash.added")}</p> : null}
      {params.get("closed") ? <p className="flash">{t("audits.flash.closed")}</p> : null}
      <p>
        <Link to={`/${role}/agreements/${agreement.id}/audits`}>
          {t("audits.detail.back", { reference: agreement.reference })}
        </Link>
      </p>
      <h1>{t("audits.detail.title", { supplier: audit.supplier, date: format.day(audit.scheduledFor) })}</h1>
      <dl className="facts">
        <dt>{t("audits.column.auditor")}</dt>
        <dd>{audit.auditor}</dd>
        <dt>{t("audits.column.notice")}</dt>
        <dd>
          {audit.afterIncident
            ? t("audits.notice.afterIncident", { date: format.day(audit.noticeGivenOn) })
            : format.day(audit.noticeGivenOn)}
        </dd>
        <dt>{t("audits.field.scope")}</dt>
        <dd>{audit.scope}</dd>
        <dt>{t("audits.column.status")}</dt>
        <dd data-testid="audit-status">{t(`audits.status.${audit.status}`)}</dd>
        {audit.outcome ? (
          <>
            <dt>{t("audits.column.outcome")}</dt>
            <dd>
              {t(`audits.outcome.${audit.outcome}`)}
              {audit.completedOn ? ` (${format.day(audit.completedOn)})` : null}
            </dd>
            <dt>{t("audits.field.summary")}</dt>
            <dd>{audit.summary}</dd>
          </>
        ) : null}
      </dl>
      {canRecord ? (
        <Form method="post" className="card form-section" noValidate>
          <h2>{t("audits.detail.outcomeHeading")}</h2>
          <input type="hidden" name="intent" value="outcome" />
          <ErrorList errors={outcome.errors[""]} />
          <SelectField
            label={t("audits.column.outcome")}
            errors={outcome.errors.outcome}
            selectProps={{
              name: "outcome",
              defaultValue: outcome.values.outcome ?? audit.outcome ?? "",
              required: true,
            }}
          >
            <option value="">{t("audits.field.choose")}</option>
            {AUDIT_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`audits.outcome.${o}`)}
              </option>
            ))}
          </SelectField>
          <Field
            label={t("audits.field.completedOn")}
            errors={outcome.errors.completedOn}
            inputProps={{
              name: "completedOn",
              type: "date",
              max: today,
              defaultValue: outcome.values.completedOn ?? audit.completedOn ?? "",
              required: true,
            }}
          />
          <TextareaField
            label={t("audits.field.summary")}
            errors={outcome.errors.summary}
            textareaProps={{
              name: "summary",
              rows: 4,
              maxLength: SUMMARY_MAX,
              defaultValue: outcome.values.summary ?? audit.summary,
              required: true,
            }}
          />
          <button type="submit" disabled={busy}>
            {busy ? t("audits.action.saving") : t("audits.action.recordOutcome")}
          </button>
        </Form>
      ) : null}
      <section className="card form-section">
        <h2>{t("audits.findings.heading")}</h2>
        <ErrorList errors={close.errors[""]} />
        {audit.findings.length === 0 ? <p className="empty">{t("audits.findings.none")}</p> : null}
        {audit.findings.map((f) => (
          <article key={f.id} className="finding" data-testid="finding">
            <h3>
              {f.requirementId} {f.requirementTitle}
            </h3>
            <p>
              {t(`audits.severity.${f.severity}`)} · {t("audits.findings.due", { date: format.day(f.dueDate) })} ·{" "}
              <FindingState f={f} />
            </p>
            <p>{f.description}</p>
            {f.response ? (
              <p>
                <strong>{t("audits.findings.response")}</strong> {f.response}
              </p>
            ) : (
              <p className="muted">{t("audits.findings.noResponse")}</p>
            )}
            {f.state === "closed" ? (
              <p>
                <strong>{t("audits.findings.closedOn", { date: format.day(f.closedOn ?? "") })}</strong> {f.closingNote}
              </p>
            ) : canClose ? (
              <Form
                method="post"
                noValidate
                onSubmit={(e) =>
                  !confirm(t("audits.confirm.close", { requirement: f.requirementId })) && e.preventDefault()
                }
              >
                <input type="hidden" name="intent" value="close" />
                <input type="hidden" name="findingId" value={f.id} />
                <TextareaField
                  label={t("audits.field.note")}
                  errors={close.values.findingId === f.id ? close.errors.note : undefined}
                  textareaProps={{
                    name: "note",
                    rows: 2,
                    maxLength: NOTE_MAX,
                    defaultValue: close.values.findingId === f.id ? close.values.note : "",
                    required: true,
                  }}
                />
                <button type="submit" className="secondary" disabled={busy}>
                  {busy ? t("audits.action.saving") : t("audits.action.close")}
                </button>
              </Form>
            ) : null}
          </article>
        ))}
      </section>
      {canRecord && audit.status === "completed" ? (
        <Form method="post" className="card form-section" noValidate>
          <h2>{t("audits.detail.findingHeading")}</h2>
          <input type="hidden" name="intent" value="finding" />
          <ErrorList errors={finding.errors[""]} />
          <SelectField
            label={t("audits.column.requirement")}
            errors={finding.errors.requirementId}
            selectProps={{ name: "requirementId", defaultValue: finding.values.requirementId ?? "", required: true }}
          >
            <option value="">{t("audits.field.choose")}</option>
            {requirements.map((r) => (
              <option key={r.id} value={r.id}>
                {r.id} {r.title}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("audits.column.severity")}
            errors={finding.errors.severity}
            selectProps={{ name: "severity", defaultValue: finding.values.severity ?? "", required: true }}
          >
            <option value="">{t("audits.field.choose")}</option>
            {FINDING_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`audits.severity.${s}`)}
              </option>
            ))}
          </SelectField>
          <TextareaField
            label={t("audits.field.description")}
            errors={finding.errors.description}
            textareaProps={{
              name: "description",
              rows: 3,
              maxLength: DESCRIPTION_MAX,
              defaultValue: finding.values.description ?? "",
              required: true,
            }}
          />
          <Field
            label={t("audits.column.due")}
            errors={finding.errors.dueDate}
            inputProps={{ name: "dueDate", type: "date", defaultValue: finding.values.dueDate ?? "", required: true }}
          />
          <button type="submit" disabled={busy}>
            {busy ? t("audits.action.saving") : t("audits.action.addFinding")}
          </button>
        </Form>
      ) : null}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
