"use client";

import { estimateTextWidth, MISSING } from "./chart-utils";
import { EmptyChart } from "./empty-chart";
import { chartFontFamily, neutralColor, palette } from "./palette";
import { useContainerWidth } from "./use-container-width";

export type ZoneRankingDatum = { key: string; label: string; value: number | null };

export type ZoneRankingProps = {
  data: ReadonlyArray<ZoneRankingDatum>;
  /** Which end of the scale is better; decides the sort so the best zone is always on top. */
  direction: "higher" | "lower";
  unit: string;
  formatValue: (value: number) => string;
  /** Zone to emphasise (e.g. the one the user is looking at); the other bars recede to grey. */
  highlightKey?: string;
  /** Used as the accessible name of the chart. */
  title: string;
  emptyMessage: string;
  /** Omit to fill the container's width. */
  width?: number;
  /** Omit to size by the number of zones. */
  height?: number;
};

type Row = ZoneRankingDatum & { formatted: string | null };

const ROW_HEIGHT = 32;
const BAR_HEIGHT = 24;
const MARGIN = { top: 8, right: 8, bottom: 8, left: 8 };
/** Zone names and values: the page's 16 px, as Recharts inherited it. */
const FONT_SIZE = 16;
/** Between a zone's name and the axis, and between a bar's end and its value. */
const LABEL_GAP = 6;
const VALUE_GAP = 5;
/** Narrowest plot area: on a very small screen the bars keep at least this much room. */
const MIN_PLOT = 48;
/** The width drawn before the browser has measured the container (server render, first paint). */
const FALLBACK_WIDTH = 640;
const highlightColor = palette[0];
const axisColor = "#666";

/** Best first; zones without a value go last, in their input order, since they have no rank. */
function rankRows(
  data: ReadonlyArray<ZoneRankingDatum>,
  direction: ZoneRankingProps["direction"],
): ZoneRankingDatum[] {
  const sign = direction === "higher" ? -1 : 1;
  return [...data].sort((a, b) => {
    if (a.value === null || b.value === null) return (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0);
    return sign * (a.value - b.value);
  });
}

/**
 * Zones ranked by one indicator as horizontal bars, best on top, each with its value at the bar's end. Plain
 * SVG (no chart library), so pages that show only this chart load none: drawn on the server at a standard
 * width, then at the container's own width as soon as the browser has measured it.
 */
export function ZoneRanking({
  data,
  direction,
  unit,
  formatValue,
  highlightKey,
  title,
  emptyMessage,
  width,
  height,
}: ZoneRankingProps) {
  const { ref, measured } = useContainerWidth(width);
  const rows: Row[] = rankRows(data, direction).map((d) => ({
    ...d,
    formatted: d.value === null ? null : formatValue(d.value),
  }));
  const points = rows.filter((r) => r.value !== null).length;
  const chartHeight = height ?? Math.max(rows.length, 1) * ROW_HEIGHT + MARGIN.top + MARGIN.bottom;

  if (points === 0) {
    return (
      <EmptyChart
        testId="zone-ranking"
        className="zone-ranking-empty"
        message={emptyMessage}
        width={width}
        height={height ?? 160}
      />
    );
  }

  const chartWidth = width ?? measured ?? FALLBACK_WIDTH;
  const rowHeight = (chartHeight - MARGIN.top - MARGIN.bottom) / Math.max(rows.length, 1);
  const barHeight = Math.min(BAR_HEIGHT, rowHeight * 0.8);
  const labelWidth = Math.max(...rows.map((r) => estimateTextWidth(r.label, FONT_SIZE))) + LABEL_GAP;
  const valueWidth =
    Math.max(...rows.map((r) => estimateTextWidth(r.formatted ?? "", FONT_SIZE))) + VALUE_GAP;
  const plotLeft = MARGIN.left + labelWidth;
  const plotRight = Math.max(chartWidth - MARGIN.right - valueWidth, plotLeft + MIN_PLOT);

  const values = rows.flatMap((r) => (r.value === null ? [] : [r.value]));
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const span = high - low || 1;
  const x = (value: number) => plotLeft + ((value - low) / span) * (plotRight - plotLeft);
  const zero = x(0);
  const round = (n: number) => Math.round(n * 10) / 10;

  return (
    // SVG <text> inherits font-family through CSS, so setting it here covers the names and values.
    <div
      ref={ref}
      data-testid="zone-ranking"
      data-points={points}
      style={{ width: width ?? "100%", fontFamily: chartFontFamily }}
    >
      <svg
        role="img"
        aria-label={title}
        // Until the container is measured the drawing scales to the box, left-aligned.
        width={width ?? measured ?? "100%"}
        height={chartHeight}
        viewBox={`0 0 ${chartWidth} ${chartHeight}`}
        preserveAspectRatio="xMinYMin meet"
        fontSize={FONT_SIZE}
        style={{ display: "block", overflow: "visible" }}
      >
        <line
          className="zone-ranking-axis"
          x1={plotLeft}
          x2={plotLeft}
          y1={MARGIN.top}
          y2={chartHeight - MARGIN.bottom}
          stroke={axisColor}
        />
        {rows.map((row, i) => {
          const middle = round(MARGIN.top + (i + 0.5) * rowHeight);
          const label = (
            <text
              className="zone-ranking-label"
              x={plotLeft - LABEL_GAP}
              y={middle}
              dy="0.355em"
              textAnchor="end"
              fill={axisColor}
            >
              {row.label}
            </text>
          );
          if (row.value === null) {
            return (
              <g key={row.key} data-key={row.key}>
                {label}
              </g>
            );
          }
          const end = x(row.value);
          // A zero value would otherwise be a zero-width bar; a negative one grows leftwards from zero.
          let left = Math.min(zero, end);
          let barWidth = Math.abs(end - zero);
          if (barWidth < 2) {
            barWidth = 2;
            if (row.value < 0) left = zero - 2;
          }
          // Past the bar's right end; for a negative bar that is the zero line, inside the plot, rather
          // than past its left end where the value would run into the zone names.
          const valueX = Math.max(end, zero) + VALUE_GAP;
          return (
            <g key={row.key} data-key={row.key}>
              <title>{`${row.label}: ${row.formatted ?? MISSING} ${unit}`.trim()}</title>
              {label}
              <rect
                className="zone-ranking-bar"
                data-key={row.key}
                x={round(left)}
                y={round(middle - barHeight / 2)}
                width={round(barWidth)}
                height={round(barHeight)}
                fill={highlightKey === undefined || row.key === highlightKey ? highlightColor : neutralColor}
              />
              <text
                className="zone-ranking-value"
                x={round(valueX)}
                y={middle}
                dy="0.355em"
                textAnchor="start"
                fill="#333"
              >
                {row.formatted}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
