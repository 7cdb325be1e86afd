import { recordAudit } from "#models/audit-event.server";
import { Organization } from "#models/organization.server";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { clientIp } from "#app/lib/http.server";
import { recipientMayReadEvidence } from "./evidence-access.server";
import { openEvidence } from "./evidence.server";

/**
 * Opens an evidence file for the user who downloads it and records the
 * download: a supplier's own files, or for procurement the files of the
 * suppliers it manages that its own assessments, the supplier's certificates
 * or a profile grant show it (evidence-access.server.ts). Null when there is
 * no such file they may read.
 */
export async function downloadEvidence(user: CurrentUser, id: string, request: Request) {
  const viewerOrgIds =
    user.role === "supplier"
      ? [user.orgId]
      : (await Organization.find({ kind: "supplier", managedBy: user.orgId }, { _id: 1 }).lean()).map((o) =>
          String(o._id),
        );
  const file = await openEvidence(id, {
    viewerOrgIds,
    // a supplier's other customers' files, or its profile's without a grant, are not procurement's to read
    mayRead: user.role === "supplier" ? undefined : (info) => recipientMayReadEvidence(user.orgId, info),
  });
  if (!file) return null;
  await recordAudit({
    action: "evidence.download",
    actor: { id: user.id, email: user.email, orgId: user.orgId },
    targetType: "evidence",
    targetId: file.info.id,
    details: { name: file.info.fileName },
    ip: clientIp(request),
  });
  return file;
}
