import type { Types } from "mongoose";
import { composeChain, extractChainFacts } from "#app/scoring/chain";
import { describeLocation, isLocationAcceptable, judgeLocation } from "#app/scoring/jurisdictions";
import { approvedStatusesOf, clearPhases, type ApprovedStatuses } from "#app/scoring/phases";
import type { ChainResult, PhaseClearance, RequirementStatus, ScoringResult, SupplierChainFacts } from "#app/scoring/types";
import type { AgreementData } from "#models/agreement.server";
import { Assessment, type AssessmentStatus } from "#models/assessment.server";
import { Certification } from "#models/certification.server";
import { addDaysIso, todayIso } from "#models/dates";
import { Organization } from "#models/organization.server";
import { loadCatalogue } from "#questionnaires/loader";
import { templateForAssessment } from "./questionnaire.server";
import { agreementInput } from "./scoring.server";

export type MatrixCell = { status: RequirementStatus; overridden: boolean; computed: RequirementStatus } | null;

export interface ComplianceSupplier {
  id: string;
  name: string;
  country: string;
  tier: number;
  parentId: string | null;
  service: string;
  /** the most recent scored assessment, whatever its status */
  latest: { id: string; status: AssessmentStatus; score: number; rating: string; evaluationDate: string } | null;
  /** the latest approved one: what phase gates use */
  approved: { id: string; score: number; rating: string; evaluationDate: string } | null;
  cells: Record<string, MatrixCell>;
  locations: { country: string; mechanism: string | null; acceptable: boolean; note: string }[];
  notifyHours: number | null;
}

export interface ComplianceView {
  requirements: { id: string; title: string; knockOut: boolean; params: { label: string; value: string }[] }[];
  suppliers: ComplianceSupplier[];
  chain: ChainResult;
  phases: { id: string; name: string; classes: string[]; required: string[] }[];
  clearances: PhaseClearance[];
  expiringCertificates: { supplier: string; standard: string; certificateNumber: string; expiryDate: string; daysLeft: number }[];
  permittedJurisdictions: string[];
  breachWindowHours: number;
  recipientNotifyHours: number;
  evaluationDate: string;
}

function cellsOf(result: ScoringResult): Record<string, MatrixCell> {
  const out: Record<string, MatrixCell> = {};
  for (const r of result.requirements) out[r.requirementId] = { status: r.status, overridden: r.override !== null, computed: r.computedStatus };
  return out;
}

/**
 * What the disclosing party sees of one agreement, computed from stored
 * assessments only: the compliance matrix, the chain with composed windows
 * and data locations, phase gates and certificates about to expire.
 */
export async function agreementCompliance(agreement: AgreementData & { _id: Types.ObjectId }, now = new Date()): Promise<ComplianceView> {
  const today = todayIso(now);
  const input = await agreementInput(agreement);
  const supplierIds = agreement.chain.map((l) => l.supplierOrgId);
  const [orgs, assessments, certs] = await Promise.all([
    Organization.find({ _id: { $in: supplierIds } }, { name: 1, country: 1 }).lean(),
    Assessment.find({ agreementId: agreement._id, result: { $ne: null } }, { supplierOrgId: 1, status: 1, result: 1, answers: 1, templateId: 1, templateVersion: 1, updatedAt: 1, submittedAt: 1 })
      .sort({ updatedAt: -1 })
      .lean(),
    Certification.find({ supplierOrgId: { $in: supplierIds }, expiryDate: { $gte: today, $lte: addDaysIso(today, 90) } }).sort({ expiryDate: 1 }).lean(),
  ]);
  const org = new Map(orgs.map((o) => [String(o._id), o]));
  const latestBy = new Map<string, (typeof assessments)[number]>();
  const approvedBy = new Map<string, (typeof assessments)[number]>();
  for (const a of assessments) {
    const sid = String(a.supplierOrgId);
    if (!latestBy.has(sid)) latestBy.set(sid, a);
    if (a.status === "approved" && !approvedBy.has(sid)) approvedBy.set(sid, a);
  }

  const facts: SupplierChainFacts[] = [];
  const suppliers: ComplianceSupplier[] = [];
  for (const link of agreement.chain) {
    const sid = String(link.supplierOrgId);
    const latest = latestBy.get(sid) ?? null;
    const approved = approvedBy.get(sid) ?? null;
    // chain facts (notification hours, data locations) come from the answers the supplier last submitted
    const source = approved ?? latest;
    let fact: SupplierChainFacts = { supplierId: sid, notifyHours: null, locations: [] };
    if (source) fact = extractChainFacts(await templateForAssessment(source), source.answers ?? {}, sid);
    facts.push(fact);
    suppliers.push({
      id: sid,
      name: org.get(sid)?.name ?? "Unknown supplier",
      country: org.get(sid)?.country ?? "",
      tier: link.tier,
      parentId: link.parentSupplierOrgId ? String(link.parentSupplierOrgId) : null,
      service: link.service,
      latest: latest?.result ? { id: String(latest._id), status: latest.status, score: latest.result.score, rating: latest.result.rating, evaluationDate: latest.result.evaluationDate } : null,
      approved: approved?.result ? { id: String(approved._id), score: approved.result.score, rating: approved.result.rating, evaluationDate: approved.result.evaluationDate } : null,
      cells: latest?.result ? cellsOf(latest.result) : {},
      locations: fact.locations.map((l) => {
        const verdict = judgeLocation(l, input);
        return { country: l.country, mechanism: l.transferMechanism, acceptable: isLocationAcceptable(verdict), note: describeLocation(l, verdict, input) };
      }),
      notifyHours: fact.notifyHours,
    });
  }
  const chain = composeChain(input, facts);
  const approvedStatuses = new Map<string, ApprovedStatuses | null>();
  for (const s of suppliers) {
    const a = approvedBy.get(s.id);
    approvedStatuses.set(s.id, a?.result ? approvedStatusesOf(a.result) : null);
  }
  const clearances = clearPhases(input, approvedStatuses, chain);
  const catalogue = loadCatalogue();
  const name = new Map(suppliers.map((s) => [s.id, s.name]));
  return {
    requirements: agreement.requirements.map((r) => {
      const req = catalogue.byId.get(r.requirementId);
      return {
        id: r.requirementId,
        title: req?.title ?? r.requirementId,
        knockOut: req?.knockOut ?? false,
        params: (req?.parameters ?? []).map((p) => {
          const v = r.params?.[p.key] ?? p.default;
          return { label: p.label, value: Array.isArray(v) ? v.join(", ") : String(v) };
        }),
      };
    }),
    suppliers,
    chain,
    phases: agreement.phases.map((p) => ({ id: p.key, name: p.name, classes: p.classes, required: p.requiredRequirementIds })),
    clearances,
    expiringCertificates: certs.map((c) => ({
      supplier: name.get(String(c.supplierOrgId)) ?? "",
      standard: c.standard,
      certificateNumber: c.certificateNumber,
      expiryDate: c.expiryDate,
      daysLeft: Math.round((Date.parse(`${c.expiryDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000),
    })),
    permittedJurisdictions: agreement.permittedJurisdictions,
    breachWindowHours: agreement.breachWindowHours,
    recipientNotifyHours: agreement.recipientNotifyHours,
    evaluationDate: today,
  };
}
