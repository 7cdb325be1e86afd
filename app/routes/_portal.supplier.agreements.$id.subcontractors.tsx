import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "#app/features/accounts/auth.server";
import { SupplierSubcontractors, type DeclarationReply } from "#app/features/subcontractors/supplier-subcontractors";
import {
  supplierSubcontractorAction,
  supplierSubcontractorsPage,
} from "#app/features/subcontractors/subcontractors.server";
import { refusalResponse } from "#app/lib/refusal.server";
import { t } from "#app/i18n/messages.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Flowdown" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "supplier" });
  const page = await supplierSubcontractorsPage(user, params.id);
  return {
    ...page,
    metaTitle: page.agreement.reference
      ? t("subcontractors.supplier.metaTitle", { reference: page.agreement.reference })
      : t("subcontractors.supplier.metaTitleFallback"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "supplier" });
  const values: Record<string, string> = {};
  for (const [k, v] of (await request.formData()).entries()) if (typeof v === "string") values[k] = v;
  try {
    const { done } = await supplierSubcontractorAction(user, params.id, values, request);
    return redirect(`/supplier/agreements/${params.id}/subcontractors?${done}=1`);
  } catch (error) {
    return refusalResponse(error, { intent: values.intent ?? "", proposalId: values.proposalId ?? "", values });
  }
}

export default function SupplierSubcontractorsPage() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as DeclarationReply | undefined;
  return <SupplierSubcontractors d={data} reply={reply} />;
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
