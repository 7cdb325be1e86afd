import mongoose from "mongoose";
import { z } from "zod";
import { Agreement } from "#models/agreement.server";
import { recordAudit } from "#models/audit-event.server";
import { claim, getClaim, takeOverStuckClaim } from "#models/claim.server";
import {
  DestructionRequest,
  DISPOSITIONS,
  Milestone,
  type DestructionCertification,
  type DestructionRequestData,
  type MilestoneData,
} from "#models/lifecycle.server";
import { Refusal, said } from "#models/refusal";
import { todayIso } from "#models/today";
import { User } from "#models/user.server";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { localeOfRecipient } from "#app/features/accounts/locale.server";
import { orgInfo } from "#app/features/accounts/org-names.server";
import { deleteEvidence } from "#app/features/evidence/evidence.server";
import type { UploadOutcome } from "#app/features/evidence/uploads.server";
import { registerOfStored } from "#app/features/lifecycle/register";
import { formatDay } from "#app/i18n/format";
import { currentLocale, tIn } from "#app/i18n/messages.server";
import { fieldErrors } from "#app/lib/forms.server";
import { clientIp, notFound } from "#app/lib/http.server";
import { toObjectId, trusted } from "#app/lib/ids.server";
import { sendMail } from "#app/lib/mail.server";
import { limitedText } from "#app/lib/text-limits";
import { isIsoDate } from "#app/scoring/dates";
import type { InfoClass } from "#app/scoring/types";
import { CERTIFY_LIMITS } from "./destruction-limits";

/** Standards a holder may name; free text, these are suggestions. */
export const STANDARD_SUGGESTIONS = [
  "NIST SP 800-88 Rev. 1 (Clear)",
  "NIST SP 800-88 Rev. 1 (Purge)",
  "NIST SP 800-88 Rev. 1 (Destroy)",
  "DIN 66399",
  "ISO/IEC 27040",
];

const CERTIFICATE_TYPES = ["application/pdf", "image/png", "image/jpeg"];

/** The milestone's requests, read once for several milestones. */
async function requestsOfMilestones(ids: string[]): Promise<Map<string, DestructionRequestData[]>> {
  const all = ids.length
    ? await DestructionRequest.find({ milestoneId: trusted({ $in: ids }) }).lean<DestructionRequestData[]>()
    : [];
  const out = new Map<string, DestructionRequestData[]>();
  for (const r of all) out.set(r.milestoneId, [...(out.get(r.milestoneId) ?? []), r]);
  return out;
}

/**
 * The supplier's return-or-destroy requests across its agreements, each with
 * its state in the milestone's register, and the subcontractors below it
 * still to certify (its certificate waits for theirs).
 */
export async function supplierReturnsPage(user: CurrentUser, now = new Date()) {
  const own = await DestructionRequest.find({ supplierOrgId: toObjectId(user.orgId) })
    .sort({ dueDate: 1 })
    .limit(500)
    .lean<DestructionRequestData[]>();
  const milestoneIds = [...new Set(own.map((r) => r.milestoneId))];
  const [byMilestone, milestones, agreements] = await Promise.all([
    requestsOfMilestones(milestoneIds),
    milestoneIds.length ? Milestone.find({ _id: trusted({ $in: milestoneIds }) }).lean<MilestoneData[]>() : [],
    own.length
      ? Agreement.find(
          { _id: trusted({ $in: [...new Set(own.map((r) => String(r.agreementId)))].map(toObjectId) }) },
          { reference: 1, title: 1 },
        ).lean()
      : [],
  ]);
  const milestone = new Map(milestones.map((m) => [m._id, m]));
  const agreement = new Map(agreements.map((a) => [String(a._id), a]));
  const names = await orgInfo([...byMilestone.values()].flat().map((r) => r.supplierOrgId));
  const nameOf = (id: string) => names.get(id)?.name ?? id;
  return {
    today: todayIso(now),
    requests: own.map((r) => {
      const register = registerOfStored(byMilestone.get(r.milestoneId) ?? [r], now);
      const at = register.rows.findIndex((row) => row.supplierId === user.orgId);
      const row = register.rows[at];
      // the rows below this holder: those after it, deeper than it, up to the next at its depth
      const below: typeof register.rows = [];
      for (const next of register.rows.slice(at + 1)) {
        if (next.depth <= row.depth) break;
        below.push(next);
      }
      const m = milestone.get(r.milestoneId);
      const a = agreement.get(String(r.agreementId));
      return {
        id: r._id,
        agreement: a ? `${a.reference}: ${a.title}` : "",
        kind: m?.kind ?? "phase",
        phase: m?.phaseName ?? null,
        effectiveDate: m?.effectiveDate ?? "",
        classes: r.classes,
        dueDate: r.dueDate,
        daysLeft: row.daysLeft,
        overdueDays: row.overdueDays,
        state: row.state,
        certified: r.certification !== null,
        waitingOn: row.waitingOn.map(nameOf),
        below: below.map((b) => ({
          name: nameOf(b.supplierId),
          tier: b.tier,
          depth: b.depth - row.depth,
          state: b.state,
          overdueDays: b.overdueDays,
        })),
      };
    }),
  };
}

