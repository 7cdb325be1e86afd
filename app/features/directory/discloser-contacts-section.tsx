import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { InvitationButtons } from "#app/components/invitation-buttons";
import { ListTable } from "#app/components/list-table";
import { ErrorList, Field, FormError } from "#app/components/forms";
import { useFormat, useT } from "#app/i18n/react";
import type { DiscloserContacts } from "./discloser-contacts.server";

type Jsonified<T> = T extends (infer U)[] ? Jsonified<U>[] : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T;

interface Reply {
  ok: boolean;
  message: string | null;
  errors: Record<string, string[]>;
  values: { email?: string; name?: string };
}

/**
 * Procurement's view of the disclosing party's people on an agreement page:
 * who has an account, the invitations sent for this agreement, and a form to
 * invite a contact (their account is made in the disclosing organisation).
 */
export function DiscloserContactsSection({ contacts }: { contacts: Jsonified<DiscloserContacts> }) {
  const t = useT();
  const format = useFormat();
  const organisation = contacts.organisation;
  const invite = useFetcher<Reply>({ key: `discloser-invite-${contacts.agreementId}` });
  const row = useFetcher<Reply>({ key: `discloser-invitation-${contacts.agreementId}` });
  const action = `/procurement/agreements/${contacts.agreementId}/contacts`;
  const errors = invite.data && !invite.data.ok ? invite.data.errors : {};
  const sending = invite.state !== "idle";
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (invite.state === "idle" && invite.data?.ok) form.current?.reset();
  }, [invite.state, invite.data]);
  const done = [invite.data, row.data].find((d) => d?.ok && d.message)?.message ?? null;
  return (
    <section
      className="card form-section"
      id="contacts"
      aria-labelledby="contacts-heading"
      data-testid="discloser-contacts"
    >
      <h2 id="contacts-heading">{t("directory.contacts.title")}</h2>
      <p className="muted">{t("directory.contacts.intro", { organisation })}</p>
      {done ? (
        <p className="flash" role="status">
          {done}
        </p>
      ) : null}
      {row.data && !row.data.ok ? <FormError messages={Object.values(row.data.errors).flat()} /> : null}
      <h3>{t("directory.contacts.accounts")}</h3>
      <ListTable
        label={t("directory.contacts.accounts")}
        data-testid="discloser-users"
        rows={contacts.users}
        rowKey={(u) => u.id}
        empty={t("directory.contacts.noAccounts", { organisation })}
        columns={[
          { header: t("directory.contacts.name"), cell: (u) => u.name },
          { header: t("directory.contacts.email"), cell: (u) => u.email },
          {
            header: t("directory.contacts.status"),
            cell: (u) => (u.active ? null : <span className="badge none">{t("directory.contacts.deactivated")}</span>),
          },
        ]}
      />
      <h3>{t("directory.contacts.invitations")}</h3>
      <ListTable
        label={t("directory.contacts.invitationsLabel")}
        data-testid="discloser-invitations"
        rows={contacts.invitations}
        rowKey={(i) => i.id}
        empty={t("directory.contacts.noInvitations")}
        columns={[
          { header: t("directory.contacts.email"), cell: (i) => i.email },
          {
            header: t("directory.contacts.name"),
            cell: (i) => i.name || <span className="muted">{t("directory.contacts.notGiven")}</span>,
          },
          { header: t("directory.contacts.sent"), cell: (i) => format.moment(i.sentAt) },
          {
            header: t("directory.contacts.link"),
            cell: (i) =>
              i.expired ? (
                <span className="badge warn">{t("directory.contacts.expired")}</span>
              ) : (
                <span className="small">
                  {t("directory.contacts.validUntil", { moment: format.moment(i.expiresAt) })}
                </span>
              ),
          },
          {
            header: t("directory.contacts.actions"),
            cell: (i) => (
              <row.Form method="post" action={action} className="inline">
                <InvitationButtons invitationId={i.id} disabled={row.state !== "idle"} />
              </row.Form>
            ),
          },
        ]}
      />
      <h3>{t("directory.contacts.invite")}</h3>
      {contacts.organisationActive ? (
        <invite.Form method="post" action={action} noValidate ref={form}>
          <input type="hidden" name="intent" value="invite" />
          <FormError messages={errors[""]} />
          <div className="grid-2">
            <Field
              label={t("directory.contacts.email")}
              errors={errors.email}
              inputProps={{
                id: "contact-email",
                name: "email",
                type: "email",
                required: true,
                maxLength: 254,
                autoComplete: "off",
                defaultValue: invite.data && !invite.data.ok ? (invite.data.values.email ?? "") : "",
              }}
            />
            <Field
              label={t("directory.contacts.name")}
              errors={errors.name}
              inputProps={{
                id: "contact-name",
                name: "name",
                maxLength: 200,
                autoComplete: "off",
                defaultValue: invite.data && !invite.data.ok ? (invite.data.values.name ?? "") : "",
              }}
            />
          </div>
          <ErrorList errors={errors.teamAdmin} />
          <button type="submit" disabled={sending}>
            {sending ? t("directory.contacts.sending") : t("directory.contacts.inviteButton")}
          </button>
        </invite.Form>
      ) : (
        <p className="notice">{t("directory.contacts.orgDeactivated", { organisation })}</p>
      )}
    </section>
  );
}
