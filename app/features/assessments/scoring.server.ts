import crypto from "node:crypto";
import type { Types } from "mongoose";
import { scoreAssessment } from "#app/scoring/assessment";
import { extractChainFacts } from "#app/scoring/chain";
import {
  basisChanges,
  describeDifference,
  isMaterial,
  resultDifference,
  scoreBasis,
  type CertificateStamp,
  type ScoreBasis,
} from "#app/scoring/freshness";
import { said, type Reason } from "#app/scoring/said";
import type { AgreementInput, CertificationInput, OverrideInput, ScoringResult } from "#app/scoring/types";
import type { TemplateFile } from "#questionnaires/types";
import { Agreement, type AgreementData } from "#models/agreement.server";
import { syncAssessmentRow } from "#models/assessment-row.server";
import { Assessment, type AssessmentData } from "#models/assessment.server";
import { Certification, type CertificationData } from "#models/certification.server";
import { todayIso } from "#models/today";
import { isDuplicateKey } from "#models/duplicate-key";
import { ScoreRecord, scoreRecordId } from "#models/score-record.server";
import { orgInfo } from "#app/features/accounts/org-names.server";
import { catalogueForVersion, templateForAssessment } from "#app/features/questionnaires/questionnaire.server";
import { recordWebhookEvent } from "#app/features/webhooks/events.server";

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

type StoredAssessment = AssessmentData & { _id: Types.ObjectId };
type StoredCertification = CertificationData & { _id: Types.ObjectId };

/** Scores a stored assessment as of `evaluationDate` with its pinned template and catalogue. */
async function computeResult(
  assessment: StoredAssessment,
  agreement: AgreementData,
  evaluationDate: string,
  certifications: StoredCertification[],
  template: TemplateFile,
): Promise<ScoringResult> {
  const [catalogue, agreementData] = await Promise.all([
    catalogueForVersion(assessment.catalogueVersion),
    agreementInput(agreement),
  ]);
  return scoreAssessment({
    agreement: agreementData,
    catalogue,
    template,
    supplierId: String(assessment.supplierOrgId),
    answers: assessment.answers ?? {},
    certifications: certifications.map(certificationInput),
    overrides: overrideInputs(assessment),
    evaluationDate,
    askedQuestions: assessment.askedQuestions,
  });
}

/** Each requirement's status for lists and the compliance matrix: "met", or "met!not_met" when overridden (computed after "!"). */
export function summaryCells(result: ScoringResult): Record<string, string> {
  return Object.fromEntries(
    result.requirements.map((r) => [r.requirementId, r.override ? `${r.status}!${r.computedStatus}` : r.status]),
  );
}

function supplierCertifications(supplierOrgId: Types.ObjectId | string): Promise<StoredCertification[]> {
  return Certification.find({ supplierOrgId }).lean<StoredCertification[]>();
}

function certificateStamps(certs: StoredCertification[]): CertificateStamp[] {
  return certs.map((c) => ({
    id: String(c._id),
    updatedMs: c.updatedAt ? new Date(c.updatedAt).getTime() : 0,
    issueDate: c.issueDate,
    expiryDate: c.expiryDate,
  }));
}

/** A digest of what the supplier and the reviewers put into the score: the answers and the overrides. */
function answersDigest(a: Pick<AssessmentData, "answers" | "overrides">): string {
  const overrides = (a.overrides ?? []).map((o) => [
    o.requirementId,
    o.status,
    o.justification,
    new Date(o.at).getTime(),
  ]);
  return crypto
    .createHash("sha256")
    .update(JSON.stringify([a.answers ?? {}, overrides]))
    .digest("hex")
    .slice(0, 24);
}

type AgreementWithRevision = AgreementData & { _id: Types.ObjectId; revision?: number };

