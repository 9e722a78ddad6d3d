"use client";

import type { ReactNode } from "react";
import {
  DefaultZIndexes,
  type DotItemDotProps,
  usePlotArea,
  useXAxisScale,
  useYAxisScale,
  ZIndexLayer,
} from "recharts";
import { finiteOrNull, isolatedIndices, visuallyHidden } from "./chart-utils";
import { chartFontFamily } from "./palette";

// Shared with the library-free overview charts; re-exported for the Recharts ones.
export { finiteOrNull, isolatedIndices, visuallyHidden };

/** A visible message in place of the chart, so "no data" never looks like a broken blank box. */
export function EmptyChart({
  testId,
  className,
  message,
  width,
  height,
  attributes,
}: {
  testId: string;
  className: string;
  message: string;
  width: number | undefined;
  height: number;
  attributes?: Record<`data-${string}`, string | number>;
}) {
  return (
    <div
      data-testid={testId}
      data-points={0}
      {...attributes}
      className={className}
      style={{
        width: width ?? "100%",
        height,
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        border: "1px dashed #bbb",
        borderRadius: 4,
        color: "#555",
        fontFamily: chartFontFamily,
      }}
    >
      {message}
    </div>
  );
}

/** The unit, drawn inside the SVG above the value axis so it also appears in PNG exports. */
export function UnitLabel({ unit }: { unit: string }) {
  const plot = usePlotArea();
  if (!plot || unit === "") return null;
  return (
    <text
      className="chart-unit"
      x={plot.x - 4}
      y={plot.y - 10}
      textAnchor="end"
      fontSize={12}
      fill="#555"
      fontFamily={chartFontFamily}
    >
      {unit}
    </text>
  );
}

export type RangeAt = { quarter: string; low: number | null; high: number | null };

/** Width in pixels of the mark standing in for an isolated band or median point. */
function isolatedMarkWidth(quarterCount: number, plotWidth: number): number {
  return Math.max(6, Math.min(16, (plotWidth / Math.max(quarterCount, 1)) * 0.5));
}

/**
 * An area between low and high cannot show a quarter whose neighbours are gaps (it has no width),
 * and a line cannot show a lone median. These draw such quarters as a short bar and a short tick,
 * the way a box plot would, so a band with a single quarter of data is still visible.
 */
export function IsolatedBandMarks({
  ranges,
  className,
  fill,
  fillOpacity = 1,
}: {
  ranges: readonly RangeAt[];
  className: string;
  fill: string;
  fillOpacity?: number;
}) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const plot = usePlotArea();
  if (!x || !y || !plot) return null;
  const width = isolatedMarkWidth(ranges.length, plot.width);
  const marks: ReactNode[] = [];
  for (const i of isolatedIndices(ranges, (r) => r.low !== null && r.high !== null)) {
    const r = ranges[i];
    if (!r || r.low === null || r.high === null) continue;
    const cx = x(r.quarter);
    const top = y(Math.max(r.low, r.high));
    const bottom = y(Math.min(r.low, r.high));
    if (cx === undefined || top === undefined || bottom === undefined) continue;
    marks.push(
      <rect
        key={r.quarter}
        className={className}
        data-quarter={r.quarter}
        x={cx - width / 2}
        y={top}
        width={width}
        // A zero-width range (low = high) still gets a hairline so it does not vanish.
        height={Math.max(bottom - top, 1)}
        fill={fill}
        fillOpacity={fillOpacity}
      />,
    );
  }
  return <ZIndexLayer zIndex={DefaultZIndexes.area}>{marks}</ZIndexLayer>;
}

export function IsolatedMedianMarks({
  medians,
  className,
  stroke,
  strokeDasharray,
  strokeWidth,
}: {
  medians: readonly { quarter: string; value: number | null }[];
  className: string;
  stroke: string;
  strokeDasharray?: string;
  strokeWidth: number;
}) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const plot = usePlotArea();
  if (!x || !y || !plot) return null;
  const width = isolatedMarkWidth(medians.length, plot.width) + 4;
  const marks: ReactNode[] = [];
  for (const i of isolatedIndices(medians, (m) => m.value !== null)) {
    const m = medians[i];
    if (!m || m.value === null) continue;
    const cx = x(m.quarter);
    const cy = y(m.value);
    if (cx === undefined || cy === undefined) continue;
    marks.push(
      <line
        key={m.quarter}
        className={className}
        data-quarter={m.quarter}
        x1={cx - width / 2}
        x2={cx + width / 2}
        y1={cy}
        y2={cy}
        stroke={stroke}
        strokeWidth={strokeWidth}
        strokeDasharray={strokeDasharray}
      />,
    );
  }
  return <ZIndexLayer zIndex={DefaultZIndexes.line}>{marks}</ZIndexLayer>;
}

