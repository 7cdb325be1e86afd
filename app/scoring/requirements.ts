/**
 * One requirement's computed result: judge the questions that answer it,
 * combine them (weighted mean, gates), then let certificates speak: either
 * as the judge (judgedByCertification) or as credit for mapped controls.
 */
import type { CatalogueRequirement, ParameterSpec } from "#questionnaires/types";
import { coveredControls, describeCertificate, isSameStandard, type CertificationAssessment } from "./certifications";
import type { JurisdictionTerms } from "./jurisdictions";
import { formatParamValue, unitOf } from "./params";
import { judgeAnswer, judgeEachPanel } from "./rules";
import { listOf, said, sourceText, type Reason, type Said, type SaidValue } from "./said";
import { statusWord } from "./status";
import { answerOf, type IndexedQuestion, type TemplateIndex } from "./template";
import type { AnswerJudgement, EvidenceRef, ParamValue, RequirementResult, RequirementStatus } from "./types";

export interface RequirementContext {
  index: TemplateIndex;
  answers: Record<string, unknown>;
  terms: JurisdictionTerms;
  /** resolved parameters of every applicable requirement */
  paramsById: ReadonlyMap<string, Record<string, ParamValue>>;
  catalogueById: ReadonlyMap<string, CatalogueRequirement>;
  certifications: readonly CertificationAssessment[];
  /** the questions the supplier was asked, when the questionnaire was tailored (absent: every question) */
  asked?: ReadonlySet<string>;
}

type Credit = RequirementResult["certificationCredit"][number];

interface Outcome {
  status: RequirementStatus;
  reasons: Reason[];
  gateFailed: boolean;
  /** one line per answered question, "title — reason" */
  details: Said[];
}

/** Float sums of weights need a little slack before calling a mean exactly 0 or 1. */
const EPSILON = 1e-9;

/**
 * A question may serve several requirements while its rule names a parameter
 * only one of them defines (e.g. notifyWithinHours on the notification
 * requirement, reused by the escalation one). The requirement's own value
 * wins; otherwise a sibling's agreement value; otherwise a sibling's default.
 */
function paramsForQuestion(
  question: IndexedQuestion,
  params: Record<string, ParamValue>,
  context: RequirementContext,
): Record<string, ParamValue> {
  const rule = question.meta.judge;
  if ((rule.kind !== "atMost" && rule.kind !== "atLeast") || Object.hasOwn(params, rule.param)) return params;
  for (const id of question.meta.requirements) {
    const sibling = context.paramsById.get(id);
    if (sibling && Object.hasOwn(sibling, rule.param)) return { ...params, [rule.param]: sibling[rule.param] };
  }
  for (const id of question.meta.requirements) {
    const spec = context.catalogueById.get(id)?.parameters.find((p) => p.key === rule.param);
    if (spec) return { ...params, [rule.param]: spec.default };
  }
  return params; // judgeAnswer reports the missing parameter
}

/** The catalogue's spec of the parameter a question's rule reads: the requirement's own, else a sibling's. */
function specsForQuestion(
  question: IndexedQuestion,
  requirement: CatalogueRequirement,
  context: RequirementContext,
): ReadonlyMap<string, ParameterSpec> | undefined {
  const rule = question.meta.judge;
  if (rule.kind !== "atMost" && rule.kind !== "atLeast") return undefined;
  let spec = requirement.parameters.find((p) => p.key === rule.param);
  for (const id of question.meta.requirements) {
    if (spec) break;
    spec = context.catalogueById.get(id)?.parameters.find((p) => p.key === rule.param);
  }
  if (!spec) return undefined;
  // one small map per catalogue spec, not one per judged answer: this runs for every question of every assessment
  let map = specMaps.get(spec);
  if (!map) {
    map = new Map([[spec.key, spec]]);
    specMaps.set(spec, map);
  }
  return map;
}

const specMaps = new WeakMap<ParameterSpec, ReadonlyMap<string, ParameterSpec>>();

