import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireApiCaller } from "#app/features/api/auth.server";
import { assessmentOf } from "#app/features/api/assessments.server";
import { jsonWithEtag, parseOrProblem, parseQuery } from "#app/features/api/http.server";
import { Assessment, AssessmentIdParams, NoQuery } from "#app/features/api/schemas";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const caller = await requireApiCaller(request);
  parseQuery(request, NoQuery);
  const { id } = parseOrProblem(AssessmentIdParams, { id: params.id }, "The path is not valid.");
  return jsonWithEtag(request, Assessment, await assessmentOf(caller, id));
}
