"use client";

import {
  Area,
  ComposedChart,
  DefaultZIndexes,
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
import { bandColor, chartFontFamily, medianColor, seriesStyle } from "./palette";

export interface TrendPoint {
  quarter: string;
  value: number | null;
  /** approved data revised after first approval */
  revised?: boolean;
  /** submitted but not approved (reviewers may include it) */
  provisional?: boolean;
}

export interface TrendSeries {
  /** Stable identity (e.g. zone code); ends up in `data-key` attributes. */
  key: string;
  label: string;
  points: TrendPoint[];
}

export interface TrendBandPoint {
  quarter: string;
  low: number | null;
  median: number | null;
  high: number | null;
}

export interface IndicatorTrendProps {
  /** The x axis, in display order; points for other quarters are ignored. */
  quarters: string[];
  series: TrendSeries[];
  /** Reference band, e.g. the peer zones' interquartile range, with its median. */
  band?: TrendBandPoint[];
  bandLabel?: string;
  medianLabel?: string;
  /** Used as the accessible name of the chart. */
  title: string;
  formatValue: (v: number) => string;
  formatQuarter: (q: string) => string;
  unit: string;
  /** Shown instead of the chart when no series has a value. */
  emptyMessage: string;
  /** Shown under the chart when there is exactly one value, which makes no trend. */
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

type Row = {
  quarter: string;
  band: [number, number] | null;
  median: number | null;
} & { [value: `v${number}`]: number | null };

const DEFAULT_HEIGHT = 320;
const MARGIN = { top: 24, right: 16, bottom: 4, left: 8 };
const BAND_OPACITY = 0.45;

const valueKey = (index: number): `v${number}` => `v${index}`;

export function IndicatorTrend({
  quarters,
  series,
  band,
  bandLabel,
  medianLabel,
  title,
  formatValue,
  formatQuarter,
  unit,
  emptyMessage,
  singlePointMessage,
  revisedLabel,
  provisionalLabel,
  width,
  height = DEFAULT_HEIGHT,
}: IndicatorTrendProps) {
  const pointMaps = series.map((s) => new Map(s.points.map((p) => [p.quarter, p])));
  const bandByQuarter = new Map((band ?? []).map((b) => [b.quarter, b]));

  const rows: Row[] = quarters.map((quarter) => {
    const b = bandByQuarter.get(quarter);
    const low = finiteOrNull(b?.low);
    const high = finiteOrNull(b?.high);
    const row: Row = {
      quarter,
      band: low !== null && high !== null ? [Math.min(low, high), Math.max(low, high)] : null,
      median: finiteOrNull(b?.median),
    };
    pointMaps.forEach((points, i) => {
      row[valueKey(i)] = finiteOrNull(points.get(quarter)?.value);
    });
    return row;
  });

  const points = rows.reduce(
    (sum, row) => sum + series.filter((_, i) => row[valueKey(i)] !== null).length,
    0,
  );
  const hasRange = rows.some((r) => r.band !== null);
  const hasMedian = rows.some((r) => r.median !== null);

  if (points === 0) {
    return (
      <EmptyChart
        testId="indicator-trend"
        className="indicator-trend-empty"
        message={emptyMessage}
        width={width}
        height={height}
        attributes={{ "data-series": series.length }}
      />
    );
  }

  const statusAt = (i: number, quarter: string) => {
    const p = pointMaps[i]?.get(quarter);
    return p && finiteOrNull(p.value) !== null ? p : undefined;
  };
  const hasStatus = (flag: "revised" | "provisional") =>
    series.some((_, i) => quarters.some((q) => statusAt(i, q)?.[flag] === true));

  const legend: LegendEntry[] = series.map((s, i) => {
    const { color, dash } = seriesStyle(i);
    return { key: `series-${s.key}`, label: s.label, kind: "line", color, dash };
  });
  if (hasRange && bandLabel) legend.push({ key: "band", label: bandLabel, kind: "band", color: bandColor });
  if (hasMedian && medianLabel) {
    legend.push({ key: "median", label: medianLabel, kind: "line", color: medianColor, dash: "4 3" });
  }
  if (revisedLabel && hasStatus("revised")) {
    legend.push({ key: "revised", label: revisedLabel, kind: "revised", color: "#333" });
  }
  if (provisionalLabel && hasStatus("provisional")) {
    legend.push({ key: "provisional", label: provisionalLabel, kind: "provisional", color: "#333" });
  }

  return (
    // SVG <text> inherits font-family through CSS, so setting it here covers ticks, labels and tooltip.
    <div
      data-testid="indicator-trend"
      data-series={series.length}
      data-points={points}
      style={{ width: width ?? "100%", fontFamily: chartFontFamily }}
    >
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
        <YAxis width="auto" domain={["auto", "auto"]} tickFormatter={(v: number) => formatValue(v)} />
        <UnitLabel unit={unit} />
        <Tooltip
          content={({ active, label }) => {
            const row = rows.find((r) => r.quarter === label);
            if (!active || !row) return null;
            return (
              <TrendTooltip
                row={row}
                series={series}
                statusAt={statusAt}
                band={hasRange || hasMedian ? { bandLabel, medianLabel } : undefined}
                formatValue={formatValue}
                formatQuarter={formatQuarter}
                unit={unit}
                revisedLabel={revisedLabel}
                provisionalLabel={provisionalLabel}
              />
            );
          }}
        />
        {hasRange && (
          <Area
            dataKey="band"
            className="trend-band"
            name={bandLabel}
            fill={bandColor}
            fillOpacity={BAND_OPACITY}
            stroke="none"
            connectNulls={false}
            activeDot={false}
            legendType="none"
          />
        )}
        {hasRange && (
          <IsolatedBandMarks
            className="trend-band"
            ranges={rows.map((r) => ({
              quarter: r.quarter,
              low: r.band?.[0] ?? null,
              high: r.band?.[1] ?? null,
            }))}
            fill={bandColor}
            fillOpacity={BAND_OPACITY}
          />
        )}
        {hasMedian && (
          <Line
            dataKey="median"
            name={medianLabel}
            stroke={medianColor}
            strokeWidth={1.5}
            strokeDasharray="4 3"
            connectNulls={false}
            dot={false}
            activeDot={false}
            legendType="none"
            // Under the series lines: the reference should never hide a zone's data.
            zIndex={DefaultZIndexes.line - 1}
            shape={(props: LineDrawShapeProps) => (
              <LineDrawShape {...props} className="recharts-line-curve trend-median" />
            )}
          />
        )}
        {hasMedian && (
          <IsolatedMedianMarks
            className="trend-median"
            medians={rows.map((r) => ({ quarter: r.quarter, value: r.median }))}
            stroke={medianColor}
            strokeWidth={1.5}
            strokeDasharray="4 3"
          />
        )}
        {series.map((s, i) => {
          const { color, dash } = seriesStyle(i);
          return (
            <Line
              key={s.key}
              dataKey={valueKey(i)}
              name={s.label}
              data-key={s.key}
              stroke={color}
              strokeWidth={2}
              strokeDasharray={dash}
              connectNulls={false}
              legendType="none"
              shape={(props: LineDrawShapeProps) => (
                <LineDrawShape {...props} className="recharts-line-curve trend-line" />
              )}
              // Every value gets a dot: a quarter between two gaps has no line segment to show it.
              dot={statusDot({
                className: "trend-dot",
                seriesKey: s.key,
                color,
                statusOf: (q) => statusAt(i, q),
              })}
              activeDot={{ r: 5, stroke: "#fff", strokeWidth: 2 }}
            />
          );
        })}
        <Legend content={() => <ChartLegend entries={legend} className="trend-legend" />} />
      </ComposedChart>
      {points === 1 && singlePointMessage && (
        <p className="trend-single-point" style={{ margin: "4px 0 0", fontSize: 13, color: "#555" }}>
          {singlePointMessage}
        </p>
      )}
    </div>
  );
}

function TrendTooltip({
  row,
  series,
  statusAt,
  band,
  formatValue,
  formatQuarter,
  unit,
  revisedLabel,
  provisionalLabel,
}: {
  row: Row;
  series: TrendSeries[];
  statusAt: (i: number, quarter: string) => TrendPoint | undefined;
  band: { bandLabel: string | undefined; medianLabel: string | undefined } | undefined;
  formatValue: (v: number) => string;
  formatQuarter: (q: string) => string;
  unit: string;
  revisedLabel: string | undefined;
  provisionalLabel: string | undefined;
}) {
  const withUnit = (v: number | null) => (v === null ? "—" : `${formatValue(v)} ${unit}`);
  return (
    <div
      className="trend-tooltip"
      style={{ background: "#fff", border: "1px solid #ccc", padding: "4px 8px", fontSize: 13 }}
    >
      <div style={{ fontWeight: 600 }}>{formatQuarter(row.quarter)}</div>
      <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
        {series.map((s, i) => {
          const status = statusAt(i, row.quarter);
          const flag = status?.provisional ? provisionalLabel : status?.revised ? revisedLabel : undefined;
          return (
            <li key={s.key} className="trend-tooltip-item" style={{ color: "#333" }}>
              <span style={{ color: seriesStyle(i).color }}>● </span>
              {s.label}: {withUnit(row[valueKey(i)] ?? null)}
              {flag && <span className="trend-tooltip-flag"> ({flag})</span>}
            </li>
          );
        })}
        {band?.bandLabel && row.band && (
          <li className="trend-tooltip-item" style={{ color: "#555" }}>
            {band.bandLabel}: {formatValue(row.band[0])}–{formatValue(row.band[1])} {unit}
          </li>
        )}
        {band?.medianLabel && row.median !== null && (
          <li className="trend-tooltip-item" style={{ color: "#555" }}>
            {band.medianLabel}: {withUnit(row.median)}
          </li>
        )}
      </ul>
    </div>
  );
}
