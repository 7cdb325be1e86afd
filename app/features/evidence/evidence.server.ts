import crypto from "node:crypto";
import { Readable, type Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { createReadableStreamFromReadable } from "@remix-run/node";
import mongoose, { type mongo } from "mongoose";
import { z } from "zod";
import { getEnv } from "#app/lib/env.server";
import { database, gridFsBucket } from "#app/lib/ids.server";
import type { EvidenceFileData } from "#models/evidence-file.server";
import { Refusal, said, type Said } from "#models/refusal";
import { t } from "#app/i18n/messages.server";
import { formatBytes } from "./file-size";

/**
 * Evidence files in GridFS (bucket "evidence"): checked for size while they
 * stream in (never buffered whole) and for type by their content, not by
 * their name, because reviewers open these files on their own machines.
 * Who owns a file is in its GridFS metadata; every read is filtered by it.
 */

const BUCKET = "evidence";
export const DEFAULT_EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;
/** Enough of the start for the signatures and a fair look at text. */
const HEAD_BYTES = 512;
/** The end of a ZIP holds its central directory (an office file's table of contents). */
const ZIP_TAIL_BYTES = 256 * 1024;
const SLICE_BYTES = 256 * 1024;

export type EvidenceKind = "pdf" | "png" | "jpeg" | "docx" | "xlsx" | "txt";
type Sniffed = EvidenceKind | "zip" | null;

const KINDS: Record<EvidenceKind, { contentType: string; extensions: string[] }> = {
  pdf: { contentType: "application/pdf", extensions: [".pdf"] },
  png: { contentType: "image/png", extensions: [".png"] },
  jpeg: { contentType: "image/jpeg", extensions: [".jpg", ".jpeg"] },
  docx: {
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: [".docx"],
  },
  xlsx: { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: [".xlsx"] },
  txt: { contentType: "text/plain; charset=utf-8", extensions: [".txt"] },
};

export type EvidenceErrorCode = "unsupported_type" | "type_mismatch" | "too_large" | "empty" | "macros";

/** A refusal to show the uploader (a catalogue message, said in their language); anything else thrown is a server fault. */
export class EvidenceError extends Refusal {
  constructor(
    readonly code: EvidenceErrorCode,
    message: Said,
  ) {
    super(message);
    this.name = "EvidenceError";
  }
}

// ---------------------------------------------------------------- names

/** The last path component, without control or bidi-override characters, at most 120 characters, extension kept. */
export function sanitizeFileName(raw: string): string {
  const name = (raw.split(/[/\\]/).pop() ?? "")
    .normalize("NFC")
    // bidi controls would let "invoice\u202Efdp.exe" display as "invoiceexe.pdf"
    .replace(/[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, "")
    .replace(/[<>:"|?*]/g, "_")
    .replace(/\s+/g, " ")
    .replace(/^[.\s]+|[.\s]+$/g, "");
  const dot = name.lastIndexOf(".");
  const hasExt = dot > 0 && name.length - dot <= 10;
  const ext = hasExt ? name.slice(dot) : "";
  const stem = (hasExt ? name.slice(0, dot) : name).replace(/[.\s]+$/, "") || "evidence";
  return (
    [...stem]
      .slice(0, 120 - [...ext].length)
      .join("")
      .trimEnd() + ext
  );
}

export function kindFromName(fileName: string): EvidenceKind | null {
  const ext = fileName.slice(fileName.lastIndexOf(".")).toLowerCase();
  const hit = (Object.keys(KINDS) as EvidenceKind[]).find((k) => KINDS[k].extensions.includes(ext));
  return fileName.includes(".") && hit ? hit : null;
}

// ---------------------------------------------------------------- content

function signature(head: Buffer): Sniffed {
  const starts = (bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (head.subarray(0, 5).toString("latin1") === "%PDF-") return "pdf";
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (starts([0xff, 0xd8, 0xff])) return "jpeg";
  if (starts([0x50, 0x4b, 0x03, 0x04])) return "zip";
  return null;
}

function looksLikeText(head: Buffer): boolean {
  if (head.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true }); // stream: the head may end mid-character
    return true;
  } catch {
    return false;
  }
}

/** Entry names from the ZIP central directory in `tail` (the last bytes of the file), or null if there is none to read. */
export function zipEntryNames(tail: Buffer): string[] | null {
  for (let eocd = tail.length - 22; eocd >= Math.max(0, tail.length - 22 - 0xffff); eocd--) {
    if (tail.readUInt32LE(eocd) !== 0x06054b50) continue;
    if (eocd + 22 + tail.readUInt16LE(eocd + 20) !== tail.length) continue; // its comment must end the file
    const count = tail.readUInt16LE(eocd + 10);
    let p = eocd - tail.readUInt32LE(eocd + 12);
    if (p < 0) return null; // directory larger than what we kept, or ZIP64
    const names: string[] = [];
    for (let n = 0; n < count; n++) {
      if (p + 46 > eocd || tail.readUInt32LE(p) !== 0x02014b50) return null;
      const nameLength = tail.readUInt16LE(p + 28);
      names.push(tail.toString("utf8", p + 46, p + 46 + nameLength));
      p += 46 + nameLength + tail.readUInt16LE(p + 30) + tail.readUInt16LE(p + 32);
    }
    return names;
  }
  return null;
}

function tooLarge(name: string, limit: number): EvidenceError {
  // the limit is said in the language of the request that stores the file, as the refusal itself will be
  return new EvidenceError("too_large", said("evidence.upload.tooLarge", { name, limit: formatBytes(limit, t) }));
}

/** Watches the bytes go by: size, hash, and what they are. Holds at most HEAD_BYTES + ZIP_TAIL_BYTES (+ one chunk). */
class ContentCheck {
  size = 0;
  private hash = crypto.createHash("sha256");
  private head = Buffer.alloc(0);
  private decided = false;
  private tail: Buffer[] = [];
  private tailLength = 0;
  private text = new TextDecoder("utf-8", { fatal: true });

  private readonly name: string;
  private readonly declared: EvidenceKind;
  private readonly limit: number;

  constructor(name: string, declared: EvidenceKind, limit: number) {
    this.name = name;
    this.declared = declared;
    this.limit = limit;
  }

  push(chunk: Buffer) {
    this.size += chunk.length;
    if (this.size > this.limit) throw tooLarge(this.name, this.limit);
    this.hash.update(chunk);
    if (!this.decided) {
      this.head = Buffer.concat([this.head, chunk.subarray(0, HEAD_BYTES - this.head.length)]);
      if (this.head.length >= HEAD_BYTES) this.decide();
    }
    if (this.declared === "txt") this.checkText(chunk, true);
    if (this.declared === "docx" || this.declared === "xlsx") this.keepTail(chunk);
  }

  finish(): { size: number; sha256: string } {
    if (this.size === 0) throw new EvidenceError("empty", said("evidence.upload.empty", { name: this.name }));
    if (!this.decided) this.decide();
    if (this.declared === "txt") this.checkText(Buffer.alloc(0), false);
    if (this.declared === "docx" || this.declared === "xlsx") this.checkOffice();
    return { size: this.size, sha256: this.hash.digest("hex") };
  }

  private decide() {
    this.decided = true;
    let sniffed = signature(this.head);
    if (sniffed === null && this.declared !== "txt" && looksLikeText(this.head)) sniffed = "txt";
    const expected = this.declared === "docx" || this.declared === "xlsx" ? "zip" : this.declared;
    // A .txt without a known binary signature is judged by checkText over the whole file instead.
    if (this.declared === "txt" && sniffed === null) return;
    if (sniffed !== expected) this.refuse(sniffed);
  }

  private refuse(sniffed: Sniffed): never {
    if (sniffed === null) {
      throw new EvidenceError("unsupported_type", said("evidence.upload.unsupportedContent", { name: this.name }));
    }
    throw new EvidenceError(
      "type_mismatch",
      said("evidence.upload.mismatch", { name: this.name, declared: this.declared, sniffed }),
    );
  }

  private checkText(chunk: Buffer, more: boolean) {
    try {
      if (chunk.includes(0)) throw new Error("NUL");
      this.text.decode(chunk, { stream: more });
    } catch {
      throw new EvidenceError("type_mismatch", said("evidence.upload.notUtf8", { name: this.name }));
    }
  }

  private keepTail(chunk: Buffer) {
    this.tail.push(chunk);
    this.tailLength += chunk.length;
    while (this.tail.length > 1 && this.tailLength - this.tail[0].length >= ZIP_TAIL_BYTES)
      this.tailLength -= this.tail.shift()!.length;
  }

  private checkOffice() {
    const names = zipEntryNames(Buffer.concat(this.tail).subarray(-ZIP_TAIL_BYTES)) ?? [];
    const office = names.includes("[Content_Types].xml");
    const has = (folder: string) => office && names.some((n) => n.startsWith(folder));
    const kinds = [has("word/") && "docx", has("xl/") && "xlsx"].filter((k): k is "docx" | "xlsx" => k !== false);
    if (!kinds.includes(this.declared as "docx" | "xlsx")) this.refuse(kinds[0] ?? "zip");
    if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) {
      throw new EvidenceError("macros", said("evidence.upload.macros", { name: this.name }));
    }
  }
}

// ---------------------------------------------------------------- storage

const objectId = z
  .union([z.string().regex(/^[0-9a-f]{24}$/i), z.instanceof(mongoose.Types.ObjectId)])
  .transform((v) => new mongoose.Types.ObjectId(String(v)));

const StoreInput = z.object({
  ownerOrgId: objectId,
  uploadedBy: objectId,
  assessmentId: objectId.optional(),
  questionName: z.string().min(1).max(200).optional(),
  fileName: z.string().min(1).max(2000),
  data: z.union([z.instanceof(Buffer), z.instanceof(Readable)]),
  /** overrides EVIDENCE_MAX_BYTES for this upload */
  maxBytes: z.number().int().positive().optional(),
});
export type StoreEvidenceInput = z.input<typeof StoreInput>;

/** What GridFS keeps beside each file (models/evidence-file.server.ts); "unused since" is the library's. */
type EvidenceMetadata = Omit<EvidenceFileData["metadata"], "orphanedAt">;

export interface StoredEvidence {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface EvidenceInfo extends StoredEvidence {
  ownerOrgId: string;
  uploadedBy: string;
  assessmentId: string | null;
  questionName: string | null;
  uploadedAt: Date;
}

/** EVIDENCE_MAX_BYTES, read per call so an operator's change applies without a code change. */
export function evidenceMaxBytes(): number {
  return getEnv().EVIDENCE_MAX_BYTES ?? DEFAULT_EVIDENCE_MAX_BYTES;
}

const bucket = () => gridFsBucket(BUCKET);

async function* slices(data: Buffer | Readable): AsyncGenerator<Buffer> {
  if (Buffer.isBuffer(data)) {
    for (let at = 0; at < data.length; at += SLICE_BYTES) yield data.subarray(at, at + SLICE_BYTES);
    return;
  }
  for await (const chunk of data) yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
}

function write(stream: Writable, chunk: Buffer): Promise<void> {
  // Resolves once GridFS has stored any chunk this completes, so nothing is in flight when we abort.
  return new Promise((resolve, reject) => stream.write(chunk, (error) => (error ? reject(error) : resolve())));
}

/**
 * Stores an evidence file, or throws EvidenceError (too large, empty, wrong or
 * unsupported type, macros) having left nothing behind in GridFS.
 */
export async function storeEvidence(input: StoreEvidenceInput): Promise<StoredEvidence> {
  const { data, ...fields } = StoreInput.parse(input);
  const fileName = sanitizeFileName(fields.fileName);
  const declared = kindFromName(fileName);
  if (!declared) {
    if (data instanceof Readable) data.destroy(); // refused unread: let the upload's source go
    throw new EvidenceError("unsupported_type", said("evidence.upload.unsupportedName", { name: fileName }));
  }
  const limit = fields.maxBytes ?? evidenceMaxBytes();
  if (Buffer.isBuffer(data) && data.length > limit) throw tooLarge(fileName, limit);
  const check = new ContentCheck(fileName, declared, limit);

  const { contentType } = KINDS[declared];
  const metadata: EvidenceMetadata = {
    ownerOrgId: fields.ownerOrgId,
    uploadedBy: fields.uploadedBy,
    assessmentId: fields.assessmentId ?? null,
    questionName: fields.questionName ?? null,
    contentType,
    sha256: "",
    size: 0,
  };
  const files = bucket();
  const upload = files.openUploadStream(fileName, { metadata });
  upload.on("error", () => {}); // reported through write()/finished(); an unheard 'error' event would crash the process
  try {
    for await (const chunk of slices(data)) {
      check.push(chunk);
      await write(upload, chunk);
    }
    const { size, sha256 } = check.finish();
    // The driver writes the files document from this same object when the stream ends.
    Object.assign(metadata, { size, sha256 });
    upload.end();
    await finished(upload);
    if (upload.gridFSFile?.metadata?.sha256 !== sha256) {
      await database()
        .collection(`${BUCKET}.files`)
        .updateOne({ _id: upload.id }, { $set: { "metadata.size": size, "metadata.sha256": sha256 } });
    }
    return { id: String(upload.id), fileName, contentType, size, sha256 };
  } catch (error) {
    upload.destroy();
    // Removes the chunks written so far (and the files document, should it exist).
    await files.delete(upload.id).catch(() => {});
    throw error;
  }
}

function toInfo(file: mongo.GridFSFile): EvidenceInfo {
  const m = file.metadata as unknown as EvidenceMetadata;
  return {
    id: String(file._id),
    fileName: file.filename,
    contentType: m.contentType,
    size: file.length,
    sha256: m.sha256,
    ownerOrgId: String(m.ownerOrgId),
    uploadedBy: String(m.uploadedBy),
    assessmentId: m.assessmentId ? String(m.assessmentId) : null,
    questionName: m.questionName ?? null,
    uploadedAt: file.uploadDate,
  };
}

const isId = (v: string) => /^[0-9a-f]{24}$/i.test(v);

/**
 * The file and a stream of its content, only when its owner is one of
 * `viewerOrgIds` (the caller decides which: a supplier its own organisation,
 * procurement the suppliers it manages) and `mayRead` agrees. Otherwise null, the same as for a
 * file that does not exist, so the route's 404 reveals nothing.
 */
export async function openEvidence(
  id: string,
  {
    viewerOrgIds,
    mayRead,
  }: {
    viewerOrgIds: string[];
    /** a further check on the file found (procurement: does one of its assessments, or a grant, show it?) */
    mayRead?: (info: EvidenceInfo) => Promise<boolean>;
  },
): Promise<{ info: EvidenceInfo; stream: Readable } | null> {
  const orgs = viewerOrgIds.filter(isId).map((o) => new mongoose.Types.ObjectId(o));
  if (!isId(id) || orgs.length === 0) return null;
  const _id = new mongoose.Types.ObjectId(id);
  const file = await bucket()
    .find({ _id: { $eq: _id }, "metadata.ownerOrgId": { $in: orgs } })
    .limit(1)
    .next();
  if (!file) return null;
  const info = toInfo(file);
  if (mayRead && !(await mayRead(info))) return null;
  return { info, stream: bucket().openDownloadStream(_id) };
}

/** Which of `ids` are evidence files owned by `ownerOrgId` (e.g. to check file references in saved answers). */
export async function ownedEvidenceIds(ids: string[], ownerOrgId: string): Promise<Set<string>> {
  const valid = [...new Set(ids.filter(isId))];
  if (valid.length === 0 || !isId(ownerOrgId)) return new Set();
  const files = await bucket()
    .find(
      {
        _id: { $in: valid.map((i) => new mongoose.Types.ObjectId(i)) },
        "metadata.ownerOrgId": new mongoose.Types.ObjectId(ownerOrgId),
      },
      { projection: { _id: 1 } },
    )
    .toArray();
  return new Set(files.map((f) => String(f._id)));
}

/** Deletes the file if `ownerOrgId` owns it; false when it does not exist or belongs to someone else. */
export async function deleteEvidence(id: string, ownerOrgId: string): Promise<boolean> {
  if (!isId(id) || !isId(ownerOrgId)) return false;
  const _id = new mongoose.Types.ObjectId(id);
  const db = database();
  // Ownership and deletion in one step; the chunks go only once the file is ours and gone.
  const { deletedCount } = await db
    .collection(`${BUCKET}.files`)
    .deleteOne({ _id, "metadata.ownerOrgId": new mongoose.Types.ObjectId(ownerOrgId) });
  if (deletedCount !== 1) return false;
  await db.collection(`${BUCKET}.chunks`).deleteMany({ files_id: _id });
  return true;
}

/** RFC 6266 / 5987: an ASCII fallback for old clients and the exact UTF-8 name for the rest. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The download response for a resource route: always an attachment, never sniffed or cached by shared caches. */
export function evidenceResponse(
  info: Pick<EvidenceInfo, "fileName" | "contentType" | "size">,
  stream: Readable,
): Response {
  return new Response(createReadableStreamFromReadable(stream), {
    status: 200,
    headers: {
      "Content-Type": info.contentType,
      "Content-Length": String(info.size),
      "Content-Disposition": contentDisposition(info.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
