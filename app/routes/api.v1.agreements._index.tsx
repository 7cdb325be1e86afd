import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireApiCaller } from "#app/features/api/auth.server";
import { listAgreements } from "#app/features/api/agreements.server";
import { jsonWithEtag, parseQuery } from "#app/features/api/http.server";
import { AgreementList, ListAgreementsQuery } from "#app/features/api/schemas";

export async function loader({ request }: LoaderFunctionArgs) {
  const caller = await requireApiCaller(request);
  const query = parseQuery(request, ListAgreementsQuery);
  return jsonWithEtag(request, AgreementList, await listAgreements(caller, query, new URL(request.url).pathname));
}
