import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { titleOf } from "#app/i18n/meta";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { FormError } from "#app/components/forms";
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
import { useFormat, useT } from "#app/i18n/react";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data?.org.name ? `${data.org.name} · Flowdown` : titleOf(matches, "common.nav.organisations") },
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

export default function OrganisationPage() {
  const { org, role, team, parents, countries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const t = useT();
  const format = useFormat();
  const kind = t(`labels.orgKind.${org.kind}`);
  const done: Record<string, string> = {
    ...TEAM_DONE,
    created: t("admin.org.done.created"),
    updated: t("admin.org.done.updated"),
    unchanged: t("admin.org.done.unchanged"),
    "org-deactivated": t("admin.org.done.deactivated"),
    "org-reactivated": t("admin.org.done.reactivated"),
  };
  const busyState = navigation.state !== "idle" && navigation.formData?.get("intent");
  const intent = actionData?.intent;
  const editErrors = intent === "edit" ? actionData!.errors : {};
  const stateErrors = intent === "deactivate-org" || intent === "reactivate-org" ? actionData!.errors[""] : undefined;
  return (
    <>
      <TeamFlash done={params.get("done")} mail={params.get("mail")} messages={done} outboxLink />
      <p>
        <Link to="/admin/organisations">{t("admin.orgs.back")}</Link>
      </p>
      <div className="page-head">
        <h1>{org.name}</h1>
        {org.active ? (
          <span className="badge ok">{t("admin.state.active")}</span>
        ) : (
          <span className="badge none">{t("admin.state.deactivated")}</span>
        )}
      </div>
      <p className="muted">
        {t("admin.org.summary", { kind, country: org.countryName, role })}
        {org.parent ? (
          <>
            {" "}
            {t.rich("admin.org.partOf", {
              name: org.parent.name,
              link: (chunks) => <Link to={`/admin/organisations/${org.parent!.id}`}>{chunks}</Link>,
            })}
          </>
        ) : null}
      </p>

      <h2>{t("admin.org.details")}</h2>
      <OrganisationForm
        intent="edit"
        values={intent === "edit" ? actionData!.values : org}
        errors={editErrors}
        duplicates={intent === "edit" ? actionData!.duplicates : []}
        countries={countries}
        parents={parents}
        fixedKind={kind}
        submitLabel={t("admin.org.save")}
        busyLabel={t("admin.org.saving")}
      />

      <TeamSection
        team={team}
        actionData={
          intent && intent !== "edit" && intent !== "deactivate-org" && intent !== "reactivate-org"
            ? actionData
            : undefined
        }
        inviteHint={t("admin.org.inviteHint", { role })}
      />

      <Form method="post" className="card form-section">
        <h2>{org.active ? t("admin.org.deactivateTitle") : t("admin.org.reactivateTitle")}</h2>
        <FormError messages={stateErrors} />
        {org.active ? (
          <>
            <p>{t("admin.org.deactivateText")}</p>
            <input type="hidden" name="intent" value="deactivate-org" />
            <button type="submit" className="secondary" disabled={busyState === "deactivate-org"}>
              {busyState === "deactivate-org"
                ? t("admin.org.deactivating")
                : t("admin.org.deactivate", { name: org.name })}
            </button>
          </>
        ) : (
          <>
            <p>{t("admin.org.deactivatedText", { at: format.moment(org.deactivatedAt) })}</p>
            <input type="hidden" name="intent" value="reactivate-org" />
            <button type="submit" disabled={busyState === "reactivate-org"}>
              {busyState === "reactivate-org"
                ? t("admin.org.reactivating")
                : t("admin.org.reactivate", { name: org.name })}
            </button>
          </>
        )}
      </Form>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
