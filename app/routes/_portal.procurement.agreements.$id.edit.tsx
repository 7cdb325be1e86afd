import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AgreementForm } from "#app/features/agreements/agreement-form";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { agreementToFormValues, formValues, parseAgreementForm } from "#app/features/agreements/agreement-form.server";
import { agreementFormContext, catalogueForForm, updateAgreement } from "#app/features/agreements/agreements.server";
import { requireUser } from "#app/features/accounts/auth.server";
import { notFound } from "#app/lib/http.server";
import { getAgreementFor } from "#models/agreement.server";

export const meta: MetaFunction = () => [{ title: "Edit agreement · Flowdown" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  const agreement = await getAgreementFor(user, params.id ?? "");
  if (!agreement) notFound();
  const ctx = await agreementFormContext(user);
  return {
    reference: agreement.reference,
    revision: agreement.revision,
    values: agreementToFormValues(agreement),
    catalogue: catalogueForForm(),
    disclosers: ctx.disclosers,
    suppliers: ctx.suppliers,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  const existing = await getAgreementFor(user, params.id ?? "");
  if (!existing) notFound();
  const values = formValues(await request.formData());
  const revision = Number(values.revision);
  if (!Number.isInteger(revision) || revision < 1)
    return data(
      { values, errors: { "": ["The form is missing its revision; reload the page and try again."] } },
      { status: 400 },
    );
  const parsed = parseAgreementForm(values, await agreementFormContext(user));
  if (!parsed.ok) return data({ values, errors: parsed.errors }, { status: 400 });
  const saved = await updateAgreement(user, String(existing._id), revision, parsed.agreement, request);
  if (!saved.ok) return data({ values, errors: saved.errors }, { status: saved.status });
  return redirect(`/procurement/agreements/${saved.id}?tab=terms&saved=1`);
}

export default function EditAgreementPage() {
  const loaded = useLoaderData<typeof loader>();
  const submitted = useActionData<typeof action>();
  return (
    <>
      <h1>Edit {loaded.reference}</h1>
      <AgreementForm
        values={submitted?.values ?? loaded.values}
        errors={submitted?.errors ?? {}}
        catalogue={loaded.catalogue}
        disclosers={loaded.disclosers}
        suppliers={loaded.suppliers}
        submitLabel="Save changes"
        revision={loaded.revision}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
