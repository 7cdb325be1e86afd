import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ListTable } from "#app/components/list-table";
import { requireUser } from "#app/features/accounts/auth.server";
import { outboxPage } from "#app/features/accounts/administration.server";

export const meta: MetaFunction = () => [{ title: "Outbox · Flowdown" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "admin" });
  return outboxPage(new URL(request.url).searchParams.get("before"));
}

const TONE: Record<string, string> = { sent: "ok", logged: "info", queued: "none", failed: "bad" };

export default function OutboxPage() {
  const { rows, next, smtp } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Outbox</h1>
      <p className="muted">
        {smtp
          ? "Every message the portal sends, as sent through SMTP_URL."
          : "SMTP_URL is not set, so messages are not sent: they are kept here (and in the server log) for you to pass on."}
      </p>
      <ListTable
        rows={rows}
        rowKey={(r) => r.id}
        empty="No messages yet."
        columns={[
          { header: "When (UTC)", cell: (r) => r.createdAt.slice(0, 16).replace("T", " ") },
          { header: "To", cell: (r) => r.to },
          {
            header: "Message",
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
            header: "Status",
            cell: (r) => (
              <>
                <span className={`badge ${TONE[r.status] ?? "none"}`}>{r.status}</span>
                {r.error ? <div className="muted">{r.error}</div> : null}
              </>
            ),
          },
        ]}
      />
      {next ? (
        <p>
          <Link to={`?before=${next}`}>Older messages</Link>
        </p>
      ) : null}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
