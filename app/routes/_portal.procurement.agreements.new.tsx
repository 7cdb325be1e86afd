import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AgreementForm } from "#app/features/agreements/agreement-form";
import { formValues } from "#app/features/agreements/agreement-form.server";
import { createAgreementFromForm, newAgreementForm } from "#app/features/agreements/agreement-editing.server";
import { requireUser } from "#app/features/accounts/auth.server";
import { rootMessage as pageTitle } from "#app/i18n/meta";
import { useT } from "#app/i18n/react";
import { refusalResponse } from "#app/lib/refusal.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "agreements.meta.new") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  return newAgreementForm(user);
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  const values = formValues(await request.formData());
  try {
    const id = await createAgreementFromForm(user, values, request);
    return redirect(`/procurement/agreements/${id}?tab=terms&saved=1`);
  } catch (error) {
    return refusalResponse(error, { values });
  }
}

export default function NewAgreementPage() {
  const loaded = useLoaderData<typeof loader>();
  const submitted = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <h1>{t("agreements.new.title")}</h1>
      <AgreementForm
        values={submitted?.values ?? loaded.values}
        errors={submitted?.errors ?? {}}
        catalogue={loaded.catalogue}
        disclosers={loaded.disclosers}
        suppliers={loaded.suppliers}
        submitLabel={t("agreements.new.submit")}
      />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
