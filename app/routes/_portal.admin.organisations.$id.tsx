import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { FormError } from "#app/components/forms";
import { utcMinute } from "#app/components/time";
import { requireUser } from "#app/features/accounts/auth.server";
import { OrganisationForm } from "#app/features/accounts/organisation-form";
import {
  deactivateOrganisation,
  duplicatesOf,
  EditOrganisationSchema,
  organisationPage,
  reactivateOrganisation,
  updateOrganisation,
} from "#app/features/accounts/organisations.server";
import {
  organisationTeam,
  parseTeamForm,
  requestContext,
  runTeamAction,
  typedValues,
} from "#app/features/accounts/team.server";
import { TEAM_DONE, TeamFlash, TeamSection } from "#app/features/accounts/team-view";
import { fieldErrors } from "#app/lib/forms.server";
import { notFound } from "#app/lib/http.server";
import { refusalResponse } from "#app/lib/refusal.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.org.name ?? "Organisation"} · Flowdown` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "admin" });
  return (await organisationPage(user, params.id ?? "")) ?? notFound();
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "admin" });
  const id = params.id ?? "";
  const scope = (await organisationTeam(user, id)) ?? notFound();
  const form = Object.fromEntries(await request.formData());
  const intent = typeof form.intent === "string" ? form.intent : "";
  const values = typedValues(form);
  const ctx = requestContext(request);
  const back = (done: string, mailStatus?: string) =>
    redirect(
      `/admin/organisations/${id}?done=${done}${mailStatus && mailStatus !== "sent" ? `&mail=${mailStatus}` : ""}`,
    );
  try {
    switch (intent) {
      case "edit": {
        const parsed = EditOrganisationSchema.safeParse(form);
        if (!parsed.success) {
          return data({ intent, errors: fieldErrors(parsed.error), values, duplicates: [] }, { status: 400 });
        }
        const { changed } = await updateOrganisation(user, id, parsed.data, ctx);
        return back(changed ? "updated" : "unchanged");
      }
      case "deactivate-org":
        await deactivateOrganisation(user, id, ctx);
        return back("org-deactivated");
      case "reactivate-org":
        await reactivateOrganisation(user, id, ctx);
        return back("org-reactivated");
      default: {
        const parsed = parseTeamForm(form);
        if (!parsed.ok) return data({ ...parsed, duplicates: [] }, { status: 400 });
        const outcome = await runTeamAction(scope, parsed.action, ctx);
        return back(outcome.done, outcome.mailStatus);
      }
    }
  } catch (error) {
    return refusalResponse(error, { intent, values, duplicates: duplicatesOf(error) });
  }
}

const DONE: Record<string, string> = {
  ...TEAM_DONE,
  created: "Organisation created. Invite its people below.",
  updated: "Organisation saved.",
  unchanged: "Nothing was changed.",
  "org-deactivated": "Organisation deactivated: its users were signed out and cannot sign in.",
  "org-reactivated": "Organisation reactivated: its active users can sign in again.",
};

export default function OrganisationPage() {
  const { org, team, parents, countries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const busyState = navigation.state !== "idle" && navigation.formData?.get("intent");
  const intent = actionData?.intent;
  const editErrors = intent === "edit" ? actionData!.errors : {};
  const stateErrors = intent === "deactivate-org" || intent === "reactivate-org" ? actionData!.errors[""] : undefined;
  return (
    <>
      <TeamFlash done={params.get("done")} mail={params.get("mail")} messages={DONE} outboxLink />
      <p>
        <Link to="/admin/organisations">← Organisations</Link>
      </p>
      <div className="page-head">
        <h1>{org.name}</h1>
        {org.active ? <span className="badge ok">active</span> : <span className="badge none">deactivated</span>}
      </div>
      <p className="muted">
        {org.kindLabel} in {org.countryName}: its users are {team.org.role.toLowerCase()} users.
        {org.parent ? (
          <>
            {" "}
            Part of the <Link to={`/admin/organisations/${org.parent.id}`}>{org.parent.name}</Link> group.
          </>
        ) : null}
      </p>

      <h2>Details</h2>
      <OrganisationForm
        intent="edit"
        values={intent === "edit" ? actionData!.values : org}
        errors={editErrors}
        duplicates={intent === "edit" ? actionData!.duplicates : []}
        countries={countries}
        parents={parents}
        fixedKind={org.kindLabel}
        submitLabel="Save"
        busyLabel="Saving…"
      />

      <TeamSection
        team={team}
        actionData={
          intent && intent !== "edit" && intent !== "deactivate-org" && intent !== "reactivate-org"
            ? actionData
            : undefined
        }
        inviteHint={`The person gets an e-mail with a link to set their password (valid for 7 days, once). Their role is ${team.org.role.toLowerCase()}, given by the organisation's kind.`}
      />

      <Form method="post" className="card form-section">
        <h2>{org.active ? "Deactivate the organisation" : "Reactivate the organisation"}</h2>
        <FormError messages={stateErrors} />
        {org.active ? (
          <>
            <p>
              Its users are signed out at once and cannot sign in until it is reactivated. Its agreements, assessments
              and audit trail stay.
            </p>
            <input type="hidden" name="intent" value="deactivate-org" />
            <button type="submit" className="secondary" disabled={busyState === "deactivate-org"}>
              {busyState === "deactivate-org" ? "Deactivating…" : `Deactivate ${org.name}`}
            </button>
          </>
        ) : (
          <>
            <p>
              Deactivated {org.deactivatedAt ? utcMinute(org.deactivatedAt) : ""}. Reactivating lets its active users
              sign in again.
            </p>
            <input type="hidden" name="intent" value="reactivate-org" />
            <button type="submit" disabled={busyState === "reactivate-org"}>
              {busyState === "reactivate-org" ? "Reactivating…" : `Reactivate ${org.name}`}
            </button>
          </>
        )}
      </Form>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
