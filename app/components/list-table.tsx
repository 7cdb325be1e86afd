import { useT } from "#app/i18n/react";
import type { HTMLAttributes, Key, ReactNode, TableHTMLAttributes, ThHTMLAttributes } from "react";

export interface Column<Row> {
  header: ReactNode;
  /** attributes of the column's header cell (e.g. `aria-sort`, which belongs on the header, not on a link inside it) */
  headerProps?: ThHTMLAttributes<HTMLTableHeaderCellElement>;
  cell: (row: Row) => ReactNode;
  /** class of the column's cells */
  className?: string;
  /** attributes of each cell beyond its class (e.g. a data-testid) */
  cellProps?: HTMLAttributes<HTMLTableCellElement> & Record<`data-${string}`, string>;
}

type TableProps = Omit<TableHTMLAttributes<HTMLTableElement>, "children"> & Record<`data-${string}`, string>;
type RowProps = HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string>;

/**
 * A list as a data table: one row per item, one cell per column. With
 * `empty`, an empty list shows that message instead of the table.
 *
 * The table sits in its own scrolling box, so a table wider than a phone
 * scrolls sideways inside it (its first column fixed, see app.css) instead of
 * widening the page. The box is a named region in the tab order so that a
 * keyboard can scroll it, named by `label` (by default "Table": a name
 * built from the columns or the table's own name would also match the
 * fields and tables that tests and assistive technology find by those words).
 */
export function ListTable<Row>({
  rows,
  columns,
  rowKey,
  rowProps,
  empty,
  emptyClassName = "empty",
  className = "data",
  label,
  ...tableProps
}: {
  rows: readonly Row[];
  columns: readonly (Column<Row> | false | null | undefined)[];
  rowKey: (row: Row, index: number) => Key;
  rowProps?: (row: Row) => RowProps;
  empty?: ReactNode;
  emptyClassName?: string;
  /** the name of the table's scrolling box */
  label?: string;
} & TableProps) {
  const t = useT();
  if (empty !== undefined && rows.length === 0) return <p className={emptyClassName}>{empty}</p>;
  const shown = columns.filter((c): c is Column<Row> => Boolean(c));
  return (
    <div
      className="table-scroll"
      role="region"
      tabIndex={0}
      aria-label={label ?? t("dashboard.components.listTable.label")}
      hidden={tableProps.hidden}
    >
      <table className={className} {...tableProps}>
        <thead>
          <tr>
            {shown.map((c, i) => (
              <th key={i} {...c.headerProps}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={rowKey(row, index)} {...rowProps?.(row)}>
              {shown.map((c, i) => (
                <td key={i} className={c.className} {...c.cellProps}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
