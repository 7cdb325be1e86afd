import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { requireUser } from "#app/utils/auth.server";
import { listAgreementsFor } from "#models/agreement.server";
import { Organization } from "#models/organization.server";
import { trusted } from "#app/utils/ids.server";

export const meta: MetaFunction = () => [{ title: "Agreements · Flowdown" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "discloser" });
  const agreements = await listAgreementsFor(user);
  const orgs = await Organization.find({ _id: trusted({ $in: agreements.map((a) => a.recipientOrgId) }) }, { name: 1 }).lean();
  const name = new Map(orgs.map((o) => [String(o._id), o.name]));
  return {
    orgName: user.org.name,
    agreements: agreements.map((a) => ({
      id: String(a._id),
      reference: a.reference,
      title: a.title,
      recipient: name.get(String(a.recipientOrgId)) ?? "",
      term: `${a.effectiveDate} to ${a.endDate}`,
      suppliers: a.chain.length,
      phases: a.phases.length,
    })),
  };
}

export default function DiscloserDashboard() {
  const { orgName, agreements } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-head">
        <h1>Agreements</h1>
        <span className="muted">{orgName} as disclosing party</span>
      </div>
      {agreements.length === 0 ? (
        <p className="empty">No agreements name {orgName} as the disclosing party yet.</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th>Reference</th>
              <th>Title</th>
              <th>Recipient</th>
              <th>Term</th>
              <th>Suppliers in the chain</th>
              <th>Phases</th>
            </tr>
          </thead>
          <tbody>
            {agreements.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link to={`/discloser/agreements/${a.id}`}>{a.reference}</Link>
                </td>
                <td>{a.title}</td>
                <td>{a.recipient}</td>
                <td>{a.term}</td>
                <td>{a.suppliers}</td>
                <td>{a.phases}</td>
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
