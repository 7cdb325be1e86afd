import mongoose, { type Types } from "mongoose";
import { z } from "zod";
import { Agreement, type AgreementData } from "#models/agreement.server";
import { recordAudit } from "#models/audit-event.server";
import { Incident } from "#models/incident.server";
import { User } from "#models/user.server";
import {
  AUDIT_OUTCOMES,
  AuditFinding,
  FINDING_SEVERITIES,
  SupplierAudit,
  type AuditFindingData,
  type AuditOutcome,
  type AuditStatus,
  type FindingSeverity,
  type SupplierAuditData,
} from "#models/supplier-audit.server";
import { isDuplicateKey } from "#models/duplicate-key";
import { todayIso } from "#models/today";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { requireAgreement } from "#app/features/agreements/agreement-access.server";
import { orgInfo } from "#app/features/accounts/org-names.server";
import { localeOfRecipient } from "#app/features/accounts/locale.server";
import { agreementLifecycle } from "#app/features/lifecycle/lifecycle.server";
import { checkAuditNotice, checkAuditsPerYear, daysOverdue } from "#app/features/lifecycle/deadlines";
import { clientIp, notFound } from "#app/lib/http.server";
import { isObjectId, toObjectId, trusted } from "#app/lib/ids.server";
import { sendMail } from "#app/lib/mail.server";
import { abbreviate, limitedText } from "#app/lib/text-limits";
import { isIsoDate } from "#app/scoring/dates";
import { currentLocale, t, tIn } from "#app/i18n/messages.server";
import { formatDay } from "#app/i18n/format";
import type { Locale } from "#app/i18n/locales";
import { catalogueFor, type CatalogueLanguage } from "#questionnaires/loader";
import {
  DESCRIPTION_MAX,
  findingState,
  NOTE_MAX,
  RESPONSE_MAX,
  SCOPE_MAX,
  SUMMARY_MAX,
  type FindingState,
} from "./audit-rules";

type Errors = Record<string, string[]>;
export type AuditResult = { ok: true; id: string } | { ok: false; errors: Errors };

const isoDate = z.string().trim().refine(isIsoDate, "audits.field.date");
const objectId = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^[0-9a-f]{24}$/, message);

export const ScheduleSchema = z.object({
  supplierId: objectId("audits.field.chooseSupplier"),
  scheduledFor: isoDate,
  scope: limitedText("The scope", SCOPE_MAX).min(3, "audits.field.scopeMin"),
  afterIncident: z.enum(["", "yes"]).default(""),
  incidentId: z.string().trim().default(""),
});
export type ScheduleInput = z.infer<typeof ScheduleSchema>;

export const OutcomeSchema = z.object({
  outcome: z.enum(AUDIT_OUTCOMES, { error: "audits.field.outcome" }),
  completedOn: isoDate,
  summary: limitedText("The summary", SUMMARY_MAX).min(3, "audits.field.summaryMin"),
});

export const FindingSchema = z.object({
  requirementId: z
    .string()
    .trim()
    .regex(/^FD-[A-Z]{2,5}-\d{2,3}$/, "audits.field.requirement"),
  severity: z.enum(FINDING_SEVERITIES, { error: "audits.field.severity" }),
  description: limitedText("The description", DESCRIPTION_MAX).min(3, "audits.field.describe"),
  dueDate: isoDate,
});

export const AnswerSchema = z.object({
  findingId: objectId("common.notFound"),
  response: limitedText("The answer", RESPONSE_MAX).min(3, "audits.field.answerMin"),
});

export const CloseSchema = z.object({
  findingId: objectId("common.notFound"),
  note: limitedText("The note", NOTE_MAX).min(3, "audits.field.noteMin"),
});

type AgreementDoc = AgreementData & { _id: Types.ObjectId };
type AuditorRole = "procurement" | "discloser";

function auditorRoleOf(user: CurrentUser): AuditorRole {
  if (user.role !== "procurement" && user.role !== "discloser") notFound();
  return user.role;
}

