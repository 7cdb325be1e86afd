import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AuditTable } from "#app/features/audit/audit-table";
import { agreementAuditTrail } from "#app/features/audit/audit-view.server";
import { requireUser } from "#app/features/accounts/auth.server";
import { notFound } from "#app/lib/http.server";
import { rootMessage as pageTitle } from "#app/i18n/meta";
import { useT } from "#app/i18n/react";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "agreements.meta.audit") }];

/** The agreement's audit trail with that of its assessments: for its procurement team and its disclosing party. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  if (params.role !== "procurement" && params.role !== "discloser") notFound();
  const user = await requireUser(request, { role: params.role as "procurement" | "discloser" });
  return { role: params.role, ...(await agreementAuditTrail(user, params.id)) };
}

export default function AgreementAuditPage() {
  const { role, id, reference, rows } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <p>
        <Link to={`/${role}/agreements/${id}`}>{t("agreements.audit.back", { reference })}</Link>
      </p>
      <h1>{t("agreements.audit.title", { reference })}</h1>
      <AuditTable rows={rows} />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
