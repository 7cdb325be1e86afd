import mongoose, { type Types } from "mongoose";
import { z } from "zod";
import { INFO_CLASSES, type InfoClass } from "#app/scoring/types";
import { isIsoDate, isoDateOf } from "#app/scoring/dates";
import { Agreement, type AgreementData } from "#models/agreement.server";
import { recordAudit } from "#models/audit-event.server";
import { claim } from "#models/claim.server";
import {
  CompelledDisclosure,
  type CompelledDisclosureData,
  type CompelledNotice,
} from "#models/compelled-disclosure.server";
import { countryName, isCountryCode } from "#models/countries";
import { User } from "#models/user.server";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { orgInfo } from "#app/features/accounts/org-names.server";
import { localeOfRecipient } from "#app/features/accounts/locale.server";
import { measureCompelledNotice } from "#app/features/lifecycle/deadlines";
import { clientIp, notFound } from "#app/lib/http.server";
import { toObjectId } from "#app/lib/ids.server";
import { sendMail } from "#app/lib/mail.server";
import { limitedText } from "#app/lib/text-limits";
import { currentLocale, t, tIn } from "#app/i18n/messages.server";
import { formatDay } from "#app/i18n/format";
import { AUTHORITY_MAX, BARRED_REASON_MAX, DEMAND_DESCRIPTION_MAX } from "./compelled-limits";
import type { Locale } from "#app/i18n/locales";
import { supplierChainAgreements } from "#app/features/subcontractors/subcontractors.server";

/** Notice the agreement asks for when it predates the setting. */
const DEFAULT_NOTICE_DAYS = 5;

const isoDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "compelled.error.date")
  .refine(isIsoDate, "compelled.error.realDate");

export const DemandSchema = z
  .object({
    agreementId: z.string().regex(/^[0-9a-f]{24}$/, "compelled.error.chooseAgreement"),
    authority: limitedText("The authority", AUTHORITY_MAX).min(1, "compelled.error.authority"),
    jurisdiction: z.string().refine(isCountryCode, "compelled.error.jurisdiction"),
    receivedOn: isoDay,
    complyBy: isoDay,
    classes: z
      .array(z.enum(INFO_CLASSES, { error: "compelled.error.unknownClass" }))
      .min(1, "compelled.error.chooseClasses")
      .max(INFO_CLASSES.length),
    noticePermitted: z.enum(["yes", "no"], { error: "compelled.error.choosePermitted" }),
    barredReason: limitedText("The reason", BARRED_REASON_MAX),
    description: limitedText("The description", DEMAND_DESCRIPTION_MAX),
  })
  .superRefine((v, ctx) => {
    if (v.noticePermitted === "no" && v.barredReason === "")
      ctx.addIssue({ code: "custom", path: ["barredReason"], message: "compelled.error.reasonRequired" });
    if (v.complyBy < v.receivedOn)
      ctx.addIssue({ code: "custom", path: ["complyBy"], message: "compelled.error.complyBeforeReceived" });
  });
export type DemandInput = z.infer<typeof DemandSchema>;

export type DemandResult =
  | { ok: true; id: string; notified: boolean }
  | { ok: false; errors: Record<string, string[]> };

/** The date it already is somewhere on earth (UTC+14): a demand received "today" anywhere is not in the future. */
function firstPlaceDate(now: Date): string {
  return isoDateOf(new Date(now.getTime() + 14 * 3_600_000));
}

/** The suppliers above `orgId` in the chain, nearest first (a cycle the form refuses cannot loop here). */
function suppliersAbove(agreement: AgreementData, orgId: string): Types.ObjectId[] {
  const parentOf = new Map(agreement.chain.map((l) => [String(l.supplierOrgId), l.parentSupplierOrgId]));
  const above: Types.ObjectId[] = [];
  const seen = new Set([orgId]);
  let parent = parentOf.get(orgId) ?? null;
  while (parent && !seen.has(String(parent))) {
    seen.add(String(parent));
    above.push(parent);
    parent = parentOf.get(String(parent)) ?? null;
  }
  return above;
}

function measure(
  agreement: AgreementData,
  input: { receivedOn: string; complyBy: string },
  at: Date,
  permitted: boolean,
) {
  return measureCompelledNotice({
    receivedOn: input.receivedOn,
    complyBy: input.complyBy,
    reportedAt: at,
    noticePermitted: permitted,
    notifyBeforeDisclosure: agreement.compelledDisclosure?.notifyBeforeDisclosure ?? true,
    requiredDays: agreement.compelledDisclosure?.noticeDays ?? DEFAULT_NOTICE_DAYS,
  });
}

/**
 * A supplier reports a legal demand to disclose information under an
 * agreement it works under. The notice is measured against the agreement.
 * Where the law permits notice, procurement, the disclosing party and the
 * suppliers above the reporter are told at once and the agreement's audit
 * trail records it. Where notice is barred, nothing reaches them: the
 * record and its audit entry (targeted at the record, not the agreement)
 * say that nobody was notified and why.
 */
