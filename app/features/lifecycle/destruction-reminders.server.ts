import type { Types } from "mongoose";
import { Agreement } from "#models/agreement.server";
import { recordAudit } from "#models/audit-event.server";
import { DestructionRequest, Milestone, type DestructionRequestData } from "#models/lifecycle.server";
import { User } from "#models/user.server";
import type { Role } from "#models/enums";
import { addDaysIso } from "#app/scoring/dates";
import { sendMail } from "#app/lib/mail.server";
import { runExclusively } from "#app/lib/scheduler.server";
import { trusted } from "#app/lib/ids.server";
import { localeOfRecipient } from "#app/features/accounts/locale.server";
import { orgInfo } from "#app/features/accounts/org-names.server";
import { formatDay } from "#app/i18n/format";
import { currentLocale, tIn } from "#app/i18n/messages.server";
import { daysLeft, daysOverdue, lastPlaceDate } from "./deadlines";
import { certificationFacts, ownPartDone } from "./register";

export const DESTRUCTION_REMINDER_DAYS_BEFORE_DUE = 3;
export const DESTRUCTION_ESCALATION_DAYS_OVERDUE = 7;

export type DestructionStage = "due-soon" | "overdue" | "escalated";

/**
 * The mails a request is due at `now`, given only its own dates: a reminder
 * from three days before the due date until it passes, the overdue notice
 * from the first overdue day, the escalation from the seventh. Each is sent
 * once (claimed); a run that finds a stage due sends it whatever day it is
 * within its window, so a day the scheduler missed is not a mail lost.
 */
export function destructionStagesDue(dueDate: string, now: Date): DestructionStage[] {
  const late = daysOverdue(dueDate, now);
  const left = daysLeft(dueDate, now);
  const stages: DestructionStage[] = [];
  if (late === 0 && left <= DESTRUCTION_REMINDER_DAYS_BEFORE_DUE) stages.push("due-soon");
  if (late >= 1) stages.push("overdue");
  if (late >= DESTRUCTION_ESCALATION_DAYS_OVERDUE) stages.push("escalated");
  return stages;
}

/** A holder's own certification is in: signed, with the certificate file where the agreement requires one. */
export function ownCertificationDone(r: Pick<DestructionRequestData, "certification" | "certificateRequired">) {
  return ownPartDone({ certificateRequired: r.certificateRequired, ...certificationFacts(r) });
}

type Audience = "holder" | "parent" | "procurement" | "discloser";

const AUDIENCES: Record<DestructionStage, Audience[]> = {
  "due-soon": ["holder"],
  overdue: ["holder", "parent", "procurement"],
  escalated: ["procurement", "discloser"],
};

const MAIL = {
  "due-soon": ["lifecycle.mail.destruction.dueSoon.subject", "lifecycle.mail.destruction.dueSoon.body"],
  overdueYours: ["lifecycle.mail.destruction.overdueYours.subject", "lifecycle.mail.destruction.overdueYours.body"],
  overdueTheirs: ["lifecycle.mail.destruction.overdueTheirs.subject", "lifecycle.mail.destruction.overdueTheirs.body"],
  escalated: ["lifecycle.mail.destruction.escalated.subject", "lifecycle.mail.destruction.escalated.body"],
} as const;

async function usersOf(orgId: Types.ObjectId | null, role: Role): Promise<string[]> {
  if (!orgId) return [];
  const users = await User.find({ orgId, role, active: trusted({ $ne: false }) }, { email: 1 }).lean();
  return users.map((u) => u.email);
}

/**
 * Reminds and escalates return-or-destroy requests whose holder has not
 * certified its own return or destruction (issue 23): the holder three days
 * before the due date; the holder, the holder above it and the recipient's
 * procurement on the first overdue day; procurement and the disclosing party
 * seven days overdue. Each mail goes once per request and stage however
 * often, and on however many instances, this runs (each send is claimed in
 * the database). A holder that certified but waits on its subcontractors is
 * not reminded; its subcontractors are, by their own requests.
 */