/** Supplier users, or the auditing team, who are told; each in their own language. */
async function mailTo(
  filter: { orgId: Types.ObjectId; role: "supplier" | AuditorRole },
  write: (locale: Locale) => { subject: string; text: string },
  related: { kind: string; agreementId: string },
) {
  const users = await User.find({ ...filter, active: mongoose.trusted({ $ne: false }) }, { email: 1 }).lean();
  const writer = currentLocale();
  for (const u of users) {
    const locale = await localeOfRecipient(u.email, writer);
    const { subject, text } = write(locale);
    await sendMail({
      to: u.email,
      subject,
      text,
      kind: related.kind,
      relatedType: "agreement",
      relatedId: related.agreementId,
    });
  }
}

function requirementTitles(agreement: AgreementDoc): { id: string; title: string }[] {
  const shown = catalogueFor(currentLocale() as CatalogueLanguage);
  return agreement.requirements.map((r) => ({
    id: r.requirementId,
    title: shown.byId.get(r.requirementId)?.title ?? r.requirementId,
  }));
}

export interface FindingView {
  id: string;
  auditId: string;
  requirementId: string;
  requirementTitle: string;
  severity: FindingSeverity;
  description: string;
  dueDate: string;
  state: FindingState;
  overdueDays: number;
  response: string;
  respondedAt: string | null;
  closedOn: string | null;
  closingNote: string;
}

export interface AuditView {
  id: string;
  supplierId: string;
  supplier: string;
  agreementId: string;
  agreementRef: string;
  auditor: string;
  auditorOrgId: string;
  auditorRole: AuditorRole;
  noticeGivenOn: string;
  scheduledFor: string;
  scope: string;
  afterIncident: boolean;
  status: AuditStatus;
  outcome: AuditOutcome | null;
  summary: string;
  completedOn: string | null;
  scheduledBy: string;
  findings: FindingView[];
}

type LeanAudit = SupplierAuditData & { _id: Types.ObjectId };
type LeanFinding = AuditFindingData & { _id: Types.ObjectId };

function findingView(f: LeanFinding, titles: Map<string, string>, now: Date): FindingView {
  const state = findingState(f, now);
  return {
    id: String(f._id),
    auditId: String(f.auditId),
    requirementId: f.requirementId,
    requirementTitle: titles.get(f.requirementId) ?? f.requirementId,
    severity: f.severity,
    description: f.description,
    dueDate: f.dueDate,
    state,
    overdueDays: state === "overdue" ? daysOverdue(f.dueDate, now) : 0,
    response: f.response,
    respondedAt: f.respondedAt ? new Date(f.respondedAt).toISOString() : null,
    closedOn: f.closedOn,
    closingNote: f.closingNote,
  };
}

async function auditViews(
  audits: LeanAudit[],
  findings: LeanFinding[],
  refs: Map<string, string>,
  titles: Map<string, string>,
  now: Date,
): Promise<AuditView[]> {
  const names = await orgInfo([...new Set(audits.flatMap((a) => [String(a.supplierOrgId), String(a.auditorOrgId)]))]);
  const byAudit = new Map<string, FindingView[]>();
  for (const f of findings) {
    const list = byAudit.get(String(f.auditId)) ?? [];
    list.push(findingView(f, titles, now));
    byAudit.set(String(f.auditId), list);
  }
  return audits.map((a) => ({
    id: String(a._id),
    supplierId: String(a.supplierOrgId),
    supplier: names.get(String(a.supplierOrgId))?.name ?? "",
    agreementId: String(a.agreementId),
    agreementRef: refs.get(String(a.agreementId)) ?? "",
    auditor: names.get(String(a.auditorOrgId))?.name ?? "",
    auditorOrgId: String(a.auditorOrgId),
    auditorRole: a.auditorRole,
    noticeGivenOn: a.noticeGivenOn,
    scheduledFor: a.scheduledFor,
    scope: a.scope,
    afterIncident: a.afterIncidentId !== null,
    status: a.status,
    outcome: a.outcome,
    summary: a.summary,
    completedOn: a.completedOn,
    scheduledBy: a.scheduledByName,
    findings: (byAudit.get(String(a._id)) ?? []).sort((x, y) => x.dueDate.localeCompare(y.dueDate)),
  }));
}

