import { trusted } from "#app/lib/ids.server";
import { findSendableTemplate } from "#app/features/questionnaires/questionnaire-import.server";
import { Types } from "mongoose";
import { isSameStandard } from "#app/scoring/certifications";
import type { RiskRating } from "#app/scoring/types";
import { Agreement, type AgreementData } from "#models/agreement.server";
import { syncAssessmentRow } from "#models/assessment-row.server";
import { Assessment, unscoredSummary, type AssessmentData } from "#models/assessment.server";
import { OPEN_STATUSES } from "#models/assessment-status";
import { recordAudit } from "#models/audit-event.server";
import { Certification } from "#models/certification.server";
import { claim, releaseClaim } from "#models/claim.server";
import { addDaysIso } from "#app/scoring/dates";
import { todayIso } from "#models/today";
import { Incident } from "#models/incident.server";
import { pinCatalogue, pinTemplate } from "#models/questionnaire-version.server";
import { User } from "#models/user.server";
import { loadCatalogue } from "#questionnaires/loader";
import { sendMail } from "#app/lib/mail.server";
import { orgInfo } from "#app/features/accounts/org-names.server";
import { agreementRows, type CachedRow } from "#app/features/assessments/read-model.server";
import { tailoringFor } from "#app/features/assessments/assessments.server";
import { currentLocale, tIn } from "#app/i18n/messages.server";
import { formatDay } from "#app/i18n/format";
import type { Locale } from "#app/i18n/locales";
import { localeOfRecipient } from "#app/features/accounts/locale.server";
import { assessmentEventData, recordWebhookEvent } from "#app/features/webhooks/events.server";
import { agreementLifecycles } from "#app/features/lifecycle/lifecycle.server";
import {
  policyOf,
  MIN_ANSWER_DAYS,
  planReassessment,
  reasonMessage,
  sayReason,
  type ReassessmentPlan,
  type SupplierHistory,
} from "./reassessment";

type AgreementDoc = AgreementData & { _id: Types.ObjectId };

const OPEN = new Set<string>(OPEN_STATUSES);

export interface SupplierReassessment {
  supplierId: string;
  supplierName: string;
  tier: number;
  plan: ReassessmentPlan;
}

/** Each chain supplier's next re-assessment under the agreement, from the stored rows, certificates and incidents. */
export async function agreementReassessments(
  agreement: AgreementDoc,
  now = new Date(),
): Promise<SupplierReassessment[]> {
  const today = todayIso(now);
  const supplierIds = agreement.chain.map((l) => l.supplierOrgId);
  const [rows, certs, incidents, orgs] = await Promise.all([
    agreementRows(String(agreement.recipientOrgId), String(agreement._id)),
    Certification.find(
      { supplierOrgId: trusted({ $in: supplierIds }) },
      { supplierOrgId: 1, standard: 1, certificateNumber: 1, expiryDate: 1, createdAt: 1, updatedAt: 1 },
    ).lean(),
    Incident.find({ agreementId: agreement._id }, { supplierOrgId: 1, reportedAt: 1 }).lean(),
    orgInfo(supplierIds),
  ]);
  const required = agreement.requiredCertifications.map((c) => c.standard);
  const policy = policyOf(agreement);
  const phases = agreement.phases.map((p) => ({ key: p.key, name: p.name, addedOn: p.addedOn ?? null }));
  // grouped once: a chain of 50 suppliers with 500 rows would otherwise scan the rows 50 times
  const bySupplier = new Map<string, CachedRow[]>();
  for (const r of rows) {
    const list = bySupplier.get(r.supplier);
    if (list) list.push(r);
    else bySupplier.set(r.supplier, [r]);
  }
  return agreement.chain.map((link) => {
    const sid = String(link.supplierOrgId);
    const mine = bySupplier.get(sid) ?? [];
    const approved = mine
      .filter((r) => r.status === "approved" && r.rating)
      .sort((a, b) => approvedMs(b) - approvedMs(a));
    const approvedAt = approved[0] ? new Date(approvedMs(approved[0])) : null;
    const open = mine.filter((r) => OPEN.has(r.status)).sort((a, b) => b.updatedMs - a.updatedMs)[0];
    // per required standard, the certificate that lasts longest (a renewal replaces the old one)
    const latestCerts = required.flatMap((standard) => {
      const matching = certs
        .filter((c) => String(c.supplierOrgId) === sid && isSameStandard(c.standard, standard))
        .sort((a, b) => (a.expiryDate < b.expiryDate ? 1 : -1));
      return matching.length
        ? [
            {
              standard: matching[0].standard,
              certificateNumber: matching[0].certificateNumber,
              expiryDate: matching[0].expiryDate,
              filedAt: filedAt(matching[0]),
            },
          ]
        : [];
    });
    const history: SupplierHistory = {
      lastApproved:
        approved[0] && approvedAt
          ? {
              id: approved[0].id,
              approvedOn: todayIso(approvedAt),
              // an assessment's id is made when it is sent: the instant its questions went out
              sentAt: new Types.ObjectId(approved[0].id).getTimestamp().toISOString(),
              approvedAt: approvedAt.toISOString(),
              rating: approved[0].rating as RiskRating,
            }
          : null,
      previousRating: (approved[1]?.rating as RiskRating | undefined) ?? null,
      open: open ? { id: open.id, dueDate: open.dueDate, status: open.status } : null,
      certificates: latestCerts,
      incidents: incidents
        .filter((i) => String(i.supplierOrgId) === sid)
        .map((i) => ({
          id: String(i._id),
          reportedOn: todayIso(new Date(i.reportedAt)),
          reportedAt: new Date(i.reportedAt).toISOString(),
        })),
    };
    return {
      supplierId: sid,
      supplierName: orgs.get(sid)?.name ?? "Unknown supplier",
      tier: link.tier,
      plan: planReassessment(policy, { phases }, history, today),
    };
  });
}

