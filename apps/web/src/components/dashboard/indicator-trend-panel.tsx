"use client";

import type { RouterOutputs } from "@zones/api";
import { ChartFrame, LazyIndicatorTrend, type TrendSeries } from "@zones/charts";
import type { Indicator, ZoneCode } from "@zones/domain";
import { useTranslations } from "next-intl";

import { seriesTable, useChartLabels } from "./chart-support";
import { axisQuarters, modeSuffix, useDashboardFormat, useSeriesNotes } from "./dashboard-format";
import { ZonePicker } from "./zone-picker";

type IndicatorData = RouterOutputs["dashboard"]["indicator"];

/** The chosen zones' trend lines, with the zone picker above the chart. */
export function IndicatorTrendPanel({
  data,
  indicator,
  selected,
  byDefault,
  series,
  onZones,
}: {
  data: IndicatorData;
  indicator: Indicator;
  selected: readonly ZoneCode[];
  byDefault: readonly ZoneCode[];
  /** The selected zones' lines, in the order chosen. */
  series: TrendSeries[];
  onZones: (zones: readonly ZoneCode[]) => void;
}) {
  const t = useTranslations("dashboard");
  const tCharts = useTranslations("charts");
  const labels = useChartLabels();
  const format = useDashboardFormat(indicator);
  const seriesNotes = useSeriesNotes();
  const quarters = axisQuarters(indicator, data.quarters);
  const title = t("indicator.trendTitle", { indicator: format.title });
  return (
    <section className="dashboard-panel" aria-labelledby="indicator-trend" data-testid="trend-section">
      <h2 id="indicator-trend">{t("indicator.trend")}</h2>
      <ZonePicker selected={selected} byDefault={byDefault} onChange={onZones} />
      <ChartFrame
        title={title}
        description={seriesNotes(indicator, data.mode).join(" · ")}
        fileName={`indicator-${indicator.code}-trend-${data.from}-${data.to}${modeSuffix(indicator, data.mode)}`}
        table={seriesTable(t("common.quarter"), quarters, series)}
        labels={labels.frame}
        formatCell={format.formatNumber}
      >
        <LazyIndicatorTrend
          when="hydrated-on-wide-screens"
          quarters={quarters}
          series={series}
          title={title}
          formatValue={format.formatChartNumber}
          formatQuarter={format.formatQuarter}
          unit={format.unit}
          emptyMessage={
            selected.length === 0
              ? t("indicator.noZones")
              : indicator.frequency === "annual"
                ? t("common.annualEmpty")
                : labels.empty
          }
          singlePointMessage={labels.singlePoint}
          revisedLabel={tCharts("revised")}
          provisionalLabel={tCharts("provisional")}
        />
      </ChartFrame>
    </section>
  );
}
