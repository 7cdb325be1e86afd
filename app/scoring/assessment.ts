/**
 * scoreAssessment: one supplier's questionnaire, certificates and overrides,
 * measured against one agreement on one evaluation date. Pure: the same
 * input always gives a deep-equal result.
 */
import {
  assessCertifications,
  describeCertificate,
  findingText,
  isSameStandard,
  toCertificationFinding,
  type CertificationAssessment,
} from "./certifications";
import { countryNamesOf } from "./answers";
import { readSupplierLocations } from "./chain";
import { assertIsoDate } from "./dates";
import { applyOverride, latestOverrides, validateOverride } from "./overrides";
import { indexCatalogue, resolveParams } from "./params";
import { evaluateRequirement, type RequirementContext } from "./requirements";
import { inherentRisk, residualRating } from "./risk";
import { computeScore, countStatuses, KNOCKOUT_CAP } from "./score";
import { listOf, requirementRef, said, type Said } from "./said";
import { indexTemplate } from "./template";
import type { CatalogueRequirement } from "#questionnaires/types";
import type { CertificateIssue, ParamValue, ScoringInput, ScoringResult } from "./types";

function applicableRequirements(
  input: ScoringInput,
): { requirement: CatalogueRequirement; params: Record<string, ParamValue> }[] {
  const catalogueById = indexCatalogue(input.catalogue);
  const seen = new Set<string>();
  return input.agreement.requirements.map((entry) => {
    if (seen.has(entry.id))
      throw new Error(`Agreement ${input.agreement.reference} lists requirement ${entry.id} twice`);
    seen.add(entry.id);
    const requirement = catalogueById.get(entry.id);
    if (!requirement)
      throw new Error(`Requirement ${entry.id} of agreement ${input.agreement.reference} is not in the catalogue`);
    return { requirement, params: resolveParams(requirement, entry.params) };
  });
}

/**
 * A certificate's findings as sentences one after the other, the last
 * without its full stop (it closes a bracket): "A: x. B: y".
 */
function findingSentences(issues: readonly CertificateIssue[]): Said {
  const last = issues[issues.length - 1];
  let line: Said = said("certs.finding.inline", { name: last.name, detail: last.detail });
  for (const found of issues.slice(0, -1).reverse())
    line = said("certs.finding.then", { finding: findingText(found), rest: line });
  return line;
}

function missingCertificationReasons(input: ScoringInput, assessed: readonly CertificationAssessment[]): Said[] {
  const reasons: Said[] = [];
  for (const { standard } of input.agreement.requiredCertifications) {
    const matching = assessed.filter((a) => isSameStandard(a.certification.standard, standard));
    if (matching.some((a) => a.credit === "full")) continue;
    if (matching.length === 0) {
      reasons.push(said("certs.required.missing", { standard }));
      continue;
    }
    const details = listOf(
      matching.map((a) =>
        a.issues.length > 0
          ? said("certs.required.certificate", {
              certificate: describeCertificate(a.certification),
              findings: findingSentences(a.issues),
            })
          : describeCertificate(a.certification),
      ),
      "semicolon",
    );
    reasons.push(
      matching.some((a) => a.credit === "partial")
        ? said("certs.required.partialOnly", { standard, details })
        : said("certs.required.noFullCredit", { standard, details }),
    );
  }
  return reasons;
}

export function scoreAssessment(input: ScoringInput): ScoringResult {
  const { agreement, evaluationDate } = input;
  assertIsoDate(evaluationDate, "evaluationDate");
  assertIsoDate(agreement.effectiveDate, `Effective date of agreement ${agreement.reference}`);
  assertIsoDate(agreement.endDate, `End date of agreement ${agreement.reference}`);
  const link = agreement.chain.find((candidate) => candidate.supplierId === input.supplierId);
  if (!link) throw new Error(`Supplier ${input.supplierId} is not in the chain of agreement ${agreement.reference}`);

  const applicable = applicableRequirements(input);
  const applicableIds = new Set(applicable.map((entry) => entry.requirement.id));
  for (const override of input.overrides) validateOverride(override, applicableIds);
  const overrides = latestOverrides(input.overrides);

  const certifications = assessCertifications(input.certifications, {
    evaluationDate,
    effectiveDate: agreement.effectiveDate,
    agreementEndDate: agreement.endDate,
    service: link.service,
  });
  const context: RequirementContext = {
    index: indexTemplate(input.template),
    answers: input.answers,
    terms: agreement,
    paramsById: new Map(applicable.map((entry) => [entry.requirement.id, entry.params])),
    catalogueById: indexCatalogue(input.catalogue),
    certifications,
    asked: input.askedQuestions?.length ? new Set(input.askedQuestions) : undefined,
  };
  const requirements = applicable.map(({ requirement, params }) =>
    applyOverride(evaluateRequirement(requirement, params, context), overrides.get(requirement.id)),
  );

  const effective = computeScore(requirements);
  const computed = computeScore(requirements.map((r) => ({ ...r, status: r.computedStatus })));
  const inherent = inherentRisk(
    link,
    readSupplierLocations(input.template, input.answers),
    agreement,
    countryNamesOf(input.template),
  );
  const titles = new Map(requirements.map((r) => [r.requirementId, r.title]));
  const nameOf = (id: string) => requirementRef(id, titles.get(id));
  const residual = residualRating(inherent.rating, effective.score, effective.knockOutsFailed, nameOf);
  const failed = effective.knockOutsFailed;
  const capReasons = effective.capped
    ? [
        said("certs.risk.knockOutCap", {
          count: failed.length,
          names: listOf(failed.map(nameOf), "unit"),
          cap: KNOCKOUT_CAP,
          uncapped: effective.uncappedScore,
        }),
      ]
    : [];

  return {
    supplierId: input.supplierId,
    evaluationDate,
    score: effective.score,
    computedScore: computed.score,
    knockOutsFailed: effective.knockOutsFailed,
    capped: effective.capped,
    inherentRisk: inherent.rating,
    rating: residual.rating,
    riskReasons: [
      ...inherent.reasons,
      ...capReasons,
      ...residual.reasons,
      ...missingCertificationReasons(input, certifications),
    ],
    requirements,
    certifications: certifications.map(toCertificationFinding),
    counts: countStatuses(requirements.map((r) => r.status)),
  };
}
