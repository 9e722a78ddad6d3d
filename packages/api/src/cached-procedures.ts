/**
 * The dashboard procedures whose answers are kept per data version (`dashboard-cache.ts`), and kept as the
 * bytes sent in front of the web app's router (apps/web, `server/dashboard-responses.ts`). No imports: the
 * browser's client takes this module alone, to send these queries one per request, where kept bytes answer.
 */
export const CACHED_DASHBOARD_PROCEDURES = [
  "overview.get",
  "dashboard.overviewExtras",
  "dashboard.zone",
  "dashboard.indicator",
] as const;

export type CachedDashboardProcedure = (typeof CACHED_DASHBOARD_PROCEDURES)[number];
