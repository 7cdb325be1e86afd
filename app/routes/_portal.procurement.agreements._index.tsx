import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ListTable } from "#app/components/list-table";
import { LifecycleBadge } from "#app/features/lifecycle/lifecycle-badge";
import { useFormat, useT } from "#app/i18n/react";
import { rootMessage as pageTitle } from "#app/i18n/meta";
import { requireUser } from "#app/features/accounts/auth.server";
import { procurementAgreementList } from "#app/features/agreements/agreement-access.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "agreements.meta.list") }];

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
  const t = useT();
  const format = useFormat();
  return (
    <ListTable
      rows={agreements}
      rowKey={(a) => a.id}
      columns={[
        { header: t("agreements.list.reference"), cell: (a) => <Link to={`${base}/${a.id}`}>{a.reference}</Link> },
        { header: t("agreements.list.title.column"), cell: (a) => a.title },
        { header: t("agreements.view.disclosingParty"), cell: (a) => a.discloser },
        {
          header: t("lifecycle.list.state"),
          cell: (a) => <LifecycleBadge state={a.lifecycle.state} survivalEnds={a.lifecycle.survivalEnds} />,
        },
        {
          header: t("agreements.view.term"),
          cell: (a) =>
            t("agreements.view.termRange", { start: format.day(a.effectiveDate), end: format.day(a.endDate) }),
        },
        { header: t("agreements.list.suppliers"), cell: (a) => a.suppliers },
        { header: t("agreements.list.requirements"), cell: (a) => a.requirements },
      ]}
    />
  );
}

export default function AgreementsPage() {
  const { agreements } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <div className="page-head">
        <h1>{t("agreements.list.title")}</h1>
        <Link className="button" to="/procurement/agreements/new">
          {t("agreements.list.new")}
        </Link>
      </div>
      {agreements.length === 0 ? (
        <p className="empty">{t("agreements.list.empty")}</p>
      ) : (
        <AgreementTable agreements={agreements} base="/procurement/agreements" />
      )}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