function filedAt(c: { createdAt?: Date; updatedAt?: Date }): string | undefined {
  const at = c.updatedAt ?? c.createdAt;
  return at ? new Date(at).toISOString() : undefined;
}

/** When an approved row's assessment was approved (rows written before approvedAt was kept: their last write, which was the approval). */
function approvedMs(row: CachedRow): number {
  return row.approvedAt ? new Date(row.approvedAt).getTime() : row.updatedMs;
}

/**
 * Sends every re-assessment that is due: a new assessment for the supplier,
 * pre-filled with its last approved answers, with the reasons. Exactly once
 * per approval, however many app instances run this at the same moment (the
 * approval it follows is claimed in the database).
 */
export async function sendDueReassessments({
  now = new Date(),
  origin,
  agreementId,
  supplierId,
}: {
  now?: Date;
  origin: string;
  agreementId?: string;
  supplierId?: string;
}): Promise<{ created: string[] }> {
  const agreements = await Agreement.find(
    agreementId
      ? { _id: agreementId }
      : supplierId
        ? { status: "active", "chain.supplierOrgId": new Types.ObjectId(supplierId) }
        : { status: "active" },
  ).lean<AgreementDoc[]>();
  const created: string[] = [];
  // an agreement that has ended (in survival or archived) gets no more re-assessments
  const lives = await agreementLifecycles(
    agreements.map((a) => a._id),
    now,
  );
  for (const agreement of agreements) {
    if (lives.get(String(agreement._id))?.state !== "active") continue;
    const plans = await agreementReassessments(agreement, now);
    for (const s of plans) {
      if (supplierId && s.supplierId !== supplierId) continue;
      const { plan } = s;
      if (!(plan.state === "due" || plan.state === "overdue") || plan.openId || !plan.basisId) continue;
      const key = `reassessment:${String(agreement._id)}:${s.supplierId}:${plan.basisId}`;
      if (!(await claim(key))) continue;
      try {
        created.push(await createReassessment(agreement, s, plan, now, origin));
      } catch (error) {
        await releaseClaim(key);
        throw error;
      }
    }
  }
  return { created };
}

/**
 * After a change that can bring a re-assessment forward (a certificate filed,
 * an approval with a fallen rating, a phase added): what is now due is sent
 * at once rather than at the next hourly run. A failure here does not undo
 * the change that caused it: it is logged and the hourly run sends it.
 */
export async function sendTriggeredReassessments(
  scope: { agreementId?: string; supplierId?: string },
  origin: string,
): Promise<void> {
  try {
    await sendDueReassessments({ ...scope, origin });
  } catch (error) {
    console.error("re-assessments could not be sent now; the hourly run will", error);
  }
}

