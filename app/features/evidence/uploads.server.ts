import { Readable } from "node:stream";
import { unstable_parseMultipartFormData as parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { MAX_BODY_BYTES } from "#app/lib/security.server";
import { say, t } from "#app/i18n/messages.server";
import { said } from "#models/refusal";
import { deleteEvidence, EvidenceError, evidenceMaxBytes, storeEvidence, type StoredEvidence } from "./evidence.server";

export const MAX_FILES_PER_UPLOAD = 10;

/** The text parts of one upload together, at most what a form body may hold; each field's own limit is its schema's. */
export const MAX_UPLOAD_TEXT_BYTES = MAX_BODY_BYTES;
const TEXT_TOO_LARGE = said("evidence.upload.textTooLarge", { mb: Math.round(MAX_UPLOAD_TEXT_BYTES / (1024 * 1024)) });

export type ReceivedFile = StoredEvidence & { field: string };
export type UploadOutcome =
  | { ok: true; files: ReceivedFile[]; fields: Record<string, string> }
  | {
      ok: false;
      status: number;
      /** said in the language of the request (an upload is read while it is served) */
      error: string;
      fields: Record<string, string>;
      /** the text field the refusal is about, when it is one (its value is not sent back) */
      field?: string;
    };

/**
 * Reads a multipart upload and streams each file part straight into GridFS
 * (never buffering it whole); other parts come back as text fields, whole:
 * never cut, since each field's schema refuses what is too long for it. Text
 * beyond MAX_UPLOAD_TEXT_BYTES in all, or a refused file, refuses the upload,
 * and a refused upload keeps none of its files.
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
      error: t("evidence.upload.filesTooLarge", { mb: Math.round(limit / (1024 * 1024)) }),
      fields: {},
    };
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data"))
    return { ok: false, status: 400, error: t("evidence.upload.notMultipart"), fields: {} };
  const files: ReceivedFile[] = [];
  const fields: Record<string, string> = {};
  let refused: EvidenceError | null = null;
  let refusedField: string | undefined;
  let textBytes = 0;
  const handler: UploadHandler = async ({ name, filename, data }) => {
    if (!filename) {
      const chunks: Uint8Array[] = [];
      let over = false;
      for await (const chunk of data) {
        textBytes += chunk.byteLength;
        if (textBytes > MAX_UPLOAD_TEXT_BYTES) over = true;
        // past the limit the rest is read and dropped, so the answer can still be sent
        if (!over) chunks.push(chunk);
      }
      if (over) {
        if (!refused) {
          refused = new EvidenceError("too_large", TEXT_TOO_LARGE);
          refusedField = name;
        }
        return undefined;
      }
      // decoded whole: a character split across two chunks stays one character
      fields[name] = Buffer.concat(chunks).toString("utf8");
      return undefined;
    }
    if (refused) {
      for await (const chunk of data) void chunk; // drain the rest of the request
      return undefined;
    }
    if (files.length >= MAX_FILES_PER_UPLOAD) {
      refused = new EvidenceError("too_large", said("evidence.upload.tooManyFiles", { count: MAX_FILES_PER_UPLOAD }));
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
    if (error instanceof EvidenceError) return { ok: false, status: 400, error: say(error.said), fields };
    return { ok: false, status: 400, error: t("evidence.upload.unreadable"), fields };
  }
  if (refused) await discardStored();
  if (refused)
    return {
      ok: false,
      status: (refused as EvidenceError).code === "too_large" ? 413 : 400,
      error: say((refused as EvidenceError).said),
      fields,
      ...(refusedField === undefined ? {} : { field: refusedField }),
    };
  return { ok: true, files, fields };
}
