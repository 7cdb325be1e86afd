import { Form, useLocation, useNavigation } from "@remix-run/react";
import { Field, FormError } from "#app/components/forms";
import { InvitationButtons } from "#app/components/invitation-buttons";
import { ListTable } from "#app/components/list-table";
import { utcMinute } from "#app/components/time";
import { EMAIL_MAX } from "#app/lib/text-limits";
import { NAME_MAX } from "./account-limits";

/** What the page says after a team action (the route redirects with `done` and, for mail, `mail`). */
export const TEAM_DONE: Record<string, string> = {
  invited: "Invitation sent.",
  resent: "A new invitation was sent; the earlier link no longer works.",
  revoked: "Invitation revoked: its link no longer works.",
  "team-role": "Team role changed. The person was signed out so the new rights apply.",
  deactivated: "User deactivated and signed out everywhere.",
  reactivated: "User reactivated: they can sign in again while their organisation is active.",
};

/** What the team pages show: teamPage() in team.server.ts, serialised. */
export interface TeamData {
  org: { id: string; name: string; kind: string; role: string; active: boolean };
  hasTeamAdmin: boolean;
  people: {
    id: string;
    name: string;
    email: string;
    teamAdmin: boolean;
    teamRole: string;
    active: boolean;
    self: boolean;
    lastTeamAdmin: boolean;
    canChangeRole: boolean;
    canDeactivate: boolean;
    lastLoginAt: string | null;
  }[];
  invitations: {
    id: string;
    email: string;
    name: string;
    teamRole: string;
    expiresAt: string;
    expired: boolean;
    sentAt: string;
  }[];
}

/** What a team action answered with when it was refused. */
export interface TeamActionData {
  intent?: string;
  errors: Record<string, string[]>;
  values?: Record<string, string>;
}

function useBusy() {
  const navigation = useNavigation();
  return (intent: string, key?: string) =>
    navigation.state !== "idle" &&
    navigation.formData?.get("intent") === intent &&
    (key === undefined ||
      navigation.formData?.get("userId") === key ||
      navigation.formData?.get("invitationId") === key);
}

/** The flash after a team action: what was done and, when an e-mail could not go out, what that means. */
/** A user's state, as every list of people shows it. */
export function UserState({ active }: { active: boolean }) {
  return active ? <span className="badge ok">active</span> : <span className="badge none">deactivated</span>;
}

export function LastSignIn({ at }: { at: string | null }) {
  return at ? <>{utcMinute(at)}</> : <span className="muted">never</span>;
}

/** The button that deactivates an active user or reactivates a deactivated one (hidden `intent`). */
export function ActivationForm({ user, busy }: { user: { id: string; name: string; active: boolean }; busy: boolean }) {
  const verb = user.active ? "Deactivate" : "Reactivate";
  return (
    <Form method="post" style={{ display: "inline" }}>
      <input type="hidden" name="intent" value={user.active ? "deactivate" : "reactivate"} />
      <input type="hidden" name="userId" value={user.id} />
      <button type="submit" className="secondary small" aria-label={`${verb} ${user.name}`} disabled={busy}>
        {busy ? (user.active ? "Deactivating…" : "Reactivating…") : verb}
      </button>
    </Form>
  );
}

export function TeamFlash({
  done,
  mail,
  messages,
  outboxLink,
}: {
  done: string | null;
  mail: string | null;
  messages: Record<string, string>;
  outboxLink: boolean;
}) {
  const text = done ? messages[done] : undefined;
  if (!text) return null;
  return (
    <>
      <p className="flash">{text}</p>
      {mail === "failed" ? (
        <p className="form-error" role="alert">
          The e-mail could not be sent.{" "}
          {outboxLink ? (
            <>
              The reason is in the <a href="/admin/outbox">outbox</a>; use Resend once mail works again.
            </>
          ) : (
            "Use Resend later, or ask your Flowdown administrator to look at the mail settings."
          )}
        </p>
      ) : mail === "logged" ? (
        <p className="notice">
          No mail server is configured, so the e-mail was not sent.{" "}
          {outboxLink ? (
            <>
              The message and its link are in the <a href="/admin/outbox">outbox</a>.
            </>
          ) : (
            "Ask your Flowdown administrator to pass the link on."
          )}
        </p>
      ) : null}
    </>
  );
}

