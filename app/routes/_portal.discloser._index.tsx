import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ListTable } from "#app/components/list-table";
import { LifecycleBadge } from "#app/features/lifecycle/lifecycle-badge";
import { requireUser } from "#app/features/accounts/auth.server";
import { discloserAgreementList } from "#app/features/agreements/agreement-access.server";
import { useFormat, useT } from "#app/i18n/react";
import { t as tServer } from "#app/i18n/messages.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Flowdown" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "discloser" });
  return {
    metaTitle: tServer("discloser.list.metaTitle"),
    orgName: user.org.name,
    agreements: await discloserAgreementList(user),
  };
}

export default function DiscloserDashboard() {
  const { orgName, agreements } = useLoaderData<typeof loader>();
  const t = useT();
  const format = useFormat();
  return (
    <>
      <div className="page-head">
        <h1>{t("discloser.list.title")}</h1>
        <span className="muted">{t("discloser.list.asDiscloser", { orgName })}</span>
      </div>
      <ListTable
        rows={agreements}
        rowKey={(a) => a.id}
        empty={t("discloser.list.empty", { orgName })}
        columns={[
          {
            header: t("discloser.list.reference"),
            cell: (a) => <Link to={`/discloser/agreements/${a.id}`}>{a.reference}</Link>,
          },
          { header: t("discloser.list.agreementTitle"), cell: (a) => a.title },
          { header: t("discloser.list.recipient"), cell: (a) => a.recipient },
          {
            header: t("lifecycle.list.state"),
            cell: (a) => <LifecycleBadge state={a.lifecycle.state} survivalEnds={a.lifecycle.survivalEnds} />,
          },
          { header: t("discloser.list.term"), cell: (a) => a.term },
          {
            header: t("discloser.list.chain"),
            cellProps: { "data-testid": "chain-summary" },
            cell: (a) => (
              <>
                {t("discloser.list.suppliers", { count: a.suppliers, approved: a.summary?.approved ?? 0 })}{" "}
                {a.suppliers === 0 ? (
                  <span className="badge none">{t("discloser.list.noSuppliers")}</span>
                ) : a.summary ? (
                  <span className={`badge ${a.summary.chainFailing ? "bad" : "ok"}`}>
                    {a.summary.chainFailing
                      ? t("discloser.list.linksFailing", { count: a.summary.chainFailing })
                      : t("discloser.chain.ok")}
                  </span>
                ) : null}
                {a.summary?.resultsAsOf ? (
                  <div className="small muted">
                    {t("discloser.list.resultsAsOf", { date: format.day(a.summary.resultsAsOf) })}
                  </div>
                ) : null}
                {a.summary?.expiring ? (
                  <div className="small muted">{t("discloser.list.expiring", { count: a.summary.expiring })}</div>
                ) : null}
              </>
            ),
          },
          {
            header: t("discloser.list.clearedPerPhase"),
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
                <span className="muted">{t("discloser.list.noPhases")}</span>
              ),
          },
        ]}
      />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
