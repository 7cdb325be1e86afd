import crypto from "node:crypto";
import { Readable } from "node:stream";
import zlib from "node:zlib";
import mongoose from "mongoose";
import { afterEach, describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { createOrg, createUser } from "#tests/fixtures/factories";

setupTestDatabase();

const {
  storeEvidence,
  openEvidence,
  deleteEvidence,
  evidenceResponse,
  ownedEvidenceIds,
  sanitizeFileName,
  EvidenceError,
} = await import("#app/features/evidence/evidence.server");
const { Organization } = await import("#models/organization.server");
const { say } = await import("#app/i18n/messages.server");
const { User } = await import("#models/user.server");

// ---------------------------------------------------------------- samples, built here so the test shows what each check sees

const pdf = (body = "") =>
  Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n${body}trailer << /Root 1 0 R >>\n%%EOF\n`, "latin1");

function png(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0); // 1 x 1
  ihdr.writeUInt32BE(1, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(Buffer.concat([Buffer.from(type, "latin1"), data])));
    return Buffer.concat([len, Buffer.from(type, "latin1"), data, crc]);
  };
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const jpeg = () =>
  Buffer.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00,
    0x00, 0xff, 0xd9,
  ]);

/** A ZIP with deflated entries: local headers, then the central directory, then its end record. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const raw = Buffer.from(content, "utf8");
    const data = zlib.deflateRawSync(raw);
    const fileName = Buffer.from(name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(zlib.crc32(raw), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(20, 4);
    cen.writeUInt16LE(20, 6);
    cen.writeUInt16LE(8, 10);
    cen.writeUInt32LE(zlib.crc32(raw), 16);
    cen.writeUInt32LE(data.length, 20);
    cen.writeUInt32LE(raw.length, 24);
    cen.writeUInt16LE(fileName.length, 28);
    cen.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    central.push(cen, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const docx = (extra: Record<string, string> = {}) =>
  zip({
    "[Content_Types].xml": CONTENT_TYPES,
    "_rels/.rels": "<Relationships/>",
    "word/document.xml": "<w:document><w:body><w:p>Incident response plan</w:p></w:body></w:document>",
    ...extra,
  });
const xlsx = () =>
  zip({
    "[Content_Types].xml": CONTENT_TYPES,
    "_rels/.rels": "<Relationships/>",
    "xl/workbook.xml": "<workbook/>",
    "xl/worksheets/sheet1.xml": "<worksheet/>",
  });
const txt = () => Buffer.from("Incident response plan – überprüft ✓\nEscalation: 24 h\n", "utf8");
const exe = () =>
  Buffer.concat([
    Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00", "latin1"),
    Buffer.alloc(200),
  ]);

const sha256 = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");

// ---------------------------------------------------------------- data and clean-up

const savedLimit = process.env.EVIDENCE_MAX_BYTES;
const stored: string[] = [];
const orgs: string[] = [];
const users: string[] = [];

afterEach(async () => {
  if (savedLimit === undefined) delete process.env.EVIDENCE_MAX_BYTES;
  else process.env.EVIDENCE_MAX_BYTES = savedLimit;
  const db = mongoose.connection.db!;
  const ids = stored.splice(0).map((i) => new mongoose.Types.ObjectId(i));
  await db.collection("evidence.files").deleteMany({ _id: { $in: ids } });
  await db.collection("evidence.chunks").deleteMany({ files_id: { $in: ids } });
  await User.deleteMany({ _id: mongoose.trusted({ $in: users.splice(0) }) });
  await Organization.deleteMany({ _id: mongoose.trusted({ $in: orgs.splice(0) }) });
});

async function supplier() {
  const { user, orgId } = await createUser("supplier");
  users.push(String(user._id));
  orgs.push(orgId);
  return { orgId, userId: String(user._id) };
}

async function otherOrg() {
  const org = await createOrg({ kind: "supplier" });
  orgs.push(String(org._id));
  return String(org._id);
}

async function store(
  who: { orgId: string; userId: string },
  fileName: string,
  data: Buffer | Readable,
  extra: { maxBytes?: number } = {},
) {
  const result = await storeEvidence({ ownerOrgId: who.orgId, uploadedBy: who.userId, fileName, data, ...extra });
  stored.push(result.id);
  return result;
}

async function gridCounts() {
  const db = mongoose.connection.db!;
  return {
    files: await db.collection("evidence.files").countDocuments(),
    chunks: await db.collection("evidence.chunks").countDocuments(),
  };
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EvidenceError);
  const refused = error as InstanceType<typeof EvidenceError>;
  // a refusal carries a catalogue message: what the uploader reads is it said (here in English)
  return { code: refused.code, message: say(refused.said, "en") };
}

/** Expects the upload to be refused and to leave nothing in GridFS. */
async function refusedWithoutTrace(promise: () => Promise<unknown>) {
  const before = await gridCounts();
  const error = await refusal(promise());
  expect(await gridCounts()).toEqual(before);
  return error;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

// ---------------------------------------------------------------- tests

describe("storing evidence", () => {
  it.each([
    ["policy.pdf", pdf, "application/pdf"],
    ["diagram.png", png, "image/png"],
    ["photo.JPG", jpeg, "image/jpeg"],
    ["photo.jpeg", jpeg, "image/jpeg"],
    ["runbook.docx", () => docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["register.xlsx", xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ["notes.txt", txt, "text/plain; charset=utf-8"],
  ])("accepts %s by its content and stores it with its hash and owner", async (fileName, make, contentType) => {
    const who = await supplier();
    const data = make();
    const result = await store(who, fileName, data);
    expect(result).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      fileName,
      contentType,
      size: data.length,
      sha256: sha256(data),
    });
    const file = await mongoose.connection
      .db!.collection("evidence.files")
      .findOne({ _id: new mongoose.Types.ObjectId(result.id) });
    expect(file?.metadata).toMatchObject({
      ownerOrgId: new mongoose.Types.ObjectId(who.orgId),
      uploadedBy: new mongoose.Types.ObjectId(who.userId),
      contentType,
      sha256: sha256(data),
      size: data.length,
    });
  });

  it("keeps the assessment and question it supports", async () => {
    const who = await supplier();
    const assessmentId = new mongoose.Types.ObjectId().toHexString();
    const result = await storeEvidence({
      ownerOrgId: who.orgId,
      uploadedBy: who.userId,
      assessmentId,
      questionName: "inc_plan_file",
      fileName: "irp.pdf",
      data: pdf(),
    });
    stored.push(result.id);
    const opened = await openEvidence(result.id, { viewerOrgIds: [who.orgId] });
    opened!.stream.destroy();
    expect(opened!.info).toMatchObject({
      assessmentId,
      questionName: "inc_plan_file",
      ownerOrgId: who.orgId,
      uploadedBy: who.userId,
    });
  });

  it("refuses a PNG named .pdf, saying what it looks like", async () => {
    const who = await supplier();
    const error = await refusedWithoutTrace(() => store(who, "evidence.pdf", png()));
    expect(error.code).toBe("type_mismatch");
    expect(error.message).toBe("The file evidence.pdf is not a PDF (its content looks like a PNG image).");
  });

  it("refuses an executable named .pdf as an unsupported type, and an .exe by its name before reading it", async () => {
    const who = await supplier();
    const renamed = await refusedWithoutTrace(() => store(who, "evidence.pdf", exe()));
    expect(renamed.code).toBe("unsupported_type");
    expect(renamed.message).toBe(
      "The file evidence.pdf is not a supported type (its content is not a PDF, PNG, JPEG, DOCX, XLSX or TXT file).",
    );
    const source = Readable.from([exe()]);
    const named = await refusedWithoutTrace(() => store(who, "setup.exe", source));
    expect(named.message).toBe(
      "The file setup.exe is not a supported type: upload a PDF, PNG, JPEG, DOCX, XLSX or TXT file.",
    );
    expect(source.destroyed).toBe(true);
  });

  it("tells Word from Excel from a plain ZIP by the archive's entries, and refuses macros", async () => {
    const who = await supplier();
    expect((await refusedWithoutTrace(() => store(who, "report.docx", xlsx()))).message).toBe(
      "The file report.docx is not a Word document (its content looks like an Excel workbook).",
    );
    expect((await refusedWithoutTrace(() => store(who, "sheet.xlsx", docx()))).message).toBe(
      "The file sheet.xlsx is not an Excel workbook (its content looks like a Word document).",
    );
    expect(
      (await refusedWithoutTrace(() => store(who, "report.docx", zip({ "word/document.xml": "<x/>" })))).message,
    ).toMatch(/looks like a ZIP archive/);
    expect((await refusedWithoutTrace(() => store(who, "report.docx", zip({ "payload.bin": "x" })))).message).toMatch(
      /looks like a ZIP archive/,
    );
    expect(
      (await refusedWithoutTrace(() => store(who, "report.docx", docx({ "word/vbaProject.bin": "macro" })))).code,
    ).toBe("macros");
    expect((await refusedWithoutTrace(() => store(who, "report.pdf", docx()))).message).toBe(
      "The file report.pdf is not a PDF (its content looks like a ZIP archive).",
    );
  });

  it("accepts only UTF-8 text without NUL bytes as .txt", async () => {
    const who = await supplier();
    expect(
      (await refusedWithoutTrace(() => store(who, "notes.txt", Buffer.from("Prüfung bestanden", "latin1")))).message,
    ).toMatch(/is not a text file \(its content is not UTF-8 text/);
    expect((await refusedWithoutTrace(() => store(who, "notes.txt", Buffer.from("abc\0def")))).code).toBe(
      "type_mismatch",
    );
    expect((await refusedWithoutTrace(() => store(who, "notes.txt", pdf()))).message).toBe(
      "The file notes.txt is not a text file (its content looks like a PDF).",
    );
    expect((await refusedWithoutTrace(() => store(who, "policy.pdf", txt()))).message).toBe(
      "The file policy.pdf is not a PDF (its content looks like a text file).",
    );
    expect((await refusedWithoutTrace(() => store(who, "empty.txt", Buffer.alloc(0)))).code).toBe("empty");
  });

  it("checks a text file to its end, even when the invalid byte comes after the first chunks", async () => {
    const who = await supplier();
    const data = Buffer.concat([Buffer.from("a".repeat(300_000)), Buffer.from([0xc3, 0x28])]);
    expect((await refusedWithoutTrace(() => store(who, "long.txt", data))).code).toBe("type_mismatch");
  });
});

describe("the size limit", () => {
  it("stops a stream once it passes EVIDENCE_MAX_BYTES and removes the chunks already written", async () => {
    const who = await supplier();
    process.env.EVIDENCE_MAX_BYTES = String(600 * 1024);
    const before = await gridCounts();
    let chunksMidway = 0;
    let produced = 0;
    async function* upload() {
      yield pdf();
      for (let i = 0; i < 32; i++) {
        if (produced === 9) chunksMidway = (await gridCounts()).chunks;
        produced++;
        yield Buffer.alloc(64 * 1024, 0x20);
      }
    }
    const error = await refusal(store(who, "big.pdf", Readable.from(upload())));
    expect(error.code).toBe("too_large");
    expect(error.message).toBe("The file big.pdf is larger than the limit of 600 KB.");
    expect(chunksMidway).toBeGreaterThan(before.chunks); // some chunks had been written…
    expect(await gridCounts()).toEqual(before); // …and are gone
    expect(produced).toBeLessThan(32); // the rest of the stream was never read
  });

  it("refuses a buffer over the limit before writing anything, and accepts one exactly at it", async () => {
    const who = await supplier();
    const data = Buffer.concat([pdf(), Buffer.alloc(1000, 0x20)]);
    expect((await refusedWithoutTrace(() => store(who, "big.pdf", data, { maxBytes: data.length - 1 }))).code).toBe(
      "too_large",
    );
    expect((await store(who, "fits.pdf", data, { maxBytes: data.length })).size).toBe(data.length);
  });

  it("defaults to 20 MB", async () => {
    delete process.env.EVIDENCE_MAX_BYTES;
    const who = await supplier();
    const error = await refusedWithoutTrace(() =>
      store(who, "huge.pdf", Buffer.concat([pdf(), Buffer.alloc(20 * 1024 * 1024)])),
    );
    expect(error.message).toBe("The file huge.pdf is larger than the limit of 20 MB.");
  });
});

describe("file names", () => {
  it("keeps only the last path component of a stored name", async () => {
    const who = await supplier();
    expect((await store(who, "../../etc/passwd.txt", txt())).fileName).toBe("passwd.txt");
    expect((await store(who, "C:\\x\\y.pdf", pdf())).fileName).toBe("y.pdf");
  });

  it("drops control and direction-override characters, keeps letters of any script, and shortens to 120 characters keeping the extension", () => {
    expect(sanitizeFileName("Prüfbericht_株式会社 – Ελλάδα.pdf")).toBe("Prüfbericht_株式会社 – Ελλάδα.pdf");
    expect(sanitizeFileName("inv\u0000oice\r\n.pdf")).toBe("invoice.pdf");
    expect(sanitizeFileName("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    expect(sanitizeFileName('a<b>:"c|d?*.txt')).toBe("a_b___c_d__.txt");
    expect(sanitizeFileName("..")).toBe("evidence");
    const long = sanitizeFileName(`${"ä".repeat(200)}.docx`);
    expect([...long]).toHaveLength(120);
    expect(long.endsWith("ä.docx")).toBe(true);
  });
});

describe("reading evidence", () => {
  it("streams back the same bytes with the stored hash, as a download that is never sniffed", async () => {
    const who = await supplier();
    const data = pdf(crypto.randomBytes(700 * 1024).toString("base64")); // several GridFS chunks
    const result = await store(who, "Prüfbericht 2026.pdf", data);

    const opened = await openEvidence(result.id, { viewerOrgIds: [who.orgId] });
    expect(opened).not.toBeNull();
    expect(opened!.info).toMatchObject({
      id: result.id,
      fileName: "Prüfbericht 2026.pdf",
      size: data.length,
      sha256: sha256(data),
      contentType: "application/pdf",
    });
    const response = evidenceResponse(opened!.info, opened!.stream);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Length")).toBe(String(data.length));
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="Prufbericht 2026.pdf"; filename*=UTF-8''Pr%C3%BCfbericht%202026.pdf`,
    );
    const body = Buffer.from(await response.arrayBuffer());
    expect(sha256(body)).toBe(sha256(data));
    expect(body.equals(data)).toBe(true);
  });

  it("gives another organisation nothing (null, as for a missing file), and procurement the files of the suppliers it names", async () => {
    const who = await supplier();
    const stranger = await otherOrg();
    const { id } = await store(who, "irp.pdf", pdf());
    expect(await openEvidence(id, { viewerOrgIds: [stranger] })).toBeNull();
    expect(await openEvidence(id, { viewerOrgIds: [] })).toBeNull();
    expect(await openEvidence(new mongoose.Types.ObjectId().toHexString(), { viewerOrgIds: [who.orgId] })).toBeNull();
    expect(await openEvidence("../../etc/passwd", { viewerOrgIds: [who.orgId] })).toBeNull();
    const managed = await openEvidence(id, { viewerOrgIds: [stranger, who.orgId] });
    expect((await readAll(managed!.stream)).equals(pdf())).toBe(true);
  });

  it("tells which referenced files an organisation owns", async () => {
    const who = await supplier();
    const stranger = { orgId: await otherOrg(), userId: who.userId };
    const mine = await store(who, "a.pdf", pdf());
    const theirs = await store(stranger, "b.pdf", pdf());
    const owned = await ownedEvidenceIds(
      [mine.id, theirs.id, "nonsense", new mongoose.Types.ObjectId().toHexString()],
      who.orgId,
    );
    expect([...owned]).toEqual([mine.id]);
  });
});

describe("deleting evidence", () => {
  it("lets only the owner delete, and removes the file and its chunks", async () => {
    const who = await supplier();
    const stranger = await otherOrg();
    const { id } = await store(who, "irp.pdf", pdf(crypto.randomBytes(300 * 1024).toString("hex")));
    const chunks = mongoose.connection.db!.collection("evidence.chunks");
    const fileId = new mongoose.Types.ObjectId(id);
    expect(await chunks.countDocuments({ files_id: fileId })).toBeGreaterThan(1);

    expect(await deleteEvidence(id, stranger)).toBe(false);
    expect(await openEvidence(id, { viewerOrgIds: [who.orgId] })).not.toBeNull();

    expect(await deleteEvidence(id, who.orgId)).toBe(true);
    expect(await openEvidence(id, { viewerOrgIds: [who.orgId] })).toBeNull();
    expect(await chunks.countDocuments({ files_id: fileId })).toBe(0);
    expect(await deleteEvidence(id, who.orgId)).toBe(false);
  });
});
