import { recordAudit } from "#models/audit-event.server";
import { Certification, listCertificationsForSupplier } from "#models/certification.server";
import { todayIso } from "#models/today";
import { isDuplicateKey } from "#models/duplicate-key";
import { Refusal } from "#models/refusal";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { fieldErrors } from "#app/lib/forms.server";
import { clientIp } from "#app/lib/http.server";
import { toObjectId } from "#app/lib/ids.server";
import { deleteEvidence } from "./evidence.server";
import { refreshSupplierResults } from "#app/features/assessments/freshness.server";
import type { UploadOutcome } from "./uploads.server";
import { sendTriggeredReassessments } from "#app/features/reassessment/reassessment.server";
import { publicOrigin } from "#app/lib/env.server";
import { CERTIFICATION_LIMITS, CertificationSchema } from "./certification-input";
import { said } from "#app/scoring/said";

/** Where an upload's refusal shows: beside the text field it is about (one far too long), else beside the file. */
function uploadErrorField(field: string | undefined): string {
  if (field === undefined) return "file";
  return Object.hasOwn(CERTIFICATION_LIMITS, field) ? field : "";
}

function actorOf(user: CurrentUser) {
  return { id: user.id, email: user.email, orgId: user.orgId };
}

/** The supplier's certifications page: every certificate on file, soonest expiry first. */
export async function certificationsPage(supplierOrgId: string) {
  const certs = await listCertificationsForSupplier({ supplierOrgId });
  const today = todayIso();
  return {
    today,
    certifications: certs.map((c) => ({
      id: String(c._id),
      standard: c.standard,
      certificateNumber: c.certificateNumber,
      certificationBody: c.certificationBody,
      scope: c.scope,
      issueDate: c.issueDate,
      expiryDate: c.expiryDate,
      controls: c.controls ?? [],
      file: c.fileId ? { href: `/evidence/${String(c.fileId)}`, name: c.fileName } : null,
      expired: c.expiryDate < today,
    })),
  };
}

/**
 * Files a certificate from an upload (its fields, and at most the one file
 * the form sends). A certificate that is refused leaves no file behind: the
 * stored upload is deleted again, since nothing would ever refer to it.
 */
export async function addCertification(user: CurrentUser, upload: UploadOutcome, request: Request) {
  if (!upload.ok) throw Refusal.ofFields({ [uploadErrorField(upload.field)]: [upload.error] }, upload.status);
  const parsed = CertificationSchema.safeParse({ controls: "", ...upload.fields });
  const file = upload.files[0] ?? null;
  if (!parsed.success) {
    if (file) await deleteEvidence(file.id, user.orgId);
    throw Refusal.ofFields(fieldErrors(parsed.error));
  }
  try {
    const cert = await Certification.create({
      ...parsed.data,
      supplierOrgId: user.orgId,
      fileId: file ? file.id : null,
      fileName: file?.fileName ?? "",
      createdBy: user.id,
    });
    await recordAudit({
      action: "certification.create",
      actor: actorOf(user),
      targetType: "certification",
      targetId: String(cert._id),
      details: { standard: cert.standard, number: cert.certificateNumber, expiry: cert.expiryDate },
      ip: clientIp(request),
    });
  } catch (error) {
    if (file) await deleteEvidence(file.id, user.orgId);
    if (isDuplicateKey(error)) throw Refusal.ofFields({ certificateNumber: ["evidence.field.duplicate"] });
    throw error;
  }
  // every customer's view of this supplier counts the certificate from now on
  await refreshSupplierResults(
    user.orgId,
    said("chain.trigger.certificateAdded", {
      standard: parsed.data.standard,
      number: parsed.data.certificateNumber,
    }),
  );
  // a certificate close to its expiry brings a re-assessment forward: sent now, not at the next hourly run
  await sendTriggeredReassessments({ supplierId: user.orgId }, publicOrigin(request));
}

/** Removes one of the supplier's certificates and its file; false when there is no such certificate. */
export async function removeCertification(user: CurrentUser, id: string, request: Request) {
  const cert = await Certification.findOneAndDelete({ _id: toObjectId(id), supplierOrgId: user.orgId }).lean();
  if (!cert) return false;
  if (cert.fileId) await deleteEvidence(String(cert.fileId), user.orgId);
  await recordAudit({
    action: "certification.delete",
    actor: actorOf(user),
    targetType: "certification",
    targetId: id,
    details: { standard: cert.standard, number: cert.certificateNumber },
    ip: clientIp(request),
  });
  await refreshSupplierResults(
    user.orgId,
    said("chain.trigger.certificateRemoved", { standard: cert.standard, number: cert.certificateNumber }),
  );
  return true;
}
