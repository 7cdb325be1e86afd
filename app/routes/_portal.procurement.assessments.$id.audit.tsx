import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AuditTable } from "#app/features/audit/audit-table";
import { getAssessmentFor } from "#app/features/assessments/assessments.server";
import { auditRowsFor } from "#app/features/audit/audit-view.server";
import { requireUser } from "#app/features/accounts/auth.server";
import { notFound } from "#app/lib/http.server";
import { rootMessage as pageTitle } from "#app/i18n/meta";
import { useT } from "#app/i18n/react";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "assessments.audit.metaTitle") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  const assessment = await getAssessmentFor(user, params.id ?? "");
  if (!assessment) notFound();
  return {
    id: String(assessment._id),
    supplier: assessment.summary?.supplierName ?? "",
    rows: await auditRowsFor([{ type: "assessment", id: String(assessment._id) }]),
  };
}

export default function AssessmentAuditPage() {
  const t = useT();
  const { id, supplier, rows } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/procurement/assessments/${id}`}>{t("assessments.audit.back")}</Link>
      </p>
      <h1>{t("assessments.audit.title", { supplier })}</h1>
      <AuditTable rows={rows} />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
