import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { reportActionFor } from "#app/features/reports/report-actions.server";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { AgreementPage } from "#app/features/agreements/agreement-page";
import { agreementPageData } from "#app/features/agreements/agreement-page.server";
import { parseAgreementTab } from "#app/features/agreements/agreement-tabs";
import { requireUser } from "#app/features/accounts/auth.server";
import { notFound } from "#app/lib/http.server";
import { getAgreementFor } from "#models/agreement.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.header.reference ?? "Agreement"} · Flowdown` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  const agreement = await getAgreementFor(user, params.id ?? "");
  if (!agreement) notFound();
  return agreementPageData(agreement, parseAgreementTab(new URL(request.url)));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  const agreement = await getAgreementFor(user, params.id ?? "");
  if (!agreement) notFound();
  const outcome = await reportActionFor(user, request, { kind: "agreement", id: String(agreement._id) });
  if (!outcome.ok) return data({ errors: outcome.errors }, { status: outcome.status });
  return redirect(
    `/procurement/agreements/${String(agreement._id)}?tab=reports&report=${outcome.version}#reports-heading`,
  );
}

export default function ProcurementAgreementPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return <AgreementPage data={data} role="procurement" reportError={actionData?.errors?.report} />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
