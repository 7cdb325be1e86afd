import { unstable_parseMultipartFormData as parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { recordAudit } from "#models/audit-event.server";
import { claim } from "#models/claim.server";
import { countryName } from "#models/countries";
import type { OrgKind } from "#models/enums";
import { Organization, organizationKeys, createOrganization } from "#models/organization.server";
import { Refusal, said, type Said } from "#models/refusal";
import { currentLocale, t, tIn } from "#app/i18n/messages.server";
import type { MessageId } from "#app/i18n/catalogue";
import { SupplierImport, type SupplierImportRow } from "#models/supplier-import.server";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { clientIp } from "#app/lib/http.server";
import { isObjectId, trusted } from "#app/lib/ids.server";
import { SupplierInputSchema, type SupplierInput } from "./organization-input";
import { inputErrors } from "./organizations.server";
import {
  decodeCsvMessage,
  encodeCsvMessage,
  MAX_CSV_BYTES,
  MAX_LINE_CHARS,
  overlongLineMessage,
  readSupplierCsv,
  type CsvMessage,
  type CsvSupplierRow,
} from "./supplier-csv";

/**
 * Importing a supplier list: the upload is read into rows and kept as a
 * short-lived import record; the preview judges every row against the
 * directory; confirming judges them again and creates the new suppliers,
 * links the ones the portal already knows (adds the recipient to their
 * `managedBy`), and skips the rest. A file with errors imports nothing
 * unless the user chose to skip those rows.
 */

const IMPORT_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** a request body far beyond the file limit is refused before it is read */
const MAX_REQUEST_BYTES = 16 * MAX_CSV_BYTES;
const MB = MAX_CSV_BYTES / 1024 / 1024;

const fileRefusal = (message: Said, status = 400) => Refusal.ofFields({ file: [message] }, status);

/** A message about the file in the request's language; a list value is said as a list ("name and country"). */
function sayCsv(message: CsvMessage): string {
  const locale = currentLocale();
  const list = new Intl.ListFormat(locale, { type: "conjunction" });
  const values = Object.fromEntries(
    Object.entries(message.values ?? {}).map(([k, v]) => [k, Array.isArray(v) ? list.format(v) : v]),
  );
  return tIn(locale, message.id as MessageId, values);
}

/**
 * Reads the file part of the upload as UTF-8 text, stopping at the first
 * line longer than the line limit or when the file passes the size limit
 * (the rest of the request is drained, never kept).
 */
async function readCsvUpload(request: Request): Promise<{ fileName: string; text: string }> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > MAX_REQUEST_BYTES) throw fileRefusal(said("directory.import.tooLarge", { mb: MB }), 413);
  if (!(request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("multipart/form-data"))
    throw fileRefusal("directory.import.chooseFile");
  let fileName: string | null = null;
  let text = "";
  let problem: Said | null = null;
  let files = 0;
  const handler: UploadHandler = async ({ name, filename, data }) => {
    if (name !== "file" || filename === undefined || files++ > 0) {
      for await (const chunk of data) void chunk;
      return undefined;
    }
    fileName = filename;
    const decoder = new TextDecoder("utf-8", { fatal: true });
    let bytes = 0;
    let line = 1;
    let lineLength = 0;
    let lastCr = false;
    for await (const chunk of data) {
      if (problem) continue;
      bytes += chunk.byteLength;
      let piece: string;
      try {
        piece = decoder.decode(chunk, { stream: true });
      } catch {
        problem = "directory.import.notUtf8";
        continue;
      }
      for (let i = 0; i < piece.length; i++) {
        const c = piece.charCodeAt(i);
        if (c === 10 || c === 13) {
          if (!(c === 10 && lastCr)) line++;
          lineLength = 0;
          lastCr = c === 13;
          continue;
        }
        lastCr = false;
        if (++lineLength > MAX_LINE_CHARS) {
          problem = sayCsv(overlongLineMessage(line));
          break;
        }
      }
      if (!problem && bytes > MAX_CSV_BYTES) problem = said("directory.import.tooLarge", { mb: MB });
      if (!problem) text += piece;
    }
    if (!problem) {
      try {
        text += decoder.decode();
      } catch {
        problem = "directory.import.notUtf8";
      }
    }
    return undefined;
  };
  try {
    await parseMultipartFormData(request, handler);
  } catch {
    throw fileRefusal("directory.import.unreadable");
  }
  if (problem) throw fileRefusal(problem);
  if (fileName === null || (fileName === "" && text === "")) throw fileRefusal("directory.import.chooseFile");
  if (!/\.(csv|txt)$/i.test(fileName)) throw fileRefusal("directory.import.notCsv");
  return { fileName, text };
}

