"use client";

import type { RouterOutputs } from "@zones/api";
import { ChartFrame, LazyDistributionBand, type TrendSeries } from "@zones/charts";
import type { Indicator } from "@zones/domain";
import { useTranslations } from "next-intl";

import { seriesTable, useChartLabels } from "./chart-support";
import { axisQuarters, modeSuffix, useDashboardFormat, useSeriesNotes } from "./dashboard-format";
import { usePeerGroupPhrase } from "./peer-picker";

type IndicatorData = RouterOutputs["dashboard"]["indicator"];

/** The spread across all zones over the range (min, quartiles, max), with one zone's line on top. */
export function IndicatorDistribution({
  data,
  indicator,
  highlight,
}: {
  data: IndicatorData;
  indicator: Indicator;
  highlight: TrendSeries | undefined;
}) {
  const t = useTranslations("dashboard");
  const tCharts = useTranslations("charts");
  const tPeers = useTranslations("peers");
  const peerPhrase = usePeerGroupPhrase();
  const labels = useChartLabels();
  const format = useDashboardFormat(indicator);
  const seriesNotes = useSeriesNotes();
  const band = data.distribution.map((row) => ({
    quarter: row.quarter,
    min: format.round(row.min),
    p25: format.round(row.p25),
    median: format.round(row.median),
    p75: format.round(row.p75),
    max: format.round(row.max),
  }));
  const bandAt = new Map(band.map((row) => [row.quarter, row]));
  const column = (label: string, key: "min" | "p25" | "median" | "p75" | "max") => ({
    label,
    valueAt: (quarter: string) => bandAt.get(quarter)?.[key] ?? null,
  });
  const quarters = axisQuarters(indicator, data.quarters);
  const table = seriesTable(t("common.quarter"), quarters, highlight ? [highlight] : [], [
    column(t("indicator.min"), "min"),
    column(t("indicator.p25"), "p25"),
    column(t("indicator.median"), "median"),
    column(t("indicator.p75"), "p75"),
    column(t("indicator.max"), "max"),
  ]);
  const title = t("indicator.distributionTitle", { indicator: format.title });
  const description = [
    ...seriesNotes(indicator, data.mode),
    highlight
      ? t("indicator.distributionHighlight", { zone: highlight.label })
      : t("indicator.distributionNoHighlight"),
    tPeers("spreadCaption", { group: peerPhrase(data.peers) }),
  ].join(" · ");
  return (
    <section
      className="dashboard-panel"
      aria-labelledby="indicator-distribution"
      data-testid="distribution-section"
    >
      <h2 id="indicator-distribution">{t("indicator.distribution")}</h2>
      <ChartFrame
        title={title}
        description={description}
        fileName={`indicator-${indicator.code}-distribution-${data.from}-${data.to}${modeSuffix(indicator, data.mode)}`}
        table={table}
        labels={labels.frame}
        formatCell={format.formatNumber}
      >
        <LazyDistributionBand
          when="hydrated-on-wide-screens"
          quarters={quarters}
          band={band}
          highlight={highlight}
          title={title}
          formatValue={format.formatChartNumber}
          formatQuarter={format.formatQuarter}
          unit={format.unit}
          emptyMessage={indicator.frequency === "annual" ? t("common.annualEmpty") : labels.empty}
          singlePointMessage={labels.singlePoint}
          labels={{
            range: t("indicator.rangeLabel"),
            iqr: t("indicator.iqrLabel"),
            median: t("indicator.medianLabel"),
          }}
          revisedLabel={tCharts("revised")}
          provisionalLabel={tCharts("provisional")}
        />
      </ChartFrame>
    </section>
  );
}
