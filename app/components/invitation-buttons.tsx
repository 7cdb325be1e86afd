import type { MessageId } from "#app/i18n/catalogue";
import { useT } from "#app/i18n/react";

type Intent = "resend" | "revoke";

const TEXT: Record<Intent, { verb: MessageId; busy: MessageId; named: MessageId }> = {
  resend: {
    verb: "accounts.invitation.resend",
    busy: "accounts.invitation.resending",
    named: "accounts.invitation.resendTo",
  },
  revoke: {
    verb: "accounts.invitation.revoke",
    busy: "accounts.invitation.revoking",
    named: "accounts.invitation.revokeTo",
  },
};

/**
 * The resend and revoke buttons of an open invitation's row (posts `invitationId` and `intent`);
 * the caller wraps them in its form.
 */
export function InvitationButtons({
  invitationId,
  email,
  isBusy,
  disabled,
}: {
  invitationId: string;
  /** names the invitation in the buttons' accessible names */
  email?: string;
  /** whether this row's `intent` is under way: its button then says so */
  isBusy?: (intent: Intent) => boolean;
  disabled?: boolean;
}) {
  const t = useT();
  const button = (intent: Intent) => {
    const busy = isBusy?.(intent);
    return (
      <button
        type="submit"
        name="intent"
        value={intent}
        className="secondary small"
        aria-label={email ? t(TEXT[intent].named, { email }) : undefined}
        disabled={disabled || busy}
      >
        {busy ? t(TEXT[intent].busy) : t(TEXT[intent].verb)}
      </button>
    );
  };
  return (
    <>
      <input type="hidden" name="invitationId" value={invitationId} />
      {button("resend")} {button("revoke")}
    </>
  );
}
