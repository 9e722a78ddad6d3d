import type { ReactNode } from "react";
import { chartClass } from "./chart-classes";
import { blueForRank, chartFontFamily, sequentialBlues, textColorOn } from "./palette";

export interface HeatZone {
  key: string;
  label: string;
  href?: string;
}

export interface HeatColumn {
  key: string;
  label: string;
  unit: string;
  href?: string;
}

export interface HeatCell {
  zoneKey: string;
  columnKey: string;
  value: number | null;
  /** The value as it should be read, e.g. "1,929.50亿元". */
  formatted: string;
  /** Rank among zones in 0..1 with 1 = best, already adjusted for the indicator's direction. */
  percentile: number | null;
}

export interface PercentileHeatTableProps {
  caption: string;
  /** Rows, in display order. */
  zones: HeatZone[];
  /** Columns, in display order. */
  columns: HeatColumn[];
  /** A zone/column pair without a cell is shown as missing. */
  cells: HeatCell[];
  /** Screen-reader text for a cell's rank, given the 0..1 percentile, e.g. p => `百分位 ${Math.round(p * 100)}`. */
  percentileLabel: (p: number) => string;
  /** Shown in cells without a value. */
  missingLabel: string;
  legend: { low: string; high: string };
}

function clampRank(p: number | null): number | null {
  return p === null || !Number.isFinite(p) ? null : Math.min(1, Math.max(0, p));
}

function maybeLink(label: string, href: string | undefined): ReactNode {
  return href ? <a href={href}>{label}</a> : label;
}

export function PercentileHeatTable({
  caption,
  zones,
  columns,
  cells,
  percentileLabel,
  missingLabel,
  legend,
}: PercentileHeatTableProps) {
  const byPair = new Map(cells.map((c) => [`${c.zoneKey}\u0000${c.columnKey}`, c]));

  if (zones.length === 0 || columns.length === 0) {
    // No rows or no columns would leave an empty frame; say there is nothing instead.
    return (
      <div data-testid="percentile-heat-table" data-cells={0} style={{ fontFamily: chartFontFamily }}>
        <div style={{ fontWeight: 600, fontSize: 13, padding: "0 0 6px" }}>{caption}</div>
        <p
          className="heat-empty"
          style={{ margin: 0, padding: 16, border: "1px dashed #bbb", borderRadius: 4, color: "#555" }}
        >
          {missingLabel}
        </p>
      </div>
    );
  }

  return (
    <div
      data-testid="percentile-heat-table"
      data-cells={zones.length * columns.length}
      style={{ fontFamily: chartFontFamily }}
    >
      {/* Twelve zones by many indicators overflows a phone; scroll the table, not the page. A scrolling box
          takes the focus, so a keyboard scrolls it too, and is named by the table's caption. */}
      <section
        aria-label={caption}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes the focus to be scrolled by keyboard (axe scrollable-region-focusable).
        tabIndex={0}
        style={{ overflowX: "auto", position: "relative" }}
      >
        <table
          className={chartClass.heatTable}
          style={{ borderCollapse: "collapse", fontSize: 13, fontVariantNumeric: "tabular-nums" }}
        >
          <caption style={{ textAlign: "left", fontWeight: 600, padding: "0 0 6px" }}>{caption}</caption>
          <thead>
            <tr>
              <td />
              {columns.map((column) => (
                <th key={column.key} scope="col">
                  {maybeLink(column.label, column.href)}
                  {column.unit !== "" && (
                    <span style={{ display: "block", fontWeight: 400, color: "#555", fontSize: 12 }}>
                      ({column.unit})
                    </span>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {zones.map((zone) => (
              <tr key={zone.key}>
                <th scope="row">{maybeLink(zone.label, zone.href)}</th>
                {columns.map((column) => {
                  const cell = byPair.get(`${zone.key}\u0000${column.key}`);
                  const hasValue = cell !== undefined && cell.value !== null && Number.isFinite(cell.value);
                  const rank = hasValue ? clampRank(cell.percentile) : null;
                  const background = rank === null ? undefined : blueForRank(rank);
                  return (
                    <td
                      key={column.key}
                      className="heat-cell"
                      data-zone={zone.key}
                      data-column={column.key}
                      data-percentile={rank ?? undefined}
                      title={rank === null ? undefined : percentileLabel(rank)}
                      style={{
                        background: background ?? "#fff",
                        color: background ? textColorOn(background) : hasValue ? "#000000" : "#555555",
                      }}
                    >
                      {hasValue ? cell.formatted : missingLabel}
                      {rank !== null && (
                        <span className={chartClass.visuallyHidden}>{` ${percentileLabel(rank)}`}</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <HeatLegend low={legend.low} high={legend.high} />
    </div>
  );
}

/** The colour scale, low to high, with its two end labels. */
function HeatLegend({ low, high }: { low: string; high: string }) {
  return (
    <div
      className="heat-legend"
      style={{ display: "flex", alignItems: "center", gap: 6, marginTop: 8, fontSize: 12, color: "#333" }}
    >
      <span>{low}</span>
      <span aria-hidden="true" style={{ display: "inline-flex", border: "1px solid #ccc" }}>
        {sequentialBlues.map((colour) => (
          <span
            key={colour}
            className="heat-legend-step"
            data-color={colour}
            style={{ display: "inline-block", width: 20, height: 12, background: colour }}
          />
        ))}
      </span>
      <span>{high}</span>
    </div>
  );
}
