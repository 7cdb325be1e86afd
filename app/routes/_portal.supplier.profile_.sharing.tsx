import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { titleOf } from "#app/i18n/meta";
import { useT } from "#app/i18n/react";
import { requireUser } from "#app/features/accounts/auth.server";
import { VIEWS_LISTED, sharingAction, sharingPage } from "#app/features/profile-sharing/grants.server";
import { GrantForm, GrantsTable, ProfileViews } from "#app/features/profile-sharing/sharing-view";
import { refusalResponse } from "#app/lib/refusal.server";

export const meta: MetaFunction = ({ matches }) => [{ title: titleOf(matches, "sharing.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "supplier" });
  return { page: await sharingPage(user), limit: VIEWS_LISTED };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "supplier" });
  const form = await request.formData();
  const values = {
    recipientOrgId: String(form.get("recipientOrgId") ?? ""),
    scope: String(form.get("scope") ?? ""),
    sections: form.getAll("sections").map(String),
    expiresOn: String(form.get("expiresOn") ?? ""),
  };
  let done;
  try {
    done = await sharingAction(user, form, request);
  } catch (error) {
    return refusalResponse(error, { values });
  }
  return redirect(`/supplier/profile/sharing?${done.done}=1&name=${encodeURIComponent(done.recipient)}`);
}

export default function ProfileSharingPage() {
  const t = useT();
  const { page, limit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const name = params.get("name") ?? "";
  return (
    <>
      {params.get("granted") ? (
        <p className="flash">{t("sharing.flash.granted", { recipient: name })}</p>
      ) : params.get("revoked") ? (
        <p className="flash">{t("sharing.flash.revoked", { recipient: name })}</p>
      ) : null}
      <h1>{t("sharing.title")}</h1>
      <p className="muted">{t("sharing.intro")}</p>
      <h2>{t("sharing.grants.heading")}</h2>
      <GrantsTable grants={page.grants} />
      <GrantForm page={page} errors={actionData?.errors ?? {}} values={actionData?.values ?? {}} />
      <ProfileViews views={page.views} limit={limit} />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
