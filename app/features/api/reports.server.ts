import type { z } from "zod";
import { ReportRecord, type StoredReport } from "#models/report.server";
import { recordAudit } from "#models/audit-event.server";
import { openReport, reportScope, sha256OfStream, verifyReportHash } from "#app/features/reports/reports.server";
import { contentDisposition } from "#app/features/evidence/evidence.server";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { clientIp } from "#app/lib/http.server";
import type { ApiCaller } from "./auth.server";
import { afterCursor, pageOf } from "./paging.server";
import { tokenName } from "./assessments.server";
import { parseJsonBody, problem } from "./http.server";
import { VerifyReportBody, type ListReportsQuery, type ReportList, type Verification } from "./schemas";

/** Reports are a few MB at most; anything much larger cannot be one of ours (as the verify page says). */
export const MAX_VERIFY_BYTES = 50 * 1024 * 1024;

/**
 * The stored reports the caller may download, as the report pages decide
 * (reports.server.ts reportScope: the recipient's procurement and the
 * disclosing party), in `_id` order from the cursor on.
 */
export async function listReports(
  caller: ApiCaller,
  query: z.output<typeof ListReportsQuery>,
  path: string,
): Promise<z.input<typeof ReportList>> {
  const scope = reportScope(caller);
  if (!scope) return { items: [], nextCursor: null, next: null };
  const filter: Record<string, unknown> = { ...scope, state: "stored" };
  if (query.subjectType) filter.kind = query.subjectType;
  if (query.subjectId) filter.targetId = query.subjectId;
  if (query.agreement) filter.agreementId = query.agreement;
  const found = await ReportRecord.find(afterCursor(filter, query.cursor))
    .sort({ _id: 1 })
    .limit(query.limit + 1)
    .lean<StoredReport[]>();
  const { page, nextCursor, next } = pageOf(found, (r) => String(r._id), query, path);
  return {
    items: page.map((r) => ({
      id: String(r._id),
      subjectType: r.kind,
      subjectId: String(r.targetId),
      subject: r.subject,
      agreementId: String(r.agreementId),
      agreementReference: r.agreementRef,
      version: r.version,
      generatedAt: new Date(r.generatedAt).toISOString(),
      generatedBy: r.generatedBy,
      trigger: r.trigger,
      language: r.language ?? null,
      sha256: r.sha256 ?? "",
      size: r.size,
      pages: r.pages,
      pdf: `/api/v1/reports/${String(r._id)}/pdf`,
    })),
    nextCursor,
    next,
  };
}

/**
 * A stored report's PDF, as the report page downloads it (openReport: the
 * same check of who may), recorded in the audit trail naming the token.
 * Its SHA-256 is its strong ETag and its Repr-Digest (RFC 9530).
 */
export async function downloadReportAs(caller: ApiCaller, id: string, request: Request): Promise<Response> {
  const opened = await openReport(caller, id);
  if (!opened) throw problem("not-found", "No report your organisation may download has this id.");
  const { record, stream } = opened;
  const etag = `"${record.sha256}"`;
  const digest = `sha-256=:${Buffer.from(record.sha256 ?? "", "hex").toString("base64")}:`;
  const headers = { ETag: etag, "Repr-Digest": digest, "Cache-Control": "private, no-cache", Vary: "Authorization" };
  const inm = request.headers.get("If-None-Match");
  if (inm && inm.split(",").some((t) => t.trim().replace(/^W\//, "") === etag)) {
    stream.destroy();
    return new Response(null, { status: 304, headers });
  }
  await recordAudit({
    action: "report.download",
    actor: { id: `api-token:${caller.tokenPrefix}`, email: tokenName(caller), orgId: caller.orgId },
    targetType: record.kind,
    targetId: String(record.targetId),
    details: { version: record.version, sha256: record.sha256 },
    ip: clientIp(request),
  });
  return new Response(createReadableStreamFromReadable(stream), {
    status: 200,
    headers: {
      ...headers,
      "Content-Type": "application/pdf",
      "Content-Length": String(record.size),
      "Content-Disposition": contentDisposition(record.fileName),
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/**
 * Did the portal issue this report: the verify page's own check
 * (verifyReportHash), from a hash sent as JSON or from the PDF's bytes
 * (hashed as they stream in, not kept).
 */
export async function verifyReport(request: Request): Promise<z.input<typeof Verification>> {
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0].trim().toLowerCase();
  let sha256: string;
  if (type === "application/pdf") {
    if (Number(request.headers.get("Content-Length") ?? "0") > MAX_VERIFY_BYTES || !request.body)
      throw problem("bad-request", "Send the PDF's bytes, at most 50 MB.", {
        errors: { body: ["Must be a PDF of at most 50 MB"] },
      });
    const hashed = await sha256OfStream(request.body as unknown as AsyncIterable<Uint8Array>, MAX_VERIFY_BYTES);
    if ("tooLarge" in hashed || hashed.size === 0)
      throw problem("bad-request", "Send the PDF's bytes, at most 50 MB.", {
        errors: { body: ["Must be a PDF of at most 50 MB, not empty"] },
      });
    sha256 = hashed.sha256;
  } else if (type === "application/json") {
    sha256 = (await parseJsonBody(request, VerifyReportBody)).sha256;
  } else {
    throw problem(
      "unsupported-media-type",
      "Send the hash as JSON (application/json) or the report itself (application/pdf).",
    );
  }
  const v = await verifyReportHash(sha256);
  return {
    authentic: v.authentic,
    sha256: v.sha256,
    report: v.authentic
      ? {
          subjectType: v.kind,
          agreementReference: v.agreementRef,
          subject: v.subject,
          version: v.version,
          generatedAt: v.generatedAt,
          generatedBy: v.generatedBy,
          latest: v.latest,
        }
      : null,
  };
}
