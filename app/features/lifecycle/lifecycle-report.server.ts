import type { Types } from "mongoose";
import { CompelledDisclosure } from "#models/compelled-disclosure.server";
import { countryName } from "#models/countries";
import {
  DestructionRequest,
  Milestone,
  type DestructionRequestData,
  type MilestoneData,
} from "#models/lifecycle.server";
import { AuditFinding, SupplierAudit } from "#models/supplier-audit.server";
import { trusted } from "#app/lib/ids.server";
import { orgInfo } from "#app/features/accounts/org-names.server";
import type { ReportLifecycle, ReportMilestone } from "#reports/types";
import { agreementLifecycle } from "./lifecycle.server";
import { registerOfStored } from "./register";

/**
 * The agreement report's data on the agreement's life after signature, as
 * of `now` (the report's generation time): the same register (buildRegister),
 * states and overdue days as the After signature tab shows at that moment.
 * Compelled disclosures still under a bar on notice (noticeGivenAt null)
 * are left out: nothing of them may reach the recipient or the disclosing party.
 */
export async function lifecycleReportData(
  agreementId: Types.ObjectId,
  now: Date,
  language = "en",
): Promise<ReportLifecycle> {
  const [life, milestones, requests, disclosures, audits, findings] = await Promise.all([
    agreementLifecycle(agreementId, now),
    Milestone.find({ agreementId }).lean<MilestoneData[]>(),
    DestructionRequest.find({ agreementId }).lean<DestructionRequestData[]>(),
    CompelledDisclosure.find({ agreementId, noticeGivenAt: trusted({ $ne: null }) }).lean(),
    SupplierAudit.find({ agreementId }).lean(),
    AuditFinding.find({ agreementId }).lean(),
  ]);
  const names = await orgInfo([
    ...requests.map((r) => r.supplierOrgId),
    ...disclosures.map((d) => d.supplierOrgId),
    ...audits.flatMap((a) => [a.supplierOrgId, a.auditorOrgId]),
  ]);
  const nameOf = (id: unknown) => names.get(String(id))?.name ?? "";

  const byMilestone = new Map<string, DestructionRequestData[]>();
  for (const r of requests) byMilestone.set(r.milestoneId, [...(byMilestone.get(r.milestoneId) ?? []), r]);
  const sorted = [...milestones].sort(
    (a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || a._id.localeCompare(b._id),
  );
  const reportMilestones: ReportMilestone[] = sorted.map((m) => {
    const own = byMilestone.get(m._id) ?? [];
    const stored = new Map(own.map((r) => [r._id, r]));
    const register = registerOfStored(own, now);
    return {
      kind: m.kind,
      phaseName: m.phaseName,
      effectiveDate: m.effectiveDate,
      dueDate: m.dueDate,
      certificateRequired: m.certificateRequired,
      holders: register.holders,
      complete: register.complete,
      overdue: register.overdue,
      rows: register.rows.map((row) => {
        const c = stored.get(row.id)?.certification ?? null;
        return {
          supplierName: nameOf(row.supplierId),
          tier: row.tier,
          depth: row.depth,
          state: row.state,
          overdueDays: row.overdueDays,
          certifiedOn: c?.signedOn ?? null,
          signer: c ? { name: c.signedByName, title: c.signedByTitle } : null,
          entries: (c?.entries ?? []).map((e) => ({
            infoClass: e.infoClass,
            disposition: e.disposition,
            method: e.method,
            standard: e.standard,
            completedOn: e.completedOn,
          })),
          certificateFileName: c?.certificateFileName ?? null,
        };
      }),
    };
  });

  return {
    state: life.state,
    end: life.end
      ? {
          kind: life.end.kind,
          effectiveDate: life.end.effectiveDate,
          survivalEnds: life.end.survivalEnds,
          recordedByName: life.end.recordedByName,
          note: life.end.note,
        }
      : null,
    milestones: reportMilestones,
    disclosures: disclosures
      .sort((a, b) => new Date(a.reportedAt).getTime() - new Date(b.reportedAt).getTime())
      .map((d) => ({
        supplierName: nameOf(d.supplierOrgId),
        authority: d.authority,
        jurisdiction: countryName(d.jurisdiction, language),
        receivedOn: d.receivedOn,
        complyBy: d.complyBy,
        noticeDays: d.notice.noticeDays,
        requiredDays: d.notice.requiredDays,
        verdict: d.notice.verdict,
      })),
    audits: audits
      .sort((a, b) => a.scheduledFor.localeCompare(b.scheduledFor))
      .map((a) => ({
        supplierName: nameOf(a.supplierOrgId),
        auditorName: nameOf(a.auditorOrgId),
        scheduledFor: a.scheduledFor,
        completedOn: a.completedOn,
        status: a.status,
        outcome: a.outcome,
        findings: findings
          .filter((f) => String(f.auditId) === String(a._id))
          .sort((x, y) => x.dueDate.localeCompare(y.dueDate))
          .map((f) => ({
            requirementId: f.requirementId,
            severity: f.severity,
            description: f.description,
            dueDate: f.dueDate,
            status: f.status,
          })),
      })),
  };
}
