import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireApiCaller } from "#app/features/api/auth.server";
import { listSuppliers } from "#app/features/api/suppliers.server";
import { jsonWithEtag, parseQuery } from "#app/features/api/http.server";
import { ListSuppliersQuery, SupplierList } from "#app/features/api/schemas";

export async function loader({ request }: LoaderFunctionArgs) {
  const caller = await requireApiCaller(request);
  const query = parseQuery(request, ListSuppliersQuery);
  return jsonWithEtag(request, SupplierList, await listSuppliers(caller, query, new URL(request.url).pathname));
}
