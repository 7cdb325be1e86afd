import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AuditTable } from "#app/features/audit/audit-table";
import { verifiedAuditTrail } from "#app/features/audit/audit-view.server";
import { requireUser } from "#app/features/accounts/auth.server";

export const meta: MetaFunction = () => [{ title: "Audit trail · Flowdown" }];

const LATEST = 100;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "admin" });
  return verifiedAuditTrail(LATEST);
}

const entries = (n: number) => `${n} ${n === 1 ? "entry" : "entries"}`;

export default function AdminAuditPage() {
  const { verification, checkedAt, rows } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Audit trail</h1>
      <section
        aria-labelledby="verification"
        data-testid="audit-verification"
        data-ok={verification.ok ? "true" : "false"}
      >
        <h2 id="verification">Verification</h2>
        {verification.ok ? (
          <p>
            <span className="badge ok">Intact</span> {entries(verification.checked)} checked: each follows the one
            before it and matches its hash (checked {checkedAt.slice(0, 19).replace("T", " ")} UTC).
          </p>
        ) : (
          <div role="alert">
            <p>
              <span className="badge bad">Broken</span> The chain of {entries(verification.checked)} does not verify:
              entries were removed or changed after they were written. Restore the trail from a backup and find out who
              had write access to the database.
            </p>
            <ul>
              {verification.problems.map((p, i) => (
                <li key={`${i}:${p}`}>{p}</li>
              ))}
            </ul>
            {verification.moreProblems > 0 ? <p className="muted">…and {verification.moreProblems} more.</p> : null}
          </div>
        )}
        <p className="muted small">
          The same check from a shell: <code>npm run audit:verify</code>.
        </p>
      </section>
      <h2>Latest {entries(rows.length)}</h2>
      <AuditTable rows={rows} />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
