import type { Types } from "mongoose";
import type { AgreementData } from "#models/agreement.server";
import { agreementMilestones } from "#app/features/destruction/register.server";
import { agreementDisclosures } from "#app/features/compelled/compelled.server";
import { agreementAudits } from "#app/features/audits/audits.server";
import { agreementLifecycle } from "./lifecycle.server";

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
  return { lifecycle, milestones, disclosures, audits };
}

export type LifecyclePageData = Awaited<ReturnType<typeof lifecyclePageData>>;
