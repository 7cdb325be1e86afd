import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { requireUser } from "#app/features/accounts/auth.server";
import { addOrPick, formStrings } from "#app/features/directory/inline-add.server";
import { NewOrganizationPage } from "#app/features/directory/organization-page";
import { refusalResponse } from "#app/lib/refusal.server";

export const meta: MetaFunction = () => [{ title: "Add a supplier · Flowdown" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "procurement" });
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  const values = formStrings(await request.formData());
  try {
    const outcome = await addOrPick(user, "supplier", values, request);
    if (outcome.kind === "duplicates")
      return data({ values, errors: {}, duplicates: outcome.duplicates, message: outcome.message }, { status: 409 });
    const flash = new URLSearchParams({
      [outcome.kind === "created" ? "added" : outcome.kind]: "1",
      name: outcome.organization.name,
    });
    return redirect(`/procurement/suppliers?${flash}`);
  } catch (error) {
    return refusalResponse(error, { values });
  }
}

export default function NewSupplierPage() {
  const actionData = useActionData<typeof action>();
  return (
    <NewOrganizationPage
      kind="supplier"
      backHref="/procurement/suppliers"
      backLabel="Suppliers"
      actionData={actionData}
    />
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
