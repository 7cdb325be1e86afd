import type { ActionFunctionArgs } from "@remix-run/node";
import { requireApiCaller } from "#app/features/api/auth.server";
import { assertMaySendUnder, assessmentOf, sendAssessmentAs } from "#app/features/api/assessments.server";
import { created, idempotent, parseJsonBody, parseOrProblem, parseQuery, problem } from "#app/features/api/http.server";
import { AgreementIdParams, Assessment, NoQuery, SendAssessmentBody } from "#app/features/api/schemas";

/** Sends a questionnaire under the agreement: POST only. */
export function loader() {
  return problem("method-not-allowed", "Send a questionnaire with POST.", { headers: { Allow: "POST" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST")
    throw problem("method-not-allowed", "Send a questionnaire with POST.", { headers: { Allow: "POST" } });
  const caller = await requireApiCaller(request, { write: true });
  parseQuery(request, NoQuery);
  const { id } = parseOrProblem(AgreementIdParams, { id: params.id }, "The path is not valid.");
  // who may send under the agreement, before what is sent is read
  await assertMaySendUnder(caller, id);
  return idempotent(request, caller.tokenPrefix, async () => {
    const body = await parseJsonBody(request, SendAssessmentBody);
    const assessmentId = await sendAssessmentAs(caller, id, body, request);
    return created(`/api/v1/assessments/${assessmentId}`, Assessment, await assessmentOf(caller, assessmentId));
  });
}
