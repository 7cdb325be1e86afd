import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireApiCaller } from "#app/features/api/auth.server";
import { listReports } from "#app/features/api/reports.server";
import { jsonWithEtag, parseQuery } from "#app/features/api/http.server";
import { ListReportsQuery, ReportList } from "#app/features/api/schemas";

export async function loader({ request }: LoaderFunctionArgs) {
  const caller = await requireApiCaller(request);
  const query = parseQuery(request, ListReportsQuery);
  return jsonWithEtag(request, ReportList, await listReports(caller, query, new URL(request.url).pathname));
}
