import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { requireUser } from "#app/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "My assessments · Flowdown" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "supplier" });
  return { orgName: user.org.name };
}

export default function SupplierDashboard() {
  const { orgName } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-head">
        <h1>My assessments</h1>
        <span className="muted">{orgName}</span>
      </div>
      <p className="empty">No security questionnaires have been sent to {orgName} yet. When a client invites you, the questionnaire appears here.</p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
