import { Agreement } from "#models/agreement.server";
import { AssessmentRow } from "#models/assessment-row.server";
import { recordAudit } from "#models/audit-event.server";
import { addDaysIso } from "#app/scoring/dates";
import { todayIso } from "#models/today";
import { Invitation } from "#models/invitation.server";
import { Organization } from "#models/organization.server";
import { User } from "#models/user.server";
import { sendMail } from "#app/lib/mail.server";
import { runExclusively } from "#app/lib/scheduler.server";
import { trusted } from "#app/lib/ids.server";
import { localeOfRecipient } from "#app/features/accounts/locale.server";
import { formatDay } from "#app/i18n/format";
import { currentLocale, tIn } from "#app/i18n/messages.server";

export const REMINDER_DAYS_BEFORE_DUE = 3;
const OPEN = ["invited", "in_progress", "remediation_requested"] as const;

/**
 * E-mails suppliers whose assessment is due within three days or overdue:
 * at most once a day per assessment, and exactly once however many app
 * instances run this at the same moment (the day's run is claimed in the database).
 */
export async function sendDueReminders({
  now = new Date(),
  origin,
}: {
  now?: Date;
  origin: string;
}): Promise<{ sent: number; skipped: number }> {
  const today = todayIso(now);
  const horizon = addDaysIso(today, REMINDER_DAYS_BEFORE_DUE);
  // the small list rows, not the assessments themselves (see models/assessment-row.server.ts)
  const due = await AssessmentRow.find(
    { status: trusted({ $in: OPEN }), dueDate: trusted({ $lte: horizon }) },
    { supplierOrgId: 1, ownerOrgId: 1, agreementId: 1, dueDate: 1 },
  ).lean();
  let sent = 0;
  let skipped = 0;
  for (const a of due) {
    const id = String(a._id);
    const run = await runExclusively(`reminder:${id}`, today, async () => {
      const [users, invitations, agreement, client] = await Promise.all([
        User.find({ orgId: a.supplierOrgId, role: "supplier" }, { email: 1 }).lean(),
        Invitation.find(
          { assessmentId: a._id, status: "active", expiresAt: trusted({ $gt: now }) },
          { email: 1 },
        ).lean(),
        Agreement.findById(a.agreementId, { reference: 1 }).lean(),
        Organization.findById(a.ownerOrgId, { name: 1 }).lean(),
      ]);
      const withAccount = new Set(users.map((u) => u.email));
      const recipients = [...withAccount, ...invitations.map((i) => i.email).filter((e) => !withAccount.has(e))];
      const overdue = a.dueDate < today;
      for (const to of recipients) {
        // in each recipient's language (a run outside a request falls back to English)
        const locale = await localeOfRecipient(to, currentLocale());
        const yourClient = tIn(locale, "assessments.mail.reminder.yourClient");
        const how = withAccount.has(to)
          ? tIn(locale, "assessments.mail.reminder.continue", { link: `${origin}/supplier/assessments/${id}` })
          : tIn(locale, "assessments.mail.reminder.useInvitation");
        const due = formatDay(locale, a.dueDate);
        const body = tIn(
          locale,
          overdue ? "assessments.mail.reminder.bodyOverdue" : "assessments.mail.reminder.bodyDueSoon",
          { client: client?.name ?? yourClient, agreement: agreement?.reference ?? "", due },
        );
        await sendMail({
          to,
          subject: tIn(
            locale,
            overdue ? "assessments.mail.reminder.subjectOverdue" : "assessments.mail.reminder.subjectDueSoon",
            { agreement: agreement?.reference ?? yourClient },
          ),
          text: `${body}\n\n${how}`,
          kind: "reminder",
          relatedType: "assessment",
          relatedId: id,
        });
      }
      await recordAudit({
        action: "assessment.reminder",
        targetType: "assessment",
        targetId: id,
        details: { recipients: recipients.length, dueDate: a.dueDate },
      });
      return recipients.length;
    });
    if (run.ran) sent++;
    else skipped++;
  }
  return { sent, skipped };
}
