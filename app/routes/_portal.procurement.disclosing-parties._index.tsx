import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { ListTable } from "#app/components/list-table";
import { requireUser } from "#app/features/accounts/auth.server";
import { discloserDirectory } from "#app/features/directory/organizations.server";

export const meta: MetaFunction = () => [{ title: "Disclosing parties · Flowdown" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  return { disclosers: await discloserDirectory(user) };
}

export default function DisclosingPartiesPage() {
  const { disclosers } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const name = params.get("name");
  const flash = !name
    ? null
    : params.get("added")
      ? `${name} was added to your disclosing parties.`
      : params.get("linked")
        ? `${name}, already known to the portal, is now one of your disclosing parties.`
        : params.get("already")
          ? `${name} is already one of your disclosing parties.`
          : params.get("saved")
            ? `${name} was saved.`
            : null;
  return (
    <>
      {flash ? <p className="flash">{flash}</p> : null}
      <div className="page-head">
        <h1>Disclosing parties</h1>
        <Link className="button" to="/procurement/disclosing-parties/new">
          Add a disclosing party
        </Link>
      </div>
      <p className="muted">
        The organisations whose confidential information you receive: an agreement names one of them as its disclosing
        party. Invite their people from the agreement&apos;s page.
      </p>
      <ListTable
        data-testid="disclosing-parties"
        rows={disclosers}
        rowKey={(d) => d.id}
        empty="No disclosing parties yet."
        columns={[
          {
            header: "Disclosing party",
            cell: (d) => (
              <>
                {d.name}
                {d.legalName && d.legalName !== d.name ? <div className="small muted">{d.legalName}</div> : null}
              </>
            ),
          },
          { header: "Country", cell: (d) => `${d.countryName} (${d.country})` },
          { header: "Registration number", cell: (d) => d.registrationNumber || <span className="muted">none</span> },
          {
            header: "Actions",
            cell: (d) =>
              d.shared ? (
                <span className="small muted">shared with other recipients</span>
              ) : (
                <Link to={`/procurement/disclosing-parties/${d.id}/edit`} aria-label={`Edit ${d.name}`}>
                  Edit
                </Link>
              ),
          },
        ]}
      />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
