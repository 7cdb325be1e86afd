import type { AssessmentStatus } from "#models/assessment-status";
import {
  ASSESSMENT_STATUS_TEXT,
  ASSESSMENT_STATUS_TONE,
  RATING_BADGE_TONE,
  REQUIREMENT_STATUS_LABEL,
  STATUS_TONE,
} from "#models/labels";
import type { RequirementStatus, RiskRating } from "#app/scoring/types";

/** The words pages show for an assessment's status (the PDFs use the same). */
export function assessmentStatusText(status: AssessmentStatus): string {
  return ASSESSMENT_STATUS_TEXT[status];
}

export function AssessmentStatusBadge({ status }: { status: AssessmentStatus }) {
  return <span className={`badge ${ASSESSMENT_STATUS_TONE[status]}`}>{ASSESSMENT_STATUS_TEXT[status]}</span>;
}

export function RequirementStatusBadge({ status, overridden }: { status: RequirementStatus; overridden?: boolean }) {
  return (
    <span className={`badge ${STATUS_TONE[status]}`}>
      {REQUIREMENT_STATUS_LABEL[status]}
      {overridden ? " (overridden)" : ""}
    </span>
  );
}

export function RatingBadge({ rating }: { rating: RiskRating }) {
  return <span className={`badge ${RATING_BADGE_TONE[rating]}`}>{rating[0].toUpperCase() + rating.slice(1)} risk</span>;
}

/** An assessment's due date, flagged when it has passed unanswered. */
export function DueDate({ date, overdue }: { date: string; overdue: boolean }) {
  return (
    <>
      {date} {overdue ? <span className="badge bad">overdue</span> : null}
    </>
  );
}
