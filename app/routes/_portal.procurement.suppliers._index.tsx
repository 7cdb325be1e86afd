import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { titleOf } from "#app/i18n/meta";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { ListTable } from "#app/components/list-table";
import { AssessmentStatusBadge, RatingBadge } from "#app/components/status";
import { useFormat, useCountries, useT } from "#app/i18n/react";
import { requireUser } from "#app/features/accounts/auth.server";
import { supplierDirectory } from "#app/features/accounts/supplier-directory.server";

export const meta: MetaFunction = ({ matches }) => [{ title: titleOf(matches, "common.nav.suppliers") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  return { suppliers: await supplierDirectory(user) };
}

export default function SuppliersPage() {
  const t = useT();
  const format = useFormat();
  const countryNameOf = useCountries().nameOf;
  const { suppliers } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      <SuppliersFlash params={params} />
      <div className="page-head">
        <h1>{t("directory.list.supplier")}</h1>
        <div className="actions">
          <Link className="button" to="/procurement/suppliers/new">
            {t("directory.add.supplier")}
          </Link>{" "}
          <Link className="button secondary" to="/procurement/suppliers/import">
            {t("directory.suppliers.import")}
          </Link>
        </div>
      </div>
      <ListTable
        data-testid="suppliers"
        rows={suppliers}
        rowKey={(s) => s.id}
        empty={t("directory.suppliers.empty")}
        columns={[
          {
            header: t("directory.column.supplier"),
            cell: (s) => (
              <>
                {s.name}
                <div className="small">
                  <Link
                    to={`/procurement/suppliers/${s.id}/edit`}
                    aria-label={t("directory.editName", { name: s.name })}
                  >
                    {t("directory.edit")}
                  </Link>{" "}
                  <Link
                    to={`/procurement/suppliers/${s.id}/profile`}
                    aria-label={t("sharing.profile.linkLabel", { name: s.name })}
                  >
                    {t("sharing.profile.link")}
                  </Link>
                </div>
              </>
            ),
          },
          {
            header: t("directory.column.country"),
            cell: (s) =>
              t("directory.countryWithCode", {
                country: countryNameOf(s.country),
                code: s.country,
              }),
          },
          {
            header: t("directory.column.service"),
            cell: (s) => s.service || <span className="muted">{t("directory.notRecorded")}</span>,
          },
          {
            header: t("directory.column.latestAssessment"),
            cell: (s) =>
              s.latest ? (
                <>
                  <a href={`/procurement/assessments/${s.latest.id}`}>{s.latest.agreementRef}</a>{" "}
                  <AssessmentStatusBadge status={s.latest.status} />
                  {s.latest.score !== null ? <span> {s.latest.score}/100</span> : null}{" "}
                  {s.latest.rating ? <RatingBadge rating={s.latest.rating} /> : null}
                  {s.assessments > 1 ? (
                    <div className="muted small">
                      {t("directory.suppliers.assessmentsInAll", { count: s.assessments })}
                    </div>
                  ) : null}
                </>
              ) : (
                <span className="muted">{t("directory.suppliers.noneSent")}</span>
              ),
          },
          {
            header: t("directory.column.certificates"),
            cell: (s) =>
              s.certificates.length ? (
                <ul className="plain">
                  {s.certificates.map((c, i) => (
                    <li key={i}>
                      {c.standard}{" "}
                      {c.daysLeft < 0 ? (
                        <span className="badge bad">
                          {t("directory.suppliers.certExpired", { date: format.day(c.expiryDate) })}
                        </span>
                      ) : c.daysLeft <= 90 ? (
                        <span className="badge warn">
                          {t("directory.suppliers.certExpires", { date: format.day(c.expiryDate) })}
                        </span>
                      ) : (
                        <span className="muted small">
                          {t("directory.suppliers.certUntil", { date: format.day(c.expiryDate) })}
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="muted">{t("directory.none")}</span>
              ),
          },
        ]}
      />
    </>
  );
}

/** What the add, edit and import pages say after they redirect here. */
function SuppliersFlash({ params }: { params: URLSearchParams }) {
  const t = useT();
  const n = (key: string) => Number(params.get(key) ?? "0");
  const name = params.get("name");
  if (params.get("added") && name) return <p className="flash">{t("directory.suppliers.flash.added", { name })}</p>;
  if (params.get("linked") && name) return <p className="flash">{t("directory.suppliers.flash.linked", { name })}</p>;
  if (params.get("already") && name) return <p className="flash">{t("directory.suppliers.flash.already", { name })}</p>;
  if (params.get("saved") && name) return <p className="flash">{t("directory.flash.saved", { name })}</p>;
  if (params.get("imported"))
    return (
      <p className="flash" data-testid="import-result">
        {t("directory.suppliers.flash.imported", {
          created: n("created"),
          linked: n("linkedCount"),
          skipped: n("skipped"),
          yours: n("yours"),
        })}
      </p>
    );
  return null;
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
