"use client";

import {
  formatNumber,
  type Indicator,
  isSingleQuarterDerivable,
  type Locale,
  localized,
  roundTo,
  type SeriesMode,
} from "@zones/domain";
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { useCatalogue } from "~/components/catalogue/catalogue-context";
import { useIndicatorFormat } from "./chart-support";

const chartFormats = new Map<string, Intl.NumberFormat>();

function chartNumber(locale: string, decimals: number): Intl.NumberFormat {
  const key = `${locale}|${decimals}`;
  let format = chartFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: decimals, signDisplay: "negative" });
    chartFormats.set(key, format);
  }
  return format;
}

/**
 * `useIndicatorFormat` plus what the dashboards add. The charts write the unit after the numbers they
 * format (tooltips) and above the axis, so they get `formatNumber` (the indicator's decimals, no unit);
 * `formatValue` (with the unit) would print it twice.
 */
export function useDashboardFormat(indicator: Indicator) {
  const base = useIndicatorFormat(indicator);
  const t = useTranslations("dashboard.common");
  const title = t("chartTitle", { name: base.name, unit: base.unit });
  return useMemo(
    () => ({
      ...base,
      title,
      /** For the on-page tables: always the indicator's decimals (1,400.52; 6.0). */
      formatNumber: (value: number) => formatNumber(value, base.locale, { decimals: indicator.decimals }),
      /** For the charts (axis ticks, tooltips, bar labels): up to the indicator's decimals, so ticks read 3,000. */
      formatChartNumber: (value: number) => chartNumber(base.locale, indicator.decimals).format(value),
      /**
       * Peer statistics come from `percentile_cont` and carry more places (and float noise) than the
       * reported figures; they are shown, exported and tabled at the indicator's own precision, so the
       * CSV and the on-page table hold the same numbers.
       */
      round: (value: number | null | undefined): number | null =>
        value === null || value === undefined || !Number.isFinite(value)
          ? null
          : roundTo(value, indicator.decimals),
    }),
    [base, indicator, title],
  );
}

/**
 * The x axis (and table rows) of an indicator's charts. Annual indicators are reported with Q4 only: on a
 * quarterly axis their values would be lone dots three quarters apart, so their axis is the fourth quarters
 * of the range and the years join up into a line.
 */
export function axisQuarters(indicator: Indicator, quarters: readonly string[]): string[] {
  return indicator.frequency === "annual"
    ? quarters.filter((quarter) => quarter.endsWith("Q4"))
    : [...quarters];
}

/**
 * The parts of a chart's description that say which series it draws: an annual indicator, single-quarter
 * values (or why there are none), or the year to date.
 */
export function useSeriesNotes() {
  const t = useTranslations("dashboard.common");
  return (indicator: Indicator, mode: SeriesMode): string[] => {
    const notes = indicator.frequency === "annual" ? [t("annual")] : [];
    if (mode === "single")
      notes.push(isSingleQuarterDerivable(indicator) ? t("single") : t("singleNotApplicable"));
    else if (indicator.cumulative) notes.push(t("ytd"));
    return notes;
  };
}

/** The end of a chart's file names: `-single` when it draws single-quarter values. */
export function modeSuffix(indicator: Indicator, mode: SeriesMode): string {
  return mode === "single" && isSingleQuarterDerivable(indicator) ? "-single" : "";
}

/** A zone's short name, or its code if the catalogue has no such zone. */
export function useZoneLabel(): (code: string) => string {
  const locale = useLocale() as Locale;
  const catalogue = useCatalogue();
  return (code) => {
    const zone = catalogue.zone(code);
    return zone ? localized(zone.shortName, locale) : code;
  };
}
