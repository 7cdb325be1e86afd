import { t, currentLocale } from "#app/i18n/messages.server";
import { agreementFindingsState } from "#models/supplier-audit.server";
import { sayReason, sayReasons } from "#app/i18n/reasons";
import type { Types } from "mongoose";
import type { AgreementData } from "#models/agreement.server";
import { todayIso } from "#models/today";
import { agreementView } from "./agreements.server";
import { policyOf } from "#app/features/reassessment/reassessment";
import {
  agreementCompliance,
  compactCompliance,
  expiringAmong,
  expiringCertificates,
  type ExpiringCert,
  type PageComplianceView,
} from "./compliance.server";
import { incidentViews } from "#app/features/incidents/incidents.server";
import { orgInfo } from "#app/features/accounts/org-names.server";
import { agreementRows, orgReadModel, type CachedRow } from "#app/features/assessments/read-model.server";
import { agreementCertifications, ensureAgreementResultsCurrent } from "#app/features/assessments/freshness.server";
import { agreementReassessments } from "#app/features/reassessment/reassessment.server";
import { reportVersions } from "#app/features/reports/reports.server";
import type { AgreementTab } from "./agreement-tabs";
import { lifecyclePageData } from "#app/features/lifecycle/lifecycle-page.server";
import { latestMilestoneStates } from "#app/features/destruction/register.server";
import { agreementLifecycle } from "#app/features/lifecycle/lifecycle.server";

type AgreementDoc = AgreementData & { _id: Types.ObjectId; updatedAt?: Date; revision?: number };

/**
 * The compliance view computed from stored data is kept per agreement until
 * something it is built from changes: the agreement (revision, updatedAt),
 * the recipient's assessment rows (the read model's version), the day, or
 * the expiring certificates (read on every request, they are few).
 */
const MAX_MEMO = 500;
const memo = new Map<string, { key: string; view: PageComplianceView }>();

async function complianceFor(
  agreement: AgreementDoc,
  now: Date,
  loadedCerts?: ExpiringCert[],
): Promise<PageComplianceView> {
  const today = todayIso(now);
  const [model, certs, findings] = await Promise.all([
    orgReadModel(String(agreement.recipientOrgId)),
    loadedCerts ?? expiringCertificates(agreement, today),
    agreementFindingsState(agreement._id),
  ]);
  const language = currentLocale(); // the requirement titles are shown in it
  const key = [
    language,
    agreement.revision ?? 0,
    agreement.updatedAt ? new Date(agreement.updatedAt).getTime() : 0,
    model.version,
    today,
    certs.map((c) => `${String(c._id)}@${c.expiryDate}`).join(","),
    findings.stamp,
  ].join("|");
  const id = String(agreement._id);
  const hit = memo.get(id);
  if (hit?.key === key) return hit.view;
  const view = compactCompliance(
    await agreementCompliance(agreement, now, { expiringCerts: certs, language, openFindings: findings.open }),
    language,
  );
  memo.delete(id);
  if (memo.size >= MAX_MEMO) memo.delete(memo.keys().next().value!);
  memo.set(id, { key, view });
  return view;
}

/**
 * What the page says about its results: the agreement revision they were
 * computed against, when the latest was computed, and what the re-scorings
 * under this revision changed. Kept per list of rows (a new list whenever a
 * row changes) and revision.
 */
const statusMemo = new WeakMap<
  readonly CachedRow[],
  { revision: number; status: ReturnType<typeof scoringStatusOf> }
>();

async function scoringStatus(agreement: AgreementDoc) {
  const all = await agreementRows(String(agreement.recipientOrgId), String(agreement._id));
  const revision = agreement.revision ?? 1;
  const hit = statusMemo.get(all);
  if (hit?.revision === revision) return spoken(hit.status);
  const status = scoringStatusOf(all, revision);
  statusMemo.set(all, { revision, status });
  return spoken(status);
}

/** The changes' triggers and lines said in the reader's language (the memo keeps them as messages). */
function spoken(status: ReturnType<typeof scoringStatusOf>) {
  const locale = currentLocale();
  return {
    ...status,
    changes: status.changes.map((c) => ({
      ...c,
      trigger: sayReason(locale, c.trigger),
      changes: sayReasons(locale, c.changes),
    })),
  };
}

