import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { titleOf } from "#app/i18n/meta";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { ListTable } from "#app/components/list-table";
import { requireUser } from "#app/features/accounts/auth.server";
import { listOrganisations, OrganisationFilterSchema } from "#app/features/accounts/organisations.server";
import { useFormat, useT } from "#app/i18n/react";

export const meta: MetaFunction = ({ matches }) => [{ title: titleOf(matches, "common.nav.organisations") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "admin" });
  const filter = OrganisationFilterSchema.parse({ kind: new URL(request.url).searchParams.get("kind") ?? undefined });
  return { ...(await listOrganisations(filter)), kind: filter.kind ?? "" };
}

export default function OrganisationsPage() {
  const { rows, truncated, kind, kinds } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const t = useT();
  const format = useFormat();
  return (
    <>
      {params.get("done") === "created" ? <p className="flash">{t("admin.orgs.created")}</p> : null}
      <div className="page-head">
        <h1>{t("common.nav.organisations")}</h1>
        <Link className="button" to="/admin/organisations/new">
          {t("admin.orgs.new")}
        </Link>
      </div>
      <Form method="get" className="filters">
        <label>
          {t("admin.column.kind")}{" "}
          <select name="kind" defaultValue={kind}>
            <option value="">{t("admin.orgs.allKinds")}</option>
            {kinds.map((value) => (
              <option key={value} value={value}>
                {t(`labels.orgKind.${value}`)}
              </option>
            ))}
          </select>
        </label>{" "}
        <button type="submit" className="secondary small">
          {t("admin.orgs.show")}
        </button>
      </Form>
      {truncated ? <p className="notice">{t("admin.orgs.truncated", { max: 1000 })}</p> : null}
      <ListTable
        data-testid="organisations"
        rows={rows}
        rowKey={(o) => o.id}
        empty={kind ? t("admin.orgs.emptyKind") : t("admin.orgs.empty")}
        columns={[
          { header: t("admin.column.name"), cell: (o) => <Link to={`/admin/organisations/${o.id}`}>{o.name}</Link> },
          { header: t("admin.column.kind"), cell: (o) => t(`labels.orgKind.${o.kind}`) },
          {
            header: t("admin.column.country"),
            cell: (o) => (
              <>
                {o.countryName} ({o.country})
              </>
            ),
          },
          {
            header: t("admin.column.registrationNumber"),
            cell: (o) => o.registrationNumber || <span className="muted">{t("admin.none")}</span>,
          },
          {
            header: t("admin.column.group"),
            cell: (o) => o.parent ?? <span className="muted">{t("admin.none")}</span>,
          },
          { header: t("admin.column.users"), cell: (o) => format.number(o.users) },
          {
            header: t("admin.column.state"),
            cell: (o) =>
              o.active ? (
                <span className="badge ok">{t("admin.state.active")}</span>
              ) : (
                <span className="badge none">{t("admin.state.deactivated")}</span>
              ),
          },
        ]}
      />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
