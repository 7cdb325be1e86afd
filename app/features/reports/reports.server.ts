import crypto from "node:crypto";
import { Writable, type Readable } from "node:stream";
import { createReadableStreamFromReadable } from "@remix-run/node";
import mongoose, { type Types } from "mongoose";
import type { ScoringResult } from "#app/scoring/types";
import { sayChain, sayClearance, sayReasons, sayResult } from "#app/i18n/reasons";
import { Agreement, type AgreementData } from "#models/agreement.server";
import { Assessment, type AssessmentData } from "#models/assessment.server";
import { recordAudit } from "#models/audit-event.server";
import { Certification } from "#models/certification.server";
import { todayIso } from "#models/today";
import {
  listReportVersions,
  ReportRecord,
  ReportRefusedError,
  reserveReportVersion,
  type ReportKind,
  type ReportTrigger,
  type StoredReport,
} from "#models/report.server";
import { loadCatalogue, requirementTitle } from "#questionnaires/loader";
import { renderAgreementReport, renderAssessmentReport, type RenderInfo } from "#reports/index";
import type {
  AgreementReportData,
  AgreementSupplierEntry,
  AssessmentReportData,
  ReportAgreement,
  ReportMeta,
  ReportSupplier,
  RemediationStatus,
} from "#reports/types";
import { reportWordsFor } from "./report-words.server";
import { certificatesExpiringWithin, reportGlossary, summariseResult } from "#reports/view";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { agreementCompliance } from "#app/features/agreements/compliance.server";
import { ensureAgreementResultsCurrent, refreshAssessmentResult } from "#app/features/assessments/freshness.server";
import { contentDisposition } from "#app/features/evidence/evidence.server";
import { gridFsBucket, trusted } from "#app/lib/ids.server";
import { clientIp } from "#app/lib/http.server";
import { orgInfo } from "#app/features/accounts/org-names.server";
import { recordWebhookEvent } from "#app/features/webhooks/events.server";
import { currentLocale, t } from "#app/i18n/messages.server";
import { isLocale, type Locale } from "#app/i18n/locales";
import { certificationInput } from "#app/features/assessments/scoring.server";
import { templateTitle } from "#app/features/questionnaires/questionnaire.server";
import { lifecycleReportData } from "#app/features/lifecycle/lifecycle-report.server";
import { said } from "#app/scoring/said";

/**
 * Reports leave the portal, so each one is stored exactly as it was sent:
 * the PDF streams into GridFS (bucket "reports") while its SHA-256 is
 * computed over the same bytes, and the record keeps hash, version, time and
 * author. /verify answers from those records. The hash is not printed in the
 * PDF (a file cannot contain its own hash); the PDF names its version.
 */

const bucket = () => gridFsBucket("reports");

type AgreementDoc = AgreementData & { _id: Types.ObjectId };
type AssessmentDoc = AssessmentData & { _id: Types.ObjectId };

export interface Author {
  id: string | null;
  /** printed in the report and its record */
  name: string;
  /** who the audit trail names; null for the system */
  actor: { id: string; email: string; orgId: string } | null;
}

// ---------------------------------------------------------------- data from stored records

async function reportAgreement(a: AgreementDoc): Promise<ReportAgreement> {
  const orgs = await orgInfo([a.discloserOrgId, a.recipientOrgId]);
  return {
    reference: a.reference,
    title: a.title,
    discloser: orgs.get(String(a.discloserOrgId))?.name ?? "",
    recipient: orgs.get(String(a.recipientOrgId))?.name ?? "",
    effectiveDate: a.effectiveDate,
    endDate: a.endDate,
    breachWindowHours: a.breachWindowHours,
    recipientNotifyHours: a.recipientNotifyHours,
    permittedJurisdictions: [...a.permittedJurisdictions],
    requiredCertifications: a.requiredCertifications.map((c) => c.standard),
    revision: (a as { revision?: number }).revision ?? 1,
  };
}

async function chainSuppliers(a: AgreementDoc): Promise<ReportSupplier[]> {
  const orgs = await orgInfo(a.chain.map((l) => l.supplierOrgId));
  return a.chain.map((l) => {
    const id = String(l.supplierOrgId);
    const parentId = l.parentSupplierOrgId ? String(l.parentSupplierOrgId) : null;
    return {
      id,
      name: orgs.get(id)?.name ?? "Unknown supplier",
      country: orgs.get(id)?.country ?? "",
      service: l.service,
      tier: l.tier,
      parentId,
      parentName: parentId ? (orgs.get(parentId)?.name ?? null) : null,
    };
  });
}

