import { ListTable } from "#app/components/list-table";
import { useT } from "#app/i18n/react";
import type { PreviewRow, RowOutcome } from "./supplier-import.server";

type Row = Omit<PreviewRow, "input"> & { input?: unknown };

const TONE: Record<RowOutcome, string> = { create: "ok", link: "info", yours: "none", error: "bad" };

/** The rows of an uploaded supplier list, each with what importing it would do or what is wrong with it. */
export function ImportPreviewTable({ rows }: { rows: readonly Row[] }) {
  const t = useT();
  return (
    <ListTable
      label={t("directory.import.previewLabel")}
      data-testid="import-preview"
      rows={rows}
      rowKey={(r) => r.line}
      rowProps={(r) => ({ "data-outcome": r.outcome })}
      columns={[
        { header: t("directory.import.column.line"), cell: (r) => r.line },
        {
          header: t("directory.import.column.name"),
          cell: (r) => r.cells.name || <span className="muted">{t("directory.import.emptyCell")}</span>,
        },
        { header: t("directory.column.country"), cell: (r) => r.cells.country },
        { header: t("directory.column.registrationNumber"), cell: (r) => r.cells.registrationNumber },
        { header: t("directory.import.column.contactEmail"), cell: (r) => r.cells.contactEmail },
        { header: t("directory.column.service"), cell: (r) => r.cells.service },
        {
          header: t("directory.import.column.import"),
          cell: (r) => (
            <>
              <span className={`badge ${TONE[r.outcome]}`}>{t(`directory.import.outcome.${r.outcome}`)}</span>
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
