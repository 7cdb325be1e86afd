import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AgreementPage } from "#app/features/agreements/agreement-page";
import { agreementPage, agreementReportAction } from "#app/features/agreements/agreement-access.server";
import { requireUser } from "#app/features/accounts/auth.server";
import { rootMessage as pageTitle } from "#app/i18n/meta";
import { ProposedSubcontractors } from "#app/features/subcontractors/proposed-subcontractors";
import { agreementProposals } from "#app/features/subcontractors/subcontractors.server";
import { discloserContacts } from "#app/features/directory/discloser-contacts.server";
import { DiscloserContactsSection } from "#app/features/directory/discloser-contacts-section";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data?.header.reference
      ? `${data.header.reference} · Flowdown`
      : pageTitle(matches, "agreements.meta.agreement"),
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  const [page, subcontractors, contacts] = await Promise.all([
    agreementPage(user, params.id, new URL(request.url)),
    agreementProposals(user, params.id),
    discloserContacts(user, params.id),
  ]);
  return { ...page, subcontractors, contacts };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  const outcome = await agreementReportAction(user, params.id, request);
  if (!outcome.ok) return data({ errors: outcome.errors }, { status: outcome.status });
  return redirect(`/procurement/agreements/${outcome.id}?tab=reports&report=${outcome.version}#reports-heading`);
}

export default function ProcurementAgreementPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <AgreementPage data={data} role="procurement" reportError={actionData?.errors?.report} />
      <ProposedSubcontractors data={data.subcontractors} showDecided={data.tab === "chain"} />
      <DiscloserContactsSection contacts={data.contacts} />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
