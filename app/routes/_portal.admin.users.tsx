import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { titleOf } from "#app/i18n/meta";
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { FormError } from "#app/components/forms";
import { ListTable } from "#app/components/list-table";
import { requireUser } from "#app/features/accounts/auth.server";
import {
  everyTeam,
  requestContext,
  runTeamAction,
  UserListActionSchema,
  userDirectory,
} from "#app/features/accounts/team.server";
import { ActivationForm, LastSignIn, TEAM_DONE, UserState } from "#app/features/accounts/team-view";
import { fieldErrors } from "#app/lib/forms.server";
import { refusalResponse } from "#app/lib/refusal.server";
import { t as say } from "#app/i18n/messages.server";
import { useT } from "#app/i18n/react";

export const meta: MetaFunction = ({ matches }) => [{ title: titleOf(matches, "common.nav.users") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "admin" });
  return { users: await userDirectory(user) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "admin" });
  const parsed = UserListActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    return data(
      { errors: { "": errors.intent ? [say("admin.users.unknownAction")] : Object.values(errors).flat() } },
      { status: 400 },
    );
  }
  try {
    const outcome = await runTeamAction(everyTeam(user), parsed.data, requestContext(request));
    return redirect(`/admin/users?done=${outcome.done}`);
  } catch (error) {
    return refusalResponse(error);
  }
}

export default function UsersPage() {
  const { users } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const t = useT();
  const done = TEAM_DONE[params.get("done") ?? ""];
  const busyFor = (id: string) => navigation.state !== "idle" && navigation.formData?.get("userId") === id;
  return (
    <>
      {done ? <p className="flash">{done}</p> : null}
      <h1>{t("common.nav.users")}</h1>
      <p className="muted">
        {t.rich("admin.users.intro", { link: (chunks) => <Link to="/admin/organisations">{chunks}</Link> })}
      </p>
      <FormError messages={actionData?.errors[""]} />
      <ListTable
        data-testid="users"
        rows={users}
        rowKey={(u) => u.id}
        empty={t("admin.users.empty")}
        columns={[
          { header: t("admin.column.name"), cell: (u) => u.name },
          { header: t("admin.column.email"), cell: (u) => u.email },
          { header: t("admin.column.role"), cell: (u) => u.role },
          {
            header: t("admin.column.organisation"),
            cell: (u) =>
              u.org ? (
                <>
                  <Link to={`/admin/organisations/${u.org.id}`}>{u.org.name}</Link>
                  {u.org.active ? null : <span className="muted"> {t("admin.users.deactivated")}</span>}
                </>
              ) : (
                <span className="muted">{t("admin.none")}</span>
              ),
          },
          { header: t("admin.column.teamRole"), cell: (u) => u.teamRole },
          { header: t("admin.column.state"), cell: (u) => <UserState active={u.active} /> },
          { header: t("admin.column.lastSignIn"), cell: (u) => <LastSignIn at={u.lastLoginAt} /> },
          {
            header: t("admin.column.actions"),
            cell: (u) =>
              u.self ? (
                <span className="muted small">{t("admin.users.you")}</span>
              ) : (
                <ActivationForm user={u} busy={busyFor(u.id)} />
              ),
          },
        ]}
      />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
