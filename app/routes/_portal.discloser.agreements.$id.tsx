import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AgreementDetails } from "#app/components/agreement-view";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { agreementView } from "#app/utils/agreements.server";
import { requireUser } from "#app/utils/auth.server";
import { notFound } from "#app/utils/http.server";
import { getAgreementFor } from "#models/agreement.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.agreement.reference ?? "Agreement"} · Flowdown` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "discloser" });
  const agreement = await getAgreementFor(user, params.id ?? "");
  if (!agreement) notFound();
  return { agreement: await agreementView(agreement) };
}

export default function DiscloserAgreementPage() {
  const { agreement } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>
        {agreement.reference}: {agreement.title}
      </h1>
      <AgreementDetails a={agreement} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
