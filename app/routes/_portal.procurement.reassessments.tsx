import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { IncidentTable, ReassessmentTable } from "#app/features/reassessment/reassessment-view";
import { requireUser } from "#app/features/accounts/auth.server";
import { incidentViews } from "#app/features/incidents/incidents.server";
import { orgInfo } from "#app/features/accounts/org-names.server";
import { agreementReassessments } from "#app/features/reassessment/reassessment.server";
import { listAgreementsFor } from "#models/agreement.server";

export const meta: MetaFunction = () => [{ title: "Re-assessments · Flowdown" }];

const ORDER = { overdue: 0, due: 1, "in-progress": 2, scheduled: 3, "not-assessed": 4 } as const;

/** Every supplier's next re-assessment across the organisation's agreements, most urgent first, and the incidents reported. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  const agreements = await listAgreementsFor(user);
  const rows = [];
  for (const a of agreements) {
    for (const s of await agreementReassessments(a))
      rows.push({ ...s, agreement: { id: String(a._id), reference: a.reference } });
  }
  rows.sort(
    (x, y) =>
      ORDER[x.plan.state] - ORDER[y.plan.state] || (x.plan.dueDate ?? "9999").localeCompare(y.plan.dueDate ?? "9999"),
  );
  const supplierIds = agreements.flatMap((a) => a.chain.map((l) => l.supplierOrgId));
  const names = new Map([...(await orgInfo(supplierIds))].map(([id, o]) => [id, o.name]));
  const refs = new Map(agreements.map((a) => [String(a._id), a.reference]));
  const incidents = await incidentViews({ recipientOrgId: user.orgId }, names, refs);
  return { rows, incidents };
}

export default function ReassessmentsPage() {
  const { rows, incidents } = useLoaderData<typeof loader>();
  const urgent = rows.filter((r) => r.plan.state === "due" || r.plan.state === "overdue").length;
  return (
    <>
      <div className="page-head">
        <h1>Re-assessments</h1>
      </div>
      <p className="muted">
        Each agreement says how often its suppliers are assessed again and what brings an assessment forward. Due
        re-assessments are sent automatically, pre-filled with the supplier's last approved answers.
        {urgent ? ` ${urgent} need attention.` : ""}
      </p>
      <section className="card form-section">
        <ReassessmentTable rows={rows} assessmentHref={(id) => `/procurement/assessments/${id}`} />
      </section>
      <section className="card form-section">
        <h2>Incidents reported by suppliers</h2>
        <IncidentTable incidents={incidents} showSupplier />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
