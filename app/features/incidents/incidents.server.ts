import mongoose from "mongoose";
import { z } from "zod";
import { INFO_CLASSES } from "#app/scoring/types";
import { Agreement } from "#models/agreement.server";
import { recordAudit } from "#models/audit-event.server";
import { Incident } from "#models/incident.server";
import { User } from "#models/user.server";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { agreementCompliance } from "#app/features/agreements/compliance.server";
import { orgInfo } from "#app/features/accounts/org-names.server";
import { clientIp } from "#app/lib/http.server";
import { toObjectId } from "#app/lib/ids.server";
import { sendMail } from "#app/lib/mail.server";
import { currentLocale, t, tIn } from "#app/i18n/messages.server";
import { formatMoment } from "#app/i18n/format";
import type { Locale } from "#app/i18n/locales";
import { localeOfRecipient } from "#app/features/accounts/locale.server";
import { limitedText } from "#app/lib/text-limits";
import { INCIDENT_DESCRIPTION_MAX } from "./incident-limits";
import { measureIncident, upstreamNotices, type IncidentTiming, type UpstreamNotice } from "./incident-timing";
import { sendDueReassessments } from "#app/features/reassessment/reassessment.server";
import { recordWebhookEvent } from "#app/features/webhooks/events.server";

/** "YYYY-MM-DDTHH:MM" as a datetime-local field sends it, read as UTC. */
const utcMinute = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "incidents.field.enterDateTime")
  .refine((v) => !Number.isNaN(Date.parse(`${v}:00Z`)), "incidents.field.realDateTime");

export const IncidentSchema = z.object({
  agreementId: z.string().regex(/^[0-9a-f]{24}$/, "incidents.field.chooseAgreement"),
  detectedAt: utcMinute,
  classes: z
    .array(z.enum(INFO_CLASSES, { error: "incidents.field.unknownClass" }))
    .min(1, "incidents.field.chooseClasses")
    .max(INFO_CLASSES.length),
  description: limitedText("The description", INCIDENT_DESCRIPTION_MAX).min(10, "incidents.field.describe"),
});
export type IncidentInput = z.infer<typeof IncidentSchema>;

export type ReportResult = { ok: true; id: string } | { ok: false; errors: Record<string, string[]> };

/**
 * A supplier reports an incident under an agreement it works under: the
 * delay is measured against its own commitment and, through the chain above
 * it, against the agreement's breach window; procurement and the disclosing
 * party are told, the audit trail records it, and an early re-assessment is
 * sent when the agreement asks for one.
 */