async function createReassessment(
  agreement: AgreementDoc,
  s: SupplierReassessment,
  plan: ReassessmentPlan,
  now: Date,
  origin: string,
): Promise<string> {
  const basis = await Assessment.findById(plan.basisId).lean<AssessmentData & { _id: Types.ObjectId }>();
  if (!basis) throw new Error(`The approved assessment ${plan.basisId} is missing`);
  // shipped or imported: the questionnaire the approved assessment was answered on
  const template = await findSendableTemplate(basis.templateId);
  if (!template)
    throw new Error(`The questionnaire ${basis.templateId} of assessment ${plan.basisId} is no longer available`);
  const [templateVersion, catalogueVersion] = await Promise.all([pinTemplate(template), pinCatalogue(loadCatalogue())]);
  // asks what the agreement needs now, as a questionnaire sent by hand would
  const { asked } = tailoringFor(agreement, template);
  const today = todayIso(now);
  const dueDate = [plan.dueDate ?? today, addDaysIso(today, MIN_ANSWER_DAYS)].sort().at(-1)!;
  // in English for the history and the audit trail; as messages for the pages, which say them to each reader
  const reasons = plan.reasons.map((r) => r.text);
  const assessment = await Assessment.create({
    agreementId: agreement._id,
    supplierOrgId: s.supplierId,
    ownerOrgId: agreement.recipientOrgId,
    templateId: template.id,
    templateVersion,
    catalogueVersion,
    askedQuestions: asked,
    status: "invited",
    history: [
      {
        from: null,
        to: "invited",
        at: now,
        byUserId: null,
        byName: "Flowdown (re-assessment)",
        comment: `Re-assessment: ${reasons.join("; ")}`,
      },
    ],
    dueDate,
    answers: { ...(basis.answers ?? {}) },
    revision: 0,
    reassessmentOf: basis._id,
    reassessmentReasons: plan.reasons.map(reasonMessage),
    summary: unscoredSummary(s.supplierName, agreement.reference),
  });
  const id = String(assessment._id);
  await syncAssessmentRow(assessment._id);
  await recordWebhookEvent({
    type: "reassessment.due",
    orgIds: [agreement.recipientOrgId],
    data: { ...assessmentEventData(assessment), follows: plan.basisId, reasons },
    now,
  });
  await recordAudit({
    action: "assessment.reassessment_created",
    targetType: "assessment",
    targetId: id,
    details: {
      agreement: agreement.reference,
      supplier: s.supplierName,
      follows: plan.basisId,
      reasons: reasons.join("; "),
      dueDate,
    },
  });
  const [suppliers, reviewers, client] = await Promise.all([
    User.find({ orgId: s.supplierId, role: "supplier" }, { email: 1 }).lean(),
    User.find({ orgId: agreement.recipientOrgId, role: "procurement" }, { email: 1 }).lean(),
    orgInfo([agreement.recipientOrgId]),
  ]);
  const clientName = client.get(String(agreement.recipientOrgId))?.name;
  // each e-mail in its recipient's language; the reasons and dates too
  const writer = currentLocale();
  const reasonsIn = (locale: Locale) =>
    plan.reasons.map((r) =>
      sayReason(
        r,
        (mid, values) => tIn(locale, mid, values),
        (iso) => formatDay(locale, iso),
      ),
    );
  for (const u of suppliers) {
    const locale = await localeOfRecipient(u.email, writer);
    const due = formatDay(locale, dueDate);
    await sendMail({
      to: u.email,
      subject: tIn(locale, "reassessment.mail.supplierSubject", { due, reference: agreement.reference }),
      text: tIn(locale, "reassessment.mail.supplierBody", {
        client: clientName ?? tIn(locale, "reassessment.mail.yourClient"),
        supplier: s.supplierName,
        reference: agreement.reference,
        reasons: reasonsIn(locale).join("; "),
        due,
        link: `${origin}/supplier/assessments/${id}`,
      }),
      kind: "reassessment",
      relatedType: "assessment",
      relatedId: id,
    });
  }
  for (const u of reviewers) {
    const locale = await localeOfRecipient(u.email, writer);
    await sendMail({
      to: u.email,
      subject: tIn(locale, "reassessment.mail.reviewerSubject", {
        supplier: s.supplierName,
        reference: agreement.reference,
      }),
      text: tIn(locale, "reassessment.mail.reviewerBody", {
        supplier: s.supplierName,
        reference: agreement.reference,
        due: formatDay(locale, dueDate),
        reasons: reasonsIn(locale).join("; "),
        link: `${origin}/procurement/assessments/${id}`,
      }),
      kind: "reassessment",
      relatedType: "assessment",
      relatedId: id,
    });
  }
  return id;
}

/** Question name → the answer in the approved assessment a re-assessment follows, for the questions whose answer changed. */
export async function changedSinceBasis(
  a: Pick<AssessmentData, "reassessmentOf" | "answers" | "supplierOrgId">,
): Promise<Record<string, unknown> | null> {
  if (!a.reassessmentOf) return null;
  const basis = await Assessment.findOne(
    { _id: a.reassessmentOf, supplierOrgId: a.supplierOrgId },
    { answers: 1 },
  ).lean();
  if (!basis) return null;
  const before = basis.answers ?? {};
  const now = a.answers ?? {};
  const changed: Record<string, unknown> = {};
  for (const name of new Set([...Object.keys(before), ...Object.keys(now)])) {
    if (JSON.stringify(before[name] ?? null) !== JSON.stringify(now[name] ?? null))
      changed[name] = before[name] ?? null;
  }
  return changed;
}
