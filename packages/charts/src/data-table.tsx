import type { CSSProperties } from "react";
import { MISSING } from "./chart-utils";
import type { ChartTable } from "./table-export";

const tableCell: CSSProperties = { padding: "4px 8px", borderBottom: "1px solid #e5e5e5" };

/** The chart's numbers as a plain table; the first column heads each row. */
export function DataTable({
  title,
  table,
  formatCell,
}: {
  title: string;
  table: ChartTable;
  formatCell: (value: number, columnIndex: number) => string;
}) {
  const show = (cell: string | number | null, column: number) =>
    cell === null || (typeof cell === "number" && !Number.isFinite(cell))
      ? MISSING
      : typeof cell === "number"
        ? formatCell(cell, column)
        : cell;
  return (
    <table style={{ borderCollapse: "collapse", marginTop: 4, fontVariantNumeric: "tabular-nums" }}>
      <caption style={{ textAlign: "left", fontWeight: 600, padding: "4px 0" }}>{title}</caption>
      <thead>
        <tr>
          {table.columns.map((column, c) => (
            <th
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional; two may share a name.
              key={c}
              scope="col"
              style={{ ...tableCell, textAlign: c === 0 ? "left" : "right" }}
            >
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, r) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their position.
          <tr key={r}>
            {row.map((cell, c) =>
              c === 0 ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                <th key={c} scope="row" style={{ ...tableCell, textAlign: "left", fontWeight: 400 }}>
                  {show(cell, c)}
                </th>
              ) : (
                <td
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                  key={c}
                  style={{ ...tableCell, textAlign: typeof cell === "number" ? "right" : "left" }}
                >
                  {show(cell, c)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