const REMEDIATION_STATUS: Record<string, RemediationStatus> = {
  open: "open",
  answered: "responded",
  accepted: "accepted",
};

/** Everything the assessment report shows, read from the stored assessment, agreement and certificates. */
export async function assessmentReportData(
  assessment: AssessmentDoc,
  agreement: AgreementDoc,
  meta: ReportMeta,
): Promise<AssessmentReportData> {
  const result = assessment.result as ScoringResult | null;
  if (!result) throw new ReportRefusedError(t("reports.refused.noScore"));
  const [agreementPart, suppliers] = await Promise.all([reportAgreement(agreement), chainSuppliers(agreement)]);
  const sid = String(assessment.supplierOrgId);
  let supplier = suppliers.find((s) => s.id === sid);
  if (!supplier) {
    const org = (await orgInfo([assessment.supplierOrgId])).get(sid);
    supplier = {
      id: sid,
      name: org?.name ?? "Unknown supplier",
      country: org?.country ?? "",
      service: "",
      tier: 1,
      parentId: null,
      parentName: null,
    };
  }
  const certIds = result.certifications.map((c) => c.certificationId).filter((id) => mongoose.isValidObjectId(id));
  const certs = certIds.length
    ? await Certification.find({ _id: trusted({ $in: certIds }), supplierOrgId: assessment.supplierOrgId }).lean()
    : [];
  return {
    ...meta,
    kind: "assessment",
    agreement: agreementPart,
    supplier,
    assessment: {
      id: String(assessment._id),
      status: assessment.status,
      dueDate: assessment.dueDate,
      submittedAt: assessment.submittedAt ? new Date(assessment.submittedAt).toISOString() : null,
      templateTitle: await templateTitle(assessment.templateId, assessment.templateVersion),
      templateVersion: assessment.templateVersion,
      catalogueVersion: assessment.catalogueVersion,
      history: assessment.history.map((h) => ({
        from: h.from,
        to: h.to,
        by: h.byName || "system",
        at: new Date(h.at).toISOString(),
        comment: h.comment || null,
      })),
      scoredAt: assessment.resultBasis ? new Date(assessment.resultBasis.computedAt).toISOString() : null,
      scoredAgreementRevision: assessment.resultBasis?.agreementRevision ?? null,
      approvedDrift: assessment.status === "approved" ? sayReasons(currentLocale(), assessment.summary?.drift) : [],
    },
    // reasons and catalogue titles in the report's language; a title from another catalogue version stays as stored
    result: (({ requirements, ...spoken }) => ({
      ...spoken,
      requirements: requirements.map((r) => ({
        ...r,
        title: requirementTitle(r.requirementId, r.title, meta.language),
      })),
    }))(sayResult(meta.language, result)),
    certifications: certs.map((c) => {
      const { controls, fileRef, ...shown } = certificationInput(c);
      void controls;
      return { ...shown, fileRef: fileRef ?? null };
    }),
    remediation: (assessment.remediation ?? []).map((r) => ({
      requirementId: r.requirementId,
      description: r.description,
      dueDate: r.dueDate,
      status: REMEDIATION_STATUS[r.status] ?? "open",
      response: r.response ? r.response : null,
    })),
    glossary: reportGlossary(agreement.glossary),
  };
}

/**
 * Everything the agreement report shows. The choice of each supplier's
 * assessment is the compliance view's (the latest scored one), so the PDF
 * and the disclosing party's page show the same results.
 */
