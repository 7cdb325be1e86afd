import type { Types } from "mongoose";
import { Milestone, milestoneId, type MilestoneData } from "#models/lifecycle.server";
import { todayIso } from "#models/today";
import { trusted } from "#app/lib/ids.server";
import { lifecycleState, type LifecycleState } from "./deadlines";

export interface AgreementLifecycle {
  state: LifecycleState;
  /** the recorded end (termination or expiry), null while the agreement runs */
  end: {
    kind: "termination" | "expiry";
    effectiveDate: string;
    survivalEnds: string | null;
    recordedByName: string;
    recordedAt: string;
    note: string;
  } | null;
}

function lifecycleFrom(end: MilestoneData | null, today: string): AgreementLifecycle {
  return {
    state: lifecycleState(end, today),
    end: end
      ? {
          kind: end.kind === "expiry" ? "expiry" : "termination",
          effectiveDate: end.effectiveDate,
          survivalEnds: end.survivalEnds,
          recordedByName: end.recordedByName,
          recordedAt: new Date(end.recordedAt).toISOString(),
          note: end.note,
        }
      : null,
  };
}

/** Where one agreement is in its life: read from its end milestone (an `_id` look-up). */
export async function agreementLifecycle(
  agreementId: string | Types.ObjectId,
  now = new Date(),
): Promise<AgreementLifecycle> {
  const end = await Milestone.findById(milestoneId(String(agreementId), "termination")).lean<MilestoneData>();
  return lifecycleFrom(end, todayIso(now));
}

/** The same for a list of agreements, in one query. */
export async function agreementLifecycles(
  agreementIds: readonly (string | Types.ObjectId)[],
  now = new Date(),
): Promise<Map<string, AgreementLifecycle>> {
  const today = todayIso(now);
  const ends = agreementIds.length
    ? await Milestone.find({
        _id: trusted({ $in: agreementIds.map((id) => milestoneId(String(id), "termination")) }),
      }).lean<MilestoneData[]>()
    : [];
  const byAgreement = new Map(ends.map((e) => [String(e.agreementId), e]));
  return new Map(agreementIds.map((id) => [String(id), lifecycleFrom(byAgreement.get(String(id)) ?? null, today)]));
}
