import type { ActionFunctionArgs } from "@remix-run/node";
import { getUser } from "#app/features/accounts/auth.server";
import { attachUploadedEvidence, evidenceUploadTarget } from "#app/features/evidence/assessment-uploads.server";
import { receiveEvidence } from "#app/features/evidence/uploads.server";
import { isRefusal } from "#app/lib/refusal.server";
import { say, t } from "#app/i18n/messages.server";

function json(body: unknown, status = 200) {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

export async function loader() {
  return json({ error: t("supplier.api.usePost") }, 405);
}

/** Evidence upload for one questionnaire: files in, references for the answers out. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await getUser(request);
  if (!user) return json({ error: t("supplier.api.sessionEndedUpload") }, 401);
  if (user.role !== "supplier") return json({ error: t("supplier.api.onlySupplierUploads") }, 403);
  const id = params.id ?? "";
  const target = await evidenceUploadTarget(user, id);
  if (!target) return json({ error: t("supplier.api.notFound") }, 404);
  if (!target.editable) return json({ error: t("supplier.api.uploadClosed") }, 409);

  const outcome = await receiveEvidence(request, { ownerOrgId: user.orgId, uploadedBy: user.id, assessmentId: id });
  if (!outcome.ok) return json({ error: outcome.error }, outcome.status);
  if (outcome.files.length === 0) {
    return json({ error: t("supplier.api.noFile") }, 400);
  }
  try {
    return json({ files: await attachUploadedEvidence(user, id, outcome, request) });
  } catch (error) {
    if (!isRefusal(error)) throw error;
    return json({ error: say(error.said) }, error.status);
  }
}
