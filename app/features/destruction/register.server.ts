import type { Types } from "mongoose";
import type { AgreementData } from "#models/agreement.server";
import {
  DestructionRequest,
  Milestone,
  type DestructionRequestData,
  type MilestoneData,
} from "#models/lifecycle.server";
import { orgInfo } from "#app/features/accounts/org-names.server";
import { registerOfStored, type HolderState } from "#app/features/lifecycle/register";

type LeanAgreement = AgreementData & { _id: Types.ObjectId };

export interface HolderView {
  supplierId: string;
  name: string;
  tier: number;
  depth: number;
  state: HolderState;
  overdueDays: number;
  waitingOn: string[];
  certifiedOn: string | null;
  signer: { name: string; title: string; signedOn: string } | null;
  entries: { infoClass: string; disposition: string; method: string; standard: string; completedOn: string }[];
  certificate: { href: string; name: string } | null;
  certificateMissing: boolean;
}

/** One milestone of the agreement with its destruction register. */
export interface MilestoneView {
  id: string;
  kind: MilestoneData["kind"];
  phase: string | null;
  effectiveDate: string;
  dueDate: string;
  certificateRequired: boolean;
  classes: string[];
  recordedByName: string;
  holders: HolderView[];
  summary: { holders: number; complete: number; overdue: number };
}

async function milestoneViews(
  milestones: MilestoneData[],
  requests: DestructionRequestData[],
  now: Date,
): Promise<MilestoneView[]> {
  const names = await orgInfo(requests.map((r) => r.supplierOrgId));
  const nameOf = (id: string) => names.get(id)?.name ?? id;
  return milestones.map((m) => {
    const own = requests.filter((r) => r.milestoneId === m._id);
    const byId = new Map(own.map((r) => [r._id, r]));
    const register = registerOfStored(own, now);
    return {
      id: m._id,
      kind: m.kind,
      phase: m.phaseName,
      effectiveDate: m.effectiveDate,
      dueDate: m.dueDate,
      certificateRequired: m.certificateRequired,
      classes: m.classes,
      recordedByName: m.recordedByName,
      holders: register.rows.map((row) => {
        const c = byId.get(row.id)?.certification ?? null;
        return {
          supplierId: row.supplierId,
          name: nameOf(row.supplierId),
          tier: row.tier,
          depth: row.depth,
          state: row.state,
          overdueDays: row.overdueDays,
          waitingOn: row.waitingOn.map(nameOf),
          certifiedOn: c ? new Date(c.submittedAt).toISOString() : null,
          signer: c ? { name: c.signedByName, title: c.signedByTitle, signedOn: c.signedOn } : null,
          entries: (c?.entries ?? []).map((e) => ({ ...e })),
          certificate: c?.certificateFileId
            ? { href: `/destruction-certificates/${encodeURIComponent(row.id)}`, name: c.certificateFileName ?? "" }
            : null,
          certificateMissing: Boolean(c) && row.certificateRequired && !row.hasCertificateFile,
        };
      }),
      summary: { holders: register.holders, complete: register.complete, overdue: register.overdue },
    };
  });
}

/** The agreement's milestones, newest first, each with the destruction register of its holders. */
export async function agreementMilestones(agreement: LeanAgreement, now: Date): Promise<MilestoneView[]> {
  const [milestones, requests] = await Promise.all([
    Milestone.find({ agreementId: agreement._id }).lean<MilestoneData[]>(),
    DestructionRequest.find({ agreementId: agreement._id }).lean<DestructionRequestData[]>(),
  ]);
  milestones.sort(
    (a, b) =>
      b.effectiveDate.localeCompare(a.effectiveDate) ||
      new Date(b.recordedAt).getTime() - new Date(a.recordedAt).getTime(),
  );
  return milestoneViews(milestones, requests, now);
}

/** The chain tab: each holder's state under the latest milestone (null before any milestone). */
export async function latestMilestoneStates(agreement: LeanAgreement, now: Date) {
  const [latest] = await agreementMilestones(agreement, now);
  if (!latest) return null;
  return {
    kind: latest.kind,
    phase: latest.phase,
    effectiveDate: latest.effectiveDate,
    states: Object.fromEntries(
      latest.holders.map((h) => [h.supplierId, { state: h.state, overdueDays: h.overdueDays }]),
    ) as Record<string, { state: HolderState; overdueDays: number }>,
  };
}
