import { Form, Link } from "@remix-run/react";
import { Field, FormError, SelectField } from "#app/components/forms";
import { ListTable } from "#app/components/list-table";
import { useFormat, useT } from "#app/i18n/react";
import type { tokenPage } from "./tokens.server";

type Page = Awaited<ReturnType<typeof tokenPage>>;
export type TokenActionData =
  | { created: { token: string; name: string; prefix: string; expiresAt: string } }
  | { errors: Record<string, string[]>; values?: Record<string, string> };

/** The new token, shown on the answer to the form that created it and never again. */
function CreatedToken({ created }: { created: { token: string; name: string; expiresAt: string } }) {
  const t = useT();
  const format = useFormat();
  return (
    <section className="card form-section" aria-labelledby="created-heading" role="status">
      <h2 id="created-heading">{t("api.tokens.created.heading")}</h2>
      <p>{t("api.tokens.created.body", { name: created.name, expires: format.day(created.expiresAt) })}</p>
      <Field
        label={t("api.tokens.created.label")}
        inputProps={{
          id: "new-token",
          readOnly: true,
          value: created.token,
          dir: "ltr",
          autoComplete: "off",
          spellCheck: false,
        }}
      />
    </section>
  );
}

export function TokenSection({ page, actionData }: { page: Page; actionData: TokenActionData | undefined }) {
  const t = useT();
  const format = useFormat();
  const errors = actionData && "errors" in actionData ? actionData.errors : {};
  const values = actionData && "errors" in actionData ? (actionData.values ?? {}) : {};
  return (
    <>
      {actionData && "created" in actionData ? <CreatedToken created={actionData.created} /> : null}
      <section className="card form-section" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">{t("api.tokens.list.heading")}</h2>
        <FormError messages={values.intent === "revoke" ? errors[""] : null} />
        <ListTable
          label={t("api.tokens.list.heading")}
          data-testid="api-tokens"
          rows={page.tokens}
          rowKey={(k) => k.prefix}
          empty={t("api.tokens.list.empty")}
          columns={[
            { header: t("api.tokens.col.name"), cell: (k) => k.name },
            { header: t("api.tokens.col.scope"), cell: (k) => t(`api.tokens.scope.${k.scope}`) },
            { header: t("api.tokens.col.prefix"), cell: (k) => <code dir="ltr">{`fd_${k.prefix}_…`}</code> },
            { header: t("api.tokens.col.expires"), cell: (k) => format.day(k.expiresAt) },
            {
              header: t("api.tokens.col.lastUsed"),
              cell: (k) => (k.lastUsedAt ? format.moment(k.lastUsedAt) : t("api.tokens.never")),
            },
            { header: t("api.tokens.col.state"), cell: (k) => t(`api.tokens.state.${k.state}`) },
            {
              header: t("api.tokens.col.actions"),
              cell: (k) =>
                k.state === "revoked" ? null : (
                  <Form
                    method="post"
                    style={{ display: "inline" }}
                    onSubmit={(e) => !confirm(t("api.tokens.confirmRevoke", { name: k.name })) && e.preventDefault()}
                  >
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="prefix" value={k.prefix} />
                    <button
                      type="submit"
                      className="secondary small"
                      aria-label={t("api.tokens.revokeLabel", { name: k.name })}
                    >
                      {t("api.tokens.revoke")}
                    </button>
                  </Form>
                ),
            },
          ]}
        />
      </section>
      {/* a new form once a token is made: the next one starts empty rather than with the last one's name */}
      <Form
        key={actionData && "created" in actionData ? actionData.created.prefix : "create"}
        method="post"
        className="card form-section"
        noValidate
        aria-labelledby="create-heading"
      >
        <h2 id="create-heading">{t("api.tokens.create.heading")}</h2>
        <input type="hidden" name="intent" value="create" />
        <FormError messages={values.intent === "create" ? errors[""] : null} />
        <Field
          label={t("api.tokens.field.name")}
          hint={t("api.tokens.field.nameHint")}
          errors={errors.name}
          inputProps={{ name: "name", required: true, maxLength: 100, defaultValue: values.name ?? "" }}
        />
        <SelectField
          label={t("api.tokens.field.scope")}
          errors={errors.scope}
          selectProps={{ name: "scope", defaultValue: values.scope ?? "read" }}
        >
          <option value="read">{t("api.tokens.scope.read")}</option>
          <option value="read-write">{t("api.tokens.scope.read-write")}</option>
        </SelectField>
        <SelectField
          label={t("api.tokens.field.lifetime")}
          errors={errors.expiresInDays}
          selectProps={{ name: "expiresInDays", defaultValue: values.expiresInDays ?? "90" }}
        >
          {page.lifetimes.map((days) => (
            <option key={days} value={days}>
              {t("api.tokens.lifetime", { days })}
            </option>
          ))}
        </SelectField>
        <button type="submit">{t("api.tokens.create.submit")}</button>
      </Form>
      <p>
        <Link to="/api/v1/docs">{t("api.tokens.docsLink")}</Link>
      </p>
    </>
  );
}
