import { auditHead, formatAuditAnchor, verifyAuditChain, type AuditAnchor } from "#models/audit-event.server";
import { utcMinuteText } from "#app/scoring/dates";
import { sendMail } from "#app/lib/mail.server";

/**
 * The audit trail's head, e-mailed so that it is kept outside the database:
 * whoever holds it can later run `audit:verify -- --anchor <anchor>` and
 * find out whether any entry up to it was removed, altered or cut off. Sent
 * by `audit:verify --mail` and, with AUDIT_ANCHOR_MAIL set, once a day.
 */
export async function mailAuditAnchor(
  to: readonly string[],
  opts: { checkedAgainst?: AuditAnchor } = {},
): Promise<{ ok: boolean; checked: number; problems: string[]; head: (AuditAnchor & { at: Date }) | null }> {
  const report = await verifyAuditChain(opts.checkedAgainst);
  const head = await auditHead();
  if (head) {
    const text = formatAuditAnchor(head);
    for (const address of to)
      await sendMail({
        to: address,
        subject: `Flowdown audit trail anchor: entry ${head.seq}`,
        text: [
          `The audit trail's latest entry on ${utcMinuteText(head.at.toISOString())} is entry ${head.seq}.`,
          report.ok
            ? `The whole trail checked intact (${report.checked} entries).`
            : `The trail did NOT check intact (${report.problems.length} problems): ask the portal's operator why.`,
          "",
          "Keep this anchor. Whoever later runs `npm run audit:verify -- --anchor <anchor>` finds out whether any",
          "entry up to this one was removed, altered or cut off since:",
          "",
          `  ${text}`,
        ].join("\n"),
        kind: "audit-anchor",
      });
  }
  return { ...report, head };
}
