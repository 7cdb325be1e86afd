import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireApiCaller } from "#app/features/api/auth.server";
import { agreementSuppliers } from "#app/features/api/agreements.server";
import { jsonWithEtag, parseOrProblem, parseQuery } from "#app/features/api/http.server";
import { AgreementIdParams, AgreementSuppliers, NoQuery } from "#app/features/api/schemas";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const caller = await requireApiCaller(request);
  parseQuery(request, NoQuery);
  const { id } = parseOrProblem(AgreementIdParams, { id: params.id }, "The path is not valid.");
  return jsonWithEtag(request, AgreementSuppliers, await agreementSuppliers(caller, id));
}