/** The basis of a score of the agreement as it is now, with `fixed` the assessment's own pinned inputs. */
function basisNow(
  fixed: Pick<ScoreBasis, "templateVersion" | "catalogueVersion" | "answersDigest">,
  agreement: AgreementWithRevision,
  certs: StoredCertification[],
  today: string,
): ScoreBasis {
  return scoreBasis({
    ...fixed,
    agreementRevision: agreement.revision ?? 1,
    agreementEffectiveDate: agreement.effectiveDate,
    agreementEndDate: agreement.endDate,
    certificates: certificateStamps(certs),
    evaluationDate: today,
  });
}

/** What the assessment's score would be computed from now. */
export function currentBasis(
  assessment: StoredAssessment,
  agreement: AgreementWithRevision,
  certs: StoredCertification[],
  today = todayIso(),
): ScoreBasis {
  const fixed = {
    templateVersion: assessment.templateVersion,
    catalogueVersion: assessment.catalogueVersion,
    answersDigest: answersDigest(assessment),
  };
  return basisNow(fixed, agreement, certs, today);
}

/**
 * The same check from an assessment's list row, without reading the
 * assessment: the answers and overrides only change through actions that
 * re-score at once, so the row's digest stands for them.
 */
export function rowIsStale(
  row: { basis?: ScoreBasis | null; score: number | null },
  agreement: AgreementWithRevision,
  certs: StoredCertification[],
  today = todayIso(),
): boolean {
  if (row.score === null) return false;
  const stored = row.basis;
  return !stored?.key || basisNow(stored, agreement, certs, today).key !== stored.key;
}

export interface Rescored {
  result: ScoringResult;
  /** false when the stored result was already computed from these inputs */
  computed: boolean;
  /** what differs from the result before (empty for a first result), as messages */
  changes: Reason[];
  material: boolean;
}

/** What started a re-scoring, as kept with its record ("re-scoring" when the caller named nothing). */
function triggerOf(trigger: Reason | undefined): Reason {
  if (trigger === undefined) return said("chain.trigger.rescoring");
  return typeof trigger === "string" ? trigger.slice(0, 200) : trigger;
}

/**
 * A supplier's compliance verdict for webhooks: its risk rating and whether
 * every knock-out requirement holds. A change of either is "compliance changed".
 */
function verdictData(r: ScoringResult) {
  return { rating: r.rating, knockOutsMet: r.knockOutsFailed.length === 0, score: r.score };
}
const verdictOf = (r: ScoringResult) => `${r.rating}:${r.knockOutsFailed.length === 0}`;

function driftFromApproved(approved: ScoringResult | null, current: ScoringResult): Reason[] {
  if (!approved) return [];
  const difference = resultDifference(approved, current);
  return isMaterial(difference) ? describeDifference(difference) : [];
}

/**
 * Makes the assessment's stored result the one its inputs give now, once:
 * nothing happens when the stored result was computed from the same inputs;
 * otherwise the new result is stored, with what changed, beside the ones
 * before it (ScoreRecord). Of several instances that notice the same change,
 * the one whose record insert wins writes it; the others read it back.
 *
 * An approved assessment keeps the result it was approved on; the current
 * one is stored beside it, and how the two differ (`summary.drift`) flags it
 * for review.
 */
