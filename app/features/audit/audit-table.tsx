import { ListTable } from "#app/components/list-table";

export interface AuditRow {
  seq: number;
  at: string;
  action: string;
  actor: string;
  details: Record<string, string>;
  ip: string;
}

/** The audit trail as recorded: append-only entries, newest first. */
export function AuditTable({ rows }: { rows: AuditRow[] }) {
  return (
    <ListTable
      data-testid="audit-trail"
      rows={rows}
      rowKey={(r) => r.seq}
      empty="No entries yet."
      columns={[
        { header: "#", cell: (r) => r.seq },
        { header: "When (UTC)", className: "nowrap", cell: (r) => r.at.slice(0, 19).replace("T", " ") },
        { header: "What", cell: (r) => <code>{r.action}</code> },
        { header: "Who", cell: (r) => r.actor || <span className="muted">system</span> },
        {
          header: "Details",
          className: "small wrap-anywhere",
          cell: (r) =>
            Object.entries(r.details)
              .map(([k, v]) => `${k}: ${v}`)
              .join(" · "),
        },
        { header: "From", className: "small muted", cell: (r) => r.ip },
      ]}
    />
  );
}
