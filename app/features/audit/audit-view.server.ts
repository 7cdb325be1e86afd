import { AuditEvent } from "#models/audit-event.server";
import type { AuditRow } from "./audit-table";

/** Audit entries about the given targets, newest first (each target read by its index). */
export async function auditRowsFor(targets: { type: string; id: string }[], limit = 500): Promise<AuditRow[]> {
  const rows: AuditRow[] = [];
  for (const t of targets.slice(0, 200)) {
    const events = await AuditEvent.find({ targetType: t.type, targetId: t.id }).sort({ seq: -1 }).limit(limit).lean();
    for (const e of events)
      rows.push({
        seq: e.seq,
        at: new Date(e.at).toISOString(),
        action: e.action,
        actor: e.actorEmail ?? "",
        details: e.details ?? {},
        ip: e.ip ?? "",
      });
  }
  return rows.sort((a, b) => b.seq - a.seq).slice(0, limit);
}

/** The newest entries of the whole trail, for the operator. */
export async function latestAuditRows(limit = 100): Promise<AuditRow[]> {
  const events = await AuditEvent.find({}).sort({ seq: -1 }).limit(limit).lean();
  return events.map((e) => ({
    seq: e.seq,
    at: new Date(e.at).toISOString(),
    action: e.action,
    actor: e.actorEmail ?? "",
    details: e.details ?? {},
    ip: e.ip ?? "",
  }));
}
