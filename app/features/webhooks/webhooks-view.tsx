import { Form, Link } from "@remix-run/react";
import { ErrorList, Field, FormError } from "#app/components/forms";
import { ListTable } from "#app/components/list-table";
import { useFormat, useT } from "#app/i18n/react";
import type { webhookPage } from "./endpoints.server";

type Page = Awaited<ReturnType<typeof webhookPage>>;
type Endpoint = Page["endpoints"][number];
export type WebhookActionData =
  | { secret: { value: string; url: string; rotated: boolean } }
  | { errors: Record<string, string[]>; values?: Record<string, string | string[]> };

/** The signing secret, on the answer to the form that made it and never again. */
function ShownSecret({ secret }: { secret: { value: string; url: string; rotated: boolean } }) {
  const t = useT();
  return (
    <section className="card form-section" aria-labelledby="secret-heading" role="status">
      <h2 id="secret-heading">{t(secret.rotated ? "webhooks.secret.rotatedHeading" : "webhooks.secret.heading")}</h2>
      <p>{t("webhooks.secret.body", { url: secret.url })}</p>
      <Field
        label={t("webhooks.secret.label")}
        inputProps={{
          id: "new-secret",
          readOnly: true,
          value: secret.value,
          dir: "ltr",
          autoComplete: "off",
          spellCheck: false,
        }}
      />
    </section>
  );
}

function EndpointActions({ endpoint }: { endpoint: Endpoint }) {
  const t = useT();
  return (
    <div className="webhook-actions">
      <Link className="button secondary small" to={`?endpoint=${endpoint.id}#log-heading`}>
        {t("webhooks.log.open")}
      </Link>
      <Form method="post" style={{ display: "inline" }}>
        <input type="hidden" name="endpointId" value={endpoint.id} />
        <button
          type="submit"
          name="intent"
          value="rotate"
          className="secondary small"
          aria-label={t("webhooks.rotateLabel", { url: endpoint.url })}
          onClick={(e) => !confirm(t("webhooks.rotate.confirm", { url: endpoint.url })) && e.preventDefault()}
        >
          {t("webhooks.rotate")}
        </button>{" "}
        {endpoint.enabled ? (
          <button
            type="submit"
            name="intent"
            value="disable"
            className="secondary small"
            aria-label={t("webhooks.disableLabel", { url: endpoint.url })}
            onClick={(e) => !confirm(t("webhooks.disable.confirm", { url: endpoint.url })) && e.preventDefault()}
          >
            {t("webhooks.disable")}
          </button>
        ) : (
          <button
            type="submit"
            name="intent"
            value="enable"
            className="secondary small"
            aria-label={t("webhooks.enableLabel", { url: endpoint.url })}
          >
            {t("webhooks.enable")}
          </button>
        )}
      </Form>
      <details className="inline-form">
        <summary>{t("webhooks.delete")}</summary>
        <Form method="post">
          <input type="hidden" name="intent" value="delete" />
          <input type="hidden" name="endpointId" value={endpoint.id} />
          <label className="check">
            <input type="checkbox" name="confirm" value="delete" required />{" "}
            {t("webhooks.delete.confirm", { url: endpoint.url })}
          </label>
          <button type="submit" className="secondary small">
            {t("webhooks.delete.submit")}
          </button>
        </Form>
      </details>
    </div>
  );
}

function DeliveryLog({ log }: { log: NonNullable<Page["log"]> }) {
  const t = useT();
  const format = useFormat();
  return (
    <section className="card form-section" aria-labelledby="log-heading">
      <h2 id="log-heading" className="webhook-url">
        {t("webhooks.log.heading", { url: log.url })}
      </h2>
      <ListTable
        label={t("webhooks.log.label")}
        data-testid="webhook-deliveries"
        rows={log.deliveries}
        rowKey={(d) => d.id}
        empty={t("webhooks.log.empty")}
        columns={[
          { header: t("webhooks.col.event"), cell: (d) => <code dir="ltr">{d.type}</code> },
          { header: t("webhooks.col.eventId"), cell: (d) => <code dir="ltr">{d.eventId}</code> },
          { header: t("webhooks.col.time"), cell: (d) => format.moment(d.createdAt) },
          { header: t("webhooks.col.attempts"), cell: (d) => d.attempts },
          {
            header: t("webhooks.col.status"),
            cell: (d) =>
              d.round ? t("webhooks.status.resent", { status: d.status }) : t(`webhooks.status.${d.status}`),
          },
          {
            header: t("webhooks.col.response"),
            cell: (d) => d.lastStatusCode ?? (d.lastError ? <span dir="ltr">{d.lastError}</span> : "–"),
          },
          {
            header: t("webhooks.col.nextRetry"),
            cell: (d) => (d.nextAttemptAt ? format.moment(d.nextAttemptAt) : "–"),
          },
          {
            header: t("webhooks.col.actions"),
            cell: (d) =>
              d.status === "pending" ? null : (
                <Form method="post" style={{ display: "inline" }}>
                  <input type="hidden" name="intent" value="resend" />
                  <input type="hidden" name="endpointId" value={log.endpointId} />
                  <input type="hidden" name="deliveryId" value={d.id} />
                  <button
                    type="submit"
                    className="secondary small"
                    aria-label={t("webhooks.resendLabel", { id: d.eventId })}
                  >
                    {t("webhooks.resend")}
                  </button>
                </Form>
              ),
          },
        ]}
      />
    </section>
  );
}

