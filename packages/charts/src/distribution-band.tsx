"use client";

import {
  Area,
  ComposedChart,
  Legend,
  Line,
  LineDrawShape,
  type LineDrawShapeProps,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import {
  ChartLegend,
  EmptyChart,
  finiteOrNull,
  IsolatedBandMarks,
  IsolatedMedianMarks,
  type LegendEntry,
  statusDot,
  UnitLabel,
} from "./chart-parts";
import type { TrendPoint, TrendSeries } from "./indicator-trend";
import { chartFontFamily, distributionColors, palette } from "./palette";

export interface DistributionBandPoint {
  quarter: string;
  min: number | null;
  p25: number | null;
  median: number | null;
  p75: number | null;
  max: number | null;
}

export interface DistributionBandProps {
  /** The x axis, in display order; band and highlight points for other quarters are ignored. */
  quarters: string[];
  /** The spread across zones, per quarter. */
  band: DistributionBandPoint[];
  /** One zone drawn over the spread, e.g. the zone the reader is looking at. */
  highlight?: TrendSeries;
  /** Used as the accessible name of the chart. */
  title: string;
  formatValue: (v: number) => string;
  formatQuarter: (q: string) => string;
  unit: string;
  /** Shown instead of the chart when neither the band nor the highlight has a value. */
  emptyMessage: string;
  /** Shown under the chart when only one quarter has data, which makes no trend. */
  singlePointMessage?: string;
  labels: { range: string; iqr: string; median: string };
  /** Legend text for the highlight's revised points (hollow diamonds). */
  revisedLabel?: string;
  /** Legend text for the highlight's provisional points (hollow circles). */
  provisionalLabel?: string;
  /** Omit to fill the container's width. */
  width?: number;
  /** Default 320. */
  height?: number;
}

type Row = {
  quarter: string;
  range: [number, number] | null;
  iqr: [number, number] | null;
  median: number | null;
  highlight: number | null;
};

const DEFAULT_HEIGHT = 320;
const MARGIN = { top: 24, right: 16, bottom: 4, left: 8 };
const highlightColor = palette[0];

function pair(a: number | null | undefined, b: number | null | undefined): [number, number] | null {
  const x = finiteOrNull(a);
  const y = finiteOrNull(b);
  return x === null || y === null ? null : [Math.min(x, y), Math.max(x, y)];
}

export function DistributionBand({
  quarters,
  band,
  highlight,
  title,
  formatValue,
  formatQuarter,
  unit,
  emptyMessage,
  singlePointMessage,
  labels,
  revisedLabel,
  provisionalLabel,
  width,
  height = DEFAULT_HEIGHT,
}: DistributionBandProps) {
  const bandByQuarter = new Map(band.map((b) => [b.quarter, b]));
  const highlightByQuarter = new Map((highlight?.points ?? []).map((p) => [p.quarter, p]));
  const rows: Row[] = quarters.map((quarter) => {
    const b = bandByQuarter.get(quarter);
    return {
      quarter,
      range: pair(b?.min, b?.max),
      iqr: pair(b?.p25, b?.p75),
      median: finiteOrNull(b?.median),
      highlight: finiteOrNull(highlightByQuarter.get(quarter)?.value),
    };
  });

  const bandPoints = rows.filter((r) => r.range !== null || r.iqr !== null || r.median !== null).length;
  const highlightPoints = rows.filter((r) => r.highlight !== null).length;
  const quartersWithData = rows.filter(
    (r) => r.range !== null || r.iqr !== null || r.median !== null || r.highlight !== null,
  ).length;

  if (quartersWithData === 0) {
    return (
      <EmptyChart
        testId="distribution-band"
        className="distribution-band-empty"
        message={emptyMessage}
        width={width}
        height={height}
        attributes={{ "data-highlight-points": 0 }}
      />
    );
  }

  const hasRange = rows.some((r) => r.range !== null);
  const hasIqr = rows.some((r) => r.iqr !== null);
  const hasMedian = rows.some((r) => r.median !== null);
  const statusOf = (quarter: string): TrendPoint | undefined => {
    const p = highlightByQuarter.get(quarter);
    return p && finiteOrNull(p.value) !== null ? p : undefined;
  };

  const legend: LegendEntry[] = [];
  if (highlight && highlightPoints > 0) {
    legend.push({ key: "highlight", label: highlight.label, kind: "line", color: highlightColor });
  }
  if (hasMedian) {
    legend.push({ key: "median", label: labels.median, kind: "line", color: distributionColors.median });
  }
  if (hasIqr) legend.push({ key: "iqr", label: labels.iqr, kind: "band", color: distributionColors.iqr });
  if (hasRange)
    legend.push({ key: "range", label: labels.range, kind: "band", color: distributionColors.range });
  const hasStatus = (flag: "revised" | "provisional") => quarters.some((q) => statusOf(q)?.[flag] === true);
  if (revisedLabel && hasStatus("revised")) {
    legend.push({ key: "revised", label: revisedLabel, kind: "revised", color: "#333" });
  }
  if (provisionalLabel && hasStatus("provisional")) {
    legend.push({ key: "provisional", label: provisionalLabel, kind: "provisional", color: "#333" });
  }

  const rangesOf = (key: "range" | "iqr") =>
    rows.map((r) => ({ quarter: r.quarter, low: r[key]?.[0] ?? null, high: r[key]?.[1] ?? null }));

  return (
    <div
      data-testid="distribution-band"
      data-points={bandPoints}
      data-highlight-points={highlightPoints}
      style={{ width: width ?? "100%", fontFamily: chartFontFamily }}
    >
      <ComposedChart
        data={rows}
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
        <YAxis width="auto" domain={["auto", "auto"]} tickFormatter={(v: number) => formatValue(v)} />
        <UnitLabel unit={unit} />
        <Tooltip
          content={({ active, label }) => {
            const row = rows.find((r) => r.quarter === label);
            if (!active || !row) return null;
            return (
              <BandTooltip
                row={row}
                highlightLabel={highlight?.label}
                labels={labels}
                formatValue={formatValue}
                formatQuarter={formatQuarter}
                unit={unit}
              />
            );
          }}
        />
        {/* Declaration order is paint order within a layer: the light range first, the IQR over it. */}
        {hasRange && (
          <Area
            dataKey="range"
            className="band-range"
            name={labels.range}
            fill={distributionColors.range}
            fillOpacity={1}
            stroke="none"
            connectNulls={false}
            activeDot={false}
            legendType="none"
          />
        )}
        {hasRange && (
          <IsolatedBandMarks
            className="band-range"
            ranges={rangesOf("range")}
            fill={distributionColors.range}
          />
        )}
        {hasIqr && (
          <Area
            dataKey="iqr"
            className="band-iqr"
            name={labels.iqr}
            fill={distributionColors.iqr}
            fillOpacity={1}
            stroke="none"
            connectNulls={false}
            activeDot={false}
            legendType="none"
          />
        )}
        {hasIqr && (
          <IsolatedBandMarks className="band-iqr" ranges={rangesOf("iqr")} fill={distributionColors.iqr} />
        )}
        {hasMedian && (
          <Line
            dataKey="median"
            name={labels.median}
            stroke={distributionColors.median}
            strokeWidth={1.5}
            connectNulls={false}
            dot={false}
            activeDot={false}
            legendType="none"
            shape={(props: LineDrawShapeProps) => (
              <LineDrawShape {...props} className="recharts-line-curve band-median" />
            )}
          />
        )}
        {hasMedian && (
          <IsolatedMedianMarks
            className="band-median"
            medians={rows.map((r) => ({ quarter: r.quarter, value: r.median }))}
            stroke={distributionColors.median}
            strokeWidth={2}
          />
        )}
        {highlight && highlightPoints > 0 && (
          <Line
            dataKey="highlight"
            name={highlight.label}
            data-key={highlight.key}
            stroke={highlightColor}
            strokeWidth={2.5}
            connectNulls={false}
            legendType="none"
            shape={(props: LineDrawShapeProps) => (
              <LineDrawShape {...props} className="recharts-line-curve band-highlight" />
            )}
            dot={statusDot({
              className: "band-highlight-dot",
              seriesKey: highlight.key,
              color: highlightColor,
              statusOf,
            })}
            activeDot={{ r: 5, stroke: "#fff", strokeWidth: 2 }}
          />
        )}
        <Legend content={() => <ChartLegend entries={legend} className="band-legend" />} />
      </ComposedChart>
      {quartersWithData === 1 && singlePointMessage && (
        <p className="band-single-point" style={{ margin: "4px 0 0", fontSize: 13, color: "#555" }}>
          {singlePointMessage}
        </p>
      )}
    </div>
  );
}

function BandTooltip({
  row,
  highlightLabel,
  labels,
  formatValue,
  formatQuarter,
  unit,
}: {
  row: Row;
  highlightLabel: string | undefined;
  labels: DistributionBandProps["labels"];
  formatValue: (v: number) => string;
  formatQuarter: (q: string) => string;
  unit: string;
}) {
  const one = (v: number | null) => (v === null ? "—" : `${formatValue(v)} ${unit}`);
  const span = (r: [number, number] | null) =>
    r === null ? "—" : `${formatValue(r[0])}–${formatValue(r[1])} ${unit}`;
  return (
    <div
      className="band-tooltip"
      style={{
        background: "#fff",
        border: "1px solid #ccc",
        padding: "4px 8px",
        fontSize: 13,
        color: "#333",
      }}
    >
      <div style={{ fontWeight: 600 }}>{formatQuarter(row.quarter)}</div>
      <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
        {highlightLabel !== undefined && (
          <li className="band-tooltip-item">
            {highlightLabel}: {one(row.highlight)}
          </li>
        )}
        <li className="band-tooltip-item">
          {labels.median}: {one(row.median)}
        </li>
        <li className="band-tooltip-item">
          {labels.iqr}: {span(row.iqr)}
        </li>
        <li className="band-tooltip-item">
          {labels.range}: {span(row.range)}
        </li>
      </ul>
    </div>
  );
}
