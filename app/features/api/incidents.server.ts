import type { z } from "zod";
import { Incident } from "#models/incident.server";
import { orgInfo } from "#app/features/accounts/org-names.server";
import { incidentViews } from "#app/features/incidents/incidents.server";
import { toObjectId, trusted } from "#app/lib/ids.server";
import type { ApiCaller } from "./auth.server";
import { afterCursor, pageOf } from "./paging.server";
import type { IncidentList, ListIncidentsQuery } from "./schemas";

/**
 * The incidents the caller's organisation sees on its pages:
 * - procurement: those under its agreements (the re-assessment overview);
 * - a disclosing party: those under the agreements it discloses under (the
 *   agreement page's re-assessment tab);
 * - a supplier: those it reported and those of its subcontractors, whose
 *   notice passes through it (its incidents page).
 */
function incidentScope(caller: ApiCaller): Record<string, unknown> | null {
  const org = toObjectId(caller.orgId);
  switch (caller.role) {
    case "procurement":
      return { recipientOrgId: org };
    case "discloser":
      return { discloserOrgId: org };
    case "supplier":
      return { $or: [{ supplierOrgId: org }, { "timing.path": caller.orgId }] };
    default:
      return null;
  }
}

/** A page of those incidents in `_id` order from the cursor on. */
export async function listIncidents(
  caller: ApiCaller,
  query: z.output<typeof ListIncidentsQuery>,
  path: string,
): Promise<z.input<typeof IncidentList>> {
  const scope = incidentScope(caller);
  if (!scope) return { items: [], nextCursor: null, next: null };
  const filter: Record<string, unknown> = { ...scope };
  if (query.agreement) filter.agreementId = toObjectId(query.agreement);
  const found = await Incident.find(afterCursor(filter, query.cursor), { _id: 1, supplierOrgId: 1, agreementId: 1 })
    .sort({ _id: 1 })
    .limit(query.limit + 1)
    .lean();
  const { page, nextCursor, next } = pageOf(found, (i) => String(i._id), query, path);
  const names = new Map([...(await orgInfo(page.map((i) => i.supplierOrgId)))].map(([id, o]) => [id, o.name]));
  // the pages' own view of each incident (newest first there): put back in this page's order
  const views = new Map(
    (await incidentViews({ _id: trusted({ $in: page.map((i) => i._id) }) }, names)).map((v) => [v.id, v]),
  );
  return {
    items: page.map((i) => {
      const v = views.get(String(i._id))!;
      return {
        id: v.id,
        agreementId: String(i.agreementId),
        supplierId: String(i.supplierOrgId),
        supplier: v.supplier,
        detectedAt: v.detectedAt,
        reportedAt: v.reportedAt,
        reportedBy: v.reportedBy,
        classes: v.classes as z.input<typeof IncidentList>["items"][number]["classes"],
        description: v.description,
        timing: v.timing,
      };
    }),
    nextCursor,
    next,
  };
}
