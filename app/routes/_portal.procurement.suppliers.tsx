import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { AssessmentStatusBadge, RatingBadge } from "#app/components/status";
import { requireUser } from "#app/features/accounts/auth.server";
import { trusted } from "#app/lib/ids.server";
import { orgReadModel } from "#app/features/assessments/read-model.server";
import { Certification } from "#models/certification.server";
import { countryName } from "#models/countries";
import { todayIso } from "#models/today";
import { daysBetween } from "#app/scoring/dates";
import { listSuppliersForRecipient } from "#models/organization.server";

export const meta: MetaFunction = () => [{ title: "Suppliers · Flowdown" }];

/**
 * The recipient's suppliers, each with its most recent assessment from this
 * organisation (from the list rows kept in memory, no query per supplier)
 * and its certificates on file with their validity.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  const suppliers = await listSuppliersForRecipient({ orgId: user.orgId });
  const [model, certs] = await Promise.all([
    orgReadModel(user.orgId),
    Certification.find(
      { supplierOrgId: trusted({ $in: suppliers.map((s) => s._id) }) },
      { supplierOrgId: 1, standard: 1, expiryDate: 1 },
    )
      .sort({ expiryDate: -1 })
      .lean(),
  ]);
  const { latest, count } = model.memo("latest-by-supplier", (rows) => {
    const latest = new Map<string, (typeof rows)[number]>();
    const count = new Map<string, number>();
    for (const r of rows) {
      count.set(r.supplier, (count.get(r.supplier) ?? 0) + 1);
      const seen = latest.get(r.supplier);
      if (!seen || r.updatedMs > seen.updatedMs) latest.set(r.supplier, r);
    }
    return { latest, count };
  });
  const today = todayIso();
  return {
    suppliers: suppliers.map((s) => {
      const id = String(s._id);
      const last = latest.get(id);
      return {
        id,
        name: s.name,
        country: s.country,
        countryName: countryName(s.country),
        service: s.service,
        assessments: count.get(id) ?? 0,
        latest: last
          ? {
              id: last.id,
              agreementRef: last.agreementRef,
              status: last.status,
              score: last.score,
              rating: last.rating,
            }
          : null,
        certificates: certs
          .filter((c) => String(c.supplierOrgId) === id)
          .map((c) => ({ standard: c.standard, expiryDate: c.expiryDate, daysLeft: daysBetween(today, c.expiryDate) })),
      };
    }),
  };
}

export default function SuppliersPage() {
  const { suppliers } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Suppliers</h1>
      {suppliers.length === 0 ? (
        <p className="empty">No suppliers yet.</p>
      ) : (
        <table className="data" data-testid="suppliers">
          <thead>
            <tr>
              <th>Supplier</th>
              <th>Country</th>
              <th>Service</th>
              <th>Latest assessment</th>
              <th>Certificates on file</th>
            </tr>
          </thead>
          <tbody>
            {suppliers.map((s) => (
              <tr key={s.id}>
                <td>{s.name}</td>
                <td>
                  {s.countryName} ({s.country})
                </td>
                <td>{s.service || <span className="muted">not recorded</span>}</td>
                <td>
                  {s.latest ? (
                    <>
                      <a href={`/procurement/assessments/${s.latest.id}`}>{s.latest.agreementRef}</a>{" "}
                      <AssessmentStatusBadge status={s.latest.status} />
                      {s.latest.score !== null ? <span> {s.latest.score}/100</span> : null}{" "}
                      {s.latest.rating ? <RatingBadge rating={s.latest.rating} /> : null}
                      {s.assessments > 1 ? <div className="muted small">{s.assessments} assessments in all</div> : null}
                    </>
                  ) : (
                    <span className="muted">none sent</span>
                  )}
                </td>
                <td>
                  {s.certificates.length ? (
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

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