export function WebhookSection({ page, actionData }: { page: Page; actionData: WebhookActionData | undefined }) {
  const t = useT();
  const errors = actionData && "errors" in actionData ? actionData.errors : {};
  const values = actionData && "errors" in actionData ? (actionData.values ?? {}) : {};
  const one = (name: string) => (typeof values[name] === "string" ? values[name] : "");
  const checked = new Set(Array.isArray(values.events) ? values.events : []);
  return (
    <>
      {actionData && "secret" in actionData ? <ShownSecret secret={actionData.secret} /> : null}
      <section className="card form-section" aria-labelledby="endpoints-heading">
        <h2 id="endpoints-heading">{t("webhooks.list.heading")}</h2>
        <FormError messages={values.intent && values.intent !== "create" ? errors[""] : null} />
        <ListTable
          label={t("webhooks.list.heading")}
          data-testid="webhook-endpoints"
          rows={page.endpoints}
          rowKey={(e) => e.id}
          empty={t("webhooks.list.empty")}
          columns={[
            {
              header: t("webhooks.col.url"),
              cell: (e) => (
                <>
                  <code dir="ltr" className="webhook-url">
                    {e.url}
                  </code>
                  {e.description ? <div className="muted">{e.description}</div> : null}
                </>
              ),
            },
            { header: t("webhooks.col.events"), cell: (e) => t("webhooks.eventCount", { count: e.events.length }) },
            { header: t("webhooks.col.secret"), cell: (e) => <code dir="ltr">{e.secretHint}</code> },
            {
              header: t("webhooks.col.state"),
              cell: (e) => t(e.enabled ? "webhooks.state.enabled" : "webhooks.state.disabled"),
            },
            { header: t("webhooks.col.actions"), cell: (e) => <EndpointActions endpoint={e} /> },
          ]}
        />
      </section>
      {page.log ? <DeliveryLog log={page.log} /> : null}
      <Form method="post" className="card form-section" noValidate aria-labelledby="create-heading">
        <h2 id="create-heading">{t("webhooks.create.heading")}</h2>
        <input type="hidden" name="intent" value="create" />
        <FormError messages={values.intent === "create" ? errors[""] : null} />
        <Field
          label={t("webhooks.field.url")}
          hint={t("webhooks.field.urlHint")}
          errors={errors.url}
          inputProps={{
            name: "url",
            type: "url",
            required: true,
            maxLength: 2000,
            dir: "ltr",
            defaultValue: one("url"),
          }}
        />
        <Field
          label={t("webhooks.field.description")}
          errors={errors.description}
          inputProps={{ name: "description", maxLength: 200, defaultValue: one("description") }}
        />
        <fieldset className="checks" aria-describedby={errors.events?.length ? "events-error" : undefined}>
          <legend>{t("webhooks.field.events")}</legend>
          {page.eventTypes.map((type) => (
            <label key={type} className="check">
              <input type="checkbox" name="events" value={type} defaultChecked={checked.has(type)} />{" "}
              {t(`webhooks.event.${type}`)} <code dir="ltr">{type}</code>
            </label>
          ))}
          <ErrorList id="events-error" errors={errors.events ?? errors["events.0"]} />
        </fieldset>
        <button type="submit">{t("webhooks.create.submit")}</button>
      </Form>
      <p>
        <Link to="/api/v1/docs#webhooks">{t("webhooks.docsLink")}</Link>
      </p>
    </>
  );
}
