import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireApiCaller } from "#app/features/api/auth.server";
import { jsonWithEtag, parseQuery } from "#app/features/api/http.server";
import { listQuestionnaires } from "#app/features/api/questionnaires.server";
import { NoQuery, QuestionnaireList } from "#app/features/api/schemas";

export async function loader({ request }: LoaderFunctionArgs) {
  const caller = await requireApiCaller(request);
  parseQuery(request, NoQuery);
  return jsonWithEtag(request, QuestionnaireList, await listQuestionnaires(caller));
}