/** The audits under an agreement with their findings, newest first: the "After signature" tab and the audits page. */
export async function agreementAudits(agreement: AgreementDoc, now: Date): Promise<AuditView[]> {
  const [audits, findings] = await Promise.all([
    SupplierAudit.find({ agreementId: agreement._id }).sort({ scheduledFor: -1 }).limit(500).lean<LeanAudit[]>(),
    AuditFinding.find({ agreementId: agreement._id }).limit(2000).lean<LeanFinding[]>(),
  ]);
  const titles = new Map(requirementTitles(agreement).map((r) => [r.id, r.title]));
  return auditViews(audits, findings, new Map([[String(agreement._id), agreement.reference]]), titles, now);
}

/**
 * The agreement (and the audit) an action names, before its form is read:
 * another organisation's, or an unknown one, is a 404 whatever was posted.
 */
export async function requireAuditAccess(user: CurrentUser, id: string | undefined, auditId?: string) {
  auditorRoleOf(user);
  const agreement = await requireAgreement(user, id);
  if (auditId !== undefined) await auditOf(agreement, auditId);
}

/** The audits page of an agreement: the form's choices and the agreement's audits. */
export async function agreementAuditsPage(user: CurrentUser, id: string | undefined, now = new Date()) {
  const role = auditorRoleOf(user);
  const agreement = await requireAgreement(user, id);
  const lifecycle = await agreementLifecycle(agreement._id, now);
  const names = await orgInfo(agreement.chain.map((l) => l.supplierOrgId));
  const incidents = await Incident.find(
    { agreementId: agreement._id },
    { supplierOrgId: 1, detectedAt: 1, description: 1 },
  )
    .sort({ reportedAt: -1 })
    .limit(200)
    .lean();
  return {
    role,
    agreement: {
      id: String(agreement._id),
      reference: agreement.reference,
      title: agreement.title,
      noticeDays: agreement.auditRights?.noticeDays ?? 30,
      auditsPerYear: agreement.auditRights?.auditsPerYear ?? 1,
      archived: lifecycle.state === "archived",
    },
    orgId: user.orgId,
    today: todayIso(now),
    suppliers: agreement.chain.map((l) => ({
      id: String(l.supplierOrgId),
      name: names.get(String(l.supplierOrgId))?.name ?? String(l.supplierOrgId),
      tier: l.tier,
    })),
    incidents: incidents.map((i) => ({
      id: String(i._id),
      supplierId: String(i.supplierOrgId),
      detectedAt: new Date(i.detectedAt).toISOString(),
      description: abbreviate(i.description, 80),
    })),
    audits: await agreementAudits(agreement, now),
  };
}

const MAX_TRIES = 8;

/**
 * Procurement or the disclosing party schedules an audit of a chain
 * supplier. The notice period and the yearly limit (counting both parties'
 * audits) are checked against what is booked; the booking is an insert
 * numbered after every audit already booked for the (agreement, supplier)
 * pair, unique per pair, so of two people booking at once one wins and the
 * other checks again against the audit just booked.
 */
