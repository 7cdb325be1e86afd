import type { Types } from "mongoose";
import { Organization } from "#models/organization.server";

/**
 * Names and countries of organisations, cached for a few minutes: pages that
 * show many suppliers look each one up by _id (an index lookup on any
 * database) instead of an $in list, which FerretDB v1 answers with a scan.
 */
const TTL_MS = 5 * 60 * 1000;
const cache = new Map<string, { name: string; country: string; at: number }>();

export async function orgInfo(
  ids: (Types.ObjectId | string)[],
): Promise<Map<string, { name: string; country: string }>> {
  const now = Date.now();
  const out = new Map<string, { name: string; country: string }>();
  for (const raw of ids) {
    const id = String(raw);
    if (out.has(id)) continue;
    let hit = cache.get(id);
    if (!hit || now - hit.at > TTL_MS) {
      const doc = await Organization.findById(id, { name: 1, country: 1 }).lean();
      if (!doc) continue;
      hit = { name: doc.name, country: doc.country, at: now };
      cache.set(id, hit);
    }
    out.set(id, { name: hit.name, country: hit.country });
  }
  return out;
}

/** Forget a cached name (after an organisation is renamed). */
export function forgetOrg(id: string): void {
  cache.delete(id);
}
