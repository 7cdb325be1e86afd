import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { titleOf } from "#app/i18n/meta";
import { useActionData } from "@remix-run/react";
import { requireUser } from "#app/features/accounts/auth.server";
import { NewOrganizationPage } from "#app/features/directory/organization-page";
import { addOrganizationAction } from "#app/features/directory/organization-routes.server";

export const meta: MetaFunction = ({ matches }) => [{ title: titleOf(matches, "common.title.addSupplier") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "procurement" });
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  return addOrganizationAction(user, "supplier", request, "/procurement/suppliers");
}

export default function NewSupplierPage() {
  const actionData = useActionData<typeof action>();
  return <NewOrganizationPage kind="supplier" backHref="/procurement/suppliers" actionData={actionData} />;
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
