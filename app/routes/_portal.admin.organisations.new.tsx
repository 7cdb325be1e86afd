import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
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

export const meta: MetaFunction = () => [{ title: "New organisation · Flowdown" }];

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
  return (
    <>
      <p>
        <Link to="/admin/organisations">← Organisations</Link>
      </p>
      <h1>New organisation</h1>
      <p className="muted">
        The kind gives every user of the organisation their role (a recipient&apos;s users are procurement) and cannot
        be changed later. Invite its people from the organisation&apos;s page once it exists.
      </p>
      <OrganisationForm
        values={actionData?.values ?? {}}
        errors={actionData?.errors ?? {}}
        duplicates={actionData?.duplicates ?? []}
        countries={countries}
        parents={parents}
        kinds={kinds}
        submitLabel="Create organisation"
        busyLabel="Creating…"
      />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