function judgeQuestion(
  question: IndexedQuestion,
  requirement: CatalogueRequirement,
  params: Record<string, ParamValue>,
  context: RequirementContext,
) {
  const value = answerOf(question, context.answers);
  const judge = question.panelPath.length > 0 ? judgeEachPanel : judgeAnswer;
  return judge(
    question.element,
    question.meta,
    value,
    paramsForQuestion(question, params, context),
    context.terms,
    specsForQuestion(question, requirement, context),
  );
}

/** The agreement's values with their catalogue labels, for the pages and the report. */
function parameterList(requirement: CatalogueRequirement, params: Record<string, ParamValue>) {
  return requirement.parameters
    .filter((spec) => Object.hasOwn(params, spec.key))
    .map((spec) => ({
      key: spec.key,
      label: spec.label,
      text: formatParamValue(params[spec.key], unitOf(spec.key, spec)),
    }));
}

function isFileAnswer(value: unknown): value is { name?: unknown; content: string } {
  return value !== null && typeof value === "object" && typeof (value as { content?: unknown }).content === "string";
}

/** File answers ([{ name, type, content }], possibly one list per panel) become evidence references. */
function collectEvidence(question: IndexedQuestion, value: unknown, into: EvidenceRef[]): void {
  if (value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    for (const item of value) collectEvidence(question, item, into);
  } else if (isFileAnswer(value)) {
    into.push({ question: question.name, name: typeof value.name === "string" ? value.name : "", ref: value.content });
  }
}

function weightOf(question: IndexedQuestion): number {
  const weight = question.meta.weight ?? 1;
  return Number.isFinite(weight) && weight > 0 ? weight : 0;
}

function outcomeFromAnswers(
  questions: readonly IndexedQuestion[],
  judgements: AnswerJudgement[],
  asked?: ReadonlySet<string>,
): Outcome {
  // one pass, no intermediate arrays: this runs for every requirement of every assessment
  let judgedCount = 0;
  let answeredCount = 0;
  let weighted = 0;
  let totalWeight = 0;
  let plainSum = 0;
  let failedGate: IndexedQuestion | null = null;
  let skippedGate: IndexedQuestion | null = null;
  const details: Said[] = [];
  for (let i = 0; i < questions.length; i++) {
    const question = questions[i];
    if (question.meta.judge.kind === "info") continue;
    judgedCount += 1;
    const { fraction, reason } = judgements[i];
    if (fraction === null) {
      if (question.meta.gate && !question.conditional && skippedGate === null) skippedGate = question;
      continue;
    }
    answeredCount += 1;
    details.push(said("scoring.answerLine", { question: sourceText(question.title), reason }));
    if (question.meta.gate && fraction === 0 && failedGate === null) failedGate = question;
    const weight = weightOf(question);
    weighted += weight * fraction;
    totalWeight += weight;
    plainSum += fraction;
  }

  if (judgedCount === 0) {
    return {
      status: "not_answered",
      gateFailed: false,
      details,
      reasons: [said("scoring.requirement.noJudgedQuestion")],
    };
  }
  if (answeredCount === 0 && asked && questions.every((q) => !asked.has(q.name))) {
    return {
      status: "not_answered",
      gateFailed: false,
      details,
      reasons: [said("scoring.requirement.notAsked")],
    };
  }
  if (answeredCount === 0) {
    return {
      status: "not_answered",
      gateFailed: false,
      details,
      reasons: [said("scoring.requirement.noneAnswered", { count: judgedCount })],
    };
  }
  if (failedGate) {
    return {
      status: "not_met",
      gateFailed: true,
      details,
      reasons: [said("scoring.requirement.gateFails", { question: sourceText(failedGate.title) }), ...details],
    };
  }
  // all answered questions weighted 0: fall back to a plain mean rather than divide by zero
  const mean = totalWeight > 0 ? weighted / totalWeight : plainSum / answeredCount;
  let status: RequirementStatus = mean >= 1 - EPSILON ? "met" : mean <= EPSILON ? "not_met" : "partially_met";
  // a gate the supplier could see but skipped: the other answers alone cannot prove the requirement
  const gateSkipped = skippedGate !== null && status === "met";
  if (gateSkipped) status = "partially_met";
  const ignored = judgedCount - answeredCount;
  const reasons: Reason[] = [
    said("scoring.requirement.weighted", {
      mean: Math.round(mean * 100) / 100,
      answered: answeredCount,
      count: judgedCount,
      ignored,
      status: statusWord(status),
    }),
  ];
  if (gateSkipped) {
    reasons.push(said("scoring.requirement.gateSkipped", { question: sourceText(skippedGate!.title) }));
  }
  return { status, gateFailed: false, details, reasons: [...reasons, ...details] };
}

