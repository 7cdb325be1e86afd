import { recordAudit } from "#models/audit-event.server";
import { DestructionRequest, type DestructionRequestData } from "#models/lifecycle.server";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { openEvidence } from "#app/features/evidence/evidence.server";
import { clientIp } from "#app/lib/http.server";

/**
 * Who may read a holder's certificate of destruction: the holder, every
 * holder above it in that milestone's chain (each answers for the chain
 * below it), the recipient's procurement and the disclosing party.
 */
async function mayRead(user: CurrentUser, r: DestructionRequestData): Promise<boolean> {
  if (user.role === "procurement") return String(r.recipientOrgId) === user.orgId;
  if (user.role === "discloser") return String(r.discloserOrgId) === user.orgId;
  if (user.role !== "supplier") return false;
  if (String(r.supplierOrgId) === user.orgId) return true;
  const chain = await DestructionRequest.find(
    { milestoneId: r.milestoneId },
    { supplierOrgId: 1, parentSupplierOrgId: 1 },
  ).lean();
  const parent = new Map(chain.map((c) => [String(c.supplierOrgId), c.parentSupplierOrgId]));
  const seen = new Set<string>();
  let at = r.parentSupplierOrgId ? String(r.parentSupplierOrgId) : null;
  while (at && !seen.has(at)) {
    if (at === user.orgId) return true;
    seen.add(at);
    const next = parent.get(at);
    at = next ? String(next) : null;
  }
  return false;
}

/** The certificate file of one request and its stream, recorded as a download; null for anyone else. */
export async function downloadDestructionCertificate(user: CurrentUser, requestId: string, request: Request) {
  const r = requestId ? await DestructionRequest.findById(requestId).lean<DestructionRequestData>() : null;
  const fileId = r?.certification?.certificateFileId;
  if (!r || !fileId || !(await mayRead(user, r))) return null;
  const file = await openEvidence(String(fileId), { viewerOrgIds: [String(r.supplierOrgId)] });
  if (!file) return null;
  await recordAudit({
    action: "destruction.certificate.download",
    actor: { id: user.id, email: user.email, orgId: user.orgId },
    targetType: "agreement",
    targetId: String(r.agreementId),
    details: { request: r._id, name: file.info.fileName },
    ip: clientIp(request),
  });
  return file;
}
