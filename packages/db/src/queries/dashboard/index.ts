export {
  COMPARE_MAX_ZONES,
  COMPARE_MIN_ZONES,
  type CompareRow,
  type CompareSeriesParams,
  compareSeries,
} from "./compare-series";
export { readDataVersion } from "./data-version";
export { type HeadlineSparklinesParams, headlineSparklines, type SparklineRow } from "./headline-sparklines";
export {
  type DistributionRow,
  type IndicatorDistributionParams,
  indicatorDistribution,
} from "./indicator-distribution";
export { type IndicatorTrendsParams, indicatorTrends, type TrendRow } from "./indicator-trends";
export { type PeerGroupChoice, peerGroupChoices, peerGroupMember } from "./peer-groups";
export {
  ensurePeerStatistics,
  markPeerStatisticsStale,
  peerStatisticsMissing,
  quartersAffectedBy,
  refreshPeerStatistics,
} from "./peer-statistics";
export {
  type HeatCell,
  livePercentileHeat,
  type PercentileHeatParams,
  percentileHeat,
} from "./percentile-heat";
export {
  MAX_DASHBOARD_INDICATORS,
  MAX_DASHBOARD_QUARTERS,
  MAX_DASHBOARD_ZONES,
  type SeriesMode,
} from "./values";
export { type ZoneSeriesParams, type ZoneSeriesRow, zoneSeries } from "./zone-series";