/** The people of an organisation, its open invitations and the invite form. */
export function TeamSection({
  team,
  actionData,
  inviteHint,
}: {
  team: TeamData;
  actionData: TeamActionData | undefined;
  inviteHint: string;
}) {
  const busy = useBusy();
  // a new location (the redirect after a sent invitation) starts the invite form afresh; a refusal keeps what was typed
  const { key: locationKey } = useLocation();
  const invite = actionData?.intent === "invite" ? actionData : undefined;
  const rowError = actionData && actionData.intent !== "invite" ? actionData.errors[""] : undefined;
  const inviteErrors = invite?.errors ?? {};
  return (
    <>
      <section className="card form-section" aria-labelledby="people-heading">
        <h2 id="people-heading">People</h2>
        <FormError messages={rowError} />
        {team.hasTeamAdmin || !team.people.some((p) => p.active) ? null : (
          <p className="notice">
            Nobody in {team.org.name} manages its team: make an active member a team administrator, or invite one.
          </p>
        )}
        <ListTable
          label="List of people"
          data-testid="people"
          rows={team.people}
          rowKey={(p) => p.id}
          empty="Nobody has an account in this organisation yet."
          columns={[
            {
              header: "Name",
              cell: (p) => (
                <>
                  {p.name}
                  {p.self ? <span className="muted"> (you)</span> : null}
                </>
              ),
            },
            { header: "E-mail", cell: (p) => p.email },
            { header: "Team role", cell: (p) => p.teamRole },
            { header: "State", cell: (p) => <UserState active={p.active} /> },
            { header: "Last sign-in", cell: (p) => <LastSignIn at={p.lastLoginAt} /> },
            {
              header: "Actions",
              cell: (p) => (
                <>
                  {p.lastTeamAdmin ? (
                    <span className="muted small">
                      The only team administrator: make someone else one before changing {p.self ? "your" : "their"}{" "}
                      role.
                    </span>
                  ) : null}
                  {p.canChangeRole ? (
                    <Form method="post" style={{ display: "inline" }}>
                      <input type="hidden" name="intent" value="team-role" />
                      <input type="hidden" name="userId" value={p.id} />
                      <input type="hidden" name="teamRole" value={p.teamAdmin ? "member" : "admin"} />
                      <button type="submit" className="secondary small" disabled={busy("team-role", p.id)}>
                        {busy("team-role", p.id)
                          ? "Changing…"
                          : p.teamAdmin
                            ? `Make ${p.self ? "me" : "them"} a member`
                            : "Make team administrator"}
                      </button>
                    </Form>
                  ) : null}{" "}
                  {!p.canDeactivate ? null : (
                    <ActivationForm user={p} busy={busy(p.active ? "deactivate" : "reactivate", p.id)} />
                  )}
                </>
              ),
            },
          ]}
        />
      </section>

      <section className="card form-section" aria-labelledby="invitations-heading">
        <h2 id="invitations-heading">Open invitations</h2>
        <ListTable
          label="List of open invitations"
          data-testid="invitations"
          rows={team.invitations}
          rowKey={(i) => i.id}
          empty="No open invitations."
          columns={[
            { header: "E-mail", cell: (i) => i.email },
            { header: "Name", cell: (i) => i.name || <span className="muted">not given</span> },
            { header: "Team role", cell: (i) => i.teamRole },
            { header: "Sent", cell: (i) => utcMinute(i.sentAt) },
            {
              header: "Expires",
              cell: (i) =>
                i.expired ? (
                  <span className="badge bad">expired {utcMinute(i.expiresAt)}</span>
                ) : (
                  utcMinute(i.expiresAt)
                ),
            },
            {
              header: "Actions",
              cell: (i) => (
                <Form method="post" style={{ display: "inline" }}>
                  <InvitationButtons invitationId={i.id} email={i.email} isBusy={(intent) => busy(intent, i.id)} />
                </Form>
              ),
            },
          ]}
        />
      </section>

      {team.org.active ? (
        <Form key={locationKey} method="post" className="card form-section" noValidate aria-labelledby="invite-heading">
          <h2 id="invite-heading">Invite someone</h2>
          <p className="muted">{inviteHint}</p>
          <FormError messages={inviteErrors[""]} />
          <input type="hidden" name="intent" value="invite" />
          <Field
            label="E-mail"
            errors={inviteErrors.email}
            inputProps={{
              name: "email",
              type: "email",
              autoComplete: "off",
              required: true,
              maxLength: EMAIL_MAX,
              defaultValue: invite?.values?.email ?? "",
            }}
          />
          <Field
            label="Name (optional)"
            errors={inviteErrors.name}
            hint="Proposed on the sign-up page; the person can change it."
            inputProps={{ name: "name", maxLength: NAME_MAX, defaultValue: invite?.values?.name ?? "" }}
          />
          <div className="field">
            <label className="check">
              <input type="checkbox" name="teamAdmin" defaultChecked={invite?.values?.teamAdmin === "on"} /> Team
              administrator (can invite and manage this organisation&apos;s people)
            </label>
          </div>
          <button type="submit" disabled={busy("invite")}>
            {busy("invite") ? "Sending the invitation…" : "Send invitation"}
          </button>
        </Form>
      ) : (
        <p className="notice">This organisation is deactivated: reactivate it before inviting anyone.</p>
      )}
    </>
  );
}