async function ownRequest(user: CurrentUser, requestId: string | undefined) {
  const r =
    user.role === "supplier" && requestId
      ? await DestructionRequest.findOne({
          _id: requestId,
          supplierOrgId: toObjectId(user.orgId),
        }).lean<DestructionRequestData>()
      : null;
  if (!r) notFound();
  const m = await Milestone.findById(r.milestoneId).lean<MilestoneData>();
  if (!m) notFound();
  return { request: r, milestone: m };
}

/** One request and its certify form (or, once certified, what was certified). */
export async function returnRequestPage(user: CurrentUser, requestId: string | undefined, now = new Date()) {
  const { request: r, milestone: m } = await ownRequest(user, requestId);
  const agreement = await Agreement.findById(r.agreementId, { reference: 1, title: 1 }).lean();
  const c = r.certification;
  return {
    id: r._id,
    today: todayIso(now),
    agreement: agreement ? `${agreement.reference}: ${agreement.title}` : "",
    kind: m.kind,
    phase: m.phaseName,
    effectiveDate: m.effectiveDate,
    classes: r.classes,
    dueDate: r.dueDate,
    certificateRequired: r.certificateRequired,
    standards: STANDARD_SUGGESTIONS,
    certification: c
      ? {
          entries: c.entries,
          signedByName: c.signedByName,
          signedByTitle: c.signedByTitle,
          signedOn: c.signedOn,
          certificate: c.certificateFileId
            ? { href: `/destruction-certificates/${encodeURIComponent(r._id)}`, name: c.certificateFileName ?? "" }
            : null,
          submittedAt: new Date(c.submittedAt).toISOString(),
        }
      : null,
  };
}

const pastDate = (today: string) =>
  z
    .string()
    .trim()
    .min(1, "destruction.field.enterDate")
    .refine(isIsoDate, "destruction.field.realDate")
    .refine((v) => v <= today, { error: "destruction.field.notFuture" });

function certifySchema(classes: readonly InfoClass[], today: string) {
  const perClass: Record<string, z.ZodType> = {};
  for (const c of classes) {
    perClass[`disposition.${c}`] = z.enum(DISPOSITIONS, { error: "destruction.field.chooseDisposition" });
    perClass[`method.${c}`] = limitedText("The method", CERTIFY_LIMITS.method).min(1, "destruction.field.method");
    perClass[`standard.${c}`] = limitedText("The standard", CERTIFY_LIMITS.standard);
    perClass[`completedOn.${c}`] = pastDate(today);
  }
  return z.object({
    ...perClass,
    signedByName: limitedText("The name", CERTIFY_LIMITS.signedByName).min(1, "destruction.field.signedByName"),
    signedByTitle: limitedText("The title", CERTIFY_LIMITS.signedByTitle).min(1, "destruction.field.signedByTitle"),
    signedOn: pastDate(today),
  });
}

/** The claim that makes a request's certification a once-only write. */
export const certifiedClaimKey = (requestId: string) => `destruction:${requestId}:certified`;

function alreadyCertified(c: DestructionCertification): Refusal {
  return new Refusal(
    said("destruction.certify.already", {
      by: c.signedByName,
      on: new Date(c.submittedAt).toISOString().slice(0, 10),
    }),
  );
}

/**
 * The holder certifies, once, how it returned or destroyed each class of
 * the information, who signed, and (where the agreement asks) uploads the
 * certificate of destruction. A refused certification keeps no file.
 */
