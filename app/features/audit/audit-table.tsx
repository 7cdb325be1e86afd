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
  if (!rows.length) return <p className="empty">No entries yet.</p>;
  return (
    <table className="data" data-testid="audit-trail">
      <thead>
        <tr>
          <th>#</th>
          <th>When (UTC)</th>
          <th>What</th>
          <th>Who</th>
          <th>Details</th>
          <th>From</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.seq}>
            <td>{r.seq}</td>
            <td className="nowrap">{r.at.slice(0, 19).replace("T", " ")}</td>
            <td>
              <code>{r.action}</code>
            </td>
            <td>{r.actor || <span className="muted">system</span>}</td>
            <td className="small wrap-anywhere">
              {Object.entries(r.details)
                .map(([k, v]) => `${k}: ${v}`)
                .join(" · ")}
            </td>
            <td className="small muted">{r.ip}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
