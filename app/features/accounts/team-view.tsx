import { Form, useLocation, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { Field, FormError } from "#app/components/forms";
import { InvitationButtons } from "#app/components/invitation-buttons";
import { ListTable } from "#app/components/list-table";
import type { MessageId } from "#app/i18n/catalogue";
import { useFormat, useLanguageData, useT } from "#app/i18n/react";
import type { Role } from "#models/enums";
import { EMAIL_MAX } from "#app/lib/text-limits";
import { NAME_MAX } from "./account-limits";

/** What the page says after a team action (the route redirects with `done` and, for mail, `mail`): catalogue ids. */
export const TEAM_DONE: Record<string, MessageId> = {
  invited: "accounts.team.done.invited",
  resent: "accounts.team.done.resent",
  revoked: "accounts.team.done.revoked",
  "team-role": "accounts.team.done.teamRole",
  deactivated: "accounts.team.done.deactivated",
  reactivated: "accounts.team.done.reactivated",
};

/** What the team pages show: teamPage() in team.server.ts, serialised. */
export interface TeamData {
  org: { id: string; name: string; kind: string; role: string; roleId: Role; active: boolean };
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
    teamAdmin: boolean;
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
  const t = useT();
  return active ? (
    <span className="badge ok">{t("accounts.team.state.active")}</span>
  ) : (
    <span className="badge none">{t("accounts.team.state.deactivated")}</span>
  );
}

export function LastSignIn({ at }: { at: string | null }) {
  const t = useT();
  const format = useFormat();
  return at ? <>{format.moment(at)}</> : <span className="muted">{t("accounts.team.never")}</span>;
}

/** The button that deactivates an active user or reactivates a deactivated one (hidden `intent`). */
export function ActivationForm({ user, busy }: { user: { id: string; name: string; active: boolean }; busy: boolean }) {
  const t = useT();
  const verb = user.active ? t("accounts.team.deactivate") : t("accounts.team.reactivate");
  const named = user.active ? "accounts.team.deactivateName" : "accounts.team.reactivateName";
  return (
    <Form method="post" style={{ display: "inline" }}>
      <input type="hidden" name="intent" value={user.active ? "deactivate" : "reactivate"} />
      <input type="hidden" name="userId" value={user.id} />
      <button type="submit" className="secondary small" aria-label={t(named, { name: user.name })} disabled={busy}>
        {busy ? (user.active ? t("accounts.team.deactivating") : t("accounts.team.reactivating")) : verb}
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
  const t = useT();
  const catalogue = useLanguageData().messages;
  const said = done ? messages[done] : undefined;
  if (!said) return null;
  // a catalogue id is said in the reader's language; other text (a page's own, not yet in the catalogue) as it is
  const text = said in catalogue ? t(said as MessageId) : said;
  const outbox = (chunks: ReactNode[]) => <a href="/admin/outbox">{chunks}</a>;
  return (
    <>
      <p className="flash">{text}</p>
      {mail === "failed" ? (
        <p className="form-error" role="alert">
          {t("accounts.team.mailFailed")}{" "}
          {outboxLink ? t.rich("accounts.team.mailFailedOutbox", { outbox }) : t("accounts.team.mailFailedAsk")}
        </p>
      ) : mail === "logged" ? (
        <p className="notice">
          {t("accounts.team.mailLogged")}{" "}
          {outboxLink ? t.rich("accounts.team.mailLoggedOutbox", { outbox }) : t("accounts.team.mailLoggedAsk")}
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
  const t = useT();
  const format = useFormat();
  const teamRole = (admin: boolean) => t(`labels.teamRole.${admin ? "admin" : "member"}`);
  // a new location (the redirect after a sent invitation) starts the invite form afresh; a refusal keeps what was typed
  const { key: locationKey } = useLocation();
  const invite = actionData?.intent === "invite" ? actionData : undefined;
  const rowError = actionData && actionData.intent !== "invite" ? actionData.errors[""] : undefined;
  const inviteErrors = invite?.errors ?? {};
  return (
    <>
      <section className="card form-section" aria-labelledby="people-heading">
        <h2 id="people-heading">{t("accounts.team.people")}</h2>
        <FormError messages={rowError} />
        {team.hasTeamAdmin || !team.people.some((p) => p.active) ? null : (
          <p className="notice">{t("accounts.team.noTeamAdmin", { organisation: team.org.name })}</p>
        )}
        <ListTable
          label={t("accounts.team.peopleList")}
          data-testid="people"
          rows={team.people}
          rowKey={(p) => p.id}
          empty={t("accounts.team.noPeople")}
          columns={[
            {
              header: t("accounts.team.column.name"),
              cell: (p) => (
                <>
                  {p.name}
                  {p.self ? <span className="muted"> {t("accounts.team.you")}</span> : null}
                </>
              ),
            },
            { header: t("accounts.team.column.email"), cell: (p) => p.email },
            { header: t("accounts.team.column.teamRole"), cell: (p) => teamRole(p.teamAdmin) },
            { header: t("accounts.team.column.state"), cell: (p) => <UserState active={p.active} /> },
            { header: t("accounts.team.column.lastSignIn"), cell: (p) => <LastSignIn at={p.lastLoginAt} /> },
            {
              header: t("accounts.team.column.actions"),
              cell: (p) => (
                <>
                  {p.lastTeamAdmin ? (
                    <span className="muted small">
                      {p.self ? t("accounts.team.onlyAdminSelf") : t("accounts.team.onlyAdminOther")}
                    </span>
                  ) : null}
                  {p.canChangeRole ? (
                    <Form method="post" style={{ display: "inline" }}>
                      <input type="hidden" name="intent" value="team-role" />
                      <input type="hidden" name="userId" value={p.id} />
                      <input type="hidden" name="teamRole" value={p.teamAdmin ? "member" : "admin"} />
                      <button type="submit" className="secondary small" disabled={busy("team-role", p.id)}>
                        {busy("team-role", p.id)
                          ? t("accounts.team.changing")
                          : p.teamAdmin
                            ? p.self
                              ? t("accounts.team.makeMeMember")
                              : t("accounts.team.makeThemMember")
                            : t("accounts.team.makeTeamAdmin")}
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
        <h2 id="invitations-heading">{t("accounts.team.openInvitations")}</h2>
        <ListTable
          label={t("accounts.team.invitationsList")}
          data-testid="invitations"
          rows={team.invitations}
          rowKey={(i) => i.id}
          empty={t("accounts.team.noInvitations")}
          columns={[
            { header: t("accounts.team.column.email"), cell: (i) => i.email },
            {
              header: t("accounts.team.column.name"),
              cell: (i) => i.name || <span className="muted">{t("accounts.team.notGiven")}</span>,
            },
            { header: t("accounts.team.column.teamRole"), cell: (i) => teamRole(i.teamAdmin) },
            { header: t("accounts.team.column.sent"), cell: (i) => format.moment(i.sentAt) },
            {
              header: t("accounts.team.column.expires"),
              cell: (i) =>
                i.expired ? (
                  <span className="badge bad">
                    {t("accounts.team.expiredAt", { date: format.moment(i.expiresAt) })}
                  </span>
                ) : (
                  format.moment(i.expiresAt)
                ),
            },
            {
              header: t("accounts.team.column.actions"),
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
          <h2 id="invite-heading">{t("accounts.team.inviteSomeone")}</h2>
          <p className="muted">{inviteHint}</p>
          <FormError messages={inviteErrors[""]} />
          <input type="hidden" name="intent" value="invite" />
          <Field
            label={t("accounts.field.email")}
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
            label={t("accounts.team.nameOptional")}
            errors={inviteErrors.name}
            hint={t("accounts.team.nameHint")}
            inputProps={{ name: "name", maxLength: NAME_MAX, defaultValue: invite?.values?.name ?? "" }}
          />
          <div className="field">
            <label className="check">
              <input type="checkbox" name="teamAdmin" defaultChecked={invite?.values?.teamAdmin === "on"} />{" "}
              {t("accounts.team.teamAdminCheck")}
            </label>
          </div>
          <button type="submit" disabled={busy("invite")}>
            {busy("invite") ? t("accounts.team.sendingInvitation") : t("accounts.team.sendInvitation")}
          </button>
        </Form>
      ) : (
        <p className="notice">{t("accounts.team.orgDeactivated")}</p>
      )}
    </>
  );
}