export async function scheduleAudit(
  user: CurrentUser,
  id: string | undefined,
  input: ScheduleInput,
  request: Request,
  origin: string,
  now = new Date(),
): Promise<AuditResult> {
  const role = auditorRoleOf(user);
  const agreement = await requireAgreement(user, id);
  if ((await agreementLifecycle(agreement._id, now)).state === "archived")
    return { ok: false, errors: { "": [t("audits.error.archived")] } };
  const link = agreement.chain.find((l) => String(l.supplierOrgId) === input.supplierId);
  if (!link) return { ok: false, errors: { supplierId: [t("audits.field.chooseSupplier")] } };
  let incidentId: Types.ObjectId | null = null;
  if (input.afterIncident === "yes") {
    const incident = isObjectId(input.incidentId)
      ? await Incident.findOne({
          _id: input.incidentId,
          agreementId: agreement._id,
          supplierOrgId: link.supplierOrgId,
        }).lean()
      : null;
    if (!incident) return { ok: false, errors: { incidentId: [t("audits.field.incident")] } };
    incidentId = incident._id;
  }
  const today = todayIso(now);
  const notice = checkAuditNotice(
    today,
    input.scheduledFor,
    agreement.auditRights?.noticeDays ?? 30,
    incidentId !== null,
  );
  if (!notice.ok)
    return {
      ok: false,
      errors: {
        scheduledFor: [
          t(incidentId ? "audits.error.past" : "audits.error.notice", {
            days: agreement.auditRights?.noticeDays ?? 30,
            earliest: formatDay(currentLocale(), notice.earliest),
          }),
        ],
      },
    };
  const perYear = agreement.auditRights?.auditsPerYear ?? 1;
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const booked = await SupplierAudit.find(
      { agreementId: agreement._id, supplierOrgId: link.supplierOrgId },
      { seq: 1, status: 1, scheduledFor: 1 },
    ).lean();
    const year = checkAuditsPerYear(
      booked.filter((a) => a.status !== "cancelled").map((a) => a.scheduledFor),
      input.scheduledFor,
      perYear,
    );
    if (!year.ok) {
      const locale = currentLocale();
      return {
        ok: false,
        errors: {
          scheduledFor: [
            t("audits.error.perYear", {
              limit: perYear,
              from: formatDay(locale, year.windowStart),
              to: formatDay(locale, year.windowEnd),
              dates: year.inWindow.map((d) => formatDay(locale, d)).join(", "),
            }),
          ],
        },
      };
    }
    const seq = booked.reduce((m, a) => Math.max(m, a.seq), 0) + 1;
    try {
      const audit = await SupplierAudit.create({
        agreementId: agreement._id,
        seq,
        supplierOrgId: link.supplierOrgId,
        recipientOrgId: agreement.recipientOrgId,
        discloserOrgId: agreement.discloserOrgId,
        auditorOrgId: toObjectId(user.orgId),
        auditorRole: role,
        noticeGivenOn: today,
        scheduledFor: input.scheduledFor,
        scope: input.scope,
        afterIncidentId: incidentId,
        scheduledById: toObjectId(user.id),
        scheduledByName: user.name,
      });
      await announce(user, agreement, audit.toObject() as LeanAudit, request, origin);
      return { ok: true, id: String(audit._id) };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // someone booked an audit of this supplier at the same moment: check again against it
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20));
    }
  }
  return { ok: false, errors: { "": [t("audits.error.busy")] } };
}

async function announce(
  user: CurrentUser,
  agreement: AgreementDoc,
  audit: LeanAudit,
  request: Request,
  origin: string,
) {
  await recordOnAgreement(user, agreement._id, request, "supplier-audit.schedule", {
    audit: String(audit._id),
    supplier: String(audit.supplierOrgId),
    scheduledFor: audit.scheduledFor,
    ...(audit.afterIncidentId ? { incident: String(audit.afterIncidentId) } : {}),
  });
  await mailTo(
    { orgId: audit.supplierOrgId, role: "supplier" },
    (locale) => ({
      subject: tIn(locale, "audits.mail.scheduledSubject", { reference: agreement.reference }),
      text: [
        tIn(locale, "audits.mail.scheduled", {
          auditor: user.org.name,
          reference: agreement.reference,
          date: formatDay(locale, audit.scheduledFor),
        }),
        tIn(locale, "audits.mail.scope", { scope: audit.scope }),
        audit.afterIncidentId ? tIn(locale, "audits.mail.afterIncident") : "",
        "",
        `${origin}/supplier/audits`,
      ].join("\n"),
    }),
    { kind: "supplier-audit", agreementId: String(agreement._id) },
  );
}

