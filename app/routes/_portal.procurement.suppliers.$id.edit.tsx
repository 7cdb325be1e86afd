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
  return organizationForEdit(user, "supplier", params.id);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  return editOrganizationAction(user, "supplier", params.id, request, "/procurement/suppliers");
}

export default function EditSupplierPage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <EditOrganizationPage
      kind="supplier"
      name={loaded.name}
      shared={loaded.shared}
      values={loaded.values}
      backHref="/procurement/suppliers"
      actionData={actionData}
    />
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
