type Intent = "resend" | "revoke";

const TEXT: Record<Intent, { verb: string; busy: string }> = {
  resend: { verb: "Resend", busy: "Sending…" },
  revoke: { verb: "Revoke", busy: "Revoking…" },
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
  const button = (intent: Intent) => {
    const busy = isBusy?.(intent);
    return (
      <button
        type="submit"
        name="intent"
        value={intent}
        className="secondary small"
        aria-label={email ? `${TEXT[intent].verb} the invitation to ${email}` : undefined}
        disabled={disabled || busy}
      >
        {busy ? TEXT[intent].busy : TEXT[intent].verb}
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
