import type { AssessmentStatus } from "#models/assessment-status";
import { ASSESSMENT_STATUS_TEXT } from "#reports/view";

/** The words the PDF reports print for a status, so the screen says the same. */
export const ASSESSMENT_STATUS_LABEL: Record<AssessmentStatus, string> = ASSESSMENT_STATUS_TEXT;

const TONE: Record<AssessmentStatus, string> = {
  invited: "none",
  in_progress: "info",
  submitted: "info",
  under_review: "info",
  remediation_requested: "warn",
  approved: "ok",
  rejected: "bad",
};

export function AssessmentStatusBadge({ status }: { status: AssessmentStatus }) {
  return <span className={`badge ${TONE[status]}`}>{ASSESSMENT_STATUS_LABEL[status]}</span>;
}

export const REQUIREMENT_STATUS_LABEL = {
  met: "Met",
  partially_met: "Partly met",
  not_met: "Not met",
  not_answered: "Not answered",
} as const;

const REQ_TONE = { met: "ok", partially_met: "warn", not_met: "bad", not_answered: "none" } as const;

export function RequirementStatusBadge({
  status,
  overridden,
}: {
  status: keyof typeof REQUIREMENT_STATUS_LABEL;
  overridden?: boolean;
}) {
  return (
    <span className={`badge ${REQ_TONE[status]}`}>
      {REQUIREMENT_STATUS_LABEL[status]}
      {overridden ? " (overridden)" : ""}
    </span>
  );
}

const RATING_TONE = { low: "ok", medium: "info", high: "warn", critical: "bad" } as const;
export function RatingBadge({ rating }: { rating: keyof typeof RATING_TONE }) {
  return <span className={`badge ${RATING_TONE[rating]}`}>{rating[0].toUpperCase() + rating.slice(1)} risk</span>;
}