function scoringStatusOf(all: readonly CachedRow[], revision: number) {
  const rows = all.filter((r) => r.score !== null);
  const latest = rows.reduce<number>((max, r) => Math.max(max, r.computedAt ? new Date(r.computedAt).getTime() : 0), 0);
  // each supplier's latest change under this revision, newest first: kept on the rows, so no query
  const changes = rows
    .filter((r) => r.lastChange?.agreementRevision === revision)
    .map((r) => ({ assessmentId: r.id, supplierName: r.supplierName, ...r.lastChange! }))
    .sort((a, b) => b.computedAt.localeCompare(a.computedAt))
    .slice(0, 10);
  return {
    revision,
    results: rows.length,
    current: rows.filter((r) => r.basis?.agreementRevision === revision).length,
    latestComputedAt: latest ? new Date(latest).toISOString() : null,
    needsReview: rows.filter((r) => r.status === "approved" && (r.drift ?? []).length > 0).length,
    changes,
  };
}

/** What every tab shows above itself, and the compliance tab's data: derived once per computed view. */
const derived = new WeakMap<PageComplianceView, ReturnType<typeof derive>>();

function derive(c: PageComplianceView) {
  return {
    summary: {
      suppliers: c.suppliers.length,
      approved: c.suppliers.filter((s) => s.approved).length,
      chainFailing: c.chain.links.filter((l) => !l.ok).length,
      expiring: c.expiringCertificates.length,
      /** the latest day a result shown was computed for (null: nothing scored yet) */
      resultsAsOf: c.suppliers.reduce<string | null>(
        (latest, s) =>
          s.latest?.evaluationDate && (!latest || s.latest.evaluationDate > latest) ? s.latest.evaluationDate : latest,
        null,
      ),
      phases: c.phases.map((p) => ({
        name: p.name,
        cleared: c.clearances.filter((x) => x.phaseId === p.id && x.cleared).length,
      })),
    },
    compliance: {
      requirements: c.requirements,
      suppliers: c.suppliers.map((s) => ({
        id: s.id,
        name: s.name,
        tier: s.tier,
        latest: s.latest ? { score: s.latest.score, status: s.latest.status } : null,
        cells: s.cells,
        computed: s.computed,
        findingCells: s.findingCells,
      })),
      phases: c.phases,
      clearances: c.clearances,
      expiringCertificates: c.expiringCertificates,
    },
  };
}

/** Suppliers per page of the compliance tab: a 500-supplier chain is a 22,500-cell matrix, 1.4 MB to send and render. */
export const SUPPLIERS_PER_PAGE = 100;

type DerivedCompliance = ReturnType<typeof derive>["compliance"];
const pagesOf = new WeakMap<DerivedCompliance, Map<number, ReturnType<typeof slicePage>>>();

function slicePage(compliance: DerivedCompliance, page: number, pages: number) {
  const total = compliance.suppliers.length;
  const suppliers = compliance.suppliers.slice((page - 1) * SUPPLIERS_PER_PAGE, page * SUPPLIERS_PER_PAGE);
  const shown = new Set(suppliers.map((s) => s.id));
  return {
    ...compliance,
    suppliers,
    clearances: compliance.clearances.filter((c) => shown.has(c.supplierId)),
    paging: {
      page,
      pages,
      total,
      from: total === 0 ? 0 : (page - 1) * SUPPLIERS_PER_PAGE + 1,
      to: (page - 1) * SUPPLIERS_PER_PAGE + suppliers.length,
    },
  };
}

/**
 * One page of the compliance tab's suppliers (a page past the end shows the
 * last), the same object for every request until the results change: the
 * matrix body built from it is kept as long (matrixRowsHtml).
 */
function compliancePage(compliance: DerivedCompliance, requested: number) {
  const pages = Math.max(1, Math.ceil(compliance.suppliers.length / SUPPLIERS_PER_PAGE));
  const page = Math.min(Math.max(1, Math.trunc(requested) || 1), pages);
  let byPage = pagesOf.get(compliance);
  if (!byPage) pagesOf.set(compliance, (byPage = new Map()));
  let hit = byPage.get(page);
  if (!hit) byPage.set(page, (hit = slicePage(compliance, page, pages)));
  return hit;
}

