import { Assessment, EDITABLE_STATUSES } from "#models/assessment.server";
import { recordAudit } from "#models/audit-event.server";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { clientIp } from "#app/lib/http.server";
import { database, isObjectId, toObjectId } from "#app/lib/ids.server";
import { Refusal, said } from "#models/refusal";
import { deleteEvidence } from "./evidence.server";
import type { ReceivedFile } from "./uploads.server";

/** As long as a question name recorded with a file may be (evidence.files metadata). */
export const QUESTION_NAME_MAX = 200;

/** Whether the supplier may add evidence to its assessment `id`: null when it is not theirs. */
export async function evidenceUploadTarget(user: CurrentUser, id: string) {
  if (!isObjectId(id)) return null;
  const assessment = await Assessment.findOne({ _id: id, supplierOrgId: user.orgId }, { status: 1 }).lean();
  if (!assessment) return null;
  return { editable: EDITABLE_STATUSES.includes(assessment.status) };
}

/**
 * Records files uploaded to a questionnaire: the question they were attached
 * to (known only after the upload, as the field may come after the files)
 * and one audit entry per file. Returns the references the answers keep.
 * A question name longer than any is a Refusal, and the files are removed.
 */
export async function attachUploadedEvidence(
  user: CurrentUser,
  assessmentId: string,
  upload: { files: ReceivedFile[]; fields: Record<string, string> },
  request: Request,
) {
  const question = upload.fields.question ?? "";
  // a question name is an id from the questionnaire: one longer than any refuses the upload, never cut to fit
  if (question.length > QUESTION_NAME_MAX) {
    for (const f of upload.files) await deleteEvidence(f.id, user.orgId);
    throw new Refusal(
      said("evidence.upload.questionNameTooLong", { max: QUESTION_NAME_MAX, entered: question.length }),
    );
  }
  if (question) {
    const db = database();
    await db
      .collection("evidence.files")
      .updateMany(
        { _id: { $in: upload.files.map((f) => toObjectId(f.id)) } },
        { $set: { "metadata.questionName": question } },
      );
  }
  for (const f of upload.files) {
    await recordAudit({
      action: "evidence.upload",
      actor: { id: user.id, email: user.email, orgId: user.orgId },
      targetType: "assessment",
      targetId: assessmentId,
      details: { file: f.id, name: f.fileName, sha256: f.sha256, size: f.size },
      ip: clientIp(request),
    });
  }
  return upload.files.map((f) => ({
    name: f.fileName,
    type: f.contentType,
    content: `/evidence/${f.id}`,
    size: f.size,
    sha256: f.sha256,
  }));
}
