/** Assessment statuses and the transitions between them (shared with the pages). */
export const ASSESSMENT_STATUSES = [
  "invited",
  "in_progress",
  "submitted",
  "under_review",
  "remediation_requested",
  "approved",
  "rejected",
] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** Which status may follow which; anything else is refused. */
export const ASSESSMENT_TRANSITIONS: Record<AssessmentStatus, AssessmentStatus[]> = {
  invited: ["in_progress", "submitted"],
  in_progress: ["submitted"],
  submitted: ["under_review", "approved", "rejected", "remediation_requested"],
  under_review: ["approved", "rejected", "remediation_requested"],
  remediation_requested: ["submitted", "under_review"],
  approved: ["remediation_requested"],
  rejected: ["remediation_requested"],
};

/** Statuses in which the supplier may still change answers. */
export const EDITABLE_STATUSES: AssessmentStatus[] = ["invited", "in_progress", "remediation_requested"];

/** Statuses of an assessment that is still under way: neither approved nor rejected. */
export const OPEN_STATUSES: AssessmentStatus[] = [
  "invited",
  "in_progress",
  "submitted",
  "under_review",
  "remediation_requested",
];
