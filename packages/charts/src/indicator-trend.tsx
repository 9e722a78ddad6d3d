"use client";

import { DefaultZIndexes } from "recharts";
import { type LegendEntry, statusLegendEntries } from "./chart-legend";
import { finiteOrNull, finiteRange } from "./chart-utils";
import { bandColor, medianColor, seriesStyle } from "./palette";
import { QuarterChart, type QuarterChartBaseProps } from "./quarter-chart";
import { MedianLine, RangeArea } from "./reference-marks";
import { StatusLine } from "./status-line";
import { drawnPoints, type TrendPoint, type TrendSeries } from "./trend-series";

export interface TrendBandPoint {
  quarter: string;
  low: number | null;
  median: number | null;
  high: number | null;
}

export interface IndicatorTrendProps extends QuarterChartBaseProps {
  series: TrendSeries[];
  /** Reference band, e.g. the peer zones' interquartile range, with its median. */
  band?: TrendBandPoint[];
  bandLabel?: string;
  medianLabel?: string;
}

type Row = {
  quarter: string;
  band: [number, number] | null;
  median: number | null;
} & { [value: `v${number}`]: number | null };

const BAND_OPACITY = 0.45;

const valueKey = (index: number): `v${number}` => `v${index}`;

export function IndicatorTrend({
  quarters,
  series,
  band,
  bandLabel,
  medianLabel,
  revisedLabel,
  provisionalLabel,
  ...chart
}: IndicatorTrendProps) {
  const pointsOf = series.map((s) => drawnPoints(s.points));
  const bandByQuarter = new Map((band ?? []).map((b) => [b.quarter, b]));

  const rows: Row[] = quarters.map((quarter) => {
    const b = bandByQuarter.get(quarter);
    const row: Row = { quarter, band: finiteRange(b?.low, b?.high), median: finiteOrNull(b?.median) };
    pointsOf.forEach((pointAt, i) => {
      row[valueKey(i)] = pointAt(quarter)?.value ?? null;
    });
    return row;
  });

  const points = rows.reduce(
    (sum, row) => sum + series.filter((_, i) => row[valueKey(i)] !== null).length,
    0,
  );
  const hasRange = rows.some((r) => r.band !== null);
  const hasMedian = rows.some((r) => r.median !== null);
  const statusAt = (i: number, quarter: string): TrendPoint | undefined => pointsOf[i]?.(quarter);

  const legend: LegendEntry[] = series.map((s, i) => {
    const { color, dash } = seriesStyle(i);
    return { key: `series-${s.key}`, label: s.label, kind: "line", color, dash };
  });
  if (hasRange && bandLabel) legend.push({ key: "band", label: bandLabel, kind: "band", color: bandColor });
  if (hasMedian && medianLabel) {
    legend.push({ key: "median", label: medianLabel, kind: "line", color: medianColor, dash: "4 3" });
  }
  legend.push(
    ...statusLegendEntries(
      { revised: revisedLabel, provisional: provisionalLabel },
      pointsOf.flatMap((pointAt) => quarters.map(pointAt)),
    ),
  );

  return (
    <QuarterChart
      {...chart}
      testId="indicator-trend"
      classPrefix="trend"
      attributes={{ "data-series": series.length, "data-points": points }}
      dataCount={points}
      rows={rows}
      legend={legend}
      tooltipItems={(row, show) => (
        <>
          {series.map((s, i) => {
            const status = statusAt(i, row.quarter);
            const flag = status?.provisional ? provisionalLabel : status?.revised ? revisedLabel : undefined;
            return (
              <li key={s.key} className="trend-tooltip-item" style={{ color: "#333" }}>
                <span style={{ color: seriesStyle(i).color }}>● </span>
                {s.label}: {show.value(row[valueKey(i)] ?? null)}
                {flag && <span className="trend-tooltip-flag"> ({flag})</span>}
              </li>
            );
          })}
          {bandLabel && row.band && (
            <li className="trend-tooltip-item" style={{ color: "#555" }}>
              {bandLabel}: {show.range(row.band)}
            </li>
          )}
          {medianLabel && row.median !== null && (
            <li className="trend-tooltip-item" style={{ color: "#555" }}>
              {medianLabel}: {show.value(row.median)}
            </li>
          )}
        </>
      )}
    >
      {hasRange && (
        <RangeArea
          rows={rows}
          dataKey="band"
          className="trend-band"
          name={bandLabel}
          fill={bandColor}
          fillOpacity={BAND_OPACITY}
        />
      )}
      {hasMedian && (
        <MedianLine
          rows={rows}
          className="trend-median"
          name={medianLabel}
          stroke={medianColor}
          dash="4 3"
          markStrokeWidth={1.5}
          // Under the series lines: the reference should never hide a zone's data.
          zIndex={DefaultZIndexes.line - 1}
        />
      )}
      {series.map((s, i) => {
        const { color, dash } = seriesStyle(i);
        return (
          <StatusLine
            key={s.key}
            dataKey={valueKey(i)}
            name={s.label}
            seriesKey={s.key}
            color={color}
            strokeWidth={2}
            dash={dash}
            lineClassName="trend-line"
            dotClassName="trend-dot"
            statusOf={(q) => statusAt(i, q)}
          />
        );
      })}
    </QuarterChart>
  );
}