export async function reportIncident(
  user: CurrentUser,
  input: IncidentInput,
  request: Request,
  origin: string,
  now = new Date(),
): Promise<ReportResult> {
  const agreement = await Agreement.findOne({ _id: input.agreementId, "chain.supplierOrgId": user.orgId }).lean();
  if (!agreement) return { ok: false, errors: { agreementId: [t("incidents.field.notYourAgreement")] } };
  const detected = new Date(`${input.detectedAt}:00Z`);
  if (detected.getTime() > now.getTime() + 5 * 60_000)
    return { ok: false, errors: { detectedAt: [t("incidents.field.future")] } };
  if (detected.getTime() < now.getTime() - 366 * 86_400_000)
    return {
      ok: false,
      errors: {
        detectedAt: [t("incidents.field.tooOld")],
      },
    };

  const view = await agreementCompliance(agreement, now);
  const link = view.chain.links.find((l) => l.supplierId === user.orgId);
  const path = link?.path.length ? link.path : [user.orgId];
  const notifyHours = Object.fromEntries(view.suppliers.map((s) => [s.id, s.notifyHours]));
  const chainInput = {
    detectedAt: detected.toISOString(),
    reportedAt: now.toISOString(),
    breachWindowHours: agreement.breachWindowHours,
    recipientNotifyHours: agreement.recipientNotifyHours,
    path,
    notifyHours,
  };
  const timing = measureIncident(chainInput);
  const notices = upstreamNotices(chainInput);
  const incident = await Incident.create({
    agreementId: agreement._id,
    supplierOrgId: user.orgId,
    recipientOrgId: agreement.recipientOrgId,
    discloserOrgId: agreement.discloserOrgId,
    reportedById: user.id,
    reportedByName: user.name,
    detectedAt: detected,
    reportedAt: now,
    classes: input.classes,
    description: input.description,
    timing,
  });
  const id = String(incident._id);
  // the agreement's procurement and its disclosing party are told of it, as they are by e-mail
  await recordWebhookEvent({
    type: "incident.reported",
    orgIds: [agreement.recipientOrgId, agreement.discloserOrgId],
    data: {
      incident: {
        id,
        agreementId: String(agreement._id),
        supplierOrgId: String(user.orgId),
        detectedAt: detected.toISOString(),
        reportedAt: now.toISOString(),
        classes: input.classes,
        delayHours: timing.delayHours,
        onTrack: timing.onTrack,
      },
    },
    now,
  });
  await recordAudit({
    action: "incident.report",
    actor: { id: user.id, email: user.email, orgId: user.orgId },
    targetType: "agreement",
    targetId: String(agreement._id),
    details: {
      incident: id,
      detectedAt: detected.toISOString(),
      delayHours: timing.delayHours,
      onTrack: timing.onTrack === null ? "unknown" : String(timing.onTrack),
      classes: input.classes.join(" "),
    },
    ip: clientIp(request),
  });
  const names = new Map(view.suppliers.map((s) => [s.id, s.name]));
  const recipientName = (await orgInfo([agreement.recipientOrgId])).get(String(agreement.recipientOrgId))?.name;
  const partyName = (locale: Locale, party: string) =>
    party === "recipient"
      ? tIn(locale, "incidents.mail.recipientParty", {
          name: recipientName ?? tIn(locale, "incidents.mail.theRecipient"),
        })
      : party === "discloser"
        ? tIn(locale, "incidents.mail.theDiscloser")
        : (names.get(party) ?? party);
  const upstream = notices.filter((n) => n.party !== "recipient");
  const recipients = await User.find(
    {
      $or: [
        { orgId: agreement.recipientOrgId, role: "procurement" },
        { orgId: agreement.discloserOrgId, role: "discloser" },
        // every supplier above the reporter passes the notice on: each is told, with its own time left
        ...upstream.map((n) => ({ orgId: toObjectId(n.party), role: "supplier" as const })),
      ],
      active: mongoose.trusted({ $ne: false }),
    },
    { email: 1, role: 1, orgId: 1 },
  ).lean();
  const verdict = (locale: Locale) =>
    timing.onTrack === null
      ? tIn(locale, "incidents.mail.verdictUnknown")
      : timing.onTrack
        ? tIn(locale, "incidents.mail.verdictOnTrack", {
            projected: formatMoment(locale, timing.projectedNotice!),
            margin: timing.marginHours,
          })
        : tIn(locale, "incidents.mail.verdictMissed", {
            late: -timing.marginHours!,
            deadline: formatMoment(locale, timing.discloserDeadline),
          });
  const writer = currentLocale();
  const recipientNotice = notices[notices.length - 1];
  for (const r of recipients) {
    const party = r.role === "supplier" ? String(r.orgId) : r.role === "procurement" ? "recipient" : null;
    const own = party ? notices.find((n) => n.party === party) : undefined;
    const link =
      r.role === "supplier"
        ? `${origin}/supplier/incidents`
        : `${origin}/${r.role}/agreements/${String(agreement._id)}?tab=reassessments`;
    // said in the recipient's language
    const locale = await localeOfRecipient(r.email, writer);
    const detectedText = formatMoment(locale, detected.toISOString());
    await sendMail({
      to: r.email,
      subject: tIn(locale, "incidents.mail.subject", { org: user.org.name, reference: agreement.reference }),
      text: [
        tIn(locale, "incidents.mail.reported", { org: user.org.name, reference: agreement.reference }),
        timing.committedHours === null
          ? tIn(locale, "incidents.mail.detected", { detected: detectedText, delay: timing.delayHours })
          : tIn(locale, "incidents.mail.detectedCommitted", {
              detected: detectedText,
              delay: timing.delayHours,
              committed: timing.committedHours,
            }),
        tIn(locale, "incidents.mail.classes", {
          classes: input.classes.map((c) => tIn(locale, `labels.class.${c}`)).join(", "),
        }),
        verdict(locale),
        own
          ? timeLeftLine(locale, own, partyName(locale, own.passesTo), timing.discloserDeadline)
          : tIn(locale, "incidents.mail.discloserDeadline", {
              deadline: formatMoment(locale, timing.discloserDeadline),
              fromNow: hoursFrom(locale, timing.discloserDeadline, now),
              party: partyName(locale, recipientNotice.party),
              hours: recipientNotice.committedHours,
            }),
        "",
        input.description,
        "",
        link,
      ].join("\n"),
      kind: "incident",
      relatedType: "agreement",
      relatedId: String(agreement._id),
    });
  }
  // the agreement may ask for an early re-assessment after an incident
  await sendDueReassessments({ now, origin, agreementId: String(agreement._id), supplierId: user.orgId });
  return { ok: true, id };
}

