import type { Types } from "mongoose";
import { Refusal, said } from "#models/refusal";
import { agreementLifecycle, type AgreementLifecycle } from "./lifecycle.server";

/**
 * What an agreement's life allows (issue 23). Once the agreement has ended
 * (in survival, then archived) nothing new is sent under it: no
 * questionnaire, no re-assessment. Once archived it is read-only: its terms
 * and its chain no longer change. Reading it, its reports and their
 * verification never stop.
 */

/** Refuses a change to the agreement's terms or chain once it is archived; the lifecycle otherwise. */
export async function refuseIfArchived(agreementId: Types.ObjectId | string, now = new Date()) {
  const life = await agreementLifecycle(agreementId, now);
  if (life.state === "archived") throw archivedRefusal(life);
  return life;
}

export function archivedRefusal(life: AgreementLifecycle): Refusal {
  return new Refusal(
    said("lifecycle.refuse.archived", { date: life.end?.survivalEnds ?? life.end?.effectiveDate ?? "" }),
  );
}
