import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AgreementForm } from "#app/features/agreements/agreement-form";
import { formValues } from "#app/features/agreements/agreement-form.server";
import { editAgreementForm, updateAgreementFromForm } from "#app/features/agreements/agreement-editing.server";
import { requireUser } from "#app/features/accounts/auth.server";
import { rootMessage as pageTitle } from "#app/i18n/meta";
import { useFormat, useT } from "#app/i18n/react";
import { refusalResponse } from "#app/lib/refusal.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "agreements.meta.edit") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  return editAgreementForm(user, params.id);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  const values = formValues(await request.formData());
  try {
    const id = await updateAgreementFromForm(user, params.id, values, request);
    return redirect(`/procurement/agreements/${id}?tab=terms&saved=1`);
  } catch (error) {
    return refusalResponse(error, { values });
  }
}

export default function EditAgreementPage() {
  const loaded = useLoaderData<typeof loader>();
  const submitted = useActionData<typeof action>();
  const t = useT();
  const format = useFormat();
  if (loaded.archived)
    return (
      <>
        <h1>{t("agreements.edit.title", { reference: loaded.reference })}</h1>
        <section className="notice" role="status" data-testid="agreement-archived">
          <h2>{t("lifecycle.edit.archivedTitle")}</h2>
          <p>{t("lifecycle.edit.archived", { date: format.day(loaded.archived.survivalEnded) })}</p>
          {submitted?.errors?.[""]?.length ? <p>{submitted.errors[""].join(" ")}</p> : null}
          <p>
            <Link to={`/procurement/agreements/${loaded.id}`}>{t("lifecycle.edit.back")}</Link>
          </p>
        </section>
      </>
    );
  return (
    <>
      <h1>{t("agreements.edit.title", { reference: loaded.reference })}</h1>
      <AgreementForm
        values={submitted?.values ?? loaded.values}
        errors={submitted?.errors ?? {}}
        catalogue={loaded.catalogue}
        disclosers={loaded.disclosers}
        suppliers={loaded.suppliers}
        submitLabel={t("agreements.edit.submit")}
        revision={loaded.revision}
      />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
