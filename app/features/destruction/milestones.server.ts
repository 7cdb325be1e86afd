import mongoose, { type Types } from "mongoose";
import { z } from "zod";
import { getAgreementFor, type AgreementData } from "#models/agreement.server";
import { recordAudit } from "#models/audit-event.server";
import { isDuplicateKey } from "#models/duplicate-key";
import {
  DestructionRequest,
  destructionRequestId,
  Milestone,
  milestoneId,
  type DestructionRequestData,
  type MilestoneData,
} from "#models/lifecycle.server";
import { Refusal, said } from "#models/refusal";
import { todayIso } from "#models/today";
import { User } from "#models/user.server";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { localeOfRecipient } from "#app/features/accounts/locale.server";
import { agreementCompliance } from "#app/features/agreements/compliance.server";
import { destructionDueDate, survivalEnds } from "#app/features/lifecycle/deadlines";
import { formatDay, formatMoment } from "#app/i18n/format";
import { currentLocale, tIn } from "#app/i18n/messages.server";
import { fieldErrors } from "#app/lib/forms.server";
import { clientIp, notFound } from "#app/lib/http.server";
import { toObjectId, trusted } from "#app/lib/ids.server";
import { sendMail } from "#app/lib/mail.server";
import { limitedText } from "#app/lib/text-limits";
import { isIsoDate } from "#app/scoring/dates";
import { holdersOf, type Holder } from "./holders";
import { MILESTONE_NOTE_MAX } from "./destruction-limits";

const isoDate = z.string().trim().min(1, "destruction.field.enterDate").refine(isIsoDate, "destruction.field.realDate");
const note = limitedText("The note", MILESTONE_NOTE_MAX);
/** Irreversible: the form's confirmation box must be ticked. */
const confirm = z.literal("on", { error: "destruction.field.confirm" });

export const ClosePhaseSchema = z.object({
  intent: z.literal("close-phase"),
  phaseKey: z.string().trim().min(1, "destruction.field.choosePhase").max(100, "destruction.field.choosePhase"),
  effectiveDate: isoDate,
  note,
  confirm,
});
export const EndSchema = z.object({
  intent: z.literal("end"),
  kind: z.enum(["termination", "expiry"], { error: "destruction.field.chooseKind" }),
  effectiveDate: isoDate,
  note,
  confirm,
});

type LeanAgreement = AgreementData & { _id: Types.ObjectId };

/** "Recorded on … by …": what a refusal names when someone else recorded the milestone first. */
function alreadyRecorded(m: MilestoneData): Refusal {
  const values = {
    date: m.effectiveDate,
    by: m.recordedByName,
    at: new Date(m.recordedAt)
      .toISOString()
      .replace("T", " ")
      .replace(/:\d\d\.\d+Z$/, " UTC"),
  };
  if (m.kind === "phase")
    return new Refusal(said("destruction.milestone.phaseAlreadyClosed", { ...values, phase: m.phaseName ?? "" }));
  return new Refusal(said(`destruction.milestone.alreadyEnded.${m.kind}`, values));
}

async function procurementAgreement(user: CurrentUser, id: string | undefined): Promise<LeanAgreement> {
  const agreement = user.role === "procurement" ? await getAgreementFor(user, id ?? "") : null;
  if (!agreement) notFound();
  return agreement as LeanAgreement;
}

/** The milestones page: the phases still open, those closed, and the agreement's end once recorded. */
export async function milestonesPage(user: CurrentUser, id: string | undefined, now = new Date()) {
  const agreement = await procurementAgreement(user, id);
  const recorded = await Milestone.find({ agreementId: agreement._id }).lean<MilestoneData[]>();
  const byId = new Map(recorded.map((m) => [m._id, m]));
  const end = byId.get(milestoneId(String(agreement._id), "termination")) ?? null;
  const view = (m: MilestoneData) => ({
    kind: m.kind,
    effectiveDate: m.effectiveDate,
    dueDate: m.dueDate,
    recordedByName: m.recordedByName,
    recordedAt: new Date(m.recordedAt).toISOString(),
  });
  return {
    agreement: {
      id: String(agreement._id),
      reference: agreement.reference,
      title: agreement.title,
      effectiveDate: agreement.effectiveDate,
      endDate: agreement.endDate,
      destroyWithinDays: agreement.retention.destroyWithinDays,
      certificateRequired: agreement.retention.certificateOfDestruction,
    },
    today: todayIso(now),
    phases: agreement.phases.map((p) => {
      const closed = byId.get(milestoneId(String(agreement._id), "phase", p.key));
      return { key: p.key, name: p.name, classes: p.classes, closed: closed ? view(closed) : null };
    }),
    end: end ? view(end) : null,
  };
}