function derivedOf(c: PageComplianceView) {
  let d = derived.get(c);
  if (!d) derived.set(c, (d = derive(c)));
  return d;
}

/**
 * The headline of each agreement's page (suppliers, approved, failing chain
 * links, expiring certificates, who is cleared for which phase), for a list
 * of agreements: the expiring certificates of all their chains are read in
 * one query, the rest comes from the same memoised views as the pages.
 */
export async function agreementSummaries(
  agreements: AgreementDoc[],
  now = new Date(),
): Promise<Map<string, ReturnType<typeof derive>["summary"]>> {
  const out = new Map<string, ReturnType<typeof derive>["summary"]>();
  if (!agreements.length) return out;
  const certs = await expiringCertificates({ chain: agreements.flatMap((a) => a.chain) }, todayIso(now));
  for (const a of agreements) {
    const inChain = new Set(a.chain.map((l) => String(l.supplierOrgId)));
    const c = await complianceFor(
      a,
      now,
      certs.filter((x) => inChain.has(String(x.supplierOrgId))),
    );
    out.set(String(a._id), derivedOf(c).summary);
  }
  return out;
}

/**
 * The agreement page, for procurement and the disclosing party alike, in
 * tabs: a chain of 50 suppliers gives a 2,250-cell matrix, a 50-node chain
 * tree, 50 re-assessment plans and the full terms, too much for one page to
 * read or to render quickly. Each tab loads only what it shows; the
 * headline above the tabs is the same everywhere.
 */
export async function agreementPageData(
  agreement: AgreementDoc,
  tab: AgreementTab,
  now = new Date(),
  opts: { suppliersPage?: number } = {},
) {
  // results computed from older terms, certificates or days are scored again before anything shows them;
  // one read of the chain's certificates serves that check and the certificates about to expire
  const certs = await agreementCertifications(agreement);
  await ensureAgreementResultsCurrent(agreement, now, certs);
  const c = await complianceFor(agreement, now, expiringAmong(certs.list, agreement, todayIso(now)));
  const d = derivedOf(c);
  const life = await agreementLifecycle(agreement._id, now);
  const header = {
    id: String(agreement._id),
    reference: agreement.reference,
    title: agreement.title,
    status: agreement.status,
    /** where the agreement is in its life (issue 23): shown on every tab; archived agreements are read-only */
    lifecycle: { state: life.state, survivalEnds: life.end?.survivalEnds ?? null },
    summary: d.summary,
    scoring: await scoringStatus(agreement),
  };
  switch (tab) {
    case "compliance":
      return { tab, header, compliance: compliancePage(d.compliance, opts.suppliersPage ?? 1) };
    case "chain":
      return {
        tab,
        header,
        chain: {
          links: c.chain.links,
          errors: c.chain.errors,
          suppliers: c.suppliers.map((s) => ({ id: s.id, notifyHours: s.notifyHours, locations: s.locations })),
          breachWindowHours: c.breachWindowHours,
          recipientNotifyHours: c.recipientNotifyHours,
          permittedJurisdictions: c.permittedJurisdictions,
          // each holder's return-or-destroy state under the latest milestone, once there is one
          destruction: await latestMilestoneStates(agreement, now),
          recipient:
            (await orgInfo([agreement.recipientOrgId])).get(String(agreement.recipientOrgId))?.name ??
            t("agreements.unknownOrganisation"),
        },
      };
    case "reassessments": {
      const [reassessments, incidents] = await Promise.all([
        agreementReassessments(agreement, now),
        incidentViews({ agreementId: agreement._id }, new Map(c.suppliers.map((s) => [s.id, s.name]))),
      ]);
      return { tab, header, reassessments, incidents, policy: policyOf(agreement) };
    }
    case "lifecycle":
      return { tab, header, lifecycle: await lifecyclePageData(agreement, now) };
    case "terms":
      return { tab, header, agreement: await agreementView(agreement) };
    case "reports":
      return { tab, header, reports: await reportVersions("agreement", agreement._id) };
  }
}

export type AgreementPageData = Awaited<ReturnType<typeof agreementPageData>>;