export async function certifyReturn(
  user: CurrentUser,
  requestId: string | undefined,
  upload: UploadOutcome,
  request: Request,
  origin: string,
  now = new Date(),
): Promise<void> {
  const file = upload.ok ? (upload.files.find((f) => f.field === "certificate") ?? null) : null;
  const extraFiles = upload.ok ? upload.files.filter((f) => f !== file) : [];
  const discard = async () => {
    for (const f of [...(file ? [file] : []), ...extraFiles]) await deleteEvidence(f.id, user.orgId);
  };
  try {
    for (const f of extraFiles) await deleteEvidence(f.id, user.orgId);
    const { request: r, milestone: m } = await ownRequest(user, requestId);
    if (!upload.ok) throw Refusal.ofFields({ certificate: [upload.error] }, upload.status);
    if (r.certification) throw alreadyCertified(r.certification);
    const parsed = certifySchema(r.classes, todayIso(now)).safeParse(upload.fields);
    if (!parsed.success) throw Refusal.ofFields(fieldErrors(parsed.error));
    if (file && !CERTIFICATE_TYPES.includes(file.contentType))
      throw Refusal.ofFields({ certificate: [said("destruction.field.certificateType")] });
    if (r.certificateRequired && !file)
      throw Refusal.ofFields({ certificate: [said("destruction.field.certificateRequired")] });
    const v = parsed.data as Record<string, string>;
    const certification: DestructionCertification = {
      entries: r.classes.map((c) => ({
        infoClass: c,
        disposition: v[`disposition.${c}`] as DestructionCertification["entries"][number]["disposition"],
        method: v[`method.${c}`],
        standard: v[`standard.${c}`],
        completedOn: v[`completedOn.${c}`],
      })),
      signedByName: v.signedByName,
      signedByTitle: v.signedByTitle,
      signedOn: v.signedOn,
      certificateFileId: file ? toObjectId(file.id) : null,
      certificateFileName: file?.fileName ?? null,
      submittedById: toObjectId(user.id),
      submittedAt: now,
    };
    const key = certifiedClaimKey(r._id);
    if (!(await claim(key, { by: user.id }, now))) {
      const again = await DestructionRequest.findById(r._id).lean<DestructionRequestData>();
      if (again?.certification) throw alreadyCertified(again.certification);
      // the first writer died between its claim and its write: take over, or another one is writing now
      if (!(await takeOverStuckClaim(key))) {
        const held = await getClaim(key);
        throw new Refusal(said("destruction.certify.inProgress", { at: held ? new Date(held.at).toISOString() : "" }));
      }
    }
    await DestructionRequest.updateOne({ _id: r._id }, { $set: { certification } });
    await recordAudit({
      action: "destruction.certify",
      actor: { id: user.id, email: user.email, orgId: user.orgId },
      targetType: "agreement",
      targetId: String(r.agreementId),
      details: {
        milestone: m._id,
        request: r._id,
        classes: certification.entries.map((e) => `${e.infoClass}:${e.disposition}`).join(" "),
        name: certification.signedByName,
        file: certification.certificateFileName ?? "",
      },
      ip: clientIp(request),
    });
    await tellAbove(user, r, m, origin);
  } catch (error) {
    await discard();
    throw error;
  }
}

/** The recipient's procurement and the holder's parent in the chain hear that it certified. */
async function tellAbove(user: CurrentUser, r: DestructionRequestData, m: MilestoneData, origin: string) {
  const agreement = await Agreement.findById(r.agreementId, { reference: 1 }).lean();
  const reference = agreement?.reference ?? "";
  const users = await User.find(
    {
      $or: [
        { orgId: r.recipientOrgId, role: "procurement" },
        ...(r.parentSupplierOrgId ? [{ orgId: r.parentSupplierOrgId, role: "supplier" as const }] : []),
      ],
      active: mongoose.trusted({ $ne: false }),
    },
    { email: 1, role: 1 },
  ).lean();
  const writer = currentLocale();
  for (const u of users) {
    const locale = await localeOfRecipient(u.email, writer);
    const link =
      u.role === "procurement"
        ? `${origin}/procurement/agreements/${String(r.agreementId)}?tab=lifecycle`
        : `${origin}/supplier/returns`;
    await sendMail({
      to: u.email,
      subject: tIn(locale, "destruction.mail.certifiedSubject", { org: user.org.name, reference }),
      text: [
        tIn(locale, "destruction.mail.certified", {
          org: user.org.name,
          reference,
          milestone:
            m.kind === "phase"
              ? tIn(locale, "destruction.mail.milestonePhase", { phase: m.phaseName ?? "" })
              : tIn(locale, `destruction.kind.${m.kind}`),
          date: formatDay(locale, m.effectiveDate),
        }),
        "",
        link,
      ].join("\n"),
      kind: "destruction-certified",
      relatedType: "agreement",
      relatedId: String(r.agreementId),
    });
  }
}