/** Reads an uploaded supplier list and keeps it for the preview; returns the import's id. */
export async function receiveSupplierCsv(user: CurrentUser, request: Request): Promise<string> {
  const { fileName, text } = await readCsvUpload(request);
  const read = readSupplierCsv(text);
  if (!read.ok) throw fileRefusal(sayCsv(read.error));
  await SupplierImport.deleteMany({ createdAt: trusted({ $lt: new Date(Date.now() - IMPORT_LIFETIME_MS) }) });
  const doc = await SupplierImport.create({
    recipientOrgId: user.orgId,
    createdBy: user.id,
    fileName: fileName.slice(0, 200),
    rows: read.rows.map((r: CsvSupplierRow) => ({ ...r, readErrors: r.readErrors.map(encodeCsvMessage) })),
  });
  await recordAudit({
    action: "supplier.import_upload",
    actor: { id: user.id, email: user.email, orgId: user.orgId },
    targetType: "supplier_import",
    targetId: String(doc._id),
    details: { fileName: doc.fileName, rows: String(read.rows.length) },
    ip: clientIp(request),
  });
  return String(doc._id);
}

export type RowOutcome = "create" | "link" | "yours" | "error";

export interface PreviewRow {
  line: number;
  cells: { name: string; country: string; registrationNumber: string; contactEmail: string; service: string };
  outcome: RowOutcome;
  errors: string[];
  /** the supplier the portal already knows (link, yours) */
  existing: { id: string; name: string; country: string } | null;
  input: SupplierInput | null;
}

export interface ImportPreview {
  id: string;
  fileName: string;
  rows: PreviewRow[];
  counts: Record<RowOutcome, number>;
}

type KnownOrg = {
  _id: unknown;
  name: string;
  kind: OrgKind;
  country: string;
  nameKey?: string;
  registrationKey?: string;
  managedBy?: unknown[];
  active?: boolean;
};

/**
 * Judges every row: its cells, a repeat of an earlier row, and the
 * organisations the portal already knows (read once, matched in memory:
 * one scan instead of two queries a row).
 */
async function judgeRows(user: CurrentUser, rows: SupplierImportRow[]): Promise<PreviewRow[]> {
  const known = (await Organization.find(
    {},
    { name: 1, kind: 1, country: 1, nameKey: 1, registrationKey: 1, managedBy: 1, active: 1 },
  ).lean()) as KnownOrg[];
  const byName = new Map<string, KnownOrg[]>();
  const byRegistration = new Map<string, KnownOrg[]>();
  const push = (m: Map<string, KnownOrg[]>, k: string, o: KnownOrg) => m.set(k, [...(m.get(k) ?? []), o]);
  for (const o of known) {
    if (o.nameKey) push(byName, o.nameKey, o);
    if (o.registrationKey) push(byRegistration, `${o.country}:${o.registrationKey}`, o);
  }
  const seenName = new Map<string, number>();
  const seenRegistration = new Map<string, number>();
  return rows.map((r) => {
    const cells = {
      name: r.name,
      country: r.country,
      registrationNumber: r.registrationNumber,
      contactEmail: r.contactEmail,
      service: r.service,
    };
    const base = { line: r.line, cells, existing: null, input: null };
    const read = (r.readErrors ?? []).map((text) => ({ text, message: decodeCsvMessage(text) }));
    const errors = read.map(({ text, message }) => (message ? sayCsv(message) : text));
    const parsed = SupplierInputSchema.safeParse(cells);
    if (!parsed.success) {
      const labels: Record<string, string> = {
        name: "name",
        country: "country",
        registrationNumber: "registration_number",
        contactEmail: "contact_email",
        service: "service",
      };
      // a cell already refused as a formula is not judged again
      const formulaCells = new Set(
        read.flatMap(({ message }) =>
          message?.id === "directory.csv.formulaCell" ? [String(message.values?.column)] : [],
        ),
      );
      for (const [field, messages] of Object.entries(inputErrors(parsed.error)))
        for (const m of messages)
          if (!formulaCells.has(labels[field]))
            errors.push(t("directory.import.cellError", { column: labels[field] ?? field, message: m }));
    }
    if (errors.length || !parsed.success) return { ...base, outcome: "error" as const, errors };
    const input = parsed.data;
    const keys = organizationKeys(input.name, input.registrationNumber);
    const regKey = keys.registrationKey ? `${input.country}:${keys.registrationKey}` : null;
    const earlier = (regKey ? seenRegistration.get(regKey) : undefined) ?? seenName.get(keys.nameKey);
    if (earlier !== undefined)
      return {
        ...base,
        outcome: "error" as const,
        errors: [t("directory.import.repeats", { line: earlier })],
      };
    if (regKey) seenRegistration.set(regKey, r.line);
    if (keys.nameKey) seenName.set(keys.nameKey, r.line);
    const matches = [
      ...new Set([...(regKey ? (byRegistration.get(regKey) ?? []) : []), ...(byName.get(keys.nameKey) ?? [])]),
    ];
    if (matches.length === 0) return { ...base, outcome: "create" as const, errors: [], input };
    if (matches.length > 1)
      return {
        ...base,
        outcome: "error" as const,
        errors: [t("directory.import.severalMatches", { names: matches.map((m) => m.name).join(", ") })],
      };
    const m = matches[0];
    const existing = { id: String(m._id), name: m.name, country: m.country };
    if (m.kind !== "supplier")
      return {
        ...base,
        outcome: "error" as const,
        errors: [t("directory.import.otherKind", { name: m.name, kind: t(`directory.kindLower.${m.kind}`) })],
      };
    if (m.active === false)
      return { ...base, outcome: "error" as const, errors: [t("directory.import.deactivated", { name: m.name })] };
    const yours = (m.managedBy ?? []).some((id) => String(id) === user.orgId);
    return { ...base, outcome: yours ? ("yours" as const) : ("link" as const), errors: [], existing, input };
  });
}

