import { z } from "zod";
import { nameRanks, nameSearch } from "#app/i18n/collation";
import { SOURCE_LOCALE, type Locale } from "#app/i18n/locales";
import { currentLocale } from "#app/i18n/messages.server";
import { REVIEW_LIMITS } from "./review-limits";
import { ASSESSMENT_STATUSES, EDITABLE_STATUSES } from "#models/assessment-status";
import { todayIso } from "#models/today";
import { recordAudit } from "#models/audit-event.server";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { clientIp } from "#app/lib/http.server";
import { isObjectId } from "#app/lib/ids.server";
import { orgReadModel, type ListRow, type OrgReadModel } from "#app/features/assessments/read-model.server";

export const PAGE_SIZE = 25;
export const SORTS = {
  due: "dueDate",
  score: "summary.score",
  supplier: "summary.supplierKey",
  updated: "updatedAt",
} as const;
const RATINGS = ["low", "medium", "high", "critical"] as const;

/** The dashboard's query string; anything unknown falls back to the default rather than failing the page. */
export const DashboardQuery = z.object({
  agreement: z.string().refine(isObjectId).optional().catch(undefined),
  status: z.enum(ASSESSMENT_STATUSES).optional().catch(undefined),
  rating: z.enum(RATINGS).optional().catch(undefined),
  overdue: z.literal("1").optional().catch(undefined),
  q: z.string().trim().max(REVIEW_LIMITS.search).optional().catch(undefined),
  sort: z.enum(["due", "score", "supplier", "updated"]).default("due").catch("due"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export function parseDashboardQuery(url: URL): DashboardQuery {
  return DashboardQuery.parse(Object.fromEntries(url.searchParams));
}

const OPEN_STATUSES: string[] = ["invited", "in_progress", "remediation_requested"];

/** What the filters keep, applied to the organisation's rows in memory (in the order given). */
export function filterRows(
  rows: readonly ListRow[],
  q: DashboardQuery,
  today = todayIso(),
  locale: Locale = SOURCE_LOCALE,
): ListRow[] {
  // the supplier's name as the reader's language compares letters, from the start of any of its words
  const matches = q.q ? nameSearch(q.q, locale) : null;
  return rows.filter(
    (r) =>
      (!q.agreement || r.agreement === q.agreement) &&
      (!q.status || r.status === q.status) &&
      (!q.rating || r.rating === q.rating) &&
      (!q.overdue || (r.dueDate < today && OPEN_STATUSES.includes(r.status))) &&
      (!matches || matches(r.supplierName)),
  );
}

function sortValue(r: ListRow, sort: DashboardQuery["sort"], ranks: Map<string, number>): string | number {
  switch (sort) {
    case "score":
      return r.score ?? -1;
    case "supplier":
      return ranks.get(r.supplierName) ?? -1;
    case "updated":
      return r.updatedMs;
    default:
      return r.dueDate;
  }
}

/**
 * Ascending by the sort key, ties by id; descending is the exact reverse.
 * Supplier names sort in the reader's alphabet: each distinct name is
 * ranked once with the collator, the rows then sort by rank.
 */
function ascending(rows: readonly ListRow[], sort: DashboardQuery["sort"], locale: Locale): ListRow[] {
  const ranks =
    sort === "supplier"
      ? nameRanks(
          rows.map((r) => r.supplierName),
          locale,
        )
      : new Map<string, number>();
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort, ranks);
    const y = sortValue(b, sort, ranks);
    if (x < y) return -1;
    if (x > y) return 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/** The organisation's rows in the requested order; each ordering is computed once per change of the rows (and per language, for names). */
export function orderedRows(
  model: OrgReadModel<ListRow>,
  q: Pick<DashboardQuery, "sort" | "dir">,
  locale: Locale = SOURCE_LOCALE,
): ListRow[] {
  const key = q.sort === "supplier" ? `sort:${q.sort}:${locale}` : `sort:${q.sort}`;
  const asc = model.memo(key, (rows) => ascending(rows, q.sort, locale));
  return q.dir === "desc" ? model.memo(`${key}:desc`, () => [...asc].reverse()) : asc;
}

function hasFilters(q: DashboardQuery) {
  return Boolean(q.agreement || q.status || q.rating || q.overdue || q.q);
}

/**
 * One page of the dashboard. Many people look at the same views: a page is
 * computed once per change of the rows (and per day, for "overdue") and then
 * served from memory.
 */
export async function dashboardPage(orgId: string, q: DashboardQuery, locale: Locale = currentLocale()) {
  // the lists need no details: served as soon as the rows' list fields are read
  const model = await orgReadModel(orgId, { listOnly: true });
  const today = todayIso();
  const key = `page:${today}:${locale}:${JSON.stringify([q.agreement, q.status, q.rating, q.overdue, q.q, q.sort, q.dir, q.page])}`;
  const pages = model.memo("pages", () => new Map<string, ReturnType<typeof computePage>>());
  let page = pages.get(key);
  if (!page) {
    page = computePage(model, q, today, locale);
    if (pages.size >= 500) pages.delete(pages.keys().next().value!);
    pages.set(key, page);
  }
  return page;
}

function computePage(model: OrgReadModel<ListRow>, q: DashboardQuery, today: string, locale: Locale) {
  const ordered = orderedRows(model, q, locale);
  const filtered = hasFilters(q) ? filterRows(ordered, q, today, locale) : ordered;
  const statusCounts = Object.fromEntries(ASSESSMENT_STATUSES.map((s) => [s, 0])) as Record<
    (typeof ASSESSMENT_STATUSES)[number],
    number
  >;
  const ratingCounts = { low: 0, medium: 0, high: 0, critical: 0, unscored: 0 };
  for (const r of filtered) {
    statusCounts[r.status] += 1;
    ratingCounts[r.rating ?? "unscored"] += 1;
  }
  const page = filtered.slice((q.page - 1) * PAGE_SIZE, q.page * PAGE_SIZE);
  // the agreements and suppliers that have assessments, for the filter and the headline
  const overview = model.memo("overview", (rows) => {
    const agreements = new Map<string, string>();
    const suppliers = new Set<string>();
    for (const r of rows) {
      agreements.set(r.agreement, r.agreementRef);
      suppliers.add(r.supplier);
    }
    return {
      supplierCount: suppliers.size,
      agreements: [...agreements]
        .map(([id, reference]) => ({ id, reference }))
        .sort((a, b) => a.reference.localeCompare(b.reference)),
    };
  });
  return {
    total: filtered.length,
    pages: Math.max(1, Math.ceil(filtered.length / PAGE_SIZE)),
    rows: page.map((a) => ({
      id: a.id,
      supplier: a.supplierName,
      agreement: a.agreementRef,
      status: a.status,
      score: a.score,
      rating: a.rating,
      dueDate: a.dueDate,
      overdue: a.dueDate < today && OPEN_STATUSES.includes(a.status),
      /** approved, but the current result differs from the one approved */
      needsReview: a.status === "approved" && (a.drift ?? []).length > 0,
      scoredAt: a.computedAt ? new Date(a.computedAt).toISOString() : null,
    })),
    statusCounts,
    ratingCounts,
    supplierCount: overview.supplierCount,
    agreements: overview.agreements,
  };
}

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value);
  // a leading = + - @ would make a spreadsheet run it as a formula
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Every row the filters show (not only the page), as CSV. */
export async function dashboardCsv(
  orgId: string,
  q: DashboardQuery,
  locale: Locale = currentLocale(),
): Promise<string> {
  const rows = filterRows(orderedRows(await orgReadModel(orgId, { listOnly: true }), q, locale), q, todayIso(), locale);
  const lines = ["\uFEFFsupplier,agreement,status,score,rating,due_date,assessment_id"];
  for (const a of rows)
    lines.push([a.supplierName, a.agreementRef, a.status, a.score, a.rating, a.dueDate, a.id].map(csvCell).join(","));
  return lines.join("\r\n") + "\r\n";
}

/** The dashboard's CSV export for the filters in the request's URL, recorded in the audit log. */
export async function exportDashboardCsv(user: CurrentUser, request: Request) {
  const url = new URL(request.url);
  const q = parseDashboardQuery(url);
  await recordAudit({
    action: "assessments.export_csv",
    actor: { id: user.id, email: user.email, orgId: user.orgId },
    details: { query: url.search.slice(0, 300) },
    ip: clientIp(request),
  });
  return { csv: await dashboardCsv(user.orgId, q), fileName: `flowdown-assessments-${todayIso()}.csv` };
}

/** The assessments page: the 200 most recently updated, each marked overdue while it waits for the supplier. */
export async function recentAssessments(orgId: string) {
  const rows = orderedRows(await orgReadModel(orgId, { listOnly: true }), { sort: "updated", dir: "desc" }).slice(
    0,
    200,
  );
  const today = todayIso();
  return rows.map((a) => ({
    id: a.id,
    supplier: a.supplierName,
    agreement: a.agreementRef,
    status: a.status,
    dueDate: a.dueDate,
    overdue: a.dueDate < today && EDITABLE_STATUSES.includes(a.status),
  }));
}
