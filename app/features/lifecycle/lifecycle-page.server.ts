import type { Types } from "mongoose";
import type { AgreementData } from "#models/agreement.server";
import { milestoneId } from "#models/lifecycle.server";
import { todayIso } from "#models/today";
import { agreementMilestones, type MilestoneView } from "#app/features/destruction/register.server";
import { agreementDisclosures } from "#app/features/compelled/compelled.server";
import { agreementAudits } from "#app/features/audits/audits.server";
import { agreementLifecycle } from "./lifecycle.server";

/**
 * The holders that have not completed their return-or-destroy certificate
 * under the agreement's end milestone, in chain order: the ones the
 * survival period is waiting on. Taken from the milestones' registers the
 * tab shows anyway; empty while no end is recorded.
 */
function outstandingHolders(agreementId: Types.ObjectId, milestones: MilestoneView[]) {
  const end = milestones.find((m) => m.id === milestoneId(String(agreementId), "termination"));
  const holders = end?.holders ?? [];
  return {
    holders: end?.summary.holders ?? 0,
    complete: end?.summary.complete ?? 0,
    outstanding: holders
      .filter((h) => h.state !== "complete")
      .map((h) => ({
        supplierId: h.supplierId,
        name: h.name,
        tier: h.tier,
        state: h.state,
        dueDate: end!.dueDate,
        overdueDays: h.overdueDays,
        waitingOn: h.waitingOn.length,
      })),
  };
}

/**
 * The agreement page's "After signature" tab: where the agreement is in its
 * life, its milestones with each one's destruction register, the compelled
 * disclosures reported under it, and the audits with their findings.
 */
export async function lifecyclePageData(agreement: AgreementData & { _id: Types.ObjectId }, now = new Date()) {
  const [lifecycle, milestones, disclosures, audits] = await Promise.all([
    agreementLifecycle(agreement._id, now),
    agreementMilestones(agreement, now),
    agreementDisclosures(agreement, now),
    agreementAudits(agreement, now),
  ]);
  // the term has run out but nobody recorded the expiry: the return-or-destroy requests wait on it
  const termEnded = !lifecycle.end && agreement.endDate < todayIso(now) ? agreement.endDate : null;
  const destruction = outstandingHolders(agreement._id, milestones);
  return { lifecycle, destruction, termEnded, milestones, disclosures, audits };
}

export type LifecyclePageData = Awaited<ReturnType<typeof lifecyclePageData>>;
