export type { ChartFrameProps } from "./chart-frame";
export { ChartFrame } from "./chart-frame";
export type { DeferredChartProps } from "./deferred-chart";
export { DeferredChart } from "./deferred-chart";
export type { DistributionBandPoint, DistributionBandProps } from "./distribution-band";
export { DistributionBand } from "./distribution-band";
export type { IndicatorTrendProps, TrendBandPoint } from "./indicator-trend";
export { IndicatorTrend } from "./indicator-trend";
export { LazyDistributionBand, LazyIndicatorTrend } from "./lazy-charts";
export {
  badColor,
  bandColor,
  blueForRank,
  chartFontFamily,
  contrastRatio,
  dashPatterns,
  distributionColors,
  goodColor,
  lineColors,
  medianColor,
  neutralColor,
  palette,
  relativeLuminance,
  sequentialBlues,
  seriesStyle,
  textColorOn,
} from "./palette";
export type { HeatCell, HeatColumn, HeatZone, PercentileHeatTableProps } from "./percentile-heat-table";
export { PercentileHeatTable } from "./percentile-heat-table";
export type { SparklinePoint, SparklineProps } from "./sparkline";
export { Sparkline } from "./sparkline";
export type { ChartTable } from "./table-export";
export { safeFileName, tableToCsv } from "./table-export";
export type { TrendPoint, TrendSeries } from "./trend-series";
export type { ZoneRankingDatum, ZoneRankingProps } from "./zone-ranking";
export { ZoneRanking } from "./zone-ranking";
