"use client";

import type { ReactNode } from "react";
import { type DotItemDotProps, Line, LineDrawShape, type LineDrawShapeProps } from "recharts";
import { diamondPath, stillMarks } from "./chart-utils";
import type { PointStatus } from "./trend-series";

/**
 * A zone's values as a line with a marker at every value: a quarter between two gaps has no line
 * segment to show it.
 */
export function StatusLine({
  dataKey,
  name,
  seriesKey,
  color,
  strokeWidth,
  dash,
  lineClassName,
  dotClassName,
  statusOf,
}: {
  dataKey: string;
  name: string;
  seriesKey: string;
  color: string;
  strokeWidth: number;
  dash?: string | undefined;
  lineClassName: string;
  dotClassName: string;
  statusOf: (quarter: string) => PointStatus | undefined;
}) {
  return (
    <Line
      dataKey={dataKey}
      name={name}
      data-key={seriesKey}
      stroke={color}
      strokeWidth={strokeWidth}
      strokeDasharray={dash}
      connectNulls={false}
      legendType="none"
      {...stillMarks}
      shape={(props: LineDrawShapeProps) => (
        <LineDrawShape {...props} className={`recharts-line-curve ${lineClassName}`} />
      )}
      dot={statusDot({ className: dotClassName, seriesKey, color, statusOf })}
      activeDot={{ r: 5, stroke: "#fff", strokeWidth: 2 }}
    />
  );
}

/**
 * A Recharts `dot` renderer: a filled circle for approved data, a hollow circle for provisional
 * (submitted, not yet approved) data and a hollow diamond for revised data, so status is carried
 * by shape and fill, not by colour. Nothing for gaps.
 */
function statusDot({
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
