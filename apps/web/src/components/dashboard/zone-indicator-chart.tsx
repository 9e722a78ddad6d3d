"use client";

import type { RouterOutputs } from "@zones/api";
import { ChartFrame, LazyIndicatorTrend, type TrendSeries } from "@zones/charts";
import { type Indicator, localized, type Zone } from "@zones/domain";
import { useTranslations } from "next-intl";

import { seriesTable, useChartLabels } from "./chart-support";
import { axisQuarters, modeSuffix, useDashboardFormat, useSeriesNotes } from "./dashboard-format";
import { usePeerBandLabels } from "./peer-band-labels";

/** Height of each small multiple, and of its placeholder until it is drawn. */
const ZONE_CHART_HEIGHT = 240;

type ZoneData = RouterOutputs["dashboard"]["zone"];
type ZonePoint = ZoneData["indicators"][number]["points"][number];

/** One indicator of the zone dashboard: the zone's line in the band of the other zones (low, median, high). */
export function ZoneIndicatorChart({
  zone,
  indicator,
  data,
  points,
}: {
  zone: Zone;
  indicator: Indicator;
  data: ZoneData;
  points: readonly ZonePoint[];
}) {
  const t = useTranslations("dashboard.common");
  const tCharts = useTranslations("charts");
  const labels = useChartLabels();
  const format = useDashboardFormat(indicator);
  const seriesNotes = useSeriesNotes();
  const peerLabels = usePeerBandLabels(data.peers);

  const series: TrendSeries = {
    key: zone.code,
    label: localized(zone.shortName, format.locale),
    points: points.map(({ quarter, value, revised, provisional }) => ({
      quarter,
      value,
      revised,
      provisional,
    })),
  };
  const band = points.map((point) => ({
    quarter: point.quarter,
    low: format.round(point.low),
    median: format.round(point.median),
    high: format.round(point.high),
  }));
  const bandAt = new Map(band.map((row) => [row.quarter, row]));
  const quarters = axisQuarters(indicator, data.quarters);
  const table = seriesTable(
    t("quarter"),
    quarters,
    [series],
    [
      { label: peerLabels.low, valueAt: (quarter) => bandAt.get(quarter)?.low ?? null },
      { label: peerLabels.median, valueAt: (quarter) => bandAt.get(quarter)?.median ?? null },
      { label: peerLabels.high, valueAt: (quarter) => bandAt.get(quarter)?.high ?? null },
    ],
  );
  const description = [...seriesNotes(indicator, data.mode), t("peerNote")].join(" · ");

  return (
    <div
      className="small-multiple"
      data-testid="zone-indicator"
      data-indicator={indicator.code}
      data-frequency={indicator.frequency}
    >
      <ChartFrame
        title={format.title}
        description={description}
        fileName={`zone-${zone.code}-${indicator.code}-${data.from}-${data.to}${modeSuffix(indicator, data.mode)}`}
        table={table}
        labels={labels.frame}
        formatCell={format.formatNumber}
      >
        {/* 30 small multiples: each is loaded and drawn when it nears the viewport, not all at once on load. */}
        <LazyIndicatorTrend
          quarters={quarters}
          series={[series]}
          band={band}
          bandLabel={peerLabels.band}
          medianLabel={peerLabels.median}
          title={format.title}
          formatValue={format.formatChartNumber}
          formatQuarter={format.formatQuarter}
          unit={format.unit}
          emptyMessage={indicator.frequency === "annual" ? t("annualEmpty") : labels.empty}
          singlePointMessage={labels.singlePoint}
          revisedLabel={tCharts("revised")}
          provisionalLabel={tCharts("provisional")}
          height={ZONE_CHART_HEIGHT}
        />
      </ChartFrame>
    </div>
  );
}
