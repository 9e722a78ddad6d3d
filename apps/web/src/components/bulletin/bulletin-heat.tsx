"use client";

import { PercentileHeatTable } from "@zones/charts";
import { formatNumber, getIndicator, getZone, INDICATORS, type Locale, localized } from "@zones/domain";

export interface BulletinHeatCell {
  zoneCode: string;
  indicatorCode: string;
  value: number | null;
  percentile: number | null;
}

/**
 * The heat table turned on its side for an A4 page: one row per indicator (its unit beside its name), one
 * column per zone, each cell the value coloured by its percentile among the zones.
 */
export function BulletinHeat({
  locale,
  zoneCodes,
  cells,
  labels,
}: {
  locale: Locale;
  zoneCodes: string[];
  cells: BulletinHeatCell[];
  labels: { caption: string; low: string; high: string; missing: string; percentile: string };
}) {
  return (
    <PercentileHeatTable
      caption={labels.caption}
      zones={INDICATORS.map((indicator) => ({
        key: indicator.code,
        label: `${localized(indicator.name, locale)}（${localized(indicator.unit, locale)}）`,
      }))}
      columns={zoneCodes.map((code) => ({
        key: code,
        label: localized(getZone(code).shortName, locale),
        unit: "",
      }))}
      cells={cells.map((cell) => ({
        zoneKey: cell.indicatorCode,
        columnKey: cell.zoneCode,
        value: cell.value,
        formatted: formatNumber(cell.value, locale, { decimals: getIndicator(cell.indicatorCode).decimals }),
        percentile: cell.percentile,
      }))}
      percentileLabel={(p) => labels.percentile.replace("{p}", String(Math.round(p * 100)))}
      missingLabel={labels.missing}
      legend={{ low: labels.low, high: labels.high }}
    />
  );
}
