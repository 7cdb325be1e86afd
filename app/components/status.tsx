import type { AssessmentStatus } from "#models/assessment-status";
import { ASSESSMENT_STATUS_TONE, RATING_BADGE_TONE, STATUS_TONE } from "#models/labels";
import type { RequirementStatus, RiskRating } from "#app/scoring/types";
import { useFormat, useT } from "#app/i18n/react";

export function AssessmentStatusBadge({ status }: { status: AssessmentStatus }) {
  const t = useT();
  return <span className={`badge ${ASSESSMENT_STATUS_TONE[status]}`}>{t(`labels.assessmentStatus.${status}`)}</span>;
}

export function RequirementStatusBadge({ status, overridden }: { status: RequirementStatus; overridden?: boolean }) {
  const t = useT();
  return (
    <span className={`badge ${STATUS_TONE[status]}`}>
      {t(`labels.requirementStatus.${status}`)}
      {overridden ? t("labels.overridden") : ""}
    </span>
  );
}

export function RatingBadge({ rating }: { rating: RiskRating }) {
  const t = useT();
  return <span className={`badge ${RATING_BADGE_TONE[rating]}`}>{t(`labels.rating.${rating}`)}</span>;
}

/** An assessment's due date, flagged when it has passed unanswered. */
export function DueDate({ date, overdue }: { date: string; overdue: boolean }) {
  const t = useT();
  const format = useFormat();
  return (
    <>
      {format.day(date)} {overdue ? <span className="badge bad">{t("labels.overdue")}</span> : null}
    </>
  );
}
