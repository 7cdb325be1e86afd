import type { ActionFunctionArgs } from "@remix-run/node";
import { getUser } from "#app/features/accounts/auth.server";
import { attachUploadedEvidence, evidenceUploadTarget } from "#app/features/evidence/assessment-uploads.server";
import { receiveEvidence } from "#app/features/evidence/uploads.server";
import { isRefusal } from "#app/lib/refusal.server";

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
  const target = await evidenceUploadTarget(user, id);
  if (!target) return json({ error: "Not found" }, 404);
  if (!target.editable)
    return json({ error: "This questionnaire has been submitted; no more files can be added." }, 409);

  const outcome = await receiveEvidence(request, { ownerOrgId: user.orgId, uploadedBy: user.id, assessmentId: id });
  if (!outcome.ok) return json({ error: outcome.error }, outcome.status);
  if (outcome.files.length === 0) {
    return json({ error: "No file arrived. Choose a file and try again." }, 400);
  }
  try {
    return json({ files: await attachUploadedEvidence(user, id, outcome, request) });
  } catch (error) {
    if (!isRefusal(error)) throw error;
    return json({ error: error.message }, error.status);
  }
}
