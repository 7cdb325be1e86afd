import type { MilestoneView } from "./register.server";

/** The lifecycle tab's milestones and their destruction registers. Built by the destruction feature. */
export function MilestonesSection(_props: {
  milestones: MilestoneView[];
  role: "procurement" | "discloser";
  agreementId: string;
}) {
  return null;
}