export type PointStatus = { revised?: boolean; provisional?: boolean };

function diamondPath(cx: number, cy: number, r: number): string {
  return `M${cx},${cy - r}L${cx + r},${cy}L${cx},${cy + r}L${cx - r},${cy}Z`;
}

/**
 * A Recharts `dot` renderer: a filled circle for approved data, a hollow circle for provisional
 * (submitted, not yet approved) data and a hollow diamond for revised data, so status is carried
 * by shape and fill, not by colour. Nothing for gaps.
 */
export function statusDot({
  className,
  seriesKey,
  color,
  statusOf,
}: {
  className: string;
  seriesKey: string;
  color: string;
  statusOf: (quarter: string) => PointStatus | undefined;
}) {
  return function renderStatusDot(props: DotItemDotProps): ReactNode {
    const { cx, cy, value } = props;
    if (cx === undefined || cy === undefined || value === null || value === undefined) return null;
    const quarter = String((props.payload as { quarter: string }).quarter);
    const status = statusOf(quarter);
    const common = { "data-key": seriesKey, "data-quarter": quarter, stroke: color, strokeWidth: 1.5 };
    if (status?.provisional) {
      return (
        <circle
          {...common}
          className={`${className} trend-provisional`}
          cx={cx}
          cy={cy}
          r={4}
          fill="#fff"
          strokeDasharray="2 1.5"
        />
      );
    }
    if (status?.revised) {
      return (
        <path {...common} className={`${className} trend-revision`} d={diamondPath(cx, cy, 5)} fill="#fff" />
      );
    }
    return <circle {...common} className={className} cx={cx} cy={cy} r={3} fill={color} stroke="#fff" />;
  };
}

/** Small inline icons for the HTML legends, matching the marks in the chart. */
export function LegendSwatch({
  kind,
  color,
  dash,
}: {
  kind: "line" | "band" | "revised" | "provisional";
  color: string;
  dash?: string | undefined;
}) {
  return (
    <svg width={24} height={12} viewBox="0 0 24 12" aria-hidden="true" style={{ flex: "none" }}>
      {kind === "line" && (
        <line x1={0} x2={24} y1={6} y2={6} stroke={color} strokeWidth={2} strokeDasharray={dash} />
      )}
      {kind === "band" && <rect x={0} y={1} width={24} height={10} fill={color} />}
      {kind === "revised" && <path d={diamondPath(12, 6, 5)} fill="#fff" stroke={color} strokeWidth={1.5} />}
      {kind === "provisional" && (
        <circle cx={12} cy={6} r={4} fill="#fff" stroke={color} strokeWidth={1.5} strokeDasharray="2 1.5" />
      )}
    </svg>
  );
}

export type LegendEntry = {
  key: string;
  label: string;
  kind: "line" | "band" | "revised" | "provisional";
  color: string;
  dash?: string | undefined;
};

export function ChartLegend({ entries, className }: { entries: readonly LegendEntry[]; className: string }) {
  return (
    <ul
      className={className}
      // ChartFrame draws the items marked this way under the chart in PNG exports.
      data-export-legend=""
      style={{
        listStyle: "none",
        margin: 0,
        padding: "4px 0 0",
        display: "flex",
        flexWrap: "wrap",
        justifyContent: "center",
        gap: "4px 16px",
        fontSize: 12,
        color: "#333",
        fontFamily: chartFontFamily,
      }}
    >
      {entries.map((entry) => (
        <li
          key={entry.key}
          className={`${className}-item`}
          data-kind={entry.kind}
          style={{ display: "inline-flex", alignItems: "center", gap: 4 }}
        >
          <LegendSwatch kind={entry.kind} color={entry.color} dash={entry.dash} />
          <span>{entry.label}</span>
        </li>
      ))}
    </ul>
  );
}
