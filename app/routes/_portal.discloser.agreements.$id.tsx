import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AgreementDetails } from "#app/components/agreement-view";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { agreementView } from "#app/utils/agreements.server";
import { agreementCompliance } from "#app/utils/compliance.server";
import { ComplianceView } from "#app/components/compliance-view";
import { requireUser } from "#app/utils/auth.server";
import { notFound } from "#app/utils/http.server";
import { getAgreementFor } from "#models/agreement.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.agreement.reference ?? "Agreement"} · Flowdown` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "discloser" });
  const agreement = await getAgreementFor(user, params.id ?? "");
  if (!agreement) notFound();
  const [view, compliance] = await Promise.all([agreementView(agreement), agreementCompliance(agreement)]);
  return { agreement: view, compliance };
}

export default function DiscloserAgreementPage() {
  const { agreement, compliance } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>
        {agreement.reference}: {agreement.title}
      </h1>
      <p className="small">
        <Link to={`/discloser/agreements/${agreement.id}/audit`}>Audit trail</Link>
      </p>
      <ComplianceView v={compliance} recipient={agreement.recipient} />
      <h2>The agreement</h2>
      <AgreementDetails a={agreement} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
