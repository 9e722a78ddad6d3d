"use client";

import { ChartFrame, LazyIndicatorTrend, type TrendSeries } from "@zones/charts";
import {
  appliesToQuarter,
  formatNumber,
  type Indicator,
  isSingleQuarterDerivable,
  type QuarterString,
  type SeriesMode,
} from "@zones/domain";
import { useTranslations } from "next-intl";

import { seriesTable, useChartLabels, useIndicatorFormat } from "~/components/dashboard/chart-support";

/**
 * One indicator, a line per zone, in a frame with CSV / PNG downloads and the numbers as a table.
 * Annual indicators are drawn on their Q4s only, so their year-end values join into a line.
 */
export function CompareChart({
  indicator,
  zoneCodes,
  series,
  quarters,
  from,
  to,
  mode,
}: {
  indicator: Indicator;
  zoneCodes: readonly string[];
  series: TrendSeries[];
  quarters: readonly string[];
  from: string;
  to: string;
  mode: SeriesMode;
}) {
  const t = useTranslations("compare.chart");
  const tCharts = useTranslations("charts");
  const format = useIndicatorFormat(indicator);
  const labels = useChartLabels();
  const axis = quarters.filter((quarter) => appliesToQuarter(indicator, quarter as QuarterString));
  const title = t("title", {
    indicator: format.name,
    from: format.formatQuarter(from),
    to: format.formatQuarter(to),
  });
  // The unit is on the axis (and in the table's headers), so ticks and cells show the number only. Ticks
  // fall between reported values (3.15 between 3.1 and 3.2): the chart gets the number as precise as it
  // is, the table the indicator's own decimals.
  const tick = (value: number) => formatNumber(value, format.locale);
  const number = (value: number) => formatNumber(value, format.locale, { decimals: indicator.decimals });
  const table = seriesTable(
    t("quarter"),
    axis,
    series.map((line) => ({ ...line, label: t("column", { zone: line.label, unit: format.unit }) })),
  );

  const notes: string[] = [];
  if (indicator.frequency === "annual") notes.push(t("annualNote"));
  if (indicator.cumulative) {
    if (mode === "ytd") notes.push(t("ytdNote"));
    else notes.push(isSingleQuarterDerivable(indicator) ? t("singleNote") : t("asReportedNote"));
  }

  return (
    <div className="compare-chart" data-indicator={indicator.code}>
      <ChartFrame
        title={title}
        description={notes.length > 0 ? notes.join(" ") : undefined}
        fileName={`compare-${zoneCodes.join("_")}-${indicator.code}-${from}-${to}`}
        table={table}
        labels={labels.frame}
        formatCell={number}
      >
        <LazyIndicatorTrend
          when="hydrated-on-wide-screens"
          quarters={axis}
          series={series}
          title={title}
          formatValue={tick}
          formatQuarter={format.formatQuarter}
          unit={format.unit}
          emptyMessage={axis.length === 0 ? t("noYearEnd") : labels.empty}
          singlePointMessage={labels.singlePoint}
          revisedLabel={tCharts("revised")}
          provisionalLabel={tCharts("provisional")}
          height={280}
        />
      </ChartFrame>
    </div>
  );
}
