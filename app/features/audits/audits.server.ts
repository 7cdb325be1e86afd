import type { Types } from "mongoose";
import type { AgreementData } from "#models/agreement.server";

/** The audits under an agreement with their findings (issue 23). Built by the audits feature. */
export interface AuditView {
  id: string;
}

export async function agreementAudits(
  _agreement: AgreementData & { _id: Types.ObjectId },
  _now: Date,
): Promise<AuditView[]> {
  return [];
}
