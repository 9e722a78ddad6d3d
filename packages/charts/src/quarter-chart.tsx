"use client";

import type { ReactNode } from "react";
import { ComposedChart, Legend, Tooltip, usePlotArea, XAxis, YAxis } from "recharts";
import { ChartLegend, type LegendEntry } from "./chart-legend";
import { DEFAULT_CHART_HEIGHT, MISSING, valueAxisWidth } from "./chart-utils";
import { EmptyChart } from "./empty-chart";
import { chartFontFamily } from "./palette";

/** What the quarter charts (trend, distribution) take alike. */
export interface QuarterChartBaseProps {
  /** The x axis, in display order; data for other quarters is ignored. */
  quarters: string[];
  /** Used as the accessible name of the chart. */
  title: string;
  formatValue: (v: number) => string;
  formatQuarter: (q: string) => string;
  unit: string;
  /** Shown instead of the chart when there is no value to draw. */
  emptyMessage: string;
  /** Shown under the chart when only one value (one quarter) has data, which makes no trend. */
  singlePointMessage?: string;
  /** Legend and tooltip text for revised points; without it they are still drawn as diamonds. */
  revisedLabel?: string;
  /** Legend and tooltip text for provisional points; without it they are still drawn hollow. */
  provisionalLabel?: string;
  /** Omit to fill the container's width. */
  width?: number;
  /** Default 320. */
  height?: number;
}

type QuarterChartProps<Row extends { quarter: string }> = Omit<
  QuarterChartBaseProps,
  "quarters" | "revisedLabel" | "provisionalLabel"
> & {
  /** The chart's `data-testid`; its empty state's class is `${testId}-empty`. */
  testId: string;
  /** Starts the legend's, tooltip's and single-point message's class names. */
  classPrefix: string;
  /** Counts for tests, as `data-*` attributes on the chart (and on its empty state). */
  attributes: Record<`data-${string}`, number>;
  /** Values drawn (or quarters with data): none shows the empty message, exactly one the single-point one. */
  dataCount: number;
  /** One per quarter of the x axis. */
  rows: readonly Row[];
  legend: readonly LegendEntry[];
  /** The tooltip's lines (`<li>`) for one quarter, under the quarter's label. */
  tooltipItems: (row: Row, show: TooltipFormat) => ReactNode;
  /** The marks, in paint order. */
  children: ReactNode;
};

/** Values and ranges with their unit, gaps as a dash. */
type TooltipFormat = {
  value: (value: number | null) => string;
  range: (range: readonly [number, number] | null) => string;
};

const MARGIN = { top: 24, right: 16, bottom: 4, left: 8 };

/** The frame, axes, unit, tooltip, legend and messages around a chart of values by quarter. */
export function QuarterChart<Row extends { quarter: string }>({
  testId,
  classPrefix,
  attributes,
  dataCount,
  rows,
  legend,
  tooltipItems,
  children,
  title,
  formatValue,
  formatQuarter,
  unit,
  emptyMessage,
  singlePointMessage,
  width,
  height = DEFAULT_CHART_HEIGHT,
}: QuarterChartProps<Row>) {
  if (dataCount === 0) {
    return (
      <EmptyChart
        testId={testId}
        className={`${testId}-empty`}
        message={emptyMessage}
        width={width}
        height={height}
        attributes={attributes}
      />
    );
  }
  const show: TooltipFormat = {
    value: (value) => (value === null ? MISSING : `${formatValue(value)} ${unit}`),
    range: (range) =>
      range === null ? MISSING : `${formatValue(range[0])}–${formatValue(range[1])} ${unit}`,
  };
  return (
    // SVG <text> inherits font-family through CSS, so setting it here covers ticks, labels and tooltip.
    <div data-testid={testId} {...attributes} style={{ width: width ?? "100%", fontFamily: chartFontFamily }}>
      <ComposedChart
        data={rows}
        // Fixed size when given (deterministic in tests); otherwise track the container width.
        responsive={width === undefined}
        width={width}
        height={height}
        margin={MARGIN}
        role="img"
        aria-label={title}
      >
        <XAxis
          dataKey="quarter"
          tickFormatter={(q: string) => formatQuarter(q)}
          padding={{ left: 16, right: 16 }}
          tickLine={false}
        />
        {/* A width known in advance: "auto" measures the ticks and renders the chart once more. */}
        <YAxis
          width={valueAxisWidth(rows, formatValue)}
          domain={["auto", "auto"]}
          tickFormatter={(v: number) => formatValue(v)}
        />
        <UnitLabel unit={unit} />
        <Tooltip
          content={({ active, label }) => {
            const row = rows.find((r) => r.quarter === label);
            if (!active || !row) return null;
            return (
              <div
                className={`${classPrefix}-tooltip`}
                style={{
                  background: "#fff",
                  border: "1px solid #ccc",
                  padding: "4px 8px",
                  fontSize: 13,
                  color: "#333",
                }}
              >
                <div style={{ fontWeight: 600 }}>{formatQuarter(row.quarter)}</div>
                <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>{tooltipItems(row, show)}</ul>
              </div>
            );
          }}
        />
        {children}
        <Legend content={() => <ChartLegend entries={legend} className={`${classPrefix}-legend`} />} />
      </ComposedChart>
      {dataCount === 1 && singlePointMessage && (
        <p
          className={`${classPrefix}-single-point`}
          style={{ margin: "4px 0 0", fontSize: 13, color: "#555" }}
        >
          {singlePointMessage}
        </p>
      )}
    </div>
  );
}

/** The unit, drawn inside the SVG above the value axis so it also appears in PNG exports. */
function UnitLabel({ unit }: { unit: string }) {
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
