import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AgreementPage } from "#app/features/agreements/agreement-page";
import { agreementPage, agreementReportAction } from "#app/features/agreements/agreement-access.server";
import { requireUser } from "#app/features/accounts/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.header.reference ?? "Agreement"} · Flowdown` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "discloser" });
  return agreementPage(user, params.id, new URL(request.url));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "discloser" });
  const outcome = await agreementReportAction(user, params.id, request);
  if (!outcome.ok) return data({ errors: outcome.errors }, { status: outcome.status });
  return redirect(`/discloser/agreements/${outcome.id}?tab=reports&report=${outcome.version}#reports-heading`);
}

export default function DiscloserAgreementPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return <AgreementPage data={data} role="discloser" reportError={actionData?.errors?.report} />;
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
