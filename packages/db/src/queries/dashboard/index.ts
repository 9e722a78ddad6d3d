export * from "./compare-series";
export * from "./headline-sparklines";
export * from "./indicator-distribution";
export * from "./indicator-trends";
export {
  ensurePeerStatistics,
  markPeerStatisticsStale,
  peerStatisticsMissing,
  quartersAffectedBy,
  refreshPeerStatistics,
} from "./peer-statistics";
export * from "./percentile-heat";
export {
  MAX_DASHBOARD_INDICATORS,
  MAX_DASHBOARD_QUARTERS,
  MAX_DASHBOARD_ZONES,
  type SeriesMode,
} from "./values";
export * from "./zone-series";
