import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { titleOf } from "#app/i18n/meta";
import { Link, useLoaderData } from "@remix-run/react";
import { ListTable } from "#app/components/list-table";
import { requireUser } from "#app/features/accounts/auth.server";
import { outboxPage } from "#app/features/accounts/administration.server";
import { useFormat, useT } from "#app/i18n/react";

export const meta: MetaFunction = ({ matches }) => [{ title: titleOf(matches, "common.nav.outbox") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "admin" });
  return outboxPage(new URL(request.url).searchParams.get("before"));
}

const TONE: Record<string, string> = { sent: "ok", logged: "info", queued: "none", failed: "bad" };

export default function OutboxPage() {
  const { rows, next, smtp } = useLoaderData<typeof loader>();
  const t = useT();
  const format = useFormat();
  return (
    <>
      <h1>{t("common.nav.outbox")}</h1>
      <p className="muted">{smtp ? t("admin.outbox.smtp") : t("admin.outbox.noSmtp")}</p>
      <ListTable
        rows={rows}
        rowKey={(r) => r.id}
        empty={t("admin.outbox.empty")}
        columns={[
          { header: t("admin.column.when"), cell: (r) => format.moment(r.createdAt) },
          { header: t("admin.column.to"), cell: (r) => r.to },
          {
            header: t("admin.column.message"),
            cell: (r) => (
              <details>
                <summary>
                  {r.subject} <span className="muted">({r.kind})</span>
                </summary>
                <pre className="mail-text">{r.text}</pre>
              </details>
            ),
          },
          {
            header: t("admin.column.status"),
            cell: (r) => (
              <>
                <span className={`badge ${TONE[r.status] ?? "none"}`}>
                  {t("admin.outbox.status", { status: r.status })}
                </span>
                {r.error ? <div className="muted">{r.error}</div> : null}
              </>
            ),
          },
        ]}
      />
      {next ? (
        <p>
          <Link to={`?before=${next}`}>{t("admin.outbox.older")}</Link>
        </p>
      ) : null}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
