import { auditHead, formatAuditAnchor, verifyAuditChain, type AuditAnchor } from "#models/audit-event.server";
import { sendMail } from "#app/lib/mail.server";
import { currentLocale, tIn } from "#app/i18n/messages.server";
import { formatMoment } from "#app/i18n/format";
import { localeOfRecipient } from "#app/features/accounts/locale.server";

/**
 * The audit trail's head, e-mailed so that it is kept outside the database:
 * whoever holds it can later run `audit:verify -- --anchor <anchor>` and
 * find out whether any entry up to it was removed, altered or cut off. Sent
 * by `audit:verify --mail` and, with AUDIT_ANCHOR_MAIL set, once a day;
 * each recipient reads it in the language of their account.
 */
export async function mailAuditAnchor(
  to: readonly string[],
  opts: { checkedAgainst?: AuditAnchor } = {},
): Promise<{ ok: boolean; checked: number; problems: string[]; head: (AuditAnchor & { at: Date }) | null }> {
  const report = await verifyAuditChain(opts.checkedAgainst);
  const head = await auditHead();
  if (head) {
    const text = formatAuditAnchor(head);
    for (const address of to) {
      const locale = await localeOfRecipient(address, currentLocale());
      await sendMail({
        to: address,
        subject: tIn(locale, "admin.anchorMail.subject", { seq: String(head.seq) }),
        text: [
          tIn(locale, "admin.anchorMail.latest", { at: formatMoment(locale, head.at), seq: String(head.seq) }),
          report.ok
            ? tIn(locale, "admin.anchorMail.intact", { count: report.checked })
            : tIn(locale, "admin.anchorMail.broken", { count: report.problems.length }),
          "",
          tIn(locale, "admin.anchorMail.keep", { placeholder: "<anchor>" }),
          "",
          `  ${text}`,
        ].join("\n"),
        kind: "audit-anchor",
      });
    }
  }
  return { ...report, head };
}
