import { listAgreementsFor } from "#models/agreement.server";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { orgInfo } from "#app/features/accounts/org-names.server";
import { incidentViews } from "#app/features/incidents/incidents.server";
import { agreementReassessments } from "./reassessment.server";

const ORDER = { overdue: 0, due: 1, "in-progress": 2, scheduled: 3, "not-assessed": 4 } as const;

/** Every supplier's next re-assessment across the organisation's agreements, most urgent first, and the incidents reported. */
export async function reassessmentOverview(user: CurrentUser) {
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
