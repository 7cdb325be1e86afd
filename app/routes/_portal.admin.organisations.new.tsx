import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { titleOf } from "#app/i18n/meta";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "#app/features/accounts/auth.server";
import { OrganisationForm } from "#app/features/accounts/organisation-form";
import {
  createOrganisation,
  duplicatesOf,
  newOrganisationPage,
  NewOrganisationSchema,
} from "#app/features/accounts/organisations.server";
import { typedValues } from "#app/features/accounts/team.server";
import { fieldErrors } from "#app/lib/forms.server";
import { clientIp } from "#app/lib/http.server";
import { refusalResponse } from "#app/lib/refusal.server";
import { useT } from "#app/i18n/react";

export const meta: MetaFunction = ({ matches }) => [{ title: titleOf(matches, "common.title.newOrganisation") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "admin" });
  return newOrganisationPage();
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "admin" });
  const form = Object.fromEntries(await request.formData());
  const values = typedValues(form);
  const parsed = NewOrganisationSchema.safeParse(form);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values, duplicates: [] }, { status: 400 });
  let created;
  try {
    created = await createOrganisation(user, parsed.data, { ip: clientIp(request) });
  } catch (error) {
    return refusalResponse(error, { values, duplicates: duplicatesOf(error) });
  }
  return redirect(`/admin/organisations/${created.id}?done=created`);
}

export default function NewOrganisationPage() {
  const { kinds, parents, countries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <p>
        <Link to="/admin/organisations">{t("admin.orgs.back")}</Link>
      </p>
      <h1>{t("admin.orgs.new")}</h1>
      <p className="muted">{t("admin.orgNew.intro")}</p>
      <OrganisationForm
        values={actionData?.values ?? {}}
        errors={actionData?.errors ?? {}}
        duplicates={actionData?.duplicates ?? []}
        countries={countries}
        parents={parents}
        kinds={kinds}
        submitLabel={t("admin.orgNew.submit")}
        busyLabel={t("admin.orgNew.busy")}
      />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
