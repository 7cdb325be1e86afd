import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "#app/features/accounts/auth.server";
import { discloserAgreementList } from "#app/features/agreements/agreement-access.server";

export const meta: MetaFunction = () => [{ title: "Agreements · Flowdown" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "discloser" });
  return { orgName: user.org.name, agreements: await discloserAgreementList(user) };
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
              <th>Subcontractor chain</th>
              <th>Cleared per phase</th>
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
                <td data-testid="chain-summary">
                  {a.suppliers} supplier{a.suppliers === 1 ? "" : "s"}, {a.summary?.approved ?? 0} approved{" "}
                  {a.summary ? (
                    <span className={`badge ${a.summary.chainFailing ? "bad" : "ok"}`}>
                      {a.summary.chainFailing
                        ? `${a.summary.chainFailing} link${a.summary.chainFailing === 1 ? "" : "s"} failing`
                        : "chain OK"}
                    </span>
                  ) : null}
                  {a.summary?.expiring ? (
                    <div className="small muted">
                      {a.summary.expiring} certificate{a.summary.expiring === 1 ? "" : "s"} expiring within 90 days
                    </div>
                  ) : null}
                </td>
                <td>
                  {a.summary?.phases.length ? (
                    <ul className="plain small">
                      {a.summary.phases.map((p) => (
                        <li key={p.name} className="nowrap">
                          {p.name}: {p.cleared}/{a.suppliers}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="muted">no phases</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
