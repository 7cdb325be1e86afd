import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { titleOf } from "#app/i18n/meta";
import { useFormat, useT } from "#app/i18n/react";
import { requireUser } from "#app/features/accounts/auth.server";
import { profileForRecipient } from "#app/features/profile-sharing/grants.server";
import { sectionLabel } from "#app/features/profile-sharing/section-label";
import { ProfileSections } from "#app/features/profile/profile-view";

export const meta: MetaFunction = ({ matches }) => [{ title: titleOf(matches, "sharing.nav") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  return profileForRecipient(user, params.id ?? "", request);
}

export default function SupplierProfilePage() {
  const t = useT();
  const format = useFormat();
  const { supplier, shared } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/procurement/suppliers">{t("sharing.profile.back")}</Link>
      </p>
      <h1>{t("sharing.profile.title", { name: supplier.name })}</h1>
      {shared ? (
        <>
          <p className="muted" data-testid="grant-expiry">
            {t("sharing.profile.sharedUntil", {
              date: format.day(new Date(Date.parse(shared.expiresAt) - 1).toISOString().slice(0, 10)),
            })}
          </p>
          {shared.allSections ? null : (
            <p>
              {t("sharing.profile.someSections", {
                sections: shared.sections.map((s) => sectionLabel(t, s)).join(", "),
              })}
            </p>
          )}
          <ProfileSections view={shared.profile} />
        </>
      ) : (
        <div className="card" data-testid="not-shared">
          <p>
            <strong>{t("sharing.profile.notShared", { name: supplier.name })}</strong>
          </p>
          <p className="muted">{t("sharing.profile.notSharedHelp")}</p>
        </div>
      )}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
