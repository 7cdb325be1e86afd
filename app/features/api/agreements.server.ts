import type { z } from "zod";
import { Agreement, agreementScope, getAgreementFor } from "#models/agreement.server";
import { STATUSES, type RequirementStatus } from "#app/scoring/types";
import { agreementCompliance } from "#app/features/agreements/compliance.server";
import type { ApiCaller } from "./auth.server";
import { problem } from "./http.server";
import { afterCursor, pageOf } from "./paging.server";
import type { AgreementList, AgreementSuppliers, ListAgreementsQuery } from "./schemas";

/**
 * The caller's agreements, in `_id` order from the cursor on: a page walks
 * every agreement once, whatever is edited meanwhile (an agreement added
 * during the walk appears on a later page, or not at all if its id sorts
 * before the cursor).
 */
export async function listAgreements(
  caller: ApiCaller,
  query: z.output<typeof ListAgreementsQuery>,
  path: string,
): Promise<z.input<typeof AgreementList>> {
  const scope = agreementScope(caller);
  if (!scope) return { items: [], nextCursor: null, next: null };
  const found = await Agreement.find(afterCursor(scope, query.cursor), {
    reference: 1,
    title: 1,
    status: 1,
    revision: 1,
    effectiveDate: 1,
    endDate: 1,
    chain: 1,
    updatedAt: 1,
  })
    .sort({ _id: 1 })
    .limit(query.limit + 1)
    .lean();
  const { page, nextCursor, next } = pageOf(found, (a) => String(a._id), query, path);
  return {
    items: page.map((a) => ({
      id: String(a._id),
      reference: a.reference,
      title: a.title,
      status: a.status,
      revision: a.revision ?? 1,
      effectiveDate: a.effectiveDate,
      endDate: a.endDate,
      suppliers: a.chain.length,
      updatedAt: (a as { updatedAt?: Date }).updatedAt?.toISOString() ?? new Date(0).toISOString(),
    })),
    nextCursor,
    next,
  };
}

/** An agreement's suppliers with their current results, as the agreement page computes them; 404 when not the caller's. */
export async function agreementSuppliers(
  caller: ApiCaller,
  id: string,
  now = new Date(),
): Promise<z.input<typeof AgreementSuppliers>> {
  const agreement = await getAgreementFor(caller, id);
  if (!agreement) throw problem("not-found", "No agreement of your organisation has this id.");
  const view = await agreementCompliance(agreement, now);
  return {
    agreementId: String(agreement._id),
    evaluationDate: view.evaluationDate,
    suppliers: view.suppliers.map((s) => {
      const counts = Object.fromEntries(STATUSES.map((st) => [st, 0])) as Record<RequirementStatus, number>;
      for (const cell of Object.values(s.cells)) if (cell) counts[cell.status]++;
      return {
        id: s.id,
        name: s.name,
        country: s.country,
        tier: s.tier,
        parentId: s.parentId,
        service: s.service,
        latest: s.latest
          ? {
              assessmentId: s.latest.id,
              status: s.latest.status,
              score: s.latest.score,
              rating: s.latest.rating,
              evaluationDate: s.latest.evaluationDate,
            }
          : null,
        approved: s.approved
          ? {
              assessmentId: s.approved.id,
              score: s.approved.score,
              rating: s.approved.rating,
              evaluationDate: s.approved.evaluationDate,
            }
          : null,
        requirementCounts: counts,
      };
    }),
  };
}
