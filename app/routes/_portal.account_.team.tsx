import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireTeamAdmin } from "#app/features/accounts/auth.server";
import {
  ownTeam,
  parseTeamForm,
  requestContext,
  runTeamAction,
  teamPage,
  typedValues,
} from "#app/features/accounts/team.server";
import { TEAM_DONE, TeamFlash, TeamSection } from "#app/features/accounts/team-view";
import { refusalResponse } from "#app/lib/refusal.server";
import { titleOf as pageTitle } from "#app/i18n/meta";
import { useLocale, useT } from "#app/i18n/react";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "accounts.team.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireTeamAdmin(request);
  return teamPage(ownTeam(user));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireTeamAdmin(request);
  const form = Object.fromEntries(await request.formData());
  const parsed = parseTeamForm(form);
  if (!parsed.ok) return data(parsed, { status: 400 });
  try {
    const outcome = await runTeamAction(ownTeam(user), parsed.action, requestContext(request));
    const mail = outcome.mailStatus && outcome.mailStatus !== "sent" ? `&mail=${outcome.mailStatus}` : "";
    return redirect(`/account/team?done=${outcome.done}${mail}`);
  } catch (error) {
    return refusalResponse(error, { intent: parsed.action.intent, values: typedValues(form) });
  }
}

export default function TeamPage() {
  const team = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const role = t(`labels.role.${team.org.roleId}`);
  return (
    <>
      <TeamFlash done={params.get("done")} mail={params.get("mail")} messages={TEAM_DONE} outboxLink={false} />
      <h1>{t("accounts.team.title")}</h1>
      <p className="muted">{t("accounts.team.intro", { organisation: team.org.name })}</p>
      <p>
        <Link to="/account/team/api-tokens">{t("api.tokens.teamLink")}</Link>
      </p>
      <p>
        <Link to="/account/team/webhooks">{t("webhooks.teamLink")}</Link>
      </p>
      <p>
        <Link to="/account/team/sso">{t("sso.settings.teamLink")}</Link>
      </p>
      <TeamSection
        team={team}
        actionData={actionData}
        inviteHint={t("accounts.team.inviteHint", {
          // English names the role in the sentence's own case; the other languages quote it as it is
          role: locale === "en" ? role.toLowerCase() : role,
          organisation: team.org.name,
        })}
      />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
