import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { ListTable } from "#app/components/list-table";
import { requireUser } from "#app/features/accounts/auth.server";
import { listOrganisations, OrganisationFilterSchema } from "#app/features/accounts/organisations.server";
import { ORG_KIND_LABEL } from "#app/features/accounts/navigation";

export const meta: MetaFunction = () => [{ title: "Organisations · Flowdown" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "admin" });
  const filter = OrganisationFilterSchema.parse({ kind: new URL(request.url).searchParams.get("kind") ?? undefined });
  return { ...(await listOrganisations(filter)), kind: filter.kind ?? "" };
}

export default function OrganisationsPage() {
  const { rows, truncated, kind } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      {params.get("done") === "created" ? <p className="flash">Organisation created.</p> : null}
      <div className="page-head">
        <h1>Organisations</h1>
        <Link className="button" to="/admin/organisations/new">
          New organisation
        </Link>
      </div>
      <Form method="get" className="filters">
        <label>
          Kind{" "}
          <select name="kind" defaultValue={kind}>
            <option value="">All kinds</option>
            {Object.entries(ORG_KIND_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>{" "}
        <button type="submit" className="secondary small">
          Show
        </button>
      </Form>
      {truncated ? <p className="notice">Only the first 1,000 organisations are listed: filter by kind.</p> : null}
      <ListTable
        data-testid="organisations"
        rows={rows}
        rowKey={(o) => o.id}
        empty={kind ? "No organisations of this kind." : "No organisations yet."}
        columns={[
          { header: "Name", cell: (o) => <Link to={`/admin/organisations/${o.id}`}>{o.name}</Link> },
          { header: "Kind", cell: (o) => o.kindLabel },
          {
            header: "Country",
            cell: (o) => (
              <>
                {o.countryName} ({o.country})
              </>
            ),
          },
          { header: "Registration number", cell: (o) => o.registrationNumber || <span className="muted">none</span> },
          { header: "Group", cell: (o) => o.parent ?? <span className="muted">none</span> },
          { header: "Users", cell: (o) => o.users },
          {
            header: "State",
            cell: (o) =>
              o.active ? <span className="badge ok">active</span> : <span className="badge none">deactivated</span>,
          },
        ]}
      />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
