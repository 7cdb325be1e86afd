import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { InvitationButtons } from "#app/components/invitation-buttons";
import { ListTable } from "#app/components/list-table";
import { ErrorList, Field, FormError } from "#app/components/forms";
import { utcMinute } from "#app/components/time";
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
      <h2 id="contacts-heading">Disclosing party contacts</h2>
      <p className="muted">
        People of {contacts.organisation} who follow this agreement in the portal. Their accounts belong to{" "}
        {contacts.organisation} and see only the agreements that name it.
      </p>
      {done ? (
        <p className="flash" role="status">
          {done}
        </p>
      ) : null}
      {row.data && !row.data.ok ? <FormError messages={Object.values(row.data.errors).flat()} /> : null}
      <h3>Accounts</h3>
      <ListTable
        label="Accounts"
        data-testid="discloser-users"
        rows={contacts.users}
        rowKey={(u) => u.id}
        empty={`Nobody at ${contacts.organisation} has an account yet.`}
        columns={[
          { header: "Name", cell: (u) => u.name },
          { header: "E-mail", cell: (u) => u.email },
          { header: "Status", cell: (u) => (u.active ? null : <span className="badge none">deactivated</span>) },
        ]}
      />
      <h3>Invitations sent for this agreement</h3>
      <ListTable
        label="Contact invitations"
        data-testid="discloser-invitations"
        rows={contacts.invitations}
        rowKey={(i) => i.id}
        empty="No open invitations."
        columns={[
          { header: "E-mail", cell: (i) => i.email },
          { header: "Name", cell: (i) => i.name || <span className="muted">not given</span> },
          { header: "Sent", cell: (i) => utcMinute(i.sentAt) },
          {
            header: "Link",
            cell: (i) =>
              i.expired ? (
                <span className="badge warn">expired</span>
              ) : (
                <span className="small">valid until {utcMinute(i.expiresAt)}</span>
              ),
          },
          {
            header: "Actions",
            cell: (i) => (
              <row.Form method="post" action={action} className="inline">
                <InvitationButtons invitationId={i.id} disabled={row.state !== "idle"} />
              </row.Form>
            ),
          },
        ]}
      />
      <h3>Invite a contact</h3>
      {contacts.organisationActive ? (
        <invite.Form method="post" action={action} noValidate ref={form}>
          <input type="hidden" name="intent" value="invite" />
          <FormError messages={errors[""]} />
          <div className="grid-2">
            <Field
              label="E-mail"
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
              label="Name"
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
            {sending ? "Sending the invitation…" : "Invite"}
          </button>
        </invite.Form>
      ) : (
        <p className="notice">{contacts.organisation} is deactivated: nobody can be invited into it.</p>
      )}
    </section>
  );
}
