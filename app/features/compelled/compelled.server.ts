import type { Types } from "mongoose";
import type { AgreementData } from "#models/agreement.server";

/** The compelled disclosures reported under an agreement (issue 23). Built by the compelled feature. */
export interface DisclosureView {
  id: string;
}

export async function agreementDisclosures(
  _agreement: AgreementData & { _id: Types.ObjectId },
  _now: Date,
): Promise<DisclosureView[]> {
  return [];
}
