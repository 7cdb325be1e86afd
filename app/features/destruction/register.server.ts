import type { Types } from "mongoose";
import type { AgreementData } from "#models/agreement.server";

/** The agreement's milestones with the destruction register of each (issue 23). Built by the destruction feature. */
export interface MilestoneView {
  id: string;
}

export async function agreementMilestones(
  _agreement: AgreementData & { _id: Types.ObjectId },
  _now: Date,
): Promise<MilestoneView[]> {
  return [];
}
