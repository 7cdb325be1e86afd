import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireApiCaller } from "#app/features/api/auth.server";
import { listIncidents } from "#app/features/api/incidents.server";
import { jsonWithEtag, parseQuery } from "#app/features/api/http.server";
import { IncidentList, ListIncidentsQuery } from "#app/features/api/schemas";

export async function loader({ request }: LoaderFunctionArgs) {
  const caller = await requireApiCaller(request);
  const query = parseQuery(request, ListIncidentsQuery);
  return jsonWithEtag(request, IncidentList, await listIncidents(caller, query, new URL(request.url).pathname));
}
