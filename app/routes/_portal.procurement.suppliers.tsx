import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
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
  return (
    <>
      <h1>Suppliers</h1>
      <ListTable
        data-testid="suppliers"
        rows={suppliers}
        rowKey={(s) => s.id}
        empty="No suppliers yet."
        columns={[
          { header: "Supplier", cell: (s) => s.name },
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

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
