import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireApiCaller } from "#app/features/api/auth.server";
import { listAssessments } from "#app/features/api/assessments.server";
import { jsonWithEtag, parseQuery } from "#app/features/api/http.server";
import { AssessmentList, ListAssessmentsQuery } from "#app/features/api/schemas";

export async function loader({ request }: LoaderFunctionArgs) {
  const caller = await requireApiCaller(request);
  const query = parseQuery(request, ListAssessmentsQuery);
  return jsonWithEtag(request, AssessmentList, await listAssessments(caller, query, new URL(request.url).pathname));
}
