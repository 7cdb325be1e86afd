import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { requireUser } from "#app/utils/auth.server";
import { countryName } from "#models/countries";
import { listSuppliersForRecipient } from "#models/organization.server";

export const meta: MetaFunction = () => [{ title: "Suppliers · Flowdown" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  const suppliers = await listSuppliersForRecipient({ orgId: user.orgId });
  return {
    suppliers: suppliers.map((s) => ({ id: String(s._id), name: s.name, country: s.country, countryName: countryName(s.country), service: s.service })),
  };
}

export default function SuppliersPage() {
  const { suppliers } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Suppliers</h1>
      {suppliers.length === 0 ? (
        <p className="empty">No suppliers yet.</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th>Supplier</th>
              <th>Country</th>
              <th>Service</th>
            </tr>
          </thead>
          <tbody>
            {suppliers.map((s) => (
              <tr key={s.id}>
                <td>{s.name}</td>
                <td>
                  {s.countryName} ({s.country})
                </td>
                <td>{s.service || <span className="muted">not recorded</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
