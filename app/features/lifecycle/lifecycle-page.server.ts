import type { Types } from "mongoose";
import type { AgreementData } from "#models/agreement.server";
import { DestructionRequest, milestoneId, type DestructionRequestData } from "#models/lifecycle.server";
import { todayIso } from "#models/today";
import { orgInfo } from "#app/features/accounts/org-names.server";
import { agreementMilestones } from "#app/features/destruction/register.server";
import { agreementDisclosures } from "#app/features/compelled/compelled.server";
import { agreementAudits } from "#app/features/audits/audits.server";
import { agreementLifecycle } from "./lifecycle.server";
import { registerOfStored } from "./register";

/**
 * The holders that have not completed their return-or-destroy certificate
 * under the agreement's end milestone, in chain order, named: the ones the
 * survival period is waiting on. Empty while no end is recorded.
 */
export async function outstandingHolders(agreementId: Types.ObjectId | string, now: Date) {
  const requests = await DestructionRequest.find({
    milestoneId: milestoneId(String(agreementId), "termination"),
  }).lean<DestructionRequestData[]>();
  const register = registerOfStored(requests, now);
  const names = await orgInfo(register.rows.map((r) => r.supplierId));
  return {
    holders: register.holders,
    complete: register.complete,
    outstanding: register.rows
      .filter((r) => !r.complete)
      .map((r) => ({
        supplierId: r.supplierId,
        name: names.get(r.supplierId)?.name ?? "",
        tier: r.tier,
        state: r.state,
        dueDate: r.dueDate,
        overdueDays: r.overdueDays,
        waitingOn: r.waitingOn.length,
      })),
  };
}

/**
 * The agreement page's "After signature" tab: where the agreement is in its
 * life, its milestones with each one's destruction register, the compelled
 * disclosures reported under it, and the audits with their findings.
 */
export async function lifecyclePageData(agreement: AgreementData & { _id: Types.ObjectId }, now = new Date()) {
  const [lifecycle, destruction, milestones, disclosures, audits] = await Promise.all([
    agreementLifecycle(agreement._id, now),
    outstandingHolders(agreement._id, now),
    agreementMilestones(agreement, now),
    agreementDisclosures(agreement, now),
    agreementAudits(agreement, now),
  ]);
  // the term has run out but nobody recorded the expiry: the return-or-destroy requests wait on it
  const termEnded = !lifecycle.end && agreement.endDate < todayIso(now) ? agreement.endDate : null;
  return { lifecycle, destruction, termEnded, milestones, disclosures, audits };
}

export type LifecyclePageData = Awaited<ReturnType<typeof lifecyclePageData>>;