function requiredStandard(requirement: CatalogueRequirement, params: Record<string, ParamValue>): string {
  const key = requirement.parameters.find((spec) => spec.type === "standard")?.key ?? "standard";
  const value = params[key];
  if (typeof value !== "string" || value.trim() === "") {
    throw new Error(`Requirement ${requirement.id} is judged by certification but has no "${key}" standard parameter`);
  }
  return value;
}

function creditEntry(assessment: CertificationAssessment, controls: string[]): Credit {
  const { certification } = assessment;
  return { certificationId: certification.id, standard: certification.standard, controls, credit: assessment.credit };
}

/** "ISO/IEC 27001:2022 certificate IS 700123 from BSI Group (Gap in coverage: …; Expires inside the term: …)" */
function withFindings(assessment: CertificationAssessment): Said {
  const certificate = describeCertificate(assessment.certification);
  if (assessment.issues.length === 0) return said("scoring.certificate.plain", { certificate });
  const findings = assessment.issues.map((found) =>
    said("scoring.certificate.finding", { name: found.name, detail: withoutStop(found.detail) }),
  );
  return said("scoring.certificate.withFindings", { certificate, findings: listOf(findings, "semicolon") });
}

/** A stored English detail without its closing full stop (a message has none to strip). */
function withoutStop(detail: Reason): Reason {
  return typeof detail === "string" ? detail.replace(/\.$/, "") : detail;
}

/**
 * judgedByCertification: the certificate is the evidence, and its credit
 * level (see certifications.ts) is the result: full → met, partial →
 * partially met, none → not met. Answers only add reasons, except a failed
 * gate, which is the supplier saying it falls short.
 */
function outcomeFromCertificates(
  requirement: CatalogueRequirement,
  params: Record<string, ParamValue>,
  fromAnswers: Outcome,
  certifications: readonly CertificationAssessment[],
): { outcome: Outcome; credit: Credit[] } {
  const standard = requiredStandard(requirement, params);
  const matching = certifications.filter((a) => isSameStandard(a.certification.standard, standard));
  const full = matching.filter((a) => a.credit === "full");
  const partial = matching.filter((a) => a.credit === "partial");
  const answerNotes = fromAnswers.details.map((detail) => said("scoring.requirement.supportingAnswer", { detail }));
  const outcome = (status: RequirementStatus, reason: Said): Outcome => ({
    ...fromAnswers,
    status,
    reasons: [reason, ...answerNotes],
  });
  const credited = (list: readonly CertificationAssessment[]) =>
    list.map((a) => creditEntry(a, coveredControls(a.certification, requirement.isoControls, a.controls)));

  if (fromAnswers.gateFailed) {
    return { outcome: outcome("not_met", said("scoring.certificate.gateFails", { standard })), credit: [] };
  }
  if (full.length > 0) {
    const names = listOf(
      full.map((a) => describeCertificate(a.certification)),
      "semicolon",
    );
    return {
      outcome: outcome("met", said("scoring.certificate.fullCredit", { names })),
      credit: credited(full),
    };
  }
  if (partial.length > 0) {
    return {
      outcome: outcome(
        "partially_met",
        said("scoring.certificate.partialCredit", {
          standard,
          findings: listOf(partial.map(withFindings), "semicolon"),
        }),
      ),
      credit: credited(partial),
    };
  }
  if (matching.length > 0) {
    return {
      outcome: outcome(
        "not_met",
        said("scoring.certificate.noCredit", { standard, findings: listOf(matching.map(withFindings), "semicolon") }),
      ),
      credit: [],
    };
  }
  return { outcome: outcome("not_met", said("scoring.certificate.notProvided", { standard })), credit: [] };
}

