/** The pure scoring module: plain data in, plain data out. See README.md for the rules and decisions. */
export * from "./types";
export { scoreAssessment } from "./assessment";
export { judgeAnswer, judgeEachPanel } from "./rules";
export { evaluateRequirement, type RequirementContext } from "./requirements";
export {
  assessCertification,
  coveredControls,
  isAnnexAStandard,
  isSameStandard,
  normaliseStandard,
  scopeCoversService,
  toCertificationFinding,
  type CertificationAssessment,
  type CertificationContext,
} from "./certifications";
export {
  computeScore,
  countStatuses,
  isFailingStatus,
  KNOCKOUT_CAP,
  STATUS_VALUES,
  type ScoreOutcome,
  type ScoredRequirement,
} from "./score";
export {
  ACCESS_POINTS,
  CLASS_POINTS,
  inherentRisk,
  ratingForPoints,
  residualRating,
  type InherentRisk,
  type RiskAssessment,
} from "./risk";
export { composeChain, extractChainFacts, readSupplierLocations, validateChainStructure } from "./chain";
export { approvedStatusesOf, clearPhases, type ApprovedStatuses } from "./phases";
export { applyOverride, latestOverrides, MIN_JUSTIFICATION_LENGTH, validateOverride } from "./overrides";
export {
  answerOf,
  indexTemplate,
  isUnanswered,
  titleOf,
  walkSurvey,
  type IndexedQuestion,
  type SurveyElement,
  type TemplateIndex,
} from "./template";
export {
  describeLocation,
  isLocationAcceptable,
  judgeLocation,
  readLocations,
  type DataLocation,
  type JurisdictionTerms,
  type LocationVerdict,
} from "./jurisdictions";
export { resolveParams } from "./params";
export { compareDates, isIsoDate } from "./dates";
export { STATUS_LABELS } from "./status";
