"use client";

import type { ReactNode } from "react";
import {
  Area,
  DefaultZIndexes,
  Line,
  LineDrawShape,
  type LineDrawShapeProps,
  usePlotArea,
  useXAxisScale,
  useYAxisScale,
  ZIndexLayer,
} from "recharts";
import { isolatedIndices, stillMarks } from "./chart-utils";

/*
 * The reference drawn behind a zone's values: a shaded range per quarter and its median line. An area
 * between low and high cannot show a quarter whose neighbours are gaps (it has no width), and a line
 * cannot show a lone median, so such quarters get a short bar and a short tick, the way a box plot would:
 * a band with a single quarter of data is still visible.
 */

type Range = [number, number] | null;

/** A reference is not bridged over gaps, not highlighted under the pointer, and listed in our own legend. */
const referenceSeries = { connectNulls: false, activeDot: false, legendType: "none", ...stillMarks } as const;

/** The range each row holds under `dataKey`, shaded. */
export function RangeArea<K extends string>({
  rows,
  dataKey,
  className,
  name,
  fill,
  fillOpacity = 1,
}: {
  rows: readonly ({ quarter: string } & Record<K, Range>)[];
  dataKey: K;
  className: string;
  name: string | undefined;
  fill: string;
  fillOpacity?: number;
}) {
  return (
    <>
      <Area
        dataKey={dataKey}
        className={className}
        name={name}
        fill={fill}
        fillOpacity={fillOpacity}
        stroke="none"
        {...referenceSeries}
      />
      <IsolatedMarks
        rows={rows}
        valueAt={(r): Range => r[dataKey]}
        zIndex={DefaultZIndexes.area}
        mark={([low, high], quarter, { cx, width, y }) => {
          const top = y(high);
          const bottom = y(low);
          if (top === undefined || bottom === undefined) return null;
          return (
            <rect
              key={quarter}
              className={className}
              data-quarter={quarter}
              x={cx - width / 2}
              y={top}
              width={width}
              // A zero-width range (low = high) still gets a hairline so it does not vanish.
              height={Math.max(bottom - top, 1)}
              fill={fill}
              fillOpacity={fillOpacity}
            />
          );
        }}
      />
    </>
  );
}

/** The median each row holds, as a line. */
export function MedianLine({
  rows,
  className,
  name,
  stroke,
  dash,
  markStrokeWidth,
  zIndex,
}: {
  rows: readonly { quarter: string; median: number | null }[];
  className: string;
  name: string | undefined;
  stroke: string;
  dash?: string;
  /** Of the ticks standing in for isolated medians; the line itself is 1.5 px. */
  markStrokeWidth: number;
  zIndex?: number;
}) {
  return (
    <>
      <Line
        dataKey="median"
        name={name}
        stroke={stroke}
        strokeWidth={1.5}
        strokeDasharray={dash}
        dot={false}
        {...referenceSeries}
        zIndex={zIndex}
        shape={(props: LineDrawShapeProps) => (
          <LineDrawShape {...props} className={`recharts-line-curve ${className}`} />
        )}
      />
      <IsolatedMarks
        rows={rows}
        valueAt={(r) => r.median}
        zIndex={DefaultZIndexes.line}
        widen={4}
        mark={(median, quarter, { cx, width, y }) => {
          const cy = y(median);
          if (cy === undefined) return null;
          return (
            <line
              key={quarter}
              className={className}
              data-quarter={quarter}
              x1={cx - width / 2}
              x2={cx + width / 2}
              y1={cy}
              y2={cy}
              stroke={stroke}
              strokeWidth={markStrokeWidth}
              strokeDasharray={dash}
            />
          );
        }}
      />
    </>
  );
}

type MarkPlace = { cx: number; width: number; y: (value: number) => number | undefined };

/** Draws `mark` at each quarter whose value has gaps (or the axis's end) on both sides. */
function IsolatedMarks<Row extends { quarter: string }, Value>({
  rows,
  valueAt,
  zIndex,
  widen = 0,
  mark,
}: {
  rows: readonly Row[];
  valueAt: (row: Row) => Value | null;
  zIndex: number;
  /** Pixels added to the mark's width. */
  widen?: number;
  mark: (value: Value, quarter: string, place: MarkPlace) => ReactNode;
}) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const plot = usePlotArea();
  if (!x || !y || !plot) return null;
  // Half a quarter's width, within 6–16 px.
  const width = Math.max(6, Math.min(16, (plot.width / Math.max(rows.length, 1)) * 0.5)) + widen;
  const marks = isolatedIndices(rows, (r) => valueAt(r) !== null).map((i) => {
    const row = rows[i];
    const value = row && valueAt(row);
    const cx = row && x(row.quarter);
    if (!row || value === null || value === undefined || cx === undefined) return null;
    return mark(value, row.quarter, { cx, width, y: (v) => y(v) });
  });
  return <ZIndexLayer zIndex={zIndex}>{marks}</ZIndexLayer>;
}
