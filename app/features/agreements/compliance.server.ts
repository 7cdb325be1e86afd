import type { Types } from "mongoose";
import { composeChain } from "#app/scoring/chain";
import { sayChain, sayClearance, type SpokenChain, type SpokenClearance } from "#app/i18n/reasons";
import type { Locale } from "#app/i18n/locales";
import { describeLocation, isLocationAcceptable, judgeLocation } from "#app/scoring/jurisdictions";
import { clearPhases, type ApprovedStatuses } from "#app/scoring/phases";
import type { ChainResult, PhaseClearance, Reason, RequirementStatus, SupplierChainFacts } from "#app/scoring/types";
import type { AgreementData } from "#models/agreement.server";
import type { AssessmentStatus } from "#models/assessment.server";
import { Certification } from "#models/certification.server";
import { addDaysIso, daysBetween } from "#app/scoring/dates";
import { todayIso } from "#models/today";
import { orgInfo } from "#app/features/accounts/org-names.server";
import { catalogueFor, loadCatalogue, type CatalogueLanguage } from "#questionnaires/loader";
import { agreementRows, type CachedRow } from "#app/features/assessments/read-model.server";
import { agreementInput } from "#app/features/assessments/scoring.server";
import { trusted } from "#app/lib/ids.server";
import { CELL_CODE, NO_CELL } from "./matrix-html";
import { t } from "#app/i18n/messages.server";
import { agreementFindingsState, type OpenFinding } from "#models/supplier-audit.server";
import { capByFinding, strongestFindings, type FindingSeverityCap } from "#app/features/audits/audit-rules";
import { said } from "#app/scoring/said";

/** `finding`: an open audit finding on the requirement caps the status (see capByFinding); `computed` keeps the engine's result. */
export type MatrixCell = {
  status: RequirementStatus;
  overridden: boolean;
  computed: RequirementStatus;
  finding?: FindingSeverityCap;
} | null;

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
  locations: { country: string; mechanism: string | null; acceptable: boolean; note: Reason }[];
  notifyHours: number | null;
}

export interface ComplianceView {
  requirements: {
    id: string;
    title: string;
    /** the catalogue's category (null: no longer in the catalogue); the matrix groups its columns by it */
    category: string | null;
    knockOut: boolean;
    params: { label: string; value: string }[];
  }[];
  suppliers: ComplianceSupplier[];
  chain: ChainResult;
  phases: { id: string; name: string; classes: string[]; required: string[] }[];
  clearances: PhaseClearance[];
  expiringCertificates: {
    supplier: string;
    standard: string;
    certificateNumber: string;
    expiryDate: string;
    daysLeft: number;
  }[];
  permittedJurisdictions: string[];
  breachWindowHours: number;
  recipientNotifyHours: number;
  evaluationDate: string;
}

/**
 * The matrix as a page sends it (see CELL_CODE): per supplier one character
 * per requirement instead of an object per cell, which is what made a
 * 50 × 45 matrix expensive to encode and to render; `computed` keeps what
 * the engine said where a reviewer overrode it.
 */
export type PageComplianceSupplier = Omit<ComplianceSupplier, "cells"> & {
  cells: string;
  computed: Record<string, RequirementStatus>;
  /** positions (as in `cells`) held down by an open audit finding, with its severity (their code is upper case, like an override's) */
  findingCells: Record<number, FindingSeverityCap>;
};
export type PageComplianceView = Omit<ComplianceView, "suppliers" | "chain" | "clearances"> & {
  suppliers: PageComplianceSupplier[];
  /** the chain verdict and the clearances with their reasons said in the reader's language */
  chain: SpokenChain;
  clearances: SpokenClearance[];
};

export function compactCompliance(view: ComplianceView, language: Locale): PageComplianceView {
  return {
    ...view,
    chain: sayChain(language, view.chain),
    clearances: view.clearances.map((c) => sayClearance(language, c)),
    suppliers: view.suppliers.map(({ cells, ...s }) => {
      let codes = "";
      const computed: Record<string, RequirementStatus> = {};
      const findingCells: Record<number, FindingSeverityCap> = {};
      for (const [i, r] of view.requirements.entries()) {
        const cell = cells[r.id];
        if (!cell) codes += NO_CELL;
        else if (cell.overridden || cell.finding) {
          if (cell.finding) findingCells[i] = cell.finding;
          codes += CELL_CODE[cell.status].toUpperCase();
          computed[r.id] = cell.computed;
        } else codes += CELL_CODE[cell.status];
      }
      return { ...s, cells: codes, computed, findingCells };
    }),
  };
}

