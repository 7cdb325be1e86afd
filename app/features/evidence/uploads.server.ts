import { Readable } from "node:stream";
import { unstable_parseMultipartFormData as parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { deleteEvidence, EvidenceError, evidenceMaxBytes, storeEvidence, type StoredEvidence } from "./evidence.server";

export const MAX_FILES_PER_UPLOAD = 10;

export type ReceivedFile = StoredEvidence & { field: string };
export type UploadOutcome =
  | { ok: true; files: ReceivedFile[]; fields: Record<string, string> }
  | { ok: false; status: number; error: string; fields: Record<string, string> };

/**
 * Reads a multipart upload and streams each file part straight into GridFS
 * (never buffering it whole); other parts come back as text fields.
 * The first refused file stops the upload; files stored before it are kept
 * (the caller decides), and a refused file leaves nothing behind.
 */
export async function receiveEvidence(
  request: Request,
  owner: { ownerOrgId: string; uploadedBy: string; assessmentId?: string; questionName?: string },
): Promise<UploadOutcome> {
  const limit = evidenceMaxBytes();
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > limit * MAX_FILES_PER_UPLOAD + 1024 * 1024)
    return {
      ok: false,
      status: 413,
      error: `Files may be at most ${Math.round(limit / (1024 * 1024))} MB each.`,
      fields: {},
    };
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data"))
    return { ok: false, status: 400, error: "Send the files as a form upload.", fields: {} };
  const files: ReceivedFile[] = [];
  const fields: Record<string, string> = {};
  let refused: EvidenceError | null = null;
  const handler: UploadHandler = async ({ name, filename, data }) => {
    if (!filename) {
      let text = "";
      for await (const chunk of data) {
        text += Buffer.from(chunk).toString("utf8");
        if (text.length > 2000) break;
      }
      fields[name] = text.slice(0, 2000);
      return undefined;
    }
    if (refused) {
      for await (const chunk of data) void chunk; // drain the rest of the request
      return undefined;
    }
    if (files.length >= MAX_FILES_PER_UPLOAD) {
      refused = new EvidenceError("too_large", `At most ${MAX_FILES_PER_UPLOAD} files at once.`);
      for await (const chunk of data) void chunk;
      return undefined;
    }
    try {
      files.push({
        ...(await storeEvidence({ ...owner, fileName: filename, data: Readable.from(data), maxBytes: limit })),
        field: name,
      });
    } catch (error) {
      if (!(error instanceof EvidenceError)) throw error;
      refused = error;
      for await (const chunk of data) void chunk;
    }
    return undefined;
  };
  // a refused upload keeps none of its files, including those stored before the refusal
  const discardStored = async () => {
    for (const f of files.splice(0)) await deleteEvidence(f.id, owner.ownerOrgId).catch(() => {});
  };
  try {
    await parseMultipartFormData(request, handler);
  } catch (error) {
    await discardStored();
    if (error instanceof EvidenceError) return { ok: false, status: 400, error: error.message, fields };
    return { ok: false, status: 400, error: "The upload could not be read. Try again.", fields };
  }
  if (refused) await discardStored();
  if (refused)
    return {
      ok: false,
      status: (refused as EvidenceError).code === "too_large" ? 413 : 400,
      error: (refused as EvidenceError).message,
      fields,
    };
  return { ok: true, files, fields };
}
