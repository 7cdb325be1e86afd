import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "#app/features/accounts/auth.server";
import { notFound } from "#app/lib/http.server";
import { downloadReport, reportResponse } from "#app/features/reports/reports.server";

/** Downloads a stored report version: for the recipient's procurement team and the disclosing party of its agreement. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: ["procurement", "discloser"] });
  const opened = await downloadReport(user, params.id ?? "", request);
  if (!opened) notFound();
  return reportResponse(opened.record, opened.stream);
}
