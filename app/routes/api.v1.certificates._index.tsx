import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireApiCaller } from "#app/features/api/auth.server";
import { listCertificates } from "#app/features/api/suppliers.server";
import { jsonWithEtag, parseQuery } from "#app/features/api/http.server";
import { ListCertificatesQuery, CertificateList } from "#app/features/api/schemas";

export async function loader({ request }: LoaderFunctionArgs) {
  const caller = await requireApiCaller(request);
  const query = parseQuery(request, ListCertificatesQuery);
  return jsonWithEtag(request, CertificateList, await listCertificates(caller, query, new URL(request.url).pathname));
}