export async function reportDemand(
  user: CurrentUser,
  input: DemandInput,
  request: Request,
  origin: string,
  now = new Date(),
): Promise<DemandResult> {
  const agreement = await Agreement.findOne({
    _id: input.agreementId,
    "chain.supplierOrgId": toObjectId(user.orgId),
  }).lean();
  if (!agreement) return { ok: false, errors: { agreementId: [t("compelled.error.notYourAgreement")] } };
  if (input.receivedOn > firstPlaceDate(now))
    return { ok: false, errors: { receivedOn: [t("compelled.error.future")] } };

  const permitted = input.noticePermitted === "yes";
  const record = await CompelledDisclosure.create({
    agreementId: agreement._id,
    supplierOrgId: toObjectId(user.orgId),
    recipientOrgId: agreement.recipientOrgId,
    discloserOrgId: agreement.discloserOrgId,
    authority: input.authority,
    jurisdiction: input.jurisdiction,
    receivedOn: input.receivedOn,
    complyBy: input.complyBy,
    classes: input.classes,
    noticePermitted: permitted,
    barredReason: permitted ? "" : input.barredReason,
    description: input.description,
    notice: measure(agreement, input, now, permitted),
    chainAbove: suppliersAbove(agreement, user.orgId),
    notified: [],
    noticeGivenAt: null,
    reportedById: toObjectId(user.id),
    reportedByName: user.name,
    reportedAt: now,
  });
  const id = String(record._id);
  if (!permitted) {
    // the gag order: the entry names the record, never the agreement, so no page of the agreement lists it
    await recordAudit({
      action: "compelled.barred",
      actor: { id: user.id, email: user.email, orgId: user.orgId },
      targetType: "compelled-disclosure",
      targetId: id,
      details: {
        disclosure: id,
        authority: input.authority,
        jurisdiction: input.jurisdiction,
        receivedOn: input.receivedOn,
        complyBy: input.complyBy,
        classes: input.classes.join(" "),
        verdict: record.notice.verdict,
        notified: "nobody",
        barredReason: input.barredReason,
      },
      ip: clientIp(request),
    });
    return { ok: true, id, notified: false };
  }
  if (!(await claim(`compelled-notice:${id}`, null, now))) return { ok: true, id, notified: true };
  await giveNotice(user, agreement, record.toObject(), record.notice, "compelled.report", request, origin, now);
  return { ok: true, id, notified: true };
}

/**
 * The supplier says the bar on notice has lifted: notice is given now, once
 * (a claim on the record decides between two clicks), and measured from today.
 */
export async function liftBar(user: CurrentUser, id: string, request: Request, origin: string, now = new Date()) {
  if (!/^[0-9a-f]{24}$/.test(id)) notFound();
  const record = await CompelledDisclosure.findOne({ _id: id, supplierOrgId: toObjectId(user.orgId) }).lean();
  if (!record) notFound();
  if (record.noticeGivenAt) return;
  const agreement = await Agreement.findById(record.agreementId).lean();
  if (!agreement) notFound();
  if (!(await claim(`compelled-notice:${id}`, null, now))) return;
  const notice = measure(agreement, record, now, true);
  await giveNotice(user, agreement, record, notice, "compelled.notice", request, origin, now);
}

/** Tells procurement, the disclosing party and the suppliers above; records it on the agreement. */
async function giveNotice(
  user: CurrentUser,
  agreement: AgreementData & { _id: Types.ObjectId },
  record: CompelledDisclosureData & { _id: Types.ObjectId },
  notice: CompelledNotice,
  action: "compelled.report" | "compelled.notice",
  request: Request,
  origin: string,
  now: Date,
) {
  const id = String(record._id);
  await CompelledDisclosure.updateOne(
    { _id: record._id },
    { $set: { notice, notified: ["recipient", "discloser"], noticeGivenAt: now } },
  );
  await recordAudit({
    action,
    actor: { id: user.id, email: user.email, orgId: user.orgId },
    targetType: "agreement",
    targetId: String(agreement._id),
    details: {
      disclosure: id,
      authority: record.authority,
      jurisdiction: record.jurisdiction,
      receivedOn: record.receivedOn,
      complyBy: record.complyBy,
      classes: record.classes.join(" "),
      noticeDays: notice.noticeDays,
      requiredDays: notice.requiredDays,
      verdict: notice.verdict,
      notified: "recipient discloser",
    },
    ip: clientIp(request),
  });
  const recipients = await User.find(
    {
      $or: [
        { orgId: agreement.recipientOrgId, role: "procurement" },
        { orgId: agreement.discloserOrgId, role: "discloser" },
        ...record.chainAbove.map((orgId) => ({ orgId, role: "supplier" as const })),
      ],
      active: mongoose.trusted({ $ne: false }),
    },
    { email: 1, role: 1 },
  ).lean();
  const writer = currentLocale();
  const wasBarred = action === "compelled.notice";
  for (const r of recipients) {
    const locale = await localeOfRecipient(r.email, writer);
    const link =
      r.role === "supplier"
        ? `${origin}/supplier/legal-demands`
        : `${origin}/${r.role}/agreements/${String(agreement._id)}?tab=lifecycle`;
    await sendMail({
      to: r.email,
      subject: tIn(locale, "compelled.mail.subject", { org: user.org.name, reference: agreement.reference }),
      text: [
        tIn(locale, "compelled.mail.reported", { org: user.org.name, reference: agreement.reference }),
        ...(wasBarred ? [tIn(locale, "compelled.mail.wasBarred", { org: user.org.name })] : []),
        tIn(locale, "compelled.mail.authority", {
          authority: record.authority,
          jurisdiction: countryName(record.jurisdiction, locale),
        }),
        tIn(locale, "compelled.mail.dates", {
          received: formatDay(locale, record.receivedOn),
          complyBy: formatDay(locale, record.complyBy),
        }),
        tIn(locale, "compelled.mail.classes", {
          classes: record.classes.map((c) => tIn(locale, `labels.class.${c}`)).join(", "),
        }),
        noticeLine(locale, notice),
        "",
        record.description,
        "",
        link,
      ].join("\n"),
      kind: "compelled-disclosure",
      relatedType: "agreement",
      relatedId: String(agreement._id),
    });
  }
}

