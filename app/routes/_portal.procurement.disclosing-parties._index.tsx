import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { titleOf } from "#app/i18n/meta";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { ListTable } from "#app/components/list-table";
import { useCountries, useT } from "#app/i18n/react";
import { requireUser } from "#app/features/accounts/auth.server";
import { discloserDirectory } from "#app/features/directory/organizations.server";

export const meta: MetaFunction = ({ matches }) => [{ title: titleOf(matches, "common.nav.disclosingParties") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  return { disclosers: await discloserDirectory(user) };
}

export default function DisclosingPartiesPage() {
  const t = useT();
  const countryNameOf = useCountries().nameOf;
  const { disclosers } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const name = params.get("name");
  const flash = !name
    ? null
    : params.get("added")
      ? t("directory.disclosers.flash.added", { name })
      : params.get("linked")
        ? t("directory.disclosers.flash.linked", { name })
        : params.get("already")
          ? t("directory.disclosers.flash.already", { name })
          : params.get("saved")
            ? t("directory.flash.saved", { name })
            : null;
  return (
    <>
      {flash ? <p className="flash">{flash}</p> : null}
      <div className="page-head">
        <h1>{t("directory.list.discloser")}</h1>
        <Link className="button" to="/procurement/disclosing-parties/new">
          {t("directory.add.discloser")}
        </Link>
      </div>
      <p className="muted">{t("directory.disclosers.intro")}</p>
      <ListTable
        data-testid="disclosing-parties"
        rows={disclosers}
        rowKey={(d) => d.id}
        empty={t("directory.disclosers.empty")}
        columns={[
          {
            header: t("directory.column.discloser"),
            cell: (d) => (
              <>
                {d.name}
                {d.legalName && d.legalName !== d.name ? <div className="small muted">{d.legalName}</div> : null}
              </>
            ),
          },
          {
            header: t("directory.column.country"),
            cell: (d) =>
              t("directory.countryWithCode", {
                country: countryNameOf(d.country),
                code: d.country,
              }),
          },
          {
            header: t("directory.column.registrationNumber"),
            cell: (d) => d.registrationNumber || <span className="muted">{t("directory.none")}</span>,
          },
          {
            header: t("directory.column.actions"),
            cell: (d) =>
              d.shared ? (
                <span className="small muted">{t("directory.disclosers.shared")}</span>
              ) : (
                <Link
                  to={`/procurement/disclosing-parties/${d.id}/edit`}
                  aria-label={t("directory.editName", { name: d.name })}
                >
                  {t("directory.edit")}
                </Link>
              ),
          },
        ]}
      />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
