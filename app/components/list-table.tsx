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
 */
export function ListTable<Row>({
  rows,
  columns,
  rowKey,
  rowProps,
  empty,
  emptyClassName = "empty",
  className = "data",
  ...tableProps
}: {
  rows: readonly Row[];
  columns: readonly (Column<Row> | false | null | undefined)[];
  rowKey: (row: Row, index: number) => Key;
  rowProps?: (row: Row) => RowProps;
  empty?: ReactNode;
  emptyClassName?: string;
} & TableProps) {
  if (empty !== undefined && rows.length === 0) return <p className={emptyClassName}>{empty}</p>;
  const shown = columns.filter((c): c is Column<Row> => Boolean(c));
  return (
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
  );
}