export type ExpiringCert = {
  _id: Types.ObjectId;
  supplierOrgId: Types.ObjectId;
  standard: string;
  certificateNumber: string;
  expiryDate: string;
};

/** Certificates of the agreement's chain suppliers that expire within 90 days of today, soonest first. */
export function expiringCertificates(agreement: Pick<AgreementData, "chain">, today: string): Promise<ExpiringCert[]> {
  return Certification.find(
    {
      supplierOrgId: trusted({ $in: agreement.chain.map((l) => l.supplierOrgId) }),
      expiryDate: trusted({ $gte: today, $lte: addDaysIso(today, 90) }),
    },
    { supplierOrgId: 1, standard: 1, certificateNumber: 1, expiryDate: 1 },
  )
    .sort({ expiryDate: 1 })
    .lean<ExpiringCert[]>();
}

/**
 * The same certificates as expiringCertificates, picked from the chain's
 * certificates already read (agreementCertifications), without a query.
 */
export function expiringAmong(
  certs: readonly (ExpiringCert & { issueDate?: string })[],
  agreement: Pick<AgreementData, "chain">,
  today: string,
): ExpiringCert[] {
  const chain = new Set(agreement.chain.map((l) => String(l.supplierOrgId)));
  const until = addDaysIso(today, 90);
  return certs
    .filter((c) => chain.has(String(c.supplierOrgId)) && c.expiryDate >= today && c.expiryDate <= until)
    .sort((a, b) => a.expiryDate.localeCompare(b.expiryDate) || String(a._id).localeCompare(String(b._id)))
    .map(({ _id, supplierOrgId, standard, certificateNumber, expiryDate }) => ({
      _id,
      supplierOrgId,
      standard,
      certificateNumber,
      expiryDate,
    }));
}

/** Rows keep "status" or "status!computed" (overridden) per requirement. */
function cellsOf(cells: Record<string, string> | undefined): Record<string, MatrixCell> {
  const out: Record<string, MatrixCell> = {};
  for (const [id, value] of Object.entries(cells ?? {})) {
    const [status, computed] = value.split("!") as [RequirementStatus, RequirementStatus | undefined];
    out[id] = { status, overridden: computed !== undefined, computed: computed ?? status };
  }
  return out;
}

/** The cells with the open findings' caps applied; the engine's result stays in `computed`. */
function withFindings(
  cells: Record<string, MatrixCell>,
  findings: ReadonlyMap<string, FindingSeverityCap> | undefined,
): Record<string, MatrixCell> {
  if (!findings?.size) return cells;
  const out = { ...cells };
  for (const [id, severity] of findings) {
    const cell = out[id];
    if (cell) out[id] = { ...cell, status: capByFinding(cell.status, severity), finding: severity };
  }
  return out;
}

/**
 * What the disclosing party sees of one agreement, computed from stored
 * assessments only: the compliance matrix, the chain with composed windows
 * and data locations, phase gates and certificates about to expire.
 */
