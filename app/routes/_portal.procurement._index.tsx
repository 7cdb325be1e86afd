import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { requireUser } from "#app/utils/auth.server";
import { Organization } from "#models/organization.server";

export const meta: MetaFunction = () => [{ title: "Procurement · Flowdown" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  const supplierCount = await Organization.countDocuments({ kind: "supplier", managedBy: user.orgId });
  return { orgName: user.org.name, supplierCount };
}

export default function ProcurementDashboard() {
  const { orgName, supplierCount } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-head">
        <h1>Procurement dashboard</h1>
        <span className="muted">{orgName}</span>
      </div>
      <div className="stats">
        <div className="stat">
          <div className="value">{supplierCount}</div>
          <div className="label">
            <Link to="/procurement/suppliers">Suppliers</Link>
          </div>
        </div>
      </div>
      <p className="empty">No assessments have been sent yet.</p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
