import { ListTable } from "#app/components/list-table";
import type { PreviewRow, RowOutcome } from "./supplier-import.server";

type Row = Omit<PreviewRow, "input"> & { input?: unknown };

const OUTCOME: Record<RowOutcome, { label: string; tone: string }> = {
  create: { label: "new", tone: "ok" },
  link: { label: "known: will be linked", tone: "info" },
  yours: { label: "already yours", tone: "none" },
  error: { label: "error", tone: "bad" },
};

/** The rows of an uploaded supplier list, each with what importing it would do or what is wrong with it. */
export function ImportPreviewTable({ rows }: { rows: readonly Row[] }) {
  return (
    <ListTable
      label="Preview of the suppliers to import"
      data-testid="import-preview"
      rows={rows}
      rowKey={(r) => r.line}
      rowProps={(r) => ({ "data-outcome": r.outcome })}
      columns={[
        { header: "Line", cell: (r) => r.line },
        { header: "Name", cell: (r) => r.cells.name || <span className="muted">empty</span> },
        { header: "Country", cell: (r) => r.cells.country },
        { header: "Registration number", cell: (r) => r.cells.registrationNumber },
        { header: "Contact e-mail", cell: (r) => r.cells.contactEmail },
        { header: "Service", cell: (r) => r.cells.service },
        {
          header: "Import",
          cell: (r) => (
            <>
              <span className={`badge ${OUTCOME[r.outcome].tone}`}>{OUTCOME[r.outcome].label}</span>
              {r.existing ? <div className="small">{r.existing.name}</div> : null}
              {r.errors.length ? (
                <ul className="field-errors">
                  {r.errors.map((e) => (
                    <li key={e}>{e}</li>
                  ))}
                </ul>
              ) : null}
            </>
          ),
        },
      ]}
    />
  );
}