export async function rescore(
  assessment: StoredAssessment,
  agreement: AgreementWithRevision,
  /** trigger: what started it, a message (said where the score's history is shown) */
  options: { trigger?: Reason; today?: string; certifications?: StoredCertification[] } = {},
): Promise<Rescored> {
  const today = options.today ?? todayIso();
  let current = assessment;
  let currentAgreement = agreement;
  let certs = options.certifications ?? (await supplierCertifications(assessment.supplierOrgId));
  for (let attempt = 0; ; attempt++) {
    const basis = currentBasis(current, currentAgreement, certs, today);
    if (current.result && current.resultBasis?.key === basis.key)
      return { result: current.result, computed: false, changes: [], material: false };
    // read once: the score and the chain facts come from the same pinned template
    const template = await templateForAssessment(current);
    const result = await computeResult(current, currentAgreement, today, certs, template);
    const previous = current.result;
    const difference = previous ? resultDifference(previous, result) : null;
    const changes = difference ? describeDifference(difference) : [];
    const material = difference ? isMaterial(difference) : false;
    const computedAt = new Date();
    const recordId = scoreRecordId(String(current._id), basis.key);
    const inserted = await ScoreRecord.create({
      _id: recordId,
      assessmentId: current._id,
      agreementId: current.agreementId,
      supplierOrgId: current.supplierOrgId,
      ownerOrgId: current.ownerOrgId,
      supplierName: current.summary?.supplierName ?? "",
      basis,
      previousBasis: current.resultBasis ?? null,
      reasons: previous ? basisChanges(current.resultBasis, basis) : [],
      changes,
      material,
      trigger: triggerOf(options.trigger),
      result,
      computedAt,
    }).then(
      () => true,
      (error: unknown) => {
        if (isDuplicateKey(error)) return false;
        throw error;
      },
    );
    if (!inserted) {
      // another instance computed the same inputs: once it has written them, there is nothing left to do
      const stored = await Assessment.findById(current._id, { resultBasis: 1, result: 1 }).lean<StoredAssessment>();
      if (stored?.result && stored.resultBasis?.key === basis.key)
        return { result: stored.result, computed: false, changes: [], material: false };
    }
    const approved = current.status === "approved" ? (current.approvedResult ?? previous) : null;
    const facts = extractChainFacts(template, current.answers ?? {}, String(current.supplierOrgId));
    const set: Record<string, unknown> = {
      result,
      resultBasis: { ...basis, computedAt },
      "summary.score": result.score,
      "summary.rating": result.rating,
      "summary.cells": summaryCells(result),
      "summary.notifyHours": facts.notifyHours,
      "summary.locations": facts.locations,
      "summary.evaluationDate": result.evaluationDate,
      "summary.computedAt": computedAt,
      "summary.basis": basis,
      "summary.drift": approved ? driftFromApproved(approved, result) : [],
    };
    // what the agreement page lists as the latest change of this supplier's result
    if (inserted && changes.length)
      set["summary.lastChange"] = {
        trigger: triggerOf(options.trigger),
        changes,
        computedAt: computedAt.toISOString(),
        agreementRevision: basis.agreementRevision,
      };
    if (approved && !current.approvedResult) {
      set.approvedResult = approved;
      set.approvedBasis = current.resultBasis ?? null;
    }
    // derived data, written by _id (the only filter FerretDB on SQLite looks up without a scan); the
    // record insert above already made this computation the only one for its inputs
    await Assessment.updateOne({ _id: current._id }, { $set: set });
    await syncAssessmentRow(current._id);
    // only the instance whose record insert won tells the systems outside
    if (inserted && previous && verdictOf(previous) !== verdictOf(result))
      await recordWebhookEvent({
        type: "chain.compliance_changed",
        orgIds: [current.ownerOrgId, currentAgreement.discloserOrgId],
        key: recordId,
        data: {
          agreementId: String(current.agreementId),
          supplierOrgId: String(current.supplierOrgId),
          assessmentId: String(current._id),
          previous: verdictData(previous),
          current: verdictData(result),
          changes: changes.map((c) => (typeof c === "string" ? c : c.id)),
        },
      });
    // a computation from inputs that changed meanwhile (an edit while it ran) must not be the last
    // word: when the agreement moved on, score again from what is stored now
    const latest = await Agreement.findById(current.agreementId, { revision: 1 }).lean<{ revision?: number }>();
    if (!latest || (latest.revision ?? 1) === basis.agreementRevision || attempt >= 4)
      return { result, computed: inserted, changes: inserted ? changes : [], material: inserted && material };
    const reread = await Assessment.findById(current._id).lean<StoredAssessment>();
    const fresh = await Agreement.findById(current.agreementId).lean<AgreementWithRevision>();
    if (!reread || !fresh)
      return { result, computed: inserted, changes: inserted ? changes : [], material: inserted && material };
    current = reread;
    currentAgreement = fresh;
    certs = await supplierCertifications(current.supplierOrgId);
  }
}