async function auditOf(agreement: AgreementDoc, auditId: string | undefined): Promise<LeanAudit> {
  if (!isObjectId(auditId)) notFound();
  const audit = await SupplierAudit.findOne({ _id: auditId, agreementId: agreement._id }).lean<LeanAudit>();
  if (!audit) notFound();
  return audit;
}

/**
 * An audit of one of the user's agreements that the user's organisation
 * may act on: the one that audits (or, with `procurementToo`, the
 * recipient's procurement whoever audited). Another agreement or audit is a 404.
 */
async function auditToActOn(
  user: CurrentUser,
  id: string | undefined,
  auditId: string | undefined,
  opts: { procurementToo?: boolean } = {},
): Promise<{ ok: true; agreement: AgreementDoc; audit: LeanAudit } | { ok: false; errors: Errors }> {
  const role = auditorRoleOf(user);
  const agreement = await requireAgreement(user, id);
  const audit = await auditOf(agreement, auditId);
  if (String(audit.auditorOrgId) !== user.orgId && !(opts.procurementToo && role === "procurement"))
    return { ok: false, errors: { "": [t("audits.error.notAuditor")] } };
  return { ok: true, agreement, audit };
}

/** An audit-trail entry on the agreement, by the user. */
function recordOnAgreement(
  user: CurrentUser,
  agreementId: unknown,
  request: Request,
  action: string,
  details: Record<string, string>,
) {
  return recordAudit({
    action,
    actor: { id: user.id, email: user.email, orgId: user.orgId },
    targetType: "agreement",
    targetId: String(agreementId),
    details,
    ip: clientIp(request),
  });
}

/** The auditing organisation cancels an audit still scheduled: it stops counting against the yearly limit. */
export async function cancelAudit(
  user: CurrentUser,
  id: string | undefined,
  auditId: string,
  request: Request,
): Promise<AuditResult> {
  const acting = await auditToActOn(user, id, auditId);
  if (!acting.ok) return acting;
  const { agreement, audit } = acting;
  if (audit.status !== "scheduled") return { ok: false, errors: { "": [t("audits.error.notScheduled")] } };
  await SupplierAudit.updateOne({ _id: audit._id }, { $set: { status: "cancelled" } });
  await recordOnAgreement(user, agreement._id, request, "supplier-audit.cancel", {
    audit: String(audit._id),
    supplier: String(audit.supplierOrgId),
    scheduledFor: audit.scheduledFor,
  });
  return { ok: true, id: String(audit._id) };
}

/** One audit's page: outcome, findings, and what the reader may do. */
export async function auditPage(
  user: CurrentUser,
  id: string | undefined,
  auditId: string | undefined,
  now = new Date(),
) {
  const role = auditorRoleOf(user);
  const agreement = await requireAgreement(user, id);
  const audit = await auditOf(agreement, auditId);
  const findings = await AuditFinding.find({ auditId: audit._id }).lean<LeanFinding[]>();
  const requirements = requirementTitles(agreement);
  const [view] = await auditViews(
    [audit],
    findings,
    new Map([[String(agreement._id), agreement.reference]]),
    new Map(requirements.map((r) => [r.id, r.title])),
    now,
  );
  const isAuditor = String(audit.auditorOrgId) === user.orgId;
  return {
    role,
    agreement: { id: String(agreement._id), reference: agreement.reference },
    audit: view,
    requirements,
    today: todayIso(now),
    canRecord: isAuditor && audit.status !== "cancelled",
    canClose: isAuditor || role === "procurement",
  };
}

