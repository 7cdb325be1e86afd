import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "#app/features/accounts/auth.server";
import { accountCounts } from "#app/features/accounts/administration.server";

export const meta: MetaFunction = () => [{ title: "Administration · Flowdown" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "admin" });
  return accountCounts();
}

export default function AdminDashboard() {
  const { organizations, users } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Administration</h1>
      <div className="stats">
        <div className="stat">
          <div className="value">{organizations}</div>
          <div className="label">
            <Link to="/admin/organisations">Organisations</Link>
          </div>
        </div>
        <div className="stat">
          <div className="value">{users}</div>
          <div className="label">
            <Link to="/admin/users">Users</Link>
          </div>
        </div>
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
