import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { titleOf } from "#app/i18n/meta";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "#app/features/accounts/auth.server";
import { accountCounts } from "#app/features/accounts/administration.server";
import { useFormat, useT } from "#app/i18n/react";

export const meta: MetaFunction = ({ matches }) => [{ title: titleOf(matches, "common.title.administration") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "admin" });
  return accountCounts();
}

export default function AdminDashboard() {
  const { organizations, users } = useLoaderData<typeof loader>();
  const t = useT();
  const format = useFormat();
  return (
    <>
      <h1>{t("admin.index.title")}</h1>
      <div className="stats">
        <div className="stat">
          <div className="value">{format.number(organizations)}</div>
          <div className="label">
            <Link to="/admin/organisations">{t("common.nav.organisations")}</Link>
          </div>
        </div>
        <div className="stat">
          <div className="value">{format.number(users)}</div>
          <div className="label">
            <Link to="/admin/users">{t("common.nav.users")}</Link>
          </div>
        </div>
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