export async function agreementReportData(
  agreement: AgreementDoc,
  meta: ReportMeta,
  now = new Date(meta.generatedAt),
): Promise<AgreementReportData> {
  const [agreementPart, suppliers, view] = await Promise.all([
    reportAgreement(agreement),
    chainSuppliers(agreement),
    agreementCompliance(agreement, now),
  ]);
  const latestIds = view.suppliers.map((s) => s.latest?.id).filter((id): id is string => Boolean(id));
  const results = new Map<string, { status: AssessmentDoc["status"]; result: ScoringResult }>();
  for (const id of latestIds) {
    // one at a time: a few whole assessments, and FerretDB reads big documents faster in sequence
    const a = await Assessment.findById(id, { status: 1, result: 1 }).lean<AssessmentDoc>();
    if (a?.result) results.set(id, { status: a.status, result: a.result });
  }
  const catalogue = loadCatalogue();
  const entries: AgreementSupplierEntry[] = suppliers.map((s) => {
    const v = view.suppliers.find((x) => x.id === s.id);
    const found = v?.latest ? results.get(v.latest.id) : undefined;
    if (!v?.latest || !found) return { ...s, latest: null };
    const latest = summariseResult(found.result, { id: v.latest.id, status: found.status });
    // an open audit finding holds a result down on the page (compliance view): the PDF says the same
    for (const [id, cell] of Object.entries(v.cells))
      if (cell?.finding && latest.statuses[id])
        latest.statuses[id] = { ...latest.statuses[id], status: cell.status, finding: cell.finding };
    return { ...s, latest };
  });
  const today = todayIso(now);
  const certs = await Certification.find({
    supplierOrgId: trusted({ $in: agreement.chain.map((l) => l.supplierOrgId) }),
    expiryDate: trusted({ $gte: today }),
  }).lean();
  const names = new Map(entries.map((e) => [e.id, e.name]));
  return {
    ...meta,
    kind: "agreement",
    agreement: agreementPart,
    requirements: agreement.requirements.map((r) => {
      const c = catalogue.byId.get(r.requirementId);
      return {
        id: r.requirementId,
        title: c ? requirementTitle(r.requirementId, c.title, meta.language) : r.requirementId,
        category: c?.category ?? "",
        weight: c?.weight ?? 1,
        knockOut: c?.knockOut ?? false,
      };
    }),
    suppliers: entries,
    chain: sayChain(meta.language, view.chain),
    phases: agreement.phases.map((p) => ({
      id: p.key,
      name: p.name,
      purpose: p.purpose,
      classes: [...p.classes],
      requiredRequirementIds: [...p.requiredRequirementIds],
      permittedSupplierIds: p.permittedSupplierIds.map(String),
    })),
    clearances: view.clearances.map((c) => sayClearance(meta.language, c)),
    expiringCertificates: certificatesExpiringWithin(
      certs.map((c) => ({
        supplierId: String(c.supplierOrgId),
        supplierName: names.get(String(c.supplierOrgId)) ?? "",
        standard: c.standard,
        certificateNumber: c.certificateNumber,
        certificationBody: c.certificationBody,
        expiryDate: c.expiryDate,
      })),
      today,
    ),
    glossary: reportGlossary(agreement.glossary),
    lifecycle: await lifecycleReportData(agreement._id, now, meta.language),
  };
}

// ---------------------------------------------------------------- generating and storing

/** Streams the PDF into GridFS, hashing exactly the bytes stored. */
async function storePdf(
  fileName: string,
  metadata: Record<string, unknown>,
  render: (out: Writable) => Promise<RenderInfo>,
): Promise<{ fileId: Types.ObjectId; sha256: string; size: number; pages: number }> {
  const upload = bucket().openUploadStream(fileName, { metadata: { ...metadata, contentType: "application/pdf" } });
  const hash = crypto.createHash("sha256");
  let size = 0;
  const tee = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      upload.write(chunk, (error) => callback(error ?? null));
    },
    final(callback) {
      upload.end((error?: Error | null) => callback(error ?? null));
    },
  });
  try {
    const info = await render(tee);
    if (!upload.writableFinished)
      await new Promise<void>((resolve, reject) => upload.once("finish", () => resolve()).once("error", reject));
    return { fileId: upload.id as Types.ObjectId, sha256: hash.digest("hex"), size, pages: info.pages };
  } catch (error) {
    await upload.abort().catch(() => undefined);
    throw error;
  }
}

