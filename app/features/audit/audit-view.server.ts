import { AuditEvent, verifyAuditChain, type AuditEventData } from "#models/audit-event.server";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { requireAgreement } from "#app/features/agreements/agreement-access.server";
import { agreementRows } from "#app/features/assessments/read-model.server";
import type { AuditRow } from "./audit-table";

/** One audit event as the audit tables show it. */
function auditRow(e: AuditEventData): AuditRow {
  return {
    seq: e.seq,
    at: new Date(e.at).toISOString(),
    action: e.action,
    actor: e.actorEmail ?? "",
    details: e.details ?? {},
    ip: e.ip ?? "",
  };
}

/** Audit entries about the given targets, newest first (each target read by its index). */
export async function auditRowsFor(targets: { type: string; id: string }[], limit = 500): Promise<AuditRow[]> {
  const rows: AuditRow[] = [];
  for (const t of targets.slice(0, 200)) {
    const events = await AuditEvent.find({ targetType: t.type, targetId: t.id }).sort({ seq: -1 }).limit(limit).lean();
    rows.push(...events.map(auditRow));
  }
  return rows.sort((a, b) => b.seq - a.seq).slice(0, limit);
}

/** The newest entries of the whole trail, for the operator. */
export async function latestAuditRows(limit = 100): Promise<AuditRow[]> {
  const events = await AuditEvent.find({}).sort({ seq: -1 }).limit(limit).lean();
  return events.map(auditRow);
}

/** An agreement's audit trail with that of its assessments. */
export async function agreementAuditTrail(user: CurrentUser, id: string | undefined) {
  const agreement = await requireAgreement(user, id);
  const assessments = await agreementRows(String(agreement.recipientOrgId), String(agreement._id));
  const rows = await auditRowsFor([
    { type: "agreement", id: String(agreement._id) },
    ...assessments.map((a) => ({ type: "assessment", id: a.id })),
  ]);
  return { id: String(agreement._id), reference: agreement.reference, rows };
}

/** A broken trail can report one problem per entry; the page lists the first ones and counts the rest. */
const SHOWN_PROBLEMS = 50;

/** The operator's view: the whole chain verified, and its newest entries. */
export async function verifiedAuditTrail(latest: number) {
  const [verification, rows] = await Promise.all([verifyAuditChain(), latestAuditRows(latest)]);
  return {
    verification: {
      ok: verification.ok,
      checked: verification.checked,
      problems: verification.problems.slice(0, SHOWN_PROBLEMS),
      moreProblems: Math.max(0, verification.problems.length - SHOWN_PROBLEMS),
    },
    checkedAt: new Date().toISOString(),
    rows,
  };
}
