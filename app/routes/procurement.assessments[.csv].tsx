import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "#app/features/accounts/auth.server";
import { dashboardCsv, parseDashboardQuery } from "#app/features/review/dashboard.server";
import { clientIp } from "#app/lib/http.server";
import { recordAudit } from "#models/audit-event.server";
import { todayIso } from "#models/today";

/** CSV of exactly what the dashboard's filters show (all pages). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  const q = parseDashboardQuery(new URL(request.url));
  await recordAudit({
    action: "assessments.export_csv",
    actor: { id: user.id, email: user.email, orgId: user.orgId },
    details: { query: new URL(request.url).search.slice(0, 300) },
    ip: clientIp(request),
  });
  return new Response(await dashboardCsv(user.orgId, q), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="flowdown-assessments-${todayIso()}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