/** The auditing organisation records (or corrects) the outcome of an audit that took place. */
export async function recordOutcome(
  user: CurrentUser,
  id: string | undefined,
  auditId: string | undefined,
  input: z.infer<typeof OutcomeSchema>,
  request: Request,
  now = new Date(),
): Promise<AuditResult> {
  const acting = await auditToActOn(user, id, auditId);
  if (!acting.ok) return acting;
  const { agreement, audit } = acting;
  if (audit.status === "cancelled") return { ok: false, errors: { "": [t("audits.error.cancelled")] } };
  if (input.completedOn < audit.scheduledFor)
    return {
      ok: false,
      errors: {
        completedOn: [t("audits.error.beforeStart", { date: formatDay(currentLocale(), audit.scheduledFor) })],
      },
    };
  if (input.completedOn > todayIso(now)) return { ok: false, errors: { completedOn: [t("audits.error.future")] } };
  await SupplierAudit.updateOne(
    { _id: audit._id },
    {
      $set: {
        status: "completed",
        outcome: input.outcome,
        completedOn: input.completedOn,
        summary: input.summary,
        recordedById: toObjectId(user.id),
      },
    },
  );
  await recordOnAgreement(user, agreement._id, request, "supplier-audit.outcome", {
    audit: String(audit._id),
    supplier: String(audit.supplierOrgId),
    outcome: input.outcome,
  });
  return { ok: true, id: String(audit._id) };
}

/** A finding of a completed audit: a remediation item that counts against the supplier's verdict until closed. */
export async function addFinding(
  user: CurrentUser,
  id: string | undefined,
  auditId: string | undefined,
  input: z.infer<typeof FindingSchema>,
  request: Request,
  origin: string,
): Promise<AuditResult> {
  const acting = await auditToActOn(user, id, auditId);
  if (!acting.ok) return acting;
  const { agreement, audit } = acting;
  if (audit.status !== "completed" || !audit.completedOn)
    return { ok: false, errors: { "": [t("audits.error.notCompleted")] } };
  if (!agreement.requirements.some((r) => r.requirementId === input.requirementId))
    return { ok: false, errors: { requirementId: [t("audits.field.requirement")] } };
  if (input.dueDate <= audit.completedOn)
    return {
      ok: false,
      errors: { dueDate: [t("audits.error.dueAfter", { date: formatDay(currentLocale(), audit.completedOn) })] },
    };
  const finding = await AuditFinding.create({
    auditId: audit._id,
    agreementId: agreement._id,
    supplierOrgId: audit.supplierOrgId,
    recipientOrgId: agreement.recipientOrgId,
    discloserOrgId: agreement.discloserOrgId,
    requirementId: input.requirementId,
    severity: input.severity,
    description: input.description,
    dueDate: input.dueDate,
  });
  await recordOnAgreement(user, agreement._id, request, "supplier-audit.finding", {
    audit: String(audit._id),
    finding: String(finding._id),
    supplier: String(audit.supplierOrgId),
    requirement: input.requirementId,
    severity: input.severity,
    dueDate: input.dueDate,
  });
  await mailTo(
    { orgId: audit.supplierOrgId, role: "supplier" },
    (locale) => ({
      subject: tIn(locale, "audits.mail.findingSubject", { reference: agreement.reference }),
      text: [
        tIn(locale, "audits.mail.finding", {
          auditor: user.org.name,
          requirement: input.requirementId,
          severity: tIn(locale, `audits.severity.${input.severity}`),
          due: formatDay(locale, input.dueDate),
        }),
        "",
        input.description,
        "",
        `${origin}/supplier/audits`,
      ].join("\n"),
    }),
    { kind: "supplier-audit", agreementId: String(agreement._id) },
  );
  return { ok: true, id: String(finding._id) };
}

