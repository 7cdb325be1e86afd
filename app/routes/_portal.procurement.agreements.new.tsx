import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AgreementForm } from "#app/features/agreements/agreement-form";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { formValues, newAgreementDefaults, parseAgreementForm } from "#app/features/agreements/agreement-form.server";
import { agreementFormContext, catalogueForForm, createAgreement } from "#app/features/agreements/agreements.server";
import { requireUser } from "#app/features/accounts/auth.server";
import { loadCatalogue } from "#questionnaires/loader";

export const meta: MetaFunction = () => [{ title: "New agreement · Flowdown" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  const ctx = await agreementFormContext(user);
  return {
    values: newAgreementDefaults(loadCatalogue()),
    catalogue: catalogueForForm(),
    disclosers: ctx.disclosers,
    suppliers: ctx.suppliers,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  const values = formValues(await request.formData());
  const parsed = parseAgreementForm(values, await agreementFormContext(user));
  if (!parsed.ok) return data({ values, errors: parsed.errors }, { status: 400 });
  const saved = await createAgreement(user, parsed.agreement, request);
  if (!saved.ok) return data({ values, errors: saved.errors }, { status: saved.status });
  return redirect(`/procurement/agreements/${saved.id}?tab=terms&saved=1`);
}

export default function NewAgreementPage() {
  const loaded = useLoaderData<typeof loader>();
  const submitted = useActionData<typeof action>();
  return (
    <>
      <h1>New agreement</h1>
      <AgreementForm
        values={submitted?.values ?? loaded.values}
        errors={submitted?.errors ?? {}}
        catalogue={loaded.catalogue}
        disclosers={loaded.disclosers}
        suppliers={loaded.suppliers}
        submitLabel="Create agreement"
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
