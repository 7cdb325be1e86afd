import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { BrandedCard } from "#app/components/branded-card";
import { Field } from "#app/components/forms";
import { createUserSession } from "#app/features/accounts/auth.server";
import { DeadLink } from "#app/features/accounts/token-link-page";
import {
  openInvitation,
  resolveInvitation,
  setUpInvitedAccount,
  signInToInvitation,
  type DeadInvitationState,
} from "#app/features/accounts/invitation.server";
import { fieldErrors } from "#app/lib/forms.server";
import { rateLimited, recordAttempt, tooManyAttempts, tooManyAttemptsMessage } from "#app/lib/rate-limit.server";
import { refusalResponse } from "#app/lib/refusal.server";
import { limitedText, tooLong } from "#app/lib/text-limits";
import { NAME_MAX, PASSWORD_MAX } from "#app/features/accounts/account-limits";

export const meta: MetaFunction = () => [
  { title: "Invitation · Flowdown" },
  { name: "referrer", content: "no-referrer" },
];

const DEAD: Record<DeadInvitationState, { title: string; text: string }> = {
  expired: {
    title: "This invitation has expired",
    text: "Invitation links work for 14 days. Ask the person who sent it for a new link.",
  },
  revoked: {
    title: "This invitation was withdrawn",
    text: "The sender has replaced or cancelled this link. Use the newest invitation you received, or ask the sender for one.",
  },
  used: {
    title: "This invitation has already been used",
    text: "The account for it is set up. Sign in with that account to continue.",
  },
  unknown: {
    title: "This link is not valid",
    text: "Check that you copied the whole link from the e-mail, or ask the sender for a new invitation.",
  },
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  // links are long random tokens; a client trying many of them is slowed down
  const wait = await rateLimited("invite", request);
  if (wait)
    throw new Response(tooManyAttemptsMessage(wait), {
      status: 429,
      headers: { "Retry-After": String(wait * 60), "Content-Type": "text/plain; charset=utf-8" },
    });
  const opened = await openInvitation(request, token);
  if ("enter" in opened) throw redirect(opened.enter);
  return { view: opened.view };
}

const SetUpSchema = z
  .object({
    intent: z.literal("set-up"),
    name: limitedText("Your name", NAME_MAX).min(1, "Enter your name"),
    password: z.string().min(12, "Use at least 12 characters").max(PASSWORD_MAX, tooLong("The password", PASSWORD_MAX)),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords differ" });
const SignInSchema = z.object({
  intent: z.literal("sign-in"),
  password: z.string().min(1, "Enter your password").max(PASSWORD_MAX, tooLong("The password", PASSWORD_MAX)),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const form = Object.fromEntries(await request.formData());
  const name = typeof form.name === "string" ? form.name : "";
  const account = `token:${token.slice(0, 100)}`;
  const wait = await rateLimited("invite", request, { account });
  if (wait) return tooManyAttempts(wait, { name }, "password");
  const { view, lookup } = await resolveInvitation(request, token);
  if (!view || lookup.state !== "valid") {
    if (lookup.state === "unknown") await recordAttempt("invite", request, { account });
    return redirect(`/invite/${encodeURIComponent(token)}`);
  }
  const inv = lookup.invitation;

  if (view.kind === "set-up") {
    const parsed = SetUpSchema.safeParse(form);
    if (!parsed.success) return data({ errors: fieldErrors(parsed.error), name }, { status: 400 });
    const entered = await setUpInvitedAccount(request, token, inv, parsed.data);
    if (!entered) return redirect(`/invite/${encodeURIComponent(token)}`);
    return createUserSession(request, entered.userId, entered.target);
  }
  if (view.kind === "sign-in") {
    const parsed = SignInSchema.safeParse(form);
    if (!parsed.success) return data({ errors: fieldErrors(parsed.error), name }, { status: 400 });
    try {
      const entered = await signInToInvitation(request, token, inv, parsed.data.password, account);
      if (!entered) return redirect(`/invite/${encodeURIComponent(token)}`);
      return createUserSession(request, entered.userId, entered.target);
    } catch (error) {
      return refusalResponse(error, { name });
    }
  }
  return redirect(`/invite/${encodeURIComponent(token)}`);
}

export default function InvitationPage() {
  const { view } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const errors: Record<string, string[]> = actionData?.errors ?? {};
  return (
    <BrandedCard>
      {view.kind === "dead" ? (
        <DeadLink {...DEAD[view.state]} />
      ) : view.kind === "wrong-account" ? (
        <>
          <h1>Signed in with another account</h1>
          <p>
            You are signed in as {view.signedInAs}, which cannot accept this invitation. Sign out, then open the link
            again.
          </p>
          <Form method="post" action="/logout">
            <button type="submit">Sign out</button>
          </Form>
        </>
      ) : view.kind === "unusable" ? (
        <>
          <h1>This invitation cannot be used</h1>
          <p>The e-mail address it was sent to cannot accept it. Ask the sender to invite another address.</p>
        </>
      ) : (
        <>
          <h1>{view.kind === "set-up" ? "Set up your account" : "Sign in to continue"}</h1>
          <p className="muted">
            For {view.email} at {view.organisation}.
          </p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value={view.kind} />
            {view.kind === "set-up" ? (
              <>
                <Field
                  label="Your name"
                  errors={errors.name}
                  inputProps={{
                    name: "name",
                    autoComplete: "name",
                    maxLength: NAME_MAX,
                    defaultValue: actionData?.name ?? "",
                    required: true,
                  }}
                />
                <Field
                  label="Choose a password"
                  errors={errors.password}
                  hint="At least 12 characters."
                  inputProps={{ name: "password", type: "password", autoComplete: "new-password", required: true }}
                />
                <Field
                  label="Repeat the password"
                  errors={errors.confirm}
                  inputProps={{ name: "confirm", type: "password", autoComplete: "new-password", required: true }}
                />
              </>
            ) : (
              <Field
                label="Password"
                errors={errors.password}
                inputProps={{ name: "password", type: "password", autoComplete: "current-password", required: true }}
              />
            )}
            <button type="submit" disabled={busy}>
              {busy
                ? "Please wait…"
                : view.kind === "set-up"
                  ? "Create account and open the questionnaire"
                  : "Sign in and open the questionnaire"}
            </button>
          </Form>
        </>
      )}
    </BrandedCard>
  );
}

export { CenteredErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
