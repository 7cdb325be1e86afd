import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { requireUser } from "#app/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Agreements · Flowdown" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "discloser" });
  return { orgName: user.org.name };
}

export default function DiscloserDashboard() {
  const { orgName } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-head">
        <h1>Agreements</h1>
        <span className="muted">{orgName} as disclosing party</span>
      </div>
      <p className="empty">No agreements name {orgName} as the disclosing party yet.</p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