/** "N days' notice before the deadline to comply; the agreement asks for M (verdict)", in `locale`. */
export function noticeLine(locale: Locale, notice: CompelledNotice): string {
  const days = Math.max(0, notice.noticeDays);
  const line =
    notice.verdict === "not-required"
      ? tIn(locale, "compelled.notice.notRequired", { days })
      : tIn(locale, "compelled.notice.line", { days, required: notice.requiredDays });
  return `${line} (${tIn(locale, `compelled.verdict.${notice.verdict}`)})`;
}

export interface DisclosureView {
  id: string;
  agreementRef: string;
  supplier: string;
  authority: string;
  jurisdiction: string;
  receivedOn: string;
  complyBy: string;
  classes: InfoClass[];
  noticePermitted: boolean;
  barredReason: string;
  description: string;
  notice: CompelledNotice;
  reportedAt: string;
  reportedBy: string;
  noticeGivenAt: string | null;
}

function viewOf(
  r: CompelledDisclosureData & { _id: Types.ObjectId },
  names: Map<string, string>,
  refs: Map<string, string>,
): DisclosureView {
  return {
    id: String(r._id),
    agreementRef: refs.get(String(r.agreementId)) ?? "",
    supplier: names.get(String(r.supplierOrgId)) ?? "",
    authority: r.authority,
    jurisdiction: r.jurisdiction,
    receivedOn: r.receivedOn,
    complyBy: r.complyBy,
    classes: r.classes,
    noticePermitted: r.noticePermitted,
    barredReason: r.barredReason,
    description: r.description,
    notice: {
      reportDelayDays: r.notice.reportDelayDays,
      noticeDays: r.notice.noticeDays,
      requiredDays: r.notice.requiredDays,
      verdict: r.notice.verdict,
    },
    reportedAt: new Date(r.reportedAt).toISOString(),
    reportedBy: r.reportedByName,
    noticeGivenAt: r.noticeGivenAt ? new Date(r.noticeGivenAt).toISOString() : null,
  };
}

async function supplierNames(rows: { supplierOrgId: Types.ObjectId }[]): Promise<Map<string, string>> {
  const info = await orgInfo([...new Set(rows.map((r) => String(r.supplierOrgId)))]);
  return new Map([...info].map(([id, org]) => [id, org.name]));
}

/**
 * The compelled disclosures reported under an agreement, for its After
 * signature tab: only those whose notice was given. A demand under a gag
 * order stays out until the supplier says the bar has lifted.
 */
export async function agreementDisclosures(
  agreement: AgreementData & { _id: Types.ObjectId },
  _now: Date,
): Promise<DisclosureView[]> {
  const rows = await CompelledDisclosure.find({
    agreementId: agreement._id,
    noticeGivenAt: mongoose.trusted({ $ne: null }),
  })
    .sort({ reportedAt: -1 })
    .limit(200)
    .lean();
  const refs = new Map([[String(agreement._id), agreement.reference]]);
  const names = await supplierNames(rows);
  return rows.map((r) => viewOf(r, names, refs));
}

/** The supplier's legal demands page: the agreements it may report under, its demands, and those notified to it from below. */
export async function supplierDemandsPage(user: CurrentUser, now = new Date()) {
  const orgId = toObjectId(user.orgId);
  const agreements = await supplierChainAgreements(user);
  const refs = new Map(agreements.map((a) => [a.id, a.reference]));
  const own = await CompelledDisclosure.find({ supplierOrgId: orgId }).sort({ reportedAt: -1 }).limit(200).lean();
  const demands = own.map((r) => viewOf(r, new Map([[user.orgId, user.org.name]]), refs));
  // demands its subcontractors reported: it is above them in the chain, and told once notice is given
  const belowRows = await CompelledDisclosure.find({
    chainAbove: orgId,
    noticeGivenAt: mongoose.trusted({ $ne: null }),
  })
    .sort({ reportedAt: -1 })
    .limit(200)
    .lean();
  const names = await supplierNames(belowRows);
  const below = belowRows.map((r) => viewOf(r, names, refs));
  return { agreements, demands, below, today: firstPlaceDate(now) };
}
