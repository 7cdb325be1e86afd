import { AssessmentRow, readModelToken, type AssessmentRowData } from "#models/assessment-row.server";

/**
 * An organisation's assessment rows, kept in this process's memory and read
 * again only when the organisation's read-model token has changed (any write
 * through syncAssessmentRow changes it, from any app instance). Filtering,
 * sorting, counting and paging then cost microseconds instead of a scan of
 * the collection per request.
 */
interface Entry {
  token: string | null;
  rows: AssessmentRowData[];
  loading: Promise<AssessmentRowData[]> | null;
}

const cache = new Map<string, Entry>();
const MAX_ORGS = 200;

export async function orgRows(orgId: string): Promise<AssessmentRowData[]> {
  const token = await readModelToken(orgId);
  const entry = cache.get(orgId);
  if (entry && entry.token === token && token !== null) return entry.rows;
  if (entry?.loading && entry.token === token) return entry.loading;
  const loading = AssessmentRow.find({ ownerOrgId: orgId }).lean<AssessmentRowData[]>().exec();
  const fresh: Entry = { token, rows: entry?.rows ?? [], loading };
  cache.set(orgId, fresh);
  try {
    fresh.rows = await loading;
  } finally {
    fresh.loading = null;
  }
  if (cache.size > MAX_ORGS) cache.delete(cache.keys().next().value!);
  return fresh.rows;
}
