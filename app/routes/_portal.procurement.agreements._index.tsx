import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "#app/features/accounts/auth.server";
import { procurementAgreementList } from "#app/features/agreements/agreement-access.server";

export const meta: MetaFunction = () => [{ title: "Agreements · Flowdown" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  return { agreements: await procurementAgreementList(user) };
}

export function AgreementTable({
  agreements,
  base,
}: {
  agreements: ReturnType<typeof useLoaderData<typeof loader>>["agreements"];
  base: string;
}) {
  return (
    <table className="data">
      <thead>
        <tr>
          <th>Reference</th>
          <th>Title</th>
          <th>Disclosing party</th>
          <th>Term</th>
          <th>Suppliers</th>
          <th>Requirements</th>
        </tr>
      </thead>
      <tbody>
        {agreements.map((a) => (
          <tr key={a.id}>
            <td>
              <Link to={`${base}/${a.id}`}>{a.reference}</Link>
            </td>
            <td>{a.title}</td>
            <td>{a.discloser}</td>
            <td>{a.term}</td>
            <td>{a.suppliers}</td>
            <td>{a.requirements}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function AgreementsPage() {
  const { agreements } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-head">
        <h1>Agreements</h1>
        <Link className="button" to="/procurement/agreements/new">
          New agreement
        </Link>
      </div>
      {agreements.length === 0 ? (
        <p className="empty">
          No agreements yet. Create one to set the flow-down requirements your suppliers are measured against.
        </p>
      ) : (
        <AgreementTable agreements={agreements} base="/procurement/agreements" />
      )}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
