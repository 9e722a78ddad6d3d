"use client";

import { type LegendEntry, statusLegendEntries } from "./chart-legend";
import { finiteOrNull, finiteRange } from "./chart-utils";
import { distributionColors, palette } from "./palette";
import { QuarterChart, type QuarterChartBaseProps } from "./quarter-chart";
import { MedianLine, RangeArea } from "./reference-marks";
import { StatusLine } from "./status-line";
import { drawnPoints, type TrendSeries } from "./trend-series";

export interface DistributionBandPoint {
  quarter: string;
  min: number | null;
  p25: number | null;
  median: number | null;
  p75: number | null;
  max: number | null;
}

export interface DistributionBandProps extends QuarterChartBaseProps {
  /** The spread across zones, per quarter. */
  band: DistributionBandPoint[];
  /** One zone drawn over the spread, e.g. the zone the reader is looking at. */
  highlight?: TrendSeries;
  labels: { range: string; iqr: string; median: string };
}

type Row = {
  quarter: string;
  range: [number, number] | null;
  iqr: [number, number] | null;
  median: number | null;
  highlight: number | null;
};

const highlightColor = palette[0];

export function DistributionBand({
  quarters,
  band,
  highlight,
  labels,
  revisedLabel,
  provisionalLabel,
  ...chart
}: DistributionBandProps) {
  const bandByQuarter = new Map(band.map((b) => [b.quarter, b]));
  const highlightAt = drawnPoints(highlight?.points ?? []);
  const rows: Row[] = quarters.map((quarter) => {
    const b = bandByQuarter.get(quarter);
    return {
      quarter,
      range: finiteRange(b?.min, b?.max),
      iqr: finiteRange(b?.p25, b?.p75),
      median: finiteOrNull(b?.median),
      highlight: highlightAt(quarter)?.value ?? null,
    };
  });

  const hasBand = (r: Row) => r.range !== null || r.iqr !== null || r.median !== null;
  const bandPoints = rows.filter(hasBand).length;
  const highlightPoints = rows.filter((r) => r.highlight !== null).length;
  const quartersWithData = rows.filter((r) => hasBand(r) || r.highlight !== null).length;
  // The light range first, the IQR over it: declaration order is paint order within a layer.
  const spreads = (["range", "iqr"] as const).filter((key) => rows.some((r) => r[key] !== null));
  const hasMedian = rows.some((r) => r.median !== null);

  const legend: LegendEntry[] = [];
  if (highlight && highlightPoints > 0) {
    legend.push({ key: "highlight", label: highlight.label, kind: "line", color: highlightColor });
  }
  if (hasMedian) {
    legend.push({ key: "median", label: labels.median, kind: "line", color: distributionColors.median });
  }
  // Inner spread first, as in the tooltip.
  for (const key of [...spreads].reverse()) {
    legend.push({ key, label: labels[key], kind: "band", color: distributionColors[key] });
  }
  legend.push(
    ...statusLegendEntries(
      { revised: revisedLabel, provisional: provisionalLabel },
      quarters.map(highlightAt),
    ),
  );

  return (
    <QuarterChart
      {...chart}
      testId="distribution-band"
      classPrefix="band"
      attributes={{ "data-points": bandPoints, "data-highlight-points": highlightPoints }}
      dataCount={quartersWithData}
      rows={rows}
      legend={legend}
      tooltipItems={(row, show) => {
        const items: [key: string, label: string, text: string][] = [
          ["median", labels.median, show.value(row.median)],
          ["iqr", labels.iqr, show.range(row.iqr)],
          ["range", labels.range, show.range(row.range)],
        ];
        if (highlight) items.unshift(["highlight", highlight.label, show.value(row.highlight)]);
        return items.map(([key, label, text]) => (
          <li key={key} className="band-tooltip-item">
            {label}: {text}
          </li>
        ));
      }}
    >
      {spreads.map((key) => (
        <RangeArea
          key={key}
          rows={rows}
          dataKey={key}
          className={`band-${key}`}
          name={labels[key]}
          fill={distributionColors[key]}
        />
      ))}
      {hasMedian && (
        <MedianLine
          rows={rows}
          className="band-median"
          name={labels.median}
          stroke={distributionColors.median}
          markStrokeWidth={2}
        />
      )}
      {highlight && highlightPoints > 0 && (
        <StatusLine
          dataKey="highlight"
          name={highlight.label}
          seriesKey={highlight.key}
          color={highlightColor}
          strokeWidth={2.5}
          lineClassName="band-highlight"
          dotClassName="band-highlight-dot"
          statusOf={highlightAt}
        />
      )}
    </QuarterChart>
  );
}
