import type { Types } from "mongoose";
import { countryName } from "#models/countries";
import type { OrgKind } from "#models/enums";
import { ORG_KIND_LABEL } from "#models/labels";
import { Organization } from "#models/organization.server";

/** What every list of organisations shows of one: its id, name, kind and country, with their labels. */
export function orgFacts(o: { _id: unknown; name: string; kind: OrgKind; country: string }) {
  return {
    id: String(o._id),
    name: o.name,
    kind: o.kind,
    kindLabel: ORG_KIND_LABEL[o.kind],
    country: o.country,
    countryName: countryName(o.country),
  };
}

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
