import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { Field } from "#app/components/forms";
import { createUserSession, getUser, verifyLogin } from "#app/features/accounts/auth.server";
import { fieldErrors } from "#app/lib/forms.server";
import { clientIp } from "#app/lib/http.server";
import { hashPassword } from "#app/features/accounts/password.server";
import { rateLimited, recordAttempt, tooManyAttempts, tooManyAttemptsMessage } from "#app/lib/rate-limit.server";
import { recordAudit } from "#models/audit-event.server";
import { lookupInvitation, redeemInvitation, type InvitationLookup } from "#models/invitation.server";
import { Organization } from "#models/organization.server";
import { User } from "#models/user.server";
import { isDuplicateKey } from "#models/duplicate-key";

export const meta: MetaFunction = () => [
  { title: "Invitation · Flowdown" },
  { name: "referrer", content: "no-referrer" },
];

const DEAD: Record<Exclude<InvitationLookup["state"], "valid">, { title: string; text: string }> = {
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

type View =
  | { kind: "dead"; state: keyof typeof DEAD }
  | { kind: "wrong-account"; signedInAs: string }
  | { kind: "sign-in"; email: string; organisation: string }
  | { kind: "set-up"; email: string; organisation: string }
  | { kind: "unusable" };

async function resolve(request: Request, token: string) {
  const lookup = await lookupInvitation(token);
  if (lookup.state !== "valid") return { view: { kind: "dead", state: lookup.state } as View, lookup };
  const inv = lookup.invitation;
  const user = await getUser(request);
  if (user) {
    if (user.role === "supplier" && user.orgId === String(inv.supplierOrgId)) return { view: null, lookup, user };
    return { view: { kind: "wrong-account", signedInAs: user.email } as View, lookup };
  }
  const org = await Organization.findById(inv.supplierOrgId, { name: 1 }).lean();
  const existing = await User.findOne({ email: inv.email }, { orgId: 1, role: 1 }).lean();
  if (existing && (existing.role !== "supplier" || String(existing.orgId) !== String(inv.supplierOrgId)))
    return { view: { kind: "unusable" } as View, lookup };
  return {
    view: { kind: existing ? "sign-in" : "set-up", email: inv.email, organisation: org?.name ?? "" } as View,
    lookup,
  };
}

async function accept(
  request: Request,
  token: string,
  user: { id: string; email: string; orgId: string },
  assessmentId: string,
) {
  const ok = await redeemInvitation(token, user.id);
  if (!ok) return null;
  await recordAudit({
    action: "invitation.redeem",
    actor: user,
    targetType: "assessment",
    targetId: assessmentId,
    ip: clientIp(request),
  });
  return `/supplier/assessments/${assessmentId}`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  // links are long random tokens; a client trying many of them is slowed down
  const wait = await rateLimited("invite", request);
  if (wait)
    throw new Response(tooManyAttemptsMessage(wait), {
      status: 429,
      headers: { "Retry-After": String(wait * 60), "Content-Type": "text/plain; charset=utf-8" },
    });
  const { view, lookup, user } = await resolve(request, token);
  if (lookup.state === "unknown") await recordAttempt("invite", request);
  if (!view && user && lookup.state === "valid") {
    // already signed in as a colleague at the right supplier: take the invitation and go straight in
    const target = await accept(
      request,
      token,
      { id: user.id, email: user.email, orgId: user.orgId },
      String(lookup.invitation.assessmentId),
    );
    if (target) throw redirect(target);
    return { view: { kind: "dead", state: "used" } as View };
  }
  return { view: view! };
}

const SetUpSchema = z
  .object({
    intent: z.literal("set-up"),
    name: z.string().trim().min(1, "Enter your name").max(200),
    password: z.string().min(12, "Use at least 12 characters").max(1024, "That password is too long"),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords differ" });
const SignInSchema = z.object({
  intent: z.literal("sign-in"),
  password: z.string().min(1, "Enter your password").max(1024),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const form = Object.fromEntries(await request.formData());
  const name = typeof form.name === "string" ? form.name.slice(0, 200) : "";
  const account = `token:${token.slice(0, 100)}`;
  const wait = await rateLimited("invite", request, { account });
  if (wait) return tooManyAttempts(wait, { name }, "password");
  const { view, lookup } = await resolve(request, token);
  if (!view || lookup.state !== "valid") {
    if (lookup.state === "unknown") await recordAttempt("invite", request, { account });
    return redirect(`/invite/${encodeURIComponent(token)}`);
  }
  const inv = lookup.invitation;

  if (view.kind === "set-up") {
    const parsed = SetUpSchema.safeParse(form);
    if (!parsed.success) return data({ errors: fieldErrors(parsed.error), name }, { status: 400 });
    let created;
    try {
      created = await User.create({
        email: inv.email,
        name: parsed.data.name,
        role: "supplier",
        orgId: inv.supplierOrgId,
        passwordHash: await hashPassword(parsed.data.password),
      });
    } catch (error) {
      if (isDuplicateKey(error)) return redirect(`/invite/${encodeURIComponent(token)}`);
      throw error;
    }
    const actor = { id: String(created._id), email: created.email, orgId: String(inv.supplierOrgId) };
    const target = await accept(request, token, actor, String(inv.assessmentId));
    if (!target) {
      // someone redeemed the link a moment earlier: undo the account we just made
      await User.deleteOne({ _id: created._id });
      return redirect(`/invite/${encodeURIComponent(token)}`);
    }
    await recordAudit({
      action: "user.create",
      actor,
      targetType: "user",
      targetId: actor.id,
      details: { via: "invitation" },
      ip: clientIp(request),
    });
    return createUserSession(request, actor.id, target);
  }
  if (view.kind === "sign-in") {
    const parsed = SignInSchema.safeParse(form);
    if (!parsed.success) return data({ errors: fieldErrors(parsed.error), name }, { status: 400 });
    const login = await verifyLogin(inv.email, parsed.data.password);
    if (!login.ok) await recordAttempt("invite", request, { account });
    if (!login.ok)
      return data(
        { errors: { password: ["That password is not right for this account."] } as Record<string, string[]>, name },
        { status: 400 },
      );
    const target = await accept(
      request,
      token,
      { id: login.userId, email: login.email, orgId: login.orgId },
      String(inv.assessmentId),
    );
    if (!target) return redirect(`/invite/${encodeURIComponent(token)}`);
    return createUserSession(request, login.userId, target);
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
    <main className="centered">
      <p className="brand">
        Flowdown<small>Supplier assurance for confidential technology transfers</small>
      </p>
      <div className="card">
        {view.kind === "dead" ? (
          <>
            <h1>{DEAD[view.state].title}</h1>
            <p>{DEAD[view.state].text}</p>
            <p>
              <Link to="/login">Go to sign-in</Link>
            </p>
          </>
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
      </div>
    </main>
  );
}

export function ErrorBoundary() {
  return (
    <main className="centered">
      <GeneralErrorBoundary />
    </main>
  );
}