export type MilestoneInput = z.infer<typeof ClosePhaseSchema> | z.infer<typeof EndSchema>;

/** Parses the posted form; a Refusal with the fields' errors when it does not fit. */
export function parseMilestoneForm(values: Record<string, string>): MilestoneInput {
  const schema = values.intent === "close-phase" ? ClosePhaseSchema : values.intent === "end" ? EndSchema : null;
  if (!schema) throw new Refusal(said("destruction.field.unknownIntent"));
  const parsed = schema.safeParse(values);
  if (!parsed.success) throw Refusal.ofFields(fieldErrors(parsed.error));
  return parsed.data;
}

/**
 * Procurement records a milestone of one of its agreements: a phase closes
 * or the agreement ends. It happens once (the milestone's `_id`); nothing is
 * recorded after the end. The agreement's terms are kept with it, and every
 * holder of the information concerned gets its return-or-destroy request.
 */
export async function recordMilestone(
  user: CurrentUser,
  id: string | undefined,
  values: Record<string, string>,
  request: Request,
  origin: string,
  now = new Date(),
): Promise<{ milestoneId: string; requests: number }> {
  // another recipient's agreement is a 404 whatever was posted
  const agreement = await procurementAgreement(user, id);
  const input = parseMilestoneForm(values);
  const agreementId = String(agreement._id);
  const today = todayIso(now);
  if (input.effectiveDate < agreement.effectiveDate)
    throw Refusal.ofFields({
      effectiveDate: [said("destruction.field.beforeStart", { date: agreement.effectiveDate })],
    });
  if (input.effectiveDate > today)
    throw Refusal.ofFields({ effectiveDate: [said("destruction.field.future", { today })] });

  const end = await Milestone.findById(milestoneId(agreementId, "termination")).lean<MilestoneData>();
  if (end) {
    await issueRequests(end, agreement, origin, now);
    throw alreadyRecorded(end);
  }
  const phase = input.intent === "close-phase" ? agreement.phases.find((p) => p.key === input.phaseKey) : null;
  if (input.intent === "close-phase") {
    if (!phase) throw Refusal.ofFields({ phaseKey: [said("destruction.field.choosePhase")] });
    const closed = await Milestone.findById(milestoneId(agreementId, "phase", phase.key)).lean<MilestoneData>();
    if (closed) {
      await issueRequests(closed, agreement, origin, now);
      throw alreadyRecorded(closed);
    }
    if (phase.classes.length === 0) throw Refusal.ofFields({ phaseKey: [said("destruction.field.phaseNoClasses")] });
  }

  const kind = input.intent === "end" ? input.kind : "phase";
  const { destroyWithinDays, certificateOfDestruction } = agreement.retention;
  const isEnd = kind !== "phase";
  const milestone: MilestoneData = {
    _id: milestoneId(agreementId, kind, phase?.key),
    agreementId: agreement._id,
    recipientOrgId: agreement.recipientOrgId,
    discloserOrgId: agreement.discloserOrgId,
    kind,
    phaseKey: phase?.key ?? null,
    phaseName: phase?.name ?? null,
    classes: phase ? [...phase.classes] : [...agreement.informationClasses],
    effectiveDate: input.effectiveDate,
    destroyWithinDays,
    certificateRequired: certificateOfDestruction,
    dueDate: destructionDueDate(input.effectiveDate, destroyWithinDays),
    survivalMonths: isEnd ? agreement.survivalMonths : null,
    survivalEnds: isEnd ? survivalEnds(input.effectiveDate, agreement.survivalMonths) : null,
    note: input.note,
    recordedById: toObjectId(user.id),
    recordedByName: user.name,
    recordedAt: now,
  };
  try {
    await Milestone.create(milestone);
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    // somebody else recorded it first: say who, and when
    const first = await Milestone.findById(milestone._id).lean<MilestoneData>();
    if (first) throw alreadyRecorded(first);
    throw error;
  }
  await recordAudit({
    action: `destruction.milestone.${kind}`,
    actor: { id: user.id, email: user.email, orgId: user.orgId },
    targetType: "agreement",
    targetId: agreementId,
    details: {
      milestone: milestone._id,
      kind,
      phase: milestone.phaseName ?? "",
      effectiveDate: milestone.effectiveDate,
      dueDate: milestone.dueDate,
      classes: milestone.classes.join(" "),
    },
    ip: clientIp(request),
  });
  const requests = await issueRequests(milestone, agreement, origin, now);
  return { milestoneId: milestone._id, requests };
}

