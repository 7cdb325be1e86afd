import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ListTable } from "#app/components/list-table";
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
      <ListTable
        rows={agreements}
        rowKey={(a) => a.id}
        empty={<>No agreements name {orgName} as the disclosing party yet.</>}
        columns={[
          { header: "Reference", cell: (a) => <Link to={`/discloser/agreements/${a.id}`}>{a.reference}</Link> },
          { header: "Title", cell: (a) => a.title },
          { header: "Recipient", cell: (a) => a.recipient },
          { header: "Term", cell: (a) => a.term },
          {
            header: "Subcontractor chain",
            cellProps: { "data-testid": "chain-summary" },
            cell: (a) => (
              <>
                {a.suppliers} supplier{a.suppliers === 1 ? "" : "s"}, {a.summary?.approved ?? 0} approved{" "}
                {a.suppliers === 0 ? (
                  <span className="badge none">no suppliers yet</span>
                ) : a.summary ? (
                  <span className={`badge ${a.summary.chainFailing ? "bad" : "ok"}`}>
                    {a.summary.chainFailing
                      ? `${a.summary.chainFailing} link${a.summary.chainFailing === 1 ? "" : "s"} failing`
                      : "chain OK"}
                  </span>
                ) : null}
                {a.summary?.resultsAsOf ? (
                  <div className="small muted">results as of {a.summary.resultsAsOf}</div>
                ) : null}
                {a.summary?.expiring ? (
                  <div className="small muted">
                    {a.summary.expiring} certificate{a.summary.expiring === 1 ? "" : "s"} expiring within 90 days
                  </div>
                ) : null}
              </>
            ),
          },
          {
            header: "Cleared per phase",
            cell: (a) =>
              a.summary?.phases.length ? (
                <ul className="plain small">
                  {a.summary.phases.map((p) => (
                    <li key={p.name} className="nowrap">
                      {p.name}: {p.cleared}/{a.suppliers}
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="muted">no phases</span>
              ),
          },
        ]}
      />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
