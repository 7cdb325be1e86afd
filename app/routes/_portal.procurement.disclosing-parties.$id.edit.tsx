import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { titleOf } from "#app/i18n/meta";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "#app/features/accounts/auth.server";
import { organizationForEdit } from "#app/features/directory/organizations.server";
import { EditOrganizationPage } from "#app/features/directory/organization-page";
import { editOrganizationAction } from "#app/features/directory/organization-routes.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: titleOf(matches, "common.title.edit", { name: data?.name ?? "" }) },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  return organizationForEdit(user, "discloser", params.id);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  return editOrganizationAction(user, "discloser", params.id, request, "/procurement/disclosing-parties");
}

export default function EditDiscloserPage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <EditOrganizationPage
      kind="discloser"
      name={loaded.name}
      shared={loaded.shared}
      values={loaded.values}
      backHref="/procurement/disclosing-parties"
      actionData={actionData}
    />
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