function hoursFrom(locale: Locale, iso: string, now: Date): string {
  const h = Math.round(((Date.parse(iso) - now.getTime()) / 3_600_000) * 10) / 10;
  return h >= 0
    ? tIn(locale, "incidents.mail.hours", { hours: h })
    : tIn(locale, "incidents.mail.hoursAgo", { hours: -h });
}

/** What one party above the reporter reads: whom it tells next, by when, and how that compares with its commitment. */
function timeLeftLine(locale: Locale, n: UpstreamNotice, next: string, discloserDeadline: string): string {
  const commitment =
    n.committedHours === null
      ? tIn(locale, "incidents.mail.noCommitment")
      : tIn(locale, "incidents.mail.commitment", { hours: n.committedHours });
  if (n.passOnBy === null || n.hoursLeft === null)
    return tIn(locale, "incidents.mail.tellAtOnce", {
      next,
      deadline: formatMoment(locale, discloserDeadline),
      commitment,
    });
  if (n.hoursLeft < 0)
    return tIn(locale, "incidents.mail.tooLate", {
      next,
      by: formatMoment(locale, n.passOnBy),
      hours: -n.hoursLeft,
      commitment,
    });
  return tIn(locale, "incidents.mail.tellBy", {
    next,
    by: formatMoment(locale, n.passOnBy),
    hours: n.hoursLeft,
    commitment,
  });
}

export interface IncidentView {
  id: string;
  supplier: string;
  agreementRef: string;
  detectedAt: string;
  reportedAt: string;
  reportedBy: string;
  classes: string[];
  description: string;
  timing: Omit<IncidentTiming, "upstreamHours" | "path">;
}

export async function incidentViews(
  filter: Record<string, unknown>,
  names: Map<string, string>,
  refs: Map<string, string> = new Map(),
): Promise<IncidentView[]> {
  const rows = await Incident.find(filter).sort({ reportedAt: -1 }).limit(200).lean();
  return rows.map((i) => ({
    id: String(i._id),
    supplier: names.get(String(i.supplierOrgId)) ?? "",
    agreementRef: refs.get(String(i.agreementId)) ?? "",
    detectedAt: new Date(i.detectedAt).toISOString(),
    reportedAt: new Date(i.reportedAt).toISOString(),
    reportedBy: i.reportedByName,
    classes: i.classes,
    description: i.description,
    timing: {
      delayHours: i.timing.delayHours,
      committedHours: i.timing.committedHours ?? null,
      withinCommitment: i.timing.withinCommitment ?? null,
      discloserDeadline: i.timing.discloserDeadline,
      projectedNotice: i.timing.projectedNotice ?? null,
      marginHours: i.timing.marginHours ?? null,
      onTrack: i.timing.onTrack ?? null,
    },
  }));
}

/** The supplier's incidents page: the agreements it may report under, and the incidents it reported. */
export async function supplierIncidentsPage(user: CurrentUser) {
  const list = await Agreement.find({ "chain.supplierOrgId": toObjectId(user.orgId) }, { reference: 1, title: 1 })
    .sort({ reference: 1 })
    .lean();
  const agreements = list.map((a) => ({ id: String(a._id), reference: a.reference, title: a.title }));
  const refs = new Map(agreements.map((a) => [a.id, a.reference]));
  const incidents = await incidentViews({ supplierOrgId: user.orgId }, new Map([[user.orgId, user.org.name]]), refs);
  // incidents its subcontractors reported: it is on their path up the chain and passes the notice on
  const belowFilter = { "timing.path": user.orgId, supplierOrgId: mongoose.trusted({ $ne: toObjectId(user.orgId) }) };
  const reporters = await Incident.distinct("supplierOrgId", belowFilter);
  const reporterNames = new Map([...(await orgInfo(reporters))].map(([id, org]) => [id, org.name]));
  const below = await incidentViews(belowFilter, reporterNames, refs);
  return { agreements, incidents, below, now: new Date().toISOString().slice(0, 16) };
}
