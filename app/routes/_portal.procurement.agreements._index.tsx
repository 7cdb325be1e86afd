import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ListTable } from "#app/components/list-table";
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
    <ListTable
      rows={agreements}
      rowKey={(a) => a.id}
      columns={[
        { header: "Reference", cell: (a) => <Link to={`${base}/${a.id}`}>{a.reference}</Link> },
        { header: "Title", cell: (a) => a.title },
        { header: "Disclosing party", cell: (a) => a.discloser },
        { header: "Term", cell: (a) => a.term },
        { header: "Suppliers", cell: (a) => a.suppliers },
        { header: "Requirements", cell: (a) => a.requirements },
      ]}
    />
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