/** Procurement, or the disclosing party that audited, closes a finding with a note: the verdict is restored. */
export async function closeFinding(
  user: CurrentUser,
  id: string | undefined,
  auditId: string | undefined,
  input: z.infer<typeof CloseSchema>,
  request: Request,
  now = new Date(),
): Promise<AuditResult> {
  const acting = await auditToActOn(user, id, auditId, { procurementToo: true });
  if (!acting.ok) return acting;
  const { agreement, audit } = acting;
  const finding = await AuditFinding.findOne({ _id: input.findingId, auditId: audit._id }).lean();
  if (!finding) notFound();
  if (finding.status === "closed") return { ok: false, errors: { "": [t("audits.error.closed")] } };
  await AuditFinding.updateOne(
    { _id: finding._id },
    { $set: { status: "closed", closedOn: todayIso(now), closedById: toObjectId(user.id), closingNote: input.note } },
  );
  await recordOnAgreement(user, agreement._id, request, "supplier-audit.close-finding", {
    audit: String(audit._id),
    finding: String(finding._id),
    requirement: finding.requirementId,
  });
  return { ok: true, id: String(finding._id) };
}

/** The supplier's audits under every agreement it works under, with their findings. */
export async function supplierAuditsPage(user: CurrentUser, now = new Date()) {
  const supplierId = toObjectId(user.orgId);
  const [audits, findings] = await Promise.all([
    SupplierAudit.find({ supplierOrgId: supplierId }).sort({ scheduledFor: -1 }).limit(200).lean<LeanAudit[]>(),
    AuditFinding.find({ supplierOrgId: supplierId }).limit(1000).lean<LeanFinding[]>(),
  ]);
  const agreementIds = [...new Set(audits.map((a) => String(a.agreementId)))];
  const agreements = agreementIds.length
    ? await Agreement.find({ _id: trusted({ $in: agreementIds.map(toObjectId) }) }, { reference: 1 }).lean()
    : [];
  const refs = new Map(agreements.map((a) => [String(a._id), a.reference]));
  const shown = catalogueFor(currentLocale() as CatalogueLanguage);
  const titles = new Map(
    [...new Set(findings.map((f) => f.requirementId))].map((r) => [r, shown.byId.get(r)?.title ?? r]),
  );
  return { audits: await auditViews(audits, findings, refs, titles, now) };
}

/** The supplier answers a finding (what it did); the auditing team is told. */
export async function answerFinding(
  user: CurrentUser,
  input: z.infer<typeof AnswerSchema>,
  request: Request,
  origin: string,
  now = new Date(),
): Promise<AuditResult> {
  const finding = await AuditFinding.findOne({ _id: input.findingId, supplierOrgId: toObjectId(user.orgId) }).lean();
  if (!finding) notFound();
  if (finding.status === "closed") return { ok: false, errors: { response: [t("audits.error.closed")] } };
  const audit = await SupplierAudit.findById(finding.auditId).lean<LeanAudit>();
  if (!audit) notFound();
  await AuditFinding.updateOne({ _id: finding._id }, { $set: { response: input.response, respondedAt: now } });
  const agreement = await Agreement.findById(finding.agreementId, { reference: 1 }).lean();
  const reference = agreement?.reference ?? "";
  await recordOnAgreement(user, finding.agreementId, request, "supplier-audit.answer", {
    audit: String(audit._id),
    finding: String(finding._id),
    requirement: finding.requirementId,
  });
  await mailTo(
    { orgId: audit.auditorOrgId, role: audit.auditorRole },
    (locale) => ({
      subject: tIn(locale, "audits.mail.answerSubject", { supplier: user.org.name, reference }),
      text: [
        tIn(locale, "audits.mail.answer", { supplier: user.org.name, requirement: finding.requirementId }),
        "",
        input.response,
        "",
        `${origin}/${audit.auditorRole}/agreements/${String(finding.agreementId)}/audits/${String(audit._id)}`,
      ].join("\n"),
    }),
    { kind: "supplier-audit", agreementId: String(finding.agreementId) },
  );
  return { ok: true, id: String(finding._id) };
}
