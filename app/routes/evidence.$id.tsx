import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "#app/features/accounts/auth.server";
import { evidenceResponse, openEvidence } from "#app/features/evidence/evidence.server";
import { clientIp, notFound } from "#app/lib/http.server";
import { recordAudit } from "#models/audit-event.server";
import { Organization } from "#models/organization.server";

/** Downloads an evidence file: for the supplier's own users and the procurement teams that manage the supplier. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: ["supplier", "procurement"] });
  let viewerOrgIds: string[];
  if (user.role === "supplier") viewerOrgIds = [user.orgId];
  else
    viewerOrgIds = (await Organization.find({ kind: "supplier", managedBy: user.orgId }, { _id: 1 }).lean()).map((o) =>
      String(o._id),
    );
  const file = await openEvidence(params.id ?? "", { viewerOrgIds });
  if (!file) notFound();
  await recordAudit({
    action: "evidence.download",
    actor: { id: user.id, email: user.email, orgId: user.orgId },
    targetType: "evidence",
    targetId: file.info.id,
    details: { name: file.info.fileName },
    ip: clientIp(request),
  });
  return evidenceResponse(file.info, file.stream);
}
