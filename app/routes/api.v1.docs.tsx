import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ListTable } from "#app/components/list-table";
import { apiReference } from "#app/features/api/reference.server";
import { WEBHOOK_VERIFY_SNIPPET } from "#app/features/webhooks/verify-snippet";
import { titleOf } from "#app/i18n/meta";
import { useT } from "#app/i18n/react";

export const meta: MetaFunction = ({ matches }) => [{ title: titleOf(matches, "api.docs.title") }];

/** The API's reference, public like the OpenAPI document it renders. */
export function loader() {
  return apiReference();
}

export default function ApiReferencePage() {
  const ref = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <main className="api-reference">
      <h1>{t("api.docs.title")}</h1>
      <p>{t.rich("api.docs.intro", { link: (chunks) => <a href="/api/v1/openapi.json">{chunks}</a> })}</p>
      <h2>{t("api.docs.auth.heading")}</h2>
      <p>{t.rich("api.docs.auth.body", { code: (chunks) => <code dir="ltr">{chunks}</code> })}</p>
      <h2>{t("api.docs.limits.heading")}</h2>
      <p>{t("api.docs.limits.body", { max: ref.rateLimit })}</p>
      <p>{t("api.docs.caching.body")}</p>
      <h2>{t("api.docs.problems.heading")}</h2>
      <p>{t.rich("api.docs.problems.body", { code: (chunks) => <code dir="ltr">{chunks}</code> })}</p>
      <ul>
        {ref.problems.map((p) => (
          <li key={p.kind} id={`problem-${p.kind}`} dir="ltr">
            <code>{p.status}</code> <span lang="en">{p.title}</span>
          </li>
        ))}
      </ul>
      <h2>{t("api.docs.operations.heading")}</h2>
      {ref.operations.map((op) => (
        <section key={op.id} id={op.id} className="card" aria-labelledby={`${op.id}-heading`}>
          <h3 id={`${op.id}-heading`} dir="ltr">
            <code>
              {op.method} {op.path}
            </code>
          </h3>
          {/* the API's own descriptions are in English, as is the OpenAPI document */}
          <p lang="en">{op.summary}</p>
          <p lang="en">{op.description}</p>
          <h4>{t("api.docs.parameters")}</h4>
          <ListTable
            label={t("api.docs.parameters")}
            rows={op.parameters}
            rowKey={(p) => `${p.in}:${p.name}`}
            empty={t("api.docs.noParameters")}
            columns={[
              { header: t("api.docs.col.name"), cell: (p) => <code>{p.name}</code> },
              { header: t("api.docs.col.in"), cell: (p) => <code>{p.in}</code> },
              { header: t("api.docs.col.required"), cell: (p) => (p.required ? t("api.docs.yes") : t("api.docs.no")) },
              { header: t("api.docs.col.schema"), cell: (p) => <code dir="ltr">{p.schema}</code> },
              { header: t("api.docs.col.description"), cell: (p) => <span lang="en">{p.description}</span> },
            ]}
          />
          {op.body ? (
            <>
              <h4 id={`${op.id}-body`}>{t("api.docs.body")}</h4>
              <pre dir="ltr" tabIndex={0} role="region" aria-labelledby={`${op.id}-body`}>
                {op.body}
              </pre>
            </>
          ) : null}
          <h4>{t("api.docs.responses")}</h4>
          <ul lang="en">
            {op.responses.map((r) => (
              <li key={r.status}>
                <code>{r.status}</code> {r.description}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <section id="webhooks" aria-labelledby="webhooks-heading">
        <h2 id="webhooks-heading">{t("webhooks.docs.heading")}</h2>
        <p>{t.rich("webhooks.docs.body", { code: (chunks) => <code dir="ltr">{chunks}</code> })}</p>
        <p>{t("webhooks.docs.retries")}</p>
        <p id="webhooks-verify">{t("webhooks.docs.verify")}</p>
        <pre dir="ltr" tabIndex={0} role="region" aria-labelledby="webhooks-verify">
          {WEBHOOK_VERIFY_SNIPPET}
        </pre>
      </section>
      <h2>{t("api.docs.schemas.heading")}</h2>
      {ref.schemas.map((s) => (
        <section key={s.id} id={`schema-${s.id}`} aria-labelledby={`schema-${s.id}-heading`}>
          <h3 id={`schema-${s.id}-heading`}>
            <code>{s.id}</code>
          </h3>
          <pre dir="ltr" tabIndex={0} role="region" aria-labelledby={`schema-${s.id}-heading`}>
            {s.json}
          </pre>
        </section>
      ))}
    </main>
  );
}

export { CenteredErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
