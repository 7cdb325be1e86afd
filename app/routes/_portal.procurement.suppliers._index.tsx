import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { ListTable } from "#app/components/list-table";
import { AssessmentStatusBadge, RatingBadge } from "#app/components/status";
import { requireUser } from "#app/features/accounts/auth.server";
import { supplierDirectory } from "#app/features/accounts/supplier-directory.server";

export const meta: MetaFunction = () => [{ title: "Suppliers · Flowdown" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  return { suppliers: await supplierDirectory(user) };
}

export default function SuppliersPage() {
  const { suppliers } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      <SuppliersFlash params={params} />
      <div className="page-head">
        <h1>Suppliers</h1>
        <div className="actions">
          <Link className="button" to="/procurement/suppliers/new">
            Add a supplier
          </Link>{" "}
          <Link className="button secondary" to="/procurement/suppliers/import">
            Import from CSV
          </Link>
        </div>
      </div>
      <ListTable
        data-testid="suppliers"
        rows={suppliers}
        rowKey={(s) => s.id}
        empty="No suppliers yet: add one, or import a list from CSV."
        columns={[
          {
            header: "Supplier",
            cell: (s) => (
              <>
                {s.name}
                <div className="small">
                  <Link to={`/procurement/suppliers/${s.id}/edit`} aria-label={`Edit ${s.name}`}>
                    Edit
                  </Link>
                </div>
              </>
            ),
          },
          {
            header: "Country",
            cell: (s) => (
              <>
                {s.countryName} ({s.country})
              </>
            ),
          },
          { header: "Service", cell: (s) => s.service || <span className="muted">not recorded</span> },
          {
            header: "Latest assessment",
            cell: (s) =>
              s.latest ? (
                <>
                  <a href={`/procurement/assessments/${s.latest.id}`}>{s.latest.agreementRef}</a>{" "}
                  <AssessmentStatusBadge status={s.latest.status} />
                  {s.latest.score !== null ? <span> {s.latest.score}/100</span> : null}{" "}
                  {s.latest.rating ? <RatingBadge rating={s.latest.rating} /> : null}
                  {s.assessments > 1 ? <div className="muted small">{s.assessments} assessments in all</div> : null}
                </>
              ) : (
                <span className="muted">none sent</span>
              ),
          },
          {
            header: "Certificates on file",
            cell: (s) =>
              s.certificates.length ? (
                <ul className="plain">
                  {s.certificates.map((c, i) => (
                    <li key={i}>
                      {c.standard}{" "}
                      {c.daysLeft < 0 ? (
                        <span className="badge bad">expired {c.expiryDate}</span>
                      ) : c.daysLeft <= 90 ? (
                        <span className="badge warn">expires {c.expiryDate}</span>
                      ) : (
                        <span className="muted small">until {c.expiryDate}</span>
                      )}
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="muted">none</span>
              ),
          },
        ]}
      />
    </>
  );
}

/** What the add, edit and import pages say after they redirect here. */
function SuppliersFlash({ params }: { params: URLSearchParams }) {
  const n = (key: string) => Number(params.get(key) ?? "0");
  const name = params.get("name");
  if (params.get("added") && name) return <p className="flash">{name} was added to your suppliers.</p>;
  if (params.get("linked") && name)
    return <p className="flash">{name}, already known to the portal, is now one of your suppliers.</p>;
  if (params.get("already") && name) return <p className="flash">{name} is already one of your suppliers.</p>;
  if (params.get("saved") && name) return <p className="flash">{name} was saved.</p>;
  if (params.get("imported"))
    return (
      <p className="flash" data-testid="import-result">
        Import done: {n("created")} created, {n("linkedCount")} linked (known to the portal already), {n("skipped")}{" "}
        skipped
        {n("yours") ? `, ${n("yours")} already among your suppliers` : ""}.
      </p>
    );
  return null;
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