export async function sendDueDestructionReminders({
  now = new Date(),
  origin,
}: {
  now?: Date;
  origin: string;
}): Promise<{ sent: number; skipped: number }> {
  // every request due within the reminder window in the last place on earth (later ones have nothing due)
  const horizon = addDaysIso(lastPlaceDate(now), DESTRUCTION_REMINDER_DAYS_BEFORE_DUE);
  const open = (
    await DestructionRequest.find({ certification: null, dueDate: trusted({ $lte: horizon }) }).lean()
  ).concat(
    // certified without the required certificate file: the holder's own part is still missing
    await DestructionRequest.find({
      certificateRequired: true,
      "certification.certificateFileId": null,
      certification: trusted({ $ne: null }),
      dueDate: trusted({ $lte: horizon }),
    }).lean(),
  );
  let sent = 0;
  let skipped = 0;
  for (const r of open) {
    if (ownCertificationDone(r)) continue;
    for (const stage of destructionStagesDue(r.dueDate, now)) {
      const run = await runExclusively(`destruction-reminder:${r._id}`, stage, () => sendStage(r, stage, now, origin));
      if (run.ran) sent++;
      else skipped++;
    }
  }
  return { sent, skipped };
}

async function sendStage(
  r: DestructionRequestData,
  stage: DestructionStage,
  now: Date,
  origin: string,
): Promise<number> {
  const [agreement, milestone, names] = await Promise.all([
    Agreement.findById(r.agreementId, { reference: 1 }).lean(),
    Milestone.findById(r.milestoneId, { kind: 1, phaseName: 1 }).lean(),
    orgInfo([r.supplierOrgId, r.recipientOrgId]),
  ]);
  const id = String(r.agreementId);
  const reference = agreement?.reference ?? "";
  const holder = names.get(String(r.supplierOrgId))?.name ?? "";
  const recipient = names.get(String(r.recipientOrgId))?.name ?? "";
  const days = daysOverdue(r.dueDate, now);
  const left = Math.max(0, daysLeft(r.dueDate, now));
  const lists: Record<Audience, Promise<string[]>> = {
    holder: usersOf(r.supplierOrgId, "supplier"),
    parent: usersOf(r.parentSupplierOrgId, "supplier"),
    procurement: usersOf(r.recipientOrgId, "procurement"),
    discloser: usersOf(r.discloserOrgId, "discloser"),
  };
  const seen = new Set<string>();
  let count = 0;
  for (const audience of AUDIENCES[stage]) {
    for (const to of await lists[audience]) {
      if (seen.has(to)) continue;
      seen.add(to);
      const locale = await localeOfRecipient(to, currentLocale());
      const link =
        audience === "procurement"
          ? `${origin}/procurement/agreements/${id}?tab=lifecycle`
          : audience === "discloser"
            ? `${origin}/discloser/agreements/${id}?tab=lifecycle`
            : audience === "holder"
              ? `${origin}/supplier/returns/${encodeURIComponent(r._id)}`
              : `${origin}/supplier/returns`;
      const what =
        milestone?.kind === "phase" && milestone.phaseName
          ? tIn(locale, "lifecycle.mail.destruction.phase", { phase: milestone.phaseName })
          : tIn(locale, "lifecycle.mail.destruction.end");
      const values = {
        agreement: reference,
        holder,
        recipient,
        what,
        due: formatDay(locale, r.dueDate),
        days,
        left,
      };
      const yours = audience === "holder";
      const key = stage === "overdue" ? (yours ? "overdueYours" : "overdueTheirs") : stage;
      const [subject, body] = MAIL[key];
      await sendMail({
        to,
        subject: tIn(locale, subject, values),
        text: `${tIn(locale, body, values)}\n\n${tIn(locale, "lifecycle.mail.destruction.link", { link })}`,
        kind: `destruction.${stage}`,
        relatedType: "destruction-request",
        relatedId: r._id,
      });
      count++;
    }
  }
  await recordAudit({
    action: `destruction.${stage}`,
    targetType: "agreement",
    targetId: id,
    details: { supplier: String(r.supplierOrgId), dueDate: r.dueDate, daysOverdue: days, recipients: count },
  });
  return count;
}
