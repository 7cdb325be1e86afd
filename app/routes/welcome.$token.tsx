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

export const meta: MetaFunction = () => [
  { title: "Set up your account · Flowdown" },
  // the link is the key to the account: never pass it on to another site
  { name: "referrer", content: "no-referrer" },
];

type DeadState = Extract<SetUpView, { kind: "dead" }>["state"];
type View =
  | { kind: "limited"; message: string }
  | { kind: "dead"; state: DeadState }
  | { kind: "signed-in"; signedInAs: { name: string; email: string; organisation: string }; email: string }
  | Extract<SetUpView, { kind: "set-up" }>;

const DEAD: Record<DeadState, { title: string; text: string }> = {
  expired: {
    title: "This link has expired",
    text: "Set-up links work for 7 days. Ask the person who invited you to send a new one.",
  },
  used: {
    title: "This link has already been used",
    text: "The account it was for is set up: sign in with it. If you did not set it up yourself, tell the person who invited you.",
  },
  revoked: {
    title: "This link no longer works",
    text: "It was replaced by a newer invitation or withdrawn. Use the link in the newest invitation e-mail, or ask the person who invited you for a new one.",
  },
  unknown: {
    title: "This link is not valid",
    text: "Check that you copied the whole link from the e-mail. If it still does not work, ask the person who invited you for a new one.",
  },
};

const SetUpSchema = z
  .object({
    name: limitedText("Your name", NAME_MAX).min(1, "Enter your name"),
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
  return (
    <BrandedCard>
      {view.kind === "limited" ? (
        <TooManyAttempts message={view.message} />
      ) : view.kind === "dead" ? (
        <DeadLink {...DEAD[view.state]} />
      ) : view.kind === "signed-in" ? (
        <>
          <h1>You are signed in as someone else</h1>
          <p>
            This browser is signed in as {view.signedInAs.name} ({view.signedInAs.email}, {view.signedInAs.organisation}
            ). The link sets up the account of {view.email}: sign out first to continue.
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="sign-out" />
            <button type="submit" disabled={busy}>
              {busy ? "Signing out…" : "Sign out and continue"}
            </button>
          </Form>
          <p>
            <Link to="/">Stay signed in and go to my dashboard</Link>
          </p>
        </>
      ) : (
        <>
          <h1>Set up your account</h1>
          <dl className="facts">
            <dt>Organisation</dt>
            <dd>{view.organisation}</dd>
            <dt>Role</dt>
            <dd>
              {view.role}
              {view.teamAdmin ? ", team administrator" : ""}
            </dd>
            <dt>E-mail</dt>
            <dd>{view.email}</dd>
          </dl>
          <FormError messages={errors[""]} />
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="set-up" />
            <Field
              label="Your name"
              errors={errors.name}
              inputProps={{
                name: "name",
                autoComplete: "name",
                defaultValue: actionData?.name ?? view.name,
                maxLength: NAME_MAX,
                required: true,
              }}
            />
            <NewPasswordFields errors={errors} label="Choose a password" repeatLabel="Repeat the password" />
            {/* the e-mail address, for password managers */}
            <input type="hidden" name="username" autoComplete="username" value={view.email} />
            <button type="submit" disabled={busy}>
              {busy ? "Creating your account…" : "Create my account"}
            </button>
          </Form>
        </>
      )}
    </BrandedCard>
  );
}

export { CenteredErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