/**
 * Credit for controls a certificate with full credit covers lifts one step
 * (not answered → partially met → met). It never lifts a failed answer, and
 * never a knock-out that is failing (not met or not answered): a certificate
 * cannot stand in for the answer a knock-out demands. A certificate with
 * partial credit (its coverage of the term has a gap or ends early) lifts
 * nothing, and the reasons say so.
 */
function applyCertificationCredit(
  requirement: CatalogueRequirement,
  outcome: Outcome,
  certifications: readonly CertificationAssessment[],
): { outcome: Outcome; credit: Credit[] } {
  const covering = (credit: CertificationAssessment["credit"]) =>
    certifications
      .filter((a) => a.credit === credit)
      .map((a) => ({ assessment: a, controls: coveredControls(a.certification, requirement.isoControls, a.controls) }))
      .filter((entry) => entry.controls.length > 0);
  const credits = covering("full");
  if (outcome.status === "met") return { outcome, credit: [] };
  const withReason = (status: RequirementStatus, reason: Said): Outcome => ({
    ...outcome,
    status,
    reasons: [...outcome.reasons, reason],
  });
  if (credits.length === 0) {
    const partial = covering("partial");
    if (partial.length === 0 || outcome.status === "not_met") return { outcome, credit: [] };
    // the findings' details are in the certificates table; their names say enough here
    const names = partial.map((entry) =>
      said("scoring.credit.partialCovers", {
        certificate: describeCertificate(entry.assessment.certification),
        controls: listOf(entry.controls, "unit"),
        findings: listOf(
          entry.assessment.issues.map((found) => found.name),
          "unit",
        ),
      }),
    );
    return {
      outcome: withReason(outcome.status, said("scoring.credit.none", { names: listOf(names, "semicolon") })),
      credit: [],
    };
  }

  const names: SaidValue = listOf(
    credits.map((entry) =>
      said("scoring.credit.item", {
        certificate: describeCertificate(entry.assessment.certification),
        controls: listOf(entry.controls, "unit"),
      }),
    ),
    "semicolon",
  );
  if (outcome.status === "not_met") {
    return {
      outcome: withReason("not_met", said("scoring.credit.noLift", { names })),
      credit: [],
    };
  }
  if (requirement.knockOut && outcome.status === "not_answered") {
    return {
      outcome: withReason("not_answered", said("scoring.credit.knockOut", { names })),
      credit: [],
    };
  }
  const lifted: RequirementStatus = outcome.status === "not_answered" ? "partially_met" : "met";
  return {
    outcome: withReason(
      lifted,
      said("scoring.credit.lift", { names, from: statusWord(outcome.status), to: statusWord(lifted) }),
    ),
    credit: credits.map((entry) => creditEntry(entry.assessment, entry.controls)),
  };
}

/** The computed result of one requirement (no override applied yet). */
export function evaluateRequirement(
  requirement: CatalogueRequirement,
  params: Record<string, ParamValue>,
  context: RequirementContext,
): RequirementResult {
  const questions = context.index.byRequirement.get(requirement.id) ?? [];
  const judgements: AnswerJudgement[] = [];
  const evidence: EvidenceRef[] = [];
  for (const question of questions) {
    const judgement = judgeQuestion(question, requirement, params, context);
    judgements.push(judgement);
    collectEvidence(question, judgement.value, evidence);
  }

  const fromAnswers = outcomeFromAnswers(questions, judgements, context.asked);
  const { outcome, credit } = requirement.judgedByCertification
    ? outcomeFromCertificates(requirement, params, fromAnswers, context.certifications)
    : applyCertificationCredit(requirement, fromAnswers, context.certifications);

  return {
    requirementId: requirement.id,
    title: requirement.title,
    category: requirement.category,
    weight: requirement.weight,
    knockOut: requirement.knockOut,
    params,
    parameters: parameterList(requirement, params),
    computedStatus: outcome.status,
    status: outcome.status,
    override: null,
    reasons: outcome.reasons,
    answers: judgements,
    evidence,
    certificationCredit: credit,
  };
}
