import mongoose from "mongoose";
import type { z } from "zod";
import { Certification, type CertificationData } from "#models/certification.server";
import { todayIso } from "#models/today";
import { supplierDirectory } from "#app/features/accounts/supplier-directory.server";
import { orgReadModel } from "#app/features/assessments/read-model.server";
import { nameSearch } from "#app/i18n/collation";
import { SOURCE_LOCALE } from "#app/i18n/locales";
import { trusted } from "#app/lib/ids.server";
import type { ApiCaller } from "./auth.server";
import { afterCursor, decodeCursor, pageOf } from "./paging.server";
import { problem } from "./http.server";
import type {
  Certificate,
  CertificateList,
  ListCertificatesQuery,
  ListSuppliersQuery,
  SupplierDetail,
  SupplierList,
} from "./schemas";

/** The supplier directory as its page reads it (procurement's own suppliers); nobody else has one. */
async function directoryOf(caller: ApiCaller) {
  if (caller.role !== "procurement") return [];
  const rows = await supplierDirectory(caller);
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const supplierView = (s: Awaited<ReturnType<typeof directoryOf>>[number]) => ({
  id: s.id,
  name: s.name,
  country: s.country,
  service: s.service,
  assessments: s.assessments,
  latest: s.latest
    ? {
        assessmentId: s.latest.id,
        agreementReference: s.latest.agreementRef,
        status: s.latest.status,
        score: s.latest.score ?? null,
        rating: s.latest.rating ?? null,
      }
    : null,
  certificates: s.certificates,
});

export async function listSuppliers(
  caller: ApiCaller,
  query: z.output<typeof ListSuppliersQuery>,
  path: string,
): Promise<z.input<typeof SupplierList>> {
  const matches = query.q ? nameSearch(query.q, SOURCE_LOCALE) : null;
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = (await directoryOf(caller))
    .filter((s) => (!matches || matches(s.name)) && (!after || s.id > after))
    .map(supplierView);
  const { page, nextCursor, next } = pageOf(rows, (s) => s.id, query, path);
  return { items: page, nextCursor, next };
}

function certificateView(c: CertificationData & { _id: unknown }, today: string): z.input<typeof Certificate> {
  return {
    id: String(c._id),
    supplierId: String(c.supplierOrgId),
    standard: c.standard,
    certificateNumber: c.certificateNumber,
    certificationBody: c.certificationBody ?? "",
    scope: c.scope ?? "",
    issueDate: c.issueDate,
    expiryDate: c.expiryDate,
    controls: c.controls ?? [],
    status: c.expiryDate < today ? "expired" : "valid",
  };
}

/** One supplier of the directory with its certificates and latest result per agreement; 404 otherwise. */
export async function supplierOf(caller: ApiCaller, id: string): Promise<z.input<typeof SupplierDetail>> {
  const found = (await directoryOf(caller)).find((s) => s.id === id);
  if (!found) throw problem("not-found", "No supplier of your organisation's directory has this id.");
  const [certs, model] = await Promise.all([
    Certification.find({ supplierOrgId: id }).sort({ _id: 1 }).lean(),
    orgReadModel(caller.orgId, { listOnly: true }),
  ]);
  const latest = new Map<string, (typeof model.rows)[number]>();
  for (const r of model.rows) {
    if (r.supplier !== id) continue;
    const seen = latest.get(r.agreement);
    if (!seen || r.updatedMs > seen.updatedMs) latest.set(r.agreement, r);
  }
  const today = todayIso();
  return {
    ...supplierView(found),
    certificates: certs.map((c) => certificateView(c, today)),
    results: [...latest.values()]
      .sort((a, b) => (a.agreement < b.agreement ? -1 : 1))
      .map((r) => ({
        agreementId: r.agreement,
        agreementReference: r.agreementRef,
        assessmentId: r.id,
        status: r.status,
        score: r.score ?? null,
        rating: r.rating ?? null,
        evaluationDate: r.evaluationDate ?? null,
        dueDate: r.dueDate,
      })),
  };
}

/**
 * The certificates the organisation's pages show: its directory's suppliers'
 * (procurement, as the supplier directory lists them) or its own (a
 * supplier, as its certifications page lists them).
 */
export async function listCertificates(
  caller: ApiCaller,
  query: z.output<typeof ListCertificatesQuery>,
  path: string,
): Promise<z.input<typeof CertificateList>> {
  const visible =
    caller.role === "procurement"
      ? (await directoryOf(caller)).map((s) => s.id)
      : caller.role === "supplier"
        ? [caller.orgId]
        : [];
  const suppliers = query.supplier ? visible.filter((s) => s === query.supplier) : visible;
  const empty = { items: [], nextCursor: null, next: null };
  if (suppliers.length === 0) return empty;
  const today = todayIso();
  const expiry: Record<string, string> = {};
  if (query.expiringBefore) expiry.$lt = query.expiringBefore;
  if (query.status === "expired") expiry.$lt = expiry.$lt && expiry.$lt < today ? expiry.$lt : today;
  if (query.status === "valid") expiry.$gte = today;
  const filter: Record<string, unknown> = {
    supplierOrgId: trusted({ $in: suppliers.map((s) => new mongoose.Types.ObjectId(s)) }),
  };
  if (Object.keys(expiry).length) filter.expiryDate = trusted(expiry);
  const found = await Certification.find(afterCursor(filter, query.cursor))
    .sort({ _id: 1 })
    .limit(query.limit + 1)
    .lean();
  const { page, nextCursor, next } = pageOf(found, (c) => String(c._id), query, path);
  return { items: page.map((c) => certificateView(c, today)), nextCursor, next };
}
