import type { Types } from "mongoose";
import { scoreAssessment } from "#app/scoring/assessment";
import { extractChainFacts } from "#app/scoring/chain";
import type { AgreementInput, CertificationInput, OverrideInput, ScoringResult } from "#app/scoring/types";
import type { AgreementData } from "#models/agreement.server";
import { syncAssessmentRow } from "#models/assessment-row.server";
import { Assessment, type AssessmentData } from "#models/assessment.server";
import { Certification, type CertificationData } from "#models/certification.server";
import { todayIso } from "#models/today";
import { orgInfo } from "#app/features/accounts/org-names.server";
import { catalogueForVersion, templateForAssessment } from "#app/features/questionnaires/questionnaire.server";

/** The scoring engine's view of a stored agreement (plain data, ids as strings). */
export async function agreementInput(a: AgreementData): Promise<AgreementInput> {
  const orgs = await orgInfo(a.chain.map((l) => l.supplierOrgId));
  const name = new Map([...orgs].map(([id, o]) => [id, o.name]));
  return {
    reference: a.reference,
    effectiveDate: a.effectiveDate,
    endDate: a.endDate,
    permittedJurisdictions: [...a.permittedJurisdictions],
    acceptedTransferMechanisms: [...a.acceptedTransferMechanisms],
    breachWindowHours: a.breachWindowHours,
    recipientNotifyHours: a.recipientNotifyHours,
    requiredCertifications: a.requiredCertifications.map((c) => ({ standard: c.standard })),
    requirements: a.requirements.map((r) => ({ id: r.requirementId, params: { ...(r.params ?? {}) } })),
    phases: a.phases.map((p) => ({
      id: p.key,
      name: p.name,
      purpose: p.purpose,
      classes: [...p.classes],
      permittedSupplierIds: p.permittedSupplierIds.map(String),
      requiredRequirementIds: [...p.requiredRequirementIds],
    })),
    chain: a.chain.map((l) => ({
      supplierId: String(l.supplierOrgId),
      supplierName: name.get(String(l.supplierOrgId)) ?? "",
      tier: l.tier,
      parentSupplierId: l.parentSupplierOrgId ? String(l.parentSupplierOrgId) : null,
      service: l.service,
      maxClass: l.maxClass,
      accessLevel: l.accessLevel,
    })),
  };
}

export function certificationInput(c: CertificationData & { _id: Types.ObjectId }): CertificationInput {
  return {
    id: String(c._id),
    standard: c.standard,
    certificateNumber: c.certificateNumber,
    certificationBody: c.certificationBody,
    scope: c.scope,
    issueDate: c.issueDate,
    expiryDate: c.expiryDate,
    controls: c.controls?.length ? [...c.controls] : undefined,
    fileRef: c.fileId ? `/evidence/${String(c.fileId)}` : undefined,
  };
}

export function overrideInputs(a: Pick<AssessmentData, "overrides">): OverrideInput[] {
  return (a.overrides ?? []).map((o) => ({
    requirementId: o.requirementId,
    status: o.status,
    justification: o.justification,
    by: o.byName,
    at: new Date(o.at).toISOString(),
  }));
}

/** Scores a stored assessment as of `evaluationDate` with its pinned template and catalogue. */
export async function computeResult(
  assessment: AssessmentData & { _id: Types.ObjectId },
  agreement: AgreementData,
  evaluationDate = todayIso(),
): Promise<ScoringResult> {
  const [template, catalogue, certs, agreementData] = await Promise.all([
    templateForAssessment(assessment),
    catalogueForVersion(assessment.catalogueVersion),
    Certification.find({ supplierOrgId: assessment.supplierOrgId }).lean(),
    agreementInput(agreement),
  ]);
  return scoreAssessment({
    agreement: agreementData,
    catalogue,
    template,
    supplierId: String(assessment.supplierOrgId),
    answers: assessment.answers ?? {},
    certifications: certs.map(certificationInput),
    overrides: overrideInputs(assessment),
    evaluationDate,
  });
}

/** Each requirement's status for lists and the compliance matrix: "met", or "met!not_met" when overridden (computed after "!"). */
export function summaryCells(result: ScoringResult): Record<string, string> {
  return Object.fromEntries(
    result.requirements.map((r) => [r.requirementId, r.override ? `${r.status}!${r.computedStatus}` : r.status]),
  );
}

/** Computes and stores the score snapshot of an assessment. */
export async function rescore(
  assessment: AssessmentData & { _id: Types.ObjectId },
  agreement: AgreementData,
  evaluationDate = todayIso(),
): Promise<ScoringResult> {
  const result = await computeResult(assessment, agreement, evaluationDate);
  const facts = extractChainFacts(
    await templateForAssessment(assessment),
    assessment.answers ?? {},
    String(assessment.supplierOrgId),
  );
  // the score snapshot and the list summary are derived data: the latest computation wins
  await Assessment.updateOne(
    { _id: assessment._id },
    {
      $set: {
        result,
        "summary.score": result.score,
        "summary.rating": result.rating,
        "summary.cells": summaryCells(result),
        "summary.notifyHours": facts.notifyHours,
        "summary.locations": facts.locations,
        "summary.evaluationDate": result.evaluationDate,
      },
    },
  );
  await syncAssessmentRow(assessment._id);
  return result;
}
