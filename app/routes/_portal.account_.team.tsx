import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
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

export const meta: MetaFunction = () => [{ title: "Team · Flowdown" }];

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
  return (
    <>
      <TeamFlash done={params.get("done")} mail={params.get("mail")} messages={TEAM_DONE} outboxLink={false} />
      <h1>Team</h1>
      <p className="muted">
        The people of {team.org.name}. As a team administrator you invite colleagues, choose who else manages the team,
        and deactivate accounts that should no longer have access.
      </p>
      <TeamSection
        team={team}
        actionData={actionData}
        inviteHint={`Your colleague gets an e-mail with a link to set their password (valid for 7 days, once). Their role is ${team.org.role.toLowerCase()}, as for everyone in ${team.org.name}.`}
      />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
