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
import { utcMinuteText } from "#app/scoring/dates";
import { limitedText } from "#app/lib/text-limits";
import { INCIDENT_DESCRIPTION_MAX } from "./incident-limits";
import { measureIncident, upstreamNotices, type IncidentTiming, type UpstreamNotice } from "./incident-timing";
import { sendDueReassessments } from "#app/features/reassessment/reassessment.server";

/** "YYYY-MM-DDTHH:MM" as a datetime-local field sends it, read as UTC. */
const utcMinute = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Enter the date and time (UTC)")
  .refine((v) => !Number.isNaN(Date.parse(`${v}:00Z`)), "Enter a real date and time");

export const IncidentSchema = z.object({
  agreementId: z.string().regex(/^[0-9a-f]{24}$/, "Choose the agreement"),
  detectedAt: utcMinute,
  classes: z
    .array(z.enum(INFO_CLASSES, { error: "Unknown information class" }))
    .min(1, "Choose the information affected")
    .max(INFO_CLASSES.length),
  description: limitedText("The description", INCIDENT_DESCRIPTION_MAX).min(
    10,
    "Describe what happened in at least 10 characters",
  ),
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
  if (!agreement) return { ok: false, errors: { agreementId: ["Choose an agreement you work under"] } };
  const detected = new Date(`${input.detectedAt}:00Z`);
  if (detected.getTime() > now.getTime() + 5 * 60_000)
    return { ok: false, errors: { detectedAt: ["The detection time cannot be in the future"] } };
  if (detected.getTime() < now.getTime() - 366 * 86_400_000)
    return {
      ok: false,
      errors: {
        detectedAt: ["Report incidents detected within the last year here; older ones go to your client directly"],
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
  const partyName = (party: string) =>
    party === "recipient"
      ? `${recipientName ?? "the recipient"} (the recipient)`
      : party === "discloser"
        ? "the disclosing party"
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
  const verdict =
    timing.onTrack === null
      ? "Whether the disclosing party can be told in time is unknown: a supplier above this one has not said how fast it notifies."
      : timing.onTrack
        ? `If every link keeps its commitment, the disclosing party knows by ${utcMinuteText(timing.projectedNotice!)}, ${timing.marginHours} h before the deadline.`
        : `The breach window cannot be kept: the disclosing party would know ${-timing.marginHours!} h after the deadline of ${utcMinuteText(timing.discloserDeadline)}.`;
  const recipientNotice = notices[notices.length - 1];
  for (const r of recipients) {
    const party = r.role === "supplier" ? String(r.orgId) : r.role === "procurement" ? "recipient" : null;
    const own = party ? notices.find((n) => n.party === party) : undefined;
    const link =
      r.role === "supplier"
        ? `${origin}/supplier/incidents`
        : `${origin}/${r.role}/agreements/${String(agreement._id)}?tab=reassessments`;
    await sendMail({
      to: r.email,
      subject: `Security incident reported by ${user.org.name} (${agreement.reference})`,
      text: [
        `${user.org.name} reported a security incident under ${agreement.reference}.`,
        `Detected: ${utcMinuteText(detected.toISOString())}; reported ${timing.delayHours} h later${timing.committedHours === null ? "" : ` (it committed to ${timing.committedHours} h)`}.`,
        `Information affected: ${input.classes.join(", ")}.`,
        verdict,
        own
          ? timeLeftLine(own, partyName(own.passesTo), timing.discloserDeadline)
          : `The disclosing party must know by ${utcMinuteText(timing.discloserDeadline)} (${hoursFrom(timing.discloserDeadline, now)} from this report); ${partyName(recipientNotice.party)} committed to tell it within ${recipientNotice.committedHours} h.`,
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

function hoursFrom(iso: string, now: Date): string {
  const h = Math.round(((Date.parse(iso) - now.getTime()) / 3_600_000) * 10) / 10;
  return h >= 0 ? `${h} h` : `${-h} h ago`;
}

/** What one party above the reporter reads: whom it tells next, by when, and how that compares with its commitment. */
function timeLeftLine(n: UpstreamNotice, next: string, discloserDeadline: string): string {
  const commitment =
    n.committedHours === null ? "You have not said how fast you notify." : `You committed to ${n.committedHours} h.`;
  if (n.passOnBy === null || n.hoursLeft === null)
    return `Tell ${next} at once: a party after you has not said how fast it notifies, so the latest time that still keeps the disclosing party's deadline (${utcMinuteText(discloserDeadline)}) cannot be worked out. ${commitment}`;
  if (n.hoursLeft < 0)
    return `To keep the breach window you would have had to tell ${next} by ${utcMinuteText(n.passOnBy)}, ${-n.hoursLeft} h before this report: tell ${next} at once. ${commitment}`;
  return `To keep the breach window, tell ${next} by ${utcMinuteText(n.passOnBy)}: ${n.hoursLeft} h from this report. ${commitment}`;
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
