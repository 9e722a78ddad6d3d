"use client";

import { DistributionBand } from "@zones/charts";
import { formatNumber, formatQuarterLabel, type Indicator, type Locale, localized } from "@zones/domain";

export interface ZoneTrendPoint {
  indicatorCode: string;
  quarter: string;
  value: number | null;
  low: number | null;
  median: number | null;
  high: number | null;
}

/** Printed size of each small multiple: two per row of an A4 page. */
const WIDTH = 330;
const HEIGHT = 150;

/**
 * A zone's small multiples: each headline indicator's line over the last two years, in the band of the zones
 * (interquartile range and median). Fixed sizes, so that nothing waits for a measurement before printing; no
 * animation in print (Recharts follows the printing browser's reduced motion).
 */
export function ZoneTrends({
  locale,
  zoneCode,
  indicators,
  zoneLabel,
  quarters,
  points,
  labels,
}: {
  locale: Locale;
  zoneCode: string;
  /** The points' indicators, from the database's catalogue. */
  indicators: Indicator[];
  zoneLabel: string;
  quarters: string[];
  points: ZoneTrendPoint[];
  labels: { chartTitle: string; empty: string; range: string; iqr: string; median: string };
}) {
  const codes = [...new Set(points.map((point) => point.indicatorCode))];
  return (
    <div className="bulletin-multiples">
      {codes.map((code) => {
        const indicator = indicators.find((candidate) => candidate.code === code);
        if (!indicator) return null;
        const own = points.filter((point) => point.indicatorCode === code);
        const title = labels.chartTitle
          .replace("{name}", localized(indicator.name, locale))
          .replace("{unit}", localized(indicator.unit, locale));
        return (
          <figure key={code} className="bulletin-multiple" data-bulletin-chart={code}>
            <figcaption>{title}</figcaption>
            <DistributionBand
              quarters={quarters}
              band={own.map((point) => ({
                quarter: point.quarter,
                min: null,
                p25: point.low,
                median: point.median,
                p75: point.high,
                max: null,
              }))}
              highlight={{
                key: zoneCode,
                label: zoneLabel,
                points: own.map((point) => ({ quarter: point.quarter, value: point.value })),
              }}
              labels={{ range: labels.range, iqr: labels.iqr, median: labels.median }}
              title={title}
              formatValue={(v) => formatNumber(v, locale, { decimals: indicator.decimals })}
              formatQuarter={(q) => formatQuarterLabel(q as `${number}Q${1 | 2 | 3 | 4}`, locale)}
              unit={localized(indicator.unit, locale)}
              emptyMessage={labels.empty}
              width={WIDTH}
              height={HEIGHT}
            />
          </figure>
        );
      })}
    </div>
  );
}
