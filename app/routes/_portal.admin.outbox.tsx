import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
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
      {rows.length === 0 ? (
        <p className="empty">No messages yet.</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th>When (UTC)</th>
              <th>To</th>
              <th>Message</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{r.createdAt.slice(0, 16).replace("T", " ")}</td>
                <td>{r.to}</td>
                <td>
                  <details>
                    <summary>
                      {r.subject} <span className="muted">({r.kind})</span>
                    </summary>
                    <pre className="mail-text">{r.text}</pre>
                  </details>
                </td>
                <td>
                  <span className={`badge ${TONE[r.status] ?? "none"}`}>{r.status}</span>
                  {r.error ? <div className="muted">{r.error}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next ? (
        <p>
          <Link to={`?before=${next}`}>Older messages</Link>
        </p>
      ) : null}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