/** The holders a milestone reaches, from the chain as it stands (and, for a phase, its clearances now). */
async function holdersFor(milestone: MilestoneData, agreement: LeanAgreement, now: Date): Promise<Holder[]> {
  const chain = agreement.chain.map((l) => ({
    supplierId: String(l.supplierOrgId),
    tier: l.tier,
    parentId: l.parentSupplierOrgId ? String(l.parentSupplierOrgId) : null,
    maxClass: l.maxClass,
  }));
  if (milestone.kind !== "phase") return holdersOf(chain, milestone.classes, null);
  const phase = agreement.phases.find((p) => p.key === milestone.phaseKey);
  const view = await agreementCompliance(agreement, now);
  const cleared = new Set(
    view.clearances.filter((c) => c.phaseId === milestone.phaseKey && c.cleared).map((c) => c.supplierId),
  );
  return holdersOf(
    chain,
    milestone.classes,
    cleared,
    (phase?.permittedSupplierIds ?? []).map((s) => String(s)),
  );
}

/**
 * Writes the milestone's requests, one per holder, and tells each holder
 * that got a new one. Idempotent: requests already written are kept as they
 * are (a retry after a crash completes the set, and never mails twice).
 */
export async function issueRequests(
  milestone: MilestoneData,
  agreement: LeanAgreement,
  origin: string,
  now = new Date(),
): Promise<number> {
  const holders = await holdersFor(milestone, agreement, now);
  const existing = new Set(
    (await DestructionRequest.find({ milestoneId: milestone._id }, { _id: 1 }).lean()).map((r) => r._id),
  );
  const docs: DestructionRequestData[] = holders
    .map((h) => ({
      _id: destructionRequestId(milestone._id, h.supplierId),
      milestoneId: milestone._id,
      agreementId: agreement._id,
      recipientOrgId: agreement.recipientOrgId,
      discloserOrgId: agreement.discloserOrgId,
      supplierOrgId: toObjectId(h.supplierId),
      tier: h.tier,
      parentSupplierOrgId: h.parentId ? toObjectId(h.parentId) : null,
      classes: h.classes,
      dueDate: milestone.dueDate,
      certificateRequired: milestone.certificateRequired,
      certification: null,
      createdAt: now,
    }))
    .filter((d) => !existing.has(d._id));
  let written = docs;
  if (docs.length) {
    try {
      await DestructionRequest.insertMany(docs, { ordered: false });
    } catch (error) {
      const errors = (error as { writeErrors?: { err?: { index?: number }; index?: number; code?: number }[] })
        .writeErrors;
      if (!isDuplicateKey(error) && !errors?.every((e) => e.code === 11000)) throw error;
      // written by a concurrent retry: that one tells its holders
      const lost = new Set((errors ?? []).map((e) => e.index ?? e.err?.index));
      written = docs.filter((_, i) => !lost.has(i));
    }
  }
  await tellHolders(milestone, agreement, written, origin);
  return existing.size + written.length;
}

async function tellHolders(
  milestone: MilestoneData,
  agreement: LeanAgreement,
  requests: DestructionRequestData[],
  origin: string,
) {
  if (!requests.length) return;
  const byOrg = new Map(requests.map((r) => [String(r.supplierOrgId), r]));
  const users = await User.find(
    {
      orgId: trusted({ $in: requests.map((r) => r.supplierOrgId) }),
      role: "supplier",
      active: mongoose.trusted({ $ne: false }),
    },
    { email: 1, orgId: 1 },
  ).lean();
  const writer = currentLocale();
  for (const u of users) {
    const r = byOrg.get(String(u.orgId));
    if (!r) continue;
    const locale = await localeOfRecipient(u.email, writer);
    const what =
      milestone.kind === "phase"
        ? tIn(locale, "destruction.mail.phaseClosed", {
            phase: milestone.phaseName ?? "",
            reference: agreement.reference,
            date: formatDay(locale, milestone.effectiveDate),
          })
        : tIn(locale, `destruction.mail.ended.${milestone.kind}`, {
            reference: agreement.reference,
            date: formatDay(locale, milestone.effectiveDate),
          });
    await sendMail({
      to: u.email,
      subject: tIn(locale, "destruction.mail.requestSubject", { reference: agreement.reference }),
      text: [
        what,
        tIn(locale, "destruction.mail.classes", {
          classes: r.classes.map((c) => tIn(locale, `labels.class.${c}`)).join(", "),
        }),
        tIn(locale, "destruction.mail.due", { due: formatDay(locale, r.dueDate) }),
        r.certificateRequired ? tIn(locale, "destruction.mail.certificateRequired") : "",
        tIn(locale, "destruction.mail.recordedAt", { at: formatMoment(locale, milestone.recordedAt) }),
        "",
        `${origin}/supplier/returns/${encodeURIComponent(r._id)}`,
      ]
        .filter((line, i, all) => line !== "" || i === all.length - 2)
        .join("\n"),
      kind: "destruction-request",
      relatedType: "agreement",
      relatedId: String(agreement._id),
    });
  }
}
