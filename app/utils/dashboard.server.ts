import { z } from "zod";
import type { AssessmentRowData } from "#models/assessment-row.server";
import { ASSESSMENT_STATUSES } from "#models/assessment-status";
import { todayIso } from "#models/dates";
import { isObjectId } from "./ids.server";
import { orgRows } from "./read-model.server";

export const PAGE_SIZE = 25;
export const SORTS = { due: "dueDate", score: "summary.score", supplier: "summary.supplierKey", updated: "updatedAt" } as const;
const RATINGS = ["low", "medium", "high", "critical"] as const;

/** The dashboard's query string; anything unknown falls back to the default rather than failing the page. */
export const DashboardQuery = z.object({
  agreement: z.string().refine(isObjectId).optional().catch(undefined),
  status: z.enum(ASSESSMENT_STATUSES).optional().catch(undefined),
  rating: z.enum(RATINGS).optional().catch(undefined),
  overdue: z.literal("1").optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  sort: z.enum(["due", "score", "supplier", "updated"]).default("due").catch("due"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export function parseDashboardQuery(url: URL): DashboardQuery {
  return DashboardQuery.parse(Object.fromEntries(url.searchParams));
}

const OPEN_STATUSES: string[] = ["invited", "in_progress", "remediation_requested"];

/** What the filters keep, applied to the organisation's rows in memory. */
export function filterRows(rows: AssessmentRowData[], q: DashboardQuery, today = todayIso()): AssessmentRowData[] {
  const needle = q.q?.toLowerCase();
  return rows.filter(
    (r) =>
      (!q.agreement || String(r.agreementId) === q.agreement) &&
      (!q.status || r.status === q.status) &&
      (!q.rating || r.rating === q.rating) &&
      (!q.overdue || (r.dueDate < today && OPEN_STATUSES.includes(r.status))) &&
      (!needle || r.supplierKey.startsWith(needle)),
  );
}

function sortValue(r: AssessmentRowData, sort: DashboardQuery["sort"]): string | number {
  switch (sort) {
    case "score":
      return r.score ?? -1;
    case "supplier":
      return r.supplierKey;
    case "updated":
      return new Date(r.updatedAt).getTime();
    default:
      return r.dueDate;
  }
}

export function sortRows(rows: AssessmentRowData[], q: DashboardQuery): AssessmentRowData[] {
  const dir = q.dir === "desc" ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, q.sort);
    const y = sortValue(b, q.sort);
    if (x < y) return -dir;
    if (x > y) return dir;
    return String(a._id) < String(b._id) ? -dir : dir;
  });
}

export async function dashboardPage(orgId: string, q: DashboardQuery) {
  const filtered = filterRows(await orgRows(orgId), q);
  const today = todayIso();
  const statusCounts = Object.fromEntries(ASSESSMENT_STATUSES.map((s) => [s, 0])) as Record<(typeof ASSESSMENT_STATUSES)[number], number>;
  const ratingCounts = { low: 0, medium: 0, high: 0, critical: 0, unscored: 0 };
  for (const r of filtered) {
    statusCounts[r.status] += 1;
    ratingCounts[r.rating ?? "unscored"] += 1;
  }
  const page = sortRows(filtered, q).slice((q.page - 1) * PAGE_SIZE, q.page * PAGE_SIZE);
  return {
    total: filtered.length,
    pages: Math.max(1, Math.ceil(filtered.length / PAGE_SIZE)),
    rows: page.map((a) => ({
      id: String(a._id),
      supplier: a.supplierName,
      agreement: a.agreementRef,
      status: a.status,
      score: a.score,
      rating: a.rating,
      dueDate: a.dueDate,
      overdue: a.dueDate < today && OPEN_STATUSES.includes(a.status),
    })),
    statusCounts,
    ratingCounts,
  };
}

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value);
  // a leading = + - @ would make a spreadsheet run it as a formula
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Every row the filters show (not only the page), as CSV. */
export async function dashboardCsv(orgId: string, q: DashboardQuery): Promise<string> {
  const rows = sortRows(filterRows(await orgRows(orgId), q), q);
  const lines = ["\uFEFFsupplier,agreement,status,score,rating,due_date,assessment_id"];
  for (const a of rows) lines.push([a.supplierName, a.agreementRef, a.status, a.score, a.rating, a.dueDate, String(a._id)].map(csvCell).join(","));
  return lines.join("\r\n") + "\r\n";
}
