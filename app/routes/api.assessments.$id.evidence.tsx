import type { ActionFunctionArgs } from "@remix-run/node";
import { getUser } from "#app/features/accounts/auth.server";
import { clientIp } from "#app/lib/http.server";
import { receiveEvidence } from "#app/features/evidence/uploads.server";
import { Assessment, EDITABLE_STATUSES } from "#models/assessment.server";
import { recordAudit } from "#models/audit-event.server";
import { isObjectId, toObjectId, database } from "#app/lib/ids.server";

function json(body: unknown, status = 200) {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

export async function loader() {
  return json({ error: "Use POST." }, 405);
}

/** Evidence upload for one questionnaire: files in, references for the answers out. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await getUser(request);
  if (!user) return json({ error: "Your session has ended. Sign in again to upload files." }, 401);
  if (user.role !== "supplier") return json({ error: "Only the supplier uploads evidence." }, 403);
  const id = params.id ?? "";
  if (!isObjectId(id)) return json({ error: "Not found" }, 404);
  const assessment = await Assessment.findOne({ _id: id, supplierOrgId: user.orgId }, { status: 1 }).lean();
  if (!assessment) return json({ error: "Not found" }, 404);
  if (!EDITABLE_STATUSES.includes(assessment.status))
    return json({ error: "This questionnaire has been submitted; no more files can be added." }, 409);

  const outcome = await receiveEvidence(request, { ownerOrgId: user.orgId, uploadedBy: user.id, assessmentId: id });
  if (!outcome.ok) return json({ error: outcome.error }, outcome.status);
  if (outcome.files.length === 0) {
    return json({ error: "No file arrived. Choose a file and try again." }, 400);
  }
  // the question the files were attached to is recorded after the fact (the field may come after the files)
  const question = (outcome.fields.question ?? "").slice(0, 200);
  if (question) {
    const db = database();
    await db
      .collection("evidence.files")
      .updateMany(
        { _id: { $in: outcome.files.map((f) => toObjectId(f.id)) } },
        { $set: { "metadata.questionName": question } },
      );
  }
  for (const f of outcome.files) {
    await recordAudit({
      action: "evidence.upload",
      actor: { id: user.id, email: user.email, orgId: user.orgId },
      targetType: "assessment",
      targetId: id,
      details: { file: f.id, name: f.fileName, sha256: f.sha256, size: f.size },
      ip: clientIp(request),
    });
  }
  return json({
    files: outcome.files.map((f) => ({
      name: f.fileName,
      type: f.contentType,
      content: `/evidence/${f.id}`,
      size: f.size,
      sha256: f.sha256,
    })),
  });
}
