"use client";

import { PercentileHeatTable } from "@zones/charts";
import { formatNumber, type Indicator, type Locale, localized, type Zone } from "@zones/domain";

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
  indicators,
  zones,
}: {
  locale: Locale;
  zoneCodes: string[];
  /** The rows: the catalogue's indicators in force in the bulletin's year. */
  indicators: Indicator[];
  /** The catalogue's zones, for the columns' names. */
  zones: Zone[];
  cells: BulletinHeatCell[];
  labels: { caption: string; low: string; high: string; missing: string; percentile: string };
}) {
  return (
    <PercentileHeatTable
      caption={labels.caption}
      zones={indicators.map((indicator) => ({
        key: indicator.code,
        label: `${localized(indicator.name, locale)}（${localized(indicator.unit, locale)}）`,
      }))}
      columns={zoneCodes.map((code) => ({
        key: code,
        label: localized(
          zones.find((zone) => zone.code === code)?.shortName ?? { zh: code, en: code },
          locale,
        ),
        unit: "",
      }))}
      cells={cells.map((cell) => ({
        zoneKey: cell.indicatorCode,
        columnKey: cell.zoneCode,
        value: cell.value,
        formatted: formatNumber(cell.value, locale, {
          decimals: indicators.find((indicator) => indicator.code === cell.indicatorCode)?.decimals,
        }),
        percentile: cell.percentile,
      }))}
      percentileLabel={(p) => labels.percentile.replace("{p}", String(Math.round(p * 100)))}
      missingLabel={labels.missing}
      legend={{ low: labels.low, high: labels.high }}
    />
  );
}
