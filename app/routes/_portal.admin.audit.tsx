import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { titleOf } from "#app/i18n/meta";
import { useLoaderData } from "@remix-run/react";
import { AuditTable } from "#app/features/audit/audit-table";
import { verifiedAuditTrail } from "#app/features/audit/audit-view.server";
import { requireUser } from "#app/features/accounts/auth.server";
import { useFormat, useT } from "#app/i18n/react";

export const meta: MetaFunction = ({ matches }) => [{ title: titleOf(matches, "common.nav.auditTrail") }];

const LATEST = 100;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "admin" });
  return verifiedAuditTrail(LATEST);
}

export default function AdminAuditPage() {
  const { verification, checkedAt, rows } = useLoaderData<typeof loader>();
  const t = useT();
  const format = useFormat();
  return (
    <>
      <h1>{t("common.nav.auditTrail")}</h1>
      <section
        aria-labelledby="verification"
        data-testid="audit-verification"
        data-ok={verification.ok ? "true" : "false"}
      >
        <h2 id="verification">{t("admin.audit.verification")}</h2>
        {verification.ok ? (
          <p>
            <span className="badge ok">{t("admin.audit.intact")}</span>{" "}
            {t("admin.audit.intactText", { count: verification.checked, at: format.moment(checkedAt) })}
          </p>
        ) : (
          <div role="alert">
            <p>
              <span className="badge bad">{t("admin.audit.broken")}</span>{" "}
              {t("admin.audit.brokenText", { count: verification.checked })}
            </p>
            <ul>
              {verification.problems.map((p, i) => (
                <li key={`${i}:${p}`}>{p}</li>
              ))}
            </ul>
            {verification.moreProblems > 0 ? (
              <p className="muted">{t("admin.audit.more", { count: verification.moreProblems })}</p>
            ) : null}
          </div>
        )}
        <p className="muted small">{t.rich("admin.audit.shell", { code: (chunks) => <code>{chunks}</code> })}</p>
      </section>
      <h2>{t("admin.audit.latest", { count: rows.length })}</h2>
      <AuditTable rows={rows} />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
