"use client";

import type { ReactNode } from "react";
import {
  type DotItemDotProps,
  Line,
  LineChart,
  LineDrawShape,
  type LineDrawShapeProps,
  XAxis,
  YAxis,
} from "recharts";
import { finiteOrNull, isolatedIndices } from "./chart-parts";
import { chartFontFamily, palette } from "./palette";

export interface SparklinePoint {
  quarter: string;
  value: number | null;
}

export interface SparklineProps {
  /** In display order (oldest first). */
  points: SparklinePoint[];
  /** Accessible name; the first and last values are appended to it. */
  label: string;
  /** Formats values in the accessible name; default `String`. */
  formatValue?: (v: number) => string;
  /** Formats quarters in the accessible name; default as given. */
  formatQuarter?: (q: string) => string;
  /** Omit to fill the container's width. */
  width?: number;
  /** Default 32. */
  height?: number;
  color?: string;
}

const DEFAULT_HEIGHT = 32;
const MARGIN = { top: 4, right: 4, bottom: 4, left: 4 };

type Row = { quarter: string; value: number | null };

/** "label: first-quarter first-value – last-quarter last-value", or just the one value. */
export function sparklineDescription(
  label: string,
  points: readonly SparklinePoint[],
  formatValue: (v: number) => string = String,
  formatQuarter: (q: string) => string = (q) => q,
): string {
  const present = points.filter((p): p is Row & { value: number } => finiteOrNull(p.value) !== null);
  const first = present[0];
  const last = present[present.length - 1];
  if (!first || !last) return `${label}: —`;
  const describe = (p: { quarter: string; value: number }) =>
    `${formatQuarter(p.quarter)} ${formatValue(p.value)}`;
  return first === last ? `${label}: ${describe(first)}` : `${label}: ${describe(first)} – ${describe(last)}`;
}

export function Sparkline({
  points,
  label,
  formatValue,
  formatQuarter,
  width,
  height = DEFAULT_HEIGHT,
  color = palette[0],
}: SparklineProps) {
  const rows: Row[] = points.map((p) => ({ quarter: p.quarter, value: finiteOrNull(p.value) }));
  const present = rows.filter((r) => r.value !== null).length;
  const description = sparklineDescription(label, points, formatValue, formatQuarter);

  if (present === 0) {
    return (
      <span
        data-testid="sparkline"
        data-points={0}
        className="sparkline-empty"
        title={label}
        role="img"
        aria-label={description}
        style={{
          display: "inline-flex",
          alignItems: "center",
          justifyContent: "center",
          width: width ?? "100%",
          height,
          color: "#555",
          fontFamily: chartFontFamily,
        }}
      >
        —
      </span>
    );
  }

  let lastIndex = -1;
  rows.forEach((r, i) => {
    if (r.value !== null) lastIndex = i;
  });
  // A value between two gaps has no line segment; give it a small dot so it does not vanish.
  const isolated = new Set(isolatedIndices(rows, (r) => r.value !== null));

  const dot = (props: DotItemDotProps): ReactNode => {
    const { cx, cy, index } = props;
    if (cx === undefined || cy === undefined || props.value === null || props.value === undefined)
      return null;
    if (index === lastIndex) {
      return (
        <circle
          className="sparkline-dot"
          data-quarter={rows[index]?.quarter}
          cx={cx}
          cy={cy}
          r={2.5}
          fill={color}
        />
      );
    }
    if (isolated.has(index)) {
      return (
        <circle
          className="sparkline-isolated"
          data-quarter={rows[index]?.quarter}
          cx={cx}
          cy={cy}
          r={1.5}
          fill={color}
        />
      );
    }
    return null;
  };

  return (
    <div
      data-testid="sparkline"
      data-points={present}
      style={{ width: width ?? "100%", height, lineHeight: 0 }}
    >
      <LineChart
        data={rows}
        responsive={width === undefined}
        width={width}
        height={height}
        margin={MARGIN}
        role="img"
        aria-label={description}
        // No tooltip or keyboard focus: a sparkline is a glance; the card carries the numbers.
        accessibilityLayer={false}
      >
        <XAxis dataKey="quarter" hide />
        <YAxis hide domain={["dataMin", "dataMax"]} />
        <Line
          dataKey="value"
          stroke={color}
          strokeWidth={1.5}
          connectNulls={false}
          isAnimationActive={false}
          activeDot={false}
          dot={dot}
          shape={(props: LineDrawShapeProps) => (
            <LineDrawShape {...props} className="recharts-line-curve sparkline-line" />
          )}
        />
      </LineChart>
    </div>
  );
}
