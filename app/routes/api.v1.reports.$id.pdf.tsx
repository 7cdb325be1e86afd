import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireApiCaller } from "#app/features/api/auth.server";
import { downloadReportAs } from "#app/features/api/reports.server";
import { parseOrProblem, parseQuery } from "#app/features/api/http.server";
import { NoQuery, ReportIdParams } from "#app/features/api/schemas";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const caller = await requireApiCaller(request);
  parseQuery(request, NoQuery);
  const { id } = parseOrProblem(ReportIdParams, { id: params.id }, "The path is not valid.");
  return downloadReportAs(caller, id, request);
}
