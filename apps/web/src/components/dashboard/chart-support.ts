"use client";

import type { ChartTable, TrendSeries } from "@zones/charts";
import { formatQuarterLabel, formatValue, type Indicator, type Locale, localized } from "@zones/domain";
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";

/** Formatters and texts a chart of one indicator needs, in the page's language. */
export function useIndicatorFormat(indicator: Indicator) {
  const locale = useLocale() as Locale;
  return useMemo(
    () => ({
      locale,
      unit: localized(indicator.unit, locale),
      name: localized(indicator.name, locale),
      /** With the unit, for running text; chart props get unit-less numbers (the charts print the unit). */
      formatValue: (value: number) => formatValue(value, indicator, locale),
      formatQuarter: (quarter: string) => formatQuarterLabel(quarter as `${number}Q${1 | 2 | 3 | 4}`, locale),
    }),
    [indicator, locale],
  );
}

/** The labels every `ChartFrame` shows, and the shared chart messages. */
export function useChartLabels() {
  const t = useTranslations("charts");
  return {
    frame: { downloadCsv: t("downloadCsv"), downloadPng: t("downloadPng"), showTable: t("showTable") },
    empty: t("empty"),
    singlePoint: t("singlePoint"),
  };
}

/**
 * The numbers of line series as a table (quarter rows, a column per series, raw numbers) for the chart's
 * CSV download and the accessible table under it. Extra columns (e.g. a band) come after the series.
 */
export function seriesTable(
  quarterHeader: string,
  quarters: readonly string[],
  series: readonly TrendSeries[],
  extra: readonly { label: string; valueAt: (quarter: string) => number | null }[] = [],
): ChartTable {
  const byQuarter = series.map((line) => new Map(line.points.map((point) => [point.quarter, point.value])));
  return {
    columns: [quarterHeader, ...series.map((line) => line.label), ...extra.map((column) => column.label)],
    rows: quarters.map((quarter) => [
      quarter,
      ...byQuarter.map((values) => values.get(quarter) ?? null),
      ...extra.map((column) => column.valueAt(quarter)),
    ]),
  };
}
