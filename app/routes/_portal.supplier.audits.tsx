import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorList, TextareaField } from "#app/components/forms";
import { requireUser } from "#app/features/accounts/auth.server";
import { AnswerSchema, answerFinding, supplierAuditsPage } from "#app/features/audits/audits.server";
import { RESPONSE_MAX } from "#app/features/audits/audit-rules";
import { FindingState } from "#app/features/audits/audits-view";
import { ListTable } from "#app/components/list-table";
import { publicOrigin } from "#app/lib/env.server";
import { fieldErrors } from "#app/lib/forms.server";
import { titleOf } from "#app/i18n/meta";
import { useFormat, useT } from "#app/i18n/react";

export const meta: MetaFunction = ({ matches }) => [{ title: titleOf(matches, "audits.nav") }];

/** The supplier's audits under its agreements, and the findings it answers. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "supplier" });
  return supplierAuditsPage(user);
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "supplier" });
  const form = await request.formData();
  const values = { findingId: String(form.get("findingId") ?? ""), response: String(form.get("response") ?? "") };
  const parsed = AnswerSchema.safeParse(values);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const result = await answerFinding(user, parsed.data, request, publicOrigin(request));
  if (!result.ok) return data({ errors: result.errors, values }, { status: 400 });
  return redirect("/supplier/audits?answered=1");
}

export default function SupplierAuditsPage() {
  const { audits } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const t = useT();
  const format = useFormat();
  const open = audits.flatMap((a) =>
    a.findings
      .filter((f) => f.state !== "closed")
      .map((f) => ({ ...f, agreementRef: a.agreementRef, auditor: a.auditor })),
  );
  return (
    <>
      {params.get("answered") ? <p className="flash">{t("audits.flash.answered")}</p> : null}
      <h1>{t("audits.supplier.title")}</h1>
      <p className="muted">{t("audits.supplier.intro")}</p>
      <section className="card form-section">
        <h2>{t("audits.supplier.audits")}</h2>
        <ListTable
          data-testid="supplier-audits"
          label={t("audits.supplier.audits")}
          rows={audits}
          rowKey={(a) => a.id}
          empty={t("audits.list.none")}
          columns={[
            { header: t("audits.column.agreement"), cell: (a) => a.agreementRef },
            { header: t("audits.column.auditor"), cell: (a) => a.auditor },
            { header: t("audits.column.date"), className: "nowrap", cell: (a) => format.day(a.scheduledFor) },
            { header: t("audits.field.scope"), cell: (a) => a.scope },
            { header: t("audits.column.status"), cell: (a) => t(`audits.status.${a.status}`) },
            { header: t("audits.column.outcome"), cell: (a) => (a.outcome ? t(`audits.outcome.${a.outcome}`) : "") },
          ]}
        />
      </section>
      <section className="card form-section">
        <h2>{t("audits.supplier.openFindings")}</h2>
        {open.length === 0 ? <p className="empty">{t("audits.findings.none")}</p> : null}
        {open.map((f) => {
          const mine = actionData?.values.findingId === f.id;
          return (
            <article key={f.id} className="finding" data-testid="finding">
              <h3>
                {f.requirementId} {f.requirementTitle}
              </h3>
              <p>
                {f.agreementRef} · {f.auditor} · {t(`audits.severity.${f.severity}`)} ·{" "}
                {t("audits.findings.due", { date: format.day(f.dueDate) })} · <FindingState f={f} />
              </p>
              <p>{f.description}</p>
              <Form method="post" noValidate>
                <input type="hidden" name="findingId" value={f.id} />
                {mine ? <ErrorList errors={actionData?.errors[""]} /> : null}
                <TextareaField
                  label={t("audits.field.response")}
                  errors={mine ? actionData?.errors.response : undefined}
                  textareaProps={{
                    name: "response",
                    rows: 3,
                    maxLength: RESPONSE_MAX,
                    defaultValue: mine ? actionData?.values.response : f.response,
                    required: true,
                  }}
                />
                <button type="submit" disabled={busy}>
                  {busy ? t("audits.action.saving") : t("audits.action.answer")}
                </button>
              </Form>
            </article>
          );
        })}
      </section>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
