/** The assessment statuses the pages render, from the one vocabulary in models. */
export { ASSESSMENT_STATUSES, type AssessmentStatus } from "#models/assessment-status";
