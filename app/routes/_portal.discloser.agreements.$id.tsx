import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AgreementPage } from "#app/features/agreements/agreement-page";
import { agreementPage, agreementReportAction } from "#app/features/agreements/agreement-access.server";
import { requireUser } from "#app/features/accounts/auth.server";
import { t } from "#app/i18n/messages.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Flowdown" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "discloser" });
  const page = await agreementPage(user, params.id, new URL(request.url));
  return {
    ...page,
    metaTitle: page.header.reference
      ? t("discloser.agreement.metaTitle", { reference: page.header.reference })
      : t("discloser.agreement.fallbackTitle"),
  };
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