export async function agreementCompliance(
  agreement: AgreementData & { _id: Types.ObjectId },
  now = new Date(),
  loaded: { expiringCerts?: ExpiringCert[]; language?: CatalogueLanguage; openFindings?: readonly OpenFinding[] } = {},
): Promise<ComplianceView> {
  const today = todayIso(now);
  // open audit findings hold the supplier's verdict on their requirement down until they are closed
  const openFindings = loaded.openFindings ?? (await agreementFindingsState(agreement._id)).open;
  const findingsOf = new Map<string, Map<string, FindingSeverityCap>>();
  for (const sid of new Set(openFindings.map((f) => f.supplierId)))
    findingsOf.set(sid, strongestFindings(openFindings.filter((f) => f.supplierId === sid)));
  const capped = (sid: string, requirementId: string, status: RequirementStatus) => {
    const severity = findingsOf.get(sid)?.get(requirementId);
    return severity ? capByFinding(status, severity) : status;
  };
  const input = await agreementInput(agreement);
  const supplierIds = agreement.chain.map((l) => l.supplierOrgId);
  const [orgs, rows, certs] = await Promise.all([
    orgInfo(supplierIds),
    agreementRows(String(agreement.recipientOrgId), String(agreement._id)),
    loaded.expiringCerts ?? expiringCertificates(agreement, today),
  ]);
  const org = orgs;
  // choose from the small rows, then read only the chosen assessments whole
  const latestRow = new Map<string, CachedRow>();
  const approvedRow = new Map<string, CachedRow>();
  const newer = (a: CachedRow, b: CachedRow | undefined) => !b || a.updatedMs > b.updatedMs;
  for (const r of rows) {
    if (r.score === null) continue;
    const sid = r.supplier;
    if (newer(r, latestRow.get(sid))) latestRow.set(sid, r);
    if (r.status === "approved" && newer(r, approvedRow.get(sid))) approvedRow.set(sid, r);
  }

  const facts: SupplierChainFacts[] = [];
  const suppliers: ComplianceSupplier[] = [];
  for (const link of agreement.chain) {
    const sid = String(link.supplierOrgId);
    const latest = latestRow.get(sid) ?? null;
    const approved = approvedRow.get(sid) ?? null;
    // chain facts (notification hours, data locations) come from the answers last scored, preferring the approved ones
    const source = approved ?? latest;
    const fact: SupplierChainFacts = {
      supplierId: sid,
      notifyHours: source?.notifyHours ?? null,
      locations: source?.locations ?? [],
    };
    facts.push(fact);
    suppliers.push({
      id: sid,
      name: org.get(sid)?.name ?? t("discloser.unknownSupplier"),
      country: org.get(sid)?.country ?? "",
      tier: link.tier,
      parentId: link.parentSupplierOrgId ? String(link.parentSupplierOrgId) : null,
      service: link.service,
      latest: latest
        ? {
            id: latest.id,
            status: latest.status,
            score: latest.score!,
            rating: latest.rating ?? "",
            evaluationDate: latest.evaluationDate ?? "",
          }
        : null,
      approved: approved
        ? {
            id: approved.id,
            score: approved.score!,
            rating: approved.rating ?? "",
            evaluationDate: approved.evaluationDate ?? "",
          }
        : null,
      cells: latest ? withFindings(cellsOf(latest.cells), findingsOf.get(sid)) : {},
      locations: fact.locations.map((l) => {
        const verdict = judgeLocation(l, input);
        return {
          country: l.country,
          mechanism: l.transferMechanism,
          acceptable: isLocationAcceptable(verdict),
          note: describeLocation(l, verdict, input),
        };
      }),
      notifyHours: fact.notifyHours,
    });
  }
  const chain = composeChain(input, facts);
  const approvedStatuses = new Map<string, ApprovedStatuses | null>();
  for (const s of suppliers) {
    const a = approvedRow.get(s.id);
    approvedStatuses.set(
      s.id,
      a
        ? Object.fromEntries(
            Object.entries(a.cells ?? {}).map(([k, v]) => [k, capped(s.id, k, v.split("!")[0] as RequirementStatus)]),
          )
        : null,
    );
  }
  const catalogue = loadCatalogue();
  const titles = new Map([...catalogue.byId.values()].map((r) => [r.id, r.title]));
  // the requirements' texts as shown (English for reports and scoring reasons)
  const shown = loaded.language ? catalogueFor(loaded.language) : catalogue;
  const clearances = clearPhases(input, approvedStatuses, chain, titles).map((c) => {
    const held = agreement.phases
      .find((p) => p.key === c.phaseId)
      ?.requiredRequirementIds.filter((r) => findingsOf.get(c.supplierId)?.has(r));
    return held?.length
      ? { ...c, reasons: [...c.reasons, said("audits.clearance.finding", { requirements: held.join(", ") })] }
      : c;
  });
  const name = new Map(suppliers.map((s) => [s.id, s.name]));
  return {
    requirements: agreement.requirements.map((r) => {
      const req = shown.byId.get(r.requirementId);
      return {
        id: r.requirementId,
        title: req?.title ?? r.requirementId,
        category: req?.category ?? null,
        knockOut: req?.knockOut ?? false,
        params: (req?.parameters ?? []).map((p) => {
          const v = r.params?.[p.key] ?? p.default;
          return { label: p.label, value: Array.isArray(v) ? v.join(", ") : String(v) };
        }),
      };
    }),
    suppliers,
    chain,
    phases: agreement.phases.map((p) => ({
      id: p.key,
      name: p.name,
      classes: p.classes,
      required: p.requiredRequirementIds,
    })),
    clearances,
    expiringCertificates: certs.map((c) => ({
      supplier: name.get(String(c.supplierOrgId)) ?? "",
      standard: c.standard,
      certificateNumber: c.certificateNumber,
      expiryDate: c.expiryDate,
      daysLeft: daysBetween(today, c.expiryDate),
    })),
    permittedJurisdictions: agreement.permittedJurisdictions,
    breachWindowHours: agreement.breachWindowHours,
    recipientNotifyHours: agreement.recipientNotifyHours,
    evaluationDate: today,
  };
}
