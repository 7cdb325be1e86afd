import type { Types } from "mongoose";
import type { AgreementData } from "#models/agreement.server";
import { todayIso } from "#models/dates";
import { agreementView } from "./agreements.server";
import { agreementCompliance, compactCompliance, expiringCertificates, type PageComplianceView } from "./compliance.server";
import { incidentViews } from "./incidents.server";
import { orgInfo } from "./org-names.server";
import { orgReadModel } from "./read-model.server";
import { agreementReassessments } from "./reassessment.server";
import { reportVersions } from "./reports.server";
import type { AgreementTab } from "./agreement-tabs";

type AgreementDoc = AgreementData & { _id: Types.ObjectId; updatedAt?: Date; revision?: number };

/**
 * The compliance view computed from stored data is kept per agreement until
 * something it is built from changes: the agreement (revision, updatedAt),
 * the recipient's assessment rows (the read model's version), the day, or
 * the expiring certificates (read on every request, they are few).
 */
const MAX_MEMO = 500;
const memo = new Map<string, { key: string; view: PageComplianceView }>();

async function complianceFor(agreement: AgreementDoc, now: Date): Promise<PageComplianceView> {
  const today = todayIso(now);
  const [model, certs] = await Promise.all([orgReadModel(String(agreement.recipientOrgId)), expiringCertificates(agreement, today)]);
  const key = [agreement.revision ?? 0, agreement.updatedAt ? new Date(agreement.updatedAt).getTime() : 0, model.version, today, certs.map((c) => `${String(c._id)}@${c.expiryDate}`).join(",")].join("|");
  const id = String(agreement._id);
  const hit = memo.get(id);
  if (hit?.key === key) return hit.view;
  const view = compactCompliance(await agreementCompliance(agreement, now, { expiringCerts: certs }));
  memo.delete(id);
  if (memo.size >= MAX_MEMO) memo.delete(memo.keys().next().value!);
  memo.set(id, { key, view });
  return view;
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
      phases: c.phases.map((p) => ({ name: p.name, cleared: c.clearances.filter((x) => x.phaseId === p.id && x.cleared).length })),
    },
    compliance: {
      requirements: c.requirements,
      suppliers: c.suppliers.map((s) => ({ id: s.id, name: s.name, tier: s.tier, latest: s.latest ? { score: s.latest.score, status: s.latest.status } : null, cells: s.cells, computed: s.computed })),
      phases: c.phases,
      clearances: c.clearances,
      expiringCertificates: c.expiringCertificates,
    },
  };
}

/**
 * The agreement page, for procurement and the disclosing party alike, in
 * tabs: a chain of 50 suppliers gives a 2,250-cell matrix, a 50-node chain
 * tree, 50 re-assessment plans and the full terms, too much for one page to
 * read or to render quickly. Each tab loads only what it shows; the
 * headline above the tabs is the same everywhere.
 */
export async function agreementPageData(agreement: AgreementDoc, tab: AgreementTab, now = new Date()) {
  const c = await complianceFor(agreement, now);
  let d = derived.get(c);
  if (!d) derived.set(c, (d = derive(c)));
  const header = { id: String(agreement._id), reference: agreement.reference, title: agreement.title, status: agreement.status, summary: d.summary };
  switch (tab) {
    case "compliance":
      return { tab, header, compliance: d.compliance };
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
          recipient: (await orgInfo([agreement.recipientOrgId])).get(String(agreement.recipientOrgId))?.name ?? "Unknown organisation",
        },
      };
    case "reassessments": {
      const [reassessments, incidents] = await Promise.all([agreementReassessments(agreement, now), incidentViews({ agreementId: agreement._id }, new Map(c.suppliers.map((s) => [s.id, s.name])))]);
      return { tab, header, reassessments, incidents };
    }
    case "terms":
      return { tab, header, agreement: await agreementView(agreement) };
    case "reports":
      return { tab, header, reports: await reportVersions("agreement", agreement._id) };
  }
}

export type AgreementPageData = Awaited<ReturnType<typeof agreementPageData>>;
