import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "#app/features/accounts/auth.server";
import { clientIp, notFound } from "#app/lib/http.server";
import { openReport, reportResponse } from "#app/features/reports/reports.server";
import { recordAudit } from "#models/audit-event.server";

/** Downloads a stored report version: for the recipient's procurement team and the disclosing party of its agreement. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: ["procurement", "discloser"] });
  const opened = await openReport(user, params.id ?? "");
  if (!opened) notFound();
  await recordAudit({
    action: "report.download",
    actor: { id: user.id, email: user.email, orgId: user.orgId },
    targetType: opened.record.kind,
    targetId: String(opened.record.targetId),
    details: { version: opened.record.version, sha256: opened.record.sha256 },
    ip: clientIp(request),
  });
  return reportResponse(opened.record, opened.stream);
}