function safeFilePart(s: string) {
  return s
    .normalize("NFC")
    .replace(/[\p{Cc}/\\:*?"<>|]/gu, "")
    .replace(/\s+/g, "-")
    .slice(0, 60);
}

async function generate(
  input: {
    kind: ReportKind;
    targetId: Types.ObjectId;
    agreement: AgreementDoc;
    subject: string;
    supplierOrgId: Types.ObjectId | null;
    fileStem: string;
  },
  author: Author,
  trigger: ReportTrigger,
  origin: string | null,
  render: (meta: ReportMeta, out: Writable) => Promise<RenderInfo>,
  language: Locale,
): Promise<StoredReport> {
  const generatedAt = new Date();
  const reserved = await reserveReportVersion({
    kind: input.kind,
    targetId: input.targetId,
    agreementId: input.agreement._id,
    agreementRef: input.agreement.reference,
    subject: input.subject,
    recipientOrgId: input.agreement.recipientOrgId,
    discloserOrgId: input.agreement.discloserOrgId,
    supplierOrgId: input.supplierOrgId,
    fileName: "pending.pdf",
    generatedAt,
    generatedBy: author.name,
    generatedById: author.id ? (new mongoose.Types.ObjectId(author.id) as Types.ObjectId) : null,
    trigger,
    language,
  });
  const fileName = `${input.fileStem}-v${reserved.version}.pdf`;
  const meta: ReportMeta = {
    version: reserved.version,
    generatedAt: generatedAt.toISOString(),
    generatedBy: author.name,
    verifyUrl: origin ? `${origin}/verify` : "/verify",
    language,
  };
  try {
    const stored = await storePdf(
      fileName,
      { reportId: String(reserved._id), kind: input.kind, version: reserved.version },
      (out) => render(meta, out),
    );
    await ReportRecord.updateOne(
      { _id: reserved._id },
      {
        $set: {
          state: "stored",
          fileName,
          fileId: stored.fileId,
          sha256: stored.sha256,
          size: stored.size,
          pages: stored.pages,
        },
      },
    );
    const record = { ...reserved, state: "stored" as const, fileName, ...stored };
    await recordAudit({
      action: `report.${input.kind}.generated`,
      actor: author.actor,
      targetType: input.kind,
      targetId: String(input.targetId),
      details: { version: record.version, sha256: record.sha256, by: author.name, trigger },
    });
    await recordWebhookEvent({
      type: "report.generated",
      orgIds: [input.agreement.recipientOrgId],
      data: {
        report: {
          id: String(reserved._id),
          kind: input.kind,
          version: record.version,
          agreementId: String(input.agreement._id),
          assessmentId: input.kind === "assessment" ? String(input.targetId) : null,
          supplierOrgId: input.supplierOrgId ? String(input.supplierOrgId) : null,
          sha256: record.sha256,
          trigger,
        },
      },
    });
    return record;
  } catch (error) {
    // nothing half-written stays listed; the version number is not reused
    await ReportRecord.deleteOne({ _id: reserved._id }).catch(() => undefined);
    throw error;
  }
}

/**
 * The report's own words are in `language`: the one chosen on the form, else
 * the language of the request generating it (the acting user's, also for a
 * report made on approval).
 */
export async function generateAssessmentReport(
  assessmentId: string,
  author: Author,
  trigger: ReportTrigger,
  origin: string | null = null,
  language: Locale = currentLocale(),
): Promise<StoredReport> {
  // a report states the result as the terms and certificates are now
  await refreshAssessmentResult(assessmentId, said("chain.trigger.beforeReport"));
  const assessment = await Assessment.findById(assessmentId).lean<AssessmentDoc>();
  if (!assessment) throw new ReportRefusedError(t("reports.refused.noAssessment"));
  const agreement = await Agreement.findById(assessment.agreementId).lean<AgreementDoc>();
  if (!agreement) throw new ReportRefusedError(t("reports.refused.noAgreementOfAssessment"));
  // data first, so a missing score is refused before a version is reserved
  const probe = await assessmentReportData(assessment, agreement, {
    version: 0,
    generatedAt: new Date().toISOString(),
    generatedBy: author.name,
    language,
  });
  const supplierName = probe.supplier.name;
  return generate(
    {
      kind: "assessment",
      targetId: assessment._id,
      agreement,
      subject: supplierName,
      supplierOrgId: assessment.supplierOrgId,
      fileStem: `assessment-${safeFilePart(agreement.reference)}-${safeFilePart(supplierName)}`,
    },
    author,
    trigger,
    origin,
    (meta, out) => renderAssessmentReport({ ...probe, ...meta }, out, reportWordsFor(meta.language)),
    language,
  );
}

export async function generateAgreementReport(
  agreementId: string,
  author: Author,
  trigger: ReportTrigger,
  origin: string | null = null,
  language: Locale = currentLocale(),
): Promise<StoredReport> {
  const agreement = await Agreement.findById(agreementId).lean<AgreementDoc>();
  if (!agreement) throw new ReportRefusedError(t("reports.refused.noAgreement"));
  await ensureAgreementResultsCurrent(agreement);
  return generate(
    {
      kind: "agreement",
      targetId: agreement._id,
      agreement,
      subject: agreement.title,
      supplierOrgId: null,
      fileStem: `agreement-${safeFilePart(agreement.reference)}`,
    },
    author,
    trigger,
    origin,
    async (meta, out) =>
      renderAgreementReport(await agreementReportData(agreement, meta), out, reportWordsFor(meta.language)),
    language,
  );
}

/** The author of a report generated by a signed-in user. */
export function authorOf(user: CurrentUser): Author {
  return {
    id: user.id,
    name: `${user.name} (${user.org.name})`,
    actor: { id: user.id, email: user.email, orgId: user.orgId },
  };
}

// ---------------------------------------------------------------- listing, downloading, verifying

export interface ReportVersionView {
  id: string;
  version: number;
  generatedAt: string;
  generatedBy: string;
  trigger: ReportTrigger;
  /** the language of the report's own words; null for reports made before it was kept */
  language: Locale | null;
  sha256: string;
  size: number;
  pages: number;
  href: string;
}

export async function reportVersions(
  kind: ReportKind,
  targetId: string | Types.ObjectId,
): Promise<ReportVersionView[]> {
  const rows = await listReportVersions(kind, targetId);
  return rows.map((r) => ({
    id: String(r._id),
    version: r.version,
    generatedAt: new Date(r.generatedAt).toISOString(),
    generatedBy: r.generatedBy,
    trigger: r.trigger,
    language: isLocale(r.language) ? r.language : null,
    sha256: r.sha256 ?? "",
    size: r.size,
    pages: r.pages,
    href: `/reports/${String(r._id)}`,
  }));
}

/** Who may download a stored report: the recipient's procurement team and the disclosing party of its agreement. */
export function reportScope(user: { role: string; orgId: string }): Record<string, string> | null {
  if (user.role === "procurement") return { recipientOrgId: user.orgId };
  if (user.role === "discloser") return { discloserOrgId: user.orgId };
  return null;
}

function mayRead(user: { role: string; orgId: string }, r: StoredReport): boolean {
  const scope = reportScope(user);
  return !!scope && Object.entries(scope).every(([field, orgId]) => String(r[field as keyof StoredReport]) === orgId);
}

export async function openReport(
  user: { role: string; orgId: string },
  id: string,
): Promise<{ record: StoredReport; stream: Readable } | null> {
  if (!mongoose.isValidObjectId(id)) return null;
  const record = await ReportRecord.findOne({ _id: id, state: "stored" }).lean<StoredReport>();
  if (!record || !record.fileId || !mayRead(user, record)) return null;
  return { record, stream: bucket().openDownloadStream(record.fileId) };
}

/** Opens a stored report for the user who downloads it, and records the download; null when they may not. */
export async function downloadReport(user: CurrentUser, id: string, request: Request) {
  const opened = await openReport(user, id);
  if (!opened) return null;
  await recordAudit({
    action: "report.download",
    actor: { id: user.id, email: user.email, orgId: user.orgId },
    targetType: opened.record.kind,
    targetId: String(opened.record.targetId),
    details: { version: opened.record.version, sha256: opened.record.sha256 },
    ip: clientIp(request),
  });
  return opened;
}

export function reportResponse(record: StoredReport, stream: Readable): Response {
  return new Response(createReadableStreamFromReadable(stream), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(record.size),
      "Content-Disposition": contentDisposition(record.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      ETag: `"${record.sha256}"`,
    },
  });
}

export type Verification =
  | { authentic: false; sha256: string }
  | {
      authentic: true;
      sha256: string;
      kind: ReportKind;
      agreementRef: string;
      subject: string;
      version: number;
      generatedAt: string;
      generatedBy: string;
      latest: { version: number; generatedAt: string } | null;
    };

/** Is this hash the hash of a report the portal issued? Which one, and is there a newer version? */
export async function verifyReportHash(sha256: string): Promise<Verification> {
  const hash = sha256.toLowerCase();
  const record = await ReportRecord.findOne({ sha256: hash, state: "stored" })
    .sort({ generatedAt: 1 })
    .lean<StoredReport>();
  if (!record) return { authentic: false, sha256: hash };
  const newest = await ReportRecord.findOne(
    { kind: record.kind, targetId: record.targetId, state: "stored" },
    { version: 1, generatedAt: 1 },
  )
    .sort({ version: -1 })
    .lean();
  return {
    authentic: true,
    sha256: hash,
    kind: record.kind,
    agreementRef: record.agreementRef,
    subject: record.subject,
    version: record.version,
    generatedAt: new Date(record.generatedAt).toISOString(),
    generatedBy: record.generatedBy,
    latest:
      newest && newest.version > record.version
        ? { version: newest.version, generatedAt: new Date(newest.generatedAt).toISOString() }
        : null,
  };
}

/** Hashes an uploaded file as it streams in, without keeping it. */
export async function sha256OfStream(
  data: AsyncIterable<Uint8Array>,
  maxBytes: number,
): Promise<{ sha256: string; size: number } | { tooLarge: true }> {
  const hash = crypto.createHash("sha256");
  let size = 0;
  let tooLarge = false;
  for await (const chunk of data) {
    size += chunk.length;
    if (size > maxBytes) tooLarge = true;
    if (!tooLarge) hash.update(chunk);
  }
  return tooLarge ? { tooLarge: true } : { sha256: hash.digest("hex"), size };
}
