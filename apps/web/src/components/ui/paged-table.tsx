import type { ReactNode } from "react";

import { Pager, type PagerProps } from "./pager";
import { TableScroll } from "./table-scroll";

/** One page of a list as a table (scrolling sideways when narrow), with a row saying so when it is empty. */
export function PagedTable({
  className,
  testId,
  caption,
  head,
  columns,
  empty,
  pager,
  children,
}: {
  /** Classes besides `data-table`. */
  className?: string;
  testId: string;
  caption: string;
  /** The column headers (cells of one row). */
  head: ReactNode;
  /** How many columns the empty row spans. */
  columns: number;
  /** What the empty row says; null while the page has rows. */
  empty: ReactNode | null;
  pager: PagerProps;
  children: ReactNode;
}) {
  return (
    <>
      <TableScroll label={caption}>
        <table className={className ? `data-table ${className}` : "data-table"} data-testid={testId}>
          <caption>{caption}</caption>
          <thead>
            <tr>{head}</tr>
          </thead>
          <tbody>
            {empty !== null && (
              <tr>
                <td colSpan={columns} className="table-empty">
                  {empty}
                </td>
              </tr>
            )}
            {children}
          </tbody>
        </table>
      </TableScroll>
      <Pager {...pager} />
    </>
  );
}
