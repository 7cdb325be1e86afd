import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { BrandedCard } from "#app/components/branded-card";
import { Field, FormError } from "#app/components/forms";
import { acceptInvitation, openSetUpLink, type SetUpView } from "#app/features/accounts/account-tokens.server";
import { createUserSession, getUser, logout, ROLE_HOME } from "#app/features/accounts/auth.server";
import {
  limitedLinkView,
  PASSWORD_PAIR,
  PASSWORDS_DIFFER,
  passwordsMatch,
} from "#app/features/accounts/token-link.server";
import { DeadLink, NewPasswordFields, TooManyAttempts } from "#app/features/accounts/token-link-page";
import { fieldErrors } from "#app/lib/forms.server";
import { clientIp } from "#app/lib/http.server";
import { recordAttempt } from "#app/lib/rate-limit.server";
import { refusalResponse } from "#app/lib/refusal.server";
import { NAME_MAX } from "#app/features/accounts/account-limits";
import { limitedText } from "#app/lib/text-limits";
import { titleOf as pageTitle } from "#app/i18n/meta";
import type { MessageId } from "#app/i18n/catalogue";
import { useT } from "#app/i18n/react";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "accounts.setUp.title") },
  // the link is the key to the account: never pass it on to another site
  { name: "referrer", content: "no-referrer" },
];

type DeadState = Extract<SetUpView, { kind: "dead" }>["state"];
type View =
  | { kind: "limited"; message: string }
  | { kind: "dead"; state: DeadState }
  | { kind: "signed-in"; signedInAs: { name: string; email: string; organisation: string }; email: string }
  | Extract<SetUpView, { kind: "set-up" }>;

const DEAD: Record<DeadState, { title: MessageId; text: MessageId }> = {
  expired: { title: "accounts.welcome.dead.expired.title", text: "accounts.welcome.dead.expired.text" },
  used: { title: "accounts.welcome.dead.used.title", text: "accounts.welcome.dead.used.text" },
  revoked: { title: "accounts.welcome.dead.revoked.title", text: "accounts.welcome.dead.revoked.text" },
  unknown: { title: "accounts.welcome.dead.unknown.title", text: "accounts.welcome.dead.unknown.text" },
};

const SetUpSchema = z
  .object({
    name: limitedText("Your name", NAME_MAX).min(1, "accounts.name.enter"),
    ...PASSWORD_PAIR,
  })
  .refine(passwordsMatch, PASSWORDS_DIFFER);

/** What a visitor with this link sees; an unknown or dead link counts against the client's `token` limit. */
async function viewFor(
  request: Request,
  token: string,
): Promise<{ view: View; status: number; headers?: HeadersInit }> {
  const limited = await limitedLinkView(request);
  if (limited) return limited;
  const opened = await openSetUpLink(token);
  if (opened.kind === "dead") {
    await recordAttempt("token", request);
    const view: View = opened;
    return { view, status: opened.state === "unknown" ? 404 : 410 };
  }
  const user = await getUser(request);
  if (user) {
    const view: View = {
      kind: "signed-in",
      signedInAs: { name: user.name, email: user.email, organisation: user.org.name },
      email: opened.email,
    };
    return { view, status: 200 };
  }
  return { view: opened as View, status: 200 };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  // anyone holding the link may open it: the link is the credential
  const { view, status, headers } = await viewFor(request, params.token ?? "");
  return data({ view }, { status, headers });
}

export async function action({ request, params }: ActionFunctionArgs) {
  // anyone holding the link: the link is the credential (checked below, rate limited)
  const token = params.token ?? "";
  const form = Object.fromEntries(await request.formData());
  // signed in as someone else: end that session and come back to the link
  if (form.intent === "sign-out") return logout(request, `/welcome/${encodeURIComponent(token)}`);
  const name = typeof form.name === "string" ? form.name : "";
  const { view, status, headers } = await viewFor(request, token);
  if (view.kind !== "set-up") {
    // signed in as someone else: the page asks them to sign out first
    const refused = view.kind === "signed-in" ? 409 : status;
    return data({ view, name, errors: {} as Record<string, string[]> }, { status: refused, headers });
  }
  const parsed = SetUpSchema.safeParse(form);
  // passwords are never sent back
  if (!parsed.success) return data({ view, name, errors: fieldErrors(parsed.error) }, { status: 400 });
  let accepted;
  try {
    accepted = await acceptInvitation(token, parsed.data, { ip: clientIp(request) });
  } catch (error) {
    return refusalResponse(error, { view, name });
  }
  const home =
    accepted.role === "discloser" && accepted.agreementId
      ? `/discloser/agreements/${accepted.agreementId}`
      : ROLE_HOME[accepted.role];
  return createUserSession(request, accepted.userId, `${home}?notice=welcome`);
}

export default function WelcomePage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const view = (actionData?.view ?? loaded.view) as View;
  const errors: Record<string, string[]> = actionData?.errors ?? {};
  const t = useT();
  return (
    <BrandedCard>
      {view.kind === "limited" ? (
        <TooManyAttempts message={view.message} />
      ) : view.kind === "dead" ? (
        <DeadLink title={t(DEAD[view.state].title)} text={t(DEAD[view.state].text)} />
      ) : view.kind === "signed-in" ? (
        <>
          <h1>{t("accounts.welcome.signedIn.title")}</h1>
          <p>
            {t("accounts.welcome.signedIn.text", {
              name: view.signedInAs.name,
              email: view.signedInAs.email,
              organisation: view.signedInAs.organisation,
              invited: view.email,
            })}
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="sign-out" />
            <button type="submit" disabled={busy}>
              {busy ? t("accounts.welcome.signingOut") : t("accounts.welcome.signOutAndContinue")}
            </button>
          </Form>
          <p>
            <Link to="/">{t("accounts.welcome.stay")}</Link>
          </p>
        </>
      ) : (
        <>
          <h1>{t("accounts.setUp.title")}</h1>
          <dl className="facts">
            <dt>{t("accounts.field.organisation")}</dt>
            <dd>{view.organisation}</dd>
            <dt>{t("accounts.field.role")}</dt>
            <dd>
              {view.teamAdmin
                ? t("accounts.welcome.roleWithTeam", { role: t(`labels.role.${view.role}`) })
                : t(`labels.role.${view.role}`)}
            </dd>
            <dt>{t("accounts.field.email")}</dt>
            <dd>{view.email}</dd>
          </dl>
          <FormError messages={errors[""]} />
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="set-up" />
            <Field
              label={t("accounts.field.yourName")}
              errors={errors.name}
              inputProps={{
                name: "name",
                autoComplete: "name",
                defaultValue: actionData?.name ?? view.name,
                maxLength: NAME_MAX,
                required: true,
              }}
            />
            <NewPasswordFields
              errors={errors}
              label={t("accounts.field.choosePassword")}
              repeatLabel={t("accounts.field.repeatPassword")}
            />
            {/* the e-mail address, for password managers */}
            <input type="hidden" name="username" autoComplete="username" value={view.email} />
            <button type="submit" disabled={busy}>
              {busy ? t("accounts.welcome.creating") : t("accounts.welcome.create")}
            </button>
          </Form>
        </>
      )}
    </BrandedCard>
  );
}

export { CenteredErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
