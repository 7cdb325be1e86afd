import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireApiCaller } from "#app/features/api/auth.server";
import { supplierOf } from "#app/features/api/suppliers.server";
import { jsonWithEtag, parseOrProblem, parseQuery } from "#app/features/api/http.server";
import { NoQuery, SupplierDetail, SupplierIdParams } from "#app/features/api/schemas";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const caller = await requireApiCaller(request);
  parseQuery(request, NoQuery);
  const { id } = parseOrProblem(SupplierIdParams, { id: params.id }, "The path is not valid.");
  return jsonWithEtag(request, SupplierDetail, await supplierOf(caller, id));
}