async function ownImport(user: CurrentUser, id: string | null | undefined) {
  if (!isObjectId(id)) return null;
  return SupplierImport.findOne({ _id: id, recipientOrgId: user.orgId }).lean();
}

/** The preview of one of the user's imports; null when it expired, was confirmed, or is not theirs. */
export async function importPreview(user: CurrentUser, id: string | null | undefined): Promise<ImportPreview | null> {
  const doc = await ownImport(user, id);
  if (!doc) return null;
  const rows = await judgeRows(user, doc.rows);
  const counts = { create: 0, link: 0, yours: 0, error: 0 };
  for (const r of rows) counts[r.outcome]++;
  return { id: String(doc._id), fileName: doc.fileName, rows, counts };
}

export interface ImportResult {
  created: number;
  linked: number;
  skipped: number;
  alreadyYours: number;
}

/**
 * Imports what the preview promised, judged again now. Refused when rows
 * have errors and the user did not choose to skip them, or when nothing
 * would change. Runs once: a second confirmation finds the import gone.
 */
export async function confirmSupplierImport(
  user: CurrentUser,
  id: string,
  skipErrors: boolean,
  request: Request,
): Promise<ImportResult> {
  const preview = await importPreview(user, id);
  if (!preview) throw new Refusal("directory.import.expired");
  const { counts } = preview;
  if (counts.error > 0 && !skipErrors)
    throw new Refusal(said("directory.import.rowsHaveErrors", { count: counts.error }));
  if (counts.create + counts.link === 0) throw new Refusal("directory.import.nothingToImportRefusal");
  if (!(await claim(`supplier-import:${preview.id}`))) throw new Refusal("directory.import.alreadyConfirmed");
  const actor = { id: user.id, email: user.email, orgId: user.orgId };
  const ip = clientIp(request);
  const result: ImportResult = { created: 0, linked: 0, skipped: counts.error, alreadyYours: counts.yours };
  for (const row of preview.rows) {
    if (!row.input) continue;
    if (row.outcome === "create") {
      const doc = await createOrganization({
        kind: "supplier",
        ...row.input,
        managedBy: [user.orgId],
        createdBy: user.id,
      });
      result.created++;
      await recordAudit({
        action: "organization.create",
        actor,
        targetType: "organization",
        targetId: String(doc._id),
        details: { kind: "supplier", name: doc.name, country: doc.country, via: "import", line: String(row.line) },
        ip,
      });
    } else if (row.outcome === "link" && row.existing) {
      const linked = await Organization.updateOne(
        { _id: row.existing.id, kind: "supplier", active: trusted({ $ne: false }) },
        { $addToSet: { managedBy: user.orgId } },
      );
      if (linked.modifiedCount === 0) {
        result.skipped++;
        continue;
      }
      result.linked++;
      await recordAudit({
        action: "organization.link",
        actor,
        targetType: "organization",
        targetId: row.existing.id,
        details: { kind: "supplier", name: row.existing.name, via: "import", line: String(row.line) },
        ip,
      });
    }
  }
  await SupplierImport.deleteOne({ _id: preview.id });
  await recordAudit({
    action: "supplier.import",
    actor,
    targetType: "supplier_import",
    targetId: preview.id,
    details: {
      fileName: preview.fileName,
      created: String(result.created),
      linked: String(result.linked),
      skipped: String(result.skipped),
      alreadyYours: String(result.alreadyYours),
    },
    ip,
  });
  return result;
}

/** Country names for the preview table, in the request's language. */
export function countryLabel(code: string): string {
  return t("directory.countryWithCode", { country: countryName(code, currentLocale()), code });
}
